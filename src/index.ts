// The single list of Apps Script entry points. build.mjs turns every `export function` below into a
// top-level function of dist/Code.js, copying its JSDoc and parameter names (Sheets reads @customfunction
// from there). Keep bodies one line: the logic lives in src/server, src/functions and src/core.
// Nothing at module top level may call an Apps Script service: custom functions load this whole bundle.
import { buildMenu, showSidebar } from './server/menu';
import {
  menuAttachActiveSheetAction,
  menuCheckDataAction,
  menuGenerateReportAction,
  menuImportOfficialAction,
  menuRecomputeAction,
  menuSendNowAction,
  menuSendProvinceEmailAction,
  menuSetup766Action,
  menuSetupProvinceAction,
  menuSetupSampleAction,
  menuSnapshotAction,
  menuUnlockRoundsAction,
} from './server/menuActions';
import {
  sidebarAttachSheetAction,
  sidebarCheckDataAction,
  sidebarGenerateReportAction,
  sidebarImportOfficialAction,
  sidebarListTabsAction,
  sidebarLoadAction,
  sidebarPreviewEmailAction,
  sidebarRecomputeAction,
  sidebarRoundLocksAction,
  sidebarSaveSettingsAction,
  sidebarScheduleAction,
  sidebarSelectCellAction,
  sidebarSendNowAction,
  sidebarSendProvinceEmailAction,
  sidebarSetupProvinceAction,
  sidebarSetupSampleAction,
  sidebarSnapshotAction,
} from './server/sidebarActions';
import { canUseDocument, onEditRecompute, refreshOnOpen } from './server/triggers';
import { dailyTick as runDailyTick } from './server/schedule.lazy';
import { selfCheckAction } from './server/selfCheckReport.lazy';
import type { ActionResult, SidebarData } from './server/api';
import {
  cchcAtStake,
  cchcOutputs,
  cchcSummary,
  cchcClass,
  cchcCodes,
  cchcIndex,
  cchcMax,
  cchcPoints,
  cchcReason,
  cchcScore,
  cchcStatus,
  cchcTotal,
  cchcRank,
  cchcWeak,
} from './functions';
import { cchcProbe } from './functions/probe';

// The wrappers build.mjs writes pass every custom function's arguments through this (dates read in the
// spreadsheet's time zone); names starting with __ get no wrapper of their own.
export { inSheetZone as __inSheetZone } from './functions/sheetZone';

// ── Triggers ──

/**
 * Simple trigger: builds the add-on menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
  // With authorisation: keep the as-of date and the formula ranges current (never throws).
  if (canUseDocument(e)) refreshOnOpen();
}

/**
 * Runs when the add-on is installed: behaves as if the spreadsheet had just been opened.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/**
 * The single daily time-driven trigger: keeps the "as of" date current and, on the configured day, records
 * the month's snapshot and sends the monthly summary (at most once per month per document).
 * @param {GoogleAppsScript.Events.TimeDriven} e the time-driven event
 */
export function dailyTick(e?: GoogleAppsScript.Events.TimeDriven): void {
  runDailyTick(e);
}

/**
 * Simple trigger: an edit that changes the criteria table's shape (header row, or rows added below it)
 * extends the formulas and colours; edits inside the table are rescored by the formulas themselves.
 * Does nothing in AuthMode.NONE (the add-on is not yet enabled in this document), like onOpen.
 * @param {GoogleAppsScript.Events.SheetsOnEdit} e the edit event
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (canUseDocument(e)) onEditRecompute(e);
}

// ── Menu actions ──

/** Menu: makes this spreadsheet the province workbook (ranking and weak criteria of the listed communes). */
export function menuSetupProvince(): void {
  menuSetupProvinceAction();
}

/** Menu: sends the province email of this month (ranking changes, bottom communes, weakest criteria). */
export function menuSendProvinceEmail(): void {
  menuSendProvinceEmailAction();
}

/** Menu: opens the sidebar (dashboard, at-risk list, data checks, actions, settings). */
export function menuShowSidebar(): void {
  showSidebar();
}

/** Menu: generates (replaces) the report tab. */
export function menuGenerateReport(): void {
  menuGenerateReportAction();
}

/** Menu: sends this month's summary now, unless it was already sent this month. */
export function menuSendNow(): void {
  menuSendNowAction();
}

/** Menu: appends a snapshot of the current scores to the history tab. */
export function menuSnapshotNow(): void {
  menuSnapshotAction();
}

