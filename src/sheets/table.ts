// Reads the criteria table in one batch: one getDataRange().getValues() (plus getFormulas() when the caller
// must tell formulas from values), then everything else is computed from the grid in memory.
import type { CellValue, ColumnKey, CriteriaRow, InputColumn } from '../core/types';
import { codesFromStt } from '../core/stt';
import { findHeader, INPUT_COLUMNS, type HeaderMatch } from './headers';
import { valuesInScriptZone } from './zone';

/** Where the table is on its tab. All numbers are 1-based sheet positions. */
export interface TableLayout {
  sheetName: string;
  headerRow: number;
  firstDataRow: number;
  /** Last row with anything in an input column; equals headerRow when the table has no data row yet. */
  lastDataRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** Header text as written in the sheet. */
  headers: Partial<Record<ColumnKey, string>>;
  /** Rightmost non-empty header cell of the header row (extra columns included). */
  lastHeaderColumn: number;
  duplicates: HeaderMatch['duplicates'];
  /**
   * The code column is an `STT`/`TT` numbering of roman numerals, numbers and letters (no `Mã`, no dotted
   * codes): each row's code is derived from it (src/core/stt.ts), in the core and in the sheet's formulas
   * (CCHC_CODES over the column), so leaves and roll-ups work as with `Mã`.
   */
  derivedCodes: boolean;
}

/** The whole tab as read in one batch. */
export interface Grid {
  values: CellValue[][];
  /** Present when read with formulas: '' for cells without a formula. */
  formulas: string[][] | null;
  rows: number;
  columns: number;
  /** Set by readGrid: its Dates are re-made in the script's zone (zone.ts), whatever the sheet's zone. */
  inScriptZone?: boolean;
}

export type TableRead =
  | { ok: true; layout: TableLayout; rows: CriteriaRow[]; grid: Grid }
  | { ok: false; message: string; grid: Grid };

/**
 * Reads the used part of a tab: 1 call for values, 1 more for formulas when asked (and the spreadsheet's
 * zone when a cell holds a date and the cached zone expired: `ss` saves asking the tab for its spreadsheet).
 */
export function readGrid(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  withFormulas: boolean,
  ss?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Grid {
  const range = sheet.getDataRange();
  // Dates as the spreadsheet shows them, even when its time zone is not the script's (zone.ts).
  const values = valuesInScriptZone(range.getValues() as CellValue[][], () => ss ?? sheet.getParent());
  const formulas = withFormulas ? range.getFormulas() : null;
  return {
    values,
    formulas,
    rows: values.length,
    columns: values.length ? values[0].length : 0,
    inScriptZone: true,
  };
}

/** Cross-realm Date test: Dates made by another realm (a vm context, the stand-in) fail `instanceof`. */
export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True when a cell holds nothing a user typed (blank or whitespace). */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Value at a 1-based position ('' outside the grid). */
export function cell(grid: Grid, row: number, column: number): CellValue {
  const r = grid.values[row - 1];
  return r === undefined || column > r.length ? '' : r[column - 1];
}

/** Formula at a 1-based position ('' outside the grid or when read without formulas). */
export function formulaAt(grid: Grid, row: number, column: number): string {
  const r = grid.formulas?.[row - 1];
  return r === undefined || column > r.length ? '' : r[column - 1] || '';
}

/** Finds the table in a grid and turns its data rows into CriteriaRow objects. */
export function tableFromGrid(grid: Grid, sheetName: string): TableRead {
  const found = findHeader(grid.values, sheetName);
  if (!found.ok) return { ok: false, message: found.message, grid };
  const { match } = found;
  const inputCols = INPUT_COLUMNS.map((k) => match.columns[k]).filter((c): c is number => c !== undefined);
  let lastDataRow = match.headerRow;
  for (let r = grid.rows; r > match.headerRow; r--) {
    if (inputCols.some((c) => !isBlank(cell(grid, r, c)))) {
      lastDataRow = r;
      break;
    }
  }
  const header = grid.values[match.headerRow - 1] || [];
  let lastHeaderColumn = 0;
  header.forEach((v, c) => {
    if (!isBlank(v)) lastHeaderColumn = c + 1;
  });
  const layout: TableLayout = {
    sheetName,
    headerRow: match.headerRow,
    firstDataRow: match.headerRow + 1,
    lastDataRow,
    columns: match.columns,
    headers: match.headers,
    lastHeaderColumn,
    duplicates: match.duplicates,
    derivedCodes: false,
  };
  const rows: CriteriaRow[] = [];
  for (let r = layout.firstDataRow; r <= lastDataRow; r++) {
    const row = { row: r } as CriteriaRow;
    for (const key of INPUT_COLUMNS) {
      const c = match.columns[key];
      // A solution column the table lacks stays absent: then no row is "chưa có giải pháp".
      if (c === undefined && SOLUTION_COLUMNS.has(key)) continue;
      (row as unknown as Record<InputColumn, CellValue>)[key] =
        c === undefined ? null : normalise(cell(grid, r, c));
    }
    rows.push(row);
  }
  if (match.codeFromStt) {
    const derived = codesFromStt(
      rows.map((r) => r.code),
      { firstRow: layout.firstDataRow, column: layout.headers.code ?? 'STT' },
    );
    if (!derived.ok) return { ok: false, message: `Trang "${sheetName}": ${derived.message}`, grid };
    if (derived.renumbered) {
      layout.derivedCodes = true;
      rows.forEach((r, i) => (r.code = derived.codes[i]));
    }
  }
  return { ok: true, layout, rows, grid };
}

const SOLUTION_COLUMNS = new Set<InputColumn>(['solution', 'solutionOwner', 'solutionDue']);

// Sheets hands blank cells over as ''; the core expects the same for a missing column.
function normalise(value: CellValue): CellValue {
  return value === undefined ? '' : value;
}

/** Reads a tab and finds its table: one batch read (two with formulas); `name` saves asking the tab's name. */
export function readTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  withFormulas = false,
  name?: string,
  ss?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): TableRead {
  return tableFromGrid(readGrid(sheet, withFormulas, ss), name ?? sheet.getName());
}

/** Number of data rows (0 for a table with only its header). */
export function dataRowCount(layout: TableLayout): number {
  return layout.lastDataRow - layout.headerRow;
}
