// The score columns of the rounds side by side (issue 14): the points computed from the rules (the one
// truth: the total and the index stay those), the unit's typed self-score (Điểm tự chấm) and the appraisal
// rounds (Điểm thẩm định lần 1, lần 2, or one Điểm thẩm định), with the differences, and the index the
// latest appraisal gives, shown beside the computed one and labelled with its round. Pure.
import { problem } from './criteria';
import { formatNumber, isBlank, isNoneWord, readNumber, roundPoints, showValue } from './values';
import type { CriteriaRow, Evaluation, Problem } from './types';
import { COLUMN_NAMES } from './vocabulary';

/** The typed score columns, in round order. */
export const SCORE_COLUMNS = ['selfScore', 'appraisal1', 'appraisal2', 'appraised'] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];
export type AppraisalColumn = Exclude<ScoreColumn, 'selfScore'>;

/** How the appraised index is labelled, by the column it comes from. */
export const APPRAISAL_LABELS: Record<AppraisalColumn, string> = {
  appraisal1: 'thẩm định lần 1',
  appraisal2: 'thẩm định lần 2',
  appraised: 'thẩm định',
};

export interface RoundScoreRow {
  row: number;
  code: string;
  title: string;
  max: number | null;
  /** The points computed from the rule (null: not applicable or an error). */
  points: number | null;
  /** The typed figures that can be used (absent: blank; see `invalid`). */
  scores: Partial<Record<ScoreColumn, number>>;
  /** Typed figures that cannot be used (unreadable, or outside 0..max for a round column), as typed. */
  invalid: Partial<Record<ScoreColumn, string>>;
  /** One per step of RoundScores.steps: the later figure minus the earlier, null when either is missing. */
  differences: (number | null)[];
}

/** A figure of the side by side: a typed score column or the points computed from the rules. */
export type RoundFigure = ScoreColumn | 'points';

/** Two consecutive figures whose difference is shown: `to` − `from`. */
export interface RoundStep {
  from: RoundFigure;
  to: ScoreColumn;
}

export interface AppraisedIndex {
  /** The column it comes from: the latest appraisal that has figures. */
  column: AppraisalColumn;
  label: string;
  /** The computed total with each appraised leaf's points replaced by its appraisal figure. */
  total: number;
  /** total / the computed applicable maximum, 0–100; null when nothing applies. */
  indexPercent: number | null;
  /** Leaves that carry a figure of that round (or an earlier one). */
  appraisedRows: number;
}

export interface RoundScores {
  /** The score columns with anything typed in a leaf row, in round order. */
  columns: ScoreColumn[];
  /** The differences shown, between consecutive rounds (roundSteps). */
  steps: RoundStep[];
  /** Leaves with any typed figure, in sheet order. */
  rows: RoundScoreRow[];
  /** Per figure, the sum of the rows' usable figures. */
  totals: Partial<Record<RoundFigure, number>>;
  /** Per step, the sum of the rows' differences (those that exist). */
  differenceTotals: number[];
  appraised: AppraisedIndex | null;
  /** Figures that cannot be read, or lie outside 0..max: Vietnamese, naming the row and column. */
  problems: Problem[];
}

/**
 * The differences between consecutive rounds: lần 1 − tự chấm, lần 2 − lần 1 (one Điểm thẩm định:
 * thẩm định − tự chấm). A table without a Điểm tự chấm column starts from the points computed from the
 * rules (the commune's own scoring of its results); with one, the computed points stand beside the rounds
 * without a difference (the risk view already compares them with the self-score).
 */
export function roundSteps(columns: ScoreColumn[]): RoundStep[] {
  const chain: RoundFigure[] = columns.includes('selfScore') ? columns : ['points', ...columns];
  return chain.slice(1).map((to, i) => ({ from: chain[i], to: to as ScoreColumn }));
}

/** A row's figure: the computed points or a usable typed figure; null when blank, invalid or not applicable. */
export function figureOf(x: RoundScoreRow, f: RoundFigure): number | null {
  return f === 'points' ? x.points : (x.scores[f] ?? null);
}

/** A typed figure: blank (and the none words) are no figure at all. */
const typed = (v: CriteriaRow[ScoreColumn]) => !isBlank(v) && !isNoneWord(v);

