// Builds dist/ for `clasp push`:
//   dist/Code.js        one bundle (IIFE, global CCHC) + one top-level wrapper per export of src/index.ts
//   dist/appsscript.json
//   dist/<page>.html    each src/ui/<page>.html with its <page>.ts and <page>.css bundled and inlined
// Apps Script only calls top-level `function` declarations and Sheets reads @customfunction JSDoc from
// them, so every `export function` in src/index.ts gets a wrapper with its JSDoc and real parameter names.
// The export list comes from esbuild's metafile: adding an entry point is one edit in src/index.ts.
import * as esbuild from 'esbuild';
import {
  readFileSync,
  writeFileSync,
  mkdirSync,
  rmSync,
  readdirSync,
  copyFileSync,
  existsSync,
} from 'node:fs';
import { join, basename } from 'node:path';
import vm from 'node:vm';
import { describeEntry, BuildError, entryPosition } from './scripts/entrypoints.mjs';
import { CODE_BUILD_OPTIONS, lazyModulesPlugin } from './scripts/lazyModules.mjs';

const ROOT = new URL('.', import.meta.url).pathname;
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const ENTRY = join(SRC, 'index.ts');
const GLOBAL = 'CCHC';

/** The names exported by src/index.ts, as esbuild sees them. */
async function listExports() {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'exports.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  return output.exports;
}

async function buildCode() {
  const all = await listExports();
  // Exports named __x are the bundle's own helpers for the wrappers (never Apps Script entry points).
  const names = all.filter((n) => !n.startsWith('__'));
  if (names.length === 0) throw new BuildError('src/index.ts exports nothing.');
  const source = readFileSync(ENTRY, 'utf8');
  // Keep the wrappers in source order, so dist/Code.js reads like src/index.ts.
  const entries = [...names]
    .sort((a, b) => entryPosition(source, a) - entryPosition(source, b))
    .map((name) => describeEntry(source, name));

  const options = CODE_BUILD_OPTIONS;
  // *.lazy.ts modules become dist/lazy_*.html, read on first use (scripts/lazyModules.mjs).
  const lazy = [];
  const result = await esbuild.build({
    ...options,
    entryPoints: [ENTRY],
    format: 'iife',
    globalName: GLOBAL,
    write: false,
    plugins: [lazyModulesPlugin(DIST, options, lazy)],
  });
  const bundle = result.outputFiles[0].text;
  // Custom functions keep their JSDoc (Sheets' autocomplete reads it); the other entry points are one line
  // each, without comments: nobody reads the deployed file, and every execution loads it.
  const wrappers = entries
    .map((e) =>
      e.isCustom
        ? `${e.jsdoc}\nfunction ${e.name}(${e.params.join(', ')}) {\n  return ${GLOBAL}.${e.name}.apply(this, ${GLOBAL}.__inSheetZone(arguments));\n}\n`
        : `function ${e.name}(${e.params.join(',')}){return ${GLOBAL}.${e.name}.apply(this,arguments)}\n`,
    )
    .join('\n');
  const code = `// CCHC Scorecard — built by build.mjs from src/; do not edit.\n${bundle}\n${wrappers}`;
  verifyLoads(code, entries);
  writeFileSync(join(DIST, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), entries: entries.length, lazy };
}

/** Loading Code.js must touch no Apps Script service and no Node or DOM global: run it in an empty context. */
function verifyLoads(code, entries) {
  const context = vm.createContext({});
  try {
    vm.runInContext(code, context, { filename: 'Code.js' });
  } catch (error) {
    throw new BuildError(`dist/Code.js fails to load in an empty context: ${error.message}`);
  }
  if (entries.some((e) => e.isCustom) && typeof context[GLOBAL].__inSheetZone !== 'function') {
    throw new BuildError('src/index.ts must export __inSheetZone: custom functions read dates through it.');
  }
  for (const e of entries) {
    if (typeof context[e.name] !== 'function' || typeof context[GLOBAL][e.name] !== 'function') {
      throw new BuildError(`${e.name}: the wrapper or the bundle export is missing after loading Code.js.`);
    }
  }
}

async function buildPages() {
  const uiDir = join(SRC, 'ui');
  if (!existsSync(uiDir)) return [];
  const pages = readdirSync(uiDir).filter((f) => f.endsWith('.html'));
  const built = [];
  for (const page of pages) {
    const name = basename(page, '.html');
    let html = readFileSync(join(uiDir, page), 'utf8');
    const script = join(uiDir, `${name}.ts`);
    const style = join(uiDir, `${name}.css`);
    if (existsSync(style)) {
      const css = await esbuild.build({
        entryPoints: [style],
        bundle: true,
        minify: true,
        write: false,
        charset: 'utf8',
        logLevel: 'silent',
      });
      html = inline(html, '<!-- @style -->', `<style>${css.outputFiles[0].text}</style>`, page);
    }
    if (existsSync(script)) {
      const js = await esbuild.build({
        entryPoints: [script],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: true,
        charset: 'utf8',
        write: false,
        logLevel: 'silent',
      });
      // "</script" inside the code would end the inline script element early.
      const code = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
      html = inline(html, '<!-- @script -->', `<script>${code}</script>`, page);
    }
    if (/<script[^>]+src=|<link[^>]+href=/i.test(html)) {
      throw new BuildError(
        `${page}: external scripts or stylesheets are not allowed; everything is inlined.`,
      );
    }
    writeFileSync(join(DIST, page), html);
    built.push({ page, bytes: Buffer.byteLength(html) });
  }
  return built;
}

function inline(html, marker, content, page) {
  if (!html.includes(marker)) throw new BuildError(`${page}: missing the ${marker} marker.`);
  return html.replace(marker, () => content);
}

async function main() {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  copyFileSync(join(ROOT, 'appsscript.json'), join(DIST, 'appsscript.json'));
  const code = await buildCode();
  const pages = await buildPages();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `dist/Code.js ${code.bytes.toLocaleString('en-US')} bytes (budget < 150,000), ${code.entries} entry points`,
  );
  for (const p of pages) console.log(`dist/${p.page} ${kb(p.bytes)}`);
  for (const l of code.lazy) console.log(`dist/${l.file} ${kb(l.bytes)} (lazy: ${l.exports.join(', ')})`);
}

main().catch((error) => {
  if (error instanceof BuildError) console.error(`build failed: ${error.message}`);
  else if (error.errors)
    console.error(
      `build failed:\n${error.errors.map((e) => `  ${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('\n')}`,
    );
  else console.error(error);
  process.exit(1);
});
