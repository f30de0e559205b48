// Issue 14, "Solutions per at-risk criterion": the core's solution view. A row needing action (losing, at
// risk, or a data error) with no Giải pháp gets the reason "chưa có giải pháp", only when the table has the
// column; an overdue Hạn khắc phục (before the as-of date) on a row still needing action gets "giải pháp quá
// hạn"; an unreadable Hạn khắc phục is a data error naming its row and column. Neither changes a row's
// status, points or points at stake.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { evaluate } from '../../src/core/evaluate';
import { NO_SOLUTION_REASON, SOLUTION_OVERDUE_REASON } from '../../src/core/risk';
import { needsAction } from '../../src/core/summary';
import { DEFAULT_BANDS } from '../../src/core/settings';
import type { CellValue, CriteriaRow, Evaluation } from '../../src/core/types';

const TODAY = new Date(2024, 5, 20); // 20/06/2024
const OPTIONS = { today: TODAY, nearDeadlineDays: 14, bands: DEFAULT_BANDS };

/** A leaf of every kind of state: secured, below target, no data, no evidence, a data error, N/A. */
const LEAVES: Omit<CriteriaRow, 'row' | 'code'>[] = [
  base('CÓ/KHÔNG', 1, 'Có', 'QĐ 1'), // secured
  base('MỨC(100%: 2; 80%: 1)', 2, 0.85, 'BC 2'), // losing: below the top tier
  base('TỶ LỆ', 1, '', ''), // at risk: no data yet
  base('CÓ/KHÔNG', 1, 'Có', ''), // at risk: points without evidence
  base('ĐẾM(0,5)', 2, 'ba lần', 'Sổ'), // data error in Kết quả
  base('CÓ/KHÔNG', 1, 'Không áp dụng', ''), // not applicable
  base('TRỪ(0,5)', 2, 1, 'BB'), // losing: a deduction
];

function base(
  rule: string,
  max: number,
  actual: CellValue,
  evidence: string,
): Omit<CriteriaRow, 'row' | 'code'> {
  return {
    title: `Tiêu chí ${rule}`,
    max,
    rule,
    target: '',
    actual,
    evidence,
    sector: 'VP-TK',
    deadline: '',
    notes: '',
    appraised: '',
  };
}

/** A row's solution cells, or null for a table without the columns. */
interface SolutionCells {
  solution: CellValue;
  due: CellValue;
}

function table(kinds: number[], cells: (SolutionCells | null)[]): CriteriaRow[] {
  const rows: CriteriaRow[] = [
    { ...base('', 0, '', ''), row: 5, code: '1', title: 'Lĩnh vực', max: '', rule: '' },
  ];
  kinds.forEach((k, i) => {
    const row: CriteriaRow = { ...LEAVES[k], row: 6 + i, code: `1.${i + 1}` };
    const c = cells[i];
    if (c !== null) {
      row.solution = c.solution;
      row.solutionOwner = 'Nguyễn Văn A';
      row.solutionDue = c.due;
    }
    rows.push(row);
  });
  return rows;
}

const day = (d: number, m: number) => new Date(2024, m - 1, d);
const leaves = (e: Evaluation) => e.rows.filter((r) => r.isLeaf);

