// The summary block to the right of the table (one empty column gap): the "as of" date the status formulas
// read (custom functions may not call NOW()), the near-deadline days, then ONE CCHC_SUMMARY call that spills
// the live figures with their labels (total, applicable maximum, index, class, one line per area), then the
// class bands it reads. The figures stay current without a script, in one custom-function execution per
// edit; recompute only rewrites the block when the table grew, the areas or bands changed, or the date moved.
//
//   row  (header row)  TỔNG HỢP CHỈ SỐ CCHC            (title; sample: says it is a sample)
//   +1   Tính đến ngày        | 15/03/2024
//   +2   Số ngày cảnh báo     | 14
//   +3   =CCHC_SUMMARY(codes, titles, rules, max, actual, target, deadline, bands)   spills 3 columns:
//        Tổng điểm            | 71.11
//   +4   Điểm tối đa áp dụng  | 98.5
//   +5   Chỉ số CCHC          | 0.7219         (0.00%)
//   +6   Xếp loại             | Khá
//   +7
//   +8   Lĩnh vực             | Điểm          | Tối đa
//   +9…  1. Công tác chỉ đạo… | 8.5           | 10            (one line per area; end of the spill)
//   …
//        Ngưỡng xếp loại      | Từ (%)
//        Xuất sắc             | 90
//        …
//
//        Làm tròn điểm (chữ số) | 2      (pointsDecimals: blank = no rounding; CCHC_OUTPUTS and CCHC_SUMMARY
//                                          take it, so a change of the setting recalculates the sheet)
import type { Band, CellValue } from '../core/types';
import { BLOCK_LABELS } from '../core/sheetLayout';
import { arrayFormula, guarded } from './formulaGuard';
import { OUTPUT_FUNCTIONS, type OutputParameter } from '../core/vocabulary';
import { columnLetter } from './headers';

export { BLOCK_LABELS };

export const BLOCK_WIDTH = 3;

/** One cell the block writes: a literal value or a formula, with its number format. */
export interface BlockCell {
  value?: CellValue;
  formula?: string;
  format?: string;
  /** A label: a text the user may have reworded is kept as they wrote it. */
  label?: boolean;
  bold?: boolean;
  /** The as-of date cell (compared by calendar date, not by value). */
  asOf?: boolean;
  /** Filled by the spill of a formula above or left of it: must stay empty (its format still applies). */
  spill?: boolean;
}

/** Absolute A1 ranges of the table columns the formulas read; null for a column the table lacks. */
export interface TableRanges {
  codes: string;
  rules: string;
  max: string;
  actual: string;
  target: string | null;
  evidence: string | null;
  deadline: string | null;
  appraised: string | null;
  /** Điểm tự chấm, when the table has it. */
  selfScores: string | null;
  titles: string | null;
  /** Giải pháp and Hạn khắc phục, when the table has them (issue 14's solution view). */
  solutions?: string | null;
  solutionDue?: string | null;
}

export interface AreaLine {
  code: string;
  title: string;
}

/** Where the block sits: its title cell (top-left). */
export interface BlockPosition {
  row: number;
  column: number;
}

/** Absolute A1 of a column range over the data rows. */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  const c = columnLetter(column);
  return `$${c}$${firstRow}:$${c}$${lastRow}`;
}

