// The province's ranking as its monthly email last reported it: the month, and per commune its name, rank
// and index. Kept in a hidden tab of its own ("Xếp hạng đã gửi") rather than a document property because
// the ranking tab's "Hạng tháng trước" and "Thay đổi chỉ số" columns read it with native VLOOKUPs by name,
// so they stay live as the communes' figures move, follow the commune whatever row the list puts it on, and
// survive set-up (which rewrites the ranking tab but never this one). Written only when a month's province
// email has reached every recipient (src/server/provinceMail.ts).
//   A1 "Tháng"  B1 yyyy-MM (as text)      A2 what the tab is for
//   A3:C3 Xã/phường · Hạng · Chỉ số       A4… one commune per row (name trimmed, rank, index as a fraction)
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

export function readSnapshot(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RankSnapshot | null {
  const tab = ss.getSheetByName(SNAPSHOT_TAB);
  if (!tab) return null;
  const last = tab.getLastRow();
  const values = tab.getRange(1, 1, Math.max(last, SNAPSHOT_FIRST_ROW), 3).getValues();
  const rows = values
    .slice(SNAPSHOT_FIRST_ROW - 1)
    .map((r) => ({ name: snapshotName(r[0]), rank: num(r[1]), index: num(r[2]) }))
    .filter((r) => r.name !== '');
  return { month: monthOf(values[0][1]), rows };
}

/** The tab, created hidden and warning-protected with its headers when missing. */
export function snapshotTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(SNAPSHOT_TAB);
  if (existing) return existing;
  const active = ss.getActiveSheet();
  const tab = ss.insertSheet(SNAPSHOT_TAB, ss.getSheets().length);
  tab.getRange(1, 1, 3, 3).setValues([['Tháng', '', ''], [SNAPSHOT_NOTE, '', ''], HEADERS]);
  tab.hideSheet();
  tab.protect().setDescription(SNAPSHOT_NOTE).setWarningOnly(true);
  active.activate();
  return tab;
}

/** Replaces the snapshot (one write for the month and one for the rows). */
export function writeSnapshot(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, snapshot: RankSnapshot): void {
  const tab = snapshotTab(ss);
  const old = Math.max(tab.getLastRow() - SNAPSHOT_FIRST_ROW + 1, 0);
  const height = Math.max(old, snapshot.rows.length);
  if (tab.getMaxRows() < SNAPSHOT_FIRST_ROW - 1 + height)
    tab.insertRowsAfter(tab.getMaxRows(), SNAPSHOT_FIRST_ROW - 1 + height - tab.getMaxRows());
  tab.getRange(1, 2).setValue(asTextCell(snapshot.month));
  if (height === 0) return;
  const body = Array.from({ length: height }, (_, i): (string | number)[] => {
    const r = snapshot.rows[i];
    return r ? [asTextCell(snapshotName(r.name)), r.rank ?? '', r.index ?? ''] : ['', '', ''];
  });
  tab.getRange(SNAPSHOT_FIRST_ROW, 1, height, 3).setValues(body);
}
