// The README guide's screenshots (npm run screenshots) are taken from a spreadsheet in the vi_VN locale, as a
// Vietnamese commune's sheet is: its sheet.html shows decimal commas (7,25; 72,19%), never an English decimal
// point, with the same figures as the default (en_GB) demo and an empty crossCheck.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoResult } from '../../local/demo/run';
import { firstRunStandIn, SCREENSHOT_LOCALE, screenshotDemo } from '../../scripts/screenshotDemo';

const out = mkdtempSync(join(tmpdir(), 'cchc-screenshot-locale-'));
let demo: DemoResult;
let cells: Map<string, string>;

beforeAll(async () => {
  demo = await screenshotDemo(out);
  const html = readFileSync(join(out, 'sheet.html'), 'utf8');
  cells = new Map([...html.matchAll(/data-cell="([A-Z]+\d+)"[^>]*>(.*?)<\/td>/g)].map((m) => [m[1], m[2]]));
}, 120000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the screenshots’ document', () => {
  test('is a vi_VN spreadsheet, with the demo’s own figures', () => {
    expect(SCREENSHOT_LOCALE).toBe('vi_VN');
    expect(demo.standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale()).toBe('vi_VN');
    expect(firstRunStandIn().globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale()).toBe(
      'vi_VN',
    );
    const s = demo.summary;
    expect(s.crossCheck).toEqual([]);
    expect([s.total, s.applicableMax, s.classification]).toEqual([71.11, 98.5, 'Khá']);
    expect(s.indexPercent).toBeCloseTo(72.19, 2);
  });

  test('sheet.html shows numbers with a decimal comma, as the commune’s sheet does', () => {
    const shown = [...cells.values()];
    // The summary block: total, applicable max, index.
    expect(shown).toEqual(expect.arrayContaining(['71,11', '98,50', '72,19%']));
    // Area and row points (1.1 scores 1.75 of 2.5 in the sample results).
    expect(shown).toContain('1,75');
    // No number anywhere in the grid with an English decimal point ("7.25", "72.19%"); the codes of column
    // A ("1.1") are text and stay as typed.
    const numbers = [...cells].filter(([ref]) => !/^A\d+$/.test(ref)).map(([, t]) => t);
    expect(numbers.filter((t) => /^-?\d+\.\d+%?$/.test(t))).toEqual([]);
    expect(numbers.filter((t) => /^-?\d+,\d+%?$/.test(t)).length).toBeGreaterThan(20);
  });
});
