// The audit tab (issue 14): every lock, unlock and change of the rounds' dates, one row each, appended,
// never rewritten. It is the add-in's own tab (developer-metadata mark, tabs.ts): a commune's own tab
// carrying the same name is never touched (the add-in writes to `Nhật ký khóa (CCHC)` instead).
import { asTextCell } from './cellText';
import { markOwnTab, ownTabPlace, tabList } from './tabs';

export const AUDIT_TAB = 'Nhật ký khóa';
export const AUDIT_HEADERS = ['Thời gian', 'Người thực hiện', 'Việc', 'Chi tiết'];

/** One line of the audit: when (dd/MM/yyyy HH:mm, script time zone), who, what, and the details. */
export interface AuditEntry {
  at: string;
  /** The user's email when Apps Script tells it, else how the action ran ("lịch hằng ngày"). */
  user: string;
  action: string;
  detail: string;
}

/** Appends the entries (one write); creates the tab, marked as the add-in's own, when missing. */
export function appendAudit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: AuditEntry[],
  criteriaSheetName: string | null = null,
): { sheetName: string; firstRow: number } | null {
  if (entries.length === 0) return null;
  const place = ownTabPlace(tabList(ss), 'audit', AUDIT_TAB, { exclude: criteriaSheetName });
  let sheet = place.sheet;
  if (!sheet) {
    sheet = ss.insertSheet(place.name);
    markOwnTab(sheet, 'audit');
    sheet.getRange(1, 1, 1, AUDIT_HEADERS.length).setValues([AUDIT_HEADERS]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  const first = Math.max(sheet.getLastRow(), 1) + 1;
  const rows = entries.map((e) => [e.at, e.user, e.action, e.detail].map((v) => asTextCell(v)));
  // asTextCell: the time stamp and any user text (emails, names) arrive as the text written.
  sheet.getRange(first, 1, rows.length, AUDIT_HEADERS.length).setValues(rows);
  return { sheetName: place.sheet ? place.name : sheet.getName(), firstRow: first };
}
