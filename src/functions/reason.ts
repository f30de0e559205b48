// CCHC_REASON(<same arguments as CCHC_STATUS>) → the Lý do column: the row's reasons joined with "; ",
// ending with the points at stake; the error message for a row in error; "" otherwise.
import type { RowResult } from '../core/types';
import { formatNumber } from '../core/values';
import type { Arg } from './ranges';
import { answer, evaluateColumns, readAsOf, readNearDays } from './table';

export function reasonText(r: RowResult | undefined): string {
  if (!r) return '';
  if (r.status === 'error') return r.error ?? r.reasons.join('; ');
  if (r.status !== 'losing' && r.status !== 'atRisk') return '';
  const parts = [...r.reasons];
  if (r.pointsAtStake > 0) parts.push(`Có thể mất ${formatNumber(r.pointsAtStake)} điểm`);
  return parts.join('; ');
}

export function cchcReason(
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
  return answer(call, call.results.map(reasonText));
}
