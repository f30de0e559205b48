// The person's round actions (issue 14): "Mở khóa", "Khóa lại" and the record of a change of the rounds,
// under the document lock; their work is a lazy module (roundActions.lazy.ts), read only when they run.
import type { Settings } from '../core/settings';
import { withDocumentLock } from './locks';
import { UserError } from './result';
import { recordRoundChange, relockLocked, unlockLocked } from './roundActions.lazy';

/** What "Mở khóa" asks before doing anything. */
export const UNLOCK_QUESTION =
  'Gỡ mọi vùng khóa vòng chấm do tiện ích tạo (các vùng bảo vệ khác của xã giữ nguyên)? ' +
  'Vòng đã qua hạn sẽ không tự khóa lại cho đến khi đổi ngày trong Cài đặt hoặc chọn "Khóa lại".';

/** "Mở khóa": only the add-in's own round locks; who and when go to the audit tab. */
export function unlockRounds(now: Date = new Date()): string {
  const r = withDocumentLock(() => unlockLocked(now));
  if (!r.ok) throw new UserError(r.message);
  return r.message;
}

/** "Khóa lại": every passed round locked anew (unlocks forgotten). */
export function relockRounds(now: Date = new Date()): string {
  const r = withDocumentLock(() => relockLocked(now));
  if (!r.ok) throw new UserError(r.message);
  return r.message;
}

/** After a save: a change of the rounds or of the lock options is recorded and the locks follow (a note). */
export function roundSettingsChanged(before: Settings, after: Settings, now: Date = new Date()): string {
  const key = (s: Settings) => JSON.stringify([s.rounds, s.lockEditors, s.lockWarningOnly]);
  if (key(before) === key(after)) return '';
  return withDocumentLock(() => recordRoundChange(before, after, now));
}
