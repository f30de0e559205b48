// The single daily time-driven trigger (an editor add-on may hold one per user per document): every day it
// keeps the "as of" date current; on the configured day it records the month's snapshot and sends the
// monthly summary. In a province workbook it sends the province email on that day (src/server/provinceMail.ts).
//
// Exactly once per month per document, whoever triggers it: the send runs under the document lock, skips a
// month whose key is recorded as sent, records each recipient as soon as MailApp accepts the message (a
// retry after a crash or a quota stop sends only the missing ones) and records the month key only once
// everyone got it. A forced resend is an explicit choice that starts a new round for the month.
import type { ScheduleState } from './api';
import {
  asTriggerRun,
  findTrigger,
  installTrigger,
  readScheduleRecord,
  removeTrigger,
  spreadsheetIdOf,
  spreadsheetOfTrigger,
} from './scheduleTrigger';
import { latestTick, saveTick, TICK_KEY, tickView, type TickRecord } from './tickLog';
import { withDocumentLock } from './locks';
import { loadSettings } from './settingsStore';
import { localTime, timeZone } from './clock';
import { writeAsOf } from './recompute';
import { applyRoundLocks } from './roundLocks';
import { loadDocument, monthlyEmailsOf, snapshotLocked } from './reporting.lazy';
import {
  deliveriesOf,
  mailAppMailer,
  newProgress,
  sendPending,
  type Mailer,
  type SendProgress,
  type SkippedDelivery,
} from '../mail/send';
import { formatMonth } from '../core/format';
import { TERMS } from '../core/vocabulary';
import { readChunked, writeChunked } from './propertyChunks';
import { isProvinceWorkbook } from './provinceMail';
import { provinceTick } from './province.lazy';

export { TRIGGER_HANDLER } from './scheduleTrigger';

/** Document property keys (shared by every user of the document). */
export const KEYS = {
  /** yyyy-MM of the last month whose summary reached every recipient. */
  lastSentMonth: 'cchc.mail.lastSentMonth',
  /** JSON SendProgress of the latest month attempted (in pieces when long: propertyChunks.ts). */
  progress: 'cchc.mail.progress',
  /** yyyy-MM of that record, stored beside it: says which month a corrupt record was about. */
  progressMonth: 'cchc.mail.progressMonth',
  /** yyyy-MM whose scheduled send came due (retried by later ticks until it completes). */
  due: 'cchc.mail.due',
  /** JSON TickRecord of the daily trigger's latest run (tickLog.ts). */
  lastTick: TICK_KEY,
} as const;

/** A trigger waits longer for the lock than a person would. */
const TRIGGER_LOCK_WAIT_MS = 30000;

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function log(message: string): void {
  if (typeof console !== 'undefined') console.log(`[CCHC] ${message}`);
}

/**
 * The stored send progress. A record that cannot be read is `corrupt`, with the month it was about when
 * that is still known (the month stored beside it, or found in the damaged text); a month marked without
 * its record is corrupt too.
 */
export type StoredProgress =
  { state: 'none' } | { state: 'ok'; progress: SendProgress } | { state: 'corrupt'; month: string | null };

const MONTH = /^\d{4}-\d{2}$/;

function parseProgress(raw: string): SendProgress | null {
  try {
    const p = JSON.parse(raw) as SendProgress;
    if (
      !p ||
      typeof p.month !== 'string' ||
      !MONTH.test(p.month) ||
      !Array.isArray(p.sent) ||
      !p.sent.every((k) => typeof k === 'string') ||
      !Array.isArray(p.skipped)
    )
      return null;
    return { ...p, noEmail: Array.isArray(p.noEmail) ? p.noEmail : [], round: Number(p.round) || 1 };
  } catch {
    return null;
  }
}

