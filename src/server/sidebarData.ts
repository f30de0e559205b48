// Everything the sidebar shows, in one payload (the sidebar opens with one server call): the dashboard from
// evaluate(), the at-risk list ordered by points at stake, the problems with A1 and header text, settings
// (with the warning when stored ones were corrupt), the schedule state and the change since the last snapshot.
// No Date crosses google.script.run: dates are ISO strings. Only the payload: the actions are in
// sidebarActions.ts.
import { isAllSectors, splitSectorCell } from '../core/sectors';
import { byUrgency, needsAction } from '../core/summary';
import type { Evaluation } from '../core/types';
import { LAST_SNAPSHOT_KEY, lastSnapshot, type LastSnapshot } from '../sheets/history';
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
  last: LastSnapshot | null,
): Dashboard {
  const indexPercent = evaluation.index === null ? null : round(evaluation.index * 100);
  // Only a snapshot from before the as-of date: one taken that day (the monthly send, a demo run that has
  // just saved it) would compare the figures with themselves ("0 điểm").
  const earlier = last && last.date < asOf ? last : null;
  const sinceSnapshot: Dashboard['sinceSnapshot'] = earlier && {
    date: earlier.date,
    totalDelta: round(evaluation.total - earlier.total),
    indexPercentDelta:
      indexPercent === null || earlier.indexPercent === null
        ? null
        : round(indexPercent - earlier.indexPercent),
  };
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

/** The history tab's last snapshot (a document property; never throws: without it, no "since" line). */
function safeLastSnapshot(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, criteriaSheetName: string) {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(LAST_SNAPSHOT_KEY);
    return lastSnapshot(ss, raw, criteriaSheetName);
  } catch {
    return null;
  }
}

/**
 * Builds the sidebar payload. `state` reuses what an action just read and computed (no second read);
 * without it the criteria tab is read once (values + formulas). Never throws for sheet content.
 *
 * With a table, its Spreadsheet calls are those of the read (or of the action) plus the spreadsheet's id for
 * the schedule when its cache expired: the tabs are not listed (only the no-table view offers them to attach,
 * and only that view shows the province card), the change since the last snapshot comes from its record in
 * document properties (sheets/history.ts). Without a table, the tab list the search made serves the names
 * and the province card.
 */
export function buildSidebarData(state?: SheetState, now: Date = new Date()): SidebarData {
  const { settings, warning } = loadSettings();
  const current = state && state.evaluation && state.layout ? state : checkData(now);
  const ss = current.spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet();
  const schedule = safeSchedule(settings.scheduleDay, settings.scheduleHour, ss);
  if (!current.evaluation || !current.layout) {
    const sheetNames = (current.tabs ?? listTabs(ss)).map((t) => t.name);
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
      today: todayIso(now),
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
  const last = safeLastSnapshot(ss, current.layout.sheetName);
  const board = dashboard(evaluation, settings.communeName, settings.year, asOf, last);
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
    sheetNames: [],
    importReview: current.grid ? importReviewItems(current.grid.values, current.layout) : [],
    province: null,
    roundsUnlocked: readUnlocked(),
    today: todayIso(now),
  };
}
