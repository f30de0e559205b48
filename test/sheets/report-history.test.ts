// The history tab: append-only snapshot rows, read back by header text; the monthly run writes one row per
// month, on demand always appends; the 6-month review compares two snapshots.
import { describe, test, expect } from '@jest/globals';
import { addMonths, compareSnapshots, snapshotForMonth, type Snapshot } from '../../src/core/summary';
import { appendSnapshot, HISTORY_SHEET, readSnapshots } from '../../src/sheets/history';
import { loadDocument, snapshotLocked, snapshotNow } from '../../src/server/reporting';
import { monthlyEnv, SEND_DAY } from '../support/monthlyFixture';

function snap(
  month: string,
  total: number,
  areas: { code: string; score: number }[] = [
    { code: '1', score: total / 2 },
    { code: '2', score: total / 2 },
  ],
): Snapshot {
  return {
    date: `${month}-01`,
    month,
    total,
    applicableMax: 12,
    indexPercent: (total / 12) * 100,
    classification: total >= 7.5 ? 'Khá' : 'Trung bình',
    atRiskCount: 12 - Math.round(total),
    areas,
  };
}

describe('history tab', () => {
  test('appends below the last row and never rewrites earlier rows', () => {
    const { standIn } = monthlyEnv();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(readSnapshots(ss)).toEqual([]);
    const written: Snapshot[] = [];
    let previous: unknown[][] = [];
    for (const [i, month] of ['2026-05', '2026-06', '2026-07'].entries()) {
      const s = snap(month, 6 + i);
      expect(appendSnapshot(ss, s).row).toBe(i + 2);
      written.push(s);
      const grid = standIn.sheet(HISTORY_SHEET).getDataRange().getValues();
      // Every earlier row is exactly what it was.
      expect(grid.slice(0, previous.length)).toEqual(previous);
      previous = grid;
    }
    expect(readSnapshots(ss)).toEqual(written);
    // Dates and months stay text ("2026-05" would otherwise become a date).
    const sheet = standIn.sheet(HISTORY_SHEET);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['2026-05-01', '2026-05']]);
    expect(sheet.getRange(1, 1, 1, 9).getValues()[0]).toEqual([
      'Ngày',
      'Tháng',
      'Tổng điểm',
      'Điểm tối đa áp dụng',
      'Chỉ số (%)',
      'Xếp loại',
      'Tiêu chí cần xử lý',
      'Lĩnh vực 1',
      'Lĩnh vực 2',
    ]);
  });

  test('a new area code adds a header cell on the right; old rows and user columns stay as they were', () => {
    const { standIn } = monthlyEnv();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    appendSnapshot(ss, snap('2026-05', 6));
    const sheet = standIn.sheet(HISTORY_SHEET);
    sheet.getRange('J1:J2').setValues([['Ghi chú'], ['Trước rà soát']]);
    const before = sheet.getRange('A1:J2').getValues();
    const later = snap('2026-06', 8, [
      { code: '1', score: 3 },
      { code: '3', score: 5 },
    ]);
    appendSnapshot(ss, later);
    expect(sheet.getRange('A1:J2').getValues()).toEqual(before);
    expect(sheet.getRange('K1').getValue()).toBe('Lĩnh vực 3');
    const read = readSnapshots(ss);
    expect(read[1]).toEqual(later);
    expect(read[0].areas).toEqual([
      { code: '1', score: 3 },
      { code: '2', score: 3 },
    ]);
  });

  test('the monthly run writes one row per month; on demand always appends', () => {
    monthlyEnv();
    const doc = loadDocument(SEND_DAY);
    expect(snapshotLocked(doc, true).row).toBe(2);
    expect(snapshotLocked(doc, true).row).toBeNull();
    expect(snapshotNow(SEND_DAY).row).toBe(3);
    const all = readSnapshots(SpreadsheetApp.getActiveSpreadsheet());
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({
      date: '2026-11-01',
      month: '2026-11',
      total: 7.6,
      atRiskCount: 3,
      classification: 'Trung bình',
    });
    expect(all[0].areas).toEqual([
      { code: '1', score: 2 },
      { code: '2', score: 3.6 },
      { code: '3', score: 2 },
    ]);
  });

  test('the 6-month review compares two snapshots read back from the tab', () => {
    monthlyEnv();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    for (const [i, month] of [
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ].entries()) {
      appendSnapshot(ss, snap(month, 5 + i * 0.5));
    }
    const all = readSnapshots(ss);
    const from = snapshotForMonth(all, addMonths('2026-07', -6))!;
    const to = snapshotForMonth(all, '2026-07')!;
    const review = compareSnapshots(from, to);
    expect(review.totalDelta).toBe(3);
    expect(review.indexPercentDelta).toBeCloseTo(25, 6);
    expect(review.classChanged).toBe(true);
    expect(review.atRiskDelta).toBe(-3);
    expect(review.areas).toEqual([
      { code: '1', from: 2.5, to: 4, delta: 1.5 },
      { code: '2', from: 2.5, to: 4, delta: 1.5 },
    ]);
  });
});

describe('a history tab written by the previous version', () => {
  test('its old headers ("Điểm phát sinh", "Số tiêu chí nguy cơ") are still read and never duplicated', () => {
    const { standIn } = monthlyEnv();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const old = ss.insertSheet(HISTORY_SHEET);
    old.getRange(1, 1, 2, 8).setValues([
      [
        'Ngày',
        'Tháng',
        'Tổng điểm',
        'Điểm phát sinh',
        'Chỉ số (%)',
        'Xếp loại',
        'Số tiêu chí nguy cơ',
        'Lĩnh vực 1',
      ],
      ['2026-05-01', '2026-05', 6, 12, 50, 'Yếu', 4, 3],
    ]);
    appendSnapshot(ss, snap('2026-06', 8));
    const sheet = standIn.sheet(HISTORY_SHEET);
    // Only the new area got a header cell: no second "applicable max" or "needing action" column.
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].slice(7)).toEqual([
      'Lĩnh vực 1',
      'Lĩnh vực 2',
    ]);
    const [may, june] = readSnapshots(ss);
    expect([may.applicableMax, may.atRiskCount]).toEqual([12, 4]);
    expect(june.month).toBe('2026-06');
    expect(june.applicableMax).toBe(snap('2026-06', 8).applicableMax);
  });
});
