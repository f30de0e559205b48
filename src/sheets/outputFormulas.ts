// The output formulas of the criteria table (Điểm, Trạng thái, Lý do) and how to recognise them.
//
// Layout: ONE =CCHC_OUTPUTS(...) call in the first data row of the leftmost output column spills every
// adjacent output column, so an edit costs one custom-function execution for all three columns (Sheets runs
// each custom-function cell as its own execution, loading the whole bundle). Set-up places the three side by
// side; when a commune's own layout separates them, each run of adjacent output columns gets its own call,
// naming its columns in its last argument:
//   =CCHC_OUTPUTS(codes, rules, max, actual, target, evidence, deadline, appraised, as_of, near_days, "",
//                 decimals)
//   =CCHC_OUTPUTS(…same…, "Trạng thái; Lý do", decimals)
// `decimals` is the summary block's rounding cell (the setting pointsDecimals); a table with an Điểm tự chấm
// column passes it next (self_scores), so a self-score far from the computed points shows in Lý do; a table
// with Giải pháp / Hạn khắc phục passes them last (solutions, solution_due: issue 14's solution view).
// Every input column a rule or the risk view may read is passed (target AND deadline: HẠN reads its deadline
// from Chỉ tiêu, else from Hạn / Thời hạn); a column the table lacks is passed as "".
// Set-up also adds a "Điểm có thể mất" column right of the last output column when it is free: the last call
// spills it too (naming its columns, "Điểm; Trạng thái; Lý do; Điểm có thể mất"), and the export tab reads it
// with a plain reference instead of a CCHC_OUTPUTS call of its own (outputPlan.ts, exportTab.ts).
// Older sheets hold one formula per column (CCHC_POINTS / CCHC_STATUS / CCHC_REASON): still recognised as
// ours, and replaced by the live write (on open, recompute, set-up) under the document lock.
//
// Error cells: whether Sheets hands an error cell inside a range to a custom function (as "#N/A") or makes
// the whole formula show the error is not documented. So every input range is passed as
// IFERROR(range,"#LỖI!") inside ARRAYFORMULA(…): an error cell reaches the function as the text "#LỖI!",
// which the engine reports for that row and column, and the other rows still compute either way
// (test/sheets/errorCells.test.ts runs both behaviours).
import type { OutputColumn } from '../core/types';
import { arrayFormula, guarded, unwrapped } from './formulaGuard';
import { OUTPUT_COLUMN_NAME, DEFAULT_OUTPUT_ORDER } from '../core/sheetLayout';
import type { BlockPosition, TableRanges } from './summaryBlock';
import { blockInputs, columnArgument } from './summaryBlock';
import { COLUMN_FUNCTIONS, OUTPUT_FUNCTIONS, TERMS } from '../core/vocabulary';

const OUTPUTS = OUTPUT_FUNCTIONS.outputs;

/** Any output formula of ours, current or older, whatever its ranges (wrapped in ARRAYFORMULA or not). */
export const OUR_OUTPUT_FORMULA = new RegExp(
  `^=\\s*(?:ARRAYFORMULA\\s*\\(\\s*)?(${[OUTPUTS.name, ...Object.values(COLUMN_FUNCTIONS)].join('|')})\\s*\\(`,
  'i',
);
const CURRENT_FORMULA = new RegExp(`^=\\s*${OUTPUTS.name}\\s*\\(`, 'i');

/** The last row the output formula's ranges reach (its first range's end), or null. */
export function formulaReach(formula: string): number | null {
  const m = /\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?(\d+)/i.exec(formula);
  return m ? Number(m[1]) : null;
}

/** Position of the `columns` argument of CCHC_OUTPUTS (0-based). */
const COLUMNS_ARG = OUTPUTS.parameters.indexOf('columns');

/** Top-level arguments of a formula's outer call, as written (quotes and nested calls respected). */
export function formulaArgs(formula: string): string[] {
  const open = formula.indexOf('(');
  const close = formula.lastIndexOf(')');
  if (open < 0 || close < open) return [];
  const inner = formula.slice(open + 1, close);
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out;
}

