// CCHC_TOTAL(codes, scores, [prefix]) → Σ scores of the leaf rows (under `prefix` when given).
import type { CellValue } from '../core/types';
import { roundPoints } from '../core/values';
import { codedRows, leavesUnder, scoreValue } from './leaves';
import { prepare, type Arg } from './ranges';

/** Text scores ("Không áp dụng", "Lỗi: …") count as 0; "1,5" counts as 1.5. */
export function cchcTotal(codes: Arg, scores: Arg, prefix?: Arg): number {
  const [c, s] = prepare([codes, scores]).cols;
  let sum = 0;
  for (const r of leavesUnder(codedRows(c), prefix as CellValue)) sum += scoreValue(s[r.index]);
  return roundPoints(sum);
}
