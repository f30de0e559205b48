// The round locks' work (issue 14), out of dist/Code.js (a lazy module: read on first use, see
// scripts/lazyModules.mjs): locking the due rounds with protections marked as the add-in's own and writing
// the audit tab; "Mở khóa", which removes only the add-in's own round locks and keeps the passed rounds
// unlocked until their dates change or someone locks again; "Khóa lại"; a change of the rounds recorded.
// Each runs under the document lock its caller (roundLocks.ts, roundActions.ts) holds, and returns its
// outcome instead of throwing (a class thrown from here would not be Code.js's own).
import { formatDate } from '../core/format';
import { passedRounds, roundChanges, ROUND_NAMES, type RoundKey } from '../core/rounds';
import type { Settings } from '../core/settings';
import { COLUMN_NAMES } from '../core/vocabulary';
import { appendAudit, type AuditEntry } from '../sheets/auditTab';
import { lockRound, lockRuns, ownLocks, removeOwnLocks, type Locked } from '../sheets/roundLocks';
import { localTime, todayIso } from './clock';
import { locateCriteria } from './criteriaTab';
import { LOCKED_KEY, OPENED_KEY, readRounds, readUnlocked, roundsDue, UNLOCKED_KEY } from './roundRecord';
import { loadSettings } from './settingsStore';

