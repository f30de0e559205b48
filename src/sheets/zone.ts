// The spreadsheet's time zone for reading its date cells (core/sheetDates.ts says why). Asked once and
// kept in the document cache ("scoped to the current document",
// https://developers.google.com/apps-script/reference/cache/cache-service) for ten minutes, so recompute
// keeps its constant Spreadsheet call count; a zone changed in File → Settings is followed within that time.
import { containsDate, reanchorDates } from '../core/sheetDates';
import type { CellValue } from '../core/types';

const KEY = 'cchc.spreadsheetTimeZone';
const KEEP_SECONDS = 600;

function scriptZone(): string | null {
  try {
    return Session.getScriptTimeZone() || null;
  } catch {
    return null;
  }
}

export function spreadsheetZone(ss: () => GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  let cache: GoogleAppsScript.Cache.Cache | null = null;
  try {
    cache = CacheService.getDocumentCache();
    const kept = cache?.get(KEY);
    if (kept) return kept;
  } catch {
    cache = null;
  }
  try {
    const zone = ss().getSpreadsheetTimeZone();
    if (zone) cache?.put(KEY, zone, KEEP_SECONDS);
    return zone || null;
  } catch {
    return null;
  }
}

/**
 * Values read by getValues(), their Dates re-made in the script's zone when the two zones differ. `ss` gives
 * the spreadsheet (callers that hold it save the sheet's getParent call).
 */
export function valuesInScriptZone(
  values: CellValue[][],
  ss: () => GoogleAppsScript.Spreadsheet.Spreadsheet,
): CellValue[][] {
  if (!containsDate(values)) return values;
  const zone = spreadsheetZone(ss);
  const own = scriptZone();
  // Either zone unknown: nothing to compare, the dates stay as read.
  if (!zone || !own || zone === own) return values;
  return reanchorDates(values, (d) => Utilities.formatDate(d, zone, 'yyyy-MM-dd HH:mm:ss'));
}