/** How many columns a formula of ours in the first data row fills (0: not ours). */
export function spillWidth(wrapped: string): number {
  if (!OUR_OUTPUT_FORMULA.test(wrapped)) return 0;
  const formula = unwrapped(wrapped);
  if (!CURRENT_FORMULA.test(formula)) return 1;
  const arg = formulaArgs(formula)[COLUMNS_ARG];
  const m = arg === undefined ? null : /^"(.*)"$/s.exec(arg);
  if (!m || m[1].trim() === '') return DEFAULT_OUTPUT_ORDER.length;
  return m[1].split(/[;,]/).filter((p) => p.trim() !== '').length;
}

/** One CCHC_OUTPUTS call: where it sits and the columns it spills, left to right. */
export interface OutputCall {
  column: number;
  keys: (OutputColumn | 'stake')[];
}

/**
 * Runs of adjacent output columns, left to right: one call each. The points-at-stake column (`stake`, right
 * of the last output column) is spilled by the last call.
 */
export function outputCalls(
  columns: Record<OutputColumn, number>,
  stake: number | null = null,
): OutputCall[] {
  const all: Record<string, number> = stake === null ? columns : { ...columns, stake };
  const sorted = Object.keys(all).sort((a, b) => all[a] - all[b]) as OutputCall['keys'];
  const calls: OutputCall[] = [];
  for (const key of sorted) {
    const last = calls[calls.length - 1];
    if (last && all[key] === last.column + last.keys.length) last.keys.push(key);
    else calls.push({ column: all[key], keys: [key] });
  }
  return calls;
}

/**
 * The formula each output column's first data row holds: the call's formula at its leftmost column, "" in
 * the columns its spill fills.
 */
export function outputFormulas(
  ranges: TableRanges,
  block: BlockPosition,
  columns: Record<OutputColumn, number>,
  areaCount: number,
  bandCount: number,
  stake: number | null = null,
): Record<OutputColumn, string> {
  const inputs = blockInputs(block, areaCount, bandCount);
  const out = { score: '', status: '', reason: '' };
  for (const call of outputCalls(columns, stake)) {
    const isDefault = call.keys.join() === DEFAULT_OUTPUT_ORDER.join();
    const names = call.keys.map((k) => (k === 'stake' ? TERMS.pointsAtStake.vi : OUTPUT_COLUMN_NAME[k]));
    // The stake column is never first: it follows the last output column.
    out[call.keys[0] as OutputColumn] = outputsFormula(ranges, inputs, isDefault ? '' : names.join('; '));
  }
  return out;
}

/**
 * One CCHC_OUTPUTS formula spilling the named columns ("" = the default three) over `ranges`, reading the
 * as-of, near-days and rounding cells given (the commune's export tab spills its points at stake this way).
 */
export function outputsFormula(
  ranges: TableRanges,
  inputs: { asOf: string; nearDays: string; decimals: string },
  names: string,
): string {
  // The vocabulary's parameter order; the column names, the rounding cell and the optional columns last.
  const args = OUTPUTS.parameters
    .filter(
      (p) =>
        p !== 'columns' && p !== 'decimals' && p !== 'selfScore' && p !== 'solution' && p !== 'solutionDue',
    )
    .map((p) =>
      p === 'asOf' ? inputs.asOf : p === 'nearDays' ? inputs.nearDays : columnArgument(ranges, p),
    );
  // The rounding cell comes after the (optional) column names ("" keeps the default order); then the
  // self-scores (Điểm tự chấm) and the solution columns (Giải pháp, Hạn khắc phục), only when the table has
  // them ("" for a column it lacks before one it has).
  const optional = [ranges.selfScores, ranges.solutions ?? null, ranges.solutionDue ?? null];
  let used = optional.length;
  while (used > 0 && !optional[used - 1]) used--;
  const tail = [
    `"${names}"`,
    inputs.decimals,
    ...optional.slice(0, used).map((r) => (r ? guarded(r) : '""')),
  ];
  return arrayFormula(`${OUTPUTS.name}(${[...args, ...tail].join(',')})`);
}
