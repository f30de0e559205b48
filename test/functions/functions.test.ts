import { describe, test, expect } from '@jest/globals';
import * as fns from '../../src/functions';
import { cellsOf, prepare, singleValue } from '../../src/functions/ranges';
import { CASES, type FnName } from '../support/functionCases';
import { runCase } from '../support/runCase';

const IMPL: Record<FnName, (...args: unknown[]) => unknown> = {
  CCHC_SCORE: fns.cchcScore as (...args: unknown[]) => unknown,
  CCHC_TOTAL: fns.cchcTotal as (...args: unknown[]) => unknown,
  CCHC_MAX: fns.cchcMax as (...args: unknown[]) => unknown,
  CCHC_INDEX: fns.cchcIndex as (...args: unknown[]) => unknown,
  CCHC_CLASS: fns.cchcClass as (...args: unknown[]) => unknown,
  CCHC_POINTS: fns.cchcPoints as (...args: unknown[]) => unknown,
  CCHC_OUTPUTS: fns.cchcOutputs as (...args: unknown[]) => unknown,
  CCHC_SUMMARY: fns.cchcSummary as (...args: unknown[]) => unknown,
  CCHC_STATUS: fns.cchcStatus as (...args: unknown[]) => unknown,
  CCHC_REASON: fns.cchcReason as (...args: unknown[]) => unknown,
  CCHC_AT_STAKE: fns.cchcAtStake as (...args: unknown[]) => unknown,
};

describe('custom functions (src)', () => {
  test.each(CASES.map((c) => [`${c.fn}: ${c.name}`, c] as const))('%s', (_label, c) => {
    runCase(c, IMPL[c.fn]);
  });
});

describe('range helpers', () => {
  test('cellsOf: a value, a column, a row, a block (row by row)', () => {
    expect(cellsOf(5)).toEqual([5]);
    expect(cellsOf([[1], [2]])).toEqual([1, 2]);
    expect(cellsOf([[1, 2, 3]])).toEqual([1, 2, 3]);
    expect(
      cellsOf([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([1, 2, 3, 4]);
    expect(cellsOf([1, 2])).toEqual([1, 2]);
  });
  test('prepare: single values repeat next to ranges; all single → n null', () => {
    expect(prepare([[[1], [2]], 'x', undefined])).toEqual({
      n: 2,
      cols: [
        [1, 2],
        ['x', 'x'],
        [undefined, undefined],
      ],
    });
    expect(prepare(['a', 'b'])).toEqual({ n: null, cols: [['a'], ['b']] });
    expect(() => prepare([[[1]], [[1], [2]]])).toThrow(/1 và 2 ô/);
  });
  test('singleValue', () => {
    expect(singleValue([[7]], 'X')).toBe(7);
    expect(singleValue(7, 'X')).toBe(7);
    expect(() => singleValue([[1], [2]], 'Ngày tính')).toThrow(
      'Ngày tính phải là một ô, không phải một vùng 2 ô.',
    );
  });
});
