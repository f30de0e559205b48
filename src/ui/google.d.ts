// What the sidebar page sees of Apps Script's client API (HtmlService injects `google.script`).
// Server functions are the `sidebar*` entry points of src/index.ts; payloads are in src/server/api.ts.
import type { Settings } from '../core/settings';
import type { ColumnKey } from '../core/types';
import type { ActionResult, SidebarData } from '../server/api';

/** The server functions the sidebar calls, with what they return. */
export interface ServerFunctions {
  sidebarLoad(): SidebarData;
  sidebarSetupSample(): ActionResult;
  sidebarAttachSheet(name: string): ActionResult;
  sidebarRecompute(): ActionResult;
  sidebarCheckData(): ActionResult;
  sidebarSelectCell(row: number, column: ColumnKey | null): ActionResult | void;
  sidebarSaveSettings(settings: Settings): ActionResult;
  sidebarGenerateReport(): ActionResult;
  sidebarPreviewEmail(): ActionResult;
  sidebarSendNow(force: boolean): ActionResult;
  sidebarSetSchedule(enabled: boolean): ActionResult;
  sidebarSnapshotNow(): ActionResult;
}

export type ServerName = keyof ServerFunctions;

/** google.script.run: every server function becomes a fire-and-forget call; results arrive in handlers. */
export type ScriptRun = {
  [K in ServerName]: (...args: Parameters<ServerFunctions[K]>) => void;
} & {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): ScriptRun;
  withUserObject(userObject: unknown): ScriptRun;
};

export interface ScriptHost {
  close(): void;
  setHeight?(height: number): void;
  setWidth?(width: number): void;
  editor: { focus(): void };
}

declare global {
  const google: { script: { run: ScriptRun; host: ScriptHost } };
}
