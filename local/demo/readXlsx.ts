// Reads a workbook exported from Google Sheets as XLSX (File → Download → Microsoft Excel) with exceljs.
// Only the demo and its tests use this; exceljs never reaches the Apps Script bundle (src/ does not import it).
// Cells become what Apps Script's getValues() would hand the add-in: dates → Date, formulas → their cached
// result, rich text and hyperlinks → plain text, error cells → their error text ("#N/A"). A merged range
// keeps its value in the top-left cell only, as in Sheets.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { CellValue } from '../../src/core/types';
import { columnNumber } from '../gas/spreadsheet/a1';
import type { ParsedSheet, ParsedWorkbook } from './loadSheet';
import { InputError } from './loadSheet';

export async function readXlsxFile(path: string): Promise<ParsedWorkbook> {
  const bytes = readFileSync(path);
  // An XLSX file is a ZIP archive: it starts with "PK".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new InputError(`Tệp ${path} không phải tệp XLSX hợp lệ (không phải tệp nén Excel).`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // exceljs/jszip explain in English ("Corrupted zip: can't find end of central directory"): say it plainly.
    throw new InputError(
      `Không đọc được tệp XLSX ${path}: tệp bị hỏng hoặc chưa tải về hết; hãy tải lại từ Google Sheets (Tệp → Tải xuống → Microsoft Excel).`,
    );
  }
  const sheets: ParsedSheet[] = [];
  workbook.eachSheet((ws) => sheets.push(readWorksheet(ws)));
  if (sheets.length === 0) throw new InputError(`Tệp XLSX ${path} không có trang tính nào.`);
  return { sheets };
}

function readWorksheet(ws: ExcelJS.Worksheet): ParsedSheet {
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const colCount = ws.columnCount;
  const cells: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    const formats: (string | null)[] = [];
    for (let c = 1; c <= colCount; c++) {
      const cell = row.getCell(c);
      const merged = cell.isMerged && cell.master !== cell;
      values.push(merged ? '' : plainValue(cell.value));
      formats.push(cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null);
    }
    cells.push(values);
    numberFormats.push(formats);
  }
  const merges = mergeRanges(ws);
  const columnWidths: (number | null)[] = [];
  for (let c = 1; c <= colCount; c++) {
    const w = ws.getColumn(c).width;
    // Excel widths are in characters; Sheets in pixels (about 7 px per character plus padding).
    columnWidths.push(typeof w === 'number' ? Math.round(w * 7 + 5) : null);
  }
  const frozen = ws.views?.find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
  const frozenRows = frozen?.ySplit ?? 0;
  return { name: ws.name, cells, numberFormats, merges, columnWidths, frozenRows, source: 'xlsx' };
}

/** An exceljs cell value as Apps Script would return it. */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v == null) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return excelDate(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return v.error;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result == null) return '';
      if (typeof result === 'object' && !(result instanceof Date)) return result.error;
      return result instanceof Date ? excelDate(result) : result;
    }
    if ('hyperlink' in v) {
      const text = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      // A hyperlink's text may itself be rich text.
      if (text && typeof text === 'object' && 'richText' in text) {
        return (text as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
      }
      return String(text ?? '');
    }
  }
  return String(v);
}

// exceljs reads a date serial as that wall-clock time in UTC; Sheets shows it as local wall-clock time.
function excelDate(d: Date): Date {
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

function mergeRanges(ws: ExcelJS.Worksheet): ParsedSheet['merges'] {
  // exceljs keeps merges as A1 ranges in the worksheet model.
  const list = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []) as string[];
  const out: NonNullable<ParsedSheet['merges']> = [];
  for (const a1 of list) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
    if (!m) continue;
    const c1 = columnNumber(m[1]);
    const r1 = Number(m[2]);
    const c2 = columnNumber(m[3]);
    const r2 = Number(m[4]);
    out.push({ row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 });
  }
  return out;
}
