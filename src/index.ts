// The single list of Apps Script entry points. build.mjs turns every `export function` below into a
// top-level function of dist/Code.js, copying its JSDoc and parameter names (Sheets reads @customfunction
// from there). Keep bodies one line: the logic lives in src/server, src/functions and src/core.
// Nothing at module top level may call an Apps Script service: custom functions load this whole bundle.
import { buildMenu, showSidebar } from './server/menu';

// ── Triggers ──

/**
 * Simple trigger: builds the add-on menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu(SpreadsheetApp.getUi());
}

/**
 * Runs when the add-on is installed: behaves as if the spreadsheet had just been opened.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

// ── Menu actions ──

/** Menu: opens the sidebar (dashboard, at-risk list, data checks, actions, settings). */
export function menuShowSidebar(): void {
  showSidebar();
}

// ── Sidebar calls (google.script.run) ──

// ── Custom functions ──
