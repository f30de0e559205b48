// Why a commune is left out of the province view, in the words both province paths use (the workbook's
// state formula, src/sheets/provinceWorkbook.ts, and the local --province run, local/demo/province.ts), and
// which indicator set the communes are compared on when the province has not typed one.
import { EXPORT_ROWS, EXPORT_TAB } from './exportLayout';

/** A commune scored on another indicator set than the province's (its rows would be merged by code). */
export const OTHER_SET_REASON = 'Xã dùng bộ chỉ số khác bộ của tỉnh';

/**
 * A commune whose criteria table is longer than its export carries (the rows after EXPORT_ROWS would be
 * lost): the reason's text before and after the row count. A function, not a constant, so that it stays out
 * of dist/Code.js (only the province workbook's lazy module uses it).
 */
export function longTableReason(): { before: string; after: string; grown: string } {
  return {
    // The row count is written at the commune's set-up: a table that has grown since fills the export's
    // last row while the count is still below it.
    grown:
      `Bảng tiêu chí của xã đã thêm dòng từ lần chạy "Thiết lập bảng tiêu chí" gần nhất và nay có từ ${EXPORT_ROWS} ` +
      `dòng trở lên, nhưng trang "${EXPORT_TAB}" chỉ mang ${EXPORT_ROWS} dòng đầu, nên xã chưa được xếp hạng. ` +
      `Mở bảng tính của xã và chạy lại "Thiết lập bảng tiêu chí" (nếu bảng dài hơn ${EXPORT_ROWS} dòng, xóa các ` +
      `dòng trống hoặc không cần)`,
    before: 'Bảng tiêu chí của xã có ',
    after:
      ` dòng, nhưng trang "${EXPORT_TAB}" chỉ mang ${EXPORT_ROWS} dòng đầu: các tiêu chí sau dòng ${EXPORT_ROWS} ` +
      `sẽ bị bỏ sót, nên xã chưa được xếp hạng. Xóa các dòng trống hoặc không cần trong bảng tiêu chí của xã ` +
      `(còn tối đa ${EXPORT_ROWS} dòng), rồi chạy lại "Thiết lập bảng tiêu chí" ở xã`,
  };
}

/**
 * The set most communes use (each key counted once per commune). A tie goes to the set of the commune
 * that comes first in `keys` (the order the communes are listed or read), as the workbook's default set
 * key is the first readable commune's. Null when there is no key.
 */
export function commonSetKey(keys: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: string | null = null;
  // Map keeps first-insertion order: a later key wins only with strictly more communes.
  for (const [key, count] of counts) if (best === null || count > counts.get(best)!) best = key;
  return best;
}
