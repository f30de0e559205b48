// Everything the sidebar shows, in one payload (the sidebar opens with one server call): the dashboard from
// evaluate(), the at-risk list ordered by points at stake, the problems with A1 and header text, settings
// (with the warning when stored ones were corrupt), the schedule state and the change since the last snapshot.
// No Date crosses google.script.run: dates are ISO strings. Only the payload: the actions are in
// sidebarActions.ts.
import { isAllSectors, splitSectorCell } from '../core/sectors';
import { byUrgency, needsAction } from '../core/summary';
import type { Evaluation } from '../core/types';
import { historySheet, readSnapshots } from '../sheets/history';
import { importReviewItems } from '../sheets/importReview';
import type { AtRiskItem, Dashboard, ScheduleState, SidebarData } from './api';
import { readUnlocked } from './roundRecord';
import { roundFigures } from './roundScores.lazy';
import { checkData } from './checkData';
import { todayIso } from './clock';
import { listTabs } from './criteriaTab';
import { scheduleStateForSidebar } from './schedule';
import { provinceView } from './provinceView';
import { loadSettings } from './settingsStore';
import type { SheetState } from './sheetState';

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
    return {
      enabled: false,
      day,
      hour,
      lastSentMonth: null,
      lastSkipped: [],
      lastTick: null,
      progressWarning: null,
    };
  }
}

/**
 * The criteria needing action (the report's and the emails' list): rows with a data error first (their whole
 * max is at stake), then losing and at-risk rows, most points at stake first.
 */
export function atRiskItems(evaluation: Evaluation): AtRiskItem[] {
  return evaluation.rows
    .filter((r) => r.isLeaf && needsAction(r))
    .sort(byUrgency)
    .map((r) => {
      const item: AtRiskItem = {
        row: r.row,
        code: r.code,
        title: r.title,
        sector: r.sector,
        status: r.status,
        risks: r.risks,
        reasons: r.reasons,
        pointsAtStake: round(r.pointsAtStake),
        deadline: r.deadline,
      };
      // The solution columns only when the table has them (absent: the sidebar shows no solution line).
      if (r.solution !== undefined) item.solution = r.solution || null;
      if (r.solutionOwner !== undefined) item.solutionOwner = r.solutionOwner || null;
      if (r.solutionDue !== undefined) item.solutionDue = r.solutionDue;
      return item;
    });
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
  // One list (often the one the action made) serves the tab names and the history tab.
  const tabs = current.tabs ?? listTabs(ss);
  const sheetNames = tabs.map((t) => t.name);
  const history = historySheet(ss, tabs, current.layout?.sheetName ?? settings.criteriaSheetName);
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
      importReview: [],
      province: provinceView(ss, sheetNames),
      roundsUnlocked: readUnlocked(),
    };
  }
  const evaluation = current.evaluation;
  // The date the evaluation used: the tab's as-of cell (see the as-of policy in clock.ts).
  const asOf = current.asOf ?? todayIso(now);
  // Leaf rows only: a parent's cell ("VP-TK (Nội vụ)") labels the group and would add a duplicate sector.
  // Raw names (not SectorResolver's canonical ones): the sidebar filter matches the rows' own cells.
  const sectors = new Set<string>();
  for (const r of evaluation.rows) {
    if (!r.isLeaf) continue;
    for (const name of splitSectorCell(r.sector)) if (!isAllSectors(name) && name !== '—') sectors.add(name);
  }
  // The appraised index (issue 14), read only when the table has a score column: the lazy module's. The
  // round figures' problems are already in current.problems (problems.ts, tableProblems).
  const c = current.layout.columns;
  const appraised =
    current.grid && (c.selfScore || c.appraisal1 || c.appraisal2 || c.appraised)
      ? roundFigures(current.grid, current.layout.sheetName, evaluation)
      : undefined;
  const board = dashboard(evaluation, settings.communeName, settings.year, asOf, ss, history);
  board.appraised = appraised;
  return {
    language: settings.language,
    sheetFound: true,
    sheetMessage: state && !state.ok ? state.message : null,
    sheetName: current.layout.sheetName,
    dashboard: board,
    atRisk: atRiskItems(evaluation),
    problems: current.problems,
    settings,
    settingsWarning: warning,
    schedule,
    sectorsInSheet: [...sectors],
    sheetNames,
    importReview: current.grid ? importReviewItems(current.grid.values, current.layout) : [],
    province: provinceView(ss, sheetNames),
    roundsUnlocked: readUnlocked(),
  };
}
