// The summary block to the right of the table (one empty column gap): the "as of" date the status formulas
// read (custom functions may not call NOW()), the near-deadline days, then live totals (points, applicable
// maximum, index, class) and one line per area, then the class bands CCHC_CLASS reads. Every figure is a
// formula over the table, so it stays current without a script; recompute only rewrites it when the table
// grew, the areas or bands changed, or the date moved on.
//
//   row  (header row)  TỔNG HỢP CHỈ SỐ CCHC            (title; sample: says it is a sample)
//   +1   Tính đến ngày        | 15/03/2024
//   +2   Số ngày cảnh báo     | 14
//   +3   Tổng điểm            | =CCHC_TOTAL(...)
//   +4   Điểm tối đa áp dụng  | =...
//   +5   Chỉ số CCHC          | =CCHC_INDEX(...)          (0.00%)
//   +6   Xếp loại             | =CCHC_CLASS(index, bands)
//   +7
//   +8   Lĩnh vực             | Điểm          | Tối đa
//   +9…  1. Công tác chỉ đạo… | =CCHC_TOTAL(…,"1") | =…
//   …
//        Ngưỡng xếp loại      | Từ (%)
//        Xuất sắc             | 90
import type { Band, CellValue } from '../core/types';
import { columnLetter } from './headers';

export const BLOCK_WIDTH = 3;

export const BLOCK_LABELS = {
  title: 'TỔNG HỢP CHỈ SỐ CCHC',
  sampleTitle: 'TỔNG HỢP CHỈ SỐ CCHC (MẪU – thay bằng bộ chỉ số chính thức)',
  asOf: 'Tính đến ngày',
  nearDays: 'Số ngày cảnh báo',
  total: 'Tổng điểm',
  applicableMax: 'Điểm tối đa áp dụng',
  index: 'Chỉ số CCHC',
  classification: 'Xếp loại',
  areas: 'Lĩnh vực',
  areaScore: 'Điểm',
  areaMax: 'Tối đa',
  bands: 'Ngưỡng xếp loại',
  bandMin: 'Từ (%)',
} as const;

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
  scores: string;
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

/** Absolute A1 of the as-of date cell and of the near-days cell (what the status formulas read). */
export function blockInputs(pos: BlockPosition): { asOf: string; nearDays: string } {
  return { asOf: abs(pos.row + 1, pos.column + 1), nearDays: abs(pos.row + 2, pos.column + 1) };
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The block's cells below its title row (the title is written by set-up only), row by row, each row
 * BLOCK_WIDTH wide. Row 0 of the result is the as-of row, i.e. sheet row `pos.row + 1`.
 */
export function blockBody(
  pos: BlockPosition,
  ranges: TableRanges,
  asOf: Date | number,
  nearDays: number,
  areas: AreaLine[],
  bands: Band[],
): BlockCell[][] {
  const valueCol = pos.column + 1;
  const label = (text: string, bold = false): BlockCell => ({ value: text, label: true, bold });
  const empty: BlockCell = { value: '' };
  const rows: BlockCell[][] = [];
  const indexRow = pos.row + 5;
  const areasStart = pos.row + 9;
  const bandsStart = areasStart + areas.length + 2;
  const bandsRange = `${abs(bandsStart, pos.column)}:${abs(bandsStart + bands.length - 1, pos.column + 1)}`;
  rows.push([label(BLOCK_LABELS.asOf), { value: asOf, format: 'dd/mm/yyyy', asOf: true }, empty]);
  rows.push([label(BLOCK_LABELS.nearDays), { value: nearDays, format: '0' }, empty]);
  rows.push([
    label(BLOCK_LABELS.total, true),
    { formula: `=CCHC_TOTAL(${ranges.codes},${ranges.scores})`, format: '0.00', bold: true },
    empty,
  ]);
  rows.push([
    label(BLOCK_LABELS.applicableMax),
    { formula: `=CCHC_MAX(${ranges.codes},${ranges.max},${ranges.scores})`, format: '0.00' },
    empty,
  ]);
  rows.push([
    label(BLOCK_LABELS.index, true),
    { formula: `=CCHC_INDEX(${ranges.codes},${ranges.max},${ranges.scores})`, format: '0.00%', bold: true },
    empty,
  ]);
  rows.push([
    label(BLOCK_LABELS.classification, true),
    // CCHC_INDEX never passes 1 (bonus points are capped at 100%), so CCHC_CLASS reads it as a fraction.
    { formula: `=CCHC_CLASS(${abs(indexRow, valueCol)},${bandsRange})`, bold: true },
    empty,
  ]);
  rows.push([empty, empty, empty]);
  rows.push([
    label(BLOCK_LABELS.areas, true),
    label(BLOCK_LABELS.areaScore, true),
    label(BLOCK_LABELS.areaMax, true),
  ]);
  for (const area of areas) {
    rows.push([
      { value: `${area.code}. ${area.title}` },
      { formula: `=CCHC_TOTAL(${ranges.codes},${ranges.scores},${quote(area.code)})`, format: '0.00' },
      {
        formula: `=CCHC_MAX(${ranges.codes},${ranges.max},${ranges.scores},${quote(area.code)})`,
        format: '0.00',
      },
    ]);
  }
  rows.push([empty, empty, empty]);
  rows.push([label(BLOCK_LABELS.bands, true), label(BLOCK_LABELS.bandMin, true), empty]);
  for (const band of bands)
    rows.push([{ value: band.label }, { value: band.minPercent, format: '0' }, empty]);
  return rows;
}

/** Total height of the block, title row included. */
export function blockHeight(areaCount: number, bandCount: number): number {
  return 1 + 8 + areaCount + 2 + bandCount;
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
