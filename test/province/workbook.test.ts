// Issue 17 end to end on the stand-in: several commune workbooks (the built add-in, each in its own vm like
// separate documents) with their export tab, and a province workbook built by "Thiết lập bảng tổng hợp
// tỉnh/xã" that imports them with IMPORTRANGE (local/gas/drive.ts). It shows the ranking and the weak
// criteria, lists every commune it cannot use with the reason, and stays live when a commune edits a cell.
import { beforeAll, describe, test, expect } from '@jest/globals';
import type vm from 'node:vm';
import { createStandIn, StandInDrive, type StandIn } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';
import { communeObservations } from '../../local/demo/communeRows';
import { EXPORT_TAB } from '../../src/core/exportLayout';
import { rankKey } from '../../src/core/ranking';
import { weakCriteria } from '../../src/core/weakCriteria';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { PROVINCE_TABS } from '../../src/sheets/provinceWorkbook';
import { readTable } from '../../src/sheets/table';
import { NOW, SAMPLE_RESULTS, TZ } from '../support/env';

interface Doc {
  standIn: StandIn;
  context: vm.Context;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
}
const call = <T>(d: Doc, name: string, ...args: unknown[]): T =>
  ((d.context as Record<string, unknown>)[name] as (...a: unknown[]) => T)(...args);

const drive = new StandInDrive();
function doc(name: string): Doc {
  const standIn = createStandIn({ drive, now: () => NOW, timeZone: TZ, spreadsheetName: name });
  const context = loadBundle(standIn);
  return { standIn, context, ss: standIn.globals.SpreadsheetApp.getActiveSpreadsheet() };
}

/** A commune on the sample set with the sample results, some rows changed by `tweak`. */
function commune(name: string, tweak: Record<string, unknown>): Doc {
  const d = doc(name);
  expect(call<ActionResult>(d, 'sidebarSetupSample').ok).toBe(true);
  const sheet = d.standIn.sheet('Tiêu chí');
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  for (const row of read.rows) {
    const code = String(row.code);
    const r = SAMPLE_RESULTS[code];
    if (r) {
      sheet.getRange(row.row, read.layout.columns.actual!).setValue(code in tweak ? tweak[code] : r[0]);
      sheet.getRange(row.row, read.layout.columns.evidence!).setValue(r[1]);
    }
  }
  return d;
}

const setActual = (d: Doc, code: string, value: unknown) => {
  const sheet = d.standIn.sheet('Tiêu chí');
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  const row = read.rows.find((r) => String(r.code) === code)!;
  sheet.getRange(row.row, read.layout.columns.actual!).setValue(value);
};

let A: Doc, B: Doc, C: Doc, other: Doc, province: Doc;
const indexOf = (d: Doc) => call<SidebarData>(d, 'sidebarLoad').dashboard!.indexPercent!;

beforeAll(() => {
  A = commune('Xã A', {});
  B = commune('Xã B', { '3.3.1': 0.9, '6.2': 0.5 });
  C = commune('Phường C', { '3.3.1': 1, '7.1': 1, '6.2': 0.99 });
  other = doc('Xã không có tiện ích');
  province = doc('Tỉnh');
}, 120000);

