// Issue 17: a commune whose export tab is layout version 1 (written before version 2 added Lĩnh vực and Điểm có
// thể mất) gets version 2 when the add-in next writes the sheet by itself — on open and on the daily run —
// without running set-up again (src/server/exportUpgrade.ts). Through the built add-in on the stand-in, each
// document in its own vm, with a province workbook importing the commune by IMPORTRANGE: before, the province
// names the export as old; after, it reads it as current. Only the add-in's own export tab is written, under
// the document lock; the commune's tabs are untouched, and a tab not ours or of a newer version is left alone.
import { describe, expect, test } from '@jest/globals';
import { EXPORT_TAB, EXPORT_VERSION } from '../../src/core/exportLayout';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { PROVINCE_TABS } from '../../src/sheets/provinceWorkbook';
import { NOW, snapshot, typeResults } from '../support/env';
import { call, provinceDrive, type Doc } from '../support/provinceDocs';

const { drive, doc, provinceOfOne } = provinceDrive(() => NOW);

const ALL = 'A1:H314';
const exportTab = (d: Doc) => d.ss.getSheetByName(EXPORT_TAB)!;

/**
 * A commune set up on the sample with its results; its export tab then turned into what version 1 wrote: the
 * same cells with version 1 in B1 and nothing in the two columns version 2 added (G, H). Returns the
 * version-2 tab set-up wrote (formulas), to compare with.
 */
function communeOnVersion1(name: string): { d: Doc; setUpFormulas: string[][] } {
  const d = doc(name);
  expect(call<ActionResult>(d, 'sidebarSetupSample').ok).toBe(true);
  typeResults(d.standIn);
  const tab = exportTab(d);
  const setUpFormulas = tab.getRange(ALL).getFormulas();
  tab.getRange('B1').setValue(1);
  tab.getRange('G14:H314').clearContent();
  expect(tab.getRange('G15').getFormula()).toBe('');
  return { d, setUpFormulas };
}

/** Every tab but the export tab, as stored (values, formulas, formats, notes, protections…). */
function userTabs(d: Doc): Record<string, string> {
  return Object.fromEntries(
    d.ss
      .getSheets()
      .map((s) => s.getName())
      .filter((n) => n !== EXPORT_TAB)
      .map((n) => [n, snapshot(d.standIn, n)]),
  );
}

const openWithAuth = (d: Doc) =>
  call(d, 'onOpen', { authMode: d.standIn.globals.ScriptApp.AuthMode.LIMITED });

