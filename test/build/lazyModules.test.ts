// Lazy modules (*.lazy.ts, scripts/lazyModules.mjs): their code is in dist/lazy_<name>.html, not in
// dist/Code.js, and the bundle reads it through HtmlService only when an action needs it, with the same
// results as the source module.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import * as esbuild from 'esbuild';
import { createStandIn } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';
// @ts-expect-error plain ESM helper of the build, without type declarations
import { lazyFileName, lazyModulesPlugin } from '../../scripts/lazyModules.mjs';
import { sampleText } from '../../src/sheets/sampleText';
import { text766 } from '../../src/sheets/text766';
import { env, fill, NOW } from '../support/env';
import { distEnv } from '../support/distEnv';
import { holdProcessDate } from '../support/processClock';
import { importOfficial } from '../../src/server/importOfficial';
import { setupSample } from '../../src/server/setUpTab';
import { sidebarPreviewEmailAction } from '../../src/server/sidebarActions';
import { appendixGrid } from '../import/appendix';
import type { ActionResult, SidebarData } from '../../src/server/api';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const CODE = readFileSync(join(DIST, 'Code.js'), 'utf8');

function lazySources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? lazySources(join(dir, e.name)) : e.name.endsWith('.lazy.ts') ? [join(dir, e.name)] : [],
  );
}

/** Evaluates a chunk as the stub in Code.js does (new Function(content)()). */
function loadChunk(file: string): Record<string, (...a: unknown[]) => unknown> {
  const body = readFileSync(join(DIST, `${file}.html`), 'utf8');
  return new Function(body)() as Record<string, (...a: unknown[]) => unknown>;
}

