// The commune export tab's layout, version 2 (README "Bảng tổng hợp tỉnh"): what the province workbook
// imports with IMPORTRANGE. Shared by the commune side (src/sheets/exportTab.ts writes it) and the province
// side (src/sheets/provinceWorkbook.ts reads it at fixed offsets). A change of layout is a new version.
// Version 2 = version 1 + two criteria columns on the right (G area, H points at stake): every cell of
// version 1 keeps its place, so the province still reads a version-1 export (and says it is old).
import { normalizeCode } from './criteria';
import type { CriteriaRow } from './types';
import { numberOf } from './values';

export const EXPORT_TAB = 'CCHC Xuất dữ liệu';
export const EXPORT_MARK = 'CCHC_EXPORT';
export const EXPORT_VERSION = 2;
/** Versions the province reads: each keeps the cells of the one before it in place. */
export const EXPORT_READABLE_VERSIONS = [1, 2] as const;
/** Criteria rows carried (from the table's first data row). */
export const EXPORT_ROWS = 300;
/** Area lines carried. */
export const EXPORT_AREAS = 10;

/** Row of each header figure (value in column B); row 1 holds mark, version, set key. */
export const EXPORT_META = {
  commune: 2,
  year: 3,
  asOf: 4,
  total: 5,
  applicableMax: 6,
  index: 7,
  classification: 8,
  tableRows: 9,
} as const;
export const EXPORT_META_LABELS: Record<keyof typeof EXPORT_META, string> = {
  commune: 'Xã/phường',
  year: 'Năm',
  asOf: 'Tính đến ngày',
  total: 'Tổng điểm',
  applicableMax: 'Điểm tối đa áp dụng',
  index: 'Chỉ số CCHC',
  classification: 'Xếp loại',
  tableRows: 'Số dòng bảng tiêu chí',
};
/** Area lines: header in row 2, lines from row 3, columns D (label "1. Tên"), E (score), F (max). */
export const EXPORT_AREA_ROW = 3;
export const EXPORT_AREA_COLUMN = 4;
/** The criteria header row and the first criteria row. */
export const EXPORT_HEADER_ROW = 14;
export const EXPORT_FIRST_ROW = 15;
export const EXPORT_COLUMNS = [
  'Mã',
  'Tiêu chí',
  'Điểm tối đa',
  'Điểm',
  'Trạng thái',
  'Ngành',
  'Lĩnh vực',
  'Điểm có thể mất',
] as const;
/** Column (1-based) of code, max and points in the export: what CCHC_WEAK reads. */
export const EXPORT_CODE_COLUMN = 1;
export const EXPORT_MAX_COLUMN = 3;
export const EXPORT_POINTS_COLUMN = 4;
/** Version 2: the row's area (its code's first segment) and its points at stake. */
export const EXPORT_AREA_CODE_COLUMN = 7;
export const EXPORT_AT_STAKE_COLUMN = 8;
export const EXPORT_WIDTH = 8;
export const EXPORT_HEIGHT = EXPORT_FIRST_ROW + EXPORT_ROWS - 1;

/** The area a row belongs to, as the export's Lĩnh vực column gives it: the code's first segment. */
export function exportAreaOf(code: unknown): string {
  return normalizeCode(code).split('.')[0];
}

/**
 * The indicator set's identity: leaf count, total max and a hash of every code with its max, so two
 * communes on the same official set share it and a commune on another set (or an edited copy) does not.
 */
export function indicatorSetKey(rows: Pick<CriteriaRow, 'code' | 'max'>[]): string {
  const items = rows
    .map((r) => ({ code: normalizeCode(r.code), max: numberOf(r.max, false) }))
    .filter((r) => r.code !== '')
    .map((r) => `${r.code}=${r.max === r.max ? Math.round(r.max * 1000) / 1000 : '?'}`)
    .sort();
  let h = 0x811c9dc5;
  for (const ch of items.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${items.length} dòng · ${h.toString(16).padStart(8, '0')}`;
}
