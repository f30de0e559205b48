// The sidebar's adapter: every google.script.run call (the `sidebar*` entries of src/index.ts) runs its
// action under the one error→result policy (result.ts) and returns the one ActionResult, with fresh sidebar
// data when the action changed anything shown. Nothing here computes anything.
import type { ActionResult, SidebarData } from './api';
import { checkData } from './checkData';
import { listTabs } from './criteriaTab';
import { sendNowOutcome } from './menuActions';
import { recompute } from './recompute';
import { generateReport, previewEmails, snapshotNow } from './reporting.lazy';
import { settle } from './result';
import { setSchedule, syncScheduleWithSettings } from './schedule';
import { selectCell } from './selectCell';
import { attachSheet, setupSample } from './setUpTab.lazy';
import { templateOf } from './setUpTab';
import { importOfficial } from './importOfficial.lazy';
import { sendProvinceEmail, setupProvince } from './province.lazy';
import { loadSettings, saveSettings } from './settingsStore';
import type { SheetState } from './sheetState';
import { buildSidebarData } from './sidebarData';
import { roundSettingsChanged, runRoundAction } from './roundActions';
import { applyRoundLocksQuietly } from './roundLocks';

/** Fresh sidebar data after an action; an action that worked is not reported failed for want of it. */
function freshData(state?: SheetState): SidebarData | undefined {
  try {
    return buildSidebarData(state);
  } catch (error) {
    if (state) throw error;
    return undefined;
  }
}

/** A sheet action's result with the payload built from what the action read (no second read). */
function sheetAction(run: () => SheetState): ActionResult {
  return settle(() => {
    const state = run();
    return { ok: state.ok, message: state.message, data: buildSidebarData(state) };
  });
}

/** An action whose result is only an outcome; `withData` adds the fresh payload. */
function outcomeAction(run: () => ActionResult, withData: boolean): ActionResult {
  return settle(() => {
    const r = run();
    const data = withData ? freshData() : undefined;
    return data ? { ok: r.ok, message: r.message, data } : { ok: r.ok, message: r.message };
  });
}

/** A province action: its outcome (a refusal included: the first set-up creates the list, then asks for it) and
 * the fresh payload, since either may have changed the province card. */
function provinceAction(run: () => ActionResult): ActionResult {
  const r = settle(run);
  const data = freshData();
  return data ? { ok: r.ok, message: r.message, data } : { ok: r.ok, message: r.message };
}

/** Sidebar: sets up the province workbook, or refreshes it for the current list (provinceSetup.ts). */
export function sidebarSetupProvinceAction(): ActionResult {
  return provinceAction(() => setupProvince());
}

/** Sidebar: sends this month's province email now (at most once per month, as from the menu). */
export function sidebarSendProvinceEmailAction(): ActionResult {
  return provinceAction(() => sendProvinceEmail());
}

/** Sidebar: everything it shows, in one call (a round due is locked first: full authorization here). */
export function sidebarLoadAction(): SidebarData {
  applyRoundLocksQuietly(new Date(), null);
  return buildSidebarData();
}

/**
 * Sidebar: the tabs' names, asked only when the user wants to attach another tab (the payload of a sheet
 * with a table leaves them out: one call per tab, see sidebarData.ts).
 */
export function sidebarListTabsAction(): string[] {
  return listTabs(SpreadsheetApp.getActiveSpreadsheet()).map((t) => t.name);
}

/** Sidebar: create the sample criteria tab (or re-check its set-up). */
export function sidebarSetupSampleAction(template?: unknown): ActionResult {
  return sheetAction(() => setupSample(new Date(), templateOf(template)));
}

/** Sidebar: attach to an existing tab. */
export function sidebarAttachSheetAction(sheetName: string, addSolutions?: boolean): ActionResult {
  return sheetAction(() => attachSheet(sheetName, new Date(), addSolutions === true));
}

/** Sidebar: recompute + highlight. */
export function sidebarRecomputeAction(): ActionResult {
  return sheetAction(() => recompute(new Date()));
}

