// CCHC_REASON(<same arguments as CCHC_STATUS>) → the Lý do column: the row's reasons joined with "; ",
// ending with the points at stake (unless a reason already states that loss); the error message for a row in error; "" otherwise.
import type { RowResult } from '../core/types';
import { formatPoints } from '../core/values';
import { NO_SOLUTION_REASON, SOLUTION_OVERDUE_REASON } from '../core/risk';
import { answer, evaluateRiskColumns, type RiskArgs } from './table';

export function reasonText(r: RowResult | undefined): string {
  if (!r) return '';
  // The solution view's reasons ("chưa có giải pháp", "giải pháp quá hạn") close the text, after the stake:
  // they say what the sector still owes, not why points are lost.
  const solution = r.reasons.filter(isSolutionReason);
  if (r.status === 'error') {
    if (r.error === undefined) return r.reasons.join('; ');
    return [r.error, ...solution].join('; ');
  }
  // Secured rows say only how their result was read (a fraction, 96,5 taken as 96,5%, không phát sinh).
  if (r.status !== 'losing' && r.status !== 'atRisk') return r.reasons.join('; ');
  const parts = solution.length ? r.reasons.filter((x) => !isSolutionReason(x)) : [...r.reasons];
  // The total at stake closes the list, unless a reason already names that same loss ("… (mất 2 điểm)").
  const stake = `mất ${formatPoints(r.pointsAtStake)} điểm`;
  if (r.pointsAtStake > 0 && !parts.some((p) => p.includes(stake))) parts.push(`Có thể ${stake}`);
  for (const s of solution) parts.push(s);
  return parts.join('; ');
}

function isSolutionReason(reason: string): boolean {
  return reason === NO_SOLUTION_REASON || reason === SOLUTION_OVERDUE_REASON;
}

export function cchcReason(...args: RiskArgs): string | string[][] {
  const call = evaluateRiskColumns(args);
  return answer(call, call.results.map(reasonText));
}
