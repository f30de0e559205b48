// Where the output columns and the summary block go on a tab (never on top of anything the user has), and
// the table's column ranges the formulas read.
import { analyseTable } from '../core/criteria';
import type { CellValue, ColumnKey, CriteriaRow, OutputColumn } from '../core/types';
import { TERMS } from '../core/vocabulary';
import { foldHeader, OUTPUT_COLUMNS } from './headers';
import { hasOwnContentAt } from './outputConflicts';
import { spillWidth } from './outputFormulas';
import {
  BLOCK_WIDTH,
  blockHeight,
  columnRange,
  findBlock,
  type BlockPosition,
  type TableRanges,
} from './summaryBlock';
import { cell, formulaAt, type Grid, type TableLayout } from './table';
/** Where the outputs and the block are (or will be) on the tab. */
export interface OutputPlan {
  columns: Record<OutputColumn, number>;
  /** Output columns that do not exist yet (set-up writes their header). */
  added: OutputColumn[];
  block: BlockPosition;
  /** True when the block already existed on the tab. */
  blockFound: boolean;
  /**
   * A table numbered by STT/TT (layout.derivedCodes): the column, one gap right of the block, whose first
   * data row holds =CCHC_CODES(stt): the dotted codes every other formula reads. null otherwise.
   */
  codesColumn: number | null;
  /**
   * The "Điểm có thể mất" column right of the last output column, spilled by the same CCHC_OUTPUTS call (what
   * the export tab's points at stake read, with no execution of their own), or null: a sheet set up before it
   * existed, or whose column there is not free. Set-up adds it; the live write only keeps it.
   */
  stake: number | null;
}

/** Header of the points-at-stake column set-up adds right of the output columns. */
export const STAKE_HEADER = TERMS.pointsAtStake.vi;

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
  addStake = false,
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
  const codesAfter = (block: BlockPosition): number | null =>
    layout.derivedCodes ? codesColumnAfter(grid, layout, block.column + BLOCK_WIDTH + 1) : null;
  const stake = stakeColumn(grid, layout, columns as Record<OutputColumn, number>, found, addStake);
  if (found)
    return {
      columns: columns as Record<OutputColumn, number>,
      added,
      block: found,
      blockFound: true,
      codesColumn: codesAfter(found),
      stake,
    };
  const top = layout.headerRow;
  const used = lastUsedColumn(grid, top, top + blockHeight(areaCount, bandCount) + 2);
  const column = Math.max(outputsRight, used) + 2;
  const block = { row: top, column };
  return {
    columns: columns as Record<OutputColumn, number>,
    added,
    block,
    blockFound: false,
    codesColumn: codesAfter(block),
    stake,
  };
}

/**
 * The column right of the last output column when it is the points-at-stake column: headed "Điểm có thể mất"
 * and filled only by our call's spill (a column of the user's own under that header is left alone), or, with
 * `add` (set-up), empty from the header down and not the block's.
 */
function stakeColumn(
  grid: Grid,
  layout: TableLayout,
  columns: Record<OutputColumn, number>,
  block: BlockPosition | null,
  add: boolean,
): number | null {
  const c = Math.max(columns.score, columns.status, columns.reason) + 1;
  if (block?.column === c || Object.values(layout.columns).includes(c)) return null;
  const header = cell(grid, layout.headerRow, c);
  // Our call whose spill reaches c: the first formula left of it through the output columns.
  const outs = Object.values(columns);
  let spilled = false;
  for (let a = c - 1; outs.includes(a); a--) {
    const f = formulaAt(grid, layout.firstDataRow, a);
    if (f === '') continue;
    spilled = spillWidth(f) > c - a;
    break;
  }
  let empty = true;
  for (let r = layout.firstDataRow; empty && r <= layout.lastDataRow; r++)
    empty = !hasOwnContentAt(grid, r, c);
  if (typeof header === 'string' && foldHeader(header) === foldHeader(STAKE_HEADER))
    return spilled || empty ? c : null;
  return add && empty && !hasOwnContentAt(grid, layout.headerRow, c) ? c : null;
}

/** Header of the derived codes column (set-up writes it; recognised to find the column again). */
export const CODES_HEADER = 'Mã tự tính từ STT';

/** The first column from `from` that is ours (our header) or free over the table's rows. */
function codesColumnAfter(grid: Grid, layout: TableLayout, from: number): number {
  for (let c = from; ; c++) {
    if (cell(grid, layout.headerRow, c) === CODES_HEADER) return c;
    let free = !hasOwnContentAt(grid, layout.headerRow, c);
    for (let r = layout.firstDataRow; free && r <= layout.lastDataRow; r++)
      if (hasOwnContentAt(grid, r, c)) free = false;
    if (free) return c;
  }
}

/** The codes formula of a table numbered by STT: one CCHC_CODES call that spills down the data rows. */
export function codesFormula(layout: TableLayout): string {
  const last = Math.max(layout.lastDataRow, layout.firstDataRow);
  return `=CCHC_CODES(${columnRange(layout.columns.code!, layout.firstDataRow, last)},${layout.firstDataRow})`;
}

/** Writes the codes column's header and formula when they are not there yet (0, 1 or 2 calls). */
export function writeCodesColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: Grid,
  layout: TableLayout,
  plan: OutputPlan,
): number {
  const c = plan.codesColumn;
  if (c === null) return 0;
  let writes = 0;
  const header: CellValue = cell(grid, layout.headerRow, c);
  if (header !== CODES_HEADER) {
    sheet.getRange(layout.headerRow, c).setValue(CODES_HEADER);
    writes++;
  }
  const formula = codesFormula(layout);
  if (formulaAt(grid, layout.firstDataRow, c) !== formula) {
    sheet.getRange(layout.firstDataRow, c).setFormula(formula);
    writes++;
  }
  return writes;
}

/** Absolute ranges of the table columns over the data rows (at least the first data row). */
export function tableRanges(
  layout: TableLayout,
  outputs: Record<OutputColumn, number>,
  codesColumn: number | null = null,
): TableRanges {
  const last = Math.max(layout.lastDataRow, layout.firstDataRow);
  const range = (key: ColumnKey): string | null => {
    const c = key === 'score' ? outputs.score : layout.columns[key];
    return c === undefined ? null : columnRange(c, layout.firstDataRow, last);
  };
  // An STT numbering (I, 1, a): every formula reads the dotted codes its CCHC_CODES column spills.
  const codes = codesColumn === null ? range('code')! : columnRange(codesColumn, layout.firstDataRow, last);
  return {
    codes,
    rules: range('rule')!,
    max: range('max')!,
    actual: range('actual')!,
    target: range('target'),
    evidence: range('evidence'),
    deadline: range('deadline'),
    appraised: range('appraised'),
    titles: range('title'),
    selfScores: range('selfScore'),
    solutions: range('solution'),
    solutionDue: range('solutionDue'),
  };
}
