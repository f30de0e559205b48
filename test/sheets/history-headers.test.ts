// History survives reworded headers (issue 11, point 5): figures are found by header text, then by best
// match, then by the position the add-in wrote them in; no second column is ever appended for a figure.
import { describe, test, expect } from '@jest/globals';
import { appendSnapshot, columnsOf, HISTORY_SHEET, readSnapshots } from '../../src/sheets/history';
import type { Snapshot } from '../../src/core/summary';
import { monthlyEnv } from '../support/monthlyFixture';

const HEADER = [
  'Ngày',
  'Tháng',
  'Tổng điểm',
  'Điểm phát sinh',
  'Chỉ số (%)',
  'Xếp loại',
  'Số tiêu chí nguy cơ',
];

function snap(month: string, total: number): Snapshot {
  return {
    date: `${month}-01`,
    month,
    total,
    applicableMax: 12,
    indexPercent: Math.round((total / 12) * 10000) / 100,
    classification: 'Khá',
    atRiskCount: 2,
    areas: [{ code: '1', score: total }],
  };
}

/** The months written, then the header reworded by a user. */
function reworded(rename: (header: string[]) => string[]) {
  const { standIn } = monthlyEnv();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const months = [snap('2026-08', 6), snap('2026-09', 7), snap('2026-10', 8)];
  for (const s of months) appendSnapshot(ss, s);
  const sheet = standIn.sheet(HISTORY_SHEET);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  sheet.getRange(1, 1, 1, header.length).setValues([rename(header)]);
  return { ss, sheet, months, width: header.length };
}

describe('history read by header, best match, then position', () => {
  test.each([
    [
      '"Tổng điểm" → "Tổng điểm đạt" (best match)',
      (h: string[]) => h.map((x) => (x === 'Tổng điểm' ? 'Tổng điểm đạt' : x)),
    ],
    ['"Tổng điểm" → "Điểm" (position)', (h: string[]) => h.map((x) => (x === 'Tổng điểm' ? 'Điểm' : x))],
    [
      '"Ngày" → "Ngày lưu" and "Chỉ số (%)" → "Chỉ số CCHC"',
      (h: string[]) => h.map((x) => (x === 'Ngày' ? 'Ngày lưu' : x === 'Chỉ số (%)' ? 'Chỉ số CCHC' : x)),
    ],
    [
      'every fixed header in capitals and English',
      (h: string[]) =>
        h.map((x, i) =>
          i < 7 ? ['Date', 'Month', 'Total', 'Applicable max', 'Index', 'Class', 'At risk'][i] : x,
        ),
    ],
  ])('%s: past months still read, no column appended', (_name, rename) => {
    const { ss, sheet, months, width } = reworded(rename);
    expect(readSnapshots(ss)).toEqual(months);
    appendSnapshot(ss, snap('2026-11', 9));
    expect(sheet.getLastColumn()).toBe(width);
    expect(readSnapshots(ss)).toEqual([...months, snap('2026-11', 9)]);
  });

  test('a column moved by the user is still found by its header', () => {
    const c = columnsOf([
      'Xếp loại',
      'Ngày',
      'Tháng',
      'Tổng điểm',
      'Điểm phát sinh',
      'Chỉ số (%)',
      'Số tiêu chí nguy cơ',
    ]);
    expect([c.classification, c.date, c.month, c.total, c.applicableMax, c.index, c.atRisk]).toEqual([
      0, 1, 2, 3, 4, 5, 6,
    ]);
  });

  test('an area column is never taken for a fixed figure, nor a fixed column for an area', () => {
    const c = columnsOf([...HEADER.slice(0, 2), 'Lĩnh vực 1', ...HEADER.slice(3), 'Lĩnh vực 2']);
    expect(c.total).toBe(-1);
    expect(c.areas.map((a) => a.code)).toEqual(['1', '2']);
  });
});
