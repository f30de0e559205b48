// CCHC_STATUS(codes, rules, max, actual, target, evidence, deadline, appraised, as_of, near_days) → the
// Trạng thái column: Mất điểm, Quá hạn, Nguy cơ, Đạt, Không áp dụng, Lỗi, or "" (parents, empty rows).
import { statusLabel } from '../core/risk';
import type { Arg } from './ranges';
import { answer, evaluateColumns, readAsOf, readNearDays } from './table';

export function cchcStatus(
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
): string | string[][] {
  const call = evaluateColumns(
    { codes, rules, max, actual, target, evidence, deadline, appraised },
    readAsOf(asOf),
    readNearDays(nearDays),
  );
  return answer(
    call,
    call.results.map((r) => (r ? statusLabel(r.status, r.risks) : '')),
  );
}
