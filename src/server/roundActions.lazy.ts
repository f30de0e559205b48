// The person's round actions (issue 14), out of dist/Code.js (a lazy module: read on first use, see
// scripts/lazyModules.mjs): "Mở khóa" removes only the add-in's own round locks and keeps the passed rounds
// unlocked until their dates change or someone locks again; "Khóa lại"; a change of the rounds recorded.
// Each runs under the document lock its caller (roundActions.ts) holds, and returns its outcome instead of
// throwing (a class thrown from here would not be Code.js's own).
import { passedRounds, roundChanges, ROUND_NAMES } from '../core/rounds';
import type { Settings } from '../core/settings';
import { appendAudit } from '../sheets/auditTab';
import { ownLocks, removeOwnLocks } from '../sheets/roundLocks';
import { localTime, todayIso } from './clock';
import {
  actorOf,
  applyRoundLocksLocked,
  lockMessage,
  lockMode,
  readUnlocked,
  UNLOCKED_KEY,
} from './roundLocks';
import { loadSettings } from './settingsStore';

export interface RoundOutcome {
  ok: boolean;
  message: string;
}

/** "Mở khóa", the document lock held: removes the add-in's locks (never another), records who and when. */
export function unlockLocked(now: Date): RoundOutcome {
  const { settings } = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = removeOwnLocks(ss);
  const unlocked = readUnlocked();
  for (const k of passedRounds(settings.rounds, todayIso(now))) unlocked[k] = settings.rounds[k] as string;
  PropertiesService.getDocumentProperties().setProperty(UNLOCKED_KEY, JSON.stringify(unlocked));
  const rounds = [...new Set(result.removed.map((r) => ROUND_NAMES[r.round].vi))];
  const refused =
    result.refused.length > 0
      ? ` Không có quyền gỡ ${result.refused.length} vùng (${result.refused.map((r) => r.range).join(', ')}): chủ bảng tính hoặc người được phép sửa cần mở khóa.`
      : '';
  appendAudit(ss, [
    {
      at: localTime(now).stamp,
      user: actorOf(null),
      action: 'Mở khóa',
      detail:
        result.removed.length > 0
          ? `Gỡ ${result.removed.length} vùng khóa của tiện ích (vòng ${rounds.join(', ')}): ${result.removed.map((r) => r.range).join(', ')}.${refused}`
          : `Không có vùng khóa nào của tiện ích.${refused}`,
    },
  ]);
  if (result.removed.length === 0 && result.refused.length > 0) return { ok: false, message: refused.trim() };
  return {
    ok: true,
    message:
      result.removed.length > 0
        ? `Đã mở khóa ${result.removed.length} vùng (vòng ${rounds.join(', ')}); đã ghi vào trang nhật ký.${refused}`
        : `Không có vùng khóa nào của tiện ích để mở.${refused}`,
  };
}

/** "Khóa lại", the document lock held: forgets the unlocks, removes the add-in's locks, locks every passed round. */
export function relockLocked(now: Date): RoundOutcome {
  PropertiesService.getDocumentProperties().deleteProperty(UNLOCKED_KEY);
  removeOwnLocks(SpreadsheetApp.getActiveSpreadsheet());
  const run = applyRoundLocksLocked(now, null);
  return run.problem ? { ok: false, message: run.problem } : { ok: true, message: lockMessage(run) };
}

/**
 * After settings were saved (the document lock held): records a change of the rounds' dates or of who may
 * edit; when the lock mode or editors changed, re-applies the add-in's locks with them. Returns a note.
 */
export function recordRoundChange(before: Settings, after: Settings, now: Date): string {
  const lines = roundChanges(before.rounds, after.rounds);
  const modeChanged = lockMode(before) !== lockMode(after);
  if (modeChanged) lines.push(`Cách khóa: ${lockMode(before)} → ${lockMode(after)}`);
  if (lines.length === 0) return '';
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  appendAudit(ss, [
    { at: localTime(now).stamp, user: actorOf(null), action: 'Đổi lịch vòng chấm', detail: lines.join('; ') },
  ]);
  if (modeChanged && ownLocks(ss).length > 0) removeOwnLocks(ss);
  const run = applyRoundLocksLocked(now, null);
  return run.locked.length > 0 ? ` ${lockMessage(run)}` : '';
}
