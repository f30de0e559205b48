// "Thiết lập bảng tiêu chí mẫu" and "Gắn vào trang" (menu and sidebar): create the criteria tab from the
// embedded sample, or set up a tab the commune pasted in; output columns, summary block, colours, help.
import type { Settings } from '../core/settings';
import { exportGrid, writeExportTab } from '../sheets/exportTab';
import { setupSheet, writeSample, writeTemplate766 } from '../sheets/setup';
import { addSolutionColumns, missingSolutionColumns } from '../sheets/solutionColumns';
import { a1, HEADER_TEXT } from '../sheets/headers';
import { BANDS_766, MARK_766, POINTS_DECIMALS_766 } from '../sheets/template766';
import { readTable } from '../sheets/table';
import { sheetDate, todayIso } from './clock';
import { withDocumentLock } from './locks';
import { loadSettings, updateSettings } from './settingsStore';
import { finish, type SheetState } from './sheetState';
import { sheetNamed, unusedTabName } from '../sheets/tabs';

/** Set-up's options: the as-of date as Sheets stores a date (midnight in the spreadsheet's zone). */
function liveOptions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, now: Date) {
  const iso = todayIso(now);
  const [y, m, d] = iso.split('-').map(Number);
  return {
    iso,
    asOf: sheetDate(ss, y, m, d),
    nearDeadlineDays: settings.nearDeadlineDays,
    bands: settings.bands,
    pointsDecimals: settings.pointsDecimals,
  };
}

/** The embedded sets "Thiết lập bảng tiêu chí mẫu" offers. */
export type Template = 'sample' | '766';

/** A template name from the sidebar or a menu item; anything else is the sample set. */
export function templateOf(name: unknown): Template {
  return name === '766' ? '766' : 'sample';
}

/**
 * Creates the criteria tab from an embedded set: the sample commune set (or, when the configured tab already
 * holds a table, checks its set-up again, which changes nothing when it is complete), or Bộ chỉ số 766 (its
 * own tab; its class bands and the rounding of each criterion to 2 decimals become the settings). Never
 * writes over a tab with content.
 */
export function setupSample(now: Date = new Date(), template: Template = 'sample'): SheetState {
  if (template === '766') return setup766(now);
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { settings } = loadSettings();
    const options = liveOptions(ss, settings, now);
    let sheet = sheetNamed(ss, settings.criteriaSheetName);
    if (sheet) {
      const read = readTable(sheet);
      if (read.ok)
        return attachLocked(
          ss,
          sheet,
          settings,
          options,
          'Trang tiêu chí đã có; đã kiểm tra lại thiết lập. ',
        );
      if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) {
        sheet = ss.insertSheet(unusedTabName(ss, `${settings.criteriaSheetName} (mẫu)`));
      }
    } else {
      sheet = ss.insertSheet(settings.criteriaSheetName);
    }
    writeSample(sheet, settings.year, (y, m, d) => sheetDate(ss, y, m, d));
    const result = attachLocked(
      ss,
      sheet,
      settings,
      { ...options, sample: true },
      `Đã tạo trang "${sheet.getName()}" từ bộ chỉ số MẪU năm ${settings.year}: hãy thay bằng bộ chỉ số chính thức do cấp trên ban hành. `,
    );
    sheet.activate();
    return result;
  });
}

function setup766(now: Date): SheetState {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const settings = {
      ...loadSettings().settings,
      bands: BANDS_766,
      pointsDecimals: POINTS_DECIMALS_766,
    };
    const options = liveOptions(ss, settings, now);
    // The configured tab when it is there and empty; otherwise a tab of its own (a sample or a commune's
    // own table stays as it is).
    const configured = sheetNamed(ss, settings.criteriaSheetName);
    const sheet =
      configured && configured.getLastRow() === 0 && configured.getLastColumn() === 0
        ? configured
        : ss.insertSheet(unusedTabName(ss, MARK_766));
    writeTemplate766(sheet, settings.year);
    // The set's class bands and rounding become the document's settings (Cài đặt shows and may change them).
    updateSettings({ bands: BANDS_766, pointsDecimals: POINTS_DECIMALS_766 });
    const result = attachLocked(
      ss,
      sheet,
      settings,
      options,
      `Đã tạo trang "${sheet.getName()}" từ Bộ chỉ số 766 (6 nhóm, 100 điểm); xếp loại theo ngưỡng 90/80/70/50 và làm tròn điểm từng tiêu chí 2 chữ số như Cổng DVCQG. Nhập số liệu dạng tử số/mẫu số vào cột Kết quả. `,
    );
    sheet.activate();
    return result;
  });
}

function attachLocked(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  settings: Settings,
  options: ReturnType<typeof liveOptions> & { sample?: boolean },
  prefix: string,
): SheetState {
  const setup = setupSheet(sheet, options);
  if (!setup.ok)
    return { ok: false, message: setup.message, sheet, layout: null, evaluation: null, problems: [] };
  const name = setup.layout.sheetName;
  // The export tab the province workbook imports (issue 17), kept in step with the table's layout.
  writeExportTab(ss, exportGrid(name, setup.layout, setup.plan, setup.rows, settings));
  if (settings.criteriaSheetName !== name) updateSettings({ criteriaSheetName: name });
  const read = readTable(sheet, false, name);
  if (!read.ok)
    return { ok: false, message: read.message, sheet, layout: null, evaluation: null, problems: [] };
  return finish({
    ss,
    sheet,
    name,
    layout: setup.layout,
    read,
    settings: { ...settings, criteriaSheetName: name },
    iso: options.iso,
    prefix,
    rules: setup.rulesMark,
  });
}

/**
 * Attaches the add-in to an existing tab the user points at (set-up without the sample). With
 * `addSolutions` (the user agreed when asked), the solution columns the table lacks are added at its right
 * first (issue 14, src/sheets/solutionColumns.ts), so the formulas and colours take them in.
 */
export function attachSheet(sheetName: string, now: Date = new Date(), addSolutions = false): SheetState {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { settings } = loadSettings();
    const sheet = sheetNamed(ss, String(sheetName ?? ''));
    if (!sheet) {
      return {
        ok: false,
        message: `Không có trang "${sheetName}" trong bảng tính.`,
        sheet: null,
        layout: null,
        evaluation: null,
        problems: [],
      };
    }
    let added = '';
    if (addSolutions) {
      const read = readTable(sheet, true);
      if (read.ok) {
        const columns = addSolutionColumns(sheet, read.grid, read.layout);
        if (columns.length)
          added = `Đã thêm cột ${columns.map((c) => `${HEADER_TEXT[c.key].vi} (${a1(read.layout.headerRow, c.column)})`).join(', ')} bên phải bảng. `;
      }
    }
    return attachLocked(
      ss,
      sheet,
      settings,
      liveOptions(ss, settings, now),
      `Đã gắn vào trang "${sheet.getName()}". ${added}`,
    );
  });
}

/** True when the tab's table lacks a solution column (the attach then asks whether to add them). */
export function lacksSolutionColumns(sheetName: string): boolean {
  const sheet = sheetNamed(SpreadsheetApp.getActiveSpreadsheet(), String(sheetName ?? ''));
  if (!sheet) return false;
  const read = readTable(sheet);
  return read.ok && missingSolutionColumns(read.layout).length > 0;
}
