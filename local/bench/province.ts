// The province scale bench: ranking N communes of C leaf criteria each (pure core: rank + weak criteria,
// what the local --province run and the province workbook's actions compute) and CCHC_WEAK over the
// stacked N × C rows in the built bundle (what the province workbook's formula computes). Each size runs
// in its own child process so its peak memory is its own (process.resourceUsage().maxRSS).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildProvinceReport, type CommuneStanding } from '../../src/core/provinceReport';
import { DEFAULT_BANDS } from '../../src/core/settings';
import type { CriterionObservation } from '../../src/core/weakCriteria';
import { REPO_ROOT } from '../gas/paths';

export interface ProvinceSizeResult {
  communes: number;
  criteria: number;
  /** Rows ranked and aggregated (communes × (criteria + area rows)). */
  rows: number;
  /** buildProvinceReport: median of the runs. */
  rankMs: number;
  /** CCHC_WEAK over the stacked columns, the built bundle in the child's own realm (one warm-up, median). */
  weakFunctionMs: number;
  /** Peak resident memory above the child's resident memory once the input was built: ranking alone. */
  rankPeakExtraMb: number;
  /** The same after CCHC_WEAK ran too (its stacked 2-D ranges, the bundle's vm). */
  weakPeakExtraMb: number;
  /** Peak resident memory of the whole child process (input, ranking, CCHC_WEAK)… */
  peakRssMb: number;
  /** …and its resident memory before the input was built (Node + tsx). */
  baselineRssMb: number;
  /** Fastest and slowest of the runs (this machine's spread, not the code's). */
  rankMsMin: number;
  rankMsMax: number;
  weakFunctionMsMin: number;
  weakFunctionMsMax: number;
  /** CPU time of the process during the same runs (median): less sensitive to other jobs than wall time. */
  rankCpuMs: number;
  weakFunctionCpuMs: number;
  rankCpuMsPer1000: number;
  weakFunctionCpuMsPer1000: number;
  /** Per 1,000 communes, to read linear growth at a glance: constant when time grows linearly. */
  rankMsPer1000: number;
  weakFunctionMsPer1000: number;
  rankPeakExtraMbPer1000: number;
  weakPeakExtraMbPer1000: number;
  /** (peakRssMb − baselineRssMb) per 1,000 communes: the whole run's memory growth. */
  peakAboveBaselineMbPer1000: number;
}

const AREAS = 8;

