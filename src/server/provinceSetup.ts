// "Thiết lập bảng tổng hợp tỉnh/xã" (menu): makes the active spreadsheet a province workbook from its
// "Danh sách xã" tab (created with its headers when missing: the province fills it, then runs this again).
// Only this workbook's own tabs are written; the communes' spreadsheets are read by IMPORTRANGE, a native
// formula (no OAuth scope of ours). Running it again after the list changed rewrites the formulas for the
// new list; the province's own cells (names, URLs, groups, the set key in G1) are never overwritten, nor is
// the snapshot of the last province email's ranking (the "Hạng tháng trước" columns read it by name).
import { EXPORT_HEIGHT } from '../core/exportLayout';
import {
  AREA_FIRST_COLUMN,
  areaHeaderFormula,
  classRows,
  CLASS_COLUMN,
  dataFormulas,
  EXPORT_AREAS,
  GATED_COLUMN,
  isDefaultSetKey,
  SET_KEY_CELL,
  setKeyFormula,
  LIST_HEADERS,
  listStateFormula,
  PROVINCE_TABS,
  RANK_INDEX_CHANGE_COLUMN,
  RANKING_HEADERS,
  rankFormulas,
  SNAPSHOT_TAB,
  rankingRow,
  WEAK_HEADERS,
  WEAK_SHARE_COLUMN,
  weakFormula,
} from '../sheets/provinceWorkbook';
import { heatMapRules } from '../sheets/heatMap';
import { snapshotName, snapshotTab, writeSnapshot } from '../sheets/provinceSnapshot';
import type { ActionResult } from './api';
import { withDocumentLock } from './locks';
import { provinceSentMonth } from './provinceMail';
import { UserError } from './result';
import { loadSettings } from './settingsStore';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function tab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Sheet {
  return ss.getSheetByName(name) ?? ss.insertSheet(name, ss.getSheets().length);
}

function fit(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

/**
 * Deletes the columns past those used, when nothing is in them (nothing typed is ever lost): every cell of a
 * tab's grid, empty or not, counts against a spreadsheet's 10 million (docs/scale.md), and a new tab has 26
 * columns. (Rows only grow: a list that shrinks keeps its last blocks' rows, which the list may still name.)
 */
function trimColumns(sheet: Sheet, columns: number): void {
  if (sheet.getMaxColumns() > columns && sheet.getLastColumn() <= columns)
    sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
}

/** The communes listed: rows 2… up to the last row with a name or a URL. */
function listedCommunes(list: Sheet): number {
  const last = list.getLastRow();
  if (last < 2) return 0;
  const values = list.getRange(2, 1, last - 1, 2).getValues();
  let n = 0;
  values.forEach((r, i) => {
    if (String(r[0]).trim() !== '' || String(r[1]).trim() !== '') n = i + 1;
  });
  return n;
}

/**
 * A workbook set up by an earlier version kept last month's ranks as plain values in the ranking tab's
 * column I, by row: before set-up rewrites that tab, they become the snapshot (by the name on the same row;
 * the month of the last complete send), so the change since last month survives the upgrade. Otherwise the
 * snapshot tab is only created when missing; an existing one is never touched here.
 */
function carryOverLastRanks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  if (ss.getSheetByName(SNAPSHOT_TAB)) return;
  const ranking = ss.getSheetByName(PROVINCE_TABS.ranking);
  const last = ranking ? ranking.getLastRow() : 0;
  const rows = ranking && last >= 2 ? ranking.getRange(2, 3, last - 1, 7).getValues() : [];
  const carried = rows
    .filter((r) => snapshotName(r[0]) !== '' && typeof r[6] === 'number')
    .map((r) => ({ name: snapshotName(r[0]), rank: r[6] as number, index: null }));
  if (carried.length === 0) snapshotTab(ss);
  else writeSnapshot(ss, { month: provinceSentMonth() ?? '', rows: carried });
}

const CHART_TITLE = 'Phân bố xếp loại';

/**
 * The class distribution's column chart over `classes`, beside the weak list. Our chart (known by its
 * title) over another range (the previous layout's F:G, or another number of bands) is replaced; a chart
 * the province added itself is left alone.
 */
function placeClassChart(weak: Sheet, classes: GoogleAppsScript.Spreadsheet.Range): void {
  const ours = weak.getCharts().filter((c) => c.getOptions().get('title') === CHART_TITLE);
  const current = (c: GoogleAppsScript.Spreadsheet.EmbeddedChart) =>
    c
      .getRanges()
      .map((r) => r.getA1Notation())
      .join() === classes.getA1Notation();
  for (const c of ours) if (!current(c)) weak.removeChart(c);
  if (ours.some(current)) return;
  weak.insertChart(
    weak
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(classes)
      .setPosition(classes.getNumRows() + 3, CLASS_COLUMN, 0, 0)
      .setOption('title', CHART_TITLE)
      .build(),
  );
}

