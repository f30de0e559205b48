// `npm run mutate`: a targeted mutation check. Each mutation in scripts/mutations.mjs breaks one guarantee
// (tier/class comparisons, escaping, the send-once guard, input cells and tabs, text protection, caps); the
// jest files it names must then fail. Runs in a scratch copy of the working tree (never touches the
// repository's files), first checks that every named test passes unmutated, prints a table and the score,
// and exits non-zero when a mutation survives or an entry no longer matches the code.
//
//   npm run mutate                 every mutation
//   npm run mutate -- escape-lt    only the named ones
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATIONS } from './mutations.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const chosen = only.length ? MUTATIONS.filter((m) => only.includes(m.id)) : MUTATIONS;
if (chosen.length === 0) {
  console.error(`No mutation named ${only.join(', ')}.`);
  process.exit(2);
}

// A scratch copy of the tracked and new files (not node_modules, dist, out).
const scratch = mkdtempSync(join(tmpdir(), 'cchc-mutate-'));
const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
if (listed.status !== 0) {
  console.error('git ls-files failed: run npm run mutate inside the repository.');
  process.exit(2);
}
for (const file of listed.stdout.split('\n').filter(Boolean)) {
  if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(scratch, file), { recursive: true });
}
symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');

const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: scratch, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
const build = () => run('node', ['build.mjs']).status === 0;
const jest = (tests) => run('npx', ['jest', '--silent', '--bail', ...tests]);

let stale = 0;
const results = [];
try {
  // Every entry must still match the code exactly once.
  for (const m of chosen) {
    const text = readFileSync(join(scratch, m.file), 'utf8');
    const count = text.split(m.find).length - 1;
    if (count !== 1) {
      console.error(
        `✗ ${m.id}: "${m.find}" occurs ${count} times in ${m.file} (update scripts/mutations.mjs)`,
      );
      stale++;
    }
  }
  if (stale) process.exit(2);

  // Unmutated, every named test must pass (a failing test would "kill" every mutation).
  if (!build()) throw new Error('node build.mjs failed on the unmutated code');
  const allTests = [...new Set(chosen.flatMap((m) => m.tests))];
  const baseline = jest(allTests);
  if (baseline.status !== 0) {
    console.error(baseline.stdout + baseline.stderr);
    throw new Error('the named tests fail on the unmutated code');
  }

  for (const m of chosen) {
    const path = join(scratch, m.file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(m.find, m.replace));
    const started = Date.now();
    let killed;
    let by = '';
    try {
      if (m.build && !build()) {
        killed = true;
        by = 'build';
      } else {
        const r = jest(m.tests);
        killed = r.status !== 0;
        const failedFile = /FAIL (\S+)/.exec(r.stdout + r.stderr);
        by = failedFile ? failedFile[1] : '';
      }
    } finally {
      writeFileSync(path, original);
      if (m.build) build();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ id: m.id, killed, by });
    console.log(`${killed ? '✓ killed  ' : '✗ SURVIVED'} ${m.id.padEnd(36)} ${seconds.padStart(5)} s  ${by}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const killed = results.filter((r) => r.killed).length;
console.log(
  `\nmutation score: ${killed}/${results.length} killed (${((100 * killed) / results.length).toFixed(0)}%)`,
);
process.exit(killed === results.length ? 0 : 1);
