// "Thiết lập bảng tổng hợp tỉnh/xã": the province workbook, built from native formulas so it stays live:
//   Danh sách xã        the list the province types (name, spreadsheet URL, group) + each commune's state
//   Dữ liệu xã (hidden) one IMPORTRANGE per commune of its export tab (src/core/exportLayout.ts), a state
//                       cell per block (not allowed yet, not an export, a version it cannot read, other
//                       indicator set, a table longer than the export carries; an older version it can read
//                       is used, and the list says it is old) and the block's codes gated by that state
//                       (only valid communes reach CCHC_WEAK)
//   Xếp hạng            rank (CCHC_RANK: one call per column), rank within the group, index, class,
//                       total / applicable max, last month's rank and index (the snapshot tab, by name) and
//                       the changes, state, per-area share with a heat map
//   Tiêu chí dễ mất điểm  one CCHC_WEAK call over every valid commune's rows (code, title, figures), and
//                       the class distribution with its chart
// IMPORTRANGE needs no OAuth scope of ours; each source needs a one-time "Allow access" in this workbook.
import {
  EXPORT_AREA_COLUMN,
  EXPORT_AREA_ROW,
  EXPORT_AREAS,
  EXPORT_HEIGHT,
  EXPORT_MARK,
  EXPORT_META,
  EXPORT_READABLE_VERSIONS,
  EXPORT_ROWS,
  EXPORT_TAB,
  EXPORT_VERSION,
  EXPORT_WIDTH,
} from '../core/exportLayout';
import { longTableReason, OTHER_SET_REASON } from '../core/communeStates';
import type { Band } from '../core/types';
import { heatColorStops } from './heatMap';
import { columnLetter } from './headers';

export const PROVINCE_TABS = {
  list: 'Danh sách xã',
  data: 'Dữ liệu xã',
  ranking: 'Xếp hạng',
  weak: 'Tiêu chí dễ mất điểm',
} as const;
export const LIST_HEADERS = ['Tên xã/phường', 'Đường dẫn bảng tính', 'Nhóm', 'Tình trạng'];
/** Cell of the indicator-set key every commune is compared with (label in F1, key in G1). */
export const SET_KEY_CELL = 'G1';

/**
 * G1's default: the key of the first block that is an export (the first commune listed may not be readable
 * yet). The province may type its own key instead; set-up rewrites only an empty cell or this default.
 */
export function setKeyFormula(communes: number): string {
  const data = (c: number) =>
    `${q(PROVINCE_TABS.data)}!${A(1, c)}:${A(Math.max(communes, 1) * EXPORT_HEIGHT, c)}`;
  return `=IFERROR(INDEX(${data(3)},MATCH(${str(EXPORT_MARK)},${data(1)},0)),"")`;
}

