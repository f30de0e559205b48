import { describe, test, expect } from '@jest/globals';
import {
  analyseTable,
  codeKind,
  codeLevel,
  isUnder,
  normalizeCode,
  parentCode,
  type StructureRow,
} from '../../src/core/criteria';
import type { CellValue } from '../../src/core/types';

function table(...rows: [CellValue, CellValue, CellValue?, CellValue?][]): StructureRow[] {
  return rows.map(([code, max, rule, actual], i) => ({
    row: i + 5,
    code,
    max,
    rule: rule ?? '',
    actual: actual ?? '',
  }));
}

describe('codes', () => {
  test.each([
    [1, '1'],
    [1.1, '1.1'],
    [3.3, '3.3'],
    ['1.10', '1.10'],
    [' 1.1.2 ', '1.1.2'],
    ['1. 1', '1.1'],
    ['1,1', '1.1'],
    ['1.', '1'],
    ['2.3.', '2.3'],
    ['+', '+'],
    ['-', '-'],
    ['\u2212', '-'],
    ['–', '-'],
    ['+1', '+1'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [true, ''],
  ])('normalizeCode(%j) = %j', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });
  test('kinds', () => {
    expect(codeKind('1.1')).toBe('normal');
    expect(codeKind('+')).toBe('bonus');
    expect(codeKind('+2')).toBe('bonus');
    expect(codeKind('-')).toBe('penalty');
    expect(codeKind('-1')).toBe('penalty');
  });
  test.each([
    ['1', null, 0],
    ['1.1', '1', 1],
    ['1.1.2', '1.1', 2],
    ['10.1', '10', 1],
    ['+', null, 0],
    ['+1', '+', 1],
    ['+.1', '+', 1],
    ['+1.2', '+1', 2],
    ['-', null, 0],
    ['-2', '-', 1],
  ])('parent and level of %j', (code, parent, level) => {
    expect(parentCode(code)).toBe(parent);
    expect(codeLevel(code)).toBe(level);
  });
  test('descendants: 1.1 is under 1, 10.1 is not', () => {
    expect(isUnder('1.1', '1')).toBe(true);
    expect(isUnder('1.1.2', '1')).toBe(true);
    expect(isUnder('1', '1')).toBe(true);
    expect(isUnder('10.1', '1')).toBe(false);
    expect(isUnder('1', '1.1')).toBe(false);
    expect(isUnder('+1', '+')).toBe(true);
    expect(isUnder('1', '+')).toBe(false);
  });
});

describe('analyseTable: hierarchy', () => {
  test('leaves have no descendant code; a missing level is skipped to the nearest ancestor', () => {
    const m = analyseTable(
      table(['1', 10], ['1.1', 4], ['1.1.1', 4], ['1.2', 6], ['10', 90], ['10.1', 90], ['', 5], ['2.1.1', 0]),
      100,
    );
    const byCode = Object.fromEntries(m.entries.map((e) => [e.code, e]));
    expect(m.entries.map((e) => e.code)).toEqual(['1', '1.1', '1.1.1', '1.2', '10', '10.1', '2.1.1']);
    expect(byCode['1'].isLeaf).toBe(false);
    expect(byCode['1.1'].isLeaf).toBe(false);
    expect(byCode['1.1.1'].isLeaf).toBe(true);
    expect(byCode['1.2'].isLeaf).toBe(true);
    expect(byCode['10'].isLeaf).toBe(false);
    expect(byCode['10.1'].parent).toBe(m.byCode.get('10'));
    expect(byCode['1.1.1'].parent).toBe(m.byCode.get('1.1'));
    expect(byCode['2.1.1'].parent).toBeNull();
    expect(byCode['1.1.1'].level).toBe(2);
    expect(byCode['1.1.1'].index).toBe(2);
    expect(byCode['1.1.1'].row).toBe(7);
  });
  test('a child without its parent is a warning, and still rolls up to the nearest ancestor', () => {
    const m = analyseTable(table(['1', 4], ['1.1.1', 4]), 4);
    expect(m.entries[1].parent).toBe(0);
    expect(m.problems).toEqual([
      {
        row: 6,
        column: 'code',
        severity: 'warning',
        message: 'Mã "1.1.1" không có dòng cha "1.1" trong bảng.',
        fix: expect.stringContaining('Thêm dòng mã 1.1'),
      },
    ]);
  });
  test('bonus and penalty sub-rows need no header', () => {
    const m = analyseTable(table(['1', 100], ['+1', 1], ['+2', 1], ['-1', 1]), 100);
    expect(m.problems).toEqual([]);
  });
  test('duplicate codes: the second is an error and left out', () => {
    const m = analyseTable(table(['1', 1], ['1.1', 1], ['1.1', 1]), 1);
    expect(m.entries[2].duplicateOf).toBe(1);
    expect(m.entries[1].isLeaf).toBe(true);
    expect(m.problems).toContainEqual({
      row: 7,
      column: 'code',
      severity: 'error',
      message: 'Mã "1.1" bị trùng với một dòng phía trên (dòng 6); dòng này không được tính.',
      fix: expect.any(String),
    });
    // 1.1 appears once in the child sum: no mismatch warning.
    expect(m.problems.filter((p) => p.column === 'max')).toEqual([]);
  });
  test('1.1 and the number 1.1 are the same code', () => {
    const m = analyseTable(table(['1', 1], [1.1, 1], ['1.1', 1]), 1);
    expect(m.entries[2].duplicateOf).toBe(1);
  });
});

