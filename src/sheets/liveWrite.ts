// The live write: the output formulas and the block body in as few calls as possible (one rectangle when the
// cells between them allow it), nothing when every planned cell already holds what it would get.
import type { CellValue, OutputColumn } from '../core/types';
import { asTextCell } from './cellText';
import { OUTPUT_COLUMNS } from './headers';
import { hasOwnContentAt } from './outputConflicts';
import type { OutputPlan } from './outputPlan';
import { BLOCK_LABELS, BLOCK_WIDTH, type BlockCell, type BlockPosition } from './summaryBlock';
import { cell, formulaAt, isDateValue, type Grid, type TableLayout } from './table';
export function sameValue(a: CellValue, b: CellValue): boolean {
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
  // The points-at-stake column is filled by the last call's spill.
  if (plan.stake !== null)
    cells.push({ row: layout.firstDataRow, column: plan.stake, content: '', formula: false, spill: true });
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
export function staleBlockRows(grid: Grid, block: BlockPosition, bodyRows: number): number {
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

  const outCols = outputColumnsOf(plan);
  const outCount = outCols.length;
  const top = Math.min(layout.firstDataRow, plan.block.row + 1);
  const bottom = Math.max(layout.firstDataRow, plan.block.row + fullBody.length);
  const left = Math.min(outCols[0], plan.block.column);
  const right = Math.max(outCols[outCount - 1], plan.block.column + BLOCK_WIDTH - 1);
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
  const formulaCells = cells.slice(0, outCount);
  if (!formulaCells.every(same)) {
    let run: number[] = [];
    const byCol = new Map(formulaCells.map((c) => [c.column, c.content as string]));
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
  if (!cells.slice(outCount).every(same)) {
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

/** The output columns, with the points-at-stake column when there is one, left to right. */
export function outputColumnsOf(plan: OutputPlan): number[] {
  const cols = OUTPUT_COLUMNS.map((k) => plan.columns[k]);
  if (plan.stake !== null) cols.push(plan.stake);
  return cols.sort((a, b) => a - b);
}

/** Grows the tab when the block or the outputs would fall outside it. */
export function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
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
