// CCHC_STATUS(codes, rules, max, actual, target, evidence, deadline, appraised, as_of, near_days) → the
// Trạng thái column: Mất điểm, Quá hạn, Nguy cơ, Đạt, Không áp dụng, Lỗi, or "" (parents, empty rows).
import { statusLabel } from '../core/vocabulary';
import { answer, evaluateRiskColumns, type RiskArgs } from './table';

export function cchcStatus(...args: RiskArgs): string | string[][] {
  const call = evaluateRiskColumns(args);
  return answer(
    call,
    call.results.map((r) => (r ? statusLabel(r.status, r.risks) : '')),
  );
}
