// The one clock of the server: the script's time zone, "today", calendar dates as Sheets stores them, and
// the as-of policy (which date every evaluation judges deadlines against).
//
// As-of policy: the date in the criteria tab's "Tính đến ngày" cell is the as-of date of everything: the
// sheet's own formulas read it, and the sidebar, "Kiểm tra dữ liệu", the report tab, the history snapshot,
// the email preview and the monthly email evaluate as of the same cell, so they all show what the sheet
// shows. The add-in moves the cell to today (script time zone) whenever it writes the tab: "Tính lại",
// set-up, opening the spreadsheet, the daily trigger, an edit that grows the table. Without the cell (the tab
// is not set up yet) or when it holds no date, today is used.
import type { CellValue } from '../core/types';
import { findBlock } from '../sheets/summaryBlock';
import { cell, isDateValue, type Grid, type TableLayout } from '../sheets/table';

/** The manifest's zone (appsscript.json), used when the script's zone cannot be asked (limited auth). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The script's time zone. */
export function timeZone(): string {
  try {
    return Session.getScriptTimeZone() || DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** Today's calendar date (yyyy-MM-dd) in the script's time zone. */
export function todayIso(now: Date = new Date()): string {
  return Utilities.formatDate(now, timeZone(), 'yyyy-MM-dd');
}

/** Calendar facts of an instant in the script's time zone. */
export interface LocalTime {
  /** yyyy-MM-dd */
  date: string;
  /** yyyy-MM: the key of "this month" for history and the monthly email. */
  month: string;
  day: number;
  hour: number;
  /** dd/MM/yyyy HH:mm, for "generated at". */
  stamp: string;
}

export function localTime(now: Date): LocalTime {
  const tz = timeZone();
  const date = Utilities.formatDate(now, tz, 'yyyy-MM-dd');
  return {
    date,
    month: date.slice(0, 7),
    day: Number(Utilities.formatDate(now, tz, 'd')),
    hour: Number(Utilities.formatDate(now, tz, 'H')),
    stamp: Utilities.formatDate(now, tz, 'dd/MM/yyyy HH:mm'),
  };
}

/** Offset of a time zone from UTC at an instant, in minutes ("+0700" → 420). */
function offsetMinutes(at: Date, tz: string): number {
  const z = Utilities.formatDate(at, tz, 'Z');
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A calendar date as Sheets stores it: midnight in the spreadsheet's time zone. */
export function sheetDate(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  y: number,
  m: number,
  d: number,
): Date {
  const tz = ss.getSpreadsheetTimeZone();
  const utc = Date.UTC(y, m - 1, d);
  // Two passes settle the offset across a daylight-saving change.
  let t = utc - offsetMinutes(new Date(utc), tz) * 60000;
  t = utc - offsetMinutes(new Date(t), tz) * 60000;
  return new Date(t);
}

/** A Date whose local calendar date is `iso` (the core reads only the date part). */
export function calendarDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

const DAY_MS = 86400000;
const HOUR_MS = 3600000;
/** Serial of 1970-01-01 in Sheets (days since 1899-12-30). */
const EPOCH_SERIAL = 25569;

/** Sheets' serial number of a calendar date: the same date whatever the spreadsheet's time zone. */
export function dateSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS + EPOCH_SERIAL;
}

/** The calendar date (yyyy-MM-dd) of a Sheets serial number (its whole days). */
export function serialIso(serial: number): string {
  return new Date((Math.floor(serial) - EPOCH_SERIAL) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a value read from the as-of cell shows calendar date `iso`, mostly without asking the
 * spreadsheet's zone: a date cell reads back as its local midnight, and with zone offsets between UTC−12
 * and UTC+14 (whole quarter hours) that instant is midnight of one calendar date only, except for zones at
 * the edges (UTC−12…−10, UTC+12…+14), where two dates fit: only then is the zone asked (one call).
 */
export function showsDate(value: CellValue, iso: string, zone: () => string): boolean {
  const serial = dateSerial(iso);
  if (typeof value === 'number') return value === serial;
  if (!isDateValue(value) || isNaN(value.getTime())) return false;
  const t = value.getTime();
  const fits: number[] = [];
  for (let k = Math.ceil((t - 12 * HOUR_MS) / DAY_MS); k * DAY_MS <= t + 14 * HOUR_MS; k++) {
    if ((k * DAY_MS - t) % (15 * 60000) === 0) fits.push(k + EPOCH_SERIAL);
  }
  if (!fits.includes(serial)) return false;
  return fits.length === 1 || Utilities.formatDate(value, zone(), 'yyyy-MM-dd') === iso;
}

// ── As-of policy ──

/** The value of the "Tính đến ngày" cell of a tab as read, or undefined when the tab has no block. */
export function asOfCellValue(grid: Grid, layout: TableLayout): CellValue | undefined {
  const pos = findBlock(grid.values, 0, new Set(Object.values(layout.columns)));
  return pos ? cell(grid, pos.row + 1, pos.column + 1) : undefined;
}

/**
 * The as-of date (yyyy-MM-dd) of a criteria tab as read: its "Tính đến ngày" cell when that holds a date,
 * else today in the script's zone. readGrid hands date cells over re-made in the script's zone whatever the
 * spreadsheet's (sheets/zone.ts), so the date is read in the script's zone; `spreadsheetZone` is asked
 * only for a grid not read by readGrid (its dates still at the spreadsheet's midnight).
 */
export function sheetAsOfIso(
  grid: Grid | null,
  layout: TableLayout | null,
  now: Date,
  spreadsheetZone: () => string,
): string {
  const value = grid && layout ? asOfCellValue(grid, layout) : undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return serialIso(value);
  if (isDateValue(value) && !isNaN(value.getTime())) {
    try {
      return Utilities.formatDate(value, grid?.inScriptZone ? timeZone() : spreadsheetZone(), 'yyyy-MM-dd');
    } catch {
      // Limited auth: fall back to today.
    }
  }
  return todayIso(now);
}
