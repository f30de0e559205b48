// CCHC_OUTPUTS(codes, rules, max, actual, target, evidence, deadline, appraised, as_of, [near_days], [columns],
//              [decimals], [self_scores], [solutions], [solution_due])
// → the output columns side by side (Điểm, Trạng thái, Lý do by default) from ONE evaluation of the table.
// In Sheets every custom-function cell is its own execution (each loads the whole bundle): one call that
// spills all three columns replaces three calls that each evaluated the table. `columns` names the columns
// to spill, in sheet order, for a commune whose own layout puts them apart or in another order; it may also
// name "Điểm có thể mất" (what CCHC_AT_STAKE gives), which the commune's export tab spills from the same
// arguments as the criteria tab's call, so its figures always agree with the Trạng thái column.
import { foldText } from '../core/values';
import type { OutputColumn, RowResult } from '../core/types';
import { COLUMN_NAMES, statusLabel, TERMS } from '../core/vocabulary';
import { atStakeCells } from './atStake';
import { pointsCell } from './points';
import { reasonText } from './reason';
import { isRange, cellsOf, singleValue, type Arg } from './ranges';
import { evaluateNamed, readAsOf, readDecimals, readNearDays } from './table';
import { DEFAULT_BANDS } from '../core/settings';
import { DEFAULT_OUTPUT_ORDER } from '../core/sheetLayout';

const fold = (p: string): string => foldText(p).replace(/\s+/g, ' ').trim();

/** A column CCHC_OUTPUTS can spill: the three output columns, or the points at stake. */
export type SpillColumn = OutputColumn | 'stake';

/** Names accepted in `columns` (folded: lower case, no diacritics): the vocabulary's, Vietnamese and English. */
function acceptedName(folded: string): SpillColumn | undefined {
  if (folded === 'points') return 'score';
  if (folded === fold(TERMS.pointsAtStake.vi) || folded === fold(TERMS.pointsAtStake.en)) return 'stake';
  return DEFAULT_OUTPUT_ORDER.find(
    (k) => fold(COLUMN_NAMES[k].vi) === folded || fold(COLUMN_NAMES[k].en) === folded,
  );
}

/** Reads `columns`: names separated by ";" or "," (or a range of names); blank → the default order. */
export function readOutputColumns(columns: Arg): SpillColumn[] {
  const parts = (isRange(columns) ? cellsOf(columns) : [singleValue(columns, 'Cột kết quả')])
    .flatMap((v) => (v === null || v === undefined ? [] : String(v).split(/[;,]/)))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return DEFAULT_OUTPUT_ORDER;
  const out: SpillColumn[] = [];
  for (const p of parts) {
    const key = acceptedName(fold(p));
    if (!key) {
      const names = [...DEFAULT_OUTPUT_ORDER.map((k) => COLUMN_NAMES[k].vi), TERMS.pointsAtStake.vi];
      throw new Error(
        `Cột kết quả "${p}" không có: chỉ dùng ${names.join(', ')} (cách nhau bởi dấu ;), ví dụ "${names[0]}; ${names[1]}".`,
      );
    }
    if (out.includes(key)) throw new Error(`Cột kết quả "${p}" được nêu hai lần.`);
    out.push(key);
  }
  return out;
}

export function cchcOutputs(
  codes: Arg,
  rules: Arg,
  max: Arg,
  actual: Arg,
  target: Arg,
  evidence: Arg,
  deadline: Arg,
  appraised: Arg,
  asOf: Arg,
  nearDays?: Arg,
  columns?: Arg,
  decimals?: Arg,
  selfScores?: Arg,
  solutions?: Arg,
  solutionDue?: Arg,
): (number | string)[][] | number | string {
  const keys = readOutputColumns(columns);
  const options = {
    today: readAsOf(asOf),
    nearDeadlineDays: readNearDays(nearDays),
    bands: DEFAULT_BANDS,
    pointsDecimals: readDecimals(decimals),
  };
  const { call } = evaluateNamed(
    { codes, rules, max, actual, target, evidence, deadline, appraised, selfScores, solutions, solutionDue },
    options,
    keys.some((k) => k !== 'score'),
  );
  const results = call.results;
  const stake = keys.includes('stake') ? atStakeCells(results) : [];
  const cell = (k: SpillColumn, r: RowResult | undefined, i: number): number | string => {
    if (k === 'score') return pointsCell(r);
    if (k === 'status') return r ? statusLabel(r.status, r.risks) : '';
    if (k === 'stake') return stake[i];
    return reasonText(r);
  };
  if (!call.isRange) {
    if (keys.length === 1) return cell(keys[0], results[0], 0);
    return [keys.map((k) => cell(k, results[0], 0))];
  }
  // Indexed loops, no closure per row: this runs cold (each execution loads the script afresh) over up to
  // tens of thousands of rows.
  const n = results.length;
  const width = keys.length;
  const out: (number | string)[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = results[i];
    const line: (number | string)[] = new Array(width);
    for (let j = 0; j < width; j++) line[j] = cell(keys[j], r, i);
    out[i] = line;
  }
  return out;
}
