// Hostile and absurd input (issue 11, points 7–9): messages quote only a short excerpt of a long text; every
// non-empty row that is not a criterion is reported by row; maxima are bounded and the index never goes
// below 0, with a reason.
import { describe, test, expect } from '@jest/globals';
import { evaluate } from '../../src/core/evaluate';
import { DEFAULT_BANDS } from '../../src/core/settings';
import type { CellValue, CriteriaRow, EvaluateOptions } from '../../src/core/types';
import { cchcIndex, cchcPoints, cchcScore, cchcClass } from '../../src/functions';
import { MAX_ROW_POINTS } from '../../src/core/values';

const OPTIONS: EvaluateOptions = { today: new Date(2026, 10, 1), nearDeadlineDays: 14, bands: DEFAULT_BANDS };

type RowInput = Partial<Omit<CriteriaRow, 'row'>>;
function rows(...list: RowInput[]): CriteriaRow[] {
  return list.map((r, i) => ({
    row: i + 5,
    code: '',
    title: '',
    max: '',
    rule: '',
    target: '',
    actual: '',
    evidence: '',
    sector: '',
    deadline: '',
    notes: '',
    appraised: '',
    ...r,
  }));
}

/** A deterministic pseudo-random source (no Math.random: the failing case must be reproducible). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const LONG = 'MỨC(100%: 1; ' + 'x'.repeat(100_000) + ')';
const LIMIT = 600; // a message is a sentence or two, whatever the user typed

describe('long texts are quoted as a short excerpt', () => {
  const cases: [string, RowInput][] = [
    ['a 100 KB rule', { code: '1', max: 1, rule: LONG, actual: 'Có' }],
    ['a 100 KB unknown keyword', { code: '1', max: 1, rule: 'y'.repeat(100_000), actual: 'Có' }],
    ['a 100 KB tier', { code: '1', max: 1, rule: `MỨC(${'9'.repeat(100_000)}%: 1)`, actual: '1' }],
    ['a 100 KB result', { code: '1', max: 1, rule: 'CÓ/KHÔNG', actual: 'z'.repeat(100_000) }],
    ['a 100 KB max', { code: '1', max: '7'.repeat(100_000) + 'a', rule: 'CÓ/KHÔNG', actual: 'Có' }],
    ['a 100 KB number of digits', { code: '1', max: '7'.repeat(100_000), rule: 'CÓ/KHÔNG', actual: 'Có' }],
    ['a 100 KB count', { code: '1', max: 1, rule: 'ĐẾM(0,25)', actual: '1 '.repeat(50_000) + 'x' }],
    [
      'a 100 KB target',
      { code: '1', max: 1, rule: 'TỶ LỆ', target: '5'.repeat(100_000) + '%x', actual: '50%' },
    ],
    [
      'a 100 KB deadline result',
      { code: '1', max: 1, rule: 'HẠN(50%)', target: '01/01/2026', actual: '1/'.repeat(50_000) },
    ],
  ];
  test.each(cases)('%s: every problem, the Điểm cell and CCHC_SCORE stay short', (_name, row) => {
    const ev = evaluate(rows(row), OPTIONS);
    expect(ev.problems.length).toBeGreaterThan(0);
    for (const p of ev.problems) {
      expect(p.message.length).toBeLessThan(LIMIT);
      expect(p.fix.length).toBeLessThan(LIMIT);
    }
    for (const r of ev.rows) for (const reason of r.reasons) expect(reason.length).toBeLessThan(LIMIT);
    const cells = cchcPoints(
      [[row.code as CellValue]],
      [[row.rule as CellValue]],
      [[row.max as CellValue]],
      [[row.actual as CellValue]],
    );
    expect(JSON.stringify(cells).length).toBeLessThan(LIMIT);
    expect(() =>
      cchcScore(
        row.rule as CellValue,
        row.max as CellValue,
        row.actual as CellValue,
        (row.target ?? '') as CellValue,
      ),
    ).toThrow();
    try {
      cchcScore(
        row.rule as CellValue,
        row.max as CellValue,
        row.actual as CellValue,
        (row.target ?? '') as CellValue,
      );
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(LIMIT);
    }
  });

  test('a 100 KB code repeated and without parent: short messages', () => {
    const code = `9.${'1'.repeat(100_000)}`;
    const ev = evaluate(
      rows(
        { code, max: 1, rule: 'CÓ/KHÔNG', actual: 'Có' },
        { code, max: 1, rule: 'CÓ/KHÔNG', actual: 'Có' },
      ),
      OPTIONS,
    );
    expect(ev.problems.filter((p) => p.row !== null).map((p) => p.severity)).toEqual(['warning', 'error']);
    for (const p of ev.problems) expect(p.message.length).toBeLessThan(LIMIT);
    for (const r of ev.rows) if (r.error) expect(r.error.length).toBeLessThan(LIMIT);
  });
});

describe('rows the add-in cannot read are reported by row', () => {
  const BAD_CODES: [string, CellValue][] = [
    ['a date', new Date(2026, 0, 2)],
    ['TRUE', true],
    ['FALSE', false],
    ['"..."', '...'],
    ['"."', '.'],
    ['NaN', NaN],
  ];
  test.each(BAD_CODES)('a code that is %s: an error naming the row', (_name, code) => {
    const ev = evaluate(
      rows({ code: '1', max: 100 }, { code, title: 'Tiêu chí', max: 2, rule: 'CÓ/KHÔNG', actual: 'Có' }),
      OPTIONS,
    );
    const p = ev.problems.find((x) => x.row === 6);
    expect(p).toMatchObject({ row: 6, column: 'code', severity: 'error' });
    expect(p!.message).toMatch(/^Dòng 6: mã ".*" không đọc được/);
  });

  test('no code but scoring data: an error; only a title: a warning; an empty row: nothing', () => {
    const ev = evaluate(
      rows(
        { code: '1', max: 100 },
        { title: 'Tỷ lệ hồ sơ đúng hạn', max: 2, rule: 'TỶ LỆ', actual: '90%' },
        { actual: 'Có' },
        { title: 'PHẦN II. ĐIỂM THƯỞNG' },
        {},
      ),
      OPTIONS,
    );
    const below = ev.problems.filter((p) => (p.row ?? 0) > 5);
    expect(below.map((p) => [p.row, p.severity])).toEqual([
      [6, 'error'],
      [7, 'error'],
      [8, 'warning'],
    ]);
    expect(below[0].message).toContain('Dòng 6');
    expect(below[2].message).toContain('"PHẦN II. ĐIỂM THƯỞNG"');
  });

  test('property: every non-empty row is counted or has a problem naming its row', () => {
    const next = rng(11);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
    const codeCells: CellValue[] = [
      '',
      '',
      '...',
      true,
      new Date(2026, 1, 1),
      '1.1',
      '1.2',
      '2',
      3.1,
      '+',
      ' ',
      '—',
    ];
    const other: CellValue[] = ['', '', 'Có', 2, '95%', 'CÓ/KHÔNG', 'abc'];
    for (let round = 0; round < 30; round++) {
      const list: RowInput[] = [];
      for (let i = 0; i < 25; i++)
        list.push({
          code: pick(codeCells),
          title: pick(['', 'Tiêu chí']),
          max: pick(other),
          rule: pick(other),
          actual: pick(other),
        });
      const input = rows(...list);
      const ev = evaluate(input, OPTIONS);
      const counted = new Set(ev.rows.map((r) => r.row));
      const reported = new Set(ev.problems.map((p) => p.row));
      for (const r of input) {
        const nonEmpty = [r.code, r.title, r.max, r.rule, r.actual].some(
          (v) => !(v === '' || (typeof v === 'string' && v.trim() === '')),
        );
        if (nonEmpty) expect(counted.has(r.row) || reported.has(r.row)).toBe(true);
      }
    }
  });
});

describe('absurd numbers', () => {
  test.each([1e308, 1e6, MAX_ROW_POINTS + 0.01, '1'.repeat(400)])(
    'max #%#: a clear error, finite totals and index',
    (max) => {
      const ev = evaluate(
        rows(
          { code: '1', max: 100 },
          { code: '1.1', max, rule: 'CÓ/KHÔNG', actual: 'Có' },
          { code: '1.2', max: 100, rule: 'CÓ/KHÔNG', actual: 'Có' },
        ),
        OPTIONS,
      );
      expect(Number.isFinite(ev.total)).toBe(true);
      expect(Number.isFinite(ev.applicableMax)).toBe(true);
      expect(ev.index).toBe(1);
      const p = ev.problems.find((x) => x.row === 6 && x.column === 'max');
      expect(p?.message).toMatch(typeof max === 'number' ? /quá lớn: mỗi dòng tối đa 1.000 điểm/ : /quá lớn/);
      // The sheet's functions agree: the row adds nothing to the denominator.
      expect(
        cchcIndex([['1'], ['1.1'], ['1.2']], [[100], [max as CellValue], [100]], [[''], ['Lỗi: x'], [100]]),
      ).toBe(1);
    },
  );

  test('bonus points make up lost points but never lift the index above 100%', () => {
    const ev = evaluate(
      rows(
        { code: '1', max: 100 },
        { code: '1.1', max: 100, rule: 'TỶ LỆ', actual: '99%' },
        { code: '+', max: 2, rule: 'TỰ CHẤM', actual: 2 },
      ),
      OPTIONS,
    );
    expect(ev.total).toBe(101);
    expect(ev.index).toBe(1);
  });

  test('max of exactly 1000 points is accepted', () => {
    expect(cchcScore('CÓ/KHÔNG', MAX_ROW_POINTS, 'Có')).toBe(MAX_ROW_POINTS);
    expect(() => cchcScore('CÓ/KHÔNG', MAX_ROW_POINTS + 1, 'Có')).toThrow(/quá lớn/);
  });

  test('penalties larger than the points secured: index 0 (not negative), the lowest class, a reason', () => {
    const ev = evaluate(
      rows(
        { code: '1', max: 100 },
        { code: '1.1', max: 100, rule: 'TỶ LỆ', actual: '2%' },
        { code: '-', max: 5, rule: 'TỰ CHẤM', actual: 5 },
      ),
      OPTIONS,
    );
    expect(ev.total).toBe(-3);
    expect(ev.index).toBe(0);
    expect(ev.classification).toBe('Yếu');
    const reason = ev.problems.find((p) => p.row === null && p.severity === 'warning');
    expect(reason?.message).toContain('chỉ số được tính là 0%, không âm');
    const index = cchcIndex([['1'], ['1.1'], ['-']], [[100], [100], [5]], [[2], [2], [-5]]);
    expect(index).toBe(0);
    expect(cchcClass(index)).toBe('Yếu');
  });
});
