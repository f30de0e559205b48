// Finding the criteria tab: the one named in settings when it holds a table, else the first tab that does.
import type { Settings } from '../core/settings';
import { readTable, type TableRead } from '../sheets/table';
import { sameTabName } from '../sheets/tabs';

export type Located =
  | {
      ok: true;
      sheet: GoogleAppsScript.Spreadsheet.Sheet;
      /** The tab's name as Sheets spells it. */
      name: string;
      /** False when the tab named in settings is gone (the table was found on another tab). */
      configuredExists: boolean;
      read: Extract<TableRead, { ok: true }>;
    }
  | {
      ok: false;
      message: string;
      sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
      /** Every tab with its name (listed in the search). */
      tabs: Tab[];
    };

/** A tab and its name. */
export interface Tab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
}

/** Every tab with its name: 1 + one call per tab. */
export function listTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Tab[] {
  return ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
}

/** What the caller already knows, to save calls. */
export interface LocateHints {
  /** The cached spelling of the configured tab's name (saves asking the tab). */
  knownName?: string | null;
}

/**
 * The criteria tab: the one named in settings when it holds a table, else the first tab that does. When
 * none does, the message says precisely what is missing on the configured tab, and `tabs` holds the tab list
 * (the sidebar offers them to attach). The configured tab is found by name: the tabs are listed only when it
 * is missing or holds no table, so finding it costs the same whatever the number of tabs.
 */
export function locateCriteria(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  withFormulas: boolean,
  hints: LocateHints = {},
): Located {
  const wanted = settings.criteriaSheetName;
  let named: Tab | null = null;
  const sheet = ss.getSheetByName(wanted);
  if (sheet)
    named = {
      sheet,
      name: hints.knownName && sameTabName(hints.knownName, wanted) ? hints.knownName : sheet.getName(),
    };
  let namedMessage: string | null = null;
  if (named) {
    const read = readTable(named.sheet, withFormulas, named.name, ss);
    if (read.ok) return { ok: true, sheet: named.sheet, name: named.name, configuredExists: true, read };
    namedMessage = read.message;
  }
  const tabs = listTabs(ss);
  for (const tab of tabs) {
    if (named && tab.name === named.name) continue;
    const read = readTable(tab.sheet, withFormulas, tab.name, ss);
    if (read.ok)
      return { ok: true, sheet: tab.sheet, name: tab.name, configuredExists: named !== null, read };
  }
  const hint =
    'Chọn "Thiết lập bảng tiêu chí mẫu" để tạo trang tiêu chí mẫu, hoặc "Gắn vào trang có sẵn" để dùng trang của bạn.';
  if (namedMessage)
    return { ok: false, sheet: named ? named.sheet : null, tabs, message: `${namedMessage} ${hint}` };
  return {
    ok: false,
    sheet: null,
    tabs,
    message: `Không có trang "${settings.criteriaSheetName}" và không trang nào có bảng tiêu chí. ${hint}`,
  };
}
