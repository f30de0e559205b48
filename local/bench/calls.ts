// Spreadsheet service calls of the add-in's recompute paths on the BUILT bundle (dist/Code.js), per
// operation, in their worst case: the day moved on (the as-of date and every status change are written),
// the document cache expired (the spreadsheet's time zone, asked because the table holds dates, and its id,
// asked for the schedule state), the workbook has a history tab with snapshots and more tabs than the
// criteria tab. npm run bench records these figures (out/bench.json); test/local/calls.test.ts pins them at
// 100, 1,000 and 10,000 rows against the budget of design.md (≤ 10 calls, ≤ 4 reads and writes).
import type vm from 'node:vm';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { createStandIn } from '../gas/index';
import { loadBundle } from '../gas/loadBundle';
import { clockAt, installClock } from '../demo/clock';
import { BENCH_SHEET, benchTable, writeBenchTable } from './table';

// Classes of the Spreadsheet service family, as the stand-in names them in its counter.
const SPREADSHEET_CLASSES =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|ConditionalFormatRule|ConditionalFormatRuleBuilder|BooleanCondition|DataValidation|DataValidationBuilder|EmbeddedChart|EmbeddedChartBuilder|Protection|NamedRange|DeveloperMetadata)\./;
// Calls that move cell data or rules between the script and the sheet (the round trips that cost time in
// Apps Script); getters on objects already fetched (getName, getRow, a rule's getRanges…) are not among them.
const IO_CALL =
  /^(Range\.(get|set)(Values?|DisplayValues?|Formulas?|FormulasR1C1|NumberFormats?|Backgrounds?|FontColors?|FontWeights?|Notes?|DataValidations?|Wraps?)|Range\.(clear|clearContent|clearFormat)|Sheet\.(get|set|clear)ConditionalFormatRules)$/;

export interface CallCount {
  /** Every Spreadsheet service call, getters included. */
  total: number;
  /** Of which: calls that read or write cell data or rules. */
  io: number;
  byMethod: Record<string, number>;
}

/** The Spreadsheet family's calls among a stand-in counter's per-method counts. */
export function spreadsheetCalls(counts: Record<string, number>): CallCount {
  const byMethod: Record<string, number> = {};
  let total = 0;
  let io = 0;
  for (const [name, n] of Object.entries(counts)) {
    if (!SPREADSHEET_CLASSES.test(name)) continue;
    byMethod[name] = n;
    total += n;
    if (IO_CALL.test(name)) io += n;
  }
  return { total, io, byMethod };
}

export interface RecomputeCalls {
  /** The sidebar's "Tính lại" (recompute + highlight + the sidebar payload), worst case. */
  sidebarRecompute: CallCount;
  /** The same again within the day, caches warm (nothing to write). */
  sidebarRecomputeSteady: CallCount;
  /** The menu's "Tính lại điểm và tô màu" (recompute + highlight + a toast), worst case. */
  menuRecompute: CallCount;
  /** The sidebar opening (its one server call), caches expired. */
  sidebarLoad: CallCount;
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Tabs besides the criteria tab, the export tab and the history tab: finding ours must not depend on them. */
const OTHER_TABS = 5;

function call<T>(context: vm.Context, name: string, ...args: unknown[]): T {
  return ((context as Record<string, unknown>)[name] as (...a: unknown[]) => T)(...args);
}

/**
 * Sets up `rows` criteria (the bench table) on the built add-in, with a history tab and other tabs, and
 * counts each recompute path's Spreadsheet calls in its worst case.
 */
export function measureRecomputeCalls(rows: number, codePath = 'dist/Code.js'): RecomputeCalls {
  let offsetDays = 0;
  const base = clockAt('2024-06-20', TIME_ZONE);
  const now = () => new Date(base.now().getTime() + offsetDays * 86400000);
  const standIn = createStandIn({ now, timeZone: TIME_ZONE });
  const context = loadBundle(standIn, codePath);
  installClock(context, { iso: base.iso, now });
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  writeBenchTable(ss, benchTable(rows, 2024, TIME_ZONE));
  for (let i = 1; i <= OTHER_TABS; i++) ss.insertSheet(`Ghi chép ${i}`).getRange('A1').setValue(i);
  const attached = call<ActionResult>(context, 'sidebarAttachSheet', BENCH_SHEET);
  if (!attached.ok) throw new Error(`set-up failed at ${rows} rows: ${attached.message}`);
  standIn.recalculate();
  for (const snapshot of ['sidebarSnapshotNow', 'sidebarSnapshotNow']) {
    offsetDays += 31;
    const taken = call<ActionResult>(context, snapshot);
    if (!taken.ok) throw new Error(`snapshot failed at ${rows} rows: ${taken.message}`);
  }
  // Formulas settled: the custom functions' own calls are Sheets' work (executions per edit), not counted here.
  standIn.recalculate();

  const count = (name: string, worst: boolean): CallCount => {
    if (worst) {
      offsetDays++;
      standIn.caches.document.clear();
    }
    standIn.calls.reset();
    const toasts = standIn.ui.toasts.length;
    const result = call<ActionResult | { sheetFound: boolean } | undefined>(context, name);
    const counted = spreadsheetCalls(standIn.calls.byMethod());
    // The menu's result is its toast (an alert when it failed).
    const ok = !result ? standIn.ui.toasts.length > toasts : 'ok' in result ? result.ok : result.sheetFound;
    if (!ok) throw new Error(`${name} failed at ${rows} rows`);
    // The sidebar's payload still shows the change since the last snapshot (the history tab is there).
    const data = result && ('data' in result ? result.data : 'sheetFound' in result ? result : undefined);
    if (data && !(data as SidebarData).dashboard?.sinceSnapshot)
      throw new Error(`${name} at ${rows} rows: no change since the last snapshot`);
    standIn.recalculate();
    return counted;
  };
  return {
    sidebarRecompute: count('sidebarRecompute', true),
    sidebarRecomputeSteady: count('sidebarRecompute', false),
    menuRecompute: count('menuRecompute', true),
    sidebarLoad: count('sidebarLoad', true),
  };
}
