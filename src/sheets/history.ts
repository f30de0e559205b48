// The history tab: one snapshot row per month (date, month, total, applicable max, index, class, at-risk
// count, points per area). Append-only: rows are only ever added below the last one; a new area code adds a
// header cell to the right, never touching earlier rows. Read back by header text, so users may reorder or
// add columns.
import type { Snapshot } from '../core/summary';
import { foldText } from '../core/values';
import { isDateValue } from './table';

/** Name of the history tab. */
export const HISTORY_SHEET = 'Lịch sử';

const FIXED_HEADERS = [
  'Ngày',
  'Tháng',
  'Tổng điểm',
  'Điểm phát sinh',
  'Chỉ số (%)',
  'Xếp loại',
  'Số tiêu chí nguy cơ',
] as const;
const AREA_PREFIX = 'Lĩnh vực ';

function fold(s: unknown): string {
  return foldText(String(s ?? '')).trim();
}

/** The history tab, or null when none has been written yet. */
export function historySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(HISTORY_SHEET);
}

/** Dates and months are stored as text (a cell formatted "@"): Sheets would otherwise turn "2026-11" into a date. */
function isoDate(v: unknown, timeZone: () => string): string | null {
  // A user may have turned the text back into a date; read it in the spreadsheet's zone.
  if (isDateValue(v)) return isNaN(v.getTime()) ? null : Utilities.formatDate(v, timeZone(), 'yyyy-MM-dd');
  const s = String(v ?? '').trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return null;
}

function num(v: unknown): number | null {
  if (typeof v === 'number' && isFinite(v)) return v;
  const s = String(v ?? '')
    .trim()
    .replace(',', '.');
  if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

interface Columns {
  date: number;
  month: number;
  total: number;
  applicableMax: number;
  index: number;
  classification: number;
  atRisk: number;
  areas: { code: string; col: number }[];
}

function columnsOf(header: unknown[]): Columns {
  const find = (label: string) => header.findIndex((h) => fold(h) === fold(label));
  const areas: { code: string; col: number }[] = [];
  header.forEach((h, col) => {
    const f = fold(h);
    if (f.startsWith(fold(AREA_PREFIX)))
      areas.push({ code: String(h).trim().slice(AREA_PREFIX.length).trim(), col });
  });
  return {
    date: find(FIXED_HEADERS[0]),
    month: find(FIXED_HEADERS[1]),
    total: find(FIXED_HEADERS[2]),
    applicableMax: find(FIXED_HEADERS[3]),
    index: find(FIXED_HEADERS[4]),
    classification: find(FIXED_HEADERS[5]),
    atRisk: find(FIXED_HEADERS[6]),
    areas,
  };
}

/**
 * Every readable snapshot of the history tab, in sheet order (rows that cannot be read are skipped).
 * `sheet`: the history tab when the caller already has it (null: there is none).
 */
export function readSnapshots(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null = historySheet(ss),
): Snapshot[] {
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  if (values.length < 2) return [];
  const c = columnsOf(values[0]);
  if (c.date < 0 || c.total < 0) return [];
  // Asked only when a cell holds a date (dates are normally stored as text).
  let zone: string | null = null;
  const tz = () => (zone ??= ss.getSpreadsheetTimeZone());
  const out: Snapshot[] = [];
  for (const row of values.slice(1)) {
    const date = isoDate(row[c.date], tz);
    const total = num(row[c.total]);
    if (!date || total == null) continue;
    const monthCell = c.month >= 0 ? String(row[c.month] ?? '').trim() : '';
    const monthFromCell = isDateValue(row[c.month]) ? isoDate(row[c.month], tz)?.slice(0, 7) : monthCell;
    const month = monthFromCell && /^\d{4}-\d{2}$/.test(monthFromCell) ? monthFromCell : date.slice(0, 7);
    const areas: { code: string; score: number }[] = [];
    for (const a of c.areas) {
      const v = num(row[a.col]);
      if (v != null) areas.push({ code: a.code, score: v });
    }
    out.push({
      date,
      month,
      total,
      applicableMax: (c.applicableMax >= 0 ? num(row[c.applicableMax]) : null) ?? 0,
      indexPercent: c.index >= 0 ? num(row[c.index]) : null,
      classification: c.classification >= 0 ? String(row[c.classification] ?? '').trim() : '',
      atRiskCount: (c.atRisk >= 0 ? num(row[c.atRisk]) : null) ?? 0,
      areas,
    });
  }
  return out;
}

/**
 * Appends one snapshot row below the last row of the history tab (created with its header when missing).
 * Earlier rows are never rewritten; an area code not yet in the header gets a new header cell on the right.
 * Returns the 1-based row written.
 */
export function appendSnapshot(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, snapshot: Snapshot): number {
  let sheet = historySheet(ss);
  let header: unknown[];
  if (!sheet) {
    sheet = ss.insertSheet(HISTORY_SHEET);
    header = [...FIXED_HEADERS, ...snapshot.areas.map((a) => AREA_PREFIX + a.code)];
    sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  } else {
    const lastCol = Math.max(1, sheet.getLastColumn());
    header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
    const c = columnsOf(header);
    const missingFixed = FIXED_HEADERS.filter((h) => !header.some((x) => fold(x) === fold(h)));
    const missingAreas = snapshot.areas
      .filter((a) => !c.areas.some((x) => x.code === a.code))
      .map((a) => AREA_PREFIX + a.code);
    const extra = [...missingFixed, ...missingAreas];
    if (extra.length > 0) {
      // Only header cells to the right of the used range: existing rows keep every value where it was.
      const used = header.length - [...header].reverse().findIndex((h) => String(h ?? '').trim() !== '');
      const start = header.every((h) => String(h ?? '').trim() === '') ? 0 : used;
      sheet
        .getRange(1, start + 1, 1, extra.length)
        .setValues([extra])
        .setFontWeight('bold');
      header = [...header.slice(0, start), ...extra];
    }
  }
  const c = columnsOf(header);
  const row: (string | number)[] = header.map(() => '');
  row[c.date] = snapshot.date;
  row[c.month] = snapshot.month;
  row[c.total] = snapshot.total;
  row[c.applicableMax] = snapshot.applicableMax;
  row[c.index] = snapshot.indexPercent == null ? '' : snapshot.indexPercent;
  row[c.classification] = textCell(snapshot.classification);
  row[c.atRisk] = snapshot.atRiskCount;
  for (const a of snapshot.areas) {
    const col = c.areas.find((x) => x.code === a.code)?.col;
    if (col != null) row[col] = a.score;
  }
  const target = sheet.getLastRow() + 1;
  const range = sheet.getRange(target, 1, 1, row.length);
  // Text format first, on the date and month cells only, so Sheets keeps "2026-11" as typed.
  sheet.getRange(target, c.date + 1).setNumberFormat('@');
  sheet.getRange(target, c.month + 1).setNumberFormat('@');
  range.setValues([row]);
  return target;
}

/** Labels come from settings (bands): keep "=…" or "+…" from becoming a formula. */
function textCell(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}
