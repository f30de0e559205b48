// Set-up and the live write. Set-up turns a tab into a working criteria sheet: output columns (Điểm, Trạng
// thái, Lý do) filled by ONE spilling CCHC_OUTPUTS call in the first data row (outputFormulas.ts), the
// summary block to the right (summaryBlock.ts), input
// help, frozen header, column widths and row colours. The live write (also used by recompute) (re)writes the
// output formulas and the block in one batch when the cells between them allow it.
//
// Safety: nothing is written into an input cell, and a value or formula the user placed in an output column
// is never overwritten: set-up and recompute refuse with a message naming the cells (refusal happens before
// any write). Running set-up twice changes nothing the second time.
import type { Band, CellValue, ColumnKey, CriteriaRow, OutputColumn } from '../core/types';
import { a1, HEADER_TEXT, OUTPUT_COLUMNS } from './headers';
import { applyHighlight, type HighlightMark } from './highlight';
import { sampleGrid, SAMPLE_COLUMNS } from './sample';
import { grid766 } from './template766';
import { OUR_OUTPUT_FORMULA, outputFormulas, spillWidth } from './outputFormulas';
import {
  BLOCK_LABELS,
  BLOCK_WIDTH,
  blockBody,
  blockHeight,
  columnRange,
  findBlock,
  type BlockCell,
  type BlockPosition,
  type TableRanges,
} from './summaryBlock';
import { analyseTable } from '../core/criteria';
import { cell, formulaAt, isBlank, isDateValue, readTable, type Grid, type TableLayout } from './table';
import { applyInputHelp } from './validation';
import { asTextCell } from './cellText';

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

/** Where the outputs and the block are (or will be) on the tab. */
export interface OutputPlan {
  columns: Record<OutputColumn, number>;
  /** Output columns that do not exist yet (set-up writes their header). */
  added: OutputColumn[];
  block: BlockPosition;
  /** True when the block already existed on the tab. */
  blockFound: boolean;
}

/** A cell of an output column holding something the user put there. */
export interface OutputConflict {
  row: number;
  column: number;
  key: OutputColumn;
  /** A formula or a value. */
  kind: 'formula' | 'value';
}

// ── Reading what is there ──

function hasOwnContentAt(grid: Grid, row: number, column: number): boolean {
  return formulaAt(grid, row, column) !== '' || !isBlank(cell(grid, row, column));
}

/** True when a value is a Sheets error shown in a cell (#REF! when a spill is blocked, #ERROR!, …). */
function isErrorCode(value: CellValue): boolean {
  return (
    typeof value === 'string' && /^#(REF!|ERROR!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/.test(value.trim())
  );
}

/**
 * Cells of the output columns (data rows) that hold user content: any formula other than ours in the first
 * data row, any formula below it, and any value that is not the spill of a formula of ours (a CCHC_OUTPUTS
 * call fills the adjacent output columns it names; an older CCHC_POINTS/STATUS/REASON only its own). When our
 * formula's spill is blocked (#REF!), the blocking values are the user's by definition.
 */
export function findOutputConflicts(
  grid: Grid,
  layout: TableLayout,
  columns: Partial<Record<OutputColumn, number>>,
): OutputConflict[] {
  const out: OutputConflict[] = [];
  const outCols = new Set(Object.values(columns));
  // The formula of ours whose spill covers column c (its anchor may be c itself), left through output columns.
  const anchorOf = (c: number): number | null => {
    for (let a = c; outCols.has(a); a--) {
      const f = formulaAt(grid, layout.firstDataRow, a);
      if (f === '') continue;
      return spillWidth(f) > c - a ? a : null;
    }
    return null;
  };
  for (const key of OUTPUT_COLUMNS) {
    const c = columns[key];
    if (c === undefined) continue;
    const anchor = anchorOf(c);
    const spills = anchor !== null && !isErrorCode(cell(grid, layout.firstDataRow, anchor));
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      const f = formulaAt(grid, r, c);
      if (r === layout.firstDataRow) {
        if (f !== '' && !OUR_OUTPUT_FORMULA.test(f)) out.push({ row: r, column: c, key, kind: 'formula' });
        else if (f === '' && !spills && !isBlank(cell(grid, r, c)))
          out.push({ row: r, column: c, key, kind: 'value' });
      } else if (f !== '') out.push({ row: r, column: c, key, kind: 'formula' });
      else if (!spills && !isBlank(cell(grid, r, c))) out.push({ row: r, column: c, key, kind: 'value' });
    }
  }
  return out;
}

