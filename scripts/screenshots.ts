// npm run screenshots: the pictures of the README's Vietnamese guide (docs/images/*.png), taken from the real
// product, so they can be regenerated whenever the sheet or the sidebar changes. Not part of npm test.
//
// 1. Runs the demo (the built dist/Code.js on the Apps Script stand-in, the embedded sample with its mid-year
//    results, as of 20/06/2024) into a scratch folder and photographs its sheet.html: the criteria tab with
//    the add-in's columns and colours, and the summary block. The stand-in spreadsheet's locale is vi_VN,
//    as a commune's sheet is (scripts/screenshotDemo.ts): numbers show a decimal comma.
// 2. Opens the built sidebar (dist/sidebar.html) in headless Chromium on that same document, google.script.run
//    routed to the bundle's own functions (as test/ui/harness.ts does), and photographs its tabs.
//
// Chromium: the one the browser tests use (local/browser/chromium.ts: CHROMIUM_PATH, /usr/bin/chromium, or
// Playwright's download).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadBundle } from '../local/gas/loadBundle';
import { REPO_ROOT } from '../local/gas/paths';
import { toScriptRunPayload } from '../local/gas/scriptRun';
import { firstRunStandIn, screenshotDemo } from './screenshotDemo';
import { CHROMIUM_ARGS, findChromium } from '../local/browser/chromium';

const IMAGES = join(REPO_ROOT, 'docs', 'images');
const SIDEBAR_URL = 'http://sidebar.invalid/';

// google.script.run for the page: every call goes to __gasRun (page.exposeFunction), asynchronously.
const SHIM = `(() => {
  const runner = (opts) => new Proxy({}, { get(_t, name) {
    if (name === 'withSuccessHandler') return (fn) => runner({ ...opts, ok: fn });
    if (name === 'withFailureHandler') return (fn) => runner({ ...opts, fail: fn });
    if (name === 'withUserObject') return (obj) => runner({ ...opts, user: obj });
    if (typeof name !== 'string' || name === 'then') return undefined;
    return (...args) => { window.__gasRun(name, args).then((r) => {
      if (r.ok) { if (opts.ok) opts.ok(r.value, opts.user); }
      else if (opts.fail) opts.fail(new Error(r.message), opts.user);
    }); };
  } });
  window.google = { script: { run: runner({}), host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} } } } };
})();`;

// Removes the other columns' cells (the sheet has no merged cells across them) and the rows below `rows`.
// Keeps the columns whose header (the row of "Mã") is one of the texts `keep`, and for a text with a "+" in
// front the column holding it anywhere and the one to its right (a label and its value), and the rows up to `rows`; removes the other cells (the sheet has no merged cells across them).
const KEEP_ONLY = `function (keep, rows) {
  var table = document.querySelector('table.grid');
  var letters = {};
  var index = {};
  table.querySelectorAll('th').forEach(function (th, i) { if (i > 0 && i < 27) index[th.textContent] = i; });
  var cells = Array.prototype.slice.call(table.querySelectorAll('td[data-cell]'));
  var header = cells.filter(function (td) { return td.textContent.trim() === 'Mã'; })[0];
  var headerRow = header ? header.dataset.cell.replace(/[A-Z]+/, '') : '';
  cells.forEach(function (td) {
    var row = td.dataset.cell.replace(/[A-Z]+/, '');
    var letter = td.dataset.cell.replace(/[0-9]+/, '');
    var text = td.textContent.trim();
    if (Number(row) > rows) return;
    if (row === headerRow && keep.indexOf(text) >= 0) letters[letter] = true;
    if (keep.indexOf('+' + text) >= 0) {
      letters[letter] = true;
      letters[String.fromCharCode(letter.charCodeAt(0) + 1)] = true;
    }
  });
  var kept = {};
  Object.keys(letters).forEach(function (l) { kept[index[l]] = true; });
  function drop(parent) {
    Array.prototype.slice.call(parent.children).forEach(function (cell, i) {
      if (i >= 1 && !kept[i]) cell.remove();
    });
  }
  drop(table.querySelector('colgroup'));
  table.querySelectorAll('tr').forEach(function (tr, i) {
    if (i > rows) tr.remove();
    else drop(tr);
  });
  var width = 0;
  table.querySelectorAll('col').forEach(function (col) { width += parseFloat(col.style.width); });
  table.style.width = width + 'px';
  table.querySelectorAll('span.ov').forEach(function (s) { s.style.width = width - 50 + 'px'; });
}`;

async function shootSheet(browser: Browser, sheetHtml: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1240, height: 760 } });
  const open = async (keep: string[], rows: number) => {
    await page.goto(pathToFileURL(sheetHtml).href);
    // Keep only the columns `keep` (as a user hides columns to fit a screen; the sheet has no merged cells
    // across them) and the sheet rows up to `rows`; hide the demo's own heading.
    // A string, not a function: tsx's helpers do not exist in the page.
    await page.evaluate(`(${KEEP_ONLY})(${JSON.stringify(keep)}, ${rows})`);
    await page.addStyleTag({
      content:
        'h1, p.meta, .notes { display: none; } .grid-wrap { max-height: none; display: inline-block; }',
    });
  };
  // The criteria tab: what sectors type, and the three columns the add-in computes, with the row colours.
  await open(['Mã', 'Tiêu chí', 'Điểm tối đa', 'Kết quả', 'Giải pháp', 'Điểm', 'Trạng thái', 'Lý do'], 36);
  await page.locator('.grid-wrap').screenshot({ path: join(IMAGES, 'sheet.png') });
  // The summary block beside the table (as-of date, totals, index, class, areas, class bands).
  await open(['Mã', '+Tính đến ngày'], 36);
  await page.locator('.grid-wrap').screenshot({ path: join(IMAGES, 'sheet-summary.png') });
  await page.close();
}