function abs(row: number, column: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/**
 * Absolute A1 of the as-of date cell, the near-days cell and the rounding cell (what the output formulas
 * read). The rounding cell is the block's last line: below the areas and the bands.
 */
export function blockInputs(
  pos: BlockPosition,
  areaCount: number,
  bandCount: number,
): { asOf: string; nearDays: string; decimals: string } {
  return {
    asOf: abs(pos.row + 1, pos.column + 1),
    nearDays: abs(pos.row + 2, pos.column + 1),
    decimals: abs(pos.row + blockHeight(areaCount, bandCount) - 1, pos.column + 1),
  };
}

/** The argument a table column gives an output function: its range, or "" when the table lacks it. */
export function columnArgument(ranges: TableRanges, p: OutputParameter): string {
  // Every input range guarded (formulaGuard.ts: an error cell is that row's error, whatever Sheets passes).
  const opt = (r: string | null): string => (r ? guarded(r) : '""');
  switch (p) {
    case 'code':
      return guarded(ranges.codes);
    case 'title':
      return opt(ranges.titles);
    case 'rule':
      return guarded(ranges.rules);
    case 'max':
    case 'actual':
      return guarded(ranges[p]);
    case 'target':
    case 'evidence':
    case 'deadline':
    case 'appraised':
      return opt(ranges[p]);
    default:
      return '""';
  }
}

/** The CCHC_SUMMARY formula of the block (its bands range and rounding cell are the block's own), in the
 * vocabulary's order. */
export function summaryFormula(ranges: TableRanges, bandsRange: string, decimalsCell: string): string {
  const f = OUTPUT_FUNCTIONS.summary;
  const args = f.parameters.map((p) =>
    p === 'bands' ? bandsRange : p === 'decimals' ? decimalsCell : columnArgument(ranges, p),
  );
  return arrayFormula(`${f.name}(${args.join(',')})`);
}

/**
 * The block's cells below its title row (the title is written by set-up only), row by row, each row
 * BLOCK_WIDTH wide. Row 0 of the result is the as-of row, i.e. sheet row `pos.row + 1`. `areaCount` is the
 * number of areas CCHC_SUMMARY lists (normal top-level codes, see areaCount in setup.ts).
 */
export function blockBody(
  pos: BlockPosition,
  ranges: TableRanges,
  asOf: Date | number,
  nearDays: number,
  areaCount: number,
  bands: Band[],
  pointsDecimals: number | null = null,
): BlockCell[][] {
  const label = (text: string, bold = false): BlockCell => ({ value: text, label: true, bold });
  const empty: BlockCell = { value: '' };
  const spill = (format?: string, bold = false): BlockCell => ({ value: '', spill: true, format, bold });
  const rows: BlockCell[][] = [];
  const areasStart = pos.row + 9;
  const bandsStart = areasStart + areaCount + 2;
  const bandsRange = `${abs(bandsStart, pos.column)}:${abs(bandsStart + bands.length - 1, pos.column + 1)}`;
  rows.push([label(BLOCK_LABELS.asOf), { value: asOf, format: 'dd/mm/yyyy', asOf: true }, empty]);
  rows.push([label(BLOCK_LABELS.nearDays), { value: nearDays, format: '0' }, empty]);
  const { decimals } = blockInputs(pos, areaCount, bands.length);
  rows.push([
    { formula: summaryFormula(ranges, bandsRange, decimals), bold: true },
    spill('0.00', true),
    spill(),
  ]);
  rows.push([spill(), spill('0.00'), spill()]);
  rows.push([spill(undefined, true), spill('0.00%', true), spill()]);
  rows.push([spill(undefined, true), spill(undefined, true), spill()]);
  rows.push([spill(), spill(), spill()]);
  rows.push([spill(undefined, true), spill(undefined, true), spill(undefined, true)]);
  for (let i = 0; i < areaCount; i++) rows.push([spill(), spill('0.00'), spill('0.00')]);
  rows.push([empty, empty, empty]);
  rows.push([label(BLOCK_LABELS.bands, true), label(BLOCK_LABELS.bandMin, true), empty]);
  for (const band of bands)
    rows.push([{ value: band.label }, { value: band.minPercent, format: '0' }, empty]);
  rows.push([empty, empty, empty]);
  rows.push([label(BLOCK_LABELS.pointsDecimals), { value: pointsDecimals ?? '', format: '0' }, empty]);
  return rows;
}

/** Total height of the block, title row included. */
export function blockHeight(areaCount: number, bandCount: number): number {
  return 1 + 8 + areaCount + 2 + bandCount + 2;
}

/**
 * Finds an existing block by its as-of label (the title is the cell above it), right of `afterColumn` and
 * outside the table's own columns.
 */
export function findBlock(
  values: CellValue[][],
  afterColumn: number,
  skip: Set<number> = new Set(),
): BlockPosition | null {
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    for (let c = afterColumn; c < row.length; c++) {
      if (row[c] === BLOCK_LABELS.asOf && !skip.has(c + 1)) return { row: r, column: c + 1 };
    }
  }
  return null;
}
