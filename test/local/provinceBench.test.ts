// The province scale bench's own parts (local/bench/province.ts): one size measured in its own process,
// its per-1,000-commune figures derived from the measured ones (out/bench.json "province", README).
import { describe, test, expect } from '@jest/globals';
import { join } from 'node:path';
import { generateProvince, measureProvince } from '../../local/bench/province';
import { REPO_ROOT } from '../../local/gas/paths';

describe('generateProvince', () => {
  test('N communes × C leaves in 8 areas, every stacked column one row per observation', () => {
    const p = generateProvince(7, 24);
    expect(p.standings).toHaveLength(7);
    expect(p.observations).toHaveLength(7 * (24 + 8));
    expect(p.observations.filter((o) => o.isLeaf)).toHaveLength(7 * 24);
    for (const column of p.stacked) expect(column).toHaveLength(p.observations.length);
  });
});

describe('measureProvince', () => {
  test('figures per size and per 1,000 communes', () => {
    const [r] = measureProvince([40], 10, 3, join(REPO_ROOT, 'dist/Code.js'));
    expect(r).toMatchObject({ communes: 40, criteria: 10, rows: 40 * 18 });
    expect(r.rankMsMin).toBeLessThanOrEqual(r.rankMs);
    expect(r.rankMs).toBeLessThanOrEqual(r.rankMsMax);
    expect(r.weakFunctionMsMin).toBeLessThanOrEqual(r.weakFunctionMs);
    expect(r.weakFunctionMs).toBeLessThanOrEqual(r.weakFunctionMsMax);
    expect(r.rankMsPer1000).toBeCloseTo((r.rankMs / 40) * 1000, 0);
    expect(r.weakFunctionMsPer1000).toBeCloseTo((r.weakFunctionMs / 40) * 1000, 0);
    expect(r.rankCpuMsPer1000).toBeCloseTo((r.rankCpuMs / 40) * 1000, 0);
    expect(r.weakFunctionCpuMsPer1000).toBeCloseTo((r.weakFunctionCpuMs / 40) * 1000, 0);
    expect(r.weakFunctionCpuMs).toBeGreaterThan(0);
    expect(r.weakPeakExtraMbPer1000).toBeCloseTo((r.weakPeakExtraMb / 40) * 1000, -1);
    expect(r.peakRssMb).toBeGreaterThan(r.baselineRssMb);
  });
});