export function readStoredProgress(): StoredProgress {
  const p = props();
  const marked = p.getProperty(KEYS.progressMonth);
  const markedMonth = marked && MONTH.test(marked) ? marked : null;
  const read = readChunked(p, KEYS.progress);
  if (read.state === 'none') return marked ? { state: 'corrupt', month: markedMonth } : { state: 'none' };
  const progress = read.state === 'ok' ? parseProgress(read.value) : null;
  if (progress && (!markedMonth || markedMonth === progress.month)) return { state: 'ok', progress };
  const found = read.state === 'ok' ? /"month"\s*:\s*"(\d{4}-\d{2})"/.exec(read.value) : null;
  return { state: 'corrupt', month: markedMonth ?? (found ? found[1] : null) };
}

/** Reads the stored progress; null when there is none or it cannot be read (see readStoredProgress). */
export function readProgress(): SendProgress | null {
  const stored = readStoredProgress();
  return stored.state === 'ok' ? stored.progress : null;
}

/** The record, with its month beside it, in one write (in pieces when long). */
function saveProgress(p: SendProgress): void {
  writeChunked(props(), KEYS.progress, JSON.stringify(p), { [KEYS.progressMonth]: p.month });
}

/** What the sidebar and the log say when the record of this month's send cannot be read. */
export function corruptProgressMessage(month: string | null): string {
  const which = month ? `tháng ${formatMonth(month)}` : 'gần nhất';
  return (
    `Bản ghi tiến độ gửi báo cáo ${which} bị hỏng, nên không biết ai đã nhận thư. ` +
    'Để không ai nhận thư hai lần, tiện ích không tự gửi tiếp: nếu cần gửi, chọn "Gửi lại" để gửi cho mọi người.'
  );
}

/** The schedule as the sidebar shows it (`ss`: the spreadsheet the caller already holds). */
export function scheduleState(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  now: Date = new Date(),
  knownId?: string,
): ScheduleState {
  const { settings } = loadSettings();
  const progress = readProgress();
  let enabled = false;
  let spreadsheetId: string | null = knownId ?? null;
  let installedAt: string | null = null;
  try {
    spreadsheetId ??= spreadsheetIdOf(ss);
    enabled = findTrigger(ss, spreadsheetId) !== null;
    installedAt = readScheduleRecord(spreadsheetId)?.installedAt || null;
  } catch {
    enabled = false;
  }
  const record = latestTick(props(), spreadsheetId);
  const stored = readStoredProgress();
  const lastSentMonth = props().getProperty(KEYS.lastSentMonth);
  return {
    enabled,
    day: settings.scheduleDay,
    hour: settings.scheduleHour,
    lastSentMonth,
    lastSkipped: progress ? progress.skipped.map((s) => s.to) : [],
    lastTick: tickView(record, enabled, installedAt, now, (d) => localTime(d).stamp),
    progressWarning:
      stored.state === 'corrupt' && (stored.month === null || stored.month !== lastSentMonth)
        ? corruptProgressMessage(stored.month)
        : null,
  };
}

/** Installs the daily trigger at the settings' hour, replacing this user's earlier one in this document. */
export function installSchedule(
  hour: number = loadSettings().settings.scheduleHour,
  now: Date = new Date(),
): void {
  installTrigger(SpreadsheetApp.getActiveSpreadsheet(), hour, timeZone(), now);
}

/** Removes this user's daily trigger in this document; returns whether there was one. */
export function removeSchedule(): boolean {
  return removeTrigger(SpreadsheetApp.getActiveSpreadsheet());
}

/** Turns the schedule on or off; returns the Vietnamese message. */
export function setSchedule(enabled: boolean, now: Date = new Date()): string {
  const { settings } = loadSettings();
  if (!enabled) {
    removeSchedule();
    return 'Đã tắt lịch gửi hằng tháng và cập nhật ngày hằng ngày.';
  }
  installSchedule(settings.scheduleHour, now);
  return (
    `Đã bật lịch: cập nhật ngày tính mỗi ngày lúc khoảng ${settings.scheduleHour} giờ; ` +
    `gửi báo cáo vào ngày ${settings.scheduleDay} hằng tháng.`
  );
}

/**
 * Re-creates the trigger when the hour in settings changed, or when it was made before its id was
 * stored. Only from a person's run (sidebar, menu): inside a trigger run it throws TriggerRunError.
 */
