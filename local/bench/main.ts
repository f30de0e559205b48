// npm run bench: measures the budgets of design.md on the BUILT add-in (dist/Code.js) in the stand-in, at
// 100, 1,000 and 10,000 criteria rows, and the same work done the straightforward per-cell way.
// Prints a table and writes out/bench.json. Options: --sizes 100,1000 --out DIR --runs N.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import vm from 'node:vm';
import type { ActionResult } from '../../src/server/api';
import { createStandIn } from '../gas/index';
import { loadBundle } from '../gas/loadBundle';
import { REPO_ROOT } from '../gas/paths';
import { clockAt, installClock } from '../demo/clock';
import { measureRecomputeCalls, spreadsheetCalls, type RecomputeCalls } from './calls';
import { engineTimes } from './engine';
import { coldExecutions, measureEdits, measureSampleEdit, type EditCost } from './executions';
import { writePerRowLayout, writeVersion1Layout } from './layouts';
import { measureProvince, type ProvinceSizeResult } from './province';
import { naiveRecompute } from './naive';
import { BENCH_SHEET, benchTable, writeBenchTable } from './table';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const TODAY = '2024-06-20';
const YEAR = 2024;

export interface SizeResult {
  rows: number;
  /**
   * Spreadsheet service calls of one recompute + highlight (sidebarRecompute, with its payload) in its worst
   * case (local/bench/calls.ts: new day, caches expired, a history tab and other tabs).
   */
  serviceCalls: number;
  serviceCallsByMethod: Record<string, number>;
  /** Of which: calls that read or write cell data or rules (getValues, setValues, getConditionalFormatRules…). */
  ioCalls: number;
  /** Every recompute path's calls (the sidebar's, again within the day, the menu's, the sidebar's load). */
  recomputeCalls: RecomputeCalls;
  /** The same for the per-cell implementation. */
  naiveServiceCalls: number;
  naiveServiceCallsByMethod: Record<string, number>;
  naiveIoCalls: number;
  /** CCHC_SCORE over the whole column in one call, in a fresh isolate: median of warm runs, and the first (cold) call. */
  scoreMs: number;
  scoreColdMs: number;
  /** N single-row CCHC_SCORE calls (the per-cell pattern) in the same warm context; Sheets would also load the bundle for each. */
  naiveScoreMs: number;
  /** sidebarRecompute + evaluating every formula the sheet holds (what a user waits for). */
  recomputeMs: number;
  /** Of which: the server call alone. */
  recomputeServerMs: number;
  /** The per-cell loop on the stand-in. */
  naiveRecomputeMs: number;
  /** First set-up of the tab (attach: output formulas, block, rules, validation), for reference. */
  setupMs: number;
  setupServiceCalls: number;
  /** Custom-function executions one edit of a leaf's Kết quả triggers (budget ≤ 4, goal 1). */
  executionsPerEdit: number;
  /**
   * The slowest single execution of that edit, as the stand-in's recalculation records it: CPU time of the
   * process during the call (the machine is shared: wall time also counts waits for a core), median over
   * the runs (budget < 100 ms at 10,000 rows). executionWallMs: the same in wall-clock time.
   */
  executionMs: number;
  executionWallMs: number;
  /**
   * The slowest function of the layout run as Sheets runs every execution: a fresh process loads the
   * bundle and makes one cold call with the sheet's values (CPU ms, median of 3); of which the call alone;
   * and each function's figure.
   */
  executionColdMs: number;
  executionColdCallMs: number;
  executionColdByFunction: Record<string, number>;
  /** The current layout, and the same edit with version 1's layout and with one formula per row. */
  layouts: { current: EditCost; version1: EditCost; perRow: EditCost };
}