/** Menu: removes the add-in's own round locks (asks first; recorded in the audit tab). */
export function menuUnlockRounds(): void {
  menuUnlockRoundsAction();
}

/** Menu: creates the criteria tab from the embedded sample set (a sample to replace with the official set). */
export function menuSetupSample(): void {
  menuSetupSampleAction();
}

/** Menu: creates the criteria tab from the embedded Bộ chỉ số 766 (its bands and 2-decimal rounding too). */
export function menuSetup766(): void {
  menuSetup766Action();
}

/** Menu: sets up the tab that is open (a criteria table the commune pasted in) without the sample. */
export function menuAttachActiveSheet(): void {
  menuAttachActiveSheetAction();
}

/** Menu: the official indicator set pasted into the open tab becomes the criteria tab (rules read from its prose). */
export function menuImportOfficial(): void {
  menuImportOfficialAction();
}

/** Menu: recomputes scores, status and reasons and refreshes the row colours. */
export function menuRecompute(): void {
  menuRecomputeAction();
}

/** Menu: lists every problem of the criteria table (row, column, fix) in a dialog. */
export function menuCheckData(): void {
  menuCheckDataAction();
}

/** Menu: probes what the add-in assumes about Google (error cells, time zones, locks, triggers…) and reports. */
export function menuSelfCheck(): void {
  selfCheckAction();
}

// ── Sidebar calls (google.script.run) ──

/** Sidebar: everything it shows, in one call. */
export function sidebarLoad(): SidebarData {
  return sidebarLoadAction();
}

/** Sidebar: the names of the spreadsheet's tabs (asked when the user wants to attach another tab). */
export function sidebarListTabs(): string[] {
  return sidebarListTabsAction();
}

/**
 * Sidebar: creates the criteria tab from an embedded set (or re-checks its set-up).
 * @param template "sample" (bộ chỉ số mẫu cấp xã, the default) or "766" (Bộ chỉ số 766).
 */
export function sidebarSetupSample(template?: string): ActionResult {
  return sidebarSetupSampleAction(template);
}

/**
 * Sidebar: attaches the add-in to an existing tab.
 * @param {string} sheetName the tab's name
 * @param {boolean} addSolutions add the Giải pháp, Người thực hiện, Hạn khắc phục columns the table lacks
 */
export function sidebarAttachSheet(sheetName: string, addSolutions?: boolean): ActionResult {
  return sidebarAttachSheetAction(sheetName, addSolutions);
}

/**
 * Sidebar: imports the official indicator set from a tab ('' = the open tab) into the criteria tab.
 * @param {string} sheetName the tab holding the official table, or '' for the open tab
 * @param {boolean} confirmNewTab true when the user agreed to a new criteria tab (the old one has content)
 */
export function sidebarImportOfficial(sheetName: string, confirmNewTab: boolean): ActionResult {
  return sidebarImportOfficialAction(sheetName, confirmNewTab);
}

/** Sidebar: recomputes and highlights. */
export function sidebarRecompute(): ActionResult {
  return sidebarRecomputeAction();
}

/** Sidebar: checks the data (read only). */
export function sidebarCheckData(): ActionResult {
  return sidebarCheckDataAction();
}

/**
 * Sidebar: selects a cell of the criteria tab (a click on a problem).
 * @param {number} row 1-based sheet row
 * @param {string|number|null} column column key, header text or 1-based number; null selects the row
 */
export function sidebarSelectCell(row: number, column: string | number | null): ActionResult {
  return sidebarSelectCellAction(row, column);
}

/**
 * Sidebar: validates and stores the settings.
 * @param {object} settings the settings form
 */
export function sidebarSaveSettings(settings: unknown): ActionResult {
  return sidebarSaveSettingsAction(settings);
}

/** Sidebar: generates (replaces) the report tab. */
export function sidebarGenerateReport(): ActionResult {
  return sidebarGenerateReportAction();
}

/** Sidebar: the monthly emails as they would be sent now (leadership and each sector), for preview. */
export function sidebarPreviewEmail(): ActionResult {
  return sidebarPreviewEmailAction();
}

/**
 * Sidebar: sends this month's summary now.
 * @param {boolean} force true to send again a month that was already sent
 */
export function sidebarSendNow(force: boolean): ActionResult {
  return sidebarSendNowAction(force);
}

/**
 * Sidebar: installs (replacing any earlier one) or removes the daily trigger.
 * @param {boolean} enabled true to install, false to remove
 */
export function sidebarSetSchedule(enabled: boolean): ActionResult {
  return sidebarScheduleAction(enabled);
}