export function syncScheduleWithSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  spreadsheetId: string = spreadsheetIdOf(ss),
): boolean {
  if (!findTrigger(ss, spreadsheetId)) return false;
  const hour = loadSettings().settings.scheduleHour;
  if (readScheduleRecord(spreadsheetId)?.hour === hour) return false;
  installSchedule(hour);
  return true;
}

/** The sidebar's view of the schedule after re-syncing a changed hour (never throws). */
export function scheduleStateForSidebar(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ScheduleState {
  const spreadsheetId = spreadsheetIdOf(ss);
  try {
    syncScheduleWithSettings(ss, spreadsheetId);
  } catch (error) {
    log(`Đồng bộ giờ gửi: ${error instanceof Error ? error.message : String(error)}`);
  }
  return scheduleState(ss, new Date(), spreadsheetId);
}

export interface SendMonthlyOptions {
  /** Send again even when this month was already sent (starts a new round). */
  force?: boolean;
  now?: Date;
  /** How long to wait for the document lock (defaults to the user-action wait). */
  lockWaitMs?: number;
  mailer?: Mailer;
}

export interface SendMonthlyResult {
  /** blocked: the record of this month's send cannot be read, so nothing is sent without a forced resend. */
  status: 'sent' | 'partial' | 'alreadySent' | 'noRecipients' | 'blocked' | 'noData';
  month: string;
  sentNow: string[];
  skipped: SkippedDelivery[];
  /** Sectors with criteria but no email address. */
  noEmail: string[];
  message: string;
}

/** Sends the month's summary, exactly once per month per document (see the file comment). */
export function sendMonthly(options: SendMonthlyOptions = {}): SendMonthlyResult {
  const now = options.now ?? new Date();
  const run = () => sendLocked(now, options.force === true, options.mailer ?? mailAppMailer());
  return options.lockWaitMs == null ? withDocumentLock(run) : withDocumentLock(run, options.lockWaitMs);
}

function sendLocked(now: Date, force: boolean, mailer: Mailer): SendMonthlyResult {
  const month = localTime(now).month;
  const monthVi = formatMonth(month);
  const p = props();
  const nothingSent = (status: SendMonthlyResult['status'], noEmail: string[], message: string) =>
    ({ status, month, sentNow: [], skipped: [], noEmail, message }) satisfies SendMonthlyResult;
  if (!force && p.getProperty(KEYS.lastSentMonth) === month) {
    return nothingSent(
      'alreadySent',
      [],
      `Báo cáo tháng ${monthVi} đã được gửi; không gửi lại (chọn "Gửi lại" nếu thật sự cần).`,
    );
  }
  // Fail safe: when the record of this month may be lost, anyone may already have the mail.
  const stored = readStoredProgress();
  if (stored.state === 'corrupt' && !force && (stored.month === null || stored.month === month)) {
    const message = corruptProgressMessage(stored.month ?? month);
    log(message);
    return nothingSent('blocked', [], message);
  }
  const doc = loadDocument(now);
  // An empty table (or one where nothing applies yet) has no figure to report: nothing is mailed, and
  // whoever asked is told why (the daily run tries again the next day).
  if (doc.evaluation.index === null) {
    const message = `${TERMS.noData.vi}: bảng tiêu chí chưa có tiêu chí nào được chấm, nên chưa gửi báo cáo tháng ${monthVi}. Nhập kết quả vào bảng rồi gửi lại.`;
    log(message);
    return nothingSent('noData', [], message);
  }
  snapshotLocked(doc, true);
  const emails = monthlyEmailsOf(doc);
  const deliveries = deliveriesOf(emails);
  if (deliveries.length === 0) {
    return nothingSent(
      'noRecipients',
      emails.sectorsWithoutEmail,
      'Chưa có người nhận: hãy nhập email lãnh đạo và email các ngành trong Cài đặt.',
    );
  }
  const previous = stored.state === 'ok' ? stored.progress : null;
  let progress: SendProgress;
  const nowIso = () => new Date().toISOString();
  if (!previous || previous.month !== month) progress = newProgress(month, 1, nowIso());
  else if (force) progress = newProgress(month, previous.round + 1, nowIso());
  else progress = previous;
  progress.noEmail = emails.sectorsWithoutEmail;
  saveProgress(progress);

  const outcome = sendPending(deliveries, progress, saveProgress, mailer, nowIso);
  if (outcome.complete) {
    p.setProperty(KEYS.lastSentMonth, month);
    p.deleteProperty(KEYS.due);
  }
  const message = resultMessage(monthVi, deliveries.length, outcome, emails.sectorsWithoutEmail);
  log(message);
  return {
    status: outcome.complete ? 'sent' : 'partial',
    month,
    sentNow: outcome.sentNow.map((d) => d.to),
    skipped: outcome.skipped,
    noEmail: emails.sectorsWithoutEmail,
    message,
  };
}

function resultMessage(
  monthVi: string,
  total: number,
  outcome: ReturnType<typeof sendPending>,
  noEmail: string[],
): string {
  const parts = [`Báo cáo tháng ${monthVi}: đã gửi ${outcome.sentNow.length} thư`];
  if (outcome.alreadySent > 0) parts[0] += ` (${outcome.alreadySent} thư đã gửi từ lần trước)`;
  parts[0] += ` / ${total} người nhận.`;
  const quota = outcome.skipped.filter((s) => s.reason === 'quota');
  const failed = outcome.skipped.filter((s) => s.reason === 'error');
  if (quota.length > 0) {
    parts.push(
      `Hết hạn mức gửi thư trong ngày (còn ${outcome.quotaBefore} khi bắt đầu): chưa gửi cho ${quota.map((s) => s.to).join(', ')}. ` +
        'Lần chạy sau sẽ chỉ gửi cho những người này.',
    );
  }
  if (failed.length > 0) {
    parts.push(`Gửi lỗi: ${failed.map((s) => `${s.to} (${s.message})`).join('; ')}.`);
  }
  if (noEmail.length > 0) parts.push(`Ngành chưa có email, không gửi: ${noEmail.join(', ')}.`);
  return parts.join(' ');
}

/** The instant a time-driven trigger fired, from its event (tests and the real event carry it), else now. */
function eventTime(e: unknown): Date {
  const ev = e as Record<string, unknown> | undefined;
  if (
    ev &&
    typeof ev.year === 'number' &&
    typeof ev.month === 'number' &&
    typeof ev['day-of-month'] === 'number'
  ) {
    // The event's fields are UTC (Apps Script documents them so); minute/second may be absent.
    const t = Date.UTC(
      ev.year,
      ev.month - 1,
      ev['day-of-month'] as number,
      Number(ev.hour ?? 0),
      Number(ev.minute ?? 0),
      Number(ev.second ?? 0),
    );
    if (!isNaN(t)) return new Date(t);
  }
  return new Date();
}

/** Why a timer run cannot do its work, in Vietnamese (recorded, shown in the sidebar, and thrown). */
class TickFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TickFailure';
  }
}

