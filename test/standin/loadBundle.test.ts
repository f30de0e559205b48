import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandIn } from '../../local/gas/index';
import { loadBundle, loadBundleBare } from '../../local/gas/loadBundle';

// A bundle shaped like dist/Code.js: an IIFE global plus top-level wrappers.
const BUNDLE = `
var CCHC = (function () {
  function double(x) {
    if (Array.isArray(x)) return x.map(function (row) { return row.map(function (v) { return v * 2; }); });
    if (typeof x !== 'number') throw new Error('Không phải số: ' + x);
    return x * 2;
  }
  return {
    double: double,
    isDate: function (v) { return v instanceof Date; },
    clock: function () { return [new Date().toISOString(), Date.now(), new Date(0).getTime(), typeof Date(), Date.UTC(2025, 0, 1)]; },
    menu: function () { SpreadsheetApp.getUi().createAddonMenu().addItem('Mở', 'menuOpen').addToUi(); },
    tick: function () { PropertiesService.getDocumentProperties().setProperty('ticked', 'yes'); },
    quotaError: function () {
      try { MailApp.sendEmail('a@example.com', 's', 'b'); return 'sent'; }
      catch (e) { return e instanceof Error ? 'Error: ' + e.message : 'not an Error'; }
    }
  };
})();
/** @customfunction */
function CCHC_DOUBLE(x) { return CCHC.double(x); }
function onOpen() { CCHC.menu(); }
function dailyTick() { CCHC.tick(); }
function isDate(v) { return CCHC.isDate(v); }
function clock() { return CCHC.clock(); }
function quotaError() { return CCHC.quotaError(); }
`;

function writeBundle(code: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'standin-bundle-')), 'Code.js');
  writeFileSync(file, code);
  return file;
}

describe('loadBundle', () => {
  test('runs the bundle with the stand-in installed and exposes its top-level functions', () => {
    const standIn = createStandIn();
    const context = loadBundle(standIn, writeBundle(BUNDLE));
    (context.onOpen as () => void)();
    expect(standIn.ui.menus[0]!.items).toEqual([{ caption: 'Mở', functionName: 'menuOpen' }]);
  });

  test('formulas calling CCHC_* functions are evaluated by the bundle', () => {
    const standIn = createStandIn();
    loadBundle(standIn, writeBundle(BUNDLE));
    const sheet = standIn.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=CCHC_DOUBLE(A1:A2)');
    sheet.getRange('C1').setFormula('=CCHC_DOUBLE("x")');
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[2], [4]]);
    expect(sheet.getRange('C1').getValue()).toBe('#ERROR!');
    expect(standIn.errorAt('C1')).toBe('Không phải số: x');
  });

  test('Dates from the sheet pass instanceof Date in the bundle; stand-in errors pass instanceof Error', () => {
    const standIn = createStandIn({ mailQuota: 0 });
    const context = loadBundle(standIn, writeBundle(BUNDLE));
    const sheet = standIn.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue(new Date());
    expect((context.isDate as (v: unknown) => boolean)(sheet.getRange('A1').getValue())).toBe(true);
    expect((context.quotaError as () => string)()).toBe(
      'Error: Service invoked too many times for one day: email.',
    );
  });

  test("the bundle's new Date() and Date.now() read the stand-in clock; other Date uses are untouched", () => {
    const standIn = createStandIn({ now: () => new Date('2025-03-15T03:00:00Z') });
    const context = loadBundle(standIn, writeBundle(BUNDLE));
    const [iso, now, epoch, type, utc] = (context.clock as () => unknown[])();
    expect([iso, now, epoch, type, utc]).toEqual([
      '2025-03-15T03:00:00.000Z',
      Date.parse('2025-03-15T03:00:00Z'),
      0,
      'string',
      Date.UTC(2025, 0, 1),
    ]);
    expect(Object.keys(context)).not.toContain('Date');
  });

  test('errors thrown to test code after loading still match toThrow', () => {
    const standIn = createStandIn();
    loadBundle(standIn, writeBundle(BUNDLE));
    const sheet = standIn.globals.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });

  test('install copies the globals onto any target', () => {
    const standIn = createStandIn();
    const target: Record<string, unknown> = {};
    standIn.install(target);
    expect(Object.keys(target).sort()).toEqual(
      [
        'CacheService',
        'Charts',
        'HtmlService',
        'LockService',
        'Logger',
        'MailApp',
        'PropertiesService',
        'ScriptApp',
        'Session',
        'SpreadsheetApp',
        'Utilities',
        'console',
      ].sort(),
    );
    expect(target.SpreadsheetApp).toBe(standIn.globals.SpreadsheetApp);
  });

  test('time-driven triggers fire handlers found in the context', () => {
    const standIn = createStandIn();
    const context = loadBundle(standIn, writeBundle(BUNDLE));
    standIn.globals.ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).atHour(6).create();
    expect(standIn.fireTimeTriggers(context)).toEqual(['dailyTick']);
    expect(standIn.properties.document.get('ticked')).toBe('yes');
  });

  test('loadBundleBare runs a bundle that touches no service at load time', () => {
    const context = loadBundleBare(writeBundle(BUNDLE));
    expect(typeof context.CCHC_DOUBLE).toBe('function');
    expect(() => loadBundleBare(writeBundle('var x = SpreadsheetApp.getActive();'))).toThrow(
      'SpreadsheetApp is not defined',
    );
  });
});