/** The built sidebar in a 300 px page, its server calls answered by `context` (a loaded bundle). */
async function openSidebar(browser: Browser, context: Record<string, unknown>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
  const html = readFileSync(join(REPO_ROOT, 'dist', 'sidebar.html'), 'utf8');
  await page.route('**/*', (route) =>
    route.request().url() === SIDEBAR_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort(),
  );
  await page.exposeFunction('__gasRun', (name: string, args: unknown[]) => {
    try {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const value = (fn as (...a: unknown[]) => unknown)(...(toScriptRunPayload(args) as unknown[]));
      return { ok: true, value: toScriptRunPayload(value) };
    } catch (error) {
      return { ok: false, message: String((error as Error)?.message ?? error) };
    }
  });
  await page.addInitScript(SHIM);
  await page.goto(SIDEBAR_URL);
  await page.waitForFunction(() => !document.querySelector('.loading'));
  await idle(page);
  return page;
}

/** Waits until no server call is pending (the sidebar shows #progress meanwhile). */
function idle(page: Page): Promise<unknown> {
  return page.waitForFunction(() => !document.querySelector('#progress:not([hidden])'));
}

/** The page's whole height, for a picture without scrolling. */
function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

async function shot(page: Page, name: string, height: number): Promise<void> {
  await page.setViewportSize({ width: 300, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(IMAGES, `sidebar-${name}.png`) });
  await page.setViewportSize({ width: 300, height: 800 });
}

/**
 * Rounds and locks (Cài đặt → Vòng chấm và khóa): the self-scoring round ended on 15/06/2024, so on the demo's
 * 20/06/2024 saving the dates locks its columns; the card shows it with Mở khóa / Khóa lại.
 */
async function shootRounds(browser: Browser, context: Record<string, unknown>): Promise<void> {
  const load = context.sidebarLoad as () => { settings: Record<string, unknown> };
  const save = context.sidebarSaveSettings as (s: unknown) => { ok: boolean; message: string };
  const rounds = { selfScore: '2024-06-15', appraisal1: '2024-07-31', explanation: null, appraisal2: null };
  const saved = save({ ...load().settings, rounds });
  if (!saved.ok) throw new Error(`Lưu vòng chấm thất bại: ${saved.message}`);
  const page = await openSidebar(browser, context);
  await page.click('#tab-settings');
  await page.waitForSelector('#panel-settings:not([hidden])');
  await page.setViewportSize({ width: 300, height: await pageHeight(page) });
  await page.locator('#round-locks').screenshot({ path: join(IMAGES, 'sidebar-lock.png') });
  // The rounds' fields and, below them, who may still edit after a lock.
  const clip = await page.evaluate(() => {
    const fieldset = document.querySelector('fieldset[data-group="rounds"]')!;
    const top = fieldset.getBoundingClientRect();
    const bottom = (fieldset.nextElementSibling ?? fieldset).getBoundingClientRect();
    return { x: 0, y: top.top - 8, width: 300, height: bottom.bottom - top.top + 16 };
  });
  await page.screenshot({ path: join(IMAGES, 'sidebar-rounds.png'), clip });
  await page.close();
}

/** The first run: a spreadsheet with no criteria tab yet. */
async function shootFirstRun(browser: Browser): Promise<void> {
  const standIn = firstRunStandIn();
  const page = await openSidebar(browser, loadBundle(standIn) as unknown as Record<string, unknown>);
  await shot(page, 'first-run', await pageHeight(page));
  await page.close();
}

/** Every tab on the demo's own document. */
async function shootSidebar(browser: Browser, context: Record<string, unknown>): Promise<void> {
  const page = await openSidebar(browser, context);
  const tab = async (id: string, height: number, name = id) => {
    await page.click(`#tab-${id}`);
    await page.waitForSelector(`#panel-${id}:not([hidden])`);
    await idle(page);
    await shot(page, name, height);
  };
  await tab('overview', 900);
  await tab('risk', 900);
  await tab('data', 760);
  // The report tab with the email preview open, as a clerk checks it before sending.
  await page.click('#tab-report');
  await page.click('button[data-action="preview"]');
  await idle(page);
  await page.waitForSelector('#email-preview');
  await tab('report', 1000);
  await tab('settings', 1500);
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'cchc-screenshots-'));
  try {
    const demo = await screenshotDemo(scratch);
    const found = findChromium();
    if (!found.ok) throw new Error(found.message);
    const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
    try {
      await shootSheet(browser, join(scratch, 'sheet.html'));
      // A second load of the bundle on the demo's stand-in: the same document, settings and clock.
      const context = loadBundle(demo.standIn) as unknown as Record<string, unknown>;
      await shootSidebar(browser, context);
      await shootRounds(browser, context);
      await shootFirstRun(browser);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const name of [
    'sheet',
    'sheet-summary',
    'sidebar-first-run',
    'sidebar-overview',
    'sidebar-risk',
    'sidebar-data',
    'sidebar-report',
    'sidebar-settings',
    'sidebar-lock',
    'sidebar-rounds',
  ]) {
    const file = join(IMAGES, `${name}.png`);
    console.log(`docs/images/${name}.png  ${Math.round(statSync(file).size / 1024)} KB`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