export interface LockRun {
  locked: Locked[];
  /** Why nothing could be locked although a round is due (no criteria table), else null. */
  problem: string | null;
  /** A short Vietnamese summary ('' when nothing was locked). */
  message: string;
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
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
function actorOf(how: string | null): string {
  const who = emailOf(() => Session.getActiveUser()) || emailOf(() => Session.getEffectiveUser());
  if (who) return how ? `${who} (${how})` : who;
  return how ?? 'không rõ';
}

/** How the locks are set, for the audit. */
function lockMode(settings: Settings): string {
  if (settings.lockWarningOnly) return 'chỉ cảnh báo (ai cũng sửa được sau khi xác nhận)';
  const who = settings.lockEditors.length > 0 ? `, ${settings.lockEditors.join(', ')}` : '';
  return `chỉ chủ bảng tính, người khóa${who} được sửa`;
}

function lockEntry(at: string, actor: string, l: Locked, settings: Settings): AuditEntry {
  return {
    at,
    user: actor,
    action: `Khóa vòng ${ROUND_NAMES[l.round]}`,
    detail:
      `Hết hạn ${formatDate(settings.rounds[l.round])}; cột ${l.columns.map((c) => COLUMN_NAMES[c].vi).join(', ')} ` +
      `(${l.ranges.join(', ')}); ${lockMode(settings)}.`,
  };
}

/**
 * Locks every due round (roundsDue), the document lock held; records them locked for their dates. Also
 * writes the audit lines of the locks set on open without this module (OPENED_KEY), with their time.
 */
export function applyLocksLocked(now: Date, how: string | null): LockRun {
  const { settings } = loadSettings();
  const due = roundsDue(settings, now);
  const opened = readRounds(OPENED_KEY);
  const fromOpen = Object.keys(opened) as RoundKey[];
  if (due.length === 0 && fromOpen.length === 0) return { locked: [], problem: null, message: '' };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const located = locateCriteria(ss, settings, false);
  if (!located.ok) return { locked: [], problem: located.message, message: located.message };
  const { sheet, read } = located;
  const existing = ownLocks(sheet);
  const entries = fromOpen.map((round) => {
    const [at, who] = (opened[round] as string).split('|');
    const ranges = existing
      .filter((l) => l.round === round)
      .map((l) => l.protection.getRange().getA1Notation());
    const l = { round, columns: lockRuns(read.layout, round, settings.rounds).columns, ranges };
    return lockEntry(at, who ? `${who} (mở bảng tính)` : 'mở bảng tính', l, settings);
  });
  const options = {
    editors: settings.lockEditors,
    warningOnly: settings.lockWarningOnly,
    me: emailOf(() => Session.getEffectiveUser()),
  };
  const locked: Locked[] = [];
  const record = readRounds(LOCKED_KEY);
  for (const round of due) {
    const l = lockRound(sheet, read.layout, round, settings.rounds, options, existing);
    if (l) locked.push(l);
    record[round] = settings.rounds[round] as string;
  }
  if (due.length > 0) props().setProperty(LOCKED_KEY, JSON.stringify(record));
  if (fromOpen.length > 0) props().deleteProperty(OPENED_KEY);
  const at = localTime(now).stamp;
  const actor = actorOf(how);
  entries.push(...locked.map((l) => lockEntry(at, actor, l, settings)));
  if (entries.length > 0) appendAudit(ss, entries, located.name);
  if (locked.length === 0) return { locked, problem: null, message: '' };
  const what = locked.map((l) => `vòng ${ROUND_NAMES[l.round]} (${l.ranges.join(', ')})`).join('; ');
  return { locked, problem: null, message: `Đã khóa ${what}.` };
}

export interface RoundOutcome {
  ok: boolean;
  message: string;
}

/** What "Mở khóa" asks before doing anything (the menu; the sidebar has its own card). */
export function unlockQuestion(): string {
  return (
    'Gỡ mọi vùng khóa vòng chấm do tiện ích tạo (các vùng bảo vệ khác của xã giữ nguyên)? ' +
    'Vòng đã qua hạn sẽ không tự khóa lại cho đến khi đổi ngày trong Cài đặt hoặc chọn "Khóa lại".'
  );
}

/** "unlock" or "relock", the document lock held. */
export function roundActionLocked(action: unknown, now: Date): RoundOutcome {
  if (action === 'unlock') return unlockLocked(now);
  if (action === 'relock') return relockLocked(now);
  return { ok: false, message: 'Thao tác khóa không rõ.' };
}

/** "Mở khóa", the document lock held: removes the add-in's locks (never another), records who and when. */
function unlockLocked(now: Date): RoundOutcome {
  // A lock set on open gets its audit line before it is lifted.
  if (Object.keys(readRounds(OPENED_KEY)).length > 0) applyLocksLocked(now, null);
  const { settings } = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = removeOwnLocks(ss);
  const unlocked = readUnlocked();
  for (const k of passedRounds(settings.rounds, todayIso(now))) unlocked[k] = settings.rounds[k] as string;
  props().setProperty(UNLOCKED_KEY, JSON.stringify(unlocked));
  props().deleteProperty(LOCKED_KEY);
  const rounds = [...new Set(result.removed.map((r) => ROUND_NAMES[r.round]))];
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
  if (result.removed.length === 0 && result.refused.length > 0) return { ok: false, message: refused.trim() };
  return {
    ok: true,
    message:
      result.removed.length > 0
        ? `Đã mở khóa ${result.removed.length} vùng (vòng ${rounds.join(', ')}); đã ghi vào trang nhật ký.${refused}`
        : `Không có vùng khóa nào của tiện ích để mở.${refused}`,
  };
}

/** "Khóa lại", the document lock held: forgets the unlocks, removes the add-in's locks, locks every passed round. */
function relockLocked(now: Date): RoundOutcome {
  props().deleteProperty(UNLOCKED_KEY);
  props().deleteProperty(LOCKED_KEY);
  removeOwnLocks(SpreadsheetApp.getActiveSpreadsheet());
  const run = applyLocksLocked(now, null);
  if (run.problem) return { ok: false, message: run.problem };
  return { ok: true, message: run.message || 'Không có vòng nào cần khóa.' };
}

/**
 * After settings were saved (the document lock held): records a change of the rounds' dates or of who may
 * edit; when the lock mode or editors changed, re-applies the add-in's locks with them. Returns a note.
 */
export function recordRoundChange(before: Settings, after: Settings, now: Date): string {
  const lines = roundChanges(before.rounds, after.rounds);
  const modeChanged = lockMode(before) !== lockMode(after);
  if (modeChanged) lines.push(`Cách khóa: ${lockMode(before)} → ${lockMode(after)}`);
  if (lines.length === 0) return '';
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  appendAudit(ss, [
    { at: localTime(now).stamp, user: actorOf(null), action: 'Đổi lịch vòng chấm', detail: lines.join('; ') },
  ]);
  if (modeChanged && ownLocks(ss).length > 0) {
    removeOwnLocks(ss);
    props().deleteProperty(LOCKED_KEY);
  }
  const run = applyLocksLocked(now, null);
  return run.message ? ` ${run.message}` : '';
}
