// Puts a parsed CSV/XLSX sheet into the stand-in spreadsheet through the Apps Script API, so the add-in
// then reads exactly what Sheets would hand it.
// - CSV holds display text only: it is written as a user's paste, and the stand-in types it the way Sheets
//   does (numbers, "95%", dd/mm/yyyy dates, TRUE/FALSE). Two exceptions keep the user's text intact: the
//   code column is plain text ("1.10" must not become 1.1) and text starting with "=" stays text (an
//   exported CSV holds formula results, so "=…" was text in the sheet; it must never run as a formula).
// - XLSX cells are already typed: strings stay strings (apostrophe-prefixed), dates become the same
//   calendar date in the spreadsheet's time zone, number formats are kept.
// - An export of a sheet the add-in already ran on carries its old results (Điểm, Trạng thái, Lý do and the
//   summary block) as plain values; set-up would rightly refuse to overwrite them, so they are cleared
//   first and the demo says so.
import type { CellValue } from '../../src/core/types';
import { findHeader } from '../../src/sheets/headers';
import { BLOCK_LABELS } from '../../src/sheets/summaryBlock';
import { columnLetters } from '../gas/spreadsheet/a1';
import { fromWallClock, isDate } from '../gas/time';

/** A problem with what the user gave (file, option): one line on stderr, exit 2 unless said otherwise. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface ParsedSheet {
  name: string;
  /** Row-major; CSV cells are raw strings, XLSX cells are typed. */
  cells: CellValue[][];
  numberFormats?: (string | null)[][];
  merges?: { row: number; column: number; rows: number; columns: number }[];
  /** Pixels, per column (null: default). */
  columnWidths?: (number | null)[];
  frozenRows?: number;
  source: 'csv' | 'xlsx';
}

export interface ParsedWorkbook {
  sheets: ParsedSheet[];
}

export interface PreparedSheet {
  name: string;
  values: unknown[][];
  formats: string[][];
  width: number;
  /** True when a criteria header row was recognised (the add-in decides for real). */
  looksLikeCriteria: boolean;
  notes: string[];
}

const OUTPUT_KEYS = ['score', 'status', 'reason'] as const;

/** The grid to write (apostrophes and formats applied, stale add-in outputs cleared). */
export function prepareSheet(sheet: ParsedSheet, timeZone: string): PreparedSheet {
  const width = Math.max(0, ...sheet.cells.map((r) => r.length));
  const height = sheet.cells.length;
  const grid: CellValue[][] = sheet.cells.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  const formats: string[][] = grid.map((r, i) => r.map((_, c) => sheet.numberFormats?.[i]?.[c] ?? ''));
  const notes: string[] = [];
  const found = findHeader(grid, sheet.name);
  if (found.ok) {
    const { headerRow, columns, headers } = found.match;
    const cleared: string[] = [];
    for (const key of OUTPUT_KEYS) {
      const c = columns[key];
      if (c === undefined) continue;
      let any = false;
      for (let r = headerRow; r < height; r++) {
        if (grid[r][c - 1] !== '' && grid[r][c - 1] !== null) any = true;
        grid[r][c - 1] = '';
      }
      if (any) cleared.push(`"${headers[key]}"`);
    }
    if (cleared.length)
      notes.push(
        `Trang "${sheet.name}": đã xóa kết quả cũ trong cột ${cleared.join(', ')} (tiện ích tính lại bằng công thức).`,
      );
    const lastTableColumn = Math.max(...Object.values(columns).map((c) => c ?? 0));
    for (let r = 0; r < height; r++) {
      for (let c = lastTableColumn; c < width; c++) {
        const v = grid[r][c];
        if (typeof v === 'string' && v.startsWith(BLOCK_LABELS.title)) {
          for (let rr = r; rr < height; rr++)
            for (let cc = c; cc < Math.min(width, c + 3); cc++) grid[rr][cc] = '';
          notes.push(
            `Trang "${sheet.name}": đã xóa bảng tổng hợp cũ (cột ${columnLetters(c + 1)}); tiện ích lập lại.`,
          );
          r = height;
          break;
        }
      }
    }
    if (sheet.source === 'csv' && columns.code !== undefined) {
      for (let r = headerRow; r < height; r++) formats[r][columns.code - 1] = '@';
    }
  }
  const codeColumn = found.ok ? (found.match.columns.code ?? 0) - 1 : -1;
  const decimalComma = sheet.source === 'csv' && usesDecimalComma(grid, codeColumn);
  if (decimalComma)
    notes.push(
      `Trang "${sheet.name}": số dạng "0,5" (dấu phẩy thập phân, bảng tính tiếng Việt) được đọc là số.`,
    );
  const values = grid.map((row) =>
    row.map((v, c) => {
      if (v === null || v === undefined) return '';
      if (isDate(v)) return excelDateToZone(v, timeZone);
      if (typeof v !== 'string') return v;
      if (sheet.source === 'xlsx') return v === '' ? '' : `'${v}`;
      if (decimalComma && c !== codeColumn) {
        // The stand-in's locale is en_GB: hand it the number a Vietnamese-locale sheet held.
        const m = DECIMAL_COMMA.exec(v.trim());
        if (m) return m[2] ? `${m[1].replace(',', '.')}%` : Number(m[1].replace(',', '.'));
      }
      return v.startsWith('=') || v.startsWith("'") ? `'${v}` : v;
    }),
  );
  return { name: sheet.name, values, formats, width, looksLikeCriteria: found.ok, notes };
}

