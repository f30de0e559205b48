// Round locks (issue 14): when a round's date has passed, its input columns are protected (src/sheets/
// roundLocks.ts) by the daily run and on open; "Mở khóa" removes only the add-in's own protections and keeps
// them off until the round's date changes or someone locks again. Every lock, unlock and change of the
// rounds is appended to the audit tab. Nothing here creates or deletes a trigger (a daily run must not).
import { formatDate } from '../core/format';
import { passedRounds, roundChanges, ROUND_KEYS, ROUND_NAMES, type RoundKey } from '../core/rounds';
import type { Settings } from '../core/settings';
import { appendAudit, type AuditEntry } from '../sheets/auditTab';
import { COLUMN_NAMES } from '../core/vocabulary';
import { lockRound, ownLocks, removeOwnLocks, type Locked } from '../sheets/roundLocks';
import { localTime, todayIso } from './clock';
import { locateCriteria } from './criteriaTab';
import { withDocumentLock } from './locks';
import { UserError } from './result';
import { loadSettings } from './settingsStore';

/** Document property: the rounds a person unlocked, with the date each had then (JSON). */
export const UNLOCKED_KEY = 'cchc.rounds.unlocked';

type Unlocked = Partial<Record<RoundKey, string>>;

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** The rounds a person unlocked (round → the date it had then). */
export function readUnlocked(): Unlocked {
  try {
    const raw = JSON.parse(props().getProperty(UNLOCKED_KEY) || '{}') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Unlocked = {};
    for (const k of ROUND_KEYS) {
      const v = (raw as Record<string, unknown>)[k];
      if (typeof v === 'string') out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

function emailOf(user: () => GoogleAppsScript.Base.User): string {
  try {
    return user().getEmail() || '';
  } catch {
    return '';
  }
}

/**
 * Who runs this, for the audit: the active user's email when Apps Script tells it, else the effective
 * user's (the trigger's owner) with how it ran, else how it ran alone.
 */
export function actorOf(how: string | null): string {
  const active = emailOf(() => Session.getActiveUser());
  if (active) return how ? `${active} (${how})` : active;
  const effective = emailOf(() => Session.getEffectiveUser());
  if (effective) return how ? `${effective} (${how})` : effective;
  return how ?? 'không rõ';
}

function lockMode(settings: Settings): string {
  if (settings.lockWarningOnly) return 'chỉ cảnh báo (ai cũng sửa được sau khi xác nhận)';
  const who = settings.lockEditors.length > 0 ? `, ${settings.lockEditors.join(', ')}` : '';
  return `chỉ chủ bảng tính, người khóa${who} được sửa`;
}

function lockEntry(at: string, actor: string, l: Locked, settings: Settings): AuditEntry {
  return {
    at,
    user: actor,
    action: `Khóa vòng ${ROUND_NAMES[l.round].vi}`,
    detail:
      `Hết hạn ${formatDate(settings.rounds[l.round])}; cột ${l.columns.map((c) => COLUMN_NAMES[c].vi).join(', ')} ` +
      `(${l.ranges.join(', ')}); ${lockMode(settings)}.`,
  };
}

export interface LockRun {
  locked: Locked[];
  /** Why nothing could be locked although a round is due (no criteria table), else null. */
  problem: string | null;
}

/**
 * Locks every round whose date has passed and that no one unlocked since (the caller holds the document
 * lock). With nothing due it reads only the settings: no Spreadsheet call at all.
 */
export function applyRoundLocksLocked(now: Date, how: string | null): LockRun {
  const { settings } = loadSettings();
  const unlocked = readUnlocked();
  const due = passedRounds(settings.rounds, todayIso(now)).filter((k) => unlocked[k] !== settings.rounds[k]);
  if (due.length === 0) return { locked: [], problem: null };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const located = locateCriteria(ss, settings, false);
  if (!located.ok) return { locked: [], problem: located.message };
  const existing = ownLocks(located.sheet);
  const options = {
    editors: settings.lockEditors,
    warningOnly: settings.lockWarningOnly,
    me: emailOf(() => Session.getEffectiveUser()),
  };
  const locked: Locked[] = [];
  for (const round of due) {
    const l = lockRound(located.sheet, located.read.layout, round, settings.rounds, options, existing);
    if (l) locked.push(l);
  }
  if (locked.length > 0) {
    const at = localTime(now).stamp;
    const actor = actorOf(how);
    appendAudit(
      ss,
      locked.map((l) => lockEntry(at, actor, l, settings)),
      located.name,
    );
  }
  return { locked, problem: null };
}

/** The daily run's and the open's lock step: under the document lock, never throwing on a busy lock. */
export function applyRoundLocks(now: Date, how: string | null, waitMs?: number): LockRun {
  return withDocumentLock(() => applyRoundLocksLocked(now, how), waitMs);
}

/** A short Vietnamese summary of what a lock run did. */
export function lockMessage(run: LockRun): string {
  if (run.problem) return run.problem;
  if (run.locked.length === 0) return 'Không có vòng nào cần khóa.';
  return `Đã khóa ${run.locked.map((l) => `vòng ${ROUND_NAMES[l.round].vi} (${l.ranges.join(', ')})`).join('; ')}.`;
}

/** What "Mở khóa" asks before doing anything. */
export const UNLOCK_QUESTION =
  'Gỡ mọi vùng khóa vòng chấm do tiện ích tạo (các vùng bảo vệ khác của xã giữ nguyên)? ' +
  'Vòng đã qua hạn sẽ không tự khóa lại cho đến khi đổi ngày trong Cài đặt hoặc chọn "Khóa lại".';

/**
 * "Mở khóa": removes the add-in's own round locks (never another protection), records who and when, and
 * keeps the passed rounds unlocked (the daily run does not lock them again while their dates are unchanged).
 */
export function unlockRounds(now: Date = new Date()): string {
  return withDocumentLock(() => {
    const { settings } = loadSettings();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const result = removeOwnLocks(ss);
    const unlocked = readUnlocked();
    for (const k of passedRounds(settings.rounds, todayIso(now))) unlocked[k] = settings.rounds[k] as string;
    props().setProperty(UNLOCKED_KEY, JSON.stringify(unlocked));
    const rounds = [...new Set(result.removed.map((r) => ROUND_NAMES[r.round].vi))];
    const refused =
      result.refused.length > 0
        ? ` Không có quyền gỡ ${result.refused.length} vùng (${result.refused.map((r) => r.range).join(', ')}): chủ bảng tính hoặc người được phép sửa cần mở khóa.`
        : '';
    appendAudit(ss, [
      {
        at: localTime(now).stamp,
        user: actorOf(null),
        action: 'Mở khóa',
        detail:
          result.removed.length > 0
            ? `Gỡ ${result.removed.length} vùng khóa của tiện ích (vòng ${rounds.join(', ')}): ${result.removed.map((r) => r.range).join(', ')}.${refused}`
            : `Không có vùng khóa nào của tiện ích.${refused}`,
      },
    ]);
    if (result.removed.length === 0 && result.refused.length > 0) throw new UserError(refused.trim());
    return result.removed.length > 0
      ? `Đã mở khóa ${result.removed.length} vùng (vòng ${rounds.join(', ')}); đã ghi vào trang nhật ký.${refused}`
      : `Không có vùng khóa nào của tiện ích để mở.${refused}`;
  });
}

/** "Khóa lại": forgets the unlocks, removes the add-in's locks and locks every passed round anew. */
export function relockRounds(now: Date = new Date()): string {
  return withDocumentLock(() => {
    props().deleteProperty(UNLOCKED_KEY);
    removeOwnLocks(SpreadsheetApp.getActiveSpreadsheet());
    const run = applyRoundLocksLocked(now, null);
    if (run.problem) throw new UserError(run.problem);
    return lockMessage(run);
  });
}

/**
 * After settings were saved: records a change of the rounds' dates or of who may edit, and when the lock
 * mode or editors changed re-applies the add-in's locks with them (the caller holds no lock).
 */
export function roundSettingsChanged(before: Settings, after: Settings, now: Date = new Date()): string {
  const lines = roundChanges(before.rounds, after.rounds);
  const modeChanged =
    before.lockWarningOnly !== after.lockWarningOnly ||
    before.lockEditors.join(',') !== after.lockEditors.join(',');
  if (modeChanged) lines.push(`Cách khóa: ${lockMode(before)} → ${lockMode(after)}`);
  if (lines.length === 0) return '';
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    appendAudit(ss, [
      {
        at: localTime(now).stamp,
        user: actorOf(null),
        action: 'Đổi lịch vòng chấm',
        detail: lines.join('; '),
      },
    ]);
    if (modeChanged && ownLocks(ss).length > 0) removeOwnLocks(ss);
    const run = applyRoundLocksLocked(now, null);
    return run.locked.length > 0 ? ` ${lockMessage(run)}` : '';
  });
}
