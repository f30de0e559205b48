// Attaching another tab from Cài đặt when a criteria table is already in use (the payload of such a sheet
// leaves the tab names out, since listing them costs one call per tab): "Gắn với trang khác…" asks the
// server for the names once, then the usual select and "Gắn vào trang này" attach the chosen tab.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { SidebarData } from '../../src/server/api';
import { CRITERIA_TAB, startHarness, type Harness } from './harness';

const OWN_TAB = 'Bảng của xã';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // The commune's own table in another tab (the add-in's headers, two criteria).
  h.gas.SpreadsheetApp.getActiveSpreadsheet()
    .insertSheet(OWN_TAB)
    .getRange(1, 1, 3, 5)
    .setValues([
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả'],
      ['1', 'Ban hành kế hoạch CCHC', 2, 'có/không', 'Có'],
      ['2', 'Tỷ lệ hồ sơ đúng hạn', 3, 'tỷ lệ', 0.8],
    ]);
  await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('attach another tab from Cài đặt', () => {
  test('the sheet in use sends no tab names; asking lists them; the chosen tab is attached', async () => {
    const loaded = h.gas.sidebarLoad() as SidebarData;
    expect(loaded.sheetFound).toBe(true);
    expect(loaded.sheetNames).toEqual([]);
    await h.page.click('#tab-settings');
    const ask = h.page.locator('#panel-settings button[data-action="tabs"]');
    expect(await ask.textContent()).toBe('Gắn với trang khác…');
    expect(await h.page.locator('#panel-settings .attach select').count()).toBe(0);

    await ask.click();
    await h.idle();
    const select = h.page.locator('#panel-settings .attach select');
    const options = await select.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([CRITERIA_TAB, OWN_TAB]));
    expect(await select.inputValue()).toBe(CRITERIA_TAB);

    await select.selectOption(OWN_TAB);
    await h.page.click('#panel-settings button[data-action="attach"]');
    await h.idle();
    expect(h.calls.slice(-2)).toEqual(['sidebarListTabs', 'sidebarAttachSheet']);
    expect((h.gas.sidebarLoad() as SidebarData).sheetName).toBe(OWN_TAB);
    expect(await h.page.textContent('#panel-settings .sheet-card b')).toBe(OWN_TAB);
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
    await h.screenshot('attach-other-tab');
  });
});
