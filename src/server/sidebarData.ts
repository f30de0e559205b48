// Everything the sidebar shows, in one payload (the sidebar opens with one server call): the dashboard from
// evaluate(), the at-risk list ordered by points at stake, the problems with A1 and header text, settings
// (with the warning when stored ones were corrupt), the schedule state and the change since the last snapshot.
// No Date crosses google.script.run: dates are ISO strings.
import { isAllSectors, splitSectorCell } from '../core/summary';
import type { Evaluation } from '../core/types';
import { HISTORY_SHEET, readSnapshots } from '../sheets/history';
import { BLOCK_LABELS } from '../sheets/summaryBlock';
import { cell, isDateValue, type Grid, type TableLayout } from '../sheets/table';
import {
  attachSheet,
  checkData,
  listTabs,
  recompute,
  selectCell,
  setupSample,
  todayIso,
  type SheetState,
} from './actions';
import type {
  ActionResult,
  AtRiskItem,
  Dashboard,
  SaveSettingsResult,
  ScheduleState,
  SidebarData,
} from './api';
import { BusyError } from './locks';
import { scheduleStateForSidebar, syncScheduleWithSettings } from './schedule';
import { loadSettings, saveSettings } from './settingsStore';

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function safeSchedule(
  day: number,
  hour: number,
  ss?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): ScheduleState {
  try {
    return ss ? scheduleStateForSidebar(ss) : scheduleStateForSidebar(SpreadsheetApp.getActiveSpreadsheet());
  } catch {
    return { enabled: false, day, hour, lastSentMonth: null, lastSkipped: [], lastTick: null };
  }
}

