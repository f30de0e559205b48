// CCHC_AT_STAKE(<same arguments as CCHC_STATUS>) → points each row may still lose: leaves at risk or losing
// their points at stake, secured leaves 0, parents the sum over their leaves; "" for not applicable, errors
// and rows without a code.
import { parentCode } from '../core/criteria';
import type { RowResult } from '../core/types';
import { roundPoints } from '../core/values';
import { answer, evaluateRiskColumns, type RiskArgs } from './table';

export function atStakeCells(results: (RowResult | undefined)[]): (number | string)[] {
  const byCode = new Map<string, number>();
  results.forEach((r, i) => {
    if (r && !byCode.has(r.code)) byCode.set(r.code, i);
  });
  const sums = new Array<number>(results.length).fill(0);
  results.forEach((r) => {
    if (!r || !r.isLeaf || (r.status !== 'losing' && r.status !== 'atRisk')) return;
    for (let p = parentCode(r.code); p !== null; p = parentCode(p)) {
      const at = byCode.get(p);
      if (at !== undefined) sums[at] += r.pointsAtStake;
    }
  });
  return results.map((r, i) => {
    if (!r) return '';
    if (r.status === 'parent') return r.applicable ? roundPoints(sums[i]) : '';
    if (r.status === 'losing' || r.status === 'atRisk') return r.pointsAtStake;
    if (r.status === 'secured') return 0;
    return '';
  });
}

export function cchcAtStake(...args: RiskArgs): number | string | (number | string)[][] {
  const call = evaluateRiskColumns(args);
  return answer(call, atStakeCells(call.results));
}