describe('the commune export tab', () => {
  test('created at set-up: hidden, warning-protected, live figures equal to the sidebar', () => {
    const tab = A.ss.getSheetByName(EXPORT_TAB)!;
    expect(tab).not.toBeNull();
    expect(tab.isSheetHidden()).toBe(true);
    expect(
      tab.getProtections(A.standIn.globals.SpreadsheetApp.ProtectionType.SHEET)[0]?.isWarningOnly(),
    ).toBe(true);
    expect(tab.getRange('A1:B1').getValues()).toEqual([['CCHC_EXPORT', 1]]);
    const dash = call<SidebarData>(A, 'sidebarLoad').dashboard!;
    expect(tab.getRange('B5').getValue()).toBeCloseTo(dash.total, 3);
    expect(tab.getRange('B6').getValue()).toBeCloseTo(dash.applicableMax, 3);
    expect((tab.getRange('B7').getValue() as number) * 100).toBeCloseTo(dash.indexPercent!, 2);
    expect(tab.getRange('B8').getValue()).toBe(dash.classification);
    // The rows: code, title, max, points, status, sector of the criteria tab.
    const rows = tab.getRange('A15:F20').getValues();
    expect(rows[0].slice(0, 3)).toEqual(['1', 'Công tác chỉ đạo, điều hành CCHC', 10]);
    expect(A.ss.getActiveSheet().getName()).toBe('Tiêu chí');
  });

  test('set-up again writes nothing to it; a damaged cell is repaired; an edit in the criteria tab shows at once', () => {
    const tab = A.ss.getSheetByName(EXPORT_TAB)!;
    const before = tab.getRange('A1:F314').getFormulas();
    A.standIn.calls.reset();
    expect(call<ActionResult>(A, 'sidebarSetupSample').ok).toBe(true);
    // The export is rewritten only through clearContent + setValues: neither happened.
    expect(A.standIn.calls.byMethod()['Range.clearContent'] ?? 0).toBe(0);
    expect(tab.getRange('A1:F314').getFormulas()).toEqual(before);
    tab.getRange('B5').setValue(99);
    expect(call<ActionResult>(A, 'sidebarSetupSample').ok).toBe(true);
    expect(tab.getRange('A1:F314').getFormulas()).toEqual(before);
    const total = tab.getRange('B5').getValue() as number;
    setActual(A, '2.3.3', 'Không');
    expect(tab.getRange('B5').getValue()).toBeCloseTo(total - 1, 9);
    setActual(A, '2.3.3', SAMPLE_RESULTS['2.3.3'][0]);
  });
});

