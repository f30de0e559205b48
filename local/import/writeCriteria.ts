// criteria.csv as the contract says (design.md, import): UTF-8 with BOM, comma-delimited, numbers with a
// decimal comma, one header row, fields quoted when they hold a comma, a quote or a line break.
import type { CellValue } from '../../src/core/types';
import { formatNumber } from '../../src/core/values';

function field(v: CellValue): string {
  const text = typeof v === 'number' ? formatNumber(v) : v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function criteriaCsv(grid: CellValue[][]): string {
  return `\uFEFF${grid.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
