// What the sheet actions (recompute, set-up, attach, check data) return: the outcome plus what they read
// and computed, so the sidebar payload and the menu reuse it without reading the tab again. Also the shared
// steps: find the tab with the document's state, evaluate a read table, and finish after a write.
import { formatPercent, formatPoints } from '../core/format';
import { needsAction } from '../core/summary';
import { TERMS } from '../core/vocabulary';
import { evaluate } from '../core/evaluate';
import type { Settings } from '../core/settings';
import type { Evaluation } from '../core/types';
import type { HighlightMark } from '../sheets/highlight';
import type { Grid, TableLayout, TableRead } from '../sheets/table';
import type { Outcome, ProblemItem } from './api';
import { calendarDate } from './clock';
import { locateCriteria, type Located, type Tab } from './criteriaTab';
import { cacheLayout, readDocumentState, type DocumentState } from './layoutCache';
import { tableProblems } from './problems';

/** What a sheet action found and computed, for the sidebar and the menu. */
export interface SheetState extends Outcome {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** The spreadsheet the action used (the sidebar payload reuses it). */
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Every tab with its name, when no table was found (the sidebar payload offers them to attach). */
  tabs?: Tab[];
  layout: TableLayout | null;
  evaluation: Evaluation | null;
  /** Problems of the table, with A1 and header text. */
  problems: ProblemItem[];
  /** Spreadsheet write calls made by the live write (0 when everything was current). */
  writes?: number;
  /** The tab as read (check data, and every action that finishes through finish()). */
  grid?: Grid;
  /** yyyy-mm-dd: the as-of date the evaluation used (see the as-of policy in clock.ts). */
  asOf?: string;
}

export function evaluateRead(
  read: Extract<TableRead, { ok: true }>,
  settings: Settings,
  iso: string,
): Evaluation {
  return evaluate(read.rows, {
    today: calendarDate(iso),
    nearDeadlineDays: settings.nearDeadlineDays,
    bands: settings.bands,
    pointsDecimals: settings.pointsDecimals,
  });
}

function summaryMessage(e: Evaluation): string {
  const index = e.index === null ? TERMS.noData.vi : formatPercent('vi', e.index * 100);
  const atRisk = e.rows.filter((r) => r.isLeaf && needsAction(r)).length;
  const errors = e.problems.filter((p) => p.severity === 'error').length;
  return (
    `Tổng ${formatPoints('vi', e.total)}/${formatPoints('vi', e.applicableMax)} điểm, chỉ số ${index}` +
    (e.classification ? `, xếp loại ${e.classification}` : '') +
    `; ${atRisk} ${TERMS.actionList.vi.toLowerCase()}` +
    (errors ? `; ${errors} lỗi dữ liệu (xem "Kiểm tra dữ liệu").` : '.')
  );
}

export type FoundTab =
  | { ok: false; failed: SheetState }
  | {
      ok: true;
      ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
      doc: DocumentState;
      settings: Settings;
      located: Extract<Located, { ok: true }>;
    };

/** The document's state (settings, layout cache) and its criteria tab, or the SheetState that says why the tab was not found. */
export function findCriteriaTab(): FoundTab {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const doc = readDocumentState();
  const { settings } = doc;
  const located = locateCriteria(ss, settings, true, { knownName: doc.cache?.sheetName });
  if (!located.ok) {
    const failed: SheetState = {
      ok: false,
      message: located.message,
      sheet: located.sheet,
      layout: null,
      evaluation: null,
      problems: [],
      spreadsheet: ss,
      tabs: located.tabs,
    };
    return { ok: false, failed };
  }
  return { ok: true, ss, doc, settings, located };
}

export interface Finish {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
  layout: TableLayout;
  read: Extract<TableRead, { ok: true }>;
  settings: Settings;
  iso: string;
  prefix: string;
  rules: HighlightMark | null;
  writes?: number;
  doc?: DocumentState;
}

export function finish(f: Finish): SheetState {
  const { sheet, layout, read } = f;
  const evaluation = evaluateRead(read, f.settings, f.iso);
  cacheLayout(sheet, f.name, layout, f.rules, f.doc);
  const problems = tableProblems({ ...read, grid: { ...read.grid, formulas: null } }, evaluation);
  return {
    ok: true,
    message: f.prefix + summaryMessage(evaluation),
    sheet,
    spreadsheet: f.ss,
    layout,
    evaluation,
    problems,
    writes: f.writes,
    asOf: f.iso,
    grid: read.grid,
  };
}
