// TypeScript 7 has no JS API, so ts-jest cannot run it: tests are transformed by esbuild (type checks run
// separately with `tsc`, see package.json "typecheck").
// Apps Script runs the add-in in the script's time zone (appsscript.json: Asia/Ho_Chi_Minh), so local-date
// getters see Vietnamese calendar days; tests run in the same zone (workers inherit this environment).
process.env.TZ = 'Asia/Ho_Chi_Minh';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(mjs|[cm]?tsx?)$': '<rootDir>/scripts/jest-esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json'],
  coverageProvider: 'v8',
  // jest 30 changes its output when it detects agent environments; keep it plain and predictable.
  reporters: ['default'],
  // The demo, bench and browser tests spawn processes and Chromium; on a loaded 2-core machine a run took
  // over 30 s once. Timing is never asserted (benchmarks measure it), so a generous limit only catches hangs.
  testTimeout: 120000,
};
