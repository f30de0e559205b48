// A fresh spreadsheet, as a vice-chairman first opens the add-in: no criteria table yet. The sidebar says
// so plainly, offers the sample set-up, and one click gives the scored dashboard.
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { startHarness, type Harness, type SampleInfo } from './harness';

let h: Harness;
let h766: Harness;

beforeAll(async () => {
  // Nothing prepared: the document holds only its default empty tab.
  h = await startHarness({ prepare: () => ({}) as SampleInfo });
  await h.open();
  h766 = await startHarness({ prepare: () => ({}) as SampleInfo });
  await h766.open();
});

afterAll(async () => {
  await h?.close();
  await h766?.close();
});

describe('first run on an empty spreadsheet', () => {
  test('explains that no criteria table exists and sets up the sample in one click', async () => {
    await h.page.waitForSelector('[data-testid="sheet-message"]');
    const message = await h.page.textContent('[data-testid="sheet-message"]');
    expect(message).toMatch(/Không tìm thấy|Chưa có|không có/i);
    expect(await h.page.$('[data-testid="index"]')).toBeNull();
    // A copy of a spreadsheet shows #NAME? until the add-on is enabled in it: the first-run screen says how.
    expect(await h.page.textContent('[data-testid="use-in-document"]')).toContain(
      'Sử dụng trong tài liệu này',
    );
    await h.screenshot('0-first-run');

    await h.page.click('button[data-action="setup"]');
    await h.page.waitForSelector('[data-testid="index"]');
    await h.idle();
    expect(h.calls).toEqual(['sidebarLoad', 'sidebarSetupSample']);
    expect(h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')).not.toBeNull();
    // A fresh sample has no results yet: 0 points of 100, and the sidebar says which class that is.
    expect(await h.page.textContent('[data-testid="total"]')).toBe('0');
    expect(await h.page.textContent('[data-testid="class"]')).toBe('Yếu');
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
    await h.screenshot('0b-after-setup');
  });

  test('the other embedded set, Bộ chỉ số 766, is one click too: its tab, 100 points, its bands', async () => {
    await h766.page.waitForSelector('button[data-action="setup766"]');
    await h766.page.click('button[data-action="setup766"]');
    await h766.page.waitForSelector('[data-testid="index"]');
    await h766.idle();
    expect(h766.calls).toEqual(['sidebarLoad', 'sidebarSetupSample']);
    expect(h766.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Bộ chỉ số 766')).not.toBeNull();
    expect(await h766.page.textContent('[data-testid="total"]')).toBe('0');
    expect(await h766.page.textContent('[data-testid="class"]')).toBe('Yếu');
    expect(h766.pageErrors).toEqual([]);
  });
});
