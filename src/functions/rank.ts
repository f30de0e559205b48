// CCHC_RANK(values, [group]) → competition ranks (1, 1, 3), highest value first, one call for the whole
// column. Values equal at 2 decimals of a percent share a rank (the province ranking's rule): when every
// value is ≤ 1 they are fractions (an index formatted as %), otherwise percents or points. With `group`,
// each value is ranked among the rows of its own group. Blank or "Không áp dụng" → an empty cell.
import type { CellValue } from '../core/types';
import { competitionRanks, rankKey } from '../core/ranking';
import { EPS, EXPECT_NUMBER, isBlank, isNotApplicable, numberOf, showValue } from '../core/values';
import { ERROR_PREFIX } from '../core/vocabulary';
import { asColumn, isRange, prepare, type Arg } from './ranges';

type Cell = number | string;

export function cchcRank(values: Arg, group?: Arg): Cell | Cell[][] {
  const { n, cols } = prepare([values, group]);
  const [vals, groups] = cols;
  const numbers: (number | null)[] = [];
  const cells: (Cell | null)[] = [];
  vals.forEach((v, i) => {
    numbers.push(null);
    cells.push(null);
    if (isBlank(v) || isNotApplicable(v)) return void (cells[i] = '');
    const x = numberOf(v as CellValue, true);
    if (x !== x) {
      cells[i] = `${ERROR_PREFIX}giá trị "${showValue(v)}" không phải số: cần ${EXPECT_NUMBER}.`;
      return;
    }
    numbers[i] = x;
  });
  const fractions = numbers.every((x) => x === null || x <= 1 + EPS);
  const keys = numbers.map((x) => (x === null ? null : rankKey(fractions ? x * 100 : x)));
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const k = isBlank(g) ? '' : String(g).trim().toLowerCase();
    const members = byGroup.get(k);
    if (members) members.push(i);
    else byGroup.set(k, [i]);
  });
  for (const members of byGroup.values()) {
    const ranks = competitionRanks(members.map((i) => keys[i]));
    members.forEach((i, k) => {
      if (cells[i] === null) cells[i] = ranks[k] ?? '';
    });
  }
  const out = cells.map((c) => c ?? '');
  if (n === null && !isRange(values)) {
    if (typeof out[0] === 'string' && out[0].startsWith(ERROR_PREFIX))
      throw new Error(out[0].slice(ERROR_PREFIX.length));
    return out[0];
  }
  return asColumn(out);
}
