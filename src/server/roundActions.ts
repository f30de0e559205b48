// The person's round actions (issue 14): "Mở khóa", "Khóa lại" and the record of a change of the rounds,
// under the document lock; their work is a lazy module (roundActions.lazy.ts), read only when they run.
import type { Settings } from '../core/settings';
import { withDocumentLock } from './locks';
import { UserError } from './result';
import { recordRoundChange, roundActionLocked } from './roundActions.lazy';

/** "unlock" (Mở khóa: only the add-in's own round locks) or "relock" (Khóa lại); the message to show. */
export function runRoundAction(action: unknown, now: Date = new Date()): string {
  const r = withDocumentLock(() => roundActionLocked(action, now));
  if (!r.ok) throw new UserError(r.message);
  return r.message;
}

/** After a save: a change of the rounds or of the lock options is recorded and the locks follow (a note). */
export function roundSettingsChanged(before: Settings, after: Settings, now: Date = new Date()): string {
  const key = (s: Settings) => JSON.stringify([s.rounds, s.lockEditors, s.lockWarningOnly]);
  if (key(before) === key(after)) return '';
  return withDocumentLock(() => recordRoundChange(before, after, now));
}