export interface BenchResult {
  bundleBytes: number;
  /** Compile + run the top level of dist/Code.js in a fresh vm context: median and max of the runs. */
  loadMs: number;
  loadMaxMs: number;
  /** vm.createContext alone (not the bundle's cost). */
  contextMs: number;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; os: string };
  date: string;
  /** The embedded sample (74 rows) as set-up writes it: one edit of a leaf's Kết quả. */
  sample: { executionsPerEdit: number; functions: Record<string, number>; executionMs: number };
  sizes: SizeResult[];
  /** Ranking N communes × 100 criteria (local/bench/province.ts). */
  province: ProvinceSizeResult[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function call<T>(context: vm.Context, name: string, ...args: unknown[]): T {
  return ((context as Record<string, unknown>)[name] as (...a: unknown[]) => T)(...args);
}

async function measureSize(rows: number, runs: number, codePath: string, code: string): Promise<SizeResult> {
  let offsetDays = 0;
  const base = clockAt(TODAY, TIME_ZONE);
  const clock = { iso: TODAY, now: () => new Date(base.now().getTime() + offsetDays * 86400000) };
  const standIn = createStandIn({ now: clock.now, timeZone: TIME_ZONE });
  const context = loadBundle(standIn, codePath);
  installClock(context, clock);
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  const table = benchTable(rows, YEAR, TIME_ZONE);
  const sheet = writeBenchTable(ss, table);

  standIn.calls.reset();
  let t0 = performance.now();
  const attached = call<ActionResult>(context, 'sidebarAttachSheet', BENCH_SHEET);
  standIn.recalculate();
  const setupMs = performance.now() - t0;
  const setupServiceCalls = standIn.calls.total('Spreadsheet');
  if (!attached.ok) throw new Error(`set-up failed at ${rows} rows: ${attached.message}`);

  // Recompute as a user triggers it: the day moved on (the block's date and every status change) and
  // formulas recalculate. Timed here; its service calls are counted by calls.ts in their worst case (the
  // server call's alone: formula evaluation is Sheets' work, counted under executions per edit).
  const serverTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    offsetDays++;
    t0 = performance.now();
    const result = call<ActionResult>(context, 'sidebarRecompute');
    const t1 = performance.now();
    standIn.recalculate();
    const t2 = performance.now();
    if (!result.ok) throw new Error(`recompute failed at ${rows} rows: ${result.message}`);
    serverTimes.push(t1 - t0);
    fullTimes.push(t2 - t0);
  }

  // Custom-function executions per edit, with the current layout, then version 1's and the per-row one.
  const current = measureEdits(standIn, sheet, table, runs);
  const cold = await coldExecutions(code, sheet);
  const cpuOf = (c: (typeof cold)[string]) => c.loadCpuMs + c.callCpuMs;
  const coldMs = Object.fromEntries(Object.entries(cold).map(([name, c]) => [name, round(cpuOf(c))]));
  const slowest = Object.values(cold).sort((a, b) => cpuOf(b) - cpuOf(a))[0];
  writeVersion1Layout(sheet);
  const version1 = measureEdits(standIn, sheet, table, runs);
  writePerRowLayout(sheet);
  const perRow = measureEdits(standIn, sheet, table, runs);

  // CCHC_SCORE over the whole column, with the arrays Sheets would pass (read back from the tab), timed in
  // a fresh isolate (engine.ts).
  const col = (key: keyof typeof table.columns) =>
    sheet
      .getRange(table.firstDataRow, table.columns[key], table.lastDataRow - table.firstDataRow + 1, 1)
      .getValues();
  const engine = await engineTimes(
    code,
    [col('rule'), col('max'), col('actual'), col('target')],
    0,
    Math.max(9, runs),
  );

  // The per-cell implementation on a fresh stand-in holding the same table.
  const naiveStandIn = createStandIn({ now: clock.now, timeZone: TIME_ZONE });
  const naiveContext = loadBundle(naiveStandIn, codePath);
  installClock(naiveContext, clock);
  const naiveSheet = writeBenchTable(naiveStandIn.globals.SpreadsheetApp.getActiveSpreadsheet(), table);
  naiveStandIn.calls.reset();
  const naive = naiveRecompute(naiveSheet, table, naiveContext, clock.now());
  void naive.scoreMs; // measured in the loop's big heap; the engine figure comes from the clean isolate
  const naiveServiceCalls = naiveStandIn.calls.total('Spreadsheet');
  const naiveCalls = spreadsheetCalls(naiveStandIn.calls.byMethod());
  const recomputeCalls = measureRecomputeCalls(rows, codePath);

  return {
    rows,
    serviceCalls: recomputeCalls.sidebarRecompute.total,
    serviceCallsByMethod: recomputeCalls.sidebarRecompute.byMethod,
    ioCalls: recomputeCalls.sidebarRecompute.io,
    recomputeCalls,
    naiveServiceCalls,
    naiveServiceCallsByMethod: naiveCalls.byMethod,
    naiveIoCalls: naiveCalls.io,
    scoreMs: round(engine.scoreMs),
    scoreColdMs: round(engine.scoreColdMs),
    naiveScoreMs: round(engine.naiveScoreMs),
    recomputeMs: round(median(fullTimes)),
    recomputeServerMs: round(median(serverTimes)),
    naiveRecomputeMs: round(naive.ms),
    setupMs: round(setupMs),
    setupServiceCalls,
    executionsPerEdit: current.executionsPerEdit,
    executionMs: current.executionCpuMs,
    executionWallMs: current.executionMs,
    executionColdMs: round(slowest ? cpuOf(slowest) : 0),
    executionColdCallMs: round(slowest ? slowest.callCpuMs : 0),
    executionColdByFunction: coldMs,
    layouts: { current, version1, perRow },
  };
}

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padStart(n) : t.padEnd(n);
}

