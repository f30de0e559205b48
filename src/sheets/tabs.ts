// Tabs by name, compared the way Sheets compares them, and the tabs the add-in made itself.
//
// Sheets refuses two tab names that differ only in case (`BÁO CÁO` and `Báo cáo` are the same name), while
// Google does not document whether getSheetByName ignores case: names are therefore always compared here,
// over the tab list, never through getSheetByName.
//
// The add-in replaces or appends to a tab only when it made that tab: its tabs carry a developer-metadata
// mark (invisible to users, kept when the tab is renamed). A commune's own tab that happens to carry the
// name (`Báo cáo`, `Lịch sử`) is never touched: the add-in writes to a free name (`Báo cáo (CCHC)`) and says so.

/** Developer-metadata key of the add-in's own tabs; the value is the tab's role. */
export const TAB_MARK_KEY = 'cchc.tab';

export type TabRole = 'report' | 'history' | 'selfCheck' | 'audit';

/** Suffix of the free names used when a commune's own tab holds the usual name. */
export const OWN_SUFFIX = 'CCHC';

/** Sheets' comparison of tab names: case does not matter. */
export function sameTabName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

export interface NamedTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
}

/** Every tab with its name (1 + one call per tab). */
export function tabList(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): NamedTab[] {
  return ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
}

/** The tab whose name is `name` as Sheets compares names, or null. */
export function findTab(tabs: NamedTab[], name: string): NamedTab | null {
  return tabs.find((t) => sameTabName(t.name, name)) ?? null;
}

/** True when the add-in marked this tab as its own tab of this role. */
export function isOwnTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, role: TabRole): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === TAB_MARK_KEY && m.getValue() === role);
}

/** Marks a tab as the add-in's own tab of this role. */
export function markOwnTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, role: TabRole): void {
  sheet.addDeveloperMetadata(TAB_MARK_KEY, role);
}

/** `Báo cáo` → `Báo cáo (CCHC)`, `Báo cáo (CCHC 2)`, … */
export function alternativeName(base: string, n: number): string {
  return n <= 1 ? `${base} (${OWN_SUFFIX})` : `${base} (${OWN_SUFFIX} ${n})`;
}

/** Where the add-in's tab of a role is, or the free name to create it under. */
export interface OwnTabPlace {
  /** The add-in's existing tab, or null when it must be created. */
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** The tab's name (existing or to create). */
  name: string;
  /** True when a commune's own tab holds the usual name, so another name is used. */
  displaced: boolean;
}

const MAX_ALTERNATIVES = 50;

/**
 * The add-in's tab of `role`, usually named `base`: the tab of that name when the add-in made it, else the
 * first `base (CCHC…)` tab the add-in made, else a free name to create it under. `legacy` recognises a tab
 * that an earlier version of the add-in wrote before tabs were marked (it is then marked and used);
 * `exclude` is never used (the criteria tab).
 */
export function ownTabPlace(
  tabs: NamedTab[],
  role: TabRole,
  base: string,
  options: { legacy?: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => boolean; exclude?: string | null } = {},
): OwnTabPlace {
  const excluded = (t: NamedTab) => options.exclude != null && sameTabName(t.name, options.exclude);
  const names = [base];
  for (let n = 1; n <= MAX_ALTERNATIVES; n++) names.push(alternativeName(base, n));
  let free: string | null = null;
  for (const name of names) {
    const tab = findTab(tabs, name);
    if (!tab) {
      free ??= name;
      continue;
    }
    if (excluded(tab)) continue;
    if (isOwnTab(tab.sheet, role)) return { sheet: tab.sheet, name: tab.name, displaced: name !== base };
    if (name === base && options.legacy?.(tab.sheet)) {
      markOwnTab(tab.sheet, role);
      return { sheet: tab.sheet, name: tab.name, displaced: false };
    }
  }
  if (free === null) free = alternativeName(base, Date.now() % 100000);
  return { sheet: null, name: free, displaced: free !== base };
}

/** The tab named `name` as Sheets compares names (getSheetByName may or may not ignore case), or null. */
export function sheetNamed(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return findTab(tabList(ss), name)?.sheet ?? null;
}

/** `base` when no tab has that name as Sheets compares names, else `base (2)`, `base (3)`, … */
export function unusedTabName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, base: string): string {
  const tabs = tabList(ss);
  if (!findTab(tabs, base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!findTab(tabs, name)) return name;
  }
}
