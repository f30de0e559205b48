// The report tab on the Apps Script stand-in: contents checked against the engine, replaced each time,
// never touching the criteria tab, hostile text kept as text, printable layout, the trend chart.
import { describe, test, expect } from '@jest/globals';
import { evaluate } from '../../src/core/evaluate';
import { DEFAULT_BANDS } from '../../src/core/settings';
import type { CellValue, RowResult } from '../../src/core/types';
import { appendSnapshot } from '../../src/sheets/history';
import { buildReportModel } from '../../src/core/summary';
import {
  PRINT_NOTE,
  REPORT_COLUMN_WIDTHS,
  REPORT_FROZEN_ROWS,
  REPORT_SHEET,
  reportLayout,
} from '../../src/sheets/report';
import { readTable } from '../../src/sheets/table';
import { generateReport } from '../../src/server/reporting';
import { snapshot } from '../support/env';
import { criteriaRows, HEADER, HOSTILE_FORMULA, monthlyEnv, SEND_DAY } from '../support/monthlyFixture';
import { evaluation, leaf } from '../support/mailFixtures';

function reportValues(standIn: ReturnType<typeof monthlyEnv>['standIn']): CellValue[][] {
  return standIn.sheet(REPORT_SHEET).getDataRange().getValues() as CellValue[][];
}

/** Rows of the section whose title is in column A, below its header row, until the first blank row. */
function section(values: CellValue[][], title: string | RegExp, hasHeader = true): CellValue[][] {
  const at = values.findIndex((r) => (typeof title === 'string' ? r[0] === title : title.test(String(r[0]))));
  if (at < 0) throw new Error(`no section ${title}`);
  const out: CellValue[][] = [];
  // A blank row or a note (text in column A only) ends the table.
  for (let i = at + (hasHeader ? 2 : 1); i < values.length && values[i].slice(1).some((v) => v !== ''); i++)
    out.push(values[i]);
  return out;
}

function engine(): RowResult[] & { evaluation: ReturnType<typeof evaluate> } {
  const read = readTable(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!);
  if (!read.ok) throw new Error(read.message);
  const evaluation = evaluate(read.rows, {
    today: new Date(2026, 10, 1),
    nearDeadlineDays: 14,
    bands: DEFAULT_BANDS,
  });
  return Object.assign(
    evaluation.rows.filter((r) => r.isLeaf && (r.status === 'atRisk' || r.status === 'losing')),
    { evaluation },
  );
}