async function main(): Promise<void> {
  process.env.TZ = TIME_ZONE;
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      out: { type: 'string' },
      runs: { type: 'string' },
      'province-sizes': { type: 'string' },
    },
    strict: true,
  });
  const sizes = (values.sizes ?? '100,1000,10000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 8);
  const runs = Math.max(1, Number(values.runs ?? 3));
  const outDir = resolve(values.out ?? 'out');
  // A private copy: a concurrent `node build.mjs` (tests, another terminal) empties dist/ while it builds.
  const codePath = join(mkdtempSync(join(tmpdir(), 'cchc-bench-')), 'Code.js');
  copyFileSync(join(REPO_ROOT, 'dist/Code.js'), codePath);
  const code = readFileSync(codePath, 'utf8');
  const bundleBytes = statSync(codePath).size;
  const small = benchTable(100, YEAR, TIME_ZONE);
  const smallCol = (k: keyof typeof small.columns) =>
    small.values.slice(1).map((r) => [r[small.columns[k] - 1]]);
  const load = await engineTimes(
    code,
    [smallCol('rule'), smallCol('max'), smallCol('actual'), smallCol('target')],
    25,
    1,
  );

  const sampleStandIn = createStandIn({ now: () => clockAt(TODAY, TIME_ZONE).now(), timeZone: TIME_ZONE });
  const sampleContext = loadBundle(sampleStandIn, codePath);
  const sample = measureSampleEdit(sampleStandIn, sampleContext as Record<string, unknown>, runs);
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    process.stderr.write(`đo ${rows} dòng…\n`);
    results.push(await measureSize(rows, runs, codePath, code));
  }
  const provinceSizes = (values['province-sizes'] ?? '100,1000,3321')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  const province = measureProvince(provinceSizes, 100, Math.max(runs, 5), codePath);
  const cpu = cpus();
  const result: BenchResult = {
    bundleBytes,
    loadMs: round(load.loadMs),
    loadMaxMs: round(load.loadMaxMs),
    contextMs: round(load.contextMs),
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      os: `${osType()} ${release()}`,
    },
    date: new Date().toISOString().slice(0, 10),
    sample,
    sizes: results,
    province,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);

  const lines: string[] = [];
  lines.push(
    `CCHC Scorecard benchmark — ${result.machine.cpu}, ${result.machine.cores} cores, Node ${result.machine.node}`,
  );
  lines.push(
    `dist/Code.js: ${bundleBytes.toLocaleString('en-US')} bytes (budget < 150 KB = 150,000 bytes); compile + run top level in a fresh vm: ${result.loadMs} ms median, ${result.loadMaxMs} ms max (budget < 20 ms; creating the context: ${result.contextMs} ms)`,
  );
  lines.push(
    `The sample (74 rows): one edit of a leaf's Kết quả → ${sample.executionsPerEdit} custom-function executions (${Object.keys(sample.functions).join(', ')}), the slowest ${sample.executionMs} ms CPU (budget ≤ 4; goal 1)`,
  );
  lines.push('');
  const head = [
    'rows',
    'calls',
    'io',
    'naive calls',
    'naive io',
    'ratio',
    'SCORE ms',
    'SCORE cold',
    'naive SCORE ms',
    'recompute ms',
    'server ms',
    'naive ms',
  ];
  const w = [7, 6, 4, 12, 9, 7, 9, 11, 15, 13, 10, 10];
  lines.push(head.map((h, i) => pad(h, w[i], i > 0)).join(' '));
  for (const r of results) {
    lines.push(
      [
        r.rows,
        r.serviceCalls,
        r.ioCalls,
        r.naiveServiceCalls,
        r.naiveIoCalls,
        `${Math.round(r.naiveServiceCalls / Math.max(1, r.serviceCalls))}×`,
        r.scoreMs,
        r.scoreColdMs,
        r.naiveScoreMs,
        r.recomputeMs,
        r.recomputeServerMs,
        r.naiveRecomputeMs,
      ]
        .map((v, i) => pad(v, w[i], i > 0))
        .join(' '),
    );
  }
  lines.push('Spreadsheet calls per operation, worst case (calls/io), the same at every size:');
  for (const r of results) {
    const c = r.recomputeCalls;
    lines.push(
      `  ${pad(r.rows, 6, true)} rows: sidebar Tính lại ${c.sidebarRecompute.total}/${c.sidebarRecompute.io}, again the same day ${c.sidebarRecomputeSteady.total}/${c.sidebarRecomputeSteady.io}, menu Tính lại ${c.menuRecompute.total}/${c.menuRecompute.io}, sidebar load ${c.sidebarLoad.total}/${c.sidebarLoad.io}`,
    );
  }
  lines.push('');
  const head2 = [
    'rows',
    'exec/edit',
    'exec ms',
    'wall ms',
    'cold ms',
    'cold call',
    'v1 exec/edit',
    'v1 exec ms',
    'per-row exec/edit',
    'per-row exec/open',
  ];
  const w2 = [7, 10, 8, 8, 8, 10, 13, 11, 18, 18];
  lines.push(head2.map((h, i) => pad(h, w2[i], i > 0)).join(' '));
  for (const r of results) {
    lines.push(
      [
        r.rows,
        r.executionsPerEdit,
        r.executionMs,
        r.executionWallMs,
        r.executionColdMs,
        r.executionColdCallMs,
        r.layouts.version1.executionsPerEdit,
        r.layouts.version1.executionCpuMs,
        r.layouts.perRow.executionsPerEdit,
        r.layouts.perRow.executionsPerOpen,
      ]
        .map((v, i) => pad(v, w2[i], i > 0))
        .join(' '),
    );
  }
  lines.push('');
  lines.push(
    'exec/edit: custom-function executions after typing one leaf Kết quả (budget ≤ 4); exec ms: the slowest of them as the',
  );
  lines.push(
    "stand-in's recalculation records it (CPU ms, median; budget < 100 ms); wall ms: the same, wall clock; cold ms: the",
  );
  lines.push(
    'slowest function as Sheets runs every execution (fresh process: load the bundle + one cold call, CPU ms, median of 3);',
  );
  lines.push(
    "v1: version 1's layout (a formula per output column and per block figure); per-row: one CCHC_SCORE per row + v1 block.",
  );
  lines.push('');
  lines.push(
    'calls: every Spreadsheet service call of sidebarRecompute (recompute + highlight + the sidebar payload), getters included,',
  );
  lines.push(
    'worst case (new day, time zone and id caches expired, a history tab, other tabs; budget ≤ 10, constant); io: of which',
  );
  lines.push(
    'reads/writes of cell data or rules (getValues, setValues, getConditionalFormatRules…; budget ≤ 4); SCORE ms: CCHC_SCORE over the',
  );
  lines.push(
    'whole column in one call, median warm (budget < 50 ms at 10,000); recompute ms: sidebarRecompute + evaluating every',
  );
  lines.push(
    'formula of the tab on the stand-in; naive: one getValue per input cell, one CCHC_SCORE call and three setValue per row.',
  );
  lines.push('');
  lines.push(
    'Province (communes × 100 criteria): rank + weak criteria (core), CCHC_WEAK over the stacked rows, peak memory',
  );
  lines.push(
    '(wall ms: median of the runs [fastest–slowest]; cpu: the process\'s CPU ms; "/1k": per 1,000 communes, constant when growth is linear)',
  );
  for (const p of province)
    lines.push(
      `  ${pad(p.communes, 5, true)} communes  rank ${pad(p.rankMs, 8, true)} ms [${p.rankMsMin}–${p.rankMsMax}] = ${p.rankMsPer1000} ms/1k (cpu ${p.rankCpuMsPer1000}/1k)  CCHC_WEAK ${pad(p.weakFunctionMs, 8, true)} ms [${p.weakFunctionMsMin}–${p.weakFunctionMsMax}] = ${p.weakFunctionMsPer1000} ms/1k (cpu ${p.weakFunctionCpuMsPer1000}/1k)  peak RSS ${pad(p.peakRssMb, 6, true)} MB (${p.peakAboveBaselineMbPer1000} MB/1k above Node's ${p.baselineRssMb} MB)`,
    );
  lines.push(`→ ${join(outDir, 'bench.json')}`);
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
