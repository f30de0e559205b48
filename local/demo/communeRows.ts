// A commune's leaf rows as the add-in computed them in its criteria tab (the Điểm column its formulas
// filled in the stand-in), for the province view. Nothing is scored here: points, "Không áp dụng" and
// "Lỗi: …" are read exactly as the sheet shows them, by the same reader CCHC_WEAK uses.
import { normalizeCode, parentCode } from '../../src/core/criteria';
import type { CellValue } from '../../src/core/types';
import type { CriterionObservation } from '../../src/core/weakCriteria';
import { numberOf } from '../../src/core/values';
import { pointsObservation } from '../../src/functions/weak';
import { findHeader } from '../../src/sheets/headers';

export function communeObservations(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  commune: string,
): CriterionObservation[] {
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const found = findHeader(values, sheet.getName());
  if (!found.ok) throw new Error(found.message);
  const { headerRow, columns } = found.match;
  if (columns.score === undefined) throw new Error(`Trang "${sheet.getName()}" không có cột Điểm.`);
  const at = (row: CellValue[], key: keyof typeof columns): CellValue =>
    columns[key] === undefined ? '' : row[columns[key]! - 1];
  const rows = values.slice(headerRow).map((row) => ({ code: normalizeCode(at(row, 'code')), row }));
  const parents = new Set<string>();
  for (const r of rows) for (let p = parentCode(r.code); p !== null; p = parentCode(p)) parents.add(p);
  return rows
    .filter((r) => r.code !== '')
    .map(({ code, row }) => {
      const max = numberOf(at(row, 'max'), false);
      return {
        commune,
        code,
        title: String(at(row, 'title') ?? '').trim(),
        max: max === max ? max : null,
        isLeaf: !parents.has(code),
        ...pointsObservation(at(row, 'score')),
      };
    });
}
