// The one error→result policy of every action the menu or the sidebar runs: an action never throws to its
// caller. A UserError or a BusyError is an expected failure: its Vietnamese message is shown as is. Any other
// error is a bug: logged with its stack (the execution log) and its message shown, so the user is never
// left with a silent menu item or a spinning sidebar.
import type { ActionResult } from './api';
import type { BusyError } from './locks';

/** Thrown with a Vietnamese message the user sees as is (no table, nothing to send, …). */
export class UserError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Whether an error is an expected failure whose message is meant for the user. Known by its name, not by
 * `instanceof`: a lazy module (build.mjs) throws its own copy of these classes.
 */
export function isExpected(error: unknown): error is UserError | BusyError {
  const name = error instanceof Error ? error.name : '';
  return name === 'UserError' || name === 'BusyError';
}

/** Runs an action under the policy above. */
export function settle(action: () => ActionResult): ActionResult {
  try {
    return action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!isExpected(error)) {
      try {
        console.error(error instanceof Error && error.stack ? error.stack : message);
      } catch {
        // No console: the message still reaches the user.
      }
    }
    return { ok: false, message: message || 'Lỗi không xác định.' };
  }
}