/** The refusal message: which cells, and what to do. */
export function conflictMessage(
  conflicts: OutputConflict[],
  layout: TableLayout,
  headers: Partial<Record<ColumnKey, string>>,
): string {
  const byKey = new Map<OutputColumn, OutputConflict[]>();
  for (const c of conflicts) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const parts = [...byKey].map(([key, list]) => {
    const cells = list.slice(0, 5).map((c) => a1(c.row, c.column));
    const more = list.length > 5 ? ` và ${list.length - 5} ô khác` : '';
    return `cột "${headers[key] ?? HEADER_TEXT[key].vi}": ${cells.join(', ')}${more}`;
  });
  return (
    `Trang "${layout.sheetName}": các cột kết quả do tiện ích tính đang có giá trị hoặc công thức do người dùng nhập ` +
    `(${parts.join('; ')}). Tiện ích không ghi đè để không làm mất dữ liệu. Hãy chuyển các giá trị đó sang cột khác ` +
    `(ví dụ Giải trình) hoặc xóa chúng, rồi chạy lại.`
  );
}

// ── Planning ──

/** Rightmost column before `limit` with content in rows first..last (0 when none). */
function lastUsedColumn(grid: Grid, first: number, last: number, limit = Infinity): number {
  let max = 0;
  for (let r = Math.max(first, 1); r <= Math.min(last, grid.rows); r++) {
    const row = grid.values[r - 1];
    for (let c = Math.min(row.length, limit - 1); c > max; c--) {
      if (hasOwnContentAt(grid, r, c)) {
        max = c;
        break;
      }
    }
  }
  return max;
}

/** How many areas CCHC_SUMMARY lists: normal top-level codes, repeats left out (as evaluate() counts them). */
export function areaCount(rows: CriteriaRow[]): number {
  return analyseTable(rows).entries.filter(
    (e) => e.kind === 'normal' && e.level === 0 && e.duplicateOf === null,
  ).length;
}

/** Decides where outputs and the block go; never on top of anything the user has. */
export function planOutputs(
  grid: Grid,
  layout: TableLayout,
  areaCount: number,
  bandCount: number,
): OutputPlan {
  const columns: Partial<Record<OutputColumn, number>> = {};
  const added: OutputColumn[] = [];
  for (const key of OUTPUT_COLUMNS) if (layout.columns[key] !== undefined) columns[key] = layout.columns[key];
  const tableCols = new Set(Object.values(layout.columns));
  const found = findBlock(grid.values, 0, tableCols);
  // The table proper ends before the block (the block's rows overlap the table's).
  const limit = found ? found.column : Infinity;
  const tableRight = lastUsedColumn(grid, layout.headerRow, layout.lastDataRow, limit);
  let next = tableRight + 1;
  const missing = OUTPUT_COLUMNS.filter((k) => columns[k] === undefined);
  if (found && next + missing.length > found.column - 1) next = found.column + BLOCK_WIDTH + 1;
  for (const key of missing) {
    columns[key] = next++;
    added.push(key);
  }
  const outputsRight = Math.max(...(Object.values(columns) as number[]));
  if (found)
    return { columns: columns as Record<OutputColumn, number>, added, block: found, blockFound: true };
  const top = layout.headerRow;
  const used = lastUsedColumn(grid, top, top + blockHeight(areaCount, bandCount) + 2);
  const column = Math.max(outputsRight, used) + 2;
  return {
    columns: columns as Record<OutputColumn, number>,
    added,
    block: { row: top, column },
    blockFound: false,
  };
}