describe('a version-1 export tab is upgraded without set-up', () => {
  test('on open: version 2 as set-up writes it, live, the commune’s tabs untouched; the province reads it as current', () => {
    const { d: A, setUpFormulas } = communeOnVersion1('Xã bản cũ');
    const { province, list } = provinceOfOne('Tỉnh', 'Xã bản cũ', A);
    expect(list.getRange('D2').getValue()).toMatch(/^OK – trang xuất dữ liệu phiên bản 1 \(cũ\)/);

    const before = userTabs(A);
    const protections = exportTab(A).getProtections(A.standIn.globals.SpreadsheetApp.ProtectionType.SHEET);
    expect(protections).toHaveLength(1);
    openWithAuth(A);

    const tab = exportTab(A);
    expect(tab.getRange('A1:B1').getValues()).toEqual([['CCHC_EXPORT', EXPORT_VERSION]]);
    expect(tab.getRange(ALL).getFormulas()).toEqual(setUpFormulas);
    expect(tab.getRange('G14:H14').getValues()).toEqual([['Lĩnh vực', 'Điểm có thể mất']]);
    // Live: the points at stake of the criteria needing action are the sidebar's.
    const atRisk = call<SidebarData>(A, 'sidebarLoad').atRisk;
    expect(atRisk.length).toBeGreaterThan(3);
    const rows = tab.getRange('A15:H314').getValues();
    for (const item of atRisk) {
      const row = rows.find((r) => String(r[0]) === item.code)!;
      expect(row[7] as number).toBeCloseTo(item.pointsAtStake, 9);
    }
    // Still hidden and warning-protected (the same protection); nothing else in the document changed.
    expect(tab.isSheetHidden()).toBe(true);
    const after = tab.getProtections(A.standIn.globals.SpreadsheetApp.ProtectionType.SHEET);
    expect(after.map((p) => [p.getDescription(), p.isWarningOnly()])).toEqual(
      protections.map((p) => [p.getDescription(), p.isWarningOnly()]),
    );
    expect(userTabs(A)).toEqual(before);

    // The province reads it as current: no "old version" note, the new columns arrive.
    expect(list.getRange('D2').getValue()).toBe('OK');
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!.getDataRange().getValues();
    expect(ranking[1][ranking[0].indexOf('Tình trạng')]).toBe('OK');

    // Opening again writes nothing more to it.
    A.standIn.calls.reset();
    openWithAuth(A);
    expect(A.standIn.calls.byMethod()['Range.clearContent'] ?? 0).toBe(0);
    expect(tab.getRange(ALL).getFormulas()).toEqual(setUpFormulas);
  });

  test('a criteria tab set up before its Điểm có thể mất column: the upgraded export has its own call, same figures, no column added', () => {
    const { d } = communeOnVersion1('Xã thiết lập cũ');
    // What the previous round's set-up left: three output columns (the header of the fourth cleared, so
    // recompute spills three), and an export of version 1.
    const sheet = d.standIn.sheet('Tiêu chí');
    const values = sheet.getDataRange().getValues();
    const headerRow = values.findIndex((r) => r.includes('Điểm có thể mất'));
    sheet.getRange(headerRow + 1, values[headerRow].indexOf('Điểm có thể mất') + 1).setValue('');
    expect(call<ActionResult>(d, 'sidebarRecompute').ok).toBe(true);
    const before = userTabs(d);
    openWithAuth(d);
    const tab = exportTab(d);
    expect(tab.getRange('B1').getValue()).toBe(EXPORT_VERSION);
    expect(tab.getRange('H15').getFormula()).toContain('CCHC_OUTPUTS(');
    const rows = tab.getRange('A15:H314').getValues();
    const atRisk = call<SidebarData>(d, 'sidebarLoad').atRisk;
    expect(atRisk.length).toBeGreaterThan(3);
    for (const item of atRisk) {
      const row = rows.find((r) => String(r[0]) === item.code)!;
      expect(row[7] as number).toBeCloseTo(item.pointsAtStake, 9);
    }
    expect(userTabs(d)).toEqual(before);
  });

  test('the daily run upgrades it too', () => {
    const { d, setUpFormulas } = communeOnVersion1('Xã chạy hằng ngày');
    const before = userTabs(d);
    call(d, 'dailyTick', { year: 2024, month: 6, 'day-of-month': 15, hour: 7 });
    expect(exportTab(d).getRange(ALL).getFormulas()).toEqual(setUpFormulas);
    expect(exportTab(d).getRange('B1').getValue()).toBe(EXPORT_VERSION);
    // The daily run writes its own tabs (the tick log is in properties); the criteria tab is the user's.
    expect(snapshot(d.standIn, 'Tiêu chí')).toBe(before['Tiêu chí']);
  });

  test('under the document lock: while another execution holds it nothing is written; the next open upgrades', () => {
    const { d, setUpFormulas } = communeOnVersion1('Xã đang bận');
    const v1 = exportTab(d).getRange(ALL).getFormulas();
    d.standIn.locks.holdDocumentLock();
    openWithAuth(d);
    expect(exportTab(d).getRange('B1').getValue()).toBe(1);
    expect(exportTab(d).getRange(ALL).getFormulas()).toEqual(v1);
    d.standIn.locks.release('document');
    openWithAuth(d);
    expect(exportTab(d).getRange(ALL).getFormulas()).toEqual(setUpFormulas);
  });

  test('menu and sidebar recompute leave the upgrade to the background runs (their service-call budget)', () => {
    const { d } = communeOnVersion1('Xã tính lại');
    expect(call<ActionResult>(d, 'sidebarRecompute').ok).toBe(true);
    call(d, 'menuRecompute');
    expect(exportTab(d).getRange('B1').getValue()).toBe(1);
  });

  test('a newer version, or a tab of that name that is not the add-in’s, is left as it is', () => {
    const { d: newer } = communeOnVersion1('Xã bản mới hơn');
    exportTab(newer)
      .getRange('B1')
      .setValue(EXPORT_VERSION + 1);
    const newerBefore = snapshot(newer.standIn, EXPORT_TAB);
    openWithAuth(newer);
    expect(snapshot(newer.standIn, EXPORT_TAB)).toBe(newerBefore);

    const { d: theirs } = communeOnVersion1('Xã có trang trùng tên');
    exportTab(theirs).getRange('A1').setValue('Bảng của xã');
    const theirsBefore = snapshot(theirs.standIn, EXPORT_TAB);
    openWithAuth(theirs);
    expect(snapshot(theirs.standIn, EXPORT_TAB)).toBe(theirsBefore);
  });
});
