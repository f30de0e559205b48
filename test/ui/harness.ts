// Runs the built sidebar (dist/sidebar.html) in headless Chromium with google.script.run routed to the real
// server code: dist/Code.js loaded on the in-memory Apps Script stand-in (local/gas). Reusable by any page:
//
//   const h = await startHarness();            // stand-in + bundle + a sample criteria sheet with results
//   await h.open();                            // serves the page, waits for the first load to finish
//   h.calls                                    // server functions called by the page, in order
//   h.failWith('sidebarRecompute', 'message')  // the next calls of that function throw, like Apps Script
//   await h.screenshot('overview')             // test-output/screenshots/overview.png
//   await h.close();
//
// The page gets a small shim (addInitScript) defining google.script.run (Proxy with withSuccessHandler /
// withFailureHandler / withUserObject chaining, asynchronous) and google.script.host; every call goes through
// page.exposeFunction to the function of that name in the vm context. Arguments and results pass through
// toScriptRunPayload (what google.script.run can carry: no Dates), thrown errors reach the failure handler as
// an Error with the server's message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createStandIn, type StandIn, type StandInDrive } from '../../local/gas';
import { loadBundle } from '../../local/gas/loadBundle';
import { toScriptRunPayload } from '../../local/gas/scriptRun';
import type { CellValue, ColumnKey, CriteriaRow } from '../../src/core/types';
import { INPUT_COLUMNS } from '../../src/sheets/headers';
import { launchBrowser } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
export const CRITERIA_TAB = 'Tiêu chí';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GasContext = Record<string, any>;

export interface SampleInfo {
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** The row whose title was replaced by HOSTILE_TITLE (and which is losing points). */
  hostileRow: number;
  hostileCode: string;
  /** A row whose result cannot be read (a data problem). */
  badRow: number;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  gas: GasContext;
  /** The document's stand-in (mail, triggers, properties as Google would hold them). */
  standIn: StandIn;
  sample: SampleInfo;
  /** Server function names the page called, in order. */
  calls: string[];
  /** Messages of browser dialogs (alert/confirm) that opened: there should be none. */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
  /** Requests the page made to anything but the harness server (there should be none). */
  outsideRequests: string[];
  /** Milliseconds every server call takes (to see progress and double-fire guards). */
  delayMs: number;
  failWith(name: string, message: string): void;
  restore(name: string): void;
  open(): Promise<void>;
  /** Waits until no server call is pending. */
  idle(): Promise<void>;
  screenshot(name: string): Promise<string>;
  documentProperties(): Record<string, string>;
  activeRow(): number;
  activeColumn(): number;
  close(): Promise<void>;
}

const SHIM = `(() => {
  const runner = (opts) => new Proxy({}, {
    get(_target, name) {
      if (name === 'withSuccessHandler') return (fn) => runner({ ...opts, ok: fn });
      if (name === 'withFailureHandler') return (fn) => runner({ ...opts, fail: fn });
      if (name === 'withUserObject') return (obj) => runner({ ...opts, user: obj });
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args) => {
        window.__gasRun(name, args).then((r) => {
          if (r.ok) {
            if (opts.ok) opts.ok(r.value, opts.user);
          } else {
            const error = new Error(r.message);
            error.name = 'ScriptError';
            if (opts.fail) opts.fail(error, opts.user);
            else console.error('Uncaught ScriptError: ' + r.message);
          }
        });
      };
    },
  });
  window.google = { script: {
    run: runner({}),
    host: {
      close: () => window.__gasHost('close'),
      setHeight: () => {}, setWidth: () => {},
      editor: { focus: () => window.__gasHost('focus') },
    },
  } };
})();`;