/** A G1 formula set-up wrote (this default, or the first block's key of the previous round). */
export function isDefaultSetKey(formula: string): boolean {
  const data = q(PROVINCE_TABS.data).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^=IFERROR\\((${data}!C1|INDEX\\(${data}!\\$C\\$1:)`).test(formula);
}
export const STATE_OK = 'OK';
/** Columns of the data tab beside each block: the block's state and its gated codes. */
export const STATE_COLUMN = EXPORT_WIDTH + 2; // J
export const GATED_COLUMN = EXPORT_WIDTH + 3; // K

const q = (name: string) => `'${name.replace(/'/g, "''")}'`;
const A = (row: number, column: number, abs = true) =>
  abs ? `$${columnLetter(column)}$${row}` : `${columnLetter(column)}${row}`;
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** First row of commune i's block (i from 0) in the data tab. */
export function blockRow(i: number): number {
  return i * EXPORT_HEIGHT + 1;
}

/** The state of block i, as a formula: "OK" or the reason the commune is left out. */
export function stateFormula(i: number): string {
  const b = blockRow(i);
  const list = `${q(PROVINCE_TABS.list)}!${A(i + 2, 2)}`;
  const mark = A(b, 1);
  const rows = A(b + EXPORT_META.tableRows - 1, 2);
  const long = longTableReason();
  const lastRow = A(b + EXPORT_HEIGHT - 1, 1);
  return (
    `=IF(${list}="",${str('Chưa có đường dẫn bảng tính')},` +
    `IF(IFERROR(${mark},"#ERR")="#ERR",${str(`Chưa đọc được: mở trang "Dữ liệu xã", bấm ô ${A(b, 1, false)} và chọn "Cho phép truy cập"; nếu vẫn lỗi, kiểm tra đường dẫn, quyền xem, và bảng tính của xã đã có trang "${EXPORT_TAB}" (chạy "Thiết lập bảng tiêu chí" ở xã)`)},` +
    `IF(${mark}<>${str(EXPORT_MARK)},${str(`Bảng tính của xã chưa có trang "${EXPORT_TAB}": mở bảng tính đó và chạy "Thiết lập bảng tiêu chí"`)},` +
    `IF(AND(${EXPORT_READABLE_VERSIONS.map((v) => `${A(b, 2)}<>${v}`).join(',')}),${str('Trang xuất dữ liệu của xã là phiên bản ')}&${A(b, 2)}&${str(`, bảng tổng hợp này đọc phiên bản ${EXPORT_READABLE_VERSIONS.join(', ')}: dùng cùng một phiên bản tiện ích ở tỉnh và ở xã, rồi chạy lại "Thiết lập bảng tiêu chí" ở xã`)},` +
    `IF(${A(b, 3)}<>${q(PROVINCE_TABS.list)}!$G$1,${str(`${OTHER_SET_REASON} (ô G1 của "Danh sách xã")`)},` +
    // The export carries the table's first EXPORT_ROWS rows: a longer table would lose rows silently.
    `IF(AND(ISNUMBER(${rows}),${rows}>${EXPORT_ROWS}),${str(long.before)}&${rows}&${str(long.after)},` +
    // …and the count is the one set-up wrote: a table grown since shows in the export's last row being used.
    `IF(AND(ISNUMBER(${rows}),${rows}<${EXPORT_ROWS},${lastRow}<>""),${str(long.grown)},` +
    `${str(STATE_OK)})))))))`
  );
}

/** Why an export this workbook reads is old, by version (the list shows it after "OK"). */
const OLD_VERSION_NOTE = `trang xuất dữ liệu phiên bản 1 (cũ): đã xếp hạng, nhưng chưa có cột Lĩnh vực và Điểm có thể mất; xã mở bảng tính một lần (hoặc chờ lần chạy hằng ngày) là tự lên phiên bản ${EXPORT_VERSION}, hoặc chạy lại "Thiết lập bảng tiêu chí"`;

/** The list's Tình trạng of commune i: the block's state, with a note when its export is an older version. */
export function listStateFormula(i: number): string {
  const b = blockRow(i);
  const state = `${q(PROVINCE_TABS.data)}!${A(b, STATE_COLUMN)}`;
  const version = `${q(PROVINCE_TABS.data)}!${A(b, 2)}`;
  return `=IF(${state}<>${str(STATE_OK)},${state},IF(${version}<${EXPORT_VERSION},${str(`${STATE_OK} – ${OLD_VERSION_NOTE}`)},${str(STATE_OK)}))`;
}

export interface ProvinceLayout {
  communes: number;
  /** Area columns of the ranking tab. */
  areas: number;
}

/** The formulas of the data tab: per block the import, its state and the gated codes. */
export function dataFormulas(i: number): { row: number; column: number; formula: string }[] {
  const b = blockRow(i);
  const url = `${q(PROVINCE_TABS.list)}!${A(i + 2, 2)}`;
  const range = `${q(EXPORT_TAB)}!A1:${columnLetter(EXPORT_WIDTH)}${EXPORT_HEIGHT}`;
  const state = A(b, STATE_COLUMN);
  return [
    { row: b, column: 1, formula: `=IMPORTRANGE(${url},${str(range)})` },
    { row: b, column: STATE_COLUMN, formula: stateFormula(i) },
    {
      row: b,
      column: GATED_COLUMN,
      formula: `=ARRAYFORMULA(IF(${state}=${str(STATE_OK)},${A(b, 1)}:${A(b + EXPORT_HEIGHT - 1, 1)},""))`,
    },
  ];
}

/** Hidden tab of the ranking the last province email reported (src/sheets/provinceSnapshot.ts). */
export const SNAPSHOT_TAB = 'Xếp hạng đã gửi';

/** Column n (2 rank, 3 index) of the snapshot row whose name is the ranking row r's (TRIM: as stored). */
const snap = (r: number, n: number) => `VLOOKUP(TRIM(C${r}),${q(SNAPSHOT_TAB)}!$A$4:$C,${n},FALSE)`;

/** One ranking row's formulas (row r = list row), columns A… of the ranking tab. */
export function rankingRow(i: number, areas: number): string[] {
  const b = blockRow(i);
  const r = i + 2;
  const data = (row: number, column: number) => `${q(PROVINCE_TABS.data)}!${A(row, column)}`;
  const ok = `${data(b, STATE_COLUMN)}=${str(STATE_OK)}`;
  const when = (x: string) => `=IF(${ok},${x},"")`;
  const meta = (key: keyof typeof EXPORT_META) => data(b + EXPORT_META[key] - 1, 2);
  const cells = [
    '', // rank: one CCHC_RANK call in row 2 spills the column
    '', // rank within the group: likewise
    `=${q(PROVINCE_TABS.list)}!${A(r, 1)}`,
    `=${q(PROVINCE_TABS.list)}!${A(r, 3)}`,
    when(meta('index')),
    when(meta('classification')),
    when(meta('total')),
    when(meta('applicableMax')),
    // Last month's rank and the index change: the snapshot the last province email took, found by name.
    `=IFERROR(IF(ISNUMBER(${snap(r, 2)}),${snap(r, 2)},""),"")`,
    `=IF(AND(ISNUMBER(I${r}),ISNUMBER(A${r})),I${r}-A${r},"")`,
    `=IFERROR(IF(AND(ISNUMBER(E${r}),ISNUMBER(${snap(r, 3)})),E${r}-${snap(r, 3)},""),"")`,
    `=${data(b, STATE_COLUMN)}`,
  ];
  for (let k = 0; k < areas; k++) {
    const row = b + EXPORT_AREA_ROW - 1 + k;
    const score = data(row, EXPORT_AREA_COLUMN + 1);
    const max = data(row, EXPORT_AREA_COLUMN + 2);
    cells.push(`=IF(AND(${ok},ISNUMBER(${max})),IF(${max}>0,${score}/${max},""),"")`);
  }
  return cells;
}

export const RANKING_HEADERS = [
  'Hạng',
  'Hạng trong nhóm',
  'Xã/phường',
  'Nhóm',
  'Chỉ số',
  'Xếp loại',
  'Tổng điểm',
  'Tối đa áp dụng',
  'Hạng tháng trước',
  'Thay đổi hạng',
  'Thay đổi chỉ số',
  'Tình trạng',
];
export const RANK_INDEX_COLUMN = 5; // E
export const RANK_GROUP_COLUMN = 4; // D
export const RANK_INDEX_CHANGE_COLUMN = 11; // K
export const RANK_STATE_COLUMN = 12; // L
export const AREA_FIRST_COLUMN = RANKING_HEADERS.length + 1;

/**
 * Header of area k in the ranking tab: its label in the first block whose state is OK (every valid commune
 * shares the set; the first commune listed may not be readable yet); empty while none is.
 */
export function areaHeaderFormula(k: number, communes: number): string {
  const data = (c: number) => `${q(PROVINCE_TABS.data)}!${A(1, c)}:${A(communes * EXPORT_HEIGHT, c)}`;
  const firstOk = `MATCH(${str(STATE_OK)},${data(STATE_COLUMN)},0)`;
  const label = `INDEX(${data(EXPORT_AREA_COLUMN)},${firstOk}+${EXPORT_AREA_ROW - 1 + k})`;
  return `=IFERROR(${label},"")`;
}

export function rankFormulas(communes: number): { rank: string; groupRank: string } {
  const col = (c: number) => `${A(2, c)}:${A(communes + 1, c)}`;
  return {
    rank: `=CCHC_RANK(${col(RANK_INDEX_COLUMN)})`,
    groupRank: `=CCHC_RANK(${col(RANK_INDEX_COLUMN)},${col(RANK_GROUP_COLUMN)})`,
  };
}

/**
 * The weak-criteria tab: one CCHC_WEAK call spilling A:F (with the export's Tiêu chí column as its titles,
 * so the upper level reads what each code is), then, after a blank column, the class distribution (H:I)
 * and its chart. Readers of the tab (the province email) use these positions.
 */
export const WEAK_HEADERS = [
  'Mã',
  'Tiêu chí',
  'Số xã mất điểm',
  'Tổng điểm mất',
  'Tỷ lệ điểm đạt bình quân',
  'Số xã áp dụng',
];
export const WEAK_SHARE_COLUMN = 5; // E
// H (label), I (count): after the six weak columns and a blank one. A literal, so the bundle that only
// reads the province tab names does not keep WEAK_HEADERS.
export const CLASS_COLUMN = 8;

/** The weak-criteria call over every block's gated codes, max, points and titles (the export's A…D). */
export function weakFormula(communes: number): string {
  const last = communes * EXPORT_HEIGHT;
  const col = (c: number) => `${q(PROVINCE_TABS.data)}!${A(1, c)}:${A(last, c)}`;
  return `=CCHC_WEAK(${col(GATED_COLUMN)},${col(3)},${col(4)},"",${col(2)})`;
}

/** Class distribution rows: label and a COUNTIF over the ranking's class column. */
export function classRows(bands: Band[], communes: number): [string, string][] {
  const classes = `${q(PROVINCE_TABS.ranking)}!${A(2, 6)}:${A(communes + 1, 6)}`;
  return bands.map((b) => [b.label, `=COUNTIF(${classes},${str(b.label)})`]);
}

export { EXPORT_AREAS, heatColorStops };
