// The sidebar's rounds (issue 14) in headless Chromium on the stand-in: the dates typed in Cài đặt (dd/mm/yyyy,
// checked next to the field), a passed self-scoring date locks at once, "Mở khóa" asks first and removes
// only the add-in's own protections.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { LOCK_PREFIX } from '../../src/core/rounds';
import type { SidebarData } from '../../src/server/api';
import { CRITERIA_TAB, startHarness, type Harness } from './harness';

let h: Harness;
let overview = '';
let computedIndex = '';

const text = (selector: string) =>
  h.page.evaluate((s) => (document.querySelector(s)?.textContent ?? '').trim(), selector);

// 18:30 UTC on 30/11 is already 1/12 in Vietnam (the script's zone), and this computer keeps UTC: the sidebar
// must judge the rounds by the server's calendar, not by the computer's.
const NOW = new Date('2026-11-30T18:30:00Z');

/** dd/mm/yyyy of `days` from NOW on the Vietnamese calendar (the one the server locks by). */
function day(days: number): string {
  return new Date(NOW.getTime() + days * 86400000).toLocaleDateString('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
  });
}

function descriptions(): string[] {
  const app = h.gas.SpreadsheetApp;
  return app
    .getActiveSpreadsheet()
    .getProtections(app.ProtectionType.RANGE)
    .map((p: GoogleAppsScript.Spreadsheet.Protection) => p.getDescription());
}

beforeAll(async () => {
  h = await startHarness({ now: NOW, browserTimeZone: 'UTC' });
  // The council's figure for one criterion in the sample's Điểm thẩm định column (a single round).
  h.gas.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName(CRITERIA_TAB)
    .getRange(h.sample.hostileRow, h.sample.columns.appraised!)
    .setValue(0);
  await h.open();
  overview = await text('[data-testid="appraised"]');
  computedIndex = await text('[data-testid="index"]');
  // The commune's own protection on the results: never touched.
  const sheet = h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CRITERIA_TAB);
  sheet
    .getRange(h.sample.headerRow + 1, h.sample.columns.actual!, 3, 1)
    .protect()
    .setDescription('Của xã');
  await h.page.click('#tab-settings');
  await h.page.waitForSelector('#panel-settings:not([hidden])');
});

afterAll(async () => {
  await h?.close();
});

describe('sidebar rounds and locks', () => {
  test('the overview shows the appraised index beside the computed one, labelled with its round', () => {
    const d = (h.gas.sidebarLoad() as SidebarData).dashboard!;
    expect(d.appraised?.label).toBe('thẩm định');
    expect(d.appraised!.total).toBeLessThan(d.total);
    expect(overview).toMatch(/^Theo thẩm định: chỉ số \d+,\d+%, tổng [\d,]+ điểm/);
    // The big figure stays the computed index.
    expect(computedIndex).toBe(`${String(d.indexPercent!.toFixed(2)).replace('.', ',')}%`);
  });

  test('a bad date and dates out of order are explained next to the fields; nothing is saved', async () => {
    expect(await text('#round-locks')).toContain('Chưa đặt ngày vòng chấm');
    await h.page.fill('input[data-path="rounds.selfScore"]', '31/02/2026');
    await h.page.click('#save-settings');
    await h.idle();
    const note = await h.page
      .locator('input[data-path="rounds.selfScore"]')
      .evaluate((i) => i.closest('.form-group')?.querySelector('.field-error')?.textContent ?? '');
    expect(note).toContain('Ngày phải là dd/mm/yyyy');
    await h.page.fill('input[data-path="rounds.selfScore"]', day(5));
    await h.page.fill('input[data-path="rounds.appraisal1"]', day(1));
    await h.page.click('#save-settings');
    await h.idle();
    expect(await text('[data-error-for="rounds"]')).toContain('Các ngày phải theo thứ tự các vòng');
    expect((h.gas.sidebarLoad() as SidebarData).settings.rounds.selfScore).toBeNull();
  });

  test('a passed self-scoring date locks on save; Mở khóa asks first and removes only its own', async () => {
    await h.page.fill('input[data-path="rounds.selfScore"]', day(-1));
    await h.page.fill('input[data-path="rounds.appraisal1"]', day(10));
    await h.page.click('text=+ Thêm người');
    await h.page.fill('.list-row.lockEditors >> nth=-1 >> input', 'vp.tienphong@gmail.com');
    await h.page.click('#save-settings');
    await h.idle();
    expect(await text('#alert .message-text')).toBe('');
    expect(await text('#status')).toMatch(/Đã lưu cài đặt\. Đã khóa vòng Tự chấm/);
    const saved = (h.gas.sidebarLoad() as SidebarData).settings;
    expect(saved.lockEditors).toEqual(['vp.tienphong@gmail.com']);
    expect(descriptions().filter((d) => d.startsWith(LOCK_PREFIX))).toHaveLength(1);
    expect(await text('#round-locks')).toContain('Đã khóa: Tự chấm');
    expect(await text('#round-locks')).toContain('Đang ở vòng Thẩm định lần 1');
    await h.screenshot('rounds-locked');

    // Asked first: "Thôi" changes nothing.
    const before = h.calls.length;
    await h.page.click('#unlock-rounds');
    expect(await h.page.isVisible('#unlock-ask')).toBe(true);
    await h.page.click('#unlock-ask >> text=Thôi');
    expect(h.calls.slice(before)).toEqual([]);
    expect(descriptions().filter((d) => d.startsWith(LOCK_PREFIX))).toHaveLength(1);

    await h.page.click('#unlock-rounds');
    await h.page.click('#unlock-confirm');
    await h.idle();
    expect(await text('#status')).toMatch(/Đã mở khóa 1 vùng/);
    expect(descriptions()).toEqual(expect.arrayContaining(['Của xã']));
    expect(descriptions().filter((d) => d.startsWith(LOCK_PREFIX))).toEqual([]);
    expect(await text('#round-locks')).toContain('Đã mở khóa: Tự chấm');
    expect(h.dialogs).toEqual([]);
    await h.screenshot('rounds-unlocked');
  });
});
