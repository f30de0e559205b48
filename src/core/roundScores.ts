// The score columns of the rounds side by side (issue 14): the points computed from the rules (the one
// truth: the total and the index stay those), the unit's typed self-score (Điểm tự chấm) and the appraisal
// rounds (Điểm thẩm định lần 1, lần 2, or one Điểm thẩm định), with the differences, and the index the
// latest appraisal gives, shown beside the computed one and labelled with its round. Pure.
import { problem } from './criteria';
import { formatNumber, isBlank, isNoneWord, readNumber, roundPoints } from './values';
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
  /** The typed figures (null: blank or unreadable). */
  scores: Partial<Record<ScoreColumn, number | null>>;
  /** The latest appraisal figure minus the self-score (or the computed points without one); null without an appraisal. */
  difference: number | null;
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
  /** The score columns the table has. */
  columns: ScoreColumn[];
  /** Leaves with any typed figure, in sheet order. */
  rows: RoundScoreRow[];
  appraised: AppraisedIndex | null;
  /** Figures that cannot be read, or lie outside 0..max: Vietnamese, naming the row and column. */
  problems: Problem[];
}

const present = (rows: CriteriaRow[], c: ScoreColumn) =>
  rows.some((r) => r[c] !== undefined && r[c] !== null);

/**
 * The rounds' figures of a table. Only normal leaf rows count (parents are roll-ups; bonus and penalty rows
 * keep their computed points). Self-scores and the single appraisal column are read here for the side by
 * side only: their reading errors are already the risk view's (risk.ts).
 */
export function roundScores(rows: CriteriaRow[], evaluation: Evaluation): RoundScores {
  const columns = SCORE_COLUMNS.filter((c) => present(rows, c));
  const out: RoundScores = { columns, rows: [], appraised: null, problems: [] };
  if (columns.length === 0) return out;
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const latest = (['appraisal2', 'appraisal1', 'appraised'] as const).filter((c) => columns.includes(c));
  const sums: Partial<Record<AppraisalColumn, { total: number; count: number }>> = {};
  for (const res of evaluation.rows) {
    const r = byRow.get(res.row);
    if (!r || !res.isLeaf || res.kind !== 'normal') continue;
    const scores: RoundScoreRow['scores'] = {};
    let any = false;
    for (const c of columns) {
      const v = r[c];
      if (isBlank(v) || isNoneWord(v)) continue;
      const read = readNumber(v, COLUMN_NAMES[c].vi);
      const own = c === 'appraisal1' || c === 'appraisal2';
      if (!read.ok) {
        if (own) out.problems.push(problem(res.row, c, 'error', read.message, FIX));
        continue;
      }
      if (own && res.max !== null && (read.value < 0 || read.value > res.max + 1e-9)) {
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
      any = true;
    }
    if (!any) continue;
    const appraisal = latest.map((c) => scores[c]).find((v) => v !== undefined && v !== null);
    const base = scores.selfScore ?? res.score;
    out.rows.push({
      row: res.row,
      code: res.code,
      title: res.title,
      max: res.max,
      points: res.applicable ? res.score : null,
      scores,
      difference: appraisal != null && base != null ? roundPoints(appraisal - base) : null,
    });
    // Each appraisal round's figures replace the computed points of this applicable leaf: round 2 falls
    // back to round 1 where it has no figure (the council revises round 1).
    if (!res.applicable) continue;
    for (const c of latest) {
      const v = c === 'appraisal2' ? (scores.appraisal2 ?? scores.appraisal1) : scores[c];
      if (v === undefined || v === null) continue;
      const s = (sums[c] ??= { total: 0, count: 0 });
      s.total += v - (res.score ?? 0);
      if (scores[c] != null) s.count++;
    }
  }
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
