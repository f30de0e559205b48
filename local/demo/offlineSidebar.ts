// out/sidebar.html: the real built sidebar (dist/sidebar.html, byte for byte) with the demo's own answers
// inlined, so it opens offline from file:// and shows the dashboard of the sheet the demo ran. Apps Script
// injects `google.script.run` into a sidebar; here a small stand-in for it, placed before the page's own
// script, answers the page's calls from the inlined answers (what the bundle's sidebarLoad and
// sidebarPreviewEmail returned during the run); any other call (recompute, send, save…) fails with a
// Vietnamese message, as a failed server call does. out/sidebar.png: that page in headless Chromium, 300 px
// wide (the sidebar's width in Sheets).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../browser/chromium';
import { toScriptRunPayload } from '../gas/scriptRun';

/** What the inlined google.script.run answers with: server function name → its result during the run. */
export type OfflineAnswers = Record<string, unknown>;

export const OFFLINE_MESSAGE =
  'Bản xem ngoại tuyến do npm run demo tạo: thao tác này chỉ chạy trong Google Trang tính.';

/** JSON that is safe inside a <script> element (no "</script>", no "<!--", no JS line separators). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// Asynchronous like the real google.script.run (handlers run after the call returns), each answer a fresh
// copy (the real one crosses a process boundary), withUserObject handed back to the handlers.
const STUB = `(function () {
  var answers = JSON.parse(document.getElementById('cchc-offline-answers').textContent);
  var offline = %MESSAGE%;
  function runner(ok, fail, user) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, fail, user); };
        if (name === 'withFailureHandler') return function (f) { return runner(ok, f, user); };
        if (name === 'withUserObject') return function (u) { return runner(ok, fail, u); };
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function () {
          setTimeout(function () {
            if (Object.prototype.hasOwnProperty.call(answers, name)) {
              if (ok) ok(JSON.parse(JSON.stringify(answers[name])), user);
            } else {
              var error = new Error(offline);
              error.name = 'ScriptError';
              if (fail) fail(error, user);
            }
          }, 0);
        };
      },
    });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () {}, setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} } },
  } };
})();`;

/** The built sidebar page with the answers inlined; throws when the page has no <head> to put them in. */
export function offlineSidebarHtml(builtSidebar: string, answers: OfflineAnswers): string {
  const carried = toScriptRunPayload(answers);
  const inject =
    `<script type="application/json" id="cchc-offline-answers">${scriptJson(carried)}</script>\n` +
    `<script>${STUB.replace('%MESSAGE%', () => scriptJson(OFFLINE_MESSAGE))}</script>\n`;
  const head = /<head[^>]*>/i.exec(builtSidebar);
  if (!head) throw new Error('dist/sidebar.html has no <head>: run "node build.mjs".');
  const at = head.index + head[0].length;
  return `${builtSidebar.slice(0, at)}\n${inject}${builtSidebar.slice(at)}`;
}

export function writeOfflineSidebar(builtPath: string, target: string, answers: OfflineAnswers): void {
  if (!existsSync(builtPath)) throw new Error(`Chưa có ${builtPath}: chạy "node build.mjs".`);
  writeFileSync(target, offlineSidebarHtml(readFileSync(builtPath, 'utf8'), answers));
}

export type ScreenshotResult = { ok: true; browser: string } | { ok: false; message: string };

/**
 * Opens `page` (out/sidebar.html) in headless Chromium 300 px wide, waits for its first load, and saves
 * `png`: the whole dashboard, up to 1,500 px tall. No Chromium, or one that fails: a message, nothing thrown.
 */
export async function screenshotSidebar(page: string, png: string): Promise<ScreenshotResult> {
  const found = findChromium();
  if (!found.ok) return { ok: false, message: found.message };
  let browser;
  try {
    browser = await chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
    const tab = await browser.newPage({ viewport: { width: 300, height: 800 } });
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForFunction(
      () => !document.querySelector('.loading') && !!document.getElementById('panel-overview')?.textContent,
      undefined,
      { timeout: 20000 },
    );
    const height = await tab.evaluate(() => document.documentElement.scrollHeight);
    // A viewport as tall as the page (capped), so the sticky header sits where a user sees it.
    await tab.setViewportSize({ width: 300, height: Math.max(800, Math.min(height, 1500)) });
    await tab.screenshot({ path: png });
    return { ok: true, browser: found.path };
  } catch (error) {
    const reason = String((error as Error).message ?? error).split('\n')[0];
    return { ok: false, message: `Chromium "${found.path}" không chụp được trang (${reason}).` };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
