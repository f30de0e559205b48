// Set-up formats each Kết quả cell by its rule's kind (issue 10 point 2), so Sheets itself reads what a clerk
// types: a percent format on ratio rules (TỶ LỆ, KHẢO SÁT, MỨC on percents) turns a typed 96,5 into 96,5%,
// a date format on HẠN rows keeps a completion date a date. Only cells without a number format of the
// commune's own get one (the documented exception to "no action changes an input cell"), and never a cell
// whose value the new format would show wrongly (a number above 1 under a percent format, a text).
import { parseRule } from '../core/rules/parser';
import { takesFractions } from '../core/rules/score';
import type { CellValue, CriteriaRow } from '../core/types';
import { isBlank, isDateValue, type TableLayout } from './table';

export const RESULT_PERCENT_FORMAT = '0.00%';
export const RESULT_DATE_FORMAT = 'dd/mm/yyyy';

/** Sheets' automatic format, as getNumberFormat() reports it (no format of the commune's own). */
const AUTOMATIC = new Set(['', 'General', '0.###############']);

/** The format a Kết quả cell should get for its rule, or null (no rule, another kind, a parent row). */
export function resultFormat(rule: CellValue): string | null {
  if (isBlank(rule)) return null;
  const parsed = parseRule(rule);
  if (!parsed.ok) return null;
  if (parsed.value.kind === 'deadline') return RESULT_DATE_FORMAT;
  return takesFractions(parsed.value) ? RESULT_PERCENT_FORMAT : null;
}

/** True when `format` would show `value` as the clerk meant it. */
function fits(format: string, value: CellValue): boolean {
  if (isBlank(value)) return true;
  if (format === RESULT_DATE_FORMAT) return isDateValue(value);
  return typeof value === 'number' && value >= 0 && value <= 1;
}

/**
 * Formats the Kết quả cells of the data rows (one read of their formats, one write when anything changes).
 * Returns the number of cells formatted.
 */
export function formatResults(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  rows: CriteriaRow[],
): number {
  const column = layout.columns.actual;
  if (column === undefined || rows.length === 0) return 0;
  const range = sheet.getRange(layout.firstDataRow, column, rows.length, 1);
  const current = range.getNumberFormats();
  let changed = 0;
  const wanted = rows.map((r, i) => {
    const have = current[i][0];
    const want = resultFormat(r.rule);
    if (want === null || !AUTOMATIC.has(have) || !fits(want, r.actual)) return [have];
    changed++;
    return [want];
  });
  if (changed > 0) range.setNumberFormats(wanted);
  return changed;
}
