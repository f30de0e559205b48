// The history tab: one snapshot row per month (date, month, total, applicable max, index, class, at-risk
// count, points per area). Append-only: rows are only ever added below the last one; a new area code adds a
// header cell to the right, never touching earlier rows. Read back by header text, with the position the
// add-in wrote each figure in as the fallback: a reworded header ("Tổng điểm" → "Tổng điểm đạt") keeps its
// months and never gets a second column. Only the add-in's own tab is read or written (a commune's tab that
// happens to be named `Lịch sử` is left alone, see tabs.ts).
import type { Snapshot } from '../core/summary';
import { foldText } from '../core/values';
import { TERMS } from '../core/vocabulary';
import { asTextCell } from './cellText';
import { isDateValue } from './table';
import { markOwnTab, ownTabPlace, sameTabName, tabList, type NamedTab, type OwnTabPlace } from './tabs';

/** Usual name of the history tab (a free name such as `Lịch sử (CCHC)` when a commune's own tab holds it). */
export const HISTORY_SHEET = 'Lịch sử';

const FIXED_HEADERS = [
  'Ngày',
  'Tháng',
  TERMS.total.vi,
  TERMS.applicableMax.vi,
  'Chỉ số (%)',
  TERMS.classification.vi,
  TERMS.actionList.vi,
] as const;
/** The same headers as version 1 wrote them (its tabs are read by position; they are never rewritten). */
const V1_HEADERS = [
  'Ngày',
  'Tháng',
  'Tổng điểm',
  'Điểm phát sinh',
  'Chỉ số (%)',
  'Xếp loại',
  'Số tiêu chí nguy cơ',
];
const AREA_PREFIX = 'Lĩnh vực ';

function fold(s: unknown): string {
  return foldText(String(s ?? '')).trim();
}

/** A history tab written before tabs were marked: its first header cells are exactly the add-in's. */
function isLegacyHistory(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  if (sheet.getLastColumn() < FIXED_HEADERS.length) return false;
  const header = sheet.getRange(1, 1, 1, FIXED_HEADERS.length).getValues()[0];
  return FIXED_HEADERS.every((h, i) => header[i] === h || header[i] === V1_HEADERS[i]);
}

/** Where the add-in's history tab is, or the free name to create it under. */
export function historyPlace(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: NamedTab[] = tabList(ss),
  criteriaSheetName: string | null = null,
): OwnTabPlace {
  return ownTabPlace(tabs, 'history', HISTORY_SHEET, { legacy: isLegacyHistory, exclude: criteriaSheetName });
}

/**
 * The add-in's history tab, or null when none has been written yet. Costs nothing more than the tab list
 * when no tab carries a history name.
 */
export function historySheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabs: NamedTab[] = tabList(ss),
  criteriaSheetName: string | null = null,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  if (!tabs.some((t) => sameTabName(t.name.slice(0, HISTORY_SHEET.length), HISTORY_SHEET))) return null;
  return historyPlace(ss, tabs, criteriaSheetName).sheet;
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

/**
 * Where each figure is: the column whose header is the figure's label; else (a reworded header) the best
 * match, a header that contains the label or is contained in it; else the column the add-in wrote it in,
 * when that column's header belongs to no other figure. -1 only when none of these holds.
 */
