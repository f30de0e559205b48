// Lazy modules: code and data that only rare actions need (the embedded sets, the official-table reader,
// the email bodies…) stay out of dist/Code.js, which every custom-function call and every trigger loads whole
// (in Apps Script every script file of the project is loaded for every execution; HTML files are not).
//
// A source file named `*.lazy.ts` is a plain module for tests, the demo and the type checker. In the Apps
// Script bundle, build.mjs (through this esbuild plugin) instead:
//   1. bundles the module on its own (with its own copy of what it imports) into dist/lazy_<name>.html;
//   2. puts in its place, in Code.js, one small function per export that reads that file on the first call
//      with HtmlService.createHtmlOutputFromFile(name).getContent() — Google's documented way to read a
//      project file's content from server code ("Separate HTML, CSS, and JavaScript",
//      https://developers.google.com/apps-script/guides/html/best-practices) — evaluates it once per
//      execution and calls the real function.
// So a lazy module may only export functions, and must be pure: no module state shared with Code.js, no
// class whose identity matters across the boundary, no service called while it loads. The build checks the
// first and the last (it loads each chunk in an empty context and checks every export is a function).
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import vm from 'node:vm';
import { BuildError } from './entrypoints.mjs';

/** esbuild options of dist/Code.js and its lazy chunks, shared by build.mjs and scripts/bundleParts.mjs. */
export const CODE_BUILD_OPTIONS = {
  bundle: true,
  platform: 'neutral',
  target: 'es2020',
  charset: 'utf8',
  minify: true,
  legalComments: 'none',
  logLevel: 'silent',
  mainFields: ['module', 'main'],
};

export const LAZY_SUFFIX = '.lazy.ts';
const CHUNK_GLOBAL = '__lazy';

/** The Apps Script file name (without .html) of the lazy module at `path`: lazy_<name>. */
export function lazyFileName(path) {
  return `lazy_${basename(path, LAZY_SUFFIX)}`;
}

/** The chunk's JavaScript: the module bundled on its own, as the body of a function returning its exports. */
async function buildChunk(path, options) {
  const result = await esbuild.build({
    ...options,
    entryPoints: [path],
    format: 'iife',
    globalName: CHUNK_GLOBAL,
    write: false,
  });
  const body = `${result.outputFiles[0].text}return ${CHUNK_GLOBAL};`;
  let loaded;
  try {
    loaded = vm.runInContext(`(function(){${body}})()`, vm.createContext({}));
  } catch (error) {
    throw new BuildError(`${path}: a lazy module must load without any service: ${error.message}`);
  }
  const exports = Object.keys(loaded);
  for (const name of exports) {
    if (typeof loaded[name] !== 'function') {
      throw new BuildError(`${path}: a lazy module may only export functions ("${name}" is not one).`);
    }
  }
  if (exports.length === 0) throw new BuildError(`${path}: a lazy module must export functions.`);
  return { body, exports };
}

/** What replaces the module in Code.js: one forwarding function per export, the chunk read on first call. */
export function lazyStub(file, exports) {
  const load =
    `let m;function load(){return m??=new Function(` +
    `HtmlService.createHtmlOutputFromFile(${JSON.stringify(file)}).getContent())()}`;
  const forwards = exports.map((name) => `export function ${name}(...a){return load().${name}(...a)}`);
  return `${load}\n${forwards.join('\n')}\n`;
}

/**
 * The esbuild plugin for the Code.js build: writes each lazy module's chunk to `dist` and returns its stub.
 * `options` are the build options the chunk is bundled with (minify, target…). `built` collects the chunks.
 */
export function lazyModulesPlugin(dist, options, built = []) {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onLoad({ filter: /\.lazy\.ts$/ }, async ({ path }) => {
        const { body, exports } = await buildChunk(path, options);
        const file = lazyFileName(path);
        writeFileSync(join(dist, `${file}.html`), body);
        built.push({ file: `${file}.html`, bytes: Buffer.byteLength(body), exports });
        return { contents: lazyStub(file, exports), loader: 'js' };
      });
    },
  };
}
