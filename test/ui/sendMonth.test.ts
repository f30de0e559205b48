// The Báo cáo tab judges "this month's email was already sent" by the server's calendar (issue 11's one
// truth): not by the "Tính đến ngày" cell, which may hold an earlier date, nor by the computer's clock.
// 18:30 UTC on 30/11 is already 1/12 in Vietnam (the script's zone); this computer keeps UTC.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { SidebarData } from '../../src/server/api';
import { BLOCK_LABELS } from '../../src/core/sheetLayout';
import { CRITERIA_TAB, startHarness, type Harness } from './harness';

const NOW = new Date('2026-11-30T18:30:00Z');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: NOW, browserTimeZone: 'UTC' });
  const settings = (h.gas.sidebarLoad() as SidebarData).settings;
  h.gas.sidebarSaveSettings({ ...settings, leadership: ['chutich@xa.vn'] });
  expect(h.gas.sidebarSendNow(false).ok).toBe(true);
  // The clerk then types an earlier "Tính đến ngày" (a November figure) into the summary block.
  const sheet = h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CRITERIA_TAB);
  const values = sheet.getDataRange().getValues() as unknown[][];
  const row = values.findIndex((r) => r.includes(BLOCK_LABELS.asOf));
  expect(row).toBeGreaterThanOrEqual(0);
  sheet.getRange(row + 1, values[row].indexOf(BLOCK_LABELS.asOf) + 2).setValue(new Date(2026, 10, 15));
  await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('the month of the send', () => {
  test("December's email, sent at 01:30 on 1/12 in Vietnam, counts as this month's: sending again asks to resend", async () => {
    expect((h.gas.sidebarLoad() as SidebarData).schedule.lastSentMonth).toBe('2026-12');
    await h.page.click('#tab-report');
    await h.page.click('button[data-action="send"]');
    expect(await h.page.locator('#confirm-q').textContent()).toBe(
      'Email tháng 12/2026 đã được gửi. Gửi lại lần nữa tới 1 địa chỉ?',
    );
    expect(h.pageErrors).toEqual([]);
  });
});