/** Absolute ranges of the table columns over the data rows (at least the first data row). */
export function tableRanges(layout: TableLayout, outputs: Record<OutputColumn, number>): TableRanges {
  const last = Math.max(layout.lastDataRow, layout.firstDataRow);
  const range = (key: ColumnKey): string | null => {
    const c = key === 'score' ? outputs.score : layout.columns[key];
    return c === undefined ? null : columnRange(c, layout.firstDataRow, last);
  };
  return {
    codes: range('code')!,
    rules: range('rule')!,
    max: range('max')!,
    actual: range('actual')!,
    target: range('target'),
    evidence: range('evidence'),
    deadline: range('deadline'),
    appraised: range('appraised'),
    titles: range('title'),
  };
}

// ── Writing ──

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isDateValue(a) || isDateValue(b))
    return isDateValue(a) && isDateValue(b) && a.getTime() === b.getTime();
  return (a ?? '') === (b ?? '');
}

interface PlannedCell {
  row: number;
  column: number;
  /** Written with setValues: a string starting with "=" becomes a formula. */
  content: CellValue;
  formula: boolean;
  asOf?: boolean;
  /** Filled by a spill of ours: written empty, and unchanged whenever it holds no formula. */
  spill?: boolean;
}

function plannedCells(
  plan: OutputPlan,
  layout: TableLayout,
  body: BlockCell[][],
  formulas: Record<OutputColumn, string>,
): PlannedCell[] {
  const cells: PlannedCell[] = OUTPUT_COLUMNS.map((key) => ({
    row: layout.firstDataRow,
    column: plan.columns[key],
    content: formulas[key],
    formula: formulas[key] !== '',
    spill: formulas[key] === '',
  }));
  body.forEach((line, i) =>
    line.forEach((b, j) =>
      cells.push({
        row: plan.block.row + 1 + i,
        column: plan.block.column + j,
        content: b.formula ?? asTextCell(b.value ?? ''),
        formula: b.formula !== undefined,
        asOf: b.asOf,
        spill: b.spill,
      }),
    ),
  );
  return cells;
}

function unchanged(grid: Grid, c: PlannedCell, asOfShown?: (value: CellValue) => boolean): boolean {
  if (c.formula) return formulaAt(grid, c.row, c.column) === c.content;
  if (c.spill) return formulaAt(grid, c.row, c.column) === '';
  if (formulaAt(grid, c.row, c.column) !== '') return false;
  if (c.asOf && asOfShown) return asOfShown(cell(grid, c.row, c.column));
  const planned = typeof c.content === 'string' && c.content.startsWith("'") ? c.content.slice(1) : c.content;
  return sameValue(cell(grid, c.row, c.column), planned);
}

/** Old block rows below the new bottom (the block shrank): cleared. */
function staleBlockRows(grid: Grid, block: BlockPosition, bodyRows: number): number {
  let last = block.row + bodyRows;
  for (let r = last + 1; r <= grid.rows; r++) {
    let any = false;
    for (let j = 0; j < BLOCK_WIDTH; j++) if (hasOwnContentAt(grid, r, block.column + j)) any = true;
    if (!any) break;
    last = r;
  }
  return last - (block.row + bodyRows);
}

/**
 * Writes the output formulas and the block body. One setValues over the rectangle from the first output
 * column to the block's last column when every other cell in it is empty or part of our formulas' spill;
 * otherwise one write for the formulas (per adjacent run) and one for the block. Nothing is written when
 * every planned cell already holds what it would get. Returns the number of write calls.
 */
