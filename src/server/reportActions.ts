// What the menu and the sidebar call for reports, history, the monthly email and the schedule (src/index.ts
// entry points are one line each and land here). Expected failures (no table, lock busy, no recipients)
// come back as { ok: false, message }; anything else is thrown and shown by the sidebar.
import type { ActionResult, EmailPreview, SidebarData } from './api';
import { BusyError } from './locks';
import { generateReport, previewEmails, snapshotNow, UserError } from './reporting';
import { sendMonthly, setSchedule } from './schedule';
import { buildSidebarData } from './sidebarData';

function expected(error: unknown): string | null {
  if (error instanceof UserError || error instanceof BusyError) return error.message;
  return null;
}

function freshData(): SidebarData | undefined {
  try {
    return buildSidebarData();
  } catch {
    return undefined;
  }
}

function run(fn: () => { ok: boolean; message: string }, withData: boolean): ActionResult {
  try {
    const r = fn();
    const data = withData ? freshData() : undefined;
    return data ? { ok: r.ok, message: r.message, data } : { ok: r.ok, message: r.message };
  } catch (error) {
    const message = expected(error);
    if (message == null) throw error;
    return { ok: false, message };
  }
}

/** Sidebar: (re)generates the report tab. */
export function reportAction(): ActionResult {
  return run(() => ({ ok: true, message: generateReport() }), false);
}

/** Sidebar: appends a snapshot of now to the history tab. */
export function snapshotAction(): ActionResult {
  return run(() => ({ ok: true, message: snapshotNow().message }), true);
}

/** Sidebar: sends this month's summary now; `force` resends a month already sent. */
export function sendNowAction(force: boolean): ActionResult {
  return run(() => {
    const r = sendMonthly({ force: force === true });
    return { ok: r.status === 'sent' || r.status === 'alreadySent', message: r.message };
  }, true);
}

/** Sidebar: turns the daily trigger on or off. */
export function scheduleAction(enabled: boolean): ActionResult {
  return run(() => ({ ok: true, message: setSchedule(enabled === true) }), true);
}

/** Sidebar: the emails the monthly run would send now (nothing is sent or written). */
export function emailPreview(): EmailPreview {
  try {
    const mails = previewEmails();
    return { leadership: mails.leadership, sectors: mails.sectors };
  } catch (error) {
    const message = expected(error);
    if (message == null) throw error;
    throw new Error(message);
  }
}

/** Menu: runs an action and tells the result in a toast (or an alert when it failed). */
export function fromMenu(action: () => ActionResult): void {
  const r = action();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (r.ok) ss.toast(r.message, 'CCHC Scorecard', 10);
  else SpreadsheetApp.getUi().alert(r.message);
}