const DECIMAL_COMMA = /^(-?\d+,\d+)(%?)$/;
const DECIMAL_POINT = /^-?\d+\.\d+%?$/;

/**
 * A CSV exported from a Vietnamese-locale sheet writes 0,5 for the number 0.5. Decided per file: some cell
 * (outside the code column) reads that way and none reads as 0.5.
 */
function usesDecimalComma(grid: CellValue[][], codeColumn: number): boolean {
  let comma = false;
  for (const row of grid) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (c === codeColumn || typeof v !== 'string') continue;
      const t = v.trim();
      if (DECIMAL_POINT.test(t)) return false;
      if (DECIMAL_COMMA.test(t)) comma = true;
    }
  }
  return comma;
}

// readXlsx hands dates as local wall-clock Dates of this process; Sheets keeps the same calendar time in
// the spreadsheet's zone.
function excelDateToZone(d: Date, timeZone: string): Date {
  return fromWallClock(
    timeZone,
    d.getFullYear(),
    d.getMonth() + 1,
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
  );
}

/** Writes every parsed sheet into the spreadsheet as new tabs; returns what was prepared. */
export function loadWorkbook(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  workbook: ParsedWorkbook,
  timeZone: string,
): PreparedSheet[] {
  const out: PreparedSheet[] = [];
  for (const sheet of workbook.sheets) {
    const prepared = prepareSheet(sheet, timeZone);
    out.push(prepared);
    const tab = ss.getSheetByName(sheet.name) ?? ss.insertSheet(sheet.name);
    const height = prepared.values.length;
    if (height === 0 || prepared.width === 0) continue;
    if (tab.getMaxRows() < height + 20) tab.insertRowsAfter(tab.getMaxRows(), height + 20 - tab.getMaxRows());
    if (tab.getMaxColumns() < prepared.width + 8)
      tab.insertColumnsAfter(tab.getMaxColumns(), prepared.width + 8 - tab.getMaxColumns());
    const range = tab.getRange(1, 1, height, prepared.width);
    // Formats first: "@" must be in place before "1.10" is written.
    if (prepared.formats.some((r) => r.some((f) => f !== ''))) range.setNumberFormats(prepared.formats);
    range.setValues(prepared.values);
    for (const m of sheet.merges ?? []) tab.getRange(m.row, m.column, m.rows, m.columns).merge();
    sheet.columnWidths?.forEach((w, c) => {
      if (w) tab.setColumnWidth(c + 1, w);
    });
    if (sheet.frozenRows) tab.setFrozenRows(sheet.frozenRows);
  }
  return out;
}
