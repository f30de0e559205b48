// CCHC_POINTS(codes, rules, max, actual, [target], [deadline]) → the Điểm column: leaves scored by their rule, parents the
// roll-up of their applicable leaves, "Không áp dụng", "Lỗi: …"; "" for rows without a code or data.
// Penalty rows ("-") show their deduction as a negative number, so summing the column gives the total.
import type { RowResult } from '../core/types';
import { ERROR_PREFIX, NOT_APPLICABLE_TEXT } from '../core/vocabulary';
import type { Arg } from './ranges';
import { answer, evaluateColumns } from './table';

export function pointsCell(r: RowResult | undefined): number | string {
  if (!r) return '';
  if (r.score !== null) return r.score;
  if (!r.applicable) return NOT_APPLICABLE_TEXT;
  if (r.error !== undefined) return ERROR_PREFIX + r.error;
  return '';
}

export function cchcPoints(
  codes: Arg,
  rules: Arg,
  max: Arg,
  actual: Arg,
  target?: Arg,
  deadline?: Arg,
): number | string | (number | string)[][] {
  // Points do not depend on the date, nor on the risk view; HẠN reads its deadline from the Hạn column
  // when the target is empty, so that column is passed too.
  const call = evaluateColumns(
    [codes, rules, max, actual, target, undefined, deadline],
    new Date(2000, 0, 1),
    0,
    false,
  );
  const cells = call.results.map(pointsCell);
  if (!call.isRange && typeof cells[0] === 'string' && cells[0].startsWith(ERROR_PREFIX)) {
    throw new Error(cells[0].slice(ERROR_PREFIX.length));
  }
  return answer(call, cells);
}
