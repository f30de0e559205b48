// Custom functions read date arguments in the spreadsheet's time zone (core/sheetDates.ts says why). The
// zone comes from SpreadsheetApp, which custom functions may read ("Spreadsheet: read only",
// https://developers.google.com/apps-script/guides/sheets/functions#advanced); when it cannot be read (no
// service at all, e.g. the benchmark's bare isolate) the dates pass unchanged. build.mjs routes every
// custom function's arguments through here, so no CCHC_* function can forget it.
import { containsDate, reanchorDates } from '../core/sheetDates';

function spreadsheetZone(): string | null {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || null;
  } catch {
    return null;
  }
}

/** The arguments with every Date (single or inside a range) read in the spreadsheet's zone. */
export function inSheetZone(args: ArrayLike<unknown>): unknown[] {
  const list = Array.prototype.slice.call(args) as unknown[];
  if (!containsDate(list)) return list;
  const zone = spreadsheetZone();
  if (!zone) return list;
  return reanchorDates(list, (d) => Utilities.formatDate(d, zone, 'yyyy-MM-dd HH:mm:ss'));
}
