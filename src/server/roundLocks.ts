// Round locks (issue 14): when a round's date has passed, its input columns are protected (src/sheets/
// roundLocks.ts) by the daily run, on open, when the sidebar opens and when the rounds are saved, and the
// lock is appended to the audit tab. This file is what dist/Code.js keeps: whether a round is due, from the
// settings and two document properties, without a Spreadsheet call; the locking itself is the lazy module
// roundActions.lazy.ts, read only when a round is due. Nothing here creates or deletes a trigger.
import { passedRounds, ROUND_KEYS, type RoundKey } from '../core/rounds';
import type { Settings } from '../core/settings';
import { todayIso } from './clock';
import { withDocumentLock } from './locks';
import { applyLocksLocked, type LockRun } from './roundActions.lazy';
import { loadSettings } from './settingsStore';

/** Document property: the rounds a person unlocked, with the date each had then (JSON). */
export const UNLOCKED_KEY = 'cchc.rounds.unlocked';
/** Document property: the rounds the add-in locked, with the date each had then (JSON). */
export const LOCKED_KEY = 'cchc.rounds.locked';

export type RoundRecord = Partial<Record<RoundKey, string>>;

/** A record of rounds (round → the date it had) from document properties; unreadable → none. */
export function readRounds(key: string): RoundRecord {
  try {
    const raw = JSON.parse(PropertiesService.getDocumentProperties().getProperty(key) || '{}') as unknown;
    const out: RoundRecord = {};
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
    for (const k of ROUND_KEYS) {
      const v = (raw as Record<string, unknown>)[k];
      if (typeof v === 'string') out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

/** The rounds a person unlocked (round → the date it had then). */
export function readUnlocked(): RoundRecord {
  return readRounds(UNLOCKED_KEY);
}

/**
 * Rounds whose date has passed that the add-in has not locked for that date and no one unlocked since: the
 * settings and two properties, no Spreadsheet call (the daily run, open and the sidebar ask it every time).
 */
export function roundsDue(settings: Settings, now: Date): RoundKey[] {
  const unlocked = readUnlocked();
  const locked = readRounds(LOCKED_KEY);
  return passedRounds(settings.rounds, todayIso(now)).filter(
    (k) => unlocked[k] !== settings.rounds[k] && locked[k] !== settings.rounds[k],
  );
}

const NOTHING: LockRun = { locked: [], problem: null, message: '' };

/**
 * Locks the due rounds under the document lock (the daily run, the sidebar). `how` says how it ran, for the
 * audit ("lịch hằng ngày"). With nothing due: no lock taken, no Spreadsheet call.
 */
export function applyRoundLocks(now: Date, how: string | null, waitMs?: number): LockRun {
  if (roundsDue(loadSettings().settings, now).length === 0) return NOTHING;
  return withDocumentLock(() => applyLocksLocked(now, how), waitMs);
}

/**
 * The same, never throwing (open, which holds the document lock already, and the sidebar): where the lazy
 * module cannot be read (a simple trigger's limited authorization may refuse HtmlService) the daily run and
 * the sidebar lock instead; the reason goes to the log.
 */
export function applyRoundLocksQuietly(now: Date, how: string | null, holdsLock = false): void {
  try {
    const due = holdsLock && roundsDue(loadSettings().settings, now).length > 0;
    const run = holdsLock ? (due ? applyLocksLocked(now, how) : NOTHING) : applyRoundLocks(now, how);
    if (run.problem) throw new Error(run.problem);
  } catch (error) {
    console.log(`Khóa vòng chấm: ${error instanceof Error ? error.message : String(error)}`);
  }
}
