// Every custom-function call loads (compiles and runs the top level of) the whole dist/Code.js, so its size
// is guarded here, on the bundle `npm test` has just built. The design budget is < 150 KB, 150 × 1024
// bytes (the README's unit). README, "Benchmarks", says what remains and what each part costs.
// Since the cut of 30/11/2026 (lazy modules in dist/lazy_*.html: the embedded sets, the official-table
// reader, report/history/emails, the self-check, the province workbook, the daily run and the monthly send;
// one-line wrappers for the non-custom entry points) the bundle is under the budget itself (152,526 bytes
// with this round's features), so the guard is the budget: no more headroom.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';

const BUDGET = 150 * 1024;
const CODE = join(__dirname, '..', '..', 'dist', 'Code.js');

describe('dist/Code.js size', () => {
  test(`is under the budget of ${BUDGET} bytes`, () => {
    expect(statSync(CODE).size).toBeLessThan(BUDGET);
  });
});