export function writeLive(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: Grid,
  layout: TableLayout,
  plan: OutputPlan,
  body: BlockCell[][],
  formulas: Record<OutputColumn, string>,
  asOfShown?: (value: CellValue) => boolean,
): number {
  const stale = staleBlockRows(grid, plan.block, body.length);
  const blank: BlockCell[] = new Array(BLOCK_WIDTH).fill({ value: '' });
  const fullBody = stale > 0 ? [...body, ...new Array(stale).fill(blank)] : body;
  const cells = plannedCells(plan, layout, fullBody, formulas);
  const same = (c: PlannedCell): boolean => unchanged(grid, c, asOfShown);
  if (cells.every(same)) return 0;

  const outCols = OUTPUT_COLUMNS.map((k) => plan.columns[k]).sort((a, b) => a - b);
  const top = Math.min(layout.firstDataRow, plan.block.row + 1);
  const bottom = Math.max(layout.firstDataRow, plan.block.row + fullBody.length);
  const left = Math.min(outCols[0], plan.block.column);
  const right = Math.max(outCols[2], plan.block.column + BLOCK_WIDTH - 1);
  const planned = new Map<string, PlannedCell>();
  for (const c of cells) planned.set(`${c.row}:${c.column}`, c);

  // One rectangle is possible when every unplanned cell in it is ours to blank: spill of our formulas
  // (their anchor is rewritten in the same call) or already empty. Input columns never qualify.
  const inputCols = new Set(
    Object.entries(layout.columns)
      .filter(([k]) => !OUTPUT_COLUMNS.includes(k as OutputColumn))
      .map(([, c]) => c),
  );
  let single = true;
  for (let c = left; c <= right && single; c++) {
    if (inputCols.has(c)) single = false;
    const isOut = outCols.includes(c);
    for (let r = top; r <= bottom && single; r++) {
      if (planned.has(`${r}:${c}`)) continue;
      const spill =
        isOut && r > layout.firstDataRow && r <= layout.lastDataRow && formulaAt(grid, r, c) === '';
      if (!spill && hasOwnContentAt(grid, r, c)) single = false;
    }
  }
  if (single && (right - left + 1) * (bottom - top + 1) <= 20000) {
    const matrix: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: CellValue[] = [];
      for (let c = left; c <= right; c++) line.push(planned.get(`${r}:${c}`)?.content ?? '');
      matrix.push(line);
    }
    sheet.getRange(top, left, bottom - top + 1, right - left + 1).setValues(matrix);
    return 1;
  }

  let writes = 0;
  // Output formulas: one setFormulas per run of adjacent output columns, when they changed.
  const formulaCells = cells.slice(0, OUTPUT_COLUMNS.length);
  if (!formulaCells.every(same)) {
    let run: number[] = [];
    const byCol = new Map(OUTPUT_COLUMNS.map((k) => [plan.columns[k], formulas[k]]));
    const flush = (): void => {
      if (!run.length) return;
      sheet.getRange(layout.firstDataRow, run[0], 1, run.length).setFormulas([run.map((c) => byCol.get(c)!)]);
      writes++;
      run = [];
    };
    for (const c of outCols) {
      if (run.length && c !== run[run.length - 1] + 1) flush();
      run.push(c);
    }
    flush();
  }
  if (!cells.slice(OUTPUT_COLUMNS.length).every(same)) {
    const blockMatrix = fullBody.map((line) =>
      line.map((b: BlockCell) => b.formula ?? asTextCell(b.value ?? '')),
    );
    sheet
      .getRange(plan.block.row + 1, plan.block.column, blockMatrix.length, BLOCK_WIDTH)
      .setValues(blockMatrix);
    writes++;
  }
  return writes;
}

