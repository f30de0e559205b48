// `npm test`: type checks, the build, then every jest test; ends with the plain line CI reads:
// "tests: N passed, N failed" (jest's own summary is not that form). Type-check and build failures count
// as failed tests so a broken build can never look green.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status === 0;
let passed = 0;
let failed = 0;

for (const project of ['tsconfig.json', 'tsconfig.ui.json', 'tsconfig.test.json']) {
  console.log(`\n> tsc -p ${project} --noEmit`);
  if (run('npx', ['tsc', '-p', project, '--noEmit'])) passed++;
  else failed++;
}

// Formatting is part of the checks: one style, no bike-shedding in review.
console.log('\n> prettier --check .');
if (run('npx', ['prettier', '--check', '--log-level=warn', '.'])) passed++;
else failed++;

console.log('\n> node build.mjs');
const built = run('node', ['build.mjs']);
if (built) passed++;
else failed++;

const resultFile = join('test-output', 'jest-results.json');
mkdirSync('test-output', { recursive: true });
rmSync(resultFile, { force: true });
if (built) {
  console.log('\n> jest');
  run('npx', ['jest', '--json', `--outputFile=${resultFile}`, ...process.argv.slice(2)]);
  try {
    const results = JSON.parse(readFileSync(resultFile, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // A test file that fails to load has no failed test in it; count it so it cannot hide.
    failed += results.testResults.filter(
      (r) => r.status === 'failed' && r.assertionResults.length === 0,
    ).length;
    if (results.numPendingTests + results.numTodoTests > 0) {
      console.log(`skipped or todo tests are not allowed: ${results.numPendingTests + results.numTodoTests}`);
      failed += results.numPendingTests + results.numTodoTests;
    }
  } catch (error) {
    console.log(`could not read jest results: ${error.message}`);
    failed++;
  }
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
