// Set-up and the live update. Set-up turns a tab into a working criteria sheet: output columns (Điểm, Trạng
// thái, Lý do) filled by ONE spilling CCHC_OUTPUTS call in the first data row (outputFormulas.ts), the
// summary block to the right (summaryBlock.ts), input help, frozen header, column widths and row colours.
// The live update (recompute) plans where things go (outputPlan.ts), refuses over user content
// (outputConflicts.ts) and (re)writes the formulas and the block in one batch (liveWrite.ts).
//
// Safety: nothing is written into an input cell, and a value or formula the user placed in an output column
// is never overwritten: set-up and recompute refuse with a message naming the cells (refusal happens before
// any write). Running set-up twice changes nothing the second time.
import type { Band, CellValue, CriteriaRow } from '../core/types';
import { HEADER_TEXT, OUTPUT_COLUMNS } from './headers';
import { applyHighlight, type HighlightMark } from './highlight';
import { sampleGrid, SAMPLE_COLUMNS } from './sample';
import { grid766 } from './template766';
import { outputFormulas } from './outputFormulas';
import { BLOCK_LABELS, BLOCK_WIDTH, blockBody, type BlockCell, type BlockPosition } from './summaryBlock';
import { cell, formulaAt, isDateValue, readTable, type Grid, type TableLayout } from './table';
import { applyInputHelp } from './validation';
import { conflictMessage, findOutputConflicts, type OutputConflict } from './outputConflicts';
import {
  areaCount,
  planOutputs,
  STAKE_HEADER,
  tableRanges,
  writeCodesColumn,
  type OutputPlan,
} from './outputPlan';
import { ensureSize, formatBlock, outputColumnsOf, sameValue, staleBlockRows, writeLive } from './liveWrite';
import { formatResults } from './resultFormats';

/** Options of the live write and set-up. */
export interface LiveOptions {
  /**
   * The "as of" date written into the block: a Date (midnight in the spreadsheet's time zone) or its serial
   * number (a calendar date whatever the zone: the cell's date format shows it as a date).
   */
  asOf: Date | number;
  nearDeadlineDays: number;
  bands: Band[];
  /** Rounding of each criterion's points, written into the block's rounding cell (null: blank, none). */
  pointsDecimals?: number | null;
  /** Whether the as-of cell already shows `asOf` (needed with a serial: the cell reads back as a Date). */
  asOfShown?: (value: CellValue) => boolean;
  /** What our rules looked like after the last write (see applyHighlight); absent: inspect every rule. */
  rulesMark?: HighlightMark | null;
}

// ── Live update (recompute) ──

export type LiveUpdate =
  | {
      kind: 'done';
      layout: TableLayout;
      plan: OutputPlan;
      writes: number;
      highlighted: boolean;
      rulesMark: HighlightMark;
    }
  | { kind: 'refused'; message: string; conflicts: OutputConflict[] }
  | { kind: 'needsSetup' };

/**
 * True when the block's labels or its summary call are not where this body puts them (new area, bands
 * changed, block shrank, an older block of one formula per figure).
 */