/** Sidebar: sets up or refreshes the province workbook. */
export function sidebarSetupProvince(): ActionResult {
  return sidebarSetupProvinceAction();
}

/** Sidebar: sends this month's province email now. */
export function sidebarSendProvinceEmail(): ActionResult {
  return sidebarSendProvinceEmailAction();
}

/**
 * Sidebar: "Mở khóa" (unlock: the add-in's own round locks only) or "Khóa lại" (relock every passed round).
 * @param {string} action 'unlock' or 'relock'
 */
export function sidebarRoundLocks(action: string): ActionResult {
  return sidebarRoundLocksAction(action);
}

/** Sidebar: appends a snapshot of the current scores to the history tab. */
export function sidebarSnapshotNow(): ActionResult {
  return sidebarSnapshotAction();
}

// ── Custom functions ──

/**
 * Mã có dấu chấm từ cột STT/TT (I, II… → 1, 2; 1, 2… → 1.1, 1.2; a, b… → 1.1.1), mỗi dòng một mã.
 * @param {Array} stt Cột STT (số La Mã, số, chữ cái).
 * @param {number} first_row (tùy chọn) Số dòng của ô đầu tiên, để thông báo lỗi nêu đúng dòng.
 * @customfunction
 */
export function CCHC_CODES(stt: unknown, first_row?: unknown): unknown {
  return cchcCodes(stt, first_row);
}

/**
 * Điểm theo cách chấm. Một ô hoặc cả cột; dòng lỗi ghi "Lỗi: …".
 * @param {string|Array} rule Cách chấm, ví dụ "MỨC(100%: 1,5; 80%: 0,75)".
 * @param {number} max Điểm tối đa.
 * @param {*} actual Kết quả.
 * @param {*} target (tùy chọn) Chỉ tiêu (tỷ lệ, hoặc hạn cho HẠN).
 * @param {number} decimals (tùy chọn) Làm tròn điểm (0–4 chữ số thập phân, nửa lên); bỏ trống: không làm tròn.
 * @customfunction
 */
export function CCHC_SCORE(
  rule: unknown,
  max: unknown,
  actual: unknown,
  target?: unknown,
  decimals?: unknown,
): unknown {
  return cchcScore(rule, max, actual, target, decimals);
}

/**
 * Tổng điểm các tiêu chí lá, trong mã prefix nếu có.
 * @param {Array} codes Cột Mã.
 * @param {Array} scores Cột Điểm.
 * @param {string} prefix (tùy chọn) Mã lĩnh vực, ví dụ "3".
 * @customfunction
 */
export function CCHC_TOTAL(codes: unknown, scores: unknown, prefix?: unknown): unknown {
  return cchcTotal(codes, scores, prefix);
}

/**
 * Điểm tối đa áp dụng (bỏ dòng "Không áp dụng"), trong mã prefix nếu có.
 * @param {Array} codes Cột Mã.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} scores Cột Điểm.
 * @param {string} prefix (tùy chọn) Mã lĩnh vực, ví dụ "3".
 * @customfunction
 */
export function CCHC_MAX(codes: unknown, max: unknown, scores: unknown, prefix?: unknown): unknown {
  return cchcMax(codes, max, scores, prefix);
}

/**
 * Chỉ số CCHC = tổng điểm / điểm tối đa áp dụng (định dạng %).
 * @param {Array} codes Cột Mã.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} scores Cột Điểm.
 * @customfunction
 */
export function CCHC_INDEX(codes: unknown, max: unknown, scores: unknown): unknown {
  return cchcIndex(codes, max, scores);
}

/**
 * Xếp loại theo chỉ số (≤ 1: phân số, > 1: phần trăm).
 * @param {number} index Chỉ số CCHC.
 * @param {Array} bands (tùy chọn) Bảng 2 cột: tên xếp loại, ngưỡng tối thiểu (%).
 * @customfunction
 */
export function CCHC_CLASS(index: unknown, bands?: unknown): unknown {
  return cchcClass(index, bands);
}

/**
 * Cột Điểm: tiêu chí lá theo cách chấm, dòng cha là tổng; "Không áp dụng" hoặc "Lỗi: …".
 * @param {Array} codes Cột Mã.
 * @param {Array} rules Cột Cách chấm.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} actual Cột Kết quả.
 * @param {Array} target (tùy chọn) Cột Chỉ tiêu.
 * @param {Array} deadline (tùy chọn) Cột Hạn (HẠN đọc hạn ở đây khi Chỉ tiêu trống).
 * @customfunction
 */
