// Issue 14: the solution columns (Giải pháp, Người thực hiện, Hạn khắc phục) a commune's own table lacks,
// added when the user agrees (attach asks first). They go to the right of everything the tab holds over the
// table's rows (the inputs and, on a tab already set up, the outputs, the summary block and the derived codes
// column): no column moves, no cell the user typed is written over; only their header cells are written.
import type { InputColumn } from '../core/types';
import { HEADER_TEXT } from './headers';
import { ensureSize } from './liveWrite';
import { BLOCK_WIDTH, findBlock } from './summaryBlock';
import { cell, isBlank, type Grid, type TableLayout } from './table';

export const SOLUTION_COLUMNS: InputColumn[] = ['solution', 'solutionOwner', 'solutionDue'];

/** The solution columns the table has no header for, in their usual order. */
export function missingSolutionColumns(layout: TableLayout): InputColumn[] {
  return SOLUTION_COLUMNS.filter((k) => layout.columns[k] === undefined);
}

/**
 * The first column right of every non-empty cell in the header row and the data rows, and right of the
 * summary block and its gap when the tab has one (its spill may leave cells of its columns empty).
 */
export function firstFreeColumn(grid: Grid, layout: TableLayout): number {
  const block = findBlock(grid.values, 0, new Set(Object.values(layout.columns)));
  let last = block ? block.column + BLOCK_WIDTH : 0;
  for (let r = layout.headerRow; r <= Math.max(layout.lastDataRow, layout.headerRow); r++) {
    const row = grid.values[r - 1] ?? [];
    for (let c = row.length; c > last; c--) {
      if (!isBlank(cell(grid, r, c)) || (grid.formulas?.[r - 1]?.[c - 1] ?? '') !== '') {
        last = c;
        break;
      }
    }
  }
  return last + 1;
}

/** Writes the missing solution headers side by side at the first free column; returns where they went. */
export function addSolutionColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: Grid,
  layout: TableLayout,
): { key: InputColumn; column: number }[] {
  const missing = missingSolutionColumns(layout);
  if (missing.length === 0) return [];
  const start = firstFreeColumn(grid, layout);
  ensureSize(sheet, Math.max(layout.lastDataRow, layout.headerRow), start + missing.length - 1);
  sheet
    .getRange(layout.headerRow, start, 1, missing.length)
    .setValues([missing.map((k) => HEADER_TEXT[k].vi)])
    .setFontWeight('bold');
  return missing.map((key, i) => ({ key, column: start + i }));
}