function blockShapeChanged(grid: Grid, plan: OutputPlan, body: BlockCell[][]): boolean {
  if (staleBlockRows(grid, plan.block, body.length) > 0) return true;
  return body.some((line, i) => {
    const b = line[0];
    const row = plan.block.row + 1 + i;
    const f = formulaAt(grid, row, plan.block.column);
    if (b.spill) return f !== '';
    if (b.formula !== undefined) return f.replace(/\(.*/s, '') !== b.formula.replace(/\(.*/s, '');
    return !sameValue(cell(grid, row, plan.block.column), b.value ?? '');
  });
}

/** True when the block's title says the tab holds the sample. */
function isSampleBlock(grid: Grid, block: BlockPosition): boolean {
  return cell(grid, block.row, block.column) === BLOCK_LABELS.sampleTitle;
}

/**
 * The recompute write on a tab read in one batch (with formulas): refuses (writing nothing) when an output
 * column holds user content; asks for the full set-up when outputs or the block are missing; otherwise
 * writes outputs + block in (usually) one call when anything changed, and refreshes our row colours.
 */
export function liveUpdate(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  read: { layout: TableLayout; rows: CriteriaRow[]; grid: Grid },
  options: LiveOptions,
): LiveUpdate {
  const { layout, rows, grid } = read;
  if (OUTPUT_COLUMNS.some((k) => layout.columns[k] === undefined)) return { kind: 'needsSetup' };
  const areas = areaCount(rows);
  const plan = planOutputs(grid, layout, areas, options.bands.length);
  const conflicts = findOutputConflicts(grid, layout, plan.columns, plan.stake);
  if (conflicts.length)
    return { kind: 'refused', message: conflictMessage(conflicts, layout, layout.headers), conflicts };
  if (!plan.blockFound) return { kind: 'needsSetup' };
  const body = blockBody(
    plan.block,
    tableRanges(layout, plan.columns, plan.codesColumn),
    options.asOf,
    options.nearDeadlineDays,
    areas,
    options.bands,
    options.pointsDecimals ?? null,
  );
  if (plan.block.row + body.length > grid.rows)
    ensureSize(sheet, plan.block.row + body.length, plan.block.column + BLOCK_WIDTH - 1);
  // A serial shows as a date only under a date format: restore it if the cell lost it.
  const asOfLost =
    typeof options.asOf === 'number' && !isDateValue(cell(grid, plan.block.row + 1, plan.block.column + 1));
  const reshaped = blockShapeChanged(grid, plan, body) || asOfLost;
  const formulas = outputFormulas(
    tableRanges(layout, plan.columns, plan.codesColumn),
    plan.block,
    plan.columns,
    areas,
    options.bands.length,
    plan.stake,
  );
  if (plan.codesColumn !== null && plan.codesColumn > sheet.getMaxColumns())
    ensureSize(sheet, plan.block.row + body.length, plan.codesColumn);
  const writes =
    writeLive(sheet, grid, layout, plan, body, formulas, options.asOfShown) +
    writeCodesColumn(sheet, grid, layout, plan);
  if (reshaped) formatBlock(sheet, plan, body, isSampleBlock(grid, plan.block));
  const highlight = applyHighlight(sheet, highlightArea(layout, plan), options.rulesMark);
  return { kind: 'done', layout, plan, writes, highlighted: highlight.wrote, rulesMark: highlight.mark };
}

// ── Set-up ──

export interface SetupOptions extends LiveOptions {
  /** The tab holds the embedded sample: the block title says so. */
  sample?: boolean;
}

export type SetupResult =
  | {
      ok: true;
      layout: TableLayout;
      rows: CriteriaRow[];
      plan: OutputPlan;
      changed: boolean;
      rulesMark: HighlightMark;
    }
  | { ok: false; message: string };

/**
 * Makes `sheet` a working criteria sheet (idempotent). Refuses, writing nothing, when the table cannot be
 * found or an output column holds user content.
 */
export function setupSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, options: SetupOptions): SetupResult {
  const read = readTable(sheet, true);
  if (!read.ok) return { ok: false, message: read.message };
  const { layout, rows, grid } = read;
  const areas = areaCount(rows);
  // Set-up adds the points-at-stake column when the column right of the outputs is free.
  const plan = planOutputs(grid, layout, areas, options.bands.length, true);
  const conflicts = findOutputConflicts(grid, layout, plan.columns, plan.stake);
  if (conflicts.length) return { ok: false, message: conflictMessage(conflicts, layout, layout.headers) };

  const body = blockBody(
    plan.block,
    tableRanges(layout, plan.columns, plan.codesColumn),
    options.asOf,
    options.nearDeadlineDays,
    areas,
    options.bands,
    options.pointsDecimals ?? null,
  );
  const outCols = outputColumnsOf(plan);
  const lastOut = outCols[outCols.length - 1];
  ensureSize(
    sheet,
    Math.max(plan.block.row + body.length, layout.firstDataRow),
    Math.max(lastOut, plan.block.column + BLOCK_WIDTH - 1, plan.codesColumn ?? 0),
  );

  let changed = false;
  // Headers of new output columns.
  for (const key of plan.added) {
    sheet.getRange(layout.headerRow, plan.columns[key]).setValue(HEADER_TEXT[key].vi);
    changed = true;
  }
  if (plan.stake !== null && cell(grid, layout.headerRow, plan.stake) !== STAKE_HEADER) {
    sheet.getRange(layout.headerRow, plan.stake).setValue(STAKE_HEADER);
    changed = true;
  }
  const outputs = {
    ...layout,
    columns: { ...layout.columns, ...plan.columns },
    headers: { ...layout.headers },
  };
  for (const key of plan.added) outputs.headers[key] = HEADER_TEXT[key].vi;
  const ranges = tableRanges(layout, plan.columns, plan.codesColumn);
  const written = writeLive(
    sheet,
    grid,
    outputs,
    plan,
    body,
    outputFormulas(ranges, plan.block, plan.columns, areas, options.bands.length, plan.stake),
    options.asOfShown,
  );
  if (written + writeCodesColumn(sheet, grid, outputs, plan) > 0) changed = true;

  formatBlock(sheet, plan, body, options.sample ?? (plan.blockFound && isSampleBlock(grid, plan.block)));
  for (const c of outCols) {
    sheet.getRange(layout.headerRow, c).setFontWeight('bold').setBackground('#cfe2f3');
  }
  sheet
    .getRange(layout.firstDataRow, plan.columns.reason, Math.max(layout.lastDataRow - layout.headerRow, 1), 1)
    .setWrap(true);
  applyInputHelp(sheet, outputs, rows);
  formatResults(sheet, outputs, rows);
  if (layout.headerRow <= 10) sheet.setFrozenRows(layout.headerRow);
  sizeColumns(sheet, plan, outputs, !!options.sample);
  // Set-up always inspects every rule (it is the repair path): no mark passed.
  const highlight = applyHighlight(sheet, highlightArea(outputs, plan));
  protectOutputs(sheet, layout, plan);
  return { ok: true, layout: outputs, rows, plan, changed, rulesMark: highlight.mark };
}

/** Description of our warning-only protections (how set-up recognises them). */
export const PROTECTION_NOTE =
  'CCHC Scorecard: cột do tiện ích tính (Điểm, Trạng thái, Lý do) – không nhập tay';

/**
 * Warning-only protection of the output columns (header to the sheet's end), so a user typing there is
 * warned before breaking the spill. Scripts are not blocked. Replaced only when its ranges changed.
 */
function protectOutputs(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  plan: OutputPlan,
): void {
  const cols = outputColumnsOf(plan);
  const runs: [number, number][] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  const rows = sheet.getMaxRows() - layout.firstDataRow + 1;
  const wanted = runs.map(([from, to]) => sheet.getRange(layout.firstDataRow, from, rows, to - from + 1));
  const ours = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === PROTECTION_NOTE);
  const have = ours.map((p) => p.getRange().getA1Notation()).join(',');
  if (have === wanted.map((r) => r.getA1Notation()).join(',')) return;
  for (const p of ours) p.remove();
  for (const range of wanted) range.protect().setDescription(PROTECTION_NOTE).setWarningOnly(true);
}