export function CCHC_POINTS(
  codes: unknown,
  rules: unknown,
  max: unknown,
  actual: unknown,
  target?: unknown,
  deadline?: unknown,
): unknown {
  return cchcPoints(codes, rules, max, actual, target, deadline);
}

/**
 * Cột Trạng thái: Mất điểm, Quá hạn, Nguy cơ, Đạt, Không áp dụng, Lỗi.
 * @param {Array} codes Cột Mã.
 * @param {Array} rules Cột Cách chấm.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} actual Cột Kết quả.
 * @param {Array} target Cột Chỉ tiêu.
 * @param {Array} evidence Cột Minh chứng.
 * @param {Array} deadline Cột Hạn.
 * @param {Array} appraised Cột Điểm thẩm định.
 * @param {Date} as_of Ngày tính: ô "Tính đến ngày" (không dùng TODAY()).
 * @param {number} near_days (tùy chọn) Số ngày cảnh báo trước hạn (mặc định 14).
 * @customfunction
 */
export function CCHC_STATUS(
  codes: unknown,
  rules: unknown,
  max: unknown,
  actual: unknown,
  target: unknown,
  evidence: unknown,
  deadline: unknown,
  appraised: unknown,
  as_of: unknown,
  near_days?: unknown,
): unknown {
  return cchcStatus(codes, rules, max, actual, target, evidence, deadline, appraised, as_of, near_days);
}

/**
 * Cột Lý do: vì sao mất điểm hoặc có nguy cơ, và số điểm có thể mất.
 * @param {Array} codes Cột Mã.
 * @param {Array} rules Cột Cách chấm.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} actual Cột Kết quả.
 * @param {Array} target Cột Chỉ tiêu.
 * @param {Array} evidence Cột Minh chứng.
 * @param {Array} deadline Cột Hạn.
 * @param {Array} appraised Cột Điểm thẩm định.
 * @param {Date} as_of Ngày tính: ô "Tính đến ngày" (không dùng TODAY()).
 * @param {number} near_days (tùy chọn) Số ngày cảnh báo trước hạn (mặc định 14).
 * @customfunction
 */
export function CCHC_REASON(
  codes: unknown,
  rules: unknown,
  max: unknown,
  actual: unknown,
  target: unknown,
  evidence: unknown,
  deadline: unknown,
  appraised: unknown,
  as_of: unknown,
  near_days?: unknown,
): unknown {
  return cchcReason(codes, rules, max, actual, target, evidence, deadline, appraised, as_of, near_days);
}

/**
 * Điểm có thể mất của từng dòng (dòng cha: tổng các dòng con).
 * @param {Array} codes Cột Mã.
 * @param {Array} rules Cột Cách chấm.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} actual Cột Kết quả.
 * @param {Array} target Cột Chỉ tiêu.
 * @param {Array} evidence Cột Minh chứng.
 * @param {Array} deadline Cột Hạn.
 * @param {Array} appraised Cột Điểm thẩm định.
 * @param {Date} as_of Ngày tính: ô "Tính đến ngày" (không dùng TODAY()).
 * @param {number} near_days (tùy chọn) Số ngày cảnh báo trước hạn (mặc định 14).
 * @customfunction
 */
export function CCHC_AT_STAKE(
  codes: unknown,
  rules: unknown,
  max: unknown,
  actual: unknown,
  target: unknown,
  evidence: unknown,
  deadline: unknown,
  appraised: unknown,
  as_of: unknown,
  near_days?: unknown,
): unknown {
  return cchcAtStake(codes, rules, max, actual, target, evidence, deadline, appraised, as_of, near_days);
}

/**
 * Thứ hạng theo chỉ số (cao nhất hạng 1; bằng nhau đến 2 chữ số thập phân của % thì cùng hạng: 1, 1, 3).
 * @param {Array} values Cột chỉ số hoặc điểm của các xã.
 * @param {Array} group Cột nhóm (tùy chọn): xếp hạng trong từng nhóm, ví dụ xã / phường.
 * @customfunction
 */
export function CCHC_RANK(values: unknown, group?: unknown): unknown {
  return cchcRank(values, group);
}

/**
 * Tiêu chí dễ mất điểm của cả tỉnh: Mã, số xã mất điểm, tổng điểm mất, tỷ lệ điểm đạt bình quân, số xã áp dụng.
 * @param {Array} codes Cột Mã (mỗi dòng là một tiêu chí của một xã).
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} points Cột Điểm.
 * @param {number} top_n Số tiêu chí cần lấy (tùy chọn), ví dụ 10.
 * @param {Array} titles Cột Tiêu chí (tùy chọn): thêm cột tên tiêu chí sau cột Mã.
 * @customfunction
 */