describe('report tab', () => {
  test('totals, areas, sectors, at-risk list and path match the engine', () => {
    const { standIn } = monthlyEnv();
    generateReport(SEND_DAY);
    const values = reportValues(standIn);
    const atRisk = engine();
    const ev = atRisk.evaluation;

    const overview = Object.fromEntries(section(values, 'Tổng quan', false).map((r) => [r[1], r[2]]));
    expect(overview['Tổng điểm']).toBeCloseTo(ev.total, 9);
    expect(overview['Điểm tối đa áp dụng']).toBeCloseTo(ev.applicableMax, 9);
    expect(overview['Chỉ số']).toBeCloseTo(ev.index!, 9);
    expect(overview['Xếp loại']).toBe(ev.classification);
    expect(overview['Còn thiếu (điểm)']).toBeCloseTo(ev.nextClass!.gapPoints, 9);
    expect(overview['Tiêu chí cần xử lý']).toBe(atRisk.length);
    // The figures of this fixture, worked out by hand: 2 + 0 + 2 + 1.6 + 2 of 12.
    expect(ev.total).toBeCloseTo(7.6, 9);
    expect(ev.classification).toBe('Trung bình');

    expect(section(values, 'Theo lĩnh vực').map((r) => [r[0], r[2], r[3]])).toEqual(
      ev.areas.map((a) => [a.code, a.score, a.max]),
    );

    const list = section(values, 'Tiêu chí cần xử lý');
    const expected = [...atRisk].sort(
      (a, b) => b.pointsAtStake - a.pointsAtStake || (a.deadline ?? '9').localeCompare(b.deadline ?? '9'),
    );
    expect(list.map((r) => r[0])).toEqual(expected.map((r) => r.code));
    expect(list.map((r) => r[3])).toEqual(expected.map((r) => r.pointsAtStake));
    expect(list[0]).toEqual([
      '1.2',
      'Báo cáo CCHC quý đúng hạn (Mất điểm)',
      'VP-TK',
      2,
      '10/11/2026',
      expected[0].reasons.join('; '),
    ]);

    // Sector table: 2.2 belongs to every sector ("Tất cả các ngành"), 2.1 to BPMC and TP-HT.
    const sectors = section(values, 'Theo ngành');
    expect(sectors).toEqual([
      // name, owned, secured, applicable max (worked out by hand: 1.1 + 1.2 + 2.2 = 6; 2.1 + 2.2 = 6;
      // 3.1 + 2.2 = 4), at stake, criteria needing action
      ['VP-TK', 3, 3.6, 6, 2.4, 2],
      ['BPMC', 2, 3.6, 6, 2.4, 2],
      ['TP-HT', 2, 3.6, 6, 2.4, 2],
      ['TC-KT', 2, 3.6, 4, 0.4, 1],
    ]);

    // Path: the gap (0.8) is covered by one criterion; of the two worth 2 points, the one with a deadline.
    const path = section(values, /^Lộ trình lên mức Khá/);
    expect(path).toEqual([[1, '1.2 Báo cáo CCHC quý đúng hạn', 'VP-TK', 2, '10/11/2026', 9.6]]);
    expect(values.some((r) => r[0] === 'Khắc phục 1 tiêu chí trên (theo thứ tự) là đủ để lên mức Khá.')).toBe(
      true,
    );
    expect(values[1][0]).toBe('Xã Tiên Phong – năm 2026');
    expect(values[2][0]).toBe('Tính đến ngày 01/11/2026 · Lập lúc 01/11/2026 07:00');
  });

  test('replaced each time, the criteria tab untouched', () => {
    const { standIn } = monthlyEnv();
    const before = snapshot(standIn, 'Tiêu chí');
    generateReport(SEND_DAY);
    generateReport(SEND_DAY);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
    const names = SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names.filter((n) => n === REPORT_SHEET)).toHaveLength(1);
    expect(section(reportValues(standIn), 'Tiêu chí cần xử lý')).toHaveLength(3);

    // Everything fixed: the new report keeps nothing of the old list.
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('F5:G5').setValues([['Đúng hạn', 'BC quý 3']]);
    sheet.getRange('F7').setValue('100%');
    sheet.getRange('F8').setValue('50%');
    generateReport(SEND_DAY);
    const after = reportValues(standIn);
    expect(after.flat().filter((v) => v === '1.2' || v === '2.1')).toEqual([]);
    expect(after.some((r) => r[0] === 'Không có tiêu chí nào cần xử lý.')).toBe(true);
    expect(after.some((r) => r[0] === 'Xã đang ở mức xếp loại cao nhất.')).toBe(true);
  });

  test('user text starting with = + - @ is written as text, never as a formula', () => {
    const rows = criteriaRows();
    rows.push(
      ['3.2', "'+84 đường dây nóng", 1, 'CÓ/KHÔNG', '', 'Không', '', "'-Ngành lạ", ''],
      ['3.3', "'-5 điểm trừ", 1, 'CÓ/KHÔNG', '', 'Không', '', '@bpmc', ''],
      ['3.4', "'@nhắc việc", 1, 'CÓ/KHÔNG', '', 'Không', '', "'=1+1", ''],
    );
    rows[8][2] = 5; // area 3's max follows its children
    const { standIn } = monthlyEnv({ rows });
    generateReport(SEND_DAY);
    const sheet = standIn.sheet(REPORT_SHEET);
    const range = sheet.getDataRange();
    expect(
      range
        .getFormulas()
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    const texts = range.getValues().flat().map(String);
    for (const t of [
      `${HOSTILE_FORMULA} (Mất điểm)`,
      '+84 đường dây nóng (Mất điểm)',
      '-5 điểm trừ (Mất điểm)',
      '@nhắc việc (Mất điểm)',
      '=1+1',
      '-Ngành lạ',
    ]) {
      expect(texts).toContain(t);
    }
  });

  test('printable on A4 portrait: widths, frozen title rows, the print note', () => {
    const { standIn } = monthlyEnv();
    generateReport(SEND_DAY);
    const sheet = standIn.sheet(REPORT_SHEET);
    const widths = REPORT_COLUMN_WIDTHS.map((_, i) => sheet.getColumnWidth(i + 1));
    expect(widths).toEqual(REPORT_COLUMN_WIDTHS);
    const total = widths.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(600);
    expect(total).toBeLessThanOrEqual(660);
    expect(sheet.getFrozenRows()).toBe(REPORT_FROZEN_ROWS);
    expect(sheet.getRange('A4').getValue()).toBe(PRINT_NOTE);
  });

  test('trend chart of the index from the history, one point per month', () => {
    const { standIn } = monthlyEnv();
    generateReport(SEND_DAY);
    expect(standIn.sheet(REPORT_SHEET).getCharts()).toHaveLength(0);

    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const base = {
      total: 5,
      applicableMax: 12,
      classification: 'Yếu',
      atRiskCount: 4,
      areas: [{ code: '1', score: 1 }],
    };
    appendSnapshot(ss, { ...base, date: '2026-09-01', month: '2026-09', indexPercent: 41.7 });
    appendSnapshot(ss, { ...base, date: '2026-10-01', month: '2026-10', indexPercent: 50 });
    appendSnapshot(ss, { ...base, date: '2026-10-20', month: '2026-10', indexPercent: 55 });
    generateReport(SEND_DAY);
    const sheet = standIn.sheet(REPORT_SHEET);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    const trend = section(reportValues(standIn), 'Diễn biến chỉ số theo tháng');
    expect(trend.map((r) => [r[1], r[2]])).toEqual([
      ['09/2026', 0.417],
      ['10/2026', 0.55],
    ]);
    const [range] = charts[0].getRanges();
    expect(range.getNumRows()).toBe(3); // header + two months
    expect(range.getColumn()).toBe(2);
    expect(range.getNumColumns()).toBe(2);
    expect(charts[0].getContainerInfo().getAnchorRow()).toBeGreaterThan(range.getLastRow());
  });

  test('a sheet with zero at-risk criteria', () => {
    const rows: CellValue[][] = [
      HEADER,
      ['1', 'Công tác chỉ đạo', 2, '', '', '', '', 'VP-TK', ''],
      ['1.1', 'Ban hành kế hoạch', 2, 'CÓ/KHÔNG', '', 'Có', 'QĐ 1', 'VP-TK', ''],
    ];
    const { standIn } = monthlyEnv({ rows });
    generateReport(SEND_DAY);
    const values = reportValues(standIn);
    expect(section(values, 'Tổng quan', false).find((r) => r[1] === 'Tiêu chí cần xử lý')?.[2]).toBe(0);
    expect(values.some((r) => r[0] === 'Không có tiêu chí nào cần xử lý.')).toBe(true);
    expect(values.some((r) => r[0] === 'Xã đang ở mức xếp loại cao nhất.')).toBe(true);
  });

  test('overview: bonus and penalty rows only when they apply (no "Điểm trừ 0")', () => {
    const overview = (bonus: number, penalty: number) => {
      const ev = evaluation([leaf({ code: '1.1', max: 2 })], { bonus, penalty });
      const m = buildReportModel(ev, {
        communeName: 'X',
        year: 2026,
        sectors: [],
        asOf: '2026-11-01',
        generatedAt: '',
      });
      const layout = reportLayout(m, []);
      const rows = layout.values.filter((r) => r[1] === 'Điểm thưởng' || r[1] === 'Điểm trừ');
      // Each shown figure gets the points format.
      for (const r of rows) {
        const at = layout.values.indexOf(r) + 1;
        expect(layout.numberFormats.some((f) => f.row <= at && at < f.row + f.rows && f.col === 3)).toBe(
          true,
        );
      }
      return rows.map((r) => [r[1], r[2]]);
    };
    expect(overview(1.5, 0)).toEqual([['Điểm thưởng', 1.5]]);
    // A deduction is negative, as the email writes it (−2).
    expect(overview(0, 2)).toEqual([['Điểm trừ', -2]]);
    expect(overview(1, 2)).toEqual([
      ['Điểm thưởng', 1],
      ['Điểm trừ', -2],
    ]);
    expect(overview(0, 0)).toEqual([]);
  });
});
