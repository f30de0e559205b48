// Shared by CCHC_POINTS, CCHC_STATUS, CCHC_REASON and CCHC_AT_STAKE: the columns become CriteriaRows and go
// through evaluate(), the same code the sidebar, reports and emails use, so the sheet never disagrees.
import { evaluateTable, DEFAULT_NEAR_DAYS } from '../core/evaluate';
import { inOwnRow } from '../core/criteria';
import { DEFAULT_BANDS } from '../core/settings';
import type { CriteriaRow, EvaluateOptions, Evaluation, RowResult } from '../core/types';
import { isBlank, readDate, readNumber } from '../core/values';
import { isRange, prepare, singleValue, type Arg } from './ranges';

export interface TableCall {
  /** One result per input row (undefined for rows with an empty code). */
  results: (RowResult | undefined)[];
  /** False when every argument was a single value (answer with a single value). */
  isRange: boolean;
}

const MS_PER_DAY = 86400000;

/** The "as of" date: custom functions may not read NOW(), so it comes from a cell the add-in keeps current. */
export function readAsOf(asOf: Arg): Date {
  const v = singleValue(asOf, 'Ngày tính (as_of)');
  if (isBlank(v)) {
    throw new Error(
      'Thiếu ngày tính (ô "Tính đến ngày"): mở lại bảng tính hoặc chạy "Tính lại" trong menu tiện ích để ghi ngày hôm nay vào ô đó.',
    );
  }
  const d = readDate(v, 'Ngày tính (as_of)');
  if (!d.ok) throw new Error(d.message);
  const utc = new Date(d.value * MS_PER_DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** Near-deadline days: empty → 14; otherwise a whole number from 0. */
export function readNearDays(nearDays: Arg): number {
  const v = singleValue(nearDays, 'Số ngày cảnh báo');
  if (isBlank(v)) return DEFAULT_NEAR_DAYS;
  const n = readNumber(v, 'Số ngày cảnh báo');
  if (!n.ok) throw new Error(n.message);
  if (n.value < 0 || !Number.isInteger(n.value)) {
    throw new Error(`Số ngày cảnh báo "${String(v)}" phải là số nguyên từ 0, ví dụ 14.`);
  }
  return n.value;
}

/**
 * Rounding of each leaf's points (the setting pointsDecimals, kept in a summary-block cell): blank → none;
 * otherwise a whole number from 0 to 4.
 */
export function readDecimals(decimals: Arg): number | null {
  const v = singleValue(decimals, 'Số chữ số làm tròn điểm (decimals)');
  if (isBlank(v)) return null;
  const n = readNumber(v, 'Số chữ số làm tròn điểm');
  if (!n.ok) throw new Error(n.message);
  if (!Number.isInteger(n.value) || n.value < 0 || n.value > 4) {
    throw new Error(
      `Số chữ số làm tròn điểm "${String(v)}" phải là số nguyên từ 0 đến 4 (để trống: không làm tròn).`,
    );
  }
  return n.value;
}

/**
 * The arguments of CCHC_STATUS, CCHC_REASON and CCHC_AT_STAKE: codes, rules, max, actual, target, evidence,
 * deadline, appraised (columns), as_of and [near_days].
 */
export type RiskArgs = [Arg, Arg, Arg, Arg, Arg, Arg, Arg, Arg, Arg, Arg?];

/** Evaluates a risk function's columns as of its as_of cell, with its near_days. */
export function evaluateRiskColumns(args: RiskArgs): TableCall {
  return evaluateColumns(args.slice(0, 8), readAsOf(args[8]), readNearDays(args[9]));
}

/** The table columns a custom function may pass, by name (the ones left out are blank). */
export interface TableColumns {
  codes: Arg;
  titles?: Arg;
  rules: Arg;
  max: Arg;
  actual: Arg;
  target?: Arg;
  evidence?: Arg;
  deadline?: Arg;
  appraised?: Arg;
  /** Điểm tự chấm: the unit's typed self-scores. */
  selfScores?: Arg;
  /** Giải pháp: a range, or anything else for a table without the column (then no "chưa có giải pháp"). */
  solutions?: Arg;
  /** Hạn khắc phục: a range, or anything else for a table without the column. */
  solutionDue?: Arg;
}

const COLUMN_ORDER = [
  'codes',
  'rules',
  'max',
  'actual',
  'target',
  'evidence',
  'deadline',
  'appraised',
  'titles',
  'selfScores',
  'solutions',
  'solutionDue',
] as const;

/**
 * Evaluates the columns codes, rules, max, actual, target, evidence, deadline, appraised (in that order; the
 * ones left out are blank).
 */
export function evaluateColumns(args: Arg[], today: Date, nearDays: number, withRisk = true): TableCall {
  const named: TableColumns = { codes: args[0], rules: args[1], max: args[2], actual: args[3] };
  COLUMN_ORDER.slice(4, 8).forEach((k, i) => (named[k] = args[4 + i]));
  return evaluateNamed(named, { today, nearDeadlineDays: nearDays, bands: DEFAULT_BANDS }, withRisk).call;
}

/**
 * Evaluates named columns ONCE (one evaluateTable): every output of the call (points, statuses, reasons,
 * totals) comes from this one evaluation, the same code the sidebar, reports and emails use.
 */
export function evaluateNamed(
  columns: TableColumns,
  options: EvaluateOptions,
  withRisk: boolean,
): { call: TableCall; evaluation: Evaluation } {
  const { n: len, cols } = prepare(COLUMN_ORDER.map((k) => columns[k]));
  const n = len ?? 1;
  const [codes, rules, max, actual, target, evidence, deadline, appraised, titles, selfScores] = cols;
  // The solution columns exist only as ranges: a single "" is how a formula says the table lacks one.
  const solutions = isRange(columns.solutions) ? cols[10] : null;
  const solutionDue = isRange(columns.solutionDue) ? cols[11] : null;
  const rows: CriteriaRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = {
      row: i + 1,
      code: codes[i],
      title: titles[i],
      max: max[i],
      rule: rules[i],
      target: target[i],
      actual: actual[i],
      evidence: evidence[i],
      sector: '',
      deadline: deadline[i],
      notes: '',
      appraised: appraised[i],
      selfScore: selfScores[i],
    };
    if (solutions !== null) rows[i].solution = solutions[i];
    if (solutionDue !== null) rows[i].solutionDue = solutionDue[i];
  }
  const evaluation = evaluateTable(rows, options, withRisk);
  const results: (RowResult | undefined)[] = new Array(n).fill(undefined);
  for (const r of evaluation.rows) if (results[r.row - 1] === undefined) results[r.row - 1] = r;
  // A row the table cannot count (scoring data but no code, an unreadable code) has no result, yet its
  // error must show in its own Điểm / Trạng thái / Lý do cells, as in the sidebar's data checks.
  for (const p of evaluation.problems) {
    const i = (p.row ?? 0) - 1;
    if (p.column === 'code' && p.severity === 'error' && i >= 0 && i < n && results[i] === undefined)
      results[i] = uncountedRow(p.row as number, inOwnRow(p.message));
  }
  return { call: { results, isRange: len !== null }, evaluation };
}

/** The result cells of a row left out of every sum because of its code: an error, nothing at stake. */
function uncountedRow(row: number, message: string): RowResult {
  return {
    row,
    code: '',
    title: '',
    sector: '',
    level: 0,
    isLeaf: true,
    kind: 'normal',
    max: null,
    score: null,
    applicable: true,
    status: 'error',
    reasons: [message],
    risks: [],
    pointsAtStake: 0,
    deadline: null,
    error: message,
  };
}

/** Answers one value per row: a column for range calls, the value itself for single-value calls. */
export function answer<T>(call: TableCall, values: T[]): T | T[][] {
  return call.isRange ? values.map((v) => [v]) : values[0];
}
