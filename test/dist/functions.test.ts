// The custom-function cases of test/support/functionCases.ts, run against the built bundle: dist/Code.js (built by
// `npm run build`, which `npm test` runs first) loaded in a bare vm context, calling its top-level functions
// the way Sheets does.
import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { CASES } from '../support/functionCases';
import { runCase } from '../support/runCase';

const context = vm.createContext({});
vm.runInContext(readFileSync('dist/Code.js', 'utf8'), context);
const global = context as Record<string, unknown>;

describe('custom functions (dist/Code.js in a bare vm)', () => {
  test('every function of the case table is a top-level function', () => {
    for (const name of new Set(CASES.map((c) => c.fn))) expect(typeof global[name]).toBe('function');
  });
  test.each(CASES.map((c) => [`${c.fn}: ${c.name}`, c] as const))('%s', (_label, c) => {
    runCase(c, global[c.fn] as (...args: unknown[]) => unknown);
  });
});
