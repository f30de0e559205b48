// The simple triggers' work (onEdit, onOpen) and the authorisation check they need. Never throw: a simple
// trigger's error would only reach the execution log, and the user must never see one.
import { formulaReach, OUR_OUTPUT_FORMULA } from '../sheets/outputFormulas';
import { cachedLayout } from './layoutCache';
import { withDocumentLock } from './locks';
import { recomputeLocked } from './recompute';
import { lockRoundsOnOpen } from './roundLocks';
import { loadSettings } from './settingsStore';

/**
 * onEdit (simple trigger, limited auth): formulas already rescore edits inside the table, so only an edit
 * that may change the table's shape (the header row, or an input column below the last data row: the
 * table grew) runs a recompute, which extends the formulas and colours. Never throws.
 */
export function onEditRecompute(
  e: GoogleAppsScript.Events.SheetsOnEdit | undefined,
  now: Date = new Date(),
): boolean {
  try {
    if (!e || !e.range) return false;
    const range = e.range;
    const sheet = range.getSheet();
    const cache = cachedLayout();
    const name = sheet.getName();
    if (cache) {
      if (sheet.getSheetId() !== cache.sheetId && name !== cache.sheetName) return false;
      const top = range.getRow();
      const bottom = range.getLastRow();
      const left = range.getColumn();
      const right = range.getLastColumn();
      const touchesInput = cache.inputColumns.some((c) => c >= left && c <= right);
      const header = top <= cache.headerRow && bottom >= cache.headerRow;
      if (!header) {
        if (!touchesInput || bottom < cache.anchorRow) return false;
        // Inside the formulas' reach the formulas rescore by themselves; below it the table grew.
        const formula = sheet.getRange(cache.anchorRow, cache.anchorColumn).getFormula();
        const reach = OUR_OUTPUT_FORMULA.test(formula) ? formulaReach(formula) : null;
        if (reach !== null && bottom <= reach) return false;
      }
    } else if (name !== loadSettings().settings.criteriaSheetName) {
      return false;
    }
    const result = withDocumentLock(() => recomputeLocked(now), 5000);
    return result.ok;
  } catch (error) {
    try {
      console.log(`onEdit: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // Nothing more to do.
    }
    return false;
  }
}

/**
 * True when a simple trigger's event allows reading the document: not AuthMode.NONE, in which "any service
 * that requires authorization" is refused (https://developers.google.com/apps-script/reference/script/auth-mode).
 * onOpen and onEdit both check it. Never throws.
 */
export function canUseDocument(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): boolean {
  try {
    return !e || e.authMode === undefined || e.authMode !== ScriptApp.AuthMode.NONE;
  } catch {
    return false;
  }
}

/** onOpen with authorisation: keeps the as-of date (and the formula ranges) current. Never throws. */
export function refreshOnOpen(now: Date = new Date()): void {
  try {
    const result = withDocumentLock(() => {
      const state = recomputeLocked(now, { fullRuleCheck: true });
      // A round whose date passed while no daily run was on is locked when someone opens the document.
      lockRoundsOnOpen(now);
      return state;
    }, 5000);
    if (!result.ok) console.log(`onOpen: ${result.message}`);
  } catch (error) {
    try {
      console.log(`onOpen: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // Nothing more to do.
    }
  }
}