function ensureBuilt(): void {
  if (existsSync(join(DIST, 'Code.js')) && existsSync(join(DIST, 'sidebar.html'))) return;
  const result = spawnSync('node', ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node build.mjs failed:\n${result.stdout}${result.stderr}`);
}

/** Header text → column key, folded like the add-in does (an independent copy: tests compare against it). */
export function fold(text: unknown): string {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%+]+/g, ' ')
    .trim();
}

const HEADERS: Record<string, ColumnKey> = {
  ma: 'code',
  code: 'code',
  'tieu chi': 'title',
  criterion: 'title',
  'diem toi da': 'max',
  max: 'max',
  'cach cham': 'rule',
  rule: 'rule',
  'chi tieu': 'target',
  target: 'target',
  'ket qua': 'actual',
  actual: 'actual',
  'minh chung': 'evidence',
  evidence: 'evidence',
  nganh: 'sector',
  sector: 'sector',
  han: 'deadline',
  deadline: 'deadline',
  'giai trinh': 'notes',
  notes: 'notes',
  'diem tham dinh': 'appraised',
  appraised: 'appraised',
  diem: 'score',
  'trang thai': 'status',
  'ly do': 'reason',
};

/** Finds the header row (the first row holding Mã, Tiêu chí and Kết quả) and the columns (1-based). */
export function findHeader(values: CellValue[][]): {
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
} {
  for (let r = 0; r < values.length; r++) {
    const columns: Partial<Record<ColumnKey, number>> = {};
    values[r].forEach((cell, c) => {
      const key = HEADERS[fold(cell)];
      if (key && columns[key] === undefined) columns[key] = c + 1;
    });
    if (columns.code && columns.title && columns.actual) return { headerRow: r + 1, columns };
  }
  throw new Error('No criteria header row found in the sheet');
}

/** Reads the criteria table straight from the stand-in sheet, as raw CriteriaRow values. */
export function readCriteriaRows(gas: GasContext, tab = CRITERIA_TAB): CriteriaRow[] {
  const sheet = gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
  const values: CellValue[][] = sheet.getDataRange().getValues();
  const { headerRow, columns } = findHeader(values);
  const rows: CriteriaRow[] = [];
  for (let r = headerRow; r < values.length; r++) {
    const line = values[r];
    const row = { row: r + 1 } as CriteriaRow;
    for (const key of INPUT_COLUMNS) {
      const col = columns[key];
      (row as unknown as Record<string, CellValue>)[key] = col ? line[col - 1] : '';
    }
    if (String(row.code ?? '').trim() === '' && String(row.title ?? '').trim() === '') continue;
    rows.push(row);
  }
  return rows;
}

/**
 * Fills the sample's results the way a commune would: most rows done with evidence, some below their top
 * tier, some not done, one result unreadable, one row not applicable, and one hostile criterion title.
 */
export function fillSampleResults(gas: GasContext, tab = CRITERIA_TAB): SampleInfo {
  const sheet = gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`The set-up did not create the tab "${tab}"`);
  const values: CellValue[][] = sheet.getDataRange().getValues();
  const { headerRow, columns } = findHeader(values);
  const col = (key: ColumnKey) => {
    const c = columns[key];
    if (!c) throw new Error(`The sample has no ${key} column`);
    return c;
  };
  const dataRows = values
    .slice(headerRow)
    .filter((line) => String(line[col('code') - 1] ?? '').trim() !== '');
  const actual: CellValue[][] = [];
  const evidence: CellValue[][] = [];
  const titles: CellValue[][] = [];
  let hostileRow = 0;
  let hostileCode = '';
  let badRow = 0;
  let yesNo = 0;
  dataRows.forEach((line, i) => {
    const row = headerRow + 1 + i;
    const code = String(line[col('code') - 1]).trim();
    const rule = fold(line[col('rule') - 1]);
    const max = Number(line[col('max') - 1]) || 0;
    titles.push([line[col('title') - 1]]);
    let value: CellValue = '';
    if (rule === '') value = '';
    else if (rule.startsWith('han')) value = i % 6 === 0 ? 'Chưa' : 'Đúng hạn';
    else if (rule.startsWith('muc')) value = i % 3 === 0 ? 0.9 : 1;
    else if (rule.startsWith('ty le')) value = i % 2 === 0 ? 0.4 : 0.75;
    else if (rule.startsWith('dem')) value = 4;
    else if (rule.startsWith('tru')) value = i % 4 === 0 ? 1 : 0;
    else if (rule.startsWith('khao sat')) value = 0.82;
    else if (rule.startsWith('tu cham')) value = code === '-' ? 0 : Math.min(1, max);
    else if (rule.startsWith('co')) value = yesNo++ % 5 === 3 ? 'Không' : 'Có';
    if (!hostileRow && rule.startsWith('co')) {
      hostileRow = row;
      hostileCode = code;
      value = 'Không';
      titles[i] = [HOSTILE_TITLE];
    }
    if (!badRow && rule.startsWith('ty le')) {
      badRow = row;
      value = 'nhiều lắm';
    }
    if (code === '4.3') value = 'Không áp dụng';
    actual.push([value]);
    evidence.push([value === '' || i % 5 === 2 ? '' : `Văn bản số ${i + 10}/UBND`]);
  });
  const first = headerRow + 1;
  sheet.getRange(first, col('actual'), actual.length, 1).setValues(actual);
  sheet.getRange(first, col('evidence'), evidence.length, 1).setValues(evidence);
  sheet.getRange(first, col('title'), titles.length, 1).setValues(titles);
  if (!hostileRow || !badRow) throw new Error('The sample has no yes/no or ratio row to make hostile or bad');
  return { headerRow, columns, hostileRow, hostileCode, badRow };
}

export interface HarnessOptions {
  /** Prepares the document before the page opens; default: set up the sample and fill its results. */
  prepare?: (gas: GasContext) => SampleInfo;
  /** The Drive the document lives in (other documents it imports from with IMPORTRANGE live there too). */
  drive?: StandInDrive;
  /** The instant both clocks start from: the stand-in's (ticking on from it) and the page's (held at it). */
  now?: Date;
  /** The computer's time zone, when a test needs it to differ from the script's (Asia/Ho_Chi_Minh). */
  browserTimeZone?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  ensureBuilt();
  const start = options.now?.getTime();
  const started = Date.now();
  const standIn = createStandIn({
    ...(options.drive ? { drive: options.drive } : {}),
    ...(start === undefined ? {} : { now: () => new Date(start + Date.now() - started) }),
  });
  const gas = loadBundle(standIn) as GasContext;
  const sample = (options.prepare ?? defaultPrepare)(gas);

  const server = http.createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/sidebar')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(readFileSync(join(DIST, 'sidebar.html')));
    } else if (req.url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await launchBrowser({ width: 300, height: 800 }, options.browserTimeZone);
  const context = browser.context;
  const page = context.pages()[0] ?? (await context.newPage());
  if (start !== undefined) await page.clock.setFixedTime(start);

  const calls: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const outsideRequests: string[] = [];
  const overrides = new Map<string, string>();
  let pending = 0;

  const h: Harness = {
    page,
    context,
    gas,
    standIn,
    sample,
    calls,
    dialogs,
    pageErrors,
    outsideRequests,
    delayMs: 20,
    failWith(name, message) {
      overrides.set(name, message);
    },
    restore(name) {
      overrides.delete(name);
    },
    async open() {
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => !document.querySelector('.loading'));
      await h.idle();
    },
    async idle() {
      const deadline = Date.now() + 15000;
      while (pending > 0 || (await page.locator('#progress:not([hidden])').count()) > 0) {
        if (Date.now() > deadline) throw new Error('The page still waits for a server call after 15 s');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      // A viewport as tall as the page, so sticky bars sit where a user would see them (a plain fullPage
      // capture paints them at the old scroll position).
      await page.evaluate(() => window.scrollTo(0, 0));
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      // Capped at 1500 px: long lists repeat themselves, and the image stays readable at full size.
      await page.setViewportSize({ width: 300, height: Math.max(800, Math.min(height, 1500)) });
      await page.screenshot({ path });
      await page.setViewportSize({ width: 300, height: 800 });
      return path;
    },
    documentProperties() {
      return { ...gas.PropertiesService.getDocumentProperties().getProperties() };
    },
    activeRow() {
      return gas.SpreadsheetApp.getActiveSpreadsheet().getActiveRange().getRow();
    },
    activeColumn() {
      return gas.SpreadsheetApp.getActiveSpreadsheet().getActiveRange().getColumn();
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  await page.exposeFunction('__gasRun', async (name: string, args: unknown[]) => {
    calls.push(name);
    pending++;
    try {
      await new Promise((r) => setTimeout(r, h.delayMs));
      const failure = overrides.get(name);
      if (failure !== undefined) {
        const error = new Error(failure);
        error.name = 'Exception';
        throw error;
      }
      const fn = gas[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const value = fn(...(toScriptRunPayload(args) as unknown[]));
      return { ok: true, value: toScriptRunPayload(value) };
    } catch (error) {
      // Errors thrown in the vm context are not instances of this realm's Error: read them by shape.
      const message =
        error && typeof error === 'object' && 'message' in error
          ? String((error as Error).message)
          : String(error);
      return { ok: false, message };
    } finally {
      pending--;
    }
  });
  await page.exposeFunction('__gasHost', async (what: string) => {
    calls.push(`host.${what}`);
  });
  await page.addInitScript(SHIM);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:'))
      outsideRequests.push(url);
  });
  return h;
}

function defaultPrepare(gas: GasContext): SampleInfo {
  const result = gas.sidebarSetupSample();
  if (result && result.ok === false) throw new Error(`sidebarSetupSample failed: ${result.message}`);
  return fillSampleResults(gas);
}
