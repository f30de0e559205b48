// The rounds' schedule (src/core/rounds.ts) on generated dates: a round is due from the day after its date,
// rounds fall due in their order, the round in progress is the first not yet due, and the descriptions the
// add-in writes are the only ones it reads back as its own.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  currentRound,
  lockDescription,
  LOCK_PREFIX,
  passedRounds,
  roundColumns,
  roundOfDescription,
  ROUND_KEYS,
} from '../../src/core/rounds';
import type { RoundDates } from '../../src/core/settings';

const iso = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86400000).toISOString().slice(0, 10);

/** Ordered dates, some unset, and a day to judge them on. */
const schedule = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
    fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fc.integer({ min: -5, max: 130 }),
  )
  .map(([gaps, set, today]) => {
    let day = 0;
    const rounds = {} as RoundDates;
    ROUND_KEYS.forEach((k, i) => {
      day += gaps[i];
      rounds[k] = set[i] ? iso(day) : null;
    });
    return { rounds, today: iso(today) };
  });

describe('rounds', () => {
  test('due from the day after the date, in order; the current round is the first set one not due', () => {
    fc.assert(
      fc.property(schedule, ({ rounds, today }) => {
        const passed = passedRounds(rounds, today);
        for (const k of ROUND_KEYS) {
          const date = rounds[k];
          expect(passed.includes(k)).toBe(date !== null && date < today);
        }
        // Ordered dates: what has passed is a prefix of the set rounds.
        const set = ROUND_KEYS.filter((k) => rounds[k] !== null);
        expect(passed).toEqual(set.slice(0, passed.length));
        expect(currentRound(rounds, today)).toBe(set[passed.length] ?? null);
      }),
      { numRuns: 300 },
    );
  });

  test('self-scoring locks results, evidence, self-scores; a single Điểm thẩm định goes with the last appraisal', () => {
    const none: RoundDates = { selfScore: null, appraisal1: null, explanation: null, appraisal2: null };
    expect(roundColumns('selfScore', none)).toEqual(['actual', 'evidence', 'selfScore']);
    expect(roundColumns('explanation', none)).toEqual(['notes']);
    expect(roundColumns('appraisal1', none)).toEqual(['appraisal1', 'appraised']);
    const both = { ...none, appraisal1: '2026-12-01', appraisal2: '2026-12-20' };
    expect(roundColumns('appraisal1', both)).toEqual(['appraisal1']);
    expect(roundColumns('appraisal2', both)).toEqual(['appraisal2', 'appraised']);
  });

  test('only the descriptions the add-in writes read back as its own, with their round', () => {
    const rounds: RoundDates = {
      selfScore: '2026-11-20',
      appraisal1: '2026-12-01',
      explanation: null,
      appraisal2: null,
    };
    for (const k of ROUND_KEYS) {
      const d = lockDescription(k, rounds, roundColumns(k, rounds));
      expect(d.startsWith(LOCK_PREFIX)).toBe(true);
      expect(roundOfDescription(d)).toBe(k);
    }
    expect(lockDescription('selfScore', rounds, ['actual', 'evidence'])).toBe(
      'CCHC Scorecard – khóa vòng Tự chấm (hết hạn 20/11/2026): Kết quả, Minh chứng',
    );
    for (const other of [
      '',
      'Của xã',
      'CCHC Scorecard: cột do tiện ích tính',
      `${LOCK_PREFIX}`,
      'khóa vòng Tự chấm',
    ])
      expect(roundOfDescription(other)).toBeNull();
  });
});