/** Sidebar: check data (read only). */
export function sidebarCheckDataAction(): ActionResult {
  return sheetAction(() => checkData(new Date()));
}

/** Sidebar: select the cell of a problem. */
export function sidebarSelectCellAction(row: number, column: string | number | null): ActionResult {
  return outcomeAction(() => selectCell(row, column), false);
}

/**
 * Sidebar: validate and store settings. When a setting the sheet shows changed (bands, near-deadline days,
 * criteria tab), the sheet is recomputed so its block and formulas follow.
 */
export function sidebarSaveSettingsAction(input: unknown): ActionResult {
  return settle(() => {
    const before = loadSettings().settings;
    const saved = saveSettings(input);
    if (!saved.ok) {
      return { ok: false, message: 'Cài đặt chưa được lưu: có trường không hợp lệ.', errors: saved.errors };
    }
    try {
      syncScheduleWithSettings();
    } catch {
      // Re-synced the next time the sidebar opens (never from the daily run itself).
    }
    const after = saved.settings;
    // Rounds or lock options changed: recorded in the audit tab, locks re-applied (saved already: a failure
    // is told, not reported as a failed save).
    let lockNote = '';
    const rounds = settle(() => {
      lockNote = roundSettingsChanged(before, after);
      return { ok: true, message: '' };
    });
    if (!rounds.ok) lockNote = ` ${rounds.message}`;
    const sheetChanged =
      before.nearDeadlineDays !== after.nearDeadlineDays ||
      before.criteriaSheetName !== after.criteriaSheetName ||
      JSON.stringify(before.bands) !== JSON.stringify(after.bands);
    let state: SheetState | undefined;
    let note = '';
    if (sheetChanged) {
      // Saved already: a failed recompute is told, not reported as a failed save.
      const recomputed = settle(() => {
        state = recompute(new Date());
        return state;
      });
      if (!recomputed.ok) note = ` ${recomputed.message}`;
    }
    return {
      ok: true,
      message: `Đã lưu cài đặt.${lockNote}${note}`,
      errors: [],
      data: buildSidebarData(state),
    };
  });
}

/** Sidebar: "Mở khóa" (asked first in the sidebar) or "Khóa lại" the rounds. */
export function sidebarRoundLocksAction(action: unknown): ActionResult {
  return outcomeAction(() => ({ ok: true, message: runRoundAction(action) }), true);
}

/** Sidebar: (re)generates the report tab. */
export function sidebarGenerateReportAction(): ActionResult {
  return outcomeAction(() => ({ ok: true, message: generateReport() }), false);
}

/** Sidebar: appends a snapshot of now to the history tab. */
export function sidebarSnapshotAction(): ActionResult {
  return outcomeAction(() => ({ ok: true, message: snapshotNow().message }), true);
}

/** Sidebar: sends this month's summary now; `force` resends a month already sent. */
export function sidebarSendNowAction(force: boolean): ActionResult {
  return outcomeAction(() => sendNowOutcome(force), true);
}

/** Sidebar: turns the daily trigger on or off. */
export function sidebarScheduleAction(enabled: boolean): ActionResult {
  return outcomeAction(() => ({ ok: true, message: setSchedule(enabled === true) }), true);
}

/** Sidebar: the emails the monthly run would send now (nothing is sent or written). */
export function sidebarPreviewEmailAction(): ActionResult {
  return settle(() => {
    const mails = previewEmails();
    return {
      ok: true,
      message: '',
      preview: { leadership: mails.leadership, sectors: mails.sectors },
    };
  });
}

/**
 * Sidebar: import the official set from a tab ('' = the open one). Without `confirmNewTab` nothing is written
 * over a criteria tab that has content: the result asks (needsConfirm) and the sidebar offers a new tab.
 */
export function sidebarImportOfficialAction(sheetName: string, confirmNewTab: boolean): ActionResult {
  return settle(() => {
    const { result, state } = importOfficial(String(sheetName ?? ''), confirmNewTab === true);
    if (!state) return result;
    return { ...result, data: buildSidebarData(state) };
  });
}
