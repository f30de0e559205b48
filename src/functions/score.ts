// CCHC_SCORE(rule, max, actual, [target]) → points (design.md, "Custom functions").
import { scoreRule } from '../core/rules/score';
import type { CellValue, ScoreOutcome } from '../core/types';
import { ERROR_PREFIX, NOT_APPLICABLE_TEXT } from '../core/vocabulary';
import { prepare, type Arg } from './ranges';
import { readDecimals } from './table';

function cellOf(o: ScoreOutcome): number | string {
  switch (o.kind) {
    case 'points':
      return o.points;
    case 'notApplicable':
      return NOT_APPLICABLE_TEXT;
    case 'empty':
      return '';
    case 'error':
      return ERROR_PREFIX + o.message;
  }
}

/**
 * Single values → the points (an error throws, so Sheets shows #ERROR! with the message). Ranges → a column,
 * one result per row; a bad row holds "Lỗi: …" and the others still compute.
 */
export function cchcScore(
  rule: Arg,
  max: Arg,
  actual: Arg,
  target?: Arg,
  decimals?: Arg,
): number | string | (number | string)[][] {
  const d = readDecimals(decimals);
  const { n, cols } = prepare([rule, max, actual, target]);
  if (n === null) {
    const o = scoreRule(rule as CellValue, max as CellValue, actual as CellValue, target as CellValue, d);
    if (o.kind === 'error') throw new Error(o.message);
    return cellOf(o);
  }
  const [r, m, a, t] = cols;
  const out: (number | string)[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [cellOf(scoreRule(r[i], m[i], a[i], t[i], d))];
  return out;
}
