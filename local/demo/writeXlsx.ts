// Writes the whole stand-in spreadsheet after the run as out/workbook.xlsx (exceljs), so a commune without
// Google gets its scored table back: every tab in order, each cell's computed value (the add-in's formulas
// are written as their results: Excel has no CCHC_* functions), number formats, bold, italics, backgrounds
// and font colours with the row colours of the add-in's conditional-format rules evaluated (the same
// evaluator as sheet.html), notes, column widths, merges and frozen rows.
// The sheet is read through the Apps Script API (snapshotSheet), never the stand-in's internals.
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/types';
import { ruleEvaluator, snapshotSheet, type SheetSnapshot } from './renderSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** "#f4c7c3" → "FFF4C7C3" (exceljs wants ARGB); null for anything else. */
function argb(color: string | null | undefined): string | null {
  if (!color) return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m ? `FF${m[1].toUpperCase()}` : null;
}

/** A cell value as exceljs stores it; a text that looks like a formula stays text. */
function xlsxValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    // exceljs writes a Date as its UTC wall clock: hand it the local calendar time the sheet shows.
    return new Date(
      Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()),
    );
  }
  return String(v);
}

/** Sheets number formats mostly read the same in Excel; a few spellings differ. */
function xlsxFormat(format: string | undefined): string | undefined {
  if (!format || format === 'General' || format === '') return undefined;
  return format;
}

function writeTab(wb: ExcelJS.Workbook, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const snap: SheetSnapshot = snapshotSheet(sheet);
  const ws = wb.addWorksheet(snap.name.slice(0, 31));
  const formats = sheet.getRange(1, 1, snap.rows, snap.columns).getNumberFormats();
  const colours = ruleEvaluator(snap);
  for (let r = 1; r <= snap.rows; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= snap.columns; c++) {
      const value = snap.values[r - 1][c - 1];
      const cf = colours.at(r, c);
      const background = argb(cf?.background ?? snap.backgrounds[r - 1][c - 1]);
      const fontColor = argb(cf?.fontColor ?? snap.fontColors[r - 1][c - 1]);
      const bold = cf?.bold ?? snap.bold[r - 1][c - 1];
      const italic = snap.italic[r - 1][c - 1];
      const note = snap.notes[r - 1][c - 1];
      const numFmt = xlsxFormat(formats[r - 1][c - 1]);
      const empty = value === '' || value === null || value === undefined;
      if (empty && !background && !note) continue;
      const cell = row.getCell(c);
      cell.value = xlsxValue(value);
      if (numFmt) cell.numFmt = numFmt;
      // White is Sheets' default background: leave it unfilled.
      if (background && background !== 'FFFFFFFF')
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: background } };
      if (bold || italic || (fontColor && fontColor !== 'FF000000'))
        cell.font = {
          bold: bold || undefined,
          italic: italic || undefined,
          color: fontColor ? { argb: fontColor } : undefined,
        };
      if (snap.wraps[r - 1][c - 1]) cell.alignment = { wrapText: true, vertical: 'top' };
      if (note) cell.note = note;
    }
  }
  snap.columnWidths.forEach((px, i) => {
    // Sheets measures in pixels; Excel in characters (about 7 px each plus padding).
    if (px) ws.getColumn(i + 1).width = Math.max(2, Math.round((px - 5) / 7));
  });
  for (const m of snap.merges) ws.mergeCells(m.row, m.column, m.row + m.rows - 1, m.column + m.columns - 1);
  if (snap.frozenRows > 0) ws.views = [{ state: 'frozen', ySplit: snap.frozenRows }];
}

/** The XLSX bytes of every tab of `ss`, in tab order. */
export async function workbookXlsx(ss: Spreadsheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC Scorecard (chạy thử)';
  for (const sheet of ss.getSheets()) writeTab(wb, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
