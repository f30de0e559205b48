// Engine time of the bundle, measured in a worker thread: a fresh V8 isolate whose heap holds only the
// bundle and its arguments, as each Apps Script custom-function execution has (the stand-in's spreadsheet
// in the main thread would otherwise make every garbage collection pay for its 10,000-row grid).
import { Worker } from 'node:worker_threads';

export interface EngineTimes {
  /** Compile + run the top level of the bundle in a fresh context (median, max over distinct sources). */
  loadMs: number;
  loadMaxMs: number;
  contextMs: number;
  /** CCHC_SCORE over the whole column: the first call, then the median of warm calls. */
  scoreColdMs: number;
  scoreMs: number;
  /** The same rows as N single-cell calls (the per-cell pattern), in the warm context. */
  naiveScoreMs: number;
}

// Plain JavaScript: it runs with `eval: true`, outside tsx.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { code, args, loadRuns, warmRuns } = workerData;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fresh = () => { const c = vm.createContext({}); c.Date = Date; return c; };
const loads = [], contexts = [];
for (let i = 0; i < loadRuns; i++) {
  const source = code + '\\n// run ' + i + ' ' + Math.random();
  const t0 = performance.now();
  const context = vm.createContext({});
  const t1 = performance.now();
  new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
  loads.push(performance.now() - t1);
  contexts.push(t1 - t0);
}
const context = fresh();
vm.runInContext(code, context, { filename: 'Code.js' });
let t0 = performance.now();
context.CCHC_SCORE(...args);
const scoreColdMs = performance.now() - t0;
const warm = [];
for (let i = 0; i < warmRuns; i++) { t0 = performance.now(); context.CCHC_SCORE(...args); warm.push(performance.now() - t0); }
const [rule, max, actual, target] = args;
t0 = performance.now();
for (let i = 0; i < rule.length; i++) {
  try { context.CCHC_SCORE(rule[i][0], max[i][0], actual[i][0], target[i][0]); } catch (e) { /* a bad row: #ERROR! in Sheets */ }
}
const naiveScoreMs = performance.now() - t0;
parentPort.postMessage({ loadMs: loads.length ? median(loads) : 0, loadMaxMs: loads.length ? Math.max(...loads) : 0, contextMs: contexts.length ? median(contexts) : 0, scoreColdMs, scoreMs: median(warm), naiveScoreMs });
`;

export function engineTimes(
  code: string,
  args: unknown[][][],
  loadRuns = 25,
  warmRuns = 9,
): Promise<EngineTimes> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { code, args, loadRuns, warmRuns } });
    worker.once('message', (m: EngineTimes) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** One custom-function execution as Sheets runs it: a fresh isolate loads the bundle, then makes one call. */
export interface ColdExecution {
  /** Compile + run the bundle's top level. */
  loadMs: number;
  /** The call itself (cold: nothing warmed up). */
  callMs: number;
}

const COLD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { code, name, args } = workerData;
const context = vm.createContext({});
context.Date = Date;
let t0 = performance.now();
vm.runInContext(code, context, { filename: 'Code.js' });
const loadMs = performance.now() - t0;
t0 = performance.now();
try { context[name](...args); } catch (e) { /* #ERROR! in Sheets: still an execution */ }
parentPort.postMessage({ loadMs, callMs: performance.now() - t0 });
`;

export function coldExecution(code: string, name: string, args: unknown[]): Promise<ColdExecution> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(COLD_WORKER, { eval: true, workerData: { code, name, args } });
    worker.once('message', (m: ColdExecution) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