function tryGet<T>(get: () => T): T | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}

/**
 * The daily trigger: keeps the as-of date current and, on the configured day (or a later day, while that
 * month's send is still unfinished) records the snapshot and sends the summary.
 *
 * Nothing in it is assumed: a run without an active spreadsheet, document properties or document lock
 * (documented as null outside a containing document; a timer run of a published add-on may be one) is a
 * recorded failure, never a silent stop. Every run's outcome is recorded (tickLog.ts) and logged. It never
 * creates or deletes a trigger (a trigger created in a trigger run is disabled by a known Apps Script
 * defect): a changed send hour is only recorded here and re-synced when someone opens the sidebar.
 * A failure is re-thrown after the record is saved, so the execution log and Google's failure email show
 * it too.
 */
export function dailyTick(e?: unknown, mailer?: Mailer): SendMonthlyResult | null {
  const now = eventTime(e);
  const triggerId = (e as { triggerUid?: unknown } | undefined)?.triggerUid;
  const record: TickRecord = { at: now.toISOString(), ok: true, ran: [], error: null, notes: [] };
  const failures: unknown[] = [];
  const fail = (step: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    record.ok = false;
    record.error = record.error ? `${record.error} ${step}: ${message}` : `${step}: ${message}`;
    failures.push(error);
  };

  const ss = tryGet(() => SpreadsheetApp.getActiveSpreadsheet());
  const spreadsheetId =
    (ss && tryGet(() => ss.getId())) ??
    spreadsheetOfTrigger(typeof triggerId === 'string' ? triggerId : null);
  const documentProperties = tryGet(() => PropertiesService.getDocumentProperties());
  let result: SendMonthlyResult | null = null;
  try {
    asTriggerRun(() => {
      if (!ss) {
        throw new TickFailure(
          'lần chạy tự động không có bảng tính (SpreadsheetApp.getActiveSpreadsheet() trả về null); ' +
            'ngày tính và thư tháng không được cập nhật. Xem docs/verify-on-google.md.',
        );
      }
      if (!documentProperties) {
        throw new TickFailure(
          'lần chạy tự động không đọc được thuộc tính tài liệu (PropertiesService.getDocumentProperties() trả về null); ' +
            'không thể giữ "gửi đúng một lần mỗi tháng", nên không gửi.',
        );
      }
      result = tickSteps(now, spreadsheetId, record, fail, mailer, isProvinceWorkbook(ss));
    });
  } catch (error) {
    fail('Lần chạy tự động', error);
  }
  saveTick(record, documentProperties, spreadsheetId);
  if (failures.length > 0) throw failures[0];
  return result;
}

