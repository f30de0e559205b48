// Promise wrapper around google.script.run, so every call has both handlers (no silent failure).
import type { ServerFunctions, ServerName } from './contract';

/** An error from the server, with its message cleaned for people. */
export class ServerError extends Error {}

export function call<K extends ServerName>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    let runner;
    try {
      runner = google.script.run
        .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
        .withFailureHandler((error) => reject(new ServerError(cleanMessage(error))));
    } catch (error) {
      // Opened outside Apps Script (google.script missing).
      reject(new ServerError(cleanMessage(error)));
      return;
    }
    const fn = runner[name] as unknown as (...a: unknown[]) => void;
    fn.apply(runner, args);
  });
}

/**
 * Apps Script hands failures over as Error objects (or sometimes strings) whose message may start with
 * "Exception: " or "Error: ": the server's own Vietnamese text is what the user needs.
 */
export function cleanMessage(error: unknown): string {
  let message = '';
  if (typeof error === 'string') message = error;
  else if (error && typeof error === 'object' && 'message' in error)
    message = String((error as { message: unknown }).message ?? '');
  return message.replace(/^\s*(Exception|ScriptError|Error):\s*/i, '').trim();
}