/** Whole table rows, first table column to the last output column (the points at stake included). */
export function highlightArea(
  layout: TableLayout,
  plan: OutputPlan,
): {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  statusColumn: number;
  reasonColumn: number;
  solutionColumn?: number;
  solutionDueColumn?: number;
} {
  const cols = [...Object.values(layout.columns), ...Object.values(plan.columns)] as number[];
  return {
    firstRow: layout.firstDataRow,
    lastRow: Math.max(layout.lastDataRow, layout.firstDataRow),
    firstColumn: Math.min(...cols),
    lastColumn: Math.max(...outputColumnsOf(plan)),
    statusColumn: plan.columns.status,
    reasonColumn: plan.columns.reason,
    solutionColumn: layout.columns.solution,
    solutionDueColumn: layout.columns.solutionDue,
  };
}

const SAMPLE_WIDTHS: Record<string, number> = {
  code: 60,
  title: 380,
  max: 80,
  rule: 230,
  target: 90,
  actual: 100,
  evidence: 160,
  sector: 130,
  deadline: 95,
  notes: 160,
  appraised: 100,
  solution: 220,
  solutionOwner: 130,
  solutionDue: 95,
};

function sizeColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  plan: OutputPlan,
  layout: TableLayout,
  sample: boolean,
): void {
  if (sample) {
    for (const key of SAMPLE_COLUMNS) {
      const c = layout.columns[key];
      if (c !== undefined) sheet.setColumnWidth(c, SAMPLE_WIDTHS[key]);
    }
  }
  sheet.setColumnWidth(plan.columns.score, 70);
  sheet.setColumnWidth(plan.columns.status, 110);
  sheet.setColumnWidth(plan.columns.reason, 320);
  if (plan.stake !== null) sheet.setColumnWidth(plan.stake, 120);
  sheet.setColumnWidth(plan.block.column, 230);
  sheet.setColumnWidth(plan.block.column + 1, 110);
  sheet.setColumnWidth(plan.block.column + 2, 80);
}

