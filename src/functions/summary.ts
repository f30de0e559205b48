// CCHC_SUMMARY(codes, titles, rules, max, actual, target, deadline, [bands], [decimals]) → the figures of the summary
// block, with their labels, as one 3-column array that spills from the "Tổng điểm" line down:
//   Tổng điểm           | total          |
//   Điểm tối đa áp dụng | applicable max |
//   Chỉ số CCHC         | index (fraction; "" when nothing is applicable)
//   Xếp loại            | class          |
//                       |                |
//   Lĩnh vực            | Điểm           | Tối đa
//   1. <area title>     | area points    | area applicable max      (one line per area, table order)
// One execution, one evaluation of the table (the same evaluate() as the sidebar), in place of the eleven
// or more CCHC_TOTAL / CCHC_MAX / CCHC_INDEX / CCHC_CLASS cells that each re-read the Điểm column.
import { BLOCK_LABELS } from '../core/sheetLayout';
import { TERMS } from '../core/vocabulary';
import { readBands } from './classify';
import type { Arg } from './ranges';
import { evaluateNamed, readDecimals } from './table';

export type SummaryCell = number | string;

export function cchcSummary(
  codes: Arg,
  titles: Arg,
  rules: Arg,
  max: Arg,
  actual: Arg,
  target?: Arg,
  deadline?: Arg,
  bands?: Arg,
  decimals?: Arg,
): SummaryCell[][] {
  const options = {
    today: new Date(2000, 0, 1),
    nearDeadlineDays: 0,
    bands: readBands(bands),
    pointsDecimals: readDecimals(decimals),
  };
  // Points, maxima and the class do not depend on the date nor on the risk view.
  const { evaluation: e } = evaluateNamed(
    { codes, titles, rules, max, actual, target, deadline },
    options,
    false,
  );
  const out: SummaryCell[][] = [
    [BLOCK_LABELS.total, e.total, ''],
    [BLOCK_LABELS.applicableMax, e.applicableMax, ''],
    // Nothing applicable yet (an empty table): say so instead of an error or a blank.
    [BLOCK_LABELS.index, e.index ?? TERMS.noData.vi, ''],
    [BLOCK_LABELS.classification, e.index === null ? TERMS.noData.vi : e.classification, ''],
    ['', '', ''],
    [BLOCK_LABELS.areas, BLOCK_LABELS.areaScore, BLOCK_LABELS.areaMax],
  ];
  for (const a of e.areas) out.push([a.title ? `${a.code}. ${a.title}` : a.code, a.score, a.max]);
  return out;
}

/** Lines CCHC_SUMMARY spills for a table with `areaCount` areas. */
export function summaryHeight(areaCount: number): number {
  return 6 + areaCount;
}
