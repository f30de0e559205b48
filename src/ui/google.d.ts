// What the sidebar page sees of Apps Script's client API (HtmlService injects `google.script`).
// The server functions and their types come from src/index.ts through contract.ts (never a hand copy).
import type { ServerFunctions, ServerName } from './contract';

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
