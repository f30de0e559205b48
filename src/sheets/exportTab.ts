// The commune's export tab (layout: src/core/exportLayout.ts), created at set-up: a small, hidden,
// warning-protected tab of live formulas over the criteria tab and its summary block, which the province
// workbook imports with IMPORTRANGE. Plain references and native formulas only: no custom function, so an
// edit costs no execution here. The points at stake (no native formula can say what evidence and appraisal
// leave secured) are read from the criteria tab's "Điểm có thể mất" column, which its own CCHC_OUTPUTS call
// spills. A criteria tab set up before that column existed (or with no free column for it) keeps the older
// way until set-up runs again: one CCHC_OUTPUTS call here spilling only that column (one more execution).
// Rewritten only when what it should hold differs (set-up twice changes nothing).
import {
  EXPORT_AREA_CODE_COLUMN,
  EXPORT_AREA_COLUMN,
  EXPORT_AT_STAKE_COLUMN,
  EXPORT_AREA_ROW,
  EXPORT_AREAS,
  EXPORT_COLUMNS,
  EXPORT_FIRST_ROW,
  EXPORT_HEADER_ROW,
  EXPORT_HEIGHT,
  EXPORT_MARK,
  EXPORT_META,
  EXPORT_META_LABELS,
  EXPORT_ROWS,
  EXPORT_TAB,
  EXPORT_VERSION,
  EXPORT_WIDTH,
  indicatorSetKey,
} from '../core/exportLayout';
import { BLOCK_LABELS } from '../core/sheetLayout';
import type { CriteriaRow } from '../core/types';
import { TERMS } from '../core/vocabulary';
import { columnLetter } from './headers';
import { outputsFormula } from './outputFormulas';
import { tableRanges, type OutputPlan } from './outputPlan';
import type { TableLayout } from './table';
import type { TableRanges } from './summaryBlock';