describe('the province workbook', () => {
  beforeAll(() => {
    // First run: creates "Danh sách xã" and asks for the list.
    call(province, 'menuSetupProvince');
    expect(province.standIn.ui.alerts.at(-1) ?? '').toMatch(/nhập tên xã\/phường/);
    const list = province.ss.getSheetByName(PROVINCE_TABS.list)!;
    list.getRange(2, 1, 5, 3).setValues([
      ['Xã A', A.ss.getUrl(), 'Xã'],
      ['Xã B', B.ss.getUrl(), 'Xã'],
      ['Phường C', C.ss.getUrl(), 'Phường'],
      ['Xã không có tiện ích', other.ss.getUrl(), 'Xã'],
      ['Xã gõ sai đường dẫn', 'https://docs.google.com/spreadsheets/d/khong-co/edit', 'Xã'],
    ]);
    call(province, 'menuSetupProvince');
    expect(province.standIn.ui.alerts.at(-1) ?? '').toMatch(/Đã thiết lập bảng tổng hợp cho 5 xã/);
  }, 120000);

  const states = () =>
    province.ss
      .getSheetByName(PROVINCE_TABS.list)!
      .getRange('D2:D6')
      .getValues()
      .map((r) => String(r[0]));

  test('before "Allow access" every commune is listed with the reason, none is ranked', () => {
    for (const s of states()) expect(s).toMatch(/Chưa đọc được|Cho phép truy cập/);
    const ranks = province.ss.getSheetByName(PROVINCE_TABS.ranking)!.getRange('A2:A6').getValues();
    expect(ranks.flat().every((r) => r === '')).toBe(true);
  });

  test('after allowing access: ranking, group ranks, reasons for the communes it cannot use', () => {
    for (const d of [A, B, C, other]) drive.allowAccess(province.ss, d.ss);
    const s = states();
    expect(s.slice(0, 3)).toEqual(['OK', 'OK', 'OK']);
    // Sheets shows the same #REF! for a missing tab as for a missing permission: the reason names both.
    expect(s[3]).toMatch(/Chưa đọc được.*trang "CCHC Xuất dữ liệu"/);
    expect(s[4]).toMatch(/Chưa đọc được/);

    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const rows = ranking.getRange('A2:K6').getValues();
    const communes = [A, B, C];
    const idx = communes.map(indexOf);
    communes.forEach((d, i) => {
      expect(rows[i][2]).toBe(['Xã A', 'Xã B', 'Phường C'][i]);
      expect((rows[i][4] as number) * 100).toBeCloseTo(idx[i], 2);
      const better = idx.filter((x) => rankKey(x) > rankKey(idx[i])).length;
      expect(rows[i][0]).toBe(better + 1);
      expect(rows[i][10]).toBe('OK');
    });
    // Within groups: Phường C is alone in its group; the two xã are ranked 1 and 2 between themselves.
    expect(rows[2][1]).toBe(1);
    expect([rows[0][1], rows[1][1]].sort()).toEqual([1, 2]);
    // The communes it cannot use: no rank, their reason in the row.
    expect(rows[3][0]).toBe('');
    expect(rows[4][10]).toMatch(/Chưa đọc được/);
  });

  test('weak criteria: the same figures as the core over the communes’ own sheets', () => {
    const weak = province.ss.getSheetByName(PROVINCE_TABS.weak)!;
    const expected = weakCriteria(
      [A, B, C].flatMap((d, i) =>
        communeObservations(d.standIn.sheet('Tiêu chí') as never, ['Xã A', 'Xã B', 'Phường C'][i]),
      ),
    );
    const got = weak.getRange(2, 1, expected.length, 4).getValues();
    expect(got.map((r) => String(r[0]))).toEqual(expected.map((k) => k.code));
    got.forEach((r, i) => {
      expect(r[1]).toBe(expected[i].communesLosing);
      expect(r[2]).toBeCloseTo(expected[i].pointsLost, 9);
      expect(r[3]).toBeCloseTo(expected[i].averageShare, 9);
    });
    // Class distribution: the three communes read, by class.
    const classes = weak.getRange('F2:G6').getValues();
    expect(classes.reduce((s, r) => s + (r[1] as number), 0)).toBe(3);
    expect(weak.getCharts()).toHaveLength(1);
  });

  test('stays live: a commune edits a result, the province ranking and weak list follow', () => {
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const weak = province.ss.getSheetByName(PROVINCE_TABS.weak)!;
    const lostOn331 = () =>
      weak
        .getRange('A2:C80')
        .getValues()
        .find((r) => String(r[0]) === '3.3.1')?.[2] as number;
    const lostBefore = lostOn331();
    const before = ranking.getRange('E3').getValue() as number;
    setActual(B, '3.3.1', 1);
    expect(lostOn331()).toBeLessThan(lostBefore);
    const after = ranking.getRange('E3').getValue() as number;
    expect(after).toBeGreaterThan(before);
    expect(after * 100).toBeCloseTo(indexOf(B), 2);
  });

  test('a commune on another indicator set is refused with the reason', () => {
    const D = doc('Xã bộ khác');
    const sheet = D.ss.getSheets()[0];
    sheet.setName('Tiêu chí');
    sheet.getRange(1, 1, 3, 6).setValues([
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng'],
      ['1', 'Lĩnh vực', 2, '', '', ''],
      ['1.1', 'Một tiêu chí', 2, 'CÓ/KHÔNG', 'Có', 'QĐ'],
    ]);
    expect(call<ActionResult>(D, 'sidebarAttachSheet', 'Tiêu chí').ok).toBe(true);
    const list = province.ss.getSheetByName(PROVINCE_TABS.list)!;
    list.getRange(7, 1, 1, 3).setValues([['Xã bộ khác', D.ss.getUrl(), 'Xã']]);
    call(province, 'menuSetupProvince');
    drive.allowAccess(province.ss, D.ss);
    expect(list.getRange('D7').getValue()).toMatch(/bộ chỉ số khác/);
  });

  test("the monthly province email: sent once to the PAR office, then this month's ranks become last month's", () => {
    const settings = call<SidebarData>(province, 'sidebarLoad').settings;
    expect(
      call<{ ok: boolean }>(province, 'sidebarSaveSettings', {
        ...settings,
        leadership: ['cchc@sonoivu.example.com'],
      }).ok,
    ).toBe(true);
    const sentBefore = province.standIn.mail.sent.length;
    call(province, 'menuSendProvinceEmail');
    const mails = province.standIn.mail.sent.slice(sentBefore);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as unknown as {
      to: string;
      subject: string;
      htmlBody?: string;
      options?: { htmlBody?: string };
    };
    expect(JSON.stringify(mail)).toContain('cchc@sonoivu.example.com');
    expect(JSON.stringify(mail)).toContain('Chỉ số CCHC các xã, phường');
    // The communes it could not read are in the email with their reason.
    expect(JSON.stringify(mail)).toContain('Xã gõ sai đường dẫn');
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const rows = ranking.getRange('A2:J4').getValues();
    for (const r of rows) {
      expect(r[8]).toBe(r[0]); // Hạng tháng trước = this month's rank
      expect(r[9]).toBe(0); // no change yet
    }
    // Once per month: a second run sends nothing.
    call(province, 'menuSendProvinceEmail');
    expect(province.standIn.mail.sent.length).toBe(sentBefore + 1);
    expect(province.standIn.ui.alerts.at(-1) ?? '').toMatch(/đã gửi/);
  });
});
