// Lazy modules (*.lazy.ts, scripts/lazyModules.mjs): their code is in dist/lazy_<name>.html, not in
// dist/Code.js, and the bundle reads it through HtmlService only when an action needs it, with the same
// results as the source module.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import * as esbuild from 'esbuild';
import { createStandIn } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';
// @ts-expect-error plain ESM helper of the build, without type declarations
import { lazyFileName, lazyModulesPlugin } from '../../scripts/lazyModules.mjs';
import { sampleText } from '../../src/sheets/sampleText.lazy';
import { text766 } from '../../src/sheets/text766.lazy';
import { env, fill, NOW } from '../support/env';
import { distEnv } from '../support/distEnv';
import { importOfficial } from '../../src/server/importOfficial';
import { setupSample } from '../../src/server/setUpTab';
import { sidebarPreviewEmailAction } from '../../src/server/sidebarActions';
import { appendixGrid } from '../import/appendix';

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

describe('lazy modules', () => {
  const sources = lazySources();

  test('there are lazy modules and each has its dist/lazy_*.html', () => {
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const path of sources) {
      expect(readdirSync(DIST)).toContain(`${lazyFileName(path)}.html`);
    }
  });

  test('the embedded sets are in their chunk, not in Code.js, and the chunk returns the source text', () => {
    for (const [file, text] of [
      ['lazy_sampleText', sampleText()],
      ['lazy_text766', text766()],
    ] as const) {
      const lines = text.trim().split('\n');
      expect(lines.length).toBeGreaterThan(20);
      expect(lines.filter((line) => CODE.includes(line))).toEqual([]);
      expect(loadChunk(file)[file.replace('lazy_', '')]()).toBe(text);
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
      'dữ liệu xuất cho bảng tổng hợp tỉnh', // the commune's export tab writer (lazy_exportTab)
      'Ô lỗi (#N/A, #DIV/0!) trong vùng truyền vào hàm tùy chỉnh', // self-check (lazy_selfCheckReport)
    ]) {
      expect([text, CODE.includes(text)]).toEqual([text, false]);
    }
  });

  test('the bundle reads a lazy file once per execution, only when an action needs it', () => {
    const standIn = createStandIn({ timeZone: 'Asia/Ho_Chi_Minh' });
    const context = loadBundle(standIn) as Record<string, () => unknown>;
    const reads = recordFileReads(context);
    context.menuSetupSample();
    // The sample's rows, then the export tab's writer (set-up writes the province export).
    expect(reads.filter((n) => n.startsWith('lazy_'))).toEqual(['lazy_sampleText', 'lazy_exportTab']);
    const codes = standIn
      .sheet('Tiêu chí')
      .getDataRange()
      .getValues()
      .map((r) => String(r[0]));
    for (const line of sampleText().trim().split('\n')) expect(codes).toContain(line.split('|')[0]);
    context.menuRecompute();
    expect(reads.filter((n) => n.startsWith('lazy_'))).toEqual(['lazy_sampleText', 'lazy_exportTab']);
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
    // The source's preview reads the real clock: so does the bundle's here.
    const now = new Date();
    const dist = distEnv(now);
    const reads = recordFileReads(dist.context);
    dist.call('menuSetupSample()');
    const viaBundle = dist.call<string>('JSON.stringify(sidebarPreviewEmail())');
    expect(reads.filter((n) => n.startsWith('lazy_'))).toEqual([
      'lazy_sampleText',
      'lazy_exportTab',
      'lazy_reporting',
    ]);
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

  test('without its file the action fails: the rows really come from the lazy file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-lazy-'));
    try {
      cpSync(DIST, dir, { recursive: true });
      rmSync(join(dir, 'lazy_sampleText.html'));
      const standIn = createStandIn({ timeZone: 'Asia/Ho_Chi_Minh', htmlDir: dir });
      const context = loadBundle(standIn, join(dir, 'Code.js')) as Record<string, () => unknown>;
      context.menuSetupSample();
      expect(standIn.ui.alerts.at(-1)).toMatch(/lazy_sampleText/);
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