export const EXPORT_NOTE =
  'CCHC Scorecard: dữ liệu xuất cho bảng tổng hợp tỉnh (IMPORTRANGE) – không sửa trang này';

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** What the tab holds, cell by cell (values and formulas as setValues writes them). */
export function exportGrid(
  sheetName: string,
  layout: TableLayout,
  plan: Pick<OutputPlan, 'block' | 'columns' | 'codesColumn' | 'stake'>,
  rows: CriteriaRow[],
  meta: { communeName: string; year: number },
): (string | number)[][] {
  const grid: (string | number)[][] = Array.from({ length: EXPORT_HEIGHT }, () =>
    new Array<string | number>(EXPORT_WIDTH).fill(''),
  );
  const block = plan.block;
  const cell = (row: number, column: number) => `${quote(sheetName)}!$${columnLetter(column)}$${row}`;
  const ref = (row: number, column: number) => `=${cell(row, column)}`;
  grid[0][0] = EXPORT_MARK;
  grid[0][1] = EXPORT_VERSION;
  grid[0][2] = indicatorSetKey(rows);
  grid[0][3] = EXPORT_NOTE;
  const at = (key: keyof typeof EXPORT_META, value: string | number) => {
    grid[EXPORT_META[key] - 1][0] = EXPORT_META_LABELS[key];
    grid[EXPORT_META[key] - 1][1] = value;
  };
  // Text a commune typed is written as text, never as a formula (a name starting with "=").
  at('commune', /^[=+\-@]/.test(meta.communeName) ? `'${meta.communeName}` : meta.communeName);
  at('year', meta.year);
  at('asOf', ref(block.row + 1, block.column + 1));
  at('total', ref(block.row + 3, block.column + 1));
  at('applicableMax', ref(block.row + 4, block.column + 1));
  at('index', ref(block.row + 5, block.column + 1));
  at('classification', ref(block.row + 6, block.column + 1));
  at('tableRows', layout.lastDataRow - layout.firstDataRow + 1);
  ['Lĩnh vực', 'Điểm', 'Tối đa'].forEach(
    (h, j) => (grid[EXPORT_AREA_ROW - 2][EXPORT_AREA_COLUMN - 1 + j] = h),
  );
  // A line of the block is an area when its max is a number; below the areas come the bands, left out.
  for (let i = 0; i < EXPORT_AREAS; i++)
    for (let j = 0; j < 3; j++)
      grid[EXPORT_AREA_ROW - 1 + i][EXPORT_AREA_COLUMN - 1 + j] =
        `=IF(ISNUMBER(${cell(block.row + 9 + i, block.column + 2)}),${cell(block.row + 9 + i, block.column + j)},"")`;
  EXPORT_COLUMNS.forEach((h, j) => (grid[EXPORT_HEADER_ROW - 1][j] = h));
  const c = layout.columns;
  const sources = [c.code, c.title, c.max, c.score, c.status, c.sector];
  const first = layout.firstDataRow;
  // Version 2's points at stake: the criteria tab's own spill (column H, after the area column G).
  if (plan.stake !== null) sources[EXPORT_AT_STAKE_COLUMN - 1] = plan.stake;
  sources.forEach((column, j) => {
    if (column === undefined) return;
    const letter = columnLetter(column);
    grid[EXPORT_FIRST_ROW - 1][j] =
      `=ARRAYFORMULA(${quote(sheetName)}!$${letter}$${first}:$${letter}$${first + EXPORT_ROWS - 1})`;
  });
  // Version 2. The area: the code's first segment (a code Sheets holds as a number is read as text; a
  // decimal comma counts as a dot), as exportAreaOf() says.
  const codeLetter = columnLetter(1);
  for (let r = EXPORT_FIRST_ROW; r < EXPORT_FIRST_ROW + EXPORT_ROWS; r++)
    grid[r - 1][EXPORT_AREA_CODE_COLUMN - 1] =
      `=IF(${codeLetter}${r}="","",REGEXEXTRACT(${codeLetter}${r}&"","^\\s*([^.,\\s]*)"))`;
  if (plan.stake !== null) return grid;
  // No stake column on the criteria tab: the criteria tab's own call (same ranges over the exported rows,
  // same as-of and near-days cells), spilling only that column. The rounding cell is found by its label: it
  // moves down when an area is added.
  const exported = tableRanges(
    { ...layout, lastDataRow: first + EXPORT_ROWS - 1 },
    plan.columns,
    plan.codesColumn,
  );
  const ranges = Object.fromEntries(
    Object.entries(exported).map(([k, v]) => [k, v === null ? null : `${quote(sheetName)}!${v}`]),
  ) as unknown as TableRanges;
  const labels = `${cell(block.row, block.column)}:${cell(block.row + EXPORT_ROWS, block.column + 1).replace(/^.*!/, '')}`;
  grid[EXPORT_FIRST_ROW - 1][EXPORT_AT_STAKE_COLUMN - 1] = outputsFormula(
    ranges,
    {
      asOf: cell(block.row + 1, block.column + 1),
      nearDays: cell(block.row + 2, block.column + 1),
      decimals: `IFERROR(VLOOKUP("${BLOCK_LABELS.pointsDecimals}",${labels},2,FALSE),"")`,
    },
    TERMS.pointsAtStake.vi,
  );
  return grid;
}

/** Creates or repairs the export tab; true when it wrote anything. */
export function writeExportTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  grid: (string | number)[][],
): boolean {
  let tab = ss.getSheetByName(EXPORT_TAB);
  if (!tab) {
    // insertSheet makes the new tab active: the user stays where they were.
    const active = ss.getActiveSheet();
    tab = ss.insertSheet(EXPORT_TAB, ss.getSheets().length);
    tab.hideSheet();
    tab.protect().setDescription(EXPORT_NOTE).setWarningOnly(true);
    active.activate();
  }
  if (tab.getMaxRows() < EXPORT_HEIGHT)
    tab.insertRowsAfter(tab.getMaxRows(), EXPORT_HEIGHT - tab.getMaxRows());
  if (tab.getMaxColumns() < EXPORT_WIDTH)
    tab.insertColumnsAfter(tab.getMaxColumns(), EXPORT_WIDTH - tab.getMaxColumns());
  const range = tab.getRange(1, 1, EXPORT_HEIGHT, EXPORT_WIDTH);
  const formulas = range.getFormulas();
  const values = range.getValues();
  // Spilled cells read as values: compare only the cells we write (formula cells by formula).
  const same = grid.every((row, r) =>
    row.every((want, c) => {
      if (typeof want === 'string' && want.startsWith('=')) return formulas[r][c] === want;
      if (want === '') return formulas[r][c] === '';
      return formulas[r][c] === '' && String(values[r][c]) === String(want).replace(/^'/, '');
    }),
  );
  if (same) return false;
  range.clearContent();
  range.setValues(grid);
  return true;
}
