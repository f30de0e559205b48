// Round locks (issue 14): when a round's date has passed, its input columns are protected (src/sheets/
// roundLocks.ts) by the daily run, on open, when the sidebar opens and when the rounds are saved, and the
// lock is appended to the audit tab. This file is what dist/Code.js keeps: whether a round is due, from the
// settings and two document properties (roundRecord.ts), without a Spreadsheet call; the locking itself is
// the lazy module roundActions.lazy.ts, read only when a round is due. Nothing here creates or deletes a
// trigger.
import { withDocumentLock } from './locks';
import { applyLocksLocked, type LockRun } from './roundActions.lazy';
import { roundsDue } from './roundRecord';
import { loadSettings } from './settingsStore';

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
