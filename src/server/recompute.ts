// "Tính lại" (menu and sidebar), and the same recompute run by the daily trigger, on open and on a
// shape-changing edit: reads the tab, moves the as-of cell to today, (re)writes the output formulas, the
// summary block and our colours when anything changed, and evaluates with the core for the caller.
import type { Settings } from '../core/settings';
import type { CellValue } from '../core/types';
import { liveUpdate, setupSheet } from '../sheets/setup';
import { dateSerial, showsDate, todayIso } from './clock';
import { upgradeExportTab } from './exportUpgrade';
import { withDocumentLock } from './locks';
import { tableProblems } from './problems';
import { updateSettings } from './settingsStore';
import { evaluateRead, findCriteriaTab, finish, type SheetState } from './sheetState';

/** Recompute's options: the as-of date as a serial (writing it needs no time zone). */
function recomputeOptions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, now: Date) {
  const iso = todayIso(now);
  let zone: string | null = null;
  const spreadsheetZone = () => (zone ??= ss.getSpreadsheetTimeZone());
  return {
    iso,
    asOf: dateSerial(iso),
    asOfShown: (value: CellValue) => showsDate(value, iso, spreadsheetZone),
    nearDeadlineDays: settings.nearDeadlineDays,
    bands: settings.bands,
    pointsDecimals: settings.pointsDecimals,
  };
}

/**
 * Recompute + highlight without taking the lock (the caller holds it): reads the tab in one batch, refuses
 * when output cells hold user content, (re)writes the output formulas and the summary block in one batch
 * when anything changed, refreshes our conditional formats, and evaluates with the core for the caller.
 * A tab without output columns or block gets the full set-up instead.
 *
 * Spreadsheet calls when the tab is set up: 6 when nothing changed (active spreadsheet, tab by name, data
 * range, values, formulas, rule list), 8 on a new day (+ range, setValues), 9 when moreover a cell holds a
 * date and the cached time zone expired (+ getSpreadsheetTimeZone; the tab is never asked for its
 * spreadsheet), whatever the number of rows and tabs (test/server/recompute.test.ts pins them). Our rules
 * are checked one by one only when the stored mark no longer fits, or with `fullRuleCheck` (the daily
 * trigger and on open do it, so an edit the mark cannot see is repaired within a day).
 */
export function recomputeLocked(now: Date = new Date(), options: RecomputeOptions = {}): SheetState {
  const found = findCriteriaTab();
  if (!found.ok) return found.failed;
  const { ss, doc, settings, located } = found;
  const { sheet, name, read } = located;
  // The configured tab is gone and the table was found elsewhere: follow it from now on.
  if (!located.configuredExists) updateSettings({ criteriaSheetName: name });
  const mark = !options.fullRuleCheck && doc.cache && doc.cache.sheetName === name ? doc.cache.rules : null;
  const liveOpts = { ...recomputeOptions(ss, settings, now), rulesMark: mark };
  const live = liveUpdate(sheet, read, liveOpts);
  const done = { ss, sheet, name, read, settings, iso: liveOpts.iso, doc };
  if (live.kind === 'refused') {
    const evaluation = evaluateRead(read, settings, liveOpts.iso);
    return {
      ok: false,
      message: live.message,
      sheet,
      spreadsheet: ss,
      layout: read.layout,
      evaluation,
      problems: tableProblems(read, evaluation),
    };
  }
  if (live.kind === 'needsSetup') {
    const setup = setupSheet(sheet, liveOpts);
    if (!setup.ok)
      return {
        ok: false,
        message: setup.message,
        sheet,
        layout: read.layout,
        evaluation: null,
        problems: [],
        spreadsheet: ss,
      };
    if (options.fullRuleCheck) upgradeExportTab(ss, name, setup.layout, setup.plan, read.rows, settings);
    return finish({
      ...done,
      layout: setup.layout,
      rules: setup.rulesMark,
      prefix: 'Đã thêm các cột kết quả và bảng tổng hợp. ',
    });
  }
  // Background runs (on open, daily) also bring an older export tab to the current layout (exportUpgrade.ts).
  if (options.fullRuleCheck) upgradeExportTab(ss, name, live.layout, live.plan, read.rows, settings);
  return finish({ ...done, layout: live.layout, rules: live.rulesMark, prefix: '', writes: live.writes });
}

export interface RecomputeOptions {
  /**
   * Inspect every rule whatever the stored mark, and upgrade an older export tab (background runs: the daily
   * trigger, on open).
   */
  fullRuleCheck?: boolean;
}

/** Recompute + highlight under the document lock (menu, sidebar). */
export function recompute(now: Date = new Date(), options: RecomputeOptions = {}): SheetState {
  return withDocumentLock(() => recomputeLocked(now, options));
}

/** The daily trigger's as-of writer (the caller holds the lock): recompute quietly, every rule checked. */
export function writeAsOf(now: Date): SheetState {
  const result = recomputeLocked(now, { fullRuleCheck: true });
  if (!result.ok) console.log(`Cập nhật ngày tính: ${result.message}`);
  return result;
}
