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
        // Side by side: every leaf with a figure, its difference = latest appraisal − (self-score or points).
        for (const x of r.rows) {
          const l = leaves[x.row - 6];
          const latest = l.a2 ?? l.a1;
          const against = l.self ?? (l.na ? null : l.points);
          expect(x.difference).toEqual(
            latest !== null && against !== null ? expect.closeTo(latest - against, 9) : null,
          );
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
      rows: [],
      appraised: null,
      problems: [],
    });
  });
});
