// CCHC_REASON(<same arguments as CCHC_STATUS>) → the Lý do column: the row's reasons joined with "; ",
// ending with the points at stake; the error message for a row in error; "" otherwise.
import type { RowResult } from '../core/types';
import { formatPoints } from '../core/values';
import { answer, evaluateRiskColumns, type RiskArgs } from './table';

export function reasonText(r: RowResult | undefined): string {
  if (!r) return '';
  if (r.status === 'error') return r.error ?? r.reasons.join('; ');
  if (r.status !== 'losing' && r.status !== 'atRisk') return '';
  const parts = [...r.reasons];
  if (r.pointsAtStake > 0) parts.push(`Có thể mất ${formatPoints(r.pointsAtStake)} điểm`);
  return parts.join('; ');
}

export function cchcReason(...args: RiskArgs): string | string[][] {
  const call = evaluateRiskColumns(args);
  return answer(call, call.results.map(reasonText));
}
