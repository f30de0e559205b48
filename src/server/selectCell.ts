// A click on a problem or an at-risk row in the sidebar: selects its cell (or row) on the criteria tab.
import type { ColumnKey } from '../core/types';
import { a1, HEADER_TEXT } from '../sheets/headers';
import { readTable } from '../sheets/table';
import type { Outcome } from './api';
import { cachedLayout } from './layoutCache';
import { loadSettings } from './settingsStore';
import { sheetNamed } from '../sheets/tabs';

/**
 * Selects a cell of the criteria tab (a click on a problem in the sidebar). `column` is a column key
 * ("actual"), a header text ("Kết quả"), a 1-based number, or null for the whole row.
 */
export function selectCell(row: number, column: string | number | null): Outcome {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = loadSettings();
  const cachedName = cachedLayout()?.sheetName;
  const sheet =
    sheetNamed(ss, settings.criteriaSheetName) ?? (cachedName ? sheetNamed(ss, cachedName) : null);
  if (!sheet) return { ok: false, message: `Không có trang "${settings.criteriaSheetName}".` };
  const r = Math.floor(Number(row));
  if (!Number.isFinite(r) || r < 1 || r > sheet.getMaxRows())
    return { ok: false, message: `Dòng ${row} không hợp lệ.` };
  let c: number | null = null;
  if (typeof column === 'number') c = Math.floor(column);
  else if (typeof column === 'string' && column !== '') {
    if (/^\d+$/.test(column)) c = Number(column);
    else {
      const read = readTable(sheet);
      if (read.ok) {
        const key = (Object.keys(HEADER_TEXT) as ColumnKey[]).find(
          (k) =>
            k === column ||
            read.layout.headers[k] === column ||
            HEADER_TEXT[k].vi === column ||
            HEADER_TEXT[k].en === column,
        );
        if (key && read.layout.columns[key] !== undefined) c = read.layout.columns[key]!;
      }
      if (c === null)
        return { ok: false, message: `Không tìm thấy cột "${column}" trên trang "${sheet.getName()}".` };
    }
  }
  if (c !== null && (c < 1 || c > sheet.getMaxColumns()))
    return { ok: false, message: `Cột ${column} không hợp lệ.` };
  sheet.activate();
  const range = c === null ? sheet.getRange(r, 1, 1, sheet.getMaxColumns()) : sheet.getRange(r, c);
  range.activate();
  return { ok: true, message: `Đã chọn ${c === null ? `dòng ${r}` : a1(r, c)}.` };
}
