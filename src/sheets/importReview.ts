// The rows an import marked for review, read from the criteria tab's own grid (no extra Spreadsheet call):
// every row whose `Cần xem lại` cell is not empty, with its official prose (`Hướng dẫn chấm điểm`) and the
// rule proposed in `Cách chấm`, for the sidebar to show side by side. A row leaves the list when the user
// clears its `Cần xem lại` cell after checking it.
import { foldHeaderText } from '../core/prose/officialTable';
import type { CellValue } from '../core/types';
import { showValue } from '../core/values';
import type { TableLayout } from './table';

export interface ImportReviewItem {
  row: number;
  code: string;
  title: string;
  prose: string;
  rule: string;
  reason: string;
}

/** The most rows listed (a whole official set is 70–120 rows). */
export const REVIEW_LIST_LIMIT = 300;

const text = (v: CellValue): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : showValue(v).trim();

export function importReviewItems(values: CellValue[][], layout: TableLayout): ImportReviewItem[] {
  const header = values[layout.headerRow - 1] ?? [];
  const folded = header.map(foldHeaderText);
  const reasonAt = folded.indexOf('can xem lai');
  if (reasonAt < 0) return [];
  const proseAt = folded.findIndex((h) => h === 'huong dan cham diem' || h === 'cach tinh diem');
  const at = (row: CellValue[], column: number | undefined) =>
    column === undefined ? '' : text(row[column - 1]);
  const items: ImportReviewItem[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow && items.length < REVIEW_LIST_LIMIT; r++) {
    const row = values[r - 1] ?? [];
    const reason = text(row[reasonAt]);
    if (reason === '') continue;
    items.push({
      row: r,
      code: at(row, layout.columns.code),
      title: at(row, layout.columns.title),
      prose: proseAt < 0 ? '' : text(row[proseAt]),
      rule: at(row, layout.columns.rule),
      reason,
    });
  }
  return items;
}
