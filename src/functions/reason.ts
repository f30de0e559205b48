// CCHC_REASON(<same arguments as CCHC_STATUS>) → the Lý do column: the row's reasons joined with "; ",
// ending with the points at stake (unless a reason already states that loss); the error message for a row in error; "" otherwise.
import type { RowResult } from '../core/types';
import { formatPoints } from '../core/values';
import { answer, evaluateRiskColumns, type RiskArgs } from './table';

export function reasonText(r: RowResult | undefined): string {
  if (!r) return '';
  if (r.status === 'error') return r.error ?? r.reasons.join('; ');
  // Secured rows say only how their result was read (a fraction, 96,5 taken as 96,5%, không phát sinh).
  if (r.status !== 'losing' && r.status !== 'atRisk') return r.reasons.join('; ');
  const parts = [...r.reasons];
  // The total at stake closes the list, unless a reason already names that same loss ("… (mất 2 điểm)").
  const stake = `mất ${formatPoints(r.pointsAtStake)} điểm`;
  if (r.pointsAtStake > 0 && !parts.some((p) => p.includes(stake))) parts.push(`Có thể ${stake}`);
  return parts.join('; ');
}

export function cchcReason(...args: RiskArgs): string | string[][] {
  const call = evaluateRiskColumns(args);
  return answer(call, call.results.map(reasonText));
}