/**
 * The rounds' figures of a table. Only normal leaf rows count (parents are roll-ups; bonus and penalty rows
 * keep their computed points). Self-scores and the single appraisal column are read here for the side by
 * side only: their reading errors are already the risk view's (risk.ts).
 */
export function roundScores(rows: CriteriaRow[], evaluation: Evaluation): RoundScores {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const leaves: [CriteriaRow, (typeof evaluation.rows)[number]][] = [];
  for (const res of evaluation.rows) {
    const r = byRow.get(res.row);
    if (r && res.isLeaf && res.kind === 'normal') leaves.push([r, res]);
  }
  const columns = SCORE_COLUMNS.filter((c) => leaves.some(([r]) => typed(r[c])));
  const steps = roundSteps(columns);
  const out: RoundScores = {
    columns,
    steps,
    rows: [],
    totals: {},
    differenceTotals: steps.map(() => 0),
    appraised: null,
    problems: [],
  };
  if (columns.length === 0) return out;
  const latest = (['appraisal2', 'appraisal1', 'appraised'] as const).filter((c) => columns.includes(c));
  const sums: Partial<Record<AppraisalColumn, { total: number; count: number }>> = {};
  for (const [r, res] of leaves) {
    const scores: RoundScoreRow['scores'] = {};
    const invalid: RoundScoreRow['invalid'] = {};
    let any = false;
    for (const c of columns) {
      const v = r[c];
      if (!typed(v)) continue;
      any = true;
      const read = readNumber(v, COLUMN_NAMES[c].vi);
      const own = c === 'appraisal1' || c === 'appraisal2';
      if (!read.ok) {
        invalid[c] = showValue(v);
        if (own) out.problems.push(problem(res.row, c, 'error', read.message, FIX));
        continue;
      }
      if (own && res.max !== null && (read.value < 0 || read.value > res.max + 1e-9)) {
        invalid[c] = showValue(v);
        out.problems.push(
          problem(
            res.row,
            c,
            'error',
            `${COLUMN_NAMES[c].vi} ${formatNumber(read.value)} nằm ngoài 0 đến điểm tối đa ${formatNumber(res.max)}.`,
            FIX,
          ),
        );
        continue;
      }
      scores[c] = read.value;
    }
    if (!any) continue;
    const x: RoundScoreRow = {
      row: res.row,
      code: res.code,
      title: res.title,
      max: res.max,
      points: res.applicable ? res.score : null,
      scores,
      invalid,
      differences: [],
    };
    x.differences = steps.map((s, i) => {
      const from = figureOf(x, s.from);
      const to = figureOf(x, s.to);
      if (from === null || to === null) return null;
      const d = roundPoints(to - from);
      out.differenceTotals[i] += d;
      return d;
    });
    for (const f of ['points', ...columns] as RoundFigure[]) {
      const v = figureOf(x, f);
      if (v !== null) out.totals[f] = (out.totals[f] ?? 0) + v;
    }
    out.rows.push(x);
    // Each appraisal round's figures replace the computed points of this applicable leaf: round 2 falls
    // back to round 1 where it has no figure (the council revises round 1).
    if (!res.applicable) continue;
    for (const c of latest) {
      const v = c === 'appraisal2' ? (scores.appraisal2 ?? scores.appraisal1) : scores[c];
      if (v === undefined) continue;
      const s = (sums[c] ??= { total: 0, count: 0 });
      s.total += v - (res.score ?? 0);
      if (scores[c] !== undefined) s.count++;
    }
  }
  for (const f of Object.keys(out.totals) as RoundFigure[]) out.totals[f] = roundPoints(out.totals[f]!);
  out.differenceTotals = out.differenceTotals.map(roundPoints);
  const column = latest.find((c) => (sums[c]?.count ?? 0) > 0);
  if (column) {
    const total = roundPoints(evaluation.total + sums[column]!.total);
    const max = evaluation.applicableMax;
    out.appraised = {
      column,
      label: APPRAISAL_LABELS[column],
      total,
      indexPercent: max > 0 ? Math.min(Math.max(total / max, 0), 1) * 100 : null,
      appraisedRows: sums[column]!.count,
    };
  }
  return out;
}

const FIX = 'Nhập điểm thẩm định là một số từ 0 đến điểm tối đa, ví dụ 1,25 (hoặc để trống).';