/** A generated province: N communes, C leaves in 8 areas, varied points, some N/A and errors. */
export function generateProvince(communes: number, criteria: number) {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const standings: CommuneStanding[] = [];
  const observations: CriterionObservation[] = [];
  const codes: unknown[][] = [];
  const max: unknown[][] = [];
  const points: unknown[][] = [];
  for (let c = 0; c < communes; c++) {
    const name = `Xã ${c + 1}`;
    let total = 0;
    let applicableMax = 0;
    for (let a = 1; a <= AREAS; a++) {
      observations.push({
        commune: name,
        code: String(a),
        title: `Lĩnh vực ${a}`,
        max: 12.5,
        points: null,
        applicable: true,
        error: false,
        isLeaf: false,
      });
      codes.push([String(a)]);
      max.push([12.5]);
      points.push([0]);
    }
    for (let k = 0; k < criteria; k++) {
      const code = `${(k % AREAS) + 1}.${Math.floor(k / AREAS) + 1}`;
      const m = 1;
      const r = rand();
      const na = r < 0.05;
      const error = !na && r < 0.07;
      const p = na || error ? null : Math.round(rand() * 4) / 4;
      observations.push({
        commune: name,
        code,
        title: `Tiêu chí ${code}`,
        max: m,
        points: p,
        applicable: !na,
        error,
        isLeaf: true,
      });
      codes.push([code]);
      max.push([m]);
      points.push([na ? 'Không áp dụng' : error ? 'Lỗi: Kết quả không đọc được' : p]);
      if (!na) {
        applicableMax += m;
        total += p ?? 0;
      }
    }
    standings.push({
      name,
      group: c % 10 === 0 ? 'Phường' : 'Xã',
      total,
      applicableMax,
      indexPercent: applicableMax > 0 ? (total / applicableMax) * 100 : null,
      classification: '',
      areas: [],
    });
  }
  return { standings, observations, stacked: [codes, max, points] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const mb = (bytes: number) => bytes / 2 ** 20;

/** Runs in the child process: measures one size and returns the figures. */
export function measureProvinceHere(communes: number, criteria: number, runs: number, codePath: string) {
  const baseline = process.memoryUsage().rss;
  const data = generateProvince(communes, criteria);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  // Each run starts from a collected heap: it pays for its own garbage, not for the previous run's.
  // Wall time and the process's CPU time (all its threads, GC helpers included): on a shared machine the
  // wall time also counts the time other jobs held the cores, the CPU time much less so.
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const c = cpuMs();
    const t = performance.now();
    buildProvinceReport({
      provinceName: 'Bench',
      asOf: '2024-06-20',
      communes: data.standings,
      observations: data.observations,
      errors: [],
      bands: DEFAULT_BANDS,
    });
    times.push(performance.now() - t);
    cpuTimes.push(cpuMs() - c);
  }
  const rankPeak = process.resourceUsage().maxRSS * 1024;
  // The bundle runs in this child's own realm, as Apps Script runs it in its isolate: in a vm context every
  // global the bundle names (Array, Object, Math…) is looked up through the context's interceptors, which
  // made CCHC_WEAK 3–5× slower here than the same code anywhere else. The child exists only for this size.
  vm.runInThisContext(readFileSync(codePath, 'utf8'), { filename: 'Code.js' });
  const weak = (globalThis as unknown as Record<string, (...a: unknown[]) => unknown>).CCHC_WEAK;
  const weakTimes: number[] = [];
  const weakCpuTimes: number[] = [];
  for (let i = 0; i <= runs; i++) {
    gc();
    const c = cpuMs();
    const t = performance.now();
    weak(...data.stacked);
    if (i > 0) weakTimes.push(performance.now() - t);
    if (i > 0) weakCpuTimes.push(cpuMs() - c);
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  return {
    rankMs: median(times),
    rankMsMin: Math.min(...times),
    rankMsMax: Math.max(...times),
    weakFunctionMs: median(weakTimes),
    weakFunctionMsMin: Math.min(...weakTimes),
    weakFunctionMsMax: Math.max(...weakTimes),
    rankCpuMs: median(cpuTimes),
    weakFunctionCpuMs: median(weakCpuTimes),
    rankPeakExtraMb: mb(Math.max(0, rankPeak - rssBefore)),
    weakPeakExtraMb: mb(Math.max(0, peak - rssBefore)),
    peakRssMb: mb(peak),
    baselineRssMb: mb(baseline),
  };
}

/** Every size in its own child process (tsx, --expose-gc). */
export function measureProvince(
  sizes: number[],
  criteria: number,
  runs: number,
  codePath: string,
): ProvinceSizeResult[] {
  return sizes.map((communes) => {
    process.stderr.write(`đo tỉnh ${communes} xã × ${criteria} tiêu chí…\n`);
    const r = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(REPO_ROOT, 'local/bench/provinceWorker.ts'),
        String(communes),
        String(criteria),
        String(runs),
        codePath,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (r.status !== 0) throw new Error(`province bench (${communes}) failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as ReturnType<typeof measureProvinceHere>;
    return {
      communes,
      criteria,
      rows: communes * (criteria + AREAS),
      rankMs: round(m.rankMs),
      rankMsMin: round(m.rankMsMin),
      rankMsMax: round(m.rankMsMax),
      weakFunctionMs: round(m.weakFunctionMs),
      weakFunctionMsMin: round(m.weakFunctionMsMin),
      weakFunctionMsMax: round(m.weakFunctionMsMax),
      rankCpuMs: round(m.rankCpuMs),
      weakFunctionCpuMs: round(m.weakFunctionCpuMs),
      rankCpuMsPer1000: round((m.rankCpuMs / communes) * 1000),
      weakFunctionCpuMsPer1000: round((m.weakFunctionCpuMs / communes) * 1000),
      rankPeakExtraMb: round(m.rankPeakExtraMb, 1),
      weakPeakExtraMb: round(m.weakPeakExtraMb, 1),
      peakRssMb: round(m.peakRssMb, 1),
      baselineRssMb: round(m.baselineRssMb, 1),
      peakAboveBaselineMbPer1000: round(((m.peakRssMb - m.baselineRssMb) / communes) * 1000, 1),
      rankMsPer1000: round((m.rankMs / communes) * 1000),
      weakFunctionMsPer1000: round((m.weakFunctionMs / communes) * 1000),
      rankPeakExtraMbPer1000: round((m.rankPeakExtraMb / communes) * 1000, 1),
      weakPeakExtraMbPer1000: round((m.weakPeakExtraMb / communes) * 1000, 1),
    };
  });
}
