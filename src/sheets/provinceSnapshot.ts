// The province's ranking as its monthly email last reported it: the month, and per commune its name, rank
// and index. Kept in a hidden tab of its own ("Xếp hạng đã gửi") rather than a document property because
// the ranking tab's "Hạng tháng trước" and "Thay đổi chỉ số" columns read it with native VLOOKUPs by name,
// so they stay live as the communes' figures move, follow the commune whatever row the list puts it on, and
// survive set-up (which rewrites the ranking tab but never this one). Written only when a month's province
// email has reached every recipient (src/server/provinceMail.ts). The snapshot of the month before is kept
// beside it, so that an email sent again in the same month (its send record cleared) still compares with
// the previous month rather than with itself.
//   A1 "Tháng"  B1 yyyy-MM (as text)      E1 "Tháng trước đó"  F1 yyyy-MM    A2 what the tab is for
//   A3:C3 Xã/phường · Hạng · Chỉ số       E3:G3 the same          A4… / E4… one commune per row (name
//   trimmed, rank, index as a fraction): A:C the latest snapshot (what the ranking tab reads), E:G the one before
import { asTextCell } from './cellText';
import { SNAPSHOT_TAB } from './provinceWorkbook';

export const SNAPSHOT_FIRST_ROW = 4;
export const SNAPSHOT_NOTE =
  'CCHC Scorecard: xếp hạng lúc gửi email tổng hợp tỉnh tháng trên; cột "Hạng tháng trước" và "Thay đổi chỉ số" của trang "Xếp hạng" đọc trang này theo tên xã – không sửa trang này';
const HEADERS = ['Xã/phường', 'Hạng', 'Chỉ số'];

export interface SnapshotRow {
  name: string;
  rank: number | null;
  /** The index as a fraction (as the ranking tab holds it). */
  index: number | null;
}

export interface RankSnapshot {
  /** yyyy-MM of the email it was taken for ('' when not known: a snapshot carried over from column I). */
  month: string;
  rows: SnapshotRow[];
}

/** A name as the snapshot keeps it and as Sheets' TRIM leaves it: no outer spaces, single inner spaces. */
export function snapshotName(name: unknown): string {
  return String(name ?? '')
    .replace(/ +/g, ' ')
    .replace(/^ | $/g, '');
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The month cell as yyyy-MM: text as written, or a Date when Sheets parsed it anyway. */
function monthOf(v: unknown): string {
  if (v instanceof Date) return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}`;
  const text = String(v ?? '').trim();
  return /^\d{4}-\d{2}$/.test(text) ? text : '';
}

const LATEST = 1; // column A
const BEFORE = 5; // column E
const WIDTH = 7; // A:G

/** The snapshot whose columns start at `column` in the tab's grid; null when it has no month and no row. */
function snapshotAt(grid: unknown[][], column: number): RankSnapshot | null {
  const c = column - 1;
  const rows = grid
    .slice(SNAPSHOT_FIRST_ROW - 1)
    .map((r) => ({ name: snapshotName(r[c]), rank: num(r[c + 1]), index: num(r[c + 2]) }))
    .filter((r) => r.name !== '');
  const month = monthOf(grid[0]?.[c + 1]);
  return month === '' && rows.length === 0 ? null : { month, rows };
}

function readGrid(tab: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  return tab.getRange(1, 1, Math.max(tab.getLastRow(), SNAPSHOT_FIRST_ROW), WIDTH).getValues();
}

/** The latest snapshot (what the ranking tab reads) and the one before it. */
export function readSnapshots(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  latest: RankSnapshot | null;
  before: RankSnapshot | null;
} {
  const tab = ss.getSheetByName(SNAPSHOT_TAB);
  if (!tab) return { latest: null, before: null };
  const grid = readGrid(tab);
  return { latest: snapshotAt(grid, LATEST), before: snapshotAt(grid, BEFORE) };
}

/** The snapshot an email of `month` compares with: the latest taken in an earlier month, else the one before. */
export function previousSnapshot(
  snapshots: ReturnType<typeof readSnapshots>,
  month: string,
): RankSnapshot | null {
  for (const s of [snapshots.latest, snapshots.before]) if (s && s.month < month) return s;
  return null;
}

/** The tab, created hidden and warning-protected with its headers when missing. */
export function snapshotTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(SNAPSHOT_TAB);
  if (existing) return existing;
  const active = ss.getActiveSheet();
  const tab = ss.insertSheet(SNAPSHOT_TAB, ss.getSheets().length);
  tab.getRange(1, 1, 3, WIDTH).setValues(frame('', ''));
  tab.hideSheet();
  tab.protect().setDescription(SNAPSHOT_NOTE).setWarningOnly(true);
  active.activate();
  return tab;
}

/** Rows 1–3: the two months, the note, the headers. */
function frame(latest: string, before: string): (string | number)[][] {
  return [
    ['Tháng', asTextCell(latest), '', '', 'Tháng trước đó', asTextCell(before), ''],
    [SNAPSHOT_NOTE, '', '', '', '', '', ''],
    [...HEADERS, '', ...HEADERS],
  ];
}

/**
 * Makes `snapshot` the latest. The latest of another month becomes the one before; a snapshot of the same
 * month (the email sent again) replaces the latest and keeps the one before. One read and one write.
 */
export function writeSnapshot(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, snapshot: RankSnapshot): void {
  const tab = snapshotTab(ss);
  const grid = readGrid(tab);
  const latest = snapshotAt(grid, LATEST);
  const before = latest && latest.month !== snapshot.month ? latest : snapshotAt(grid, BEFORE);
  const height = Math.max(
    grid.length - SNAPSHOT_FIRST_ROW + 1,
    snapshot.rows.length,
    before?.rows.length ?? 0,
  );
  const cells = (rows: SnapshotRow[], i: number): (string | number)[] => {
    const r = rows[i];
    return r ? [asTextCell(snapshotName(r.name)), r.rank ?? '', r.index ?? ''] : ['', '', ''];
  };
  const body = Array.from({ length: height }, (_, i) => [
    ...cells(snapshot.rows, i),
    '',
    ...cells(before?.rows ?? [], i),
  ]);
  const all = [...frame(snapshot.month, before?.month ?? ''), ...body];
  if (tab.getMaxRows() < all.length) tab.insertRowsAfter(tab.getMaxRows(), all.length - tab.getMaxRows());
  if (tab.getMaxColumns() < WIDTH) tab.insertColumnsAfter(tab.getMaxColumns(), WIDTH - tab.getMaxColumns());
  tab.getRange(1, 1, all.length, WIDTH).setValues(all);
}
