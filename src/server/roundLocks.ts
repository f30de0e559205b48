// Round locks (issue 14): when a round's date has passed, its input columns are protected (src/sheets/
// roundLocks.ts) by the daily run, on open, when the sidebar opens and when the rounds are saved, and the
// lock is appended to the audit tab. This file is what dist/Code.js keeps: whether a round is due, from the
// settings and two document properties (roundRecord.ts), without a Spreadsheet call; the locking itself is
// the lazy module roundActions.lazy.ts, read only when a round is due, and, on open where that module cannot
// be read, the protections alone (lockRoundsOnOpen). Nothing here creates or deletes a trigger.
import { protectRound } from '../sheets/roundLocks';
import { localTime } from './clock';
import { locateCriteria } from './criteriaTab';
import { withDocumentLock } from './locks';
import { applyLocksLocked, type LockRun } from './roundActions.lazy';
import { OPENED_KEY, readRounds, roundsDue } from './roundRecord';
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

/** The same, never throwing (the sidebar's load): a failure goes to the log. */
export function applyRoundLocksQuietly(now: Date, how: string | null): void {
  try {
    const run = applyRoundLocks(now, how);
    if (run.problem) log(run.problem);
  } catch (error) {
    log(error);
  }
}

const log = (error: unknown) =>
  console.log(`Khóa vòng chấm: ${error instanceof Error ? error.message : error}`);

/**
 * On open (the document lock held; never throws). onOpen runs in AuthMode.LIMITED, which Google's table of
 * authorization modes (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle) gives
 * access to the current document and properties but not to user data; whether HtmlService, which reads the
 * lazy module, is among its "other services" it does not say (the stand-in's switch `limitedHtmlService`).
 * Where it is refused, the protections are set from here with the same lockRound, and the round stays due:
 * the next full run (sidebar, daily run, saving settings) writes the audit line with this time (OPENED_KEY).
 */
export function lockRoundsOnOpen(now: Date): void {
  try {
    const due = roundsDue(loadSettings().settings, now);
    if (due.length === 0) return;
    try {
      const run = applyLocksLocked(now, 'mở bảng tính');
      if (run.problem) log(run.problem);
      return;
    } catch (error) {
      log(error);
    }
    const { settings } = loadSettings();
    const located = locateCriteria(SpreadsheetApp.getActiveSpreadsheet(), settings, false);
    if (!located.ok) return;
    let me = '';
    try {
      me = Session.getEffectiveUser().getEmail();
    } catch {
      // Unknown: the lock keeps the owner and the listed editors.
    }
    const opened = readRounds(OPENED_KEY);
    const options = { editors: settings.lockEditors, warningOnly: settings.lockWarningOnly, me };
    let changed = false;
    for (const round of due) {
      // Locked at an earlier open (the record): not again. A duplicate would be replaced by lockRound anyway.
      if (opened[round] || !protectRound(located.sheet, located.read.layout, round, settings.rounds, options))
        continue;
      opened[round] = `${localTime(now).stamp}|${me}`;
      changed = true;
    }
    if (changed) PropertiesService.getDocumentProperties().setProperty(OPENED_KEY, JSON.stringify(opened));
  } catch (error) {
    log(error);
  }
}
