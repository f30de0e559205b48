// The rounds' record in document properties (issue 14): which rounds the add-in locked and which a person
// unlocked, each with the date the round had then; whether a round is due follows from it and the settings.
import { passedRounds, ROUND_KEYS, type RoundKey } from '../core/rounds';
import type { Settings } from '../core/settings';
import { todayIso } from './clock';

/** Document property: the rounds a person unlocked, with the date each had then (JSON). */
export const UNLOCKED_KEY = 'cchc.rounds.unlocked';
/** Document property: the rounds the add-in locked, with the date each had then (JSON). */
export const LOCKED_KEY = 'cchc.rounds.locked';

/**
 * Document property: rounds locked on open without the lazy module (roundLocks.ts, lockRoundsOnOpen), each
 * with when and by whom ("dd/mm/yyyy hh:mm|email"), for the audit lines the next full run writes.
 */
export const OPENED_KEY = 'cchc.rounds.openLocked';

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
