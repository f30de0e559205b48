// What one edit costs in custom-function executions (each one a separate Apps Script execution in Sheets,
// loading the whole bundle): the stand-in recalculates by dependency, as Sheets does, and records every
// execution with its duration. An edit is the typing of one leaf's Kết quả (a count, ĐẾM rule): the value
// goes up by one, then back, `runs` times.
import { unwrapped } from '../../src/sheets/formulaGuard';
import { formulaArgs } from '../../src/sheets/outputFormulas';
import type { StandIn } from '../gas/index';
import { coldExecution, type ColdExecution } from './engine';
import type { BenchTable } from './table';

export interface EditCost {
  /** Custom-function executions one edit triggers (the same on every run). */
  executionsPerEdit: number;
  /** Which functions ran, by name. */
  functions: Record<string, number>;
  /** The slowest single execution of an edit (wall ms): median over the runs, and the maximum. */
  executionMs: number;
  executionMaxMs: number;
  /** The same in CPU time of the process: median over the runs. */
  executionCpuMs: number;
  /** Executions of a full recalculation (opening the sheet, a formula rewritten). */
  executionsPerOpen: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The row of the first leaf whose rule is a count and whose result is a number (an easy, valid edit). */
export function editRow(table: BenchTable): number {
  const { columns } = table;
  const i = table.values.findIndex(
    (row, k) =>
      k > 0 && String(row[columns.rule - 1]).startsWith('ĐẾM') && typeof row[columns.actual - 1] === 'number',
  );
  if (i < 0) throw new Error('no count leaf to edit');
  return table.headerRow + i;
}

export function measureEdits(
  standIn: StandIn,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: BenchTable,
  runs: number,
): EditCost {
  standIn.executions(); // what earlier writes cost is not this measurement's
  standIn.recalculate();
  const executionsPerOpen = standIn.executions().length;
  const cell = sheet.getRange(editRow(table), table.columns.actual);
  const start = cell.getValue() as number;
  const counts: number[] = [];
  const slowest: number[] = [];
  const slowestCpu: number[] = [];
  let functions: Record<string, number> = {};
  for (let i = 0; i < Math.max(2, runs); i++) {
    cell.setValue(i % 2 === 0 ? start + 1 : start);
    const edit = standIn.executions();
    counts.push(edit.length);
    slowest.push(Math.max(0, ...edit.map((e) => e.ms)));
    slowestCpu.push(Math.max(0, ...edit.map((e) => e.cpuMs)));
    if (i === 0) {
      functions = {};
      for (const e of edit) functions[e.name] = (functions[e.name] ?? 0) + 1;
    }
  }
  cell.setValue(start);
  standIn.executions();
  if (new Set(counts).size !== 1) throw new Error(`executions per edit vary: ${counts.join(', ')}`);
  return {
    executionsPerEdit: counts[0],
    functions,
    executionMs: round(median(slowest)),
    executionMaxMs: round(Math.max(...slowest)),
    executionCpuMs: round(median(slowestCpu)),
    executionsPerOpen,
  };
}

/**
 * The arguments Sheets hands a formula's custom function: ranges as 2-D arrays, cells as values. The
 * add-in's formulas are `=ARRAYFORMULA(CCHC_X(IFERROR(range,"#LỖI!"), …))`: the wrapper and the guards are
 * read through (the bench's tables hold no error cells).
 */
function argumentsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, formula: string): unknown[] {
  return formulaArgs(unwrapped(formula)).map((raw) => {
    const arg = /^IFERROR\((.*),\s*"[^"]*"\)$/is.exec(raw)?.[1] ?? raw;
    const text = /^"(.*)"$/s.exec(arg);
    if (text) return text[1].replace(/""/g, '"');
    if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
    const range = sheet.getRange(arg.replace(/\$/g, ''));
    return range.getNumRows() * range.getNumColumns() === 1 ? range.getValue() : range.getValues();
  });
}

/**
 * Each custom-function formula of the tab run as Sheets runs it (a fresh process: load the bundle, one cold
 * call), with the values the sheet holds, `repeat` times: the median of each figure. The slowest is what a
 * user waits for after an edit.
 */
export async function coldExecutions(
  code: string,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  repeat = 3,
): Promise<Record<string, ColdExecution>> {
  const out: Record<string, ColdExecution> = {};
  const formulas = sheet.getDataRange().getFormulas();
  for (const row of formulas) {
    for (const f of row) {
      const name = /^=\s*(CCHC_[A-Z_]+)\(/.exec(unwrapped(f))?.[1];
      if (!name || out[name]) continue;
      const args = argumentsOf(sheet, f);
      const runs: ColdExecution[] = [];
      for (let i = 0; i < repeat; i++) runs.push(await coldExecution(code, name, args));
      const mid = (k: keyof ColdExecution) => median(runs.map((r) => r[k]));
      out[name] = {
        loadMs: mid('loadMs'),
        loadCpuMs: mid('loadCpuMs'),
        callMs: mid('callMs'),
        callCpuMs: mid('callCpuMs'),
      };
    }
  }
  return out;
}

/**
 * The issue's own measure: on the embedded sample as set-up writes it (74 rows), the typing of one leaf's
 * Kết quả (1.4, a count) costs this many executions, the slowest taking this long (CPU ms, median of runs).
 */
export function measureSampleEdit(
  standIn: StandIn,
  context: Record<string, unknown>,
  runs: number,
): { executionsPerEdit: number; functions: Record<string, number>; executionMs: number } {
  const setup = (context.sidebarSetupSample as () => { ok: boolean; message: string })();
  if (!setup.ok) throw new Error(setup.message);
  const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí');
  if (!sheet) throw new Error('no sample tab');
  const values = sheet.getDataRange().getValues();
  const header = values.findIndex((row) => row[0] === 'Mã');
  const row = values.findIndex((r) => r[0] === '1.4') + 1;
  const actual = values[header].indexOf('Kết quả') + 1;
  if (header < 0 || row <= 0 || actual <= 0) throw new Error('sample layout not found');
  standIn.executions();
  const counts: number[] = [];
  const slowest: number[] = [];
  let functions: Record<string, number> = {};
  for (let i = 0; i < Math.max(2, runs); i++) {
    sheet.getRange(row, actual).setValue(i % 2 === 0 ? 4 : 5);
    const edit = standIn.executions();
    counts.push(edit.length);
    slowest.push(Math.max(0, ...edit.map((e) => e.cpuMs)));
    if (i === 0) {
      functions = {};
      for (const e of edit) functions[e.name] = (functions[e.name] ?? 0) + 1;
    }
  }
  if (new Set(counts).size !== 1) throw new Error(`executions per edit vary: ${counts.join(', ')}`);
  return { executionsPerEdit: counts[0], functions, executionMs: round(median(slowest)) };
}
