// Engine time of the bundle, measured in a worker thread: a fresh V8 isolate whose heap holds only the
// bundle and its arguments, as each Apps Script custom-function execution has (the stand-in's spreadsheet
// in the main thread would otherwise make every garbage collection pay for its 10,000-row grid).
import { spawn } from 'node:child_process';
import { serialize } from 'node:v8';
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

/** One custom-function execution as Sheets runs it: a fresh process loads the bundle, then makes one call. */
export interface ColdExecution {
  /** Compile + run the bundle's top level: wall time, and CPU time of the process. */
  loadMs: number;
  loadCpuMs: number;
  /** The call itself (cold: nothing warmed up): wall time, and CPU time of the process. */
  callMs: number;
  callCpuMs: number;
}

// Plain JavaScript for a child process: the arguments come serialised (v8) on stdin. CPU time is the
// process's own (user + system, GC threads included): on a machine shared with other work it is what the
// execution costs, where wall time also counts the waits for a core.
const COLD_CHILD = `
const vm = require('node:vm');
const v8 = require('node:v8');
const { readFileSync } = require('node:fs');
const { code, name, args } = v8.deserialize(readFileSync(0));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const context = vm.createContext({});
context.Date = Date;
let t0 = performance.now(), c0 = cpu();
vm.runInContext(code, context, { filename: 'Code.js' });
const loadMs = performance.now() - t0, loadCpuMs = cpu() - c0;
t0 = performance.now(); c0 = cpu();
try { context[name](...args); } catch (e) { /* #ERROR! in Sheets: still an execution */ }
const callMs = performance.now() - t0, callCpuMs = cpu() - c0;
process.stdout.write(JSON.stringify({ loadMs, loadCpuMs, callMs, callCpuMs }));
`;

export function coldExecution(code: string, name: string, args: unknown[]): Promise<ColdExecution> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', COLD_CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`cold execution of ${name} failed (${status})`));
      else resolve(JSON.parse(out) as ColdExecution);
    });
    child.stdin.end(serialize({ code, name, args }));
  });
}
