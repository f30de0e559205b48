import { describe, test, expect } from '@jest/globals';
import { competitionRanks, rankCommunes, rankKey } from '../../src/core/ranking';
import { seeded } from './random';

describe('rankKey: hundredths of a percent, half up, float noise removed', () => {
  test.each([
    [72.19, 7219],
    [72.185, 7219],
    [72.1849, 7218],
    [100, 10000],
    [0, 0],
    [0.1 + 0.2, 30], // 0.30000000000000004
    [72.18999999999999, 7219],
  ])('%p → %p', (p, k) => expect(rankKey(p)).toBe(k));
});

describe('competition ranking', () => {
  test('1, 1, 3 and nulls unranked', () => {
    expect(competitionRanks([50, 90, 90, null, 70])).toEqual([4, 1, 1, null, 3]);
    expect(competitionRanks([])).toEqual([]);
    expect(competitionRanks([null])).toEqual([null]);
  });

  test('equal at 2 decimals share a rank; sorted by rank then name; no index last', () => {
    const ranked = rankCommunes([
      { name: 'Xã C', indexPercent: 80.004 },
      { name: 'Xã B', indexPercent: 79.999 }, // 80.00 too
      { name: 'Xã A', indexPercent: 85.5 },
      { name: 'Xã D', indexPercent: null },
      { name: 'Xã E', indexPercent: 79.994 }, // 79.99
    ]);
    expect(ranked.map((c) => [c.name, c.rank])).toEqual([
      ['Xã A', 1],
      ['Xã B', 2],
      ['Xã C', 2],
      ['Xã E', 4],
      ['Xã D', null],
    ]);
  });

  test('ranks within each group (case and spaces of the group name ignored)', () => {
    const ranked = rankCommunes([
      { name: 'P1', indexPercent: 70, group: 'Phường' },
      { name: 'X1', indexPercent: 90, group: 'Xã' },
      { name: 'X2', indexPercent: 60, group: 'xã ' },
      { name: 'P2', indexPercent: 95, group: 'phường' },
    ]);
    const by = Object.fromEntries(ranked.map((c) => [c.name, [c.rank, c.groupRank]]));
    expect(by).toEqual({ P2: [1, 1], X1: [2, 1], P1: [3, 2], X2: [4, 2] });
  });

  // Property: a rank is 1 + the number of communes strictly better at 2 decimals (the definition of
  // competition ranking), for generated provinces with many ties.
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('definition holds on a generated province (seed %p)', (seed) => {
    const rand = seeded(seed);
    const n = 1 + Math.floor(rand() * 60);
    const communes = Array.from({ length: n }, (_, i) => ({
      name: `Xã ${i}`,
      indexPercent: rand() < 0.1 ? null : Math.round(rand() * 400) / 20 + 70 + (rand() < 0.3 ? 0.001 : 0),
    }));
    const ranked = rankCommunes(communes);
    const hundredths = (p: number) => Math.round(p * 100 + 1e-6);
    for (const c of ranked) {
      if (c.indexPercent === null) {
        expect(c.rank).toBeNull();
        continue;
      }
      const better = communes.filter(
        (o) => o.indexPercent !== null && hundredths(o.indexPercent) > hundredths(c.indexPercent!),
      ).length;
      expect(c.rank).toBe(better + 1);
    }
    const ranks = ranked.map((c) => c.rank ?? Infinity);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
