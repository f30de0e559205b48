// CCHC_MAX(codes, max, scores, [prefix]) → the applicable maximum: Σ max of leaf rows whose score is not
// "Không áp dụng" (team function: the summary block's "Điểm tối đa áp dụng", and each area's maximum).
import type { CellValue } from '../core/types';
import { isNotApplicable, roundPoints } from '../core/values';
import { codedRows, leavesUnder, maxValue, type CodedRow } from './leaves';
import { prepare, type Arg } from './ranges';

/** Leaves that count toward the applicable maximum: the 100-point part, or the group `prefix` names. */
export function applicableLeaves(c: CellValue[], s: CellValue[], prefix: CellValue): CodedRow[] {
  const leaves = leavesUnder(codedRows(c), prefix);
  const wantsGroup = leaves.length > 0 && typeof prefix === 'string' && /^\s*[+\-\u2212\u2013]/.test(prefix);
  // A row whose score says "Không áp dụng" (or KAD, N/A…) leaves the applicable maximum.
  return leaves.filter((r) => (wantsGroup || r.kind === 'normal') && !isNotApplicable(s[r.index]));
}

export function cchcMax(codes: Arg, max: Arg, scores: Arg, prefix?: Arg): number {
  const [c, m, s] = prepare([codes, max, scores]).cols;
  let sum = 0;
  for (const r of applicableLeaves(c, s, prefix as CellValue)) sum += maxValue(m[r.index]);
  return roundPoints(sum);
}
