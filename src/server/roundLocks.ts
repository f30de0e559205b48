// Round locks (issue 14): when a round's date has passed, its input columns are protected (src/sheets/
// roundLocks.ts) by the daily run and on open, and the lock is appended to the audit tab. Nothing here
// creates or deletes a trigger (a daily run must not). The person's actions (Mở khóa, Khóa lại, a change of
// the rounds) are in roundActions.ts.
import { formatDate } from '../core/format';
import { passedRounds, ROUND_KEYS, ROUND_NAMES, type RoundKey } from '../core/rounds';
import type { Settings } from '../core/settings';
import { appendAudit, type AuditEntry } from '../sheets/auditTab';
import { COLUMN_NAMES } from '../core/vocabulary';
import { lockRound, ownLocks, type Locked } from '../sheets/roundLocks';
import { localTime, todayIso } from './clock';
import { locateCriteria } from './criteriaTab';
import { withDocumentLock } from './locks';
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

/** How the locks are set, for the audit. */
export function lockMode(settings: Settings): string {
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