/** Records the names of the project files the bundle reads through HtmlService. */
function recordFileReads(context: object): string[] {
  const names: string[] = [];
  const g = context as { HtmlService: GoogleAppsScript.HTML.HtmlService };
  const service = g.HtmlService;
  g.HtmlService = new Proxy(service, {
    get(target, key) {
      if (key === 'createHtmlOutputFromFile') {
        return (name: string) => {
          names.push(name);
          return target.createHtmlOutputFromFile(name);
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return names;
}

afterEach(() => {
  jest.useRealTimers();
});

describe('lazy modules', () => {
  const sources = lazySources();

  test('there are lazy modules and each has its dist/lazy_*.html', () => {
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const path of sources) {
      expect(readdirSync(DIST)).toContain(`${lazyFileName(path)}.html`);
    }
  });

  test('the embedded sets are in the set-up chunk, not in Code.js', () => {
    // Only set-up reads them, so their text is in lazy_setUpTab with the rest of set-up (a template literal:
    // each row is one line of the chunk).
    const chunk = readFileSync(join(DIST, 'lazy_setUpTab.html'), 'utf8');
    for (const text of [sampleText(), text766()]) {
      const lines = text.trim().split('\n');
      expect(lines.length).toBeGreaterThan(20);
      expect(lines.filter((line) => CODE.includes(line))).toEqual([]);
      expect(lines.filter((line) => !chunk.includes(line))).toEqual([]);
    }
  });

  test('Code.js names each lazy file in its loader', () => {
    for (const path of sources) {
      expect(CODE).toContain(`HtmlService.createHtmlOutputFromFile("${lazyFileName(path)}")`);
    }
    // Words of the rule reader's tables and of the email templates: none is left in Code.js.
    // (expect(…).toBe(false): a failure must not print the whole bundle)
    expect(CODE.includes('Hướng dẫn cho điểm theo nhiều loại việc khác nhau.')).toBe(false);
    for (const text of [
      'Thư tự động từ CCHC Scorecard', // email bodies (lazy_reporting)
      'BÁO CÁO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', // report tab (lazy_reporting)
      'Xã dùng bộ chỉ số khác bộ của tỉnh', // province workbook (lazy_province)
      'dữ liệu xuất cho bảng tổng hợp tỉnh', // the commune's export tab writer, written at set-up (lazy_setUpTab)
      'Ô lỗi (#N/A, #DIV/0!) trong vùng truyền vào hàm tùy chỉnh', // self-check (lazy_selfCheckReport)
      'từ bộ chỉ số MẪU năm', // set-up of the sample (lazy_setUpTab)
      '(6 nhóm, 100 điểm)', // set-up of Bộ chỉ số 766 (lazy_setUpTab)
      'Đã gắn vào trang', // attach (lazy_setUpTab)
      'BỘ CHỈ SỐ ĐÁNH GIÁ, XẾP HẠNG CẢI CÁCH HÀNH CHÍNH CẤP XÃ', // the sample's title row (lazy_setUpTab)
      'QUYẾT ĐỊNH 766/QĐ-TTg', // the 766 tab's title row (lazy_setUpTab)
    ]) {
      expect([text, CODE.includes(text)]).toEqual([text, false]);
    }
  });

  test('the bundle reads a lazy file once per execution, only when an action needs it', () => {
    const standIn = createStandIn({ timeZone: 'Asia/Ho_Chi_Minh' });
    const context = loadBundle(standIn) as Record<string, () => unknown>;
    const reads = recordFileReads(context);
    context.menuSetupSample();
    expect(reads.filter((n) => n.startsWith('lazy_'))).toEqual(['lazy_setUpTab']);
    const codes = standIn
      .sheet('Tiêu chí')
      .getDataRange()
      .getValues()
      .map((r) => String(r[0]));
    for (const line of sampleText().trim().split('\n')) expect(codes).toContain(line.split('|')[0]);
    context.menuRecompute();
    context.menuSetup766();
    expect(reads.filter((n) => n.startsWith('lazy_'))).toEqual(['lazy_setUpTab']);
    expect(standIn.ui.alerts.at(-1)).toMatch(/Bộ chỉ số 766/);
    const codes766 = standIn
      .sheet('Bộ chỉ số 766')
      .getDataRange()
      .getValues()
      .map((r) => String(r[0]));
    for (const line of text766().trim().split('\n')) expect(codes766).toContain(line.split('|')[0]);
  });

  test('the official set imported through the bundle (import and reader in their lazy file) gives the same tab as the source', () => {
    const pasted = appendixGrid().map((row) => row.map((v) => (/^[-+=]/.test(v) ? `'${v}` : v)));
    const source = env();
    fill(source, 'Phụ lục I', pasted).activate();
    expect(importOfficial('', false, NOW).result.ok).toBe(true);
    const dist = distEnv(NOW);
    fill(dist.standIn, 'Phụ lục I', pasted).activate();
    const reads = recordFileReads(dist.context);
    dist.call('menuImportOfficial()');
    expect(reads.filter((n) => n.startsWith('lazy_'))).toEqual(['lazy_importOfficial']);
    const tab = (s: typeof source) => s.sheet('Tiêu chí').getDataRange().getValues();
    expect(tab(dist.standIn).length).toBeGreaterThan(8);
    expect(tab(dist.standIn)).toEqual(tab(source));
  });

  test('the email preview through the bundle (report and templates in their lazy file) is the same as through the source', () => {
    // The source's preview reads the process's clock: held at the bundle's instant, so a month turning
    // during the test cannot part them.
    const now = NOW;
    holdProcessDate(now);
    const dist = distEnv(now);
    const reads = recordFileReads(dist.context);
    dist.call('menuSetupSample()');
    const viaBundle = dist.call<string>('JSON.stringify(sidebarPreviewEmail())');
    expect(reads.filter((n) => n.startsWith('lazy_'))).toEqual(['lazy_setUpTab', 'lazy_reporting']);
    env({ now });
    setupSample(now);
    const viaSource = JSON.stringify(sidebarPreviewEmailAction());
    expect(viaBundle.includes('TÌNH HÌNH CHỈ SỐ CCHC')).toBe(true);
    // The emails link back to their spreadsheet: the two stand-ins' spreadsheets have their own ids.
    const ids = (s: string) => s.replace(/stand-in-spreadsheet-\d+/g, 'ID');
    expect(viaBundle).toContain('https://docs.google.com/spreadsheets/d/stand-in-spreadsheet-');
    expect(ids(viaBundle) === ids(viaSource)).toBe(true);
  });

  test("a lazy module's expected failure is shown as is and not logged as a bug (its own UserError copy)", () => {
    const dist = distEnv(NOW);
    dist.call('menuGenerateReport()');
    expect(dist.standIn.ui.alerts.at(-1)).toMatch(/Tiêu chí/);
    expect(dist.standIn.logs.filter((l) => l.startsWith('[ERROR]'))).toEqual([]);
  });

  test('without its file the action fails and writes nothing: set-up really comes from the lazy file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-lazy-'));
    try {
      cpSync(DIST, dir, { recursive: true });
      rmSync(join(dir, 'lazy_setUpTab.html'));
      const standIn = createStandIn({ timeZone: 'Asia/Ho_Chi_Minh', htmlDir: dir });
      const context = loadBundle(standIn, join(dir, 'Code.js')) as Record<string, () => unknown>;
      context.menuSetupSample();
      expect(standIn.ui.alerts.at(-1)).toMatch(/lazy_setUpTab/);
      expect(standIn.spreadsheet.sheetByName('Tiêu chí')).toBeFalsy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('custom functions, onEdit, onOpen, recompute and the sidebar never need lazy_setUpTab (its repair path included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-lazy-'));
    try {
      cpSync(DIST, dir, { recursive: true });
      const standIn = createStandIn({ timeZone: 'Asia/Ho_Chi_Minh', htmlDir: dir, now: () => NOW });
      (loadBundle(standIn, join(dir, 'Code.js')) as Record<string, () => unknown>).menuSetupSample();
      const sheet = standIn.sheet('Tiêu chí');
      // Numbers the formulas computed in the Điểm column (found by its header in row 4).
      const scored = () => {
        const column = sheet.getRange('4:4').getValues()[0].map(String).indexOf('Điểm') + 1;
        if (column === 0) return 0;
        return sheet
          .getRange(5, column, 80, 1)
          .getValues()
          .flat()
          .filter((v) => typeof v === 'number').length;
      };
      expect(scored()).toBeGreaterThan(50);
      // A later execution, in a project without the set-up file (a new context: lazy files are read per execution).
      rmSync(join(dir, 'lazy_setUpTab.html'));
      const context = loadBundle(standIn, join(dir, 'Code.js'));
      const reads = recordFileReads(context);
      const call = <T>(src: string): T => vm.runInContext(src, context) as T;
      // The custom functions (this context's, registered with the stand-in's formula engine) rescore a typed result.
      expect(sheet.getRange('O30').getValue()).toBe(0);
      sheet.getRange('F30').setValue('Có');
      expect(sheet.getRange('O30').getValue()).toBe(1);
      sheet.getRange('A79:G79').setValues([['8.6', 'Tiêu chí thêm', 1, 'CÓ/KHÔNG', '', 'Không', '']]);
      call(
        "onEdit({ authMode: ScriptApp.AuthMode.LIMITED, range: SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí').getRange('A79:G79') })",
      );
      expect(sheet.getRange('O5').getFormula()).toContain('$A$79');
      call('onOpen({ authMode: ScriptApp.AuthMode.LIMITED })');
      call('onOpen({ authMode: ScriptApp.AuthMode.FULL })');
      call('menuRecompute()');
      expect(standIn.ui.toasts.at(-1)?.message).toMatch(/^Tổng /);
      expect(call<ActionResult>('sidebarRecompute()').ok).toBe(true);
      expect(call<SidebarData>('sidebarLoad()').dashboard?.total).toBeGreaterThan(0);
      // Recompute's repair: a tab whose output headers were cleared gets its outputs again, from Code.js.
      const headers = sheet.getRange('4:4').getValues()[0].map(String);
      for (const title of ['Điểm', 'Trạng thái', 'Lý do'])
        sheet.getRange(4, headers.indexOf(title) + 1).clearContent();
      expect(scored()).toBe(0);
      call('menuRecompute()');
      expect(standIn.ui.toasts.at(-1)?.message).toMatch(/^Đã thêm các cột kết quả/);
      expect(scored()).toBeGreaterThan(50);
      expect(reads.filter((n) => n === 'lazy_setUpTab')).toEqual([]);
      expect(standIn.logs.filter((l) => l.includes('lazy_setUpTab'))).toEqual([]);
      expect(standIn.ui.alerts.filter((a) => a.includes('lazy_setUpTab'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the build refuses a lazy module that exports anything but functions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-lazy-'));
    try {
      const bad = join(dir, 'bad.lazy.ts');
      writeFileSync(bad, 'export const TABLE = [1, 2];\nexport function f() { return 1; }\n');
      writeFileSync(join(dir, 'entry.ts'), "export { f } from './bad.lazy';\n");
      const options = { bundle: true, platform: 'neutral' as const, logLevel: 'silent' as const };
      await expect(
        esbuild.build({
          ...options,
          entryPoints: [join(dir, 'entry.ts')],
          write: false,
          plugins: [lazyModulesPlugin(dir, options)],
        }),
      ).rejects.toThrow(/may only export functions \("TABLE"/);
      expect(relative(dir, bad)).toBe('bad.lazy.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
