// The rounds' score columns side by side (src/core/roundScores.ts), on generated tables: the computed total
// and index never change (one truth), the appraised index is the computed total with each appraised leaf's
// points replaced by its latest appraisal figure (round 2 falling back to round 1), written here from the
// rows' own figures; unreadable or out-of-range figures are Vietnamese data errors naming row and column.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { evaluate } from '../../src/core/evaluate';
import { roundScores } from '../../src/core/roundScores';
import { DEFAULT_BANDS } from '../../src/core/settings';
import type { CellValue, CriteriaRow, EvaluateOptions } from '../../src/core/types';

const OPTIONS: EvaluateOptions = {
  today: new Date(2026, 11, 10),
  nearDeadlineDays: 14,
  bands: DEFAULT_BANDS,
};

function base(row: number, code: string, max: CellValue, rule: string, actual: CellValue): CriteriaRow {
  return {
    row,
    code,
    title: `Tiêu chí ${code}`,
    max,
    rule,
    target: '',
    actual,
    evidence: 'TLKC',
    sector: 'VP-TK',
    deadline: '',
    notes: '',
    appraised: null,
  };
}

/** One area of leaves with MANUAL points, some appraised in round 1 and/or 2 (a quarter-point grid). */
const table = fc
  .array(
    fc.record({
      max: fc.integer({ min: 1, max: 8 }).map((n) => n / 2),
      points: fc.integer({ min: 0, max: 16 }).map((n) => n / 4),
      self: fc.option(fc.integer({ min: 0, max: 16 }).map((n) => n / 4)),
      a1: fc.option(fc.integer({ min: 0, max: 16 }).map((n) => n / 4)),
      a2: fc.option(fc.integer({ min: 0, max: 16 }).map((n) => n / 4)),
      na: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((leaves) =>
    leaves.map((l) => {
      const cap = (v: number | null) => (v === null ? null : Math.min(v, l.max));
      return { ...l, points: cap(l.points)!, self: cap(l.self), a1: cap(l.a1), a2: cap(l.a2) };
    }),
  );

type Leaf = {
  max: number;
  points: number;
  self: number | null;
  a1: number | null;
  a2: number | null;
  na: boolean;
};

function rowsOf(leaves: Leaf[]): CriteriaRow[] {
  const out: CriteriaRow[] = [base(5, '1', '', '', '')];
  leaves.forEach((l, i) =>
    out.push({
      ...base(6 + i, `1.${i + 1}`, l.max, 'TỰ CHẤM', l.na ? 'Không áp dụng' : l.points),
      selfScore: l.self ?? '',
      appraisal1: l.a1 ?? '',
      appraisal2: l.a2 ?? '',
    }),
  );
  return out;
}

describe('rounds side by side', () => {
  test('the computed figures stay; the appraised index replaces only appraised leaves, round 2 over round 1', () => {
    fc.assert(
      fc.property(table, (leaves) => {
        const rows = rowsOf(leaves);
        const e = evaluate(rows, OPTIONS);
        // One truth: the round columns change nothing the rules compute.
        const without = evaluate(
          rows.map(
            ({ appraisal1, appraisal2, selfScore, ...r }) => (
              void appraisal1,
              void appraisal2,
              void selfScore,
              r
            ),
          ),
          OPTIONS,
        );
        expect([e.total, e.index, e.applicableMax]).toEqual([
          without.total,
          without.index,
          without.applicableMax,
        ]);
        const r = roundScores(rows, e);
        expect(r.problems).toEqual([]);
        const applicable = leaves.filter((l) => !l.na);
        const computed = applicable.reduce((s, l) => s + l.points, 0);
        const max = applicable.reduce((s, l) => s + l.max, 0);
        const anyA2 = applicable.some((l) => l.a2 !== null);
        const anyA1 = applicable.some((l) => l.a1 !== null);
        if (!anyA1 && !anyA2) {
          expect(r.appraised).toBeNull();
          return;
        }
        const figure = (l: Leaf) => (anyA2 ? (l.a2 ?? l.a1) : l.a1);
        const total = applicable.reduce((s, l) => s + (figure(l) ?? l.points), 0);
        expect(r.appraised?.column).toBe(anyA2 ? 'appraisal2' : 'appraisal1');
        expect(r.appraised?.label).toBe(anyA2 ? 'thẩm định lần 2' : 'thẩm định lần 1');
        expect(r.appraised?.total).toBeCloseTo(total, 9);
        expect(r.appraised?.indexPercent).toBeCloseTo(max > 0 ? (Math.min(total, max) / max) * 100 : 0, 9);
        expect(computed).toBeCloseTo(e.total, 9);
      }),
      { numRuns: 200 },
    );
  });

  test('side by side: the columns typed in, every leaf with a figure, the differences between consecutive rounds', () => {
    fc.assert(
      fc.property(table, (leaves) => {
        const rows = rowsOf(leaves);
        const r = roundScores(rows, evaluate(rows, OPTIONS));
        // Written from the generated figures: a column counts when any leaf has a figure in it.
        const own = { selfScore: 'self', appraisal1: 'a1', appraisal2: 'a2' } as const;
        const columns = (['selfScore', 'appraisal1', 'appraisal2'] as const).filter((c) =>
          leaves.some((l) => l[own[c]] !== null),
        );
        expect(r.columns).toEqual(columns);
        type Fig = 'points' | keyof typeof own;
        const chain: Fig[] = columns.includes('selfScore') ? [...columns] : ['points', ...columns];
        expect(r.steps).toEqual(chain.slice(1).map((to, i) => ({ from: chain[i], to })));
        const fig = (l: Leaf, f: Fig) => (f === 'points' ? (l.na ? null : l.points) : l[own[f]]);
        const withFigures = leaves
          .map((l, i) => ({ l, row: 6 + i }))
          .filter(({ l }) => l.self !== null || l.a1 !== null || l.a2 !== null);
        expect(r.rows.map((x) => x.row)).toEqual(withFigures.map((w) => w.row));
        const totals = chain.slice(1).map(() => 0);
        r.rows.forEach((x, k) => {
          const l = withFigures[k].l;
          const expected = chain.slice(1).map((to, i) => {
            const a = fig(l, chain[i]);
            const b = fig(l, to);
            if (a === null || b === null) return null;
            totals[i] += b - a;
            return b - a;
          });
          expect(x.differences).toHaveLength(expected.length);
          x.differences.forEach((d, i) =>
            expect(d).toEqual(expected[i] === null ? null : expect.closeTo(expected[i]!, 9)),
          );
          expect(x.invalid).toEqual({});
        });
        r.differenceTotals.forEach((t, i) => expect(t).toBeCloseTo(totals[i], 9));
        for (const f of ['points', ...columns] as Fig[]) {
          const sum = withFigures.reduce((s, { l }) => s + (fig(l, f) ?? 0), 0);
          expect(r.totals[f] ?? 0).toBeCloseTo(sum, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('unreadable or out-of-range round figures are data errors naming row and column; the others count', () => {
    const rows = [
      base(5, '1', '', '', ''),
      { ...base(6, '1.1', 2, 'CÓ/KHÔNG', 'Có'), appraisal1: 'hai điểm' },
      { ...base(7, '1.2', 2, 'CÓ/KHÔNG', 'Có'), appraisal1: 3 },
      { ...base(8, '1.3', 2, 'CÓ/KHÔNG', 'Có'), appraisal1: '1,5' },
      { ...base(9, '1.4', 2, 'CÓ/KHÔNG', 'Có'), appraisal2: -1 },
    ];
    const e = evaluate(rows, OPTIONS);
    const r = roundScores(rows, e);
    expect(r.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [6, 'appraisal1', 'error'],
      [7, 'appraisal1', 'error'],
      [9, 'appraisal2', 'error'],
    ]);
    expect(r.problems[0].message).toMatch(/^Điểm thẩm định lần 1 "hai điểm"/);
    expect(r.problems[1].message).toBe('Điểm thẩm định lần 1 3 nằm ngoài 0 đến điểm tối đa 2.');
    // 1.3 appraised 1,5 instead of 2: 8 − 0,5 of 8.
    expect(r.appraised).toEqual({
      column: 'appraisal1',
      label: 'thẩm định lần 1',
      total: 7.5,
      indexPercent: 93.75,
      appraisedRows: 1,
    });
  });

  test('a single Điểm thẩm định column gives the index "theo thẩm định"; no score column gives nothing', () => {
    const rows = [base(5, '1', '', '', ''), { ...base(6, '1.1', 4, 'TỰ CHẤM', 3), appraised: 2.5 }];
    const e = evaluate(rows, OPTIONS);
    expect(roundScores(rows, e).appraised).toMatchObject({
      column: 'appraised',
      label: 'thẩm định',
      total: 2.5,
    });
    const plain = rows.map((r) => ({ ...r, appraised: null }));
    expect(roundScores(plain, evaluate(plain, OPTIONS))).toEqual({
      columns: [],
      steps: [],
      rows: [],
      totals: {},
      differenceTotals: [],
      appraised: null,
      problems: [],
    });
  });
});

describe('the differences between consecutive rounds, whatever columns exist', () => {
  const leaf = (row: number, extra: Partial<CriteriaRow>): CriteriaRow => ({
    ...base(row, `1.${row - 5}`, 4, 'TỰ CHẤM', 3),
    ...extra,
  });
  const run = (rows: CriteriaRow[]) => roundScores(rows, evaluate(rows, OPTIONS));

  test('one Điểm thẩm định: thẩm định − tự chấm, or − the computed points without a self-score column', () => {
    const withSelf = run([base(5, '1', '', '', ''), leaf(6, { selfScore: 3.5, appraised: 2.5 })]);
    expect(withSelf.steps).toEqual([{ from: 'selfScore', to: 'appraised' }]);
    expect(withSelf.rows[0].differences).toEqual([-1]);
    const without = run([base(5, '1', '', '', ''), leaf(6, { appraised: 2.5 })]);
    expect(without.steps).toEqual([{ from: 'points', to: 'appraised' }]);
    expect(without.rows[0].differences).toEqual([-0.5]);
  });

  test('a self-score alone has no difference; columns left blank everywhere are not shown', () => {
    const r = run([
      base(5, '1', '', '', ''),
      leaf(6, { selfScore: 2, appraisal1: '', appraisal2: 'KPS', appraised: null }),
    ]);
    expect([r.columns, r.steps, r.rows[0].differences]).toEqual([['selfScore'], [], []]);
  });

  test('four round columns: three differences in round order; blank or invalid figures give no difference', () => {
    const r = run([
      base(5, '1', '', '', ''),
      leaf(6, { selfScore: 4, appraisal1: 3, appraisal2: 2.5, appraised: 2 }),
      leaf(7, { selfScore: 4, appraisal1: '', appraisal2: 3, appraised: 'ba' }),
      leaf(8, { selfScore: '=1+1', appraisal1: 9, appraisal2: 1 }),
    ]);
    expect(r.columns).toEqual(['selfScore', 'appraisal1', 'appraisal2', 'appraised']);
    expect(r.steps.map((s) => `${s.to}−${s.from}`)).toEqual([
      'appraisal1−selfScore',
      'appraisal2−appraisal1',
      'appraised−appraisal2',
    ]);
    expect(r.rows.map((x) => x.differences)).toEqual([
      [-1, -0.5, -0.5],
      [null, null, null],
      [null, null, null],
    ]);
    // What cannot be used is kept as typed, for the report to show; it counts in no total.
    expect(r.rows.map((x) => x.invalid)).toEqual([
      {},
      { appraised: 'ba' },
      { selfScore: '=1+1', appraisal1: '9' },
    ]);
    expect(r.totals).toEqual({ points: 9, selfScore: 8, appraisal1: 3, appraisal2: 6.5, appraised: 2 });
    expect(r.differenceTotals).toEqual([-1, -0.5, -0.5]);
  });
});
