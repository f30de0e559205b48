// "Kiểm tra dữ liệu" (menu and sidebar), read only: every structural and cell problem of the table, with row,
// column, A1 and a fix. Evaluates as of the tab's own as-of cell (see clock.ts), as the sheet does.
import { sheetAsOfIso } from './clock';
import { tableProblems } from './problems';
import { evaluateRead, findCriteriaTab, type SheetState } from './sheetState';

/** Every structural and cell problem of the table, with row, column, A1 and a fix. Reads only. */
export function checkData(now: Date = new Date()): SheetState {
  const found = findCriteriaTab();
  if (!found.ok) return found.failed;
  const { ss, settings, located } = found;
  const { sheet, name, read } = located;
  const asOf = sheetAsOfIso(read.grid, read.layout, now, () => ss.getSpreadsheetTimeZone());
  const evaluation = evaluateRead(read, settings, asOf);
  const problems = tableProblems(read, evaluation);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const message = problems.length
    ? `Trang "${name}": ${errors} lỗi, ${problems.length - errors} cảnh báo.`
    : `Trang "${name}": không phát hiện vấn đề nào.`;
  return {
    ok: true,
    message,
    sheet,
    spreadsheet: ss,
    layout: read.layout,
    evaluation,
    problems,
    grid: read.grid,
    asOf,
  };
}
