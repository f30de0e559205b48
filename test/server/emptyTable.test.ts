// Issue 10 point 5: an empty criteria table (headers only). The summary block says "Chưa có dữ liệu" where
// it showed #ERROR!, no monthly email goes out (by hand or by the daily trigger), and the sidebar's
// "send now" says why.
import { describe, expect, test } from '@jest/globals';
import { dailyTick, sendMonthly } from '../../src/server/schedule';
import { sidebarSendNowAction } from '../../src/server/sidebarActions';
import { HEADER, monthlyEnv, SEND_DAY } from '../support/monthlyFixture';

function blockValue(label: string): unknown {
  const values = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!.getDataRange().getValues();
  for (const row of values) {
    const c = row.indexOf(label);
    if (c >= 0) return row[c + 1];
  }
  return undefined;
}

describe('an empty criteria table (headers only)', () => {
  test('the block says "Chưa có dữ liệu" and shows no error', () => {
    const { standIn } = monthlyEnv({ rows: [['BỘ CHỈ SỐ CCHC XÃ 2026'], HEADER] });
    standIn.recalculate();
    expect(blockValue('Chỉ số CCHC')).toBe('Chưa có dữ liệu');
    expect(blockValue('Xếp loại')).toBe('Chưa có dữ liệu');
    const shown = SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Tiêu chí')!
      .getDataRange()
      .getDisplayValues();
    expect(shown.flat().filter((v) => v.startsWith('#'))).toEqual([]);
  });

  test('nothing is mailed, and the sidebar says why', () => {
    const { standIn } = monthlyEnv({ rows: [['BỘ CHỈ SỐ CCHC XÃ 2026'], HEADER] });
    const r = sidebarSendNowAction(false);
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Chưa có dữ liệu');
    expect(sendMonthly({ now: SEND_DAY }).status).toBe('noData');
    dailyTick(undefined);
    expect(standIn.mail.sent).toEqual([]);
  });
});