/** Grows the tab when the block or the outputs would fall outside it. */
function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Formats of the block: number formats and bold labels (set-up, or when the block changed shape). */
export function formatBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  plan: OutputPlan,
  body: BlockCell[][],
  sample: boolean,
): void {
  const { row, column } = plan.block;
  const title = sheet.getRange(row, column);
  title.setValue(sample ? BLOCK_LABELS.sampleTitle : BLOCK_LABELS.title);
  title.setFontWeight('bold');
  const range = sheet.getRange(row + 1, column, body.length, BLOCK_WIDTH);
  range.setNumberFormats(body.map((line) => line.map((b) => b.format ?? 'General')));
  range.setFontWeights(body.map((line) => line.map((b) => (b.bold ? 'bold' : 'normal'))));
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
  const conflicts = findOutputConflicts(grid, layout, plan.columns);
  if (conflicts.length)
    return { kind: 'refused', message: conflictMessage(conflicts, layout, layout.headers), conflicts };
  if (!plan.blockFound) return { kind: 'needsSetup' };
  const body = blockBody(
    plan.block,
    tableRanges(layout, plan.columns),
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
    tableRanges(layout, plan.columns),
    plan.block,
    plan.columns,
    areas,
    options.bands.length,
  );
  const writes = writeLive(sheet, grid, layout, plan, body, formulas, options.asOfShown);
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
  const plan = planOutputs(grid, layout, areas, options.bands.length);
  const conflicts = findOutputConflicts(grid, layout, plan.columns);
  if (conflicts.length) return { ok: false, message: conflictMessage(conflicts, layout, layout.headers) };

  const body = blockBody(
    plan.block,
    tableRanges(layout, plan.columns),
    options.asOf,
    options.nearDeadlineDays,
    areas,
    options.bands,
    options.pointsDecimals ?? null,
  );
  const lastOut = Math.max(...Object.values(plan.columns));
  ensureSize(
    sheet,
    Math.max(plan.block.row + body.length, layout.firstDataRow),
    Math.max(lastOut, plan.block.column + BLOCK_WIDTH - 1),
  );

  let changed = false;
  // Headers of new output columns.
  for (const key of plan.added) {
    sheet.getRange(layout.headerRow, plan.columns[key]).setValue(HEADER_TEXT[key].vi);
    changed = true;
  }
  const outputs = {
    ...layout,
    columns: { ...layout.columns, ...plan.columns },
    headers: { ...layout.headers },
  };
  for (const key of plan.added) outputs.headers[key] = HEADER_TEXT[key].vi;
  const ranges = tableRanges(layout, plan.columns);
  const written = writeLive(
    sheet,
    grid,
    outputs,
    plan,
    body,
    outputFormulas(ranges, plan.block, plan.columns, areas, options.bands.length),
    options.asOfShown,
  );
  if (written > 0) changed = true;

  formatBlock(sheet, plan, body, options.sample ?? (plan.blockFound && isSampleBlock(grid, plan.block)));
  const outCols = OUTPUT_COLUMNS.map((k) => plan.columns[k]);
  for (const c of outCols) {
    sheet.getRange(layout.headerRow, c).setFontWeight('bold').setBackground('#cfe2f3');
  }
  sheet
    .getRange(layout.firstDataRow, plan.columns.reason, Math.max(layout.lastDataRow - layout.headerRow, 1), 1)
    .setWrap(true);
  applyInputHelp(sheet, outputs, rows);
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
  const cols = OUTPUT_COLUMNS.map((k) => plan.columns[k]).sort((a, b) => a - b);
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

/** Whole table rows, first table column to the last output column. */
export function highlightArea(
  layout: TableLayout,
  plan: OutputPlan,
): {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  statusColumn: number;
} {
  const cols = [...Object.values(layout.columns), ...Object.values(plan.columns)] as number[];
  return {
    firstRow: layout.firstDataRow,
    lastRow: Math.max(layout.lastDataRow, layout.firstDataRow),
    firstColumn: Math.min(...cols),
    lastColumn: Math.max(...OUTPUT_COLUMNS.map((k) => plan.columns[k])),
    statusColumn: plan.columns.status,
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
