// `npm test`: type checks, the format check, the build, then every jest test; ends with a short readable
// summary (each step, the jest counts, the name of every failed test) and, last, the plain line CI reads:
// "tests: N passed, N failed" (jest's own summary is not that form). Type-check and build failures count
// as failed tests so a broken build can never look green.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

// Windows finds `npx` (npx.cmd) only through a shell; elsewhere no shell, so no argument is re-parsed.
const run = (cmd, args) =>
  spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
let passed = 0;
let failed = 0;
/** One line per step for the summary. */
const steps = [];
const failures = [];

const step = (label, ok) => {
  steps.push(`  ${label.padEnd(30)}${ok ? 'ok' : 'FAILED'}`);
  if (ok) passed++;
  else failed++;
  return ok;
};

for (const project of ['tsconfig.json', 'tsconfig.ui.json', 'tsconfig.test.json']) {
  console.log(`\n> tsc -p ${project} --noEmit`);
  step(`tsc -p ${project}`, run('npx', ['tsc', '-p', project, '--noEmit']));
}

// Formatting is part of the checks: one style, no bike-shedding in review.
console.log('\n> prettier --check .');
step('prettier --check .', run('npx', ['prettier', '--check', '--log-level=warn', '.']));

console.log('\n> node build.mjs');
const built = step('node build.mjs', run('node', ['build.mjs']));

const resultFile = join('test-output', 'jest-results.json');
mkdirSync('test-output', { recursive: true });
rmSync(resultFile, { force: true });
if (built) {
  console.log('\n> jest');
  const started = Date.now();
  run('npx', ['jest', '--json', `--outputFile=${resultFile}`, ...process.argv.slice(2)]);
  const seconds = Math.round((Date.now() - started) / 1000);
  try {
    const results = JSON.parse(readFileSync(resultFile, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    for (const file of results.testResults) {
      const name = relative(process.cwd(), file.name);
      for (const a of file.assertionResults.filter((x) => x.status === 'failed'))
        failures.push(`${name} › ${[...a.ancestorTitles, a.title].join(' › ')}`);
      // A test file that fails to load has no failed test in it; count it so it cannot hide.
      if (file.status === 'failed' && file.assertionResults.length === 0) {
        failed++;
        failures.push(`${name} (did not run: ${String(file.message).trim().split('\n')[0].slice(0, 120)})`);
      }
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    steps.push(
      `  ${'jest'.padEnd(30)}${results.numPassedTests} passed, ${results.numFailedTests} failed` +
        ` in ${results.numTotalTestSuites} files (${seconds} s)`,
    );
    if (skipped > 0) {
      steps.push(`  skipped or todo tests are not allowed: ${skipped}`);
      failed += skipped;
    }
  } catch (error) {
    steps.push(`  ${'jest'.padEnd(30)}could not read the results: ${error.message}`);
    failed++;
  }
}

console.log('\n── Summary ──');
for (const line of steps) console.log(line);
if (failures.length > 0) {
  console.log('  failed:');
  for (const f of failures) console.log(`    ${f}`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