describe('analyseTable: maxima', () => {
  test("a parent's declared max must equal the sum of its children's (1e-9 tolerance)", () => {
    const ok = analyseTable(table(['1', 0.9], ['1.1', 0.3], ['1.2', 0.3], ['1.3', 0.3]), 0.9);
    expect(ok.problems).toEqual([]);
    const bad = analyseTable(table(['1', 10], ['1.1', 2.5], ['1.2', 1]), 10);
    expect(bad.problems).toEqual([
      {
        row: 5,
        column: 'max',
        severity: 'warning',
        message: 'Điểm tối đa của "1" là 10 nhưng tổng điểm tối đa các tiêu chí con là 3,5.',
        fix: expect.any(String),
      },
    ]);
  });
  test('children are the direct ones: grandchildren are checked against their own parent', () => {
    const m = analyseTable(table(['1', 3], ['1.1', 2], ['1.1.1', 1], ['1.1.2', 1], ['1.2', 1]), 3);
    expect(m.problems).toEqual([]);
  });
  test('no sum check when a child max is missing or unreadable', () => {
    const m = analyseTable(table(['1', 10], ['1.1', ''], ['1.2', 1]), 10);
    expect(m.problems.filter((p) => p.row === 5)).toEqual([]);
  });
  test('areas must sum to the declared total', () => {
    const m = analyseTable(table(['1', 60], ['2', 38]), 100);
    expect(m.problems).toEqual([
      {
        row: null,
        column: 'max',
        severity: 'warning',
        message: 'Tổng điểm tối đa các lĩnh vực là 98, khác tổng điểm của bộ chỉ số (100).',
        fix: expect.any(String),
      },
    ]);
    expect(analyseTable(table(['1', 60], ['2', 40]), 100).problems).toEqual([]);
    expect(analyseTable(table(['1', 60], ['2', 40], ['+', 2], ['-', 5]), 100).problems).toEqual([]);
  });
  test('an unreadable max on a parent is an error; on a leaf it is left to scoring', () => {
    const m = analyseTable(table(['1', 'mười'], ['1.1', 'x']), 100);
    expect(m.problems).toContainEqual({
      row: 5,
      column: 'max',
      severity: 'error',
      message: 'Điểm tối đa "mười" không đọc được: cần một số, ví dụ 2 hoặc 1,5.',
      fix: expect.any(String),
    });
    expect(m.problems.filter((p) => p.row === 6)).toEqual([]);
    expect(m.entries[1].maxError).toMatch(/"x"/);
    expect(analyseTable(table(['1', -2], ['1.1', 1]), 100).entries[0].maxError).toMatch(/không được âm/);
  });
  test('bonus and penalty rows with an empty max get the default caps', () => {
    const m = analyseTable(table(['+', ''], ['-', ''], ['+1', 3]), 100);
    expect(m.entries.map((e) => [e.code, e.max, e.maxBlank])).toEqual([
      ['+', 2, true],
      ['-', 5, true],
      ['+1', 3, false],
    ]);
  });
  test('a parent with a rule or an actual gets a warning (they are not used)', () => {
    const m = analyseTable(table(['1', 1, 'CÓ/KHÔNG'], ['1.1', 1], ['2', 1, '', 'Có'], ['2.1', 1]), 2);
    expect(m.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [5, 'rule', 'warning'],
      [7, 'actual', 'warning'],
    ]);
  });
});
