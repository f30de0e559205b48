// The add-in replaces or appends only to tabs it made (issue 11, points 1 and 2): a commune's own `Báo cáo`
// or `Lịch sử` tab — in any case, under either plausible getSheetByName behaviour — is never deleted or
// written to; the add-in uses a free name (`Báo cáo (CCHC)`) and says so.
import { EXPORT_TAB } from '../../src/core/exportLayout';
import { describe, test, expect } from '@jest/globals';
import { generateReport, snapshotNow } from '../../src/server/reporting';
import { setupSample } from '../../src/server/setUpTab';
import { selfCheckAction } from '../../src/server/selfCheckReport';
import { REPORT_TITLE, PRINT_NOTE } from '../../src/sheets/report';
import { readSnapshots, historySheet } from '../../src/sheets/history';
import { isOwnTab, markOwnTab, sameTabName, TAB_MARK_KEY } from '../../src/sheets/tabs';
import { monthlyEnv, SEND_DAY } from '../support/monthlyFixture';
import { env, fill, snapshot } from '../support/env';

const LOOKUPS = ['exact', 'ignoreCase'] as const;
const USER_TAB: (string | number)[][] = [
  ['Báo cáo tháng của xã (bộ phận một cửa)'],
  ['Tháng', 'Số hồ sơ', 'Ghi chú'],
  ['10/2026', 152, '=SUM(1;2)'],
];

/** Tab names, without the hidden export tab set-up adds (issue 17; not what these tests are about). */
function names(): string[] {
  return SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => n !== EXPORT_TAB);
}

describe.each(LOOKUPS)('tabs the add-in owns (getSheetByName: %s)', (lookup) => {
  test.each(['Báo cáo', 'BÁO CÁO', 'báo cáo'])(
    'a commune tab named %s is kept; the report goes to "Báo cáo (CCHC)" and says so',
    (userName) => {
      const { standIn } = monthlyEnv({ sheetNameLookup: lookup });
      fill(standIn, userName, USER_TAB);
      const before = snapshot(standIn, userName);
      const message = generateReport(SEND_DAY);
      expect(snapshot(standIn, userName)).toBe(before);
      expect(names()).toEqual(['Sheet1', 'Tiêu chí', userName, 'Báo cáo (CCHC)']);
      expect(message).toContain(`Trang "Báo cáo" là trang riêng của xã nên được giữ nguyên`);
      expect(message).toContain('"Báo cáo (CCHC)"');
      const report = standIn.sheet('Báo cáo (CCHC)');
      expect(report.getRange(1, 1).getValue()).toBe(REPORT_TITLE);
      expect(isOwnTab(report, 'report')).toBe(true);
      // Again: the add-in's own tab is replaced, the commune's tab still untouched, no third tab.
      generateReport(SEND_DAY);
      expect(names()).toEqual(['Sheet1', 'Tiêu chí', userName, 'Báo cáo (CCHC)']);
      expect(snapshot(standIn, userName)).toBe(before);
    },
  );

  test('without a commune tab the report is "Báo cáo", replaced each time', () => {
    const { standIn } = monthlyEnv({ sheetNameLookup: lookup });
    expect(generateReport(SEND_DAY)).not.toContain('trang riêng');
    generateReport(SEND_DAY);
    expect(names()).toEqual(['Sheet1', 'Tiêu chí', 'Báo cáo']);
    expect(isOwnTab(standIn.sheet('Báo cáo'), 'report')).toBe(true);
  });

  test('the add-in own tab is found when the commune later adds a tab named like it in another case', () => {
    const { standIn } = monthlyEnv({ sheetNameLookup: lookup });
    fill(standIn, 'báo cáo', USER_TAB);
    generateReport(SEND_DAY);
    standIn.spreadsheet.deleteSheet(standIn.sheet('báo cáo'));
    // The commune deleted its tab: the add-in keeps using its own "(CCHC)" tab rather than making another.
    generateReport(SEND_DAY);
    expect(names()).toEqual(['Sheet1', 'Tiêu chí', 'Báo cáo (CCHC)']);
  });

  test('a report written before tabs were marked is recognised by its title and print note and replaced', () => {
    const { standIn } = monthlyEnv({ sheetNameLookup: lookup });
    fill(standIn, 'Báo cáo', [[REPORT_TITLE], ['x'], ['y'], [PRINT_NOTE], ['cũ']]);
    generateReport(SEND_DAY);
    expect(names()).toEqual(['Sheet1', 'Tiêu chí', 'Báo cáo']);
    expect(standIn.sheet('Báo cáo').getRange(5, 1).getValue()).not.toBe('cũ');
  });

  test('a criteria tab named "Lịch sử" never receives history rows; the history goes to "Lịch sử (CCHC)"', () => {
    const { standIn } = monthlyEnv({ sheetNameLookup: lookup, tab: 'Lịch sử' });
    const before = snapshot(standIn, 'Lịch sử');
    const r = snapshotNow(SEND_DAY);
    expect(snapshot(standIn, 'Lịch sử')).toBe(before);
    expect(r.message).toContain('"Lịch sử (CCHC)"');
    expect(r.message).toContain('trang riêng của xã');
    expect(names()).toContain('Lịch sử (CCHC)');
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(readSnapshots(ss, historySheet(ss))).toHaveLength(1);
    // A report on the same document also leaves the criteria tab alone and reads the add-in's history.
    generateReport(SEND_DAY);
    expect(snapshot(standIn, 'Lịch sử')).toBe(before);
  });

  test('a criteria tab that carries the add-in mark (an old add-in tab turned into the table) is never replaced', () => {
    const { standIn } = monthlyEnv({ sheetNameLookup: lookup, tab: 'Báo cáo' });
    markOwnTab(standIn.sheet('Báo cáo'), 'report');
    const before = snapshot(standIn, 'Báo cáo');
    generateReport(SEND_DAY);
    expect(snapshot(standIn, 'Báo cáo')).toBe(before);
    expect(names()).toContain('Báo cáo (CCHC)');
  });

  test('a commune tab "LỊCH SỬ" (upper case) is kept; snapshots go to the add-in own tab', () => {
    const { standIn } = monthlyEnv({ sheetNameLookup: lookup });
    fill(standIn, 'LỊCH SỬ', USER_TAB);
    const before = snapshot(standIn, 'LỊCH SỬ');
    snapshotNow(SEND_DAY);
    snapshotNow(SEND_DAY);
    expect(snapshot(standIn, 'LỊCH SỬ')).toBe(before);
    expect(standIn.sheet('Lịch sử (CCHC)').getLastRow()).toBe(3);
  });

  test('a history tab written before tabs were marked (its exact header) is adopted, not duplicated', () => {
    const { standIn } = monthlyEnv({ sheetNameLookup: lookup });
    fill(standIn, 'Lịch sử', [
      ['Ngày', 'Tháng', 'Tổng điểm', 'Điểm phát sinh', 'Chỉ số (%)', 'Xếp loại', 'Số tiêu chí nguy cơ'],
      ['2026-10-01', '2026-10', 7, 12, 58.33, 'Trung bình', 3],
    ]);
    snapshotNow(SEND_DAY);
    expect(names()).not.toContain('Lịch sử (CCHC)');
    const sheet = standIn.sheet('Lịch sử');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      [TAB_MARK_KEY, 'history'],
    ]);
  });
});

