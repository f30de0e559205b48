// Issue 17: a commune's export tab written by an older layout version (1: no Lĩnh vực / Điểm có thể mất) is
// brought to the current version when the add-in next writes the sheet by itself (recompute's background
// runs: on open and the daily run), not only by running set-up again. Only the add-in's own export tab is
// written (recognised by its mark in A1), under the caller's document lock; a missing tab (set-up makes
// it), someone else's tab of that name and a newer version are left alone. Only the version check is in
// dist/Code.js: the writer is in set-up's lazy module, loaded only when an upgrade is due.
import { EXPORT_MARK, EXPORT_TAB, EXPORT_VERSION } from '../core/exportLayout';
import type { Settings } from '../core/settings';
import type { CriteriaRow } from '../core/types';
import { exportGrid, writeExportTab } from './setUpTab.lazy';
import type { OutputPlan } from '../sheets/outputPlan';
import type { TableLayout } from '../sheets/table';

/** Rewrites an older-version export tab of ours as set-up would; true when it did. Never throws. */
export function upgradeExportTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  layout: TableLayout,
  plan: OutputPlan,
  rows: CriteriaRow[],
  settings: Settings,
): boolean {
  try {
    const tab = ss.getSheetByName(EXPORT_TAB);
    const [mark, version] = tab ? tab.getRange(1, 1, 1, 2).getValues()[0] : [];
    if (mark !== EXPORT_MARK || typeof version !== 'number' || version >= EXPORT_VERSION) return false;
    return writeExportTab(ss, exportGrid(name, layout, plan, rows, settings));
  } catch (error) {
    // The table's own recompute stands; the next background run tries again.
    console.log(`Nâng trang xuất dữ liệu: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
