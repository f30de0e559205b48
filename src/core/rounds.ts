// The year's scoring rounds (issue 14; domain.md, "Real sets"): self-scoring until a deadline, appraisal
// round 1, an explanation (giải trình) deadline, appraisal round 2. Each round's inputs are locked from the
// day after its date; the lock of one round leaves the next rounds' columns open. Pure: dates are ISO text.
import { formatDate } from './format';
import { ROUND_KEYS, type RoundDates } from './settings';
import type { InputColumn } from './types';
import { COLUMN_NAMES } from './vocabulary';

export type RoundKey = (typeof ROUND_KEYS)[number];
export { ROUND_KEYS };

/** How each round is named in the audit tab and the protections' descriptions (the sidebar has its own). */
export const ROUND_NAMES: Record<RoundKey, string> = {
  selfScore: 'Tự chấm',
  appraisal1: 'Thẩm định lần 1',
  explanation: 'Giải trình',
  appraisal2: 'Thẩm định lần 2',
};

/** The settings' labels of the dates (Cài đặt, --settings, the audit tab). */
export const ROUND_DATE_LABELS: Record<RoundKey, string> = {
  selfScore: 'Tự chấm đến',
  appraisal1: 'Thẩm định lần 1',
  explanation: 'Giải trình đến',
  appraisal2: 'Thẩm định lần 2',
};

/**
 * The input columns a round's lock covers. Self-scoring: the results, evidence and typed self-scores.
 * A single `Điểm thẩm định` column (no per-round columns) belongs to the last appraisal round that has a
 * date: round 2 when set, else round 1.
 */
export function roundColumns(key: RoundKey, rounds: RoundDates): InputColumn[] {
  switch (key) {
    case 'selfScore':
      return ['actual', 'evidence', 'selfScore'];
    case 'appraisal1':
      return rounds.appraisal2 === null ? ['appraisal1', 'appraised'] : ['appraisal1'];
    case 'explanation':
      return ['notes'];
    case 'appraisal2':
      return ['appraisal2', 'appraised'];
  }
}

/** True when the round's date is set and `todayIso` is after it (the last day itself is still open). */
export function roundPassed(rounds: RoundDates, key: RoundKey, todayIso: string): boolean {
  const date = rounds[key];
  return date !== null && todayIso > date;
}

/** The rounds whose date has passed, in their order. */
export function passedRounds(rounds: RoundDates, todayIso: string): RoundKey[] {
  return ROUND_KEYS.filter((k) => roundPassed(rounds, k, todayIso));
}

/** The round in progress (the first whose date has not passed), or null when none is set or all passed. */
export function currentRound(rounds: RoundDates, todayIso: string): RoundKey | null {
  return ROUND_KEYS.find((k) => rounds[k] !== null && !roundPassed(rounds, k, todayIso)) ?? null;
}

/**
 * Prefix of the description of every protection a round lock creates: how the add-in recognises its own
 * protections (it never touches one without it). The rest of the description names the round and columns.
 */
export const LOCK_PREFIX = 'CCHC Scorecard – khóa vòng';

/** `CCHC Scorecard – khóa vòng Tự chấm (hết hạn 15/11/2026): Kết quả, Minh chứng` */
export function lockDescription(key: RoundKey, rounds: RoundDates, columns: InputColumn[]): string {
  const names = columns.map((c) => COLUMN_NAMES[c].vi).join(', ');
  return `${LOCK_PREFIX} ${ROUND_NAMES[key]} (hết hạn ${formatDate(rounds[key])}): ${names}`;
}

/** The round a description of ours names, or null when the description is not ours. */
export function roundOfDescription(description: string): RoundKey | null {
  if (!description.startsWith(LOCK_PREFIX)) return null;
  const rest = description.slice(LOCK_PREFIX.length + 1);
  return ROUND_KEYS.find((k) => rest.startsWith(`${ROUND_NAMES[k]} (`)) ?? null;
}

/** The rounds whose dates differ between two settings, as audit lines: "Tự chấm đến: 15/11/2026 → (trống)". */
export function roundChanges(before: RoundDates, after: RoundDates): string[] {
  const show = (d: string | null) => (d === null ? '(trống)' : formatDate(d));
  return ROUND_KEYS.filter((k) => before[k] !== after[k]).map(
    (k) => `${ROUND_DATE_LABELS[k]}: ${show(before[k])} → ${show(after[k])}`,
  );
}
