// Round locks as Sheets protections (issue 14). A round's columns are protected from the first data row to
// the tab's last row, one protection per run of adjacent columns, each described with LOCK_PREFIX: the
// add-in recognises its own protections by that description and never reads, changes or removes any other
// (the commune's own protections stay exactly as they were).
// Protection class: https://developers.google.com/apps-script/reference/spreadsheet/protection
import { lockDescription, roundColumns, roundOfDescription, type RoundKey } from '../core/rounds';
import type { RoundDates } from '../core/settings';
import type { InputColumn } from '../core/types';
import { columnLetter } from './headers';
import type { TableLayout } from './table';

export interface LockOptions {
  /** Who may still edit (besides the owner and the user running the lock). */
  editors: string[];
  /** A warning-only lock: everyone may edit after confirming a warning. */
  warningOnly: boolean;
  /** The user running the lock (Session.getEffectiveUser), '' when unknown. */
  me: string;
}

/** A protection of ours and the round it locks. */
export interface OwnLock {
  protection: GoogleAppsScript.Spreadsheet.Protection;
  round: RoundKey;
}

/** The add-in's own round locks among the range protections of `source` (a tab or the spreadsheet). */
export function ownLocks(
  source: GoogleAppsScript.Spreadsheet.Sheet | GoogleAppsScript.Spreadsheet.Spreadsheet,
): OwnLock[] {
  const out: OwnLock[] = [];
  for (const protection of source.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    const round = roundOfDescription(protection.getDescription());
    if (round !== null) out.push({ protection, round });
  }
  return out;
}

/** What a lock did: the round, the columns' header names and the A1 ranges protected. */
export interface Locked {
  round: RoundKey;
  columns: InputColumn[];
  ranges: string[];
}

/** The round's columns present in the table, in runs of adjacent sheet columns ([first, last]). */
export function lockRuns(
  layout: TableLayout,
  round: RoundKey,
  rounds: RoundDates,
): {
  columns: InputColumn[];
  runs: [number, number][];
} {
  const columns = roundColumns(round, rounds).filter((c) => layout.columns[c] !== undefined);
  const numbers = columns.map((c) => layout.columns[c] as number).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of numbers) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else if (!last || c !== last[1]) runs.push([c, c]);
  }
  return { columns, runs };
}

/**
 * Protects the round's columns unless the add-in's protections of that round already cover exactly them
 * (then nothing changes: the daily run and every open call this). Returns null when nothing was done.
 */
export function lockRound(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  round: RoundKey,
  rounds: RoundDates,
  options: LockOptions,
  existing: OwnLock[],
): Locked | null {
  const { runs } = lockRuns(layout, round, rounds);
  if (runs.length === 0) return null;
  const rows = Math.max(sheet.getMaxRows() - layout.firstDataRow + 1, 1);
  const wanted = runs.map(([from, to]) => ({
    a1: `${columnLetter(from)}${layout.firstDataRow}:${columnLetter(to)}${layout.firstDataRow + rows - 1}`,
    from,
    to,
  }));
  const mine = existing.filter((l) => l.round === round);
  const have = mine.map((l) => l.protection.getRange().getA1Notation()).sort();
  if (
    have.join(',') ===
    wanted
      .map((w) => w.a1)
      .sort()
      .join(',')
  )
    return null;
  // The table moved or grew columns: our old protections of this round give way to the new ones.
  for (const l of mine) l.protection.remove();
  return protectRound(sheet, layout, round, rounds, options);
}

/**
 * Protects the round's columns as the add-in's own lock, whatever protections exist (lockRound checks them
 * first; the open without the lazy module, server/roundLocks.ts, relies on its own record). Null when the
 * table has none of the round's columns.
 */
export function protectRound(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  round: RoundKey,
  rounds: RoundDates,
  options: LockOptions,
): Locked | null {
  const { columns, runs } = lockRuns(layout, round, rounds);
  if (runs.length === 0) return null;
  const first = layout.firstDataRow;
  const rows = Math.max(sheet.getMaxRows() - first + 1, 1);
  const description = lockDescription(round, rounds, columns);
  const ranges = runs.map(([from, to]) => {
    const protection = sheet
      .getRange(first, from, rows, to - from + 1)
      .protect()
      .setDescription(description);
    try {
      if (options.warningOnly) protection.setWarningOnly(true);
      else {
        // Google's own recipe: keep the current user an editor, then remove everyone else (a user whose
        // access comes from a group would otherwise make removing the group throw), then add the listed ones.
        if (options.me) protection.addEditor(options.me);
        protection.removeEditors(protection.getEditors());
        if (protection.canDomainEdit()) protection.setDomainEdit(false);
        if (options.editors.length > 0) protection.addEditors(options.editors);
      }
    } catch (error) {
      // Half set up, it would protect nothing (its permissions mirror the spreadsheet's) yet pass for a lock.
      protection.remove();
      throw error;
    }
    return `${columnLetter(from)}${first}:${columnLetter(to)}${first + rows - 1}`;
  });
  return { round, columns, ranges };
}

/** What an unlock did: the ranges freed per round, and those the user may not remove. */
export interface Unlocked {
  removed: { round: RoundKey; range: string }[];
  refused: { round: RoundKey; range: string }[];
}

/** Removes every protection of the add-in's own round locks in the spreadsheet; nothing else. */
export function removeOwnLocks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Unlocked {
  const out: Unlocked = { removed: [], refused: [] };
  for (const { protection, round } of ownLocks(ss)) {
    const range = `${protection.getRange().getSheet().getName()}!${protection.getRange().getA1Notation()}`;
    // Google's sample removes only what the user may edit; remove() would throw otherwise.
    if (!protection.canEdit()) {
      out.refused.push({ round, range });
      continue;
    }
    protection.remove();
    out.removed.push({ round, range });
  }
  return out;
}
