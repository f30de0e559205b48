// The sidebar's province card (issue 17) in headless Chromium, on a province workbook built from two commune
// workbooks on the stand-in (each its own document in the same Drive, read with IMPORTRANGE): set up (the
// list first, then the tabs), the communes it cannot use with their reason, refresh after "Allow access",
// send the province email once, and turn on the monthly schedule.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createStandIn, StandInDrive } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';
import { PROVINCE_TABS } from '../../src/sheets/provinceWorkbook';
import { typeResults } from '../support/env';
import { HOSTILE_TITLE, startHarness, type GasContext, type Harness, type SampleInfo } from './harness';

const drive = new StandInDrive();
const OFFICE = 'cchc@sonoivu.example.com';
let h: Harness;
const communes: { name: string; ss: GoogleAppsScript.Spreadsheet.Spreadsheet }[] = [];

function commune(name: string): void {
  const standIn = createStandIn({ drive, spreadsheetName: name });
  const gas = loadBundle(standIn) as GasContext;
  expect(gas.sidebarSetupSample().ok).toBe(true);
  typeResults(standIn);
  communes.push({ name, ss: standIn.globals.SpreadsheetApp.getActiveSpreadsheet() });
}

// 18:00 UTC on the last day of November is already 1 December in Vietnam (the script's zone), and this
// computer keeps UTC: the card must judge "sent this month" by the server's month, not by the computer's.
const NOW = new Date('2026-11-30T18:00:00Z');

const visible = (selector: string) => h.page.locator(`${selector}:visible`).first();
const province = () =>
  h.gas.SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet;

beforeAll(async () => {
  commune('Xã A');
  commune('Xã B');
  h = await startHarness({
    drive,
    now: NOW,
    browserTimeZone: 'UTC',
    prepare: (gas) => {
      const settings = gas.sidebarLoad().settings;
      expect(gas.sidebarSaveSettings({ ...settings, leadership: [OFFICE] }).ok).toBe(true);
      return {} as SampleInfo;
    },
  });
  await h.open();
}, 120000);

afterAll(async () => {
  await h?.close();
});

describe('the province card', () => {
  test('a fresh spreadsheet offers it; the first click creates the list and asks for it', async () => {
    await visible('[data-testid="province-card"]').waitFor();
    expect(await visible('[data-testid="province-card"]').textContent()).toContain('Bảng tổng hợp tỉnh/xã');
    await visible('button[data-action="provinceSetup"]').click();
    await h.idle();
    expect(h.calls).toEqual(['sidebarLoad', 'sidebarSetupProvince']);
    expect(await h.page.textContent('#alert')).toMatch(/Đã tạo trang "Danh sách xã"/);
    expect(province().getSheetByName(PROVINCE_TABS.list)).not.toBeNull();
    // Now a province workbook: its card comes first and says what to fill in.
    expect(await visible('[data-testid="province-card"]').textContent()).toMatch(
      /Đã có trang "Danh sách xã"/,
    );
  });

  test('set up for the list: the communes it cannot use are listed with their reason, text escaped', async () => {
    province()
      .getSheetByName(PROVINCE_TABS.list)!
      .getRange(2, 1, 3, 3)
      .setValues([
        ['Xã A', communes[0].ss.getUrl(), 'Xã'],
        ['Xã B', communes[1].ss.getUrl(), 'Xã'],
        [HOSTILE_TITLE, 'https://docs.google.com/spreadsheets/d/khong-co/edit', 'Xã'],
      ]);
    await visible('button[data-action="provinceSetup"]').click();
    await h.idle();
    expect(await h.page.textContent('#status')).toMatch(/Đã thiết lập bảng tổng hợp cho 3 xã/);
    expect(await visible('[data-testid="province-counts"]').textContent()).toBe('0/3 xã/phường đã xếp hạng.');
    const waiting = (await visible('[data-testid="province-waiting"]').textContent()) ?? '';
    expect(waiting).toContain('Chưa dùng được (3)');
    expect(waiting).toContain(`${HOSTILE_TITLE}: Chưa đọc được`);
    expect(waiting).toContain('Cho phép truy cập');
    expect(h.dialogs).toEqual([]);
  });

  test('after "Allow access" the refresh ranks them; the email goes once; the schedule turns on', async () => {
    for (const c of communes) drive.allowAccess(province(), c.ss);
    expect(await visible('button[data-action="provinceSetup"]').textContent()).toBe(
      'Cập nhật theo danh sách xã',
    );
    await visible('button[data-action="provinceSetup"]').click();
    await h.idle();
    expect(await visible('[data-testid="province-counts"]').textContent()).toBe('2/3 xã/phường đã xếp hạng.');
    expect(await visible('[data-testid="province-waiting"]').textContent()).toContain('Chưa dùng được (1)');
    expect(await visible('[data-testid="province-email-state"]').textContent()).toMatch(
      /Chưa gửi email tổng hợp tỉnh tháng này.*\(1 địa chỉ\)/,
    );

    await visible('button[data-action="provinceSend"]').click();
    await h.idle();
    expect(h.standIn.mail.sent.map((m) => m.to)).toEqual([OFFICE]);
    expect(await h.page.textContent('#status')).toMatch(/Đã gửi email tổng hợp tỉnh tháng 12\/2026/);
    expect(await visible('[data-testid="province-email-state"]').textContent()).toMatch(
      /Email tổng hợp tỉnh đã gửi tháng/,
    );
    // Sent this month: the button is blocked, and the server would refuse anyway.
    expect(await visible('button[data-action="provinceSend"]').getAttribute('data-blocked')).toBe('true');

    await visible('.province input[type=checkbox]').check();
    await h.idle();
    expect(h.standIn.triggers.map((t) => t.handlerFunction)).toEqual(['dailyTick']);
    expect(await visible('.province input[type=checkbox]').isChecked()).toBe(true);
    expect(h.calls.slice(-3)).toEqual([
      'sidebarSetupProvince',
      'sidebarSendProvinceEmail',
      'sidebarSetSchedule',
    ]);
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
    expect(h.outsideRequests).toEqual([]);
    await h.screenshot('province-card');
  });
});