export function setupProvince(): ActionResult {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    let list = ss.getSheetByName(PROVINCE_TABS.list);
    if (!list) {
      list = tab(ss, PROVINCE_TABS.list);
      fit(list, 2, 7);
      list.getRange(1, 1, 1, LIST_HEADERS.length).setValues([LIST_HEADERS]).setFontWeight('bold');
      list.getRange(1, 6, 1, 2).setValues([['Bộ chỉ số so sánh', setKeyFormula(1)]]);
      list.setFrozenRows(1);
      list.activate();
      throw new UserError(
        `Đã tạo trang "${PROVINCE_TABS.list}": nhập tên xã/phường, đường dẫn bảng tính (URL) và nhóm của từng xã từ dòng 2, rồi chạy lại "Thiết lập bảng tổng hợp tỉnh/xã".`,
      );
    }
    const n = listedCommunes(list);
    if (n === 0)
      throw new UserError(
        `Trang "${PROVINCE_TABS.list}" chưa có xã nào: nhập tên, đường dẫn bảng tính và nhóm từ dòng 2.`,
      );
    const { settings } = loadSettings();

    // Danh sách xã: headers kept, the state column is ours (a reference to each block's state).
    list.getRange(1, 4).setValue(LIST_HEADERS[3]);
    const states = Array.from({ length: n }, (_, i) => [listStateFormula(i)]);
    list.getRange(2, 4, n, 1).setValues(states);
    const keyCell = list.getRange(SET_KEY_CELL);
    const keyFormula = keyCell.getFormula();
    if (keyFormula === '' ? String(keyCell.getValue()).trim() === '' : isDefaultSetKey(keyFormula))
      keyCell.setFormula(setKeyFormula(n));

    // Dữ liệu xã: one import per commune, its state and its gated codes (columns A, J, K), one write each.
    const data = tab(ss, PROVINCE_TABS.data);
    const height = n * EXPORT_HEIGHT;
    fit(data, height, GATED_COLUMN);
    data.getRange(1, 1, data.getMaxRows(), GATED_COLUMN).clearContent();
    trimColumns(data, GATED_COLUMN); // 11 columns of n × 314 rows: 3,454 cells per commune, not 8,164
    const columns: Record<number, string[][]> = {};
    for (let i = 0; i < n; i++)
      for (const f of dataFormulas(i)) {
        columns[f.column] ??= Array.from({ length: height }, () => ['']);
        columns[f.column][f.row - 1][0] = f.formula;
      }
    for (const [column, cells] of Object.entries(columns))
      data.getRange(1, Number(column), height, 1).setValues(cells);
    if (!data.isSheetHidden()) data.hideSheet();

    // Xếp hạng.
    carryOverLastRanks(ss);
    const ranking = tab(ss, PROVINCE_TABS.ranking);
    const width = AREA_FIRST_COLUMN - 1 + EXPORT_AREAS;
    fit(ranking, n + 1, width);
    ranking.getRange(1, 1, ranking.getMaxRows(), width).clearContent();
    const header = [
      ...RANKING_HEADERS,
      ...Array.from({ length: EXPORT_AREAS }, (_, k) => areaHeaderFormula(k, n)),
    ];
    const body = Array.from({ length: n }, (_, i) => rankingRow(i, EXPORT_AREAS));
    const ranks = rankFormulas(n);
    body[0][0] = ranks.rank;
    body[0][1] = ranks.groupRank;
    ranking.getRange(1, 1, n + 1, width).setValues([header, ...body]);
    ranking.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#cfe2f3');
    ranking.getRange(2, 5, n, 1).setNumberFormat('0.00%');
    ranking.getRange(2, RANK_INDEX_CHANGE_COLUMN, n, 1).setNumberFormat('+0.00%;-0.00%;0.00%');
    const areaRange = ranking.getRange(2, AREA_FIRST_COLUMN, n, EXPORT_AREAS);
    areaRange.setNumberFormat('0%');
    ranking.setConditionalFormatRules(heatMapRules(areaRange));
    ranking.setFrozenRows(1);

    // Tiêu chí dễ mất điểm (A:F) + class distribution (H:I) and its chart. Columns A:I are ours: a tab set
    // up by the previous round (A:E and the classes in F:G) is cleared and rewritten in this layout.
    const weak = tab(ss, PROVINCE_TABS.weak);
    const bands = settings.bands;
    const weakWidth = CLASS_COLUMN + 1;
    fit(weak, Math.max(2, bands.length + 1), weakWidth);
    weak.getRange(1, 1, weak.getMaxRows(), weakWidth).clearContent();
    weak.getRange(1, 1, 1, WEAK_HEADERS.length).setValues([WEAK_HEADERS]).setFontWeight('bold');
    weak.getRange(2, 1).setFormula(weakFormula(n));
    weak.getRange(2, WEAK_SHARE_COLUMN, weak.getMaxRows() - 1, 1).setNumberFormat('0.0%');
    const classes = weak.getRange(1, CLASS_COLUMN, bands.length + 1, 2);
    classes.setValues([['Xếp loại', 'Số xã'], ...classRows(bands, n)]);
    placeClassChart(weak, classes);
    ranking.activate();
    return {
      ok: true,
      message:
        `Đã thiết lập bảng tổng hợp cho ${n} xã/phường. Lần đầu, mở trang "${PROVINCE_TABS.data}" (đang ẩn), ` +
        `bấm vào từng ô báo #REF! và chọn "Cho phép truy cập" (mỗi xã một lần); cột "Tình trạng" của ` +
        `"${PROVINCE_TABS.list}" cho biết xã nào chưa đọc được và vì sao.`,
    };
  });
}