/** The as-of date the sheet's formulas use (the block's date cell), or today. */
function asOfIso(
  grid: Grid | null,
  layout: TableLayout | null,
  fallback: string,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): string {
  if (!grid || !layout) return fallback;
  for (let r = 1; r <= grid.rows; r++) {
    const row = grid.values[r - 1];
    const c = row.indexOf(BLOCK_LABELS.asOf);
    if (c >= 0) {
      const v = cell(grid, r, c + 2);
      if (isDateValue(v)) {
        try {
          return Utilities.formatDate(v, ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
        } catch {
          return fallback;
        }
      }
      return fallback;
    }
  }
  return fallback;
}

/** At-risk and losing rows, most points at stake first. */
export function atRiskItems(evaluation: Evaluation): AtRiskItem[] {
  return evaluation.rows
    .filter((r) => r.isLeaf && (r.status === 'atRisk' || r.status === 'losing'))
    .sort((a, b) => b.pointsAtStake - a.pointsAtStake || a.row - b.row)
    .map((r) => ({
      row: r.row,
      code: r.code,
      title: r.title,
      sector: r.sector,
      status: r.status,
      risks: r.risks,
      reasons: r.reasons,
      pointsAtStake: round(r.pointsAtStake),
      deadline: r.deadline,
    }));
}

function dashboard(
  evaluation: Evaluation,
  communeName: string,
  year: number,
  asOf: string,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  history: GoogleAppsScript.Spreadsheet.Sheet | null,
): Dashboard {
  const indexPercent = evaluation.index === null ? null : round(evaluation.index * 100);
  let sinceSnapshot: Dashboard['sinceSnapshot'] = null;
  try {
    const snapshots = readSnapshots(ss, history);
    const last = snapshots.length ? snapshots[snapshots.length - 1] : null;
    if (last) {
      sinceSnapshot = {
        date: last.date,
        totalDelta: round(evaluation.total - last.total),
        indexPercentDelta:
          indexPercent === null || last.indexPercent === null
            ? null
            : round(indexPercent - last.indexPercent),
      };
    }
  } catch {
    sinceSnapshot = null;
  }
  return {
    communeName,
    year,
    asOf,
    total: round(evaluation.total),
    applicableMax: round(evaluation.applicableMax),
    indexPercent,
    classification: evaluation.classification,
    nextClass: evaluation.nextClass,
    sinceSnapshot,
    areas: evaluation.areas.map((a) => ({
      code: a.code,
      title: a.title,
      score: round(a.score),
      max: round(a.max),
      percent: a.max > 0 ? round((a.score / a.max) * 100, 2) : null,
    })),
  };
}

/**
 * Builds the sidebar payload. `state` reuses what an action just read and computed (no second read);
 * without it the criteria tab is read once (values + formulas). Never throws for sheet content.
 */
export function buildSidebarData(state?: SheetState, now: Date = new Date()): SidebarData {
  const { settings, warning } = loadSettings();
  const current = state && state.evaluation && state.layout ? state : checkData(now, { listTabs: true });
  const ss = current.spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet();
  const today = todayIso(now);
  // One list (often the one the action made) serves the tab names and the history tab.
  const tabs = current.tabs ?? listTabs(ss);
  const sheetNames = tabs.map((t) => t.name);
  const history = tabs.find((t) => t.name === HISTORY_SHEET)?.sheet ?? null;
  const schedule = safeSchedule(settings.scheduleDay, settings.scheduleHour, ss);
  if (!current.evaluation || !current.layout) {
    return {
      language: settings.language,
      sheetFound: false,
      sheetMessage: current.message,
      sheetName: settings.criteriaSheetName,
      dashboard: null,
      atRisk: [],
      problems: [],
      settings,
      settingsWarning: warning,
      schedule,
      sectorsInSheet: [],
      sheetNames,
    };
  }
  const evaluation = current.evaluation;
  const asOf = state && state.evaluation ? today : asOfIso(current.grid ?? null, current.layout, today, ss);
  // Leaf rows only: a parent's cell ("VP-TK (Nội vụ)") labels the group and would add a duplicate sector.
  // Raw names (not SectorResolver's canonical ones): the sidebar filter matches the rows' own cells.
  const sectors = new Set<string>();
  for (const r of evaluation.rows) {
    if (!r.isLeaf) continue;
    for (const name of splitSectorCell(r.sector)) if (!isAllSectors(name) && name !== '—') sectors.add(name);
  }
  return {
    language: settings.language,
    sheetFound: true,
    sheetMessage: state && !state.ok ? state.message : null,
    sheetName: current.layout.sheetName,
    dashboard: dashboard(evaluation, settings.communeName, settings.year, asOf, ss, history),
    atRisk: atRiskItems(evaluation),
    problems: current.problems,
    settings,
    settingsWarning: warning,
    schedule,
    sectorsInSheet: [...sectors],
    sheetNames,
  };
}

// ── Sidebar calls ──

function actionResult(run: () => SheetState): ActionResult {
  try {
    const state = run();
    return { ok: state.ok, message: state.message, data: buildSidebarData(state) };
  } catch (error) {
    if (error instanceof BusyError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Sidebar: create the sample criteria tab (or re-check its set-up). */
export function sidebarSetupSampleAction(): ActionResult {
  return actionResult(() => setupSample());
}

/** Sidebar: attach to an existing tab. */
export function sidebarAttachSheetAction(sheetName: string): ActionResult {
  return actionResult(() => attachSheet(sheetName));
}

/** Sidebar: recompute + highlight. */
export function sidebarRecomputeAction(): ActionResult {
  return actionResult(() => recompute(new Date(), { listTabs: true }));
}

/** Sidebar: check data (read only). */
export function sidebarCheckDataAction(): ActionResult {
  return actionResult(() => checkData(new Date(), { listTabs: true }));
}

/** Sidebar: select the cell of a problem. */
export function sidebarSelectCellAction(row: number, column: string | number | null): ActionResult {
  const result = selectCell(row, column);
  return { ok: result.ok, message: result.message };
}

/**
 * Sidebar: validate and store settings. When a setting the sheet shows changed (bands, near-deadline days,
 * criteria tab), the sheet is recomputed so its block and formulas follow.
 */
export function sidebarSaveSettingsAction(input: unknown): SaveSettingsResult {
  const before = loadSettings().settings;
  const saved = saveSettings(input);
  if (!saved.ok) {
    return { ok: false, message: 'Cài đặt chưa được lưu: có trường không hợp lệ.', errors: saved.errors };
  }
  try {
    syncScheduleWithSettings();
  } catch {
    // Re-synced the next time the sidebar opens (never from the daily run itself).
  }
  const after = saved.settings;
  const sheetChanged =
    before.nearDeadlineDays !== after.nearDeadlineDays ||
    before.criteriaSheetName !== after.criteriaSheetName ||
    JSON.stringify(before.bands) !== JSON.stringify(after.bands);
  let state: SheetState | undefined;
  let note = '';
  if (sheetChanged) {
    try {
      state = recompute(new Date(), { listTabs: true });
      if (!state.ok) note = ` ${state.message}`;
    } catch (error) {
      note = ` ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { ok: true, message: `Đã lưu cài đặt.${note}`, errors: [], data: buildSidebarData(state) };
}
