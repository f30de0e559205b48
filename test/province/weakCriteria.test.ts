import { describe, test, expect } from '@jest/globals';
import { compareCodes, weakCriteria, type CriterionObservation } from '../../src/core/weakCriteria';
import { pick, seeded } from './random';

const leaf = (
  commune: string,
  code: string,
  max: number | null,
  points: number | null,
  extra: Partial<CriterionObservation> = {},
): CriterionObservation => ({
  commune,
  code,
  title: `Tiêu chí ${code}`,
  max,
  points,
  applicable: true,
  error: false,
  isLeaf: true,
  ...extra,
});

describe('weak criteria across communes (hand-computed)', () => {
  const obs: CriterionObservation[] = [
    // area and parent rows: never listed
    leaf('A', '1', 10, 7, { isLeaf: false }),
    leaf('A', '1.1', 4, 3, { isLeaf: false }),
    leaf('A', '1.1.1', 2, 1),
    leaf('A', '1.1.2', 2, 2),
    leaf('A', '1.2', 6, 4),
    leaf('B', '1.1.1', 2, 0.5),
    leaf('B', '1.1.2', 2, null, { error: true }), // a data error loses the whole max
    leaf('B', '1.2', 6, null, { applicable: false }), // not applicable: no loss, out of the average
    leaf('C', '1.1.1', 2, 2),
    leaf('C', '1.1.2', 2, 2),
    leaf('C', '1.2', 6, 6),
    leaf('C', '+', 2, 1), // bonus and penalty rows: excluded
    leaf('C', '-', 5, 1),
    leaf('C', '9.9', 0, 0), // a tracking row (max 0): nothing to lose
  ];
  const rows = weakCriteria(obs);

  test('leaf rows only, bonus/penalty excluded, sorted by points lost', () => {
    expect(rows.map((r) => r.code)).toEqual(['1.1.1', '1.1.2', '1.2', '9.9']);
  });
  test('figures', () => {
    const by = Object.fromEntries(rows.map((r) => [r.code, r]));
    // 1.1.1: lost 1 (A) + 1.5 (B) + 0 (C) = 2.5; shares 0.5, 0.25, 1 → 0.5833…
    expect(by['1.1.1']).toMatchObject({ communesLosing: 2, pointsLost: 2.5, communesApplicable: 3 });
    expect(by['1.1.1'].averageShare).toBeCloseTo(1.75 / 3, 9);
    // 1.1.2: B's error loses 2; shares 1, 0, 1
    expect(by['1.1.2']).toMatchObject({ communesLosing: 1, pointsLost: 2, communesApplicable: 3 });
    expect(by['1.1.2'].averageShare).toBeCloseTo(2 / 3, 9);
    // 1.2: A lost 2, B not applicable, C full: average over A and C only
    expect(by['1.2']).toMatchObject({ communesLosing: 1, pointsLost: 2, communesApplicable: 2 });
    expect(by['1.2'].averageShare).toBeCloseTo(5 / 6, 9);
    expect(by['9.9']).toMatchObject({ communesLosing: 0, pointsLost: 0, averageShare: 1 });
    expect(by['1.1.1'].title).toBe('Tiêu chí 1.1.1');
  });
  test('a code that is a parent in any commune is not listed, even when another lists it as a leaf', () => {
    const r = weakCriteria([leaf('A', '2.1', 2, 1), leaf('B', '2.1.1', 1, 0)]);
    expect(r.map((x) => x.code)).toEqual(['2.1.1']);
  });
  test('a criterion that applies nowhere is left out; a repeated code counts once per commune', () => {
    const r = weakCriteria([
      leaf('A', '3.1', 2, null, { applicable: false }),
      leaf('A', '3.2', 2, 1),
      leaf('A', '3.2', 2, 0),
    ]);
    expect(r).toEqual([
      {
        code: '3.2',
        title: 'Tiêu chí 3.2',
        communesLosing: 1,
        pointsLost: 1,
        averageShare: 0.5,
        communesApplicable: 1,
      },
    ]);
  });
  test('ties: more communes losing first, then the lower share, then code order', () => {
    const r = weakCriteria([
      leaf('A', '10.1', 2, 1),
      leaf('A', '2.1', 2, 1),
      leaf('A', '2.10', 2, 1),
      leaf('A', '3.1', 2, 1.5),
      leaf('B', '3.1', 2, 1.5),
      leaf('A', '4.1', 4, 3),
    ]);
    expect(r.map((x) => x.code)).toEqual(['3.1', '2.1', '2.10', '10.1', '4.1']);
  });
  test('codes compare in reading order', () => {
    expect(['10', '2.10', '2', '2.1', '1.1.1'].sort(compareCodes)).toEqual([
      '1.1.1',
      '2',
      '2.1',
      '2.10',
      '10',
    ]);
  });
});

// Property: on generated provinces the aggregation agrees with a direct definition written here from the
// contract's words, per code: Σ (max − points) over applicable rows, error rows losing max, etc.
describe('weak criteria: the contract on generated provinces', () => {
  test.each([11, 12, 13, 14, 15, 16])('seed %p', (seed) => {
    const rand = seeded(seed);
    const codes = ['1.1', '1.2', '2.1.1', '2.1.2', '2.2', '3'];
    const communes = Array.from({ length: 1 + Math.floor(rand() * 25) }, (_, i) => `Xã ${i}`);
    const obs: CriterionObservation[] = [];
    for (const c of communes)
      for (const code of codes) {
        const max = pick(rand, [0.5, 1, 1.5, 2, 4]);
        const kind = rand();
        obs.push(
          kind < 0.1
            ? leaf(c, code, max, null, { applicable: false })
            : kind < 0.2
              ? leaf(c, code, max, null, { error: true })
              : leaf(c, code, max, Math.round(rand() * max * 4) / 4),
        );
      }
    const got = Object.fromEntries(weakCriteria(obs).map((r) => [r.code, r]));
    for (const code of codes) {
      const applying = obs.filter((o) => o.code === code && o.applicable);
      if (applying.length === 0) {
        expect(got[code]).toBeUndefined();
        continue;
      }
      let lost = 0;
      let losing = 0;
      let share = 0;
      for (const o of applying) {
        const p = o.error ? 0 : o.points!;
        lost += o.max! - p;
        if (p < o.max!) losing++;
        share += p / o.max!;
      }
      expect(got[code].pointsLost).toBeCloseTo(lost, 9);
      expect(got[code].communesLosing).toBe(losing);
      expect(got[code].averageShare).toBeCloseTo(share / applying.length, 9);
      expect(got[code].averageShare).toBeGreaterThanOrEqual(0);
      expect(got[code].averageShare).toBeLessThanOrEqual(1);
    }
    const lostOrder = weakCriteria(obs).map((r) => r.pointsLost);
    expect(lostOrder).toEqual([...lostOrder].sort((a, b) => b - a));
  });
});
