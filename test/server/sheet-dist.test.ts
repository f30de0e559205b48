// What ships: dist/Code.js (built before jest by `npm test`; run `node build.mjs` first when running jest
// alone) in a vm with the stand-in. Its custom functions evaluate the formulas set-up writes; the figures in
// the sheet must equal the core's evaluate() and the sidebar's.
import { describe, test, expect } from '@jest/globals';
import { toScriptRunPayload } from '../../local/gas/index';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { typeResults, expectSheetMatchesCore } from '../support/env';
import { distEnv } from '../support/distEnv';

const setup = () => distEnv(new Date(2024, 5, 15, 10, 0));

describe('dist: the criteria sheet through the entry points', () => {
  test('one menu click on a fresh spreadsheet gives a scored, highlighted sheet; later edits follow', () => {
    const { standIn, clock, call } = setup();
    call('onOpen({ authMode: ScriptApp.AuthMode.NONE })');
    expect(standIn.ui.menus.at(-1)?.items.map((i: { functionName?: string }) => i.functionName)).toEqual(
      expect.arrayContaining(['menuSetupSample', 'menuRecompute', 'menuCheckData']),
    );
    expect(standIn.spreadsheet.sheets()).toHaveLength(1); // no access without authorisation

    call('menuSetupSample()');
    expect(standIn.ui.alerts.at(-1)).toContain('MẪU');
    expectSheetMatchesCore(standIn, 'Tiêu chí', clock.now, expect as never);

    // The commune fills results in; the bundle's formulas score them, no script run.
    typeResults(standIn);
    const e = expectSheetMatchesCore(standIn, 'Tiêu chí', clock.now, expect as never);
    expect(standIn.formatAt("'Tiêu chí'!B7").background).toBe('#d9ead3'); // 1.1.1 done on time

    // A row appended below: the simple trigger extends formulas and colours.
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('A79:G79').setValues([['8.6', 'Tiêu chí thêm', 1, 'CÓ/KHÔNG', '', 'Không', '']]);
    call(
      `onEdit({ range: SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí').getRange('A79:G79') })`,
    );
    expect(sheet.getRange('O5').getFormula()).toContain('$A$79');
    expect(standIn.formatAt("'Tiêu chí'!B79").background).toBe('#f4c7c3');

    // Next day, the add-on opens with authorisation: the as-of date moves on.
    clock.now = new Date(2024, 5, 16, 8, 0);
    call('onOpen({ authMode: ScriptApp.AuthMode.LIMITED })');
    expect(sheet.getRange('T5').getValue()).toEqual(new Date(2024, 5, 16));
    expectSheetMatchesCore(standIn, 'Tiêu chí', clock.now, expect as never);

    // The sidebar sees the same figures.
    const data = call<SidebarData>('sidebarLoad()');
    expect(toScriptRunPayload(data)).toEqual(data);
    expect(data.dashboard!.asOf).toBe('2024-06-16');
    expect(data.dashboard!.total).toBeCloseTo(
      expectSheetMatchesCore(standIn, 'Tiêu chí', clock.now, expect as never).total,
      4,
    );
    expect(e.total).toBeGreaterThan(0);

    const checked = call<ActionResult>('sidebarCheckData()');
    expect(checked.ok).toBe(true);
    const recomputed = call<ActionResult>('sidebarRecompute()');
    expect(recomputed.ok).toBe(true);
    expect(recomputed.data?.sheetFound).toBe(true);
    expect(call<ActionResult>("sidebarSelectCell(30, 'actual')")).toEqual({
      ok: true,
      message: 'Đã chọn F30.',
    });
    call('menuCheckData()');
    expect(standIn.ui.alerts.at(-1)).toContain('Trang "Tiêu chí"');
    call('menuRecompute()');
    expect(standIn.ui.toasts.at(-1)?.message).toMatch(/^Tổng /);
  });

  test('busy lock through the entry points: a message, no write; triggers never throw', () => {
    const { standIn, call } = setup();
    call('menuSetupSample()');
    standIn.locks.holdDocumentLock();
    const r = call<ActionResult>('sidebarRecompute()');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('thử lại');
    expect(() =>
      call(
        `onEdit({ range: SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí').getRange('A90') })`,
      ),
    ).not.toThrow();
    expect(() => call('onOpen({ authMode: ScriptApp.AuthMode.FULL })')).not.toThrow();
    expect(() => call('onEdit()')).not.toThrow();
  });
});