export function CCHC_WEAK(
  codes: unknown,
  max: unknown,
  points: unknown,
  top_n?: unknown,
  titles?: unknown,
): unknown {
  return cchcWeak(codes, max, points, top_n, titles);
}

/**
 * Cả ba cột Điểm, Trạng thái, Lý do trong một lần tính (một công thức tràn sang các cột bên phải).
 * @param {Array} codes Cột Mã.
 * @param {Array} rules Cột Cách chấm.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} actual Cột Kết quả.
 * @param {Array} target Cột Chỉ tiêu.
 * @param {Array} evidence Cột Minh chứng.
 * @param {Array} deadline Cột Hạn.
 * @param {Array} appraised Cột Điểm thẩm định.
 * @param {Date} as_of Ngày tính: ô "Tính đến ngày" (không dùng TODAY()).
 * @param {number} near_days (tùy chọn) Số ngày cảnh báo trước hạn (mặc định 14).
 * @param {string} columns (tùy chọn) Các cột cần trả, theo thứ tự, ví dụ "Trạng thái; Lý do" (mặc định cả ba; thêm được "Điểm có thể mất").
 * @param {number} decimals (tùy chọn) Làm tròn điểm từng tiêu chí (0–4 chữ số, nửa lên): ô "Làm tròn điểm" của khối tổng hợp; trống: không làm tròn.
 * @param {Array} self_scores (tùy chọn) Cột Điểm tự chấm: lệch quá 10% điểm tối đa so với điểm tính thì ghi vào Lý do.
 * @param {Array} solutions (tùy chọn) Cột Giải pháp: tiêu chí cần xử lý mà trống thì Lý do ghi "chưa có giải pháp".
 * @param {Array} solution_due (tùy chọn) Cột Hạn khắc phục: đã qua ngày tính mà tiêu chí vẫn cần xử lý thì ghi "giải pháp quá hạn".
 * @customfunction
 */
export function CCHC_OUTPUTS(
  codes: unknown,
  rules: unknown,
  max: unknown,
  actual: unknown,
  target: unknown,
  evidence: unknown,
  deadline: unknown,
  appraised: unknown,
  as_of: unknown,
  near_days?: unknown,
  columns?: unknown,
  decimals?: unknown,
  self_scores?: unknown,
  solutions?: unknown,
  solution_due?: unknown,
): unknown {
  return cchcOutputs(
    codes,
    rules,
    max,
    actual,
    target,
    evidence,
    deadline,
    appraised,
    as_of,
    near_days,
    columns,
    decimals,
    self_scores,
    solutions,
    solution_due,
  );
}

/**
 * Khối tổng hợp: tổng điểm, điểm tối đa áp dụng, chỉ số, xếp loại và từng lĩnh vực, kèm nhãn (tràn 3 cột).
 * @param {Array} codes Cột Mã.
 * @param {Array} titles Cột Tiêu chí.
 * @param {Array} rules Cột Cách chấm.
 * @param {Array} max Cột Điểm tối đa.
 * @param {Array} actual Cột Kết quả.
 * @param {Array} target (tùy chọn) Cột Chỉ tiêu.
 * @param {Array} deadline (tùy chọn) Cột Hạn.
 * @param {Array} bands (tùy chọn) Bảng 2 cột: tên xếp loại, ngưỡng tối thiểu (%).
 * @param {number} decimals (tùy chọn) Làm tròn điểm từng tiêu chí (0–4 chữ số, nửa lên): ô "Làm tròn điểm" của khối tổng hợp; trống: không làm tròn.
 * @customfunction
 */
export function CCHC_SUMMARY(
  codes: unknown,
  titles: unknown,
  rules: unknown,
  max: unknown,
  actual: unknown,
  target?: unknown,
  deadline?: unknown,
  bands?: unknown,
  decimals?: unknown,
): unknown {
  return cchcSummary(codes, titles, rules, max, actual, target, deadline, bands, decimals);
}

/**
 * Diagnostic used by "Kiểm tra môi trường": what the function receives from Sheets, in words ("chữ:#N/A",
 * "số:1", "ngày:2024-06-15 00:00"), one item per cell.
 * @param {*} value Một ô hoặc một vùng.
 * @return {string} Từng giá trị hàm nhận được.
 * @customfunction
 */
export function CCHC_PROBE(value: unknown): unknown {
  return cchcProbe(value);
}