export function columnsOf(header: unknown[]): Columns {
  const folded = header.map(fold);
  const areaPrefix = fold(AREA_PREFIX);
  const isArea = (f: string) => f.startsWith(areaPrefix);
  const labels = FIXED_HEADERS.map(fold);
  // A label as this version writes it, else as version 1 wrote it ("Điểm phát sinh", "Số tiêu chí nguy cơ").
  const found = labels.map((l, i) => {
    const at = folded.indexOf(l);
    return at >= 0 ? at : folded.indexOf(fold(V1_HEADERS[i]));
  });
  const claimed = new Set(found.filter((c) => c >= 0));
  const free = (c: number) => c >= 0 && c < folded.length && !claimed.has(c) && !isArea(folded[c]);
  labels.forEach((label, i) => {
    if (found[i] >= 0) return;
    const best = folded.findIndex(
      (f, c) => free(c) && f !== '' && (f.includes(label) || (f.length >= 3 && label.includes(f))),
    );
    const at = best >= 0 ? best : free(i) ? i : -1;
    found[i] = at;
    if (at >= 0) claimed.add(at);
  });
  const areas: { code: string; col: number }[] = [];
  header.forEach((h, col) => {
    if (isArea(folded[col]) && !claimed.has(col))
      areas.push({ code: String(h).trim().slice(AREA_PREFIX.length).trim(), col });
  });
  return {
    date: found[0],
    month: found[1],
    total: found[2],
    applicableMax: found[3],
    index: found[4],
    classification: found[5],
    atRisk: found[6],
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

/** What the sidebar's "since the last snapshot" line needs of the history tab's last row. */
export type LastSnapshot = Pick<Snapshot, 'date' | 'total' | 'indexPercent'>;

/** Document property holding the history tab's last row (JSON; "null": no snapshot yet). */
export const LAST_SNAPSHOT_KEY = 'cchc.history.last';

function rememberLastSnapshot(last: LastSnapshot | null): void {
  try {
    const value = last && { date: last.date, total: last.total, indexPercent: last.indexPercent };
    PropertiesService.getDocumentProperties().setProperty(LAST_SNAPSHOT_KEY, JSON.stringify(value));
  } catch {
    // Looked up in the tab again next time.
  }
}

function parseLastSnapshot(raw: string | null): LastSnapshot | null | undefined {
  try {
    const v = raw ? (JSON.parse(raw) as LastSnapshot | null) : undefined;
    if (v === null) return null;
    if (v && typeof v.date === 'string' && typeof v.total === 'number') return v;
  } catch {
    // A record that cannot be read: looked up again.
  }
  return undefined;
}

/**
 * The history tab's last snapshot, for the sidebar. Finding the history tab costs a tab list (one call per
 * tab) and a read, so appendSnapshot keeps the last row in document properties and this reads it from there
 * (`raw`: the property as the caller read it); the tab is looked up only when there is no record (a document
 * from before the record, a copy made without its properties), and the result recorded. A row a user edits
 * by hand in the history tab shows here after the next snapshot (the report and the emails read the tab).
 */
export function lastSnapshot(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  raw: string | null,
  criteriaSheetName: string | null,
): LastSnapshot | null {
  const kept = parseLastSnapshot(raw);
  if (kept !== undefined) return kept;
  const snapshots = readSnapshots(ss, historySheet(ss, tabList(ss), criteriaSheetName));
  const last = snapshots.length ? snapshots[snapshots.length - 1] : null;
  rememberLastSnapshot(last);
  return last;
}

export interface AppendedSnapshot {
  /** The 1-based row written. */
  row: number;
  /** The history tab's name (`Lịch sử`, or a free name when a commune's own tab holds it). */
  sheetName: string;
  /** True when a commune's own tab holds the usual name. */
  displaced: boolean;
}

/**
 * Appends one snapshot row below the last row of the add-in's history tab (created with its header, and
 * marked as the add-in's, when missing). Earlier rows are never rewritten; an area code not yet in the
 * header gets a new header cell on the right; a reworded header is recognised (columnsOf), never doubled.
 */
export function appendSnapshot(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  snapshot: Snapshot,
  criteriaSheetName: string | null = null,
): AppendedSnapshot {
  const place = historyPlace(ss, tabList(ss), criteriaSheetName);
  let sheet = place.sheet;
  let header: unknown[];
  if (!sheet) {
    sheet = ss.insertSheet(place.name);
    markOwnTab(sheet, 'history');
    header = [...FIXED_HEADERS, ...snapshot.areas.map((a) => AREA_PREFIX + a.code)];
    sheet.getRange(1, 1, 1, header.length).setValues([header]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  } else {
    const lastCol = Math.max(1, sheet.getLastColumn());
    header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
    const c = columnsOf(header);
    const at = [c.date, c.month, c.total, c.applicableMax, c.index, c.classification, c.atRisk];
    const missingFixed = FIXED_HEADERS.filter((_, i) => at[i] < 0);
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
  row[c.classification] = asTextCell(snapshot.classification);
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
  rememberLastSnapshot(snapshot);
  return { row: target, sheetName: place.sheet ? place.name : sheet.getName(), displaced: place.displaced };
}
