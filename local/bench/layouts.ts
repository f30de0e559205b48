// The formula layouts the benchmark compares with the current one (and the upgrade test starts from), written
// on a tab the add-in has set up (output columns and block in place):
// - version 1: one array formula per output column (CCHC_POINTS, CCHC_STATUS, CCHC_REASON) and one
//   formula per figure of the summary block (CCHC_TOTAL, CCHC_MAX, CCHC_INDEX, CCHC_CLASS, a total and a max
//   per area), exactly as version 1 wrote them;
// - per row: the naive layout, one CCHC_SCORE formula in each row's Điểm cell (statuses and reasons left
//   out), with version 1's block over the Điểm column.
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { columnLetter } from '../../src/sheets/headers';
import { columnRange, findBlock } from '../../src/sheets/summaryBlock';
import { STAKE_HEADER } from '../../src/sheets/outputPlan';
import { readTable } from '../../src/sheets/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function readSetUp(sheet: Sheet) {
  const read = readTable(sheet, true);
  if (!read.ok) throw new Error(read.message);
  const { layout, rows, grid } = read;
  const block = findBlock(grid.values, 0, new Set(Object.values(layout.columns)));
  if (!block || layout.columns.score === undefined) throw new Error('Trang chưa được thiết lập.');
  return { layout, rows, block };
}

const abs = (row: number, column: number) => `$${columnLetter(column)}$${row}`;

/** Version 1's summary block formulas (figures only; labels, as-of date and bands stay where they are). */
function writeVersion1Block(sheet: Sheet): void {
  const { layout, rows, block } = readSetUp(sheet);
  const c = layout.columns;
  const r = (col: number | undefined) =>
    col === undefined ? '""' : columnRange(col, layout.firstDataRow, layout.lastDataRow);
  const [codes, max, scores] = [r(c.code), r(c.max), r(c.score)];
  const areas = rows.filter((x) => /^\d+$/.test(String(x.code).trim()));
  const bandsStart = block.row + 9 + areas.length + 2;
  const bands = `${abs(bandsStart, block.column)}:${abs(bandsStart + DEFAULT_SETTINGS.bands.length - 1, block.column + 1)}`;
  const lines: string[][] = [
    ['Tổng điểm', `=CCHC_TOTAL(${codes},${scores})`, ''],
    ['Điểm tối đa áp dụng', `=CCHC_MAX(${codes},${max},${scores})`, ''],
    ['Chỉ số CCHC', `=CCHC_INDEX(${codes},${max},${scores})`, ''],
    ['Xếp loại', `=CCHC_CLASS(${abs(block.row + 5, block.column + 1)},${bands})`, ''],
    ['', '', ''],
    ['Lĩnh vực', 'Điểm', 'Tối đa'],
    ...areas.map((a) => {
      const code = String(a.code).trim();
      return [
        `${code}. ${String(a.title).trim()}`,
        `=CCHC_TOTAL(${codes},${scores},"${code}")`,
        `=CCHC_MAX(${codes},${max},${scores},"${code}")`,
      ];
    }),
  ];
  sheet.getRange(block.row + 3, block.column, lines.length, 3).setValues(lines);
}

/** Rewrites a set-up tab into version 1's layout (its formula texts, verbatim). */
export function writeVersion1Layout(sheet: Sheet): void {
  const { layout, block } = readSetUp(sheet);
  const c = layout.columns;
  const r = (col: number | undefined) =>
    col === undefined ? '""' : columnRange(col, layout.firstDataRow, layout.lastDataRow);
  const asOf = abs(block.row + 1, block.column + 1);
  const near = abs(block.row + 2, block.column + 1);
  const scoreArgs = [r(c.code), r(c.rule), r(c.max), r(c.actual), r(c.target)];
  const statusArgs = [...scoreArgs, r(c.evidence), r(c.deadline), r(c.appraised), asOf, near];
  const formulas = {
    score: `=CCHC_POINTS(${scoreArgs.join(',')})`,
    status: `=CCHC_STATUS(${statusArgs.join(',')})`,
    reason: `=CCHC_REASON(${statusArgs.join(',')})`,
  };
  for (const key of ['score', 'status', 'reason'] as const)
    sheet.getRange(layout.firstDataRow, c[key]!).setFormula(formulas[key]);
  // Version 1 had no points-at-stake column right of Lý do (set-up adds it now).
  const stake = Math.max(c.score!, c.status!, c.reason!) + 1;
  if (sheet.getRange(layout.headerRow, stake).getValue() === STAKE_HEADER)
    sheet.getRange(layout.headerRow, stake).clearContent();
  writeVersion1Block(sheet);
}

/** The naive layout: one CCHC_SCORE per row in Điểm, statuses and reasons cleared, version 1's block. */
export function writePerRowLayout(sheet: Sheet): void {
  const { layout } = readSetUp(sheet);
  const c = layout.columns;
  const n = layout.lastDataRow - layout.firstDataRow + 1;
  const cell = (col: number | undefined, row: number) =>
    col === undefined ? '""' : `${columnLetter(col)}${row}`;
  const formulas: string[][] = [];
  for (let row = layout.firstDataRow; row <= layout.lastDataRow; row++) {
    formulas.push([
      `=CCHC_SCORE(${cell(c.rule, row)},${cell(c.max, row)},${cell(c.actual, row)},${cell(c.target, row)})`,
    ]);
  }
  sheet.getRange(layout.firstDataRow, c.status!, n, 1).clearContent();
  sheet.getRange(layout.firstDataRow, c.reason!, n, 1).clearContent();
  sheet.getRange(layout.firstDataRow, c.score!, n, 1).setFormulas(formulas);
  writeVersion1Block(sheet);
}