describe.each(LOOKUPS)('the self-check tab (getSheetByName: %s)', (lookup) => {
  test.each(['Kiểm tra môi trường', 'KIỂM TRA MÔI TRƯỜNG'])(
    'a commune tab named %s is never cleared; the check goes to the add-in own tab',
    (userName) => {
      const { standIn } = monthlyEnv({ sheetNameLookup: lookup });
      fill(standIn, userName, USER_TAB);
      const before = snapshot(standIn, userName);
      selfCheckAction(SEND_DAY);
      selfCheckAction(SEND_DAY);
      expect(snapshot(standIn, userName)).toBe(before);
      expect(names().filter((n) => n.startsWith('Kiểm tra') || n.startsWith('KIỂM TRA'))).toEqual([
        userName,
        'Kiểm tra môi trường (CCHC)',
      ]);
      expect(standIn.sheet('Kiểm tra môi trường (CCHC)').getRange(1, 1).getValue()).toMatch(
        /^Kiểm tra môi trường: /,
      );
    },
  );
});

describe('tab names compare as Sheets compares them', () => {
  test('case does not matter, the spelling does', () => {
    expect(sameTabName('Báo cáo', 'BÁO CÁO')).toBe(true);
    expect(sameTabName('Lịch sử', 'lịch sử')).toBe(true);
    // The same letters composed or decomposed are one name.
    expect(sameTabName('Báo cáo', 'Ba\u0301o ca\u0301o')).toBe(true);
    expect(sameTabName('Báo cáo', 'Bao cao')).toBe(false);
    expect(sameTabName('Báo cáo', 'Báo cáo (CCHC)')).toBe(false);
  });

  test.each(LOOKUPS)(
    'set-up next to a tab "TIÊU CHÍ" with other content makes "Tiêu chí (mẫu)" (lookup %s), no raw error',
    (lookup) => {
      const standIn = env();
      standIn.spreadsheet.sheetNameLookup = lookup;
      fill(standIn, 'TIÊU CHÍ', [['Ghi chép riêng của xã']]);
      const before = snapshot(standIn, 'TIÊU CHÍ');
      const r = setupSample();
      expect(r.ok).toBe(true);
      expect(snapshot(standIn, 'TIÊU CHÍ')).toBe(before);
      expect(names()).toContain('Tiêu chí (mẫu)');
    },
  );
});
