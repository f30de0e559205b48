// Issue 17 "Scale": ranking and the weak-criteria list must grow linearly with the communes. Timing is the
// bench's job (npm run bench, out/bench.json "province"); here the work itself is counted (test/support/
// workMeter.ts: builtin calls, elements walked, iteration steps, comparator calls) on the bench's own
// generated provinces, and the count per commune must not grow with the number of communes beyond the
// n log n of a sort. A quadratic step (the grouping that copied its member list once per commune, fixed in
// this round) makes it grow about n / log n times from 300 to 3,321 communes.
import { describe, test, expect } from '@jest/globals';
import { generateProvince } from '../../local/bench/province';
import { buildProvinceReport } from '../../src/core/provinceReport';
import { rankCommunes } from '../../src/core/ranking';
import { DEFAULT_BANDS } from '../../src/core/settings';
import { weakCriteria, weakCriteriaOfRows } from '../../src/core/weakCriteria';
import { cchcRank } from '../../src/functions/rank';
import { cchcWeak } from '../../src/functions/weak';
import { countWork } from '../support/workMeter';
import { seeded } from './random';

const SIZES = [300, 1000, 3321];
const CRITERIA = 20;

/** Work per n·log₂n at each size, relative to the smallest size: ≤ 1 for any n log n (or linear) algorithm. */
function growth(work: (communes: number) => number): number[] {
  const per = SIZES.map((n) => work(n) / (n * Math.log2(n)));
  return per.map((p) => p / per[0]);
}

const generated = new Map<number, ReturnType<typeof generateProvince>>();
const province = (n: number) => {
  if (!generated.has(n)) generated.set(n, generateProvince(n, CRITERIA));
  return generated.get(n)!;
};

/** The same rows, each commune's rows no longer together (the grouping's other path). */
function interleaved<T>(rows: T[], seed: number): T[] {
  const rand = seeded(seed);
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('province scale: work grows as n log n at most (counted, not timed)', () => {
  const cases: [string, (n: number) => () => unknown][] = [
    [
      'rankCommunes',
      (n) => {
        const { standings } = province(n);
        return () => rankCommunes(standings);
      },
    ],
    [
      'weakCriteria (each commune’s rows together)',
      (n) => {
        const { observations } = province(n);
        return () => weakCriteria(observations);
      },
    ],
    [
      'weakCriteria (rows interleaved)',
      (n) => {
        const observations = interleaved(province(n).observations, n);
        return () => weakCriteria(observations);
      },
    ],
    [
      'weakCriteriaOfRows',
      (n) => {
        const { observations } = province(n);
        return () => weakCriteriaOfRows(observations);
      },
    ],
    [
      'buildProvinceReport',
      (n) => {
        const { standings, observations } = province(n);
        return () =>
          buildProvinceReport({
            provinceName: 'Tỉnh',
            asOf: '2026-11-20',
            communes: standings,
            observations,
            errors: [],
            bands: DEFAULT_BANDS,
            previous: standings.map((s, i) => ({ name: s.name, rank: i + 1, indexPercent: s.indexPercent })),
          });
      },
    ],
    [
      'CCHC_RANK with groups',
      (n) => {
        const { standings } = province(n);
        const values = standings.map((s) => [s.indexPercent]);
        const groups = standings.map((s) => [s.group]);
        return () => cchcRank(values, groups);
      },
    ],
    [
      'CCHC_WEAK over the stacked rows',
      (n) => {
        const [codes, max, points] = province(n).stacked;
        return () => cchcWeak(codes, max, points);
      },
    ],
  ];
  test.each(cases)('%s', (_, prepare) => {
    const growthOf = growth((n) => countWork(prepare(n)).work);
    if (process.env.SHOW_WORK) console.log(_, growthOf.map((g) => g.toFixed(3)).join(' '));
    // Linear work divided by n log n shrinks as n grows; a quadratic step makes it grow ~4× here.
    for (const g of growthOf) expect(g).toBeLessThanOrEqual(1.1);
  });
});

describe('the work meter sees a quadratic step', () => {
  // The meter's own check: the grouping as it was (a copy of the member list per member) is caught.
  const groupByCopy = (groups: string[]) => {
    const byGroup = new Map<string, number[]>();
    groups.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i]));
    return byGroup;
  };
  test('copying the list per member grows with n', () => {
    const g = growth((n) => countWork(() => groupByCopy(province(n).standings.map((s) => s.group))).work);
    expect(g[2]).toBeGreaterThan(3);
  });
});

describe('weak criteria: the order of the rows does not matter', () => {
  test.each([1, 2, 3])('seed %p: interleaved rows give the grouped answer', (seed) => {
    const { observations } = generateProvince(40, 12);
    // A repeated code inside one commune, away from its first row: counted once, as when rows are together.
    const first = observations.find((o) => o.isLeaf && o.applicable && !o.error && o.points! > 0)!;
    const repeated = { ...first, points: 0, title: 'lặp' };
    const end = observations.map((o) => o.commune).lastIndexOf(first.commune) + 1;
    const grouped = [...observations.slice(0, end), repeated, ...observations.slice(end)];
    const shuffled = interleaved(grouped, seed);
    const shuffledRepeatLast = [...shuffled.filter((o) => o !== repeated), repeated];
    expect(weakCriteria(shuffledRepeatLast)).toEqual(weakCriteria(grouped));
    expect(weakCriteria(grouped)).toEqual(weakCriteria(observations));
  });
  test('weakCriteriaOfRows counts every row as its own commune', () => {
    const { observations } = generateProvince(30, 12);
    const own = observations.map((o, i) => ({ ...o, commune: `row ${i}` }));
    const blank = observations.map((o) => ({ ...o, commune: '' }));
    expect(weakCriteriaOfRows(blank)).toEqual(weakCriteria(own));
  });
});