describe('the solution view', () => {
  test('a row needing action without a solution says "chưa có giải pháp"; a secured one never does', () => {
    const kinds = LEAVES.map((_, i) => i);
    const e = evaluate(
      table(
        kinds,
        kinds.map(() => ({ solution: '', due: '' })),
      ),
      OPTIONS,
    );
    for (const r of leaves(e)) {
      expect(r.reasons.includes(NO_SOLUTION_REASON)).toBe(needsAction(r));
      expect(r.risks.includes('noSolution')).toBe(needsAction(r));
    }
    // Every state above occurs: losing, at risk, an error, secured, not applicable.
    expect(new Set(leaves(e).map((r) => r.status))).toEqual(
      new Set(['secured', 'losing', 'atRisk', 'error', 'notApplicable']),
    );
  });

  test('no Giải pháp column: no row is ever "chưa có giải pháp", and nothing else changes', () => {
    const kinds = LEAVES.map((_, i) => i);
    const without = evaluate(
      table(
        kinds,
        kinds.map(() => null),
      ),
      OPTIONS,
    );
    for (const r of without.rows) {
      expect(r.reasons).not.toContain(NO_SOLUTION_REASON);
      expect(r.solution).toBeUndefined();
    }
  });

  test('"không", "chưa có" or "-" typed as the solution is no solution', () => {
    for (const none of ['Không', 'chưa có', '-', '  ']) {
      const e = evaluate(table([1], [{ solution: none, due: '' }]), OPTIONS);
      expect(leaves(e)[0].reasons).toContain(NO_SOLUTION_REASON);
    }
    const e = evaluate(table([1], [{ solution: 'Đôn đốc các thôn', due: '' }]), OPTIONS);
    expect(leaves(e)[0].reasons).not.toContain(NO_SOLUTION_REASON);
    expect(leaves(e)[0].solution).toBe('Đôn đốc các thôn');
    expect(leaves(e)[0].solutionOwner).toBe('Nguyễn Văn A');
  });

  test('Hạn khắc phục before the as-of date on a row still needing action: "giải pháp quá hạn"', () => {
    const due = (d: CellValue, kind = 1) =>
      leaves(evaluate(table([kind], [{ solution: 'Đôn đốc', due: d }]), OPTIONS))[0];
    // A date, a dd/mm/yyyy text, a Sheets serial number: the day before the as-of date is overdue.
    for (const d of [day(19, 6), '19/06/2024', ' 19/6/2024 ', 45462]) {
      expect(due(d).reasons).toContain(SOLUTION_OVERDUE_REASON);
      expect(due(d).solutionDue).toBe('2024-06-19');
    }
    // Due on the as-of date, or later: not overdue; a blank due date: nothing.
    for (const d of [day(20, 6), '21/06/2024', ''])
      expect(due(d).reasons).not.toContain(SOLUTION_OVERDUE_REASON);
    expect(due('').solutionDue).toBeNull();
    // A secured row with an old due date: nothing is owed.
    expect(due(day(1, 1), 0).reasons).not.toContain(SOLUTION_OVERDUE_REASON);
    expect(due(day(1, 1), 0).status).toBe('secured');
    // A data-error row still needing action keeps its error first and says the solution is overdue.
    const error = due(day(1, 1), 4);
    expect(error.status).toBe('error');
    expect(error.reasons[error.reasons.length - 1]).toBe(SOLUTION_OVERDUE_REASON);
  });

  test('an unreadable Hạn khắc phục is a data error naming its row and column, in Vietnamese', () => {
    for (const bad of ['31/02/2024', 'tháng 9', 'abc', true, 12]) {
      const e = evaluate(table([0, 1], [null, { solution: 'Đôn đốc', due: bad }]), OPTIONS);
      const p = e.problems.find((x) => x.column === 'solutionDue');
      expect(p).toMatchObject({ row: 7, severity: 'error' });
      expect(p!.message).toMatch(/Hạn khắc phục/);
      expect(p!.fix).toMatch(/dd\/mm\/yyyy/);
      expect(leaves(e)[1].status).toBe('error');
      expect(leaves(e)[1].solutionDue).toBeNull();
    }
  });

  test('property: solutions never change a status, the points, the points at stake or the total', () => {
    const cellArb = fc.record({
      solution: fc.constantFrom<CellValue>('', 'Đôn đốc', 'không', 'Họp dân', null),
      due: fc.constantFrom<CellValue>('', day(1, 6), day(30, 6), '15/06/2024', '01/07/2024', null),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(LEAVES.length - 1), cellArb), { minLength: 1, maxLength: 12 }),
        (spec) => {
          const kinds = spec.map(([k]) => k);
          const withCols = evaluate(
            table(
              kinds,
              spec.map(([, c]) => c),
            ),
            OPTIONS,
          );
          const without = evaluate(
            table(
              kinds,
              kinds.map(() => null),
            ),
            OPTIONS,
          );
          expect(withCols.total).toBe(without.total);
          expect(withCols.index).toBe(without.index);
          withCols.rows.forEach((r, i) => {
            const o = without.rows[i];
            expect([r.status, r.score, r.pointsAtStake]).toEqual([o.status, o.score, o.pointsAtStake]);
            // The reasons are the same plus at most one of the solution view's, last.
            const extra = r.reasons.slice(o.reasons.length);
            expect(r.reasons.slice(0, o.reasons.length)).toEqual(o.reasons);
            expect(extra.length).toBeLessThanOrEqual(1);
            const c = spec[i - 1]?.[1];
            if (!c || !r.isLeaf) return;
            const blank = c.solution === null || c.solution === '' || c.solution === 'không';
            expect(extra).toEqual(
              needsAction(r) && blank
                ? [NO_SOLUTION_REASON]
                : needsAction(r) && r.solutionDue !== null && r.solutionDue! < '2024-06-20'
                  ? [SOLUTION_OVERDUE_REASON]
                  : [],
            );
          });
        },
      ),
      { seed: 1411, numRuns: 200 },
    );
  });
});