/**
 * The embedded sample's own text (not a user's): only a leading = + - @ that is not a signed number is
 * quoted, so the sample's typed percentages and numbers still arrive as numbers.
 */
function sampleText(value: CellValue): CellValue {
  return typeof value === 'string' && /^[=+\-@]/.test(value) && !/^[+-]?\d/.test(value) ? `'${value}` : value;
}

/** Writes the embedded sample (titles, header, 74 rows) on an empty tab, then sets it up. */
export function writeSample(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  year: number,
  makeDate: (year: number, month: number, day: number) => Date,
): void {
  writeTemplateGrid(sheet, sampleGrid(year, makeDate));
}

/** Writes the embedded Bộ chỉ số 766 (titles, header, 6 groups and their criteria) on an empty tab. */
export function writeTemplate766(sheet: GoogleAppsScript.Spreadsheet.Sheet, year: number): void {
  writeTemplateGrid(sheet, grid766(year));
}

/** An embedded set as cells: title rows, header, data rows with their number formats. */
interface TemplateGrid {
  values: CellValue[][];
  numberFormats: string[][];
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
}

function writeTemplateGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, sample: TemplateGrid): void {
  const width = sample.values[sample.headerRow - 1].length;
  ensureSize(sheet, sample.lastDataRow + 20, width + 8);
  // Formats first: the code column as text before "1.10" is written, percentages, dates.
  const data = sheet.getRange(sample.firstDataRow, 1, sample.lastDataRow - sample.headerRow, width);
  data.setNumberFormats(sample.numberFormats);
  // The code column is plain text ("@"), so "+" and "-" stay as typed; elsewhere formula-like text is quoted.
  sheet
    .getRange(1, 1, sample.values.length, width)
    .setValues(sample.values.map((row) => row.map((v, c) => (c === 0 ? v : sampleText(v)))));
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
  sheet.getRange(2, 1).setFontStyle('italic').setFontColor('#cc0000');
  sheet.getRange(sample.headerRow, 1, 1, width).setFontWeight('bold').setBackground('#d9d9d9').setWrap(true);
  // Area rows bold, so the hierarchy reads at a glance.
  const weights = sample.values
    .slice(sample.headerRow)
    .map((row) => new Array(width).fill(/^\d+$/.test(String(row[0])) ? 'bold' : 'normal'));
  data.setFontWeights(weights);
  sheet.getRange(sample.firstDataRow, 2, sample.lastDataRow - sample.headerRow, 1).setWrap(true);
}