/** The work of a run that has its document: as-of date, hour check, and the month's send when due. */
function tickSteps(
  now: Date,
  spreadsheetId: string | null,
  record: TickRecord,
  fail: (step: string, error: unknown) => void,
  mailer: Mailer | undefined,
  province: boolean,
): SendMonthlyResult | null {
  const time = localTime(now);
  /** Runs a step; `fn` returning false means it had nothing to do (not listed as run). */
  const step = (name: string, fn: () => void | boolean) => {
    try {
      if (fn() !== false) record.ran.push(name);
    } catch (error) {
      log(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      fail(name, error);
    }
  };
  let communeTable = true;
  step('Cập nhật ngày tính', () => {
    const written = withDocumentLock(() => writeAsOf(now), TRIGGER_LOCK_WAIT_MS);
    if (written.ok) return true;
    if (!province) throw new TickFailure(written.message);
    // A province workbook holds no criteria table of its own: no date to keep, no commune report.
    communeTable = false;
    return false;
  });
  // Rounds whose date has passed are locked (issue 14); protections only, never a trigger. Listed when it
  // locked something.
  step('Khóa vòng chấm', () => {
    if (!communeTable) return false;
    const run = applyRoundLocks(now, 'lịch hằng ngày', TRIGGER_LOCK_WAIT_MS);
    if (run.problem) throw new TickFailure(run.problem);
    if (run.message) record.notes.push(run.message);
    return run.locked.length > 0;
  });

  const p = props();
  const { settings } = loadSettings();
  const installed = spreadsheetId ? readScheduleRecord(spreadsheetId) : null;
  if (installed && installed.hour !== settings.scheduleHour) {
    record.notes.push(
      `Lịch đang chạy lúc ${installed.hour} giờ, Cài đặt ghi ${settings.scheduleHour} giờ: ` +
        'mở thanh bên để đồng bộ (lần chạy tự động không tự tạo lại lịch).',
    );
  }

  let result: SendMonthlyResult | null = null;
  const sentAlready = p.getProperty(KEYS.lastSentMonth) === time.month;
  if (
    communeTable &&
    !sentAlready &&
    (time.day === settings.scheduleDay || p.getProperty(KEYS.due) === time.month)
  ) {
    // Recorded before trying: if this run fails (busy, crash, quota), the next days retry this month.
    p.setProperty(KEYS.due, time.month);
    step('Gửi báo cáo tháng', () => {
      result = sendMonthly({ now, lockWaitMs: TRIGGER_LOCK_WAIT_MS, mailer });
      record.notes.push(result.message);
    });
  }
  if (province)
    provinceTick(now, settings.scheduleDay, step, record.notes, { lockWaitMs: TRIGGER_LOCK_WAIT_MS, mailer });
  return result;
}
