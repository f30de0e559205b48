// CCHC_WEAK(codes, max, points, [top_n], [titles]) → the province's "tiêu chí dễ mất điểm" table from
// stacked commune rows (one row per commune × criterion, as the province workbook imports them): one row per
// leaf criterion, [code, communes losing, points lost, average share of max, communes where it applies],
// most points lost first. With a titles column, each row also names its criterion, second: [code, title,
// …] (the first non-empty title of that code, as core weakCriteria picks it for ranking.json).
// One call for the whole table. A leaf is a code with no descendant code in the range; bonus/penalty rows
// are left out; a points cell "Không áp dụng" leaves the row out, "Lỗi: …" (or a Sheets error) loses the
// whole max; a row whose max is not a number (a header or label row of a stacked export) is skipped.
// Each row of the range is one commune's row: a code counts once per row.
import { normalizeCode } from '../core/criteria';
import type { CellValue } from '../core/types';
import { weakCriteriaOfRows, type CriterionObservation } from '../core/weakCriteria';
import { isBlank, isNotApplicable, numberOf, sheetsErrorOf } from '../core/values';
import { prepare, singleValue, type Arg } from './ranges';

/** One points cell as the aggregation reads it. */
export function pointsObservation(
  v: CellValue,
): Pick<CriterionObservation, 'points' | 'applicable' | 'error'> {
  if (isNotApplicable(v)) return { points: null, applicable: false, error: false };
  if (isBlank(v)) return { points: 0, applicable: true, error: false };
  const n = numberOf(v, false);
  if (n === n) return { points: n, applicable: true, error: false };
  // "Lỗi: …", a Sheets error, or any other text: the row cannot be scored, it loses its whole max.
  return { points: null, applicable: true, error: typeof v === 'string' || sheetsErrorOf(v) !== null };
}

function readTopN(topN: Arg): number {
  const v = singleValue(topN, 'Số tiêu chí (top_n)');
  if (isBlank(v)) return Infinity;
  const n = numberOf(v, false);
  if (!(n >= 1) || !Number.isInteger(n))
    throw new Error(`Số tiêu chí (top_n) "${String(v)}" phải là số nguyên từ 1, ví dụ 10.`);
  return n;
}

export function cchcWeak(codes: Arg, max: Arg, points: Arg, topN?: Arg, titles?: Arg): (string | number)[][] {
  const limit = readTopN(topN);
  const named = titles !== undefined && !isBlank(titles as CellValue);
  const [c, m, p, t] = prepare(named ? [codes, max, points, titles] : [codes, max, points]).cols;
  const observations: CriterionObservation[] = [];
  for (let i = 0; i < c.length; i++) {
    const code = normalizeCode(c[i]);
    if (code === '') continue;
    const mx = numberOf(m[i], false);
    // Header and label rows of stacked exports carry no numeric max: they are not criteria.
    if (mx !== mx) continue;
    observations.push({
      commune: '', // each row is one commune's row (weakCriteriaOfRows)
      code,
      title: named ? String(t[i] ?? '').trim() : '',
      max: mx,
      isLeaf: true, // leaves are told apart by the codes themselves (weakCriteria drops every ancestor)
      ...pointsObservation(p[i]),
    });
  }
  const rows = weakCriteriaOfRows(observations).slice(0, limit);
  if (rows.length === 0) throw new Error('Không có tiêu chí lá nào áp dụng trong vùng đã chọn.');
  return rows.map((r) => [
    r.code,
    ...(named ? [r.title] : []),
    r.communesLosing,
    r.pointsLost,
    r.averageShare,
    r.communesApplicable,
  ]);
}
