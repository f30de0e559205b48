// The outcome of every run of the daily trigger, kept where the next person can see it: in the document's
// properties when the run has them, else in the user's properties keyed by the spreadsheet id (a timer run
// of an add-on may have no document, see locks.ts), and always in the execution log. The sidebar shows the
// latest as "Lần chạy tự động gần nhất", red when it failed or when no run happened for two days.
import type { TickView } from './api';

/** One run of the daily trigger. */
export interface TickRecord {
  /** ISO instant the run started. */
  at: string;
  ok: boolean;
  /** Steps that completed ("Cập nhật ngày tính", "Gửi báo cáo tháng"...). */
  ran: string[];
  /** Vietnamese reason of the failure, or null. */
  error: string | null;
  /** Things worth knowing that are not failures (an hour to re-sync, a month already sent). */
  notes: string[];
}

/** Document property key of the latest run (shared by every user of the document). */
export const TICK_KEY = 'cchc.schedule.lastTick';
/** User property key of the latest run in one spreadsheet (when the run had no document properties). */
export const userTickKey = (spreadsheetId: string): string => `cchc.tick.${spreadsheetId}`;

/** No run for this long while the schedule is on: shown red (the trigger runs daily). */
export const STALE_MS = 2 * 86400000;

function parse(raw: string | null): TickRecord | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as TickRecord;
    if (typeof r.at !== 'string' || isNaN(Date.parse(r.at)) || typeof r.ok !== 'boolean') return null;
    return {
      at: r.at,
      ok: r.ok,
      ran: Array.isArray(r.ran) ? r.ran.map(String) : [],
      error: r.error == null ? null : String(r.error),
      notes: Array.isArray(r.notes) ? r.notes.map(String) : [],
    };
  } catch {
    return null;
  }
}

/** One line for the execution log (Executions page of the Apps Script editor). */
export function tickLogLine(record: TickRecord): string {
  return `[CCHC] Lần chạy tự động ${record.ok ? 'thành công' : 'THẤT BẠI'}: ${JSON.stringify(record)}`;
}

/**
 * Stores the record wherever possible: document properties (null when the run has none), else user
 * properties under the spreadsheet id (null when not even the id is known); always logs it. Never throws.
 */
export function saveTick(
  record: TickRecord,
  documentProperties: GoogleAppsScript.Properties.Properties | null,
  spreadsheetId: string | null,
): void {
  const json = JSON.stringify(record);
  let stored = false;
  if (documentProperties) {
    try {
      documentProperties.setProperty(TICK_KEY, json);
      stored = true;
    } catch {
      // Fall through to the user's store.
    }
  }
  if (!stored && spreadsheetId) {
    try {
      PropertiesService.getUserProperties().setProperty(userTickKey(spreadsheetId), json);
    } catch {
      // The log line below is all that is left.
    }
  }
  try {
    console.log(tickLogLine(record));
  } catch {
    // Nothing more to do.
  }
}

/** The latest run seen from this document: the newer of the document's and this user's record. */
export function latestTick(
  documentProperties: GoogleAppsScript.Properties.Properties,
  spreadsheetId: string | null,
): TickRecord | null {
  const fromDocument = parse(documentProperties.getProperty(TICK_KEY));
  let fromUser: TickRecord | null = null;
  if (spreadsheetId) {
    try {
      fromUser = parse(PropertiesService.getUserProperties().getProperty(userTickKey(spreadsheetId)));
    } catch {
      fromUser = null;
    }
  }
  if (!fromDocument) return fromUser;
  if (!fromUser) return fromDocument;
  return Date.parse(fromUser.at) > Date.parse(fromDocument.at) ? fromUser : fromDocument;
}

/**
 * What the sidebar shows. `installedAt`: when the schedule was turned on (a schedule on for two days with
 * no run at all is stale too); `stamp` formats an instant for people.
 */
export function tickView(
  record: TickRecord | null,
  enabled: boolean,
  installedAt: string | null,
  now: Date,
  stamp: (d: Date) => string,
): TickView | null {
  const since = (iso: string) => now.getTime() - Date.parse(iso);
  if (!record) {
    if (!enabled || !installedAt || !(since(installedAt) > STALE_MS)) return null;
    return {
      at: null,
      atText: null,
      ok: false,
      stale: true,
      message: `Chưa có lần chạy tự động nào kể từ khi bật lịch (${stamp(new Date(installedAt))}).`,
    };
  }
  const stale = enabled && since(record.at) > STALE_MS;
  const parts: string[] = [];
  if (record.ok) parts.push(record.ran.length > 0 ? `Đã chạy: ${record.ran.join(', ')}.` : 'Đã chạy.');
  else parts.push(`Lỗi: ${record.error ?? 'không rõ'}`);
  parts.push(...record.notes);
  if (stale) parts.push('Đã hơn hai ngày không có lần chạy tự động nào: kiểm tra lịch (tắt rồi bật lại).');
  return {
    at: record.at,
    atText: stamp(new Date(record.at)),
    ok: record.ok,
    stale,
    message: parts.join(' '),
  };
}
