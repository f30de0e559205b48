// `node scripts/bundleParts.mjs [N]`: what costs the bytes of dist/Code.js's bundle (the wrappers excluded),
// from esbuild's metafile on the same build as build.mjs (lazy modules replaced by their loaders): the parts
// of the README's "Benchmarks" table, then the N largest source files (default 30).
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_BUILD_OPTIONS, lazyModulesPlugin } from './lazyModules.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const options = CODE_BUILD_OPTIONS;
const PARTS = [
  [
    'schedule + send (daily run, its trigger, tick record, MailApp delivery)',
    /schedule|tickLog|mail\/send|propertyChunks/,
  ],
  ['import (importOfficial, importReview, stt; the reader is lazy)', /prose|stt|importOfficial|importReview/],
  [
    'history tab reader (sidebar) + the loaders of the lazy modules',
    /history|\.lazy|sheets\/report|cellText/,
  ],
  ['province functions + the export tab', /rank|weak|exportTab|exportLayout|longFormat|heat/],
  ['sample + 766 column lists (set-up, its grids and rows: lazy_setUpTab)', /sample|766|embedded|setUpTab/],
  ['settings validator', /core\/settings/],
];

const scratch = mkdtempSync(join(tmpdir(), 'cchc-parts-'));
try {
  const result = await esbuild.build({
    ...options,
    entryPoints: [join(ROOT, 'src', 'index.ts')],
    format: 'iife',
    globalName: 'CCHC',
    write: false,
    metafile: true,
    outfile: 'Code.js',
    plugins: [lazyModulesPlugin(scratch, options)],
  });
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output.inputs).map(([path, v]) => [path, v.bytesInOutput]);
  const sums = new Map(PARTS.map(([name]) => [name, 0]));
  let rest = 0;
  for (const [path, bytes] of inputs) {
    const part = PARTS.find(([, re]) => re.test(path));
    if (part) sums.set(part[0], sums.get(part[0]) + bytes);
    else rest += bytes;
  }
  console.log(`bundle (without the wrappers): ${output.bytes} bytes`);
  for (const [name, bytes] of sums) console.log(`${String(bytes).padStart(7)}  ${name}`);
  console.log(`${String(rest).padStart(7)}  rest`);
  console.log('');
  const top = Number(process.argv[2] ?? 30);
  for (const [path, bytes] of inputs.sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${String(bytes).padStart(7)}  ${path}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
