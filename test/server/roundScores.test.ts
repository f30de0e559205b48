// The rounds' score columns through the server on the stand-in (issue 14): the sidebar, the report tab and
// the monthly email show the appraised index beside the computed one, labelled with its round, while the
// total and index everywhere stay the computed ones; the report lists the rounds side by side with the
// differences; an unreadable round figure is a data problem naming its row and column.
import { describe, expect, test } from '@jest/globals';
import type { CellValue } from '../../src/core/types';
import { generateReport, previewEmails } from '../../src/server/reporting';
import { DIFFERENCE_LABEL } from '../../src/sheets/report';
import { buildSidebarData } from '../../src/server/sidebarData';
import { internalSheet } from '../support/env';
import { monthlyEnv } from '../support/monthlyFixture';

const HOSTILE = '=HYPERLINK("http://evil.example";"bấm")';

// Mã A · Tiêu chí B · Điểm tối đa C · Cách chấm D · Kết quả E · Minh chứng F · Điểm tự chấm G ·
// Điểm thẩm định lần 1 H · Điểm thẩm định lần 2 I · Ngành J
const ROWS: CellValue[][] = [
  ['BỘ CHỈ SỐ 2026'],
  [
    'Mã',
    'Tiêu chí',
    'Điểm tối đa',
    'Cách chấm',
    'Kết quả',
    'Minh chứng',
    'Điểm tự chấm',
    'Điểm thẩm định lần 1',
    'Điểm thẩm định lần 2',
    'Ngành',
  ],
  ['1', 'Chỉ đạo điều hành', 6, '', '', '', '', '', '', 'VP-TK'],
  ['1.1', 'Kế hoạch CCHC', 2, 'CÓ/KHÔNG', 'Có', 'QĐ 1', 2, 1.5, 1, 'VP-TK'],
  ['1.2', 'Báo cáo', 2, 'CÓ/KHÔNG', 'Có', 'BC', 2, 2, '', 'VP-TK'],
  ['1.3', 'Tuyên truyền', 2, 'CÓ/KHÔNG', 'Có', 'BC', 2, 'hai', '', 'VP-TK'],
];

describe('rounds side by side through the server', () => {
  test('sidebar, report and email: the appraised index beside the computed one; the problem named', () => {
    const { standIn, clock } = monthlyEnv({ rows: ROWS });
    const data = buildSidebarData(undefined, clock.now);
    const d = data.dashboard!;
    // The computed figures: every leaf secured, 6 of 6.
    expect([d.total, d.indexPercent]).toEqual([6, 100]);
    // Round 2 has a figure (1.1: 1), round 1 elsewhere (1.2: 2); 1.3's figure cannot be read: computed 2.
    expect(d.appraised).toEqual({ label: 'thẩm định lần 2', total: 5, indexPercent: (5 / 6) * 100 });
    expect(data.problems).toContainEqual(
      expect.objectContaining({
        row: 6,
        column: 'appraisal1',
        columnHeader: 'Điểm thẩm định lần 1',
        a1: 'H6',
      }),
    );

    generateReport(clock.now);
    const report = standIn
      .sheet('Báo cáo')
      .getDataRange()
      .getValues()
      .map((r) => r.filter((v) => v !== '').map(String));
    const at = (label: string) => report.find((r) => r.includes(label));
    expect(at('Chỉ số')).toEqual(['Chỉ số', '1']);
    expect(Number(at('Chỉ số theo thẩm định lần 2')?.[1])).toBeCloseTo(5 / 6, 9);
    expect(at('Tổng điểm theo thẩm định lần 2')).toEqual(['Tổng điểm theo thẩm định lần 2', '5']);
    const title = report.findIndex((r) => r[0] === 'Điểm theo vòng');
    // Every round beside the computed points; under each criterion its differences, each under the later
    // round's column: lần 1 − tự chấm, lần 2 − lần 1 (none where either side is blank or unreadable).
    expect(report.slice(title + 1, title + 9)).toEqual([
      ['Mã', 'Tiêu chí', 'Điểm tính', 'Tự chấm', 'Thẩm định lần 1', 'Thẩm định lần 2'],
      ['1.1', 'Kế hoạch CCHC', '2', '2', '1.5', '1'],
      [DIFFERENCE_LABEL, '-0.5', '-0.5'],
      ['1.2', 'Báo cáo', '2', '2', '2', '—'],
      [DIFFERENCE_LABEL, '0', '—'],
      ['1.3', 'Tuyên truyền', '2', '2', 'hai (lỗi)', '—'],
      ['Cộng', '6', '6', '3.5', '1'],
      [DIFFERENCE_LABEL, '-0.5', '-0.5'],
    ]);
    // The differences sit in the later round's column (E: lần 1, F: lần 2).
    const cells = standIn.sheet('Báo cáo').getDataRange().getValues();
    const diff = cells.findIndex((r) => r[1] === DIFFERENCE_LABEL);
    expect(cells[diff]).toEqual(['', DIFFERENCE_LABEL, '', '', -0.5, -0.5]);
    expect(report[title + 9]?.[0]).toMatch(
      /^Dòng "Chênh lệch so với vòng trước" .*Thẩm định lần 1 − Tự chấm; Thẩm định lần 2 − Thẩm định lần 1;/,
    );

    const mail = previewEmails(clock.now);
    expect(mail.leadership.text).toContain(
      'Chỉ số CCHC: 100,00%\nChỉ số CCHC theo thẩm định lần 2: 83,33% (5 điểm)',
    );
    // The unreadable round figure is among the data errors the email lists near the top.
    expect(mail.leadership.text).toContain('Dòng 6, cột Điểm thẩm định lần 1: Điểm thẩm định lần 1 "hai"');
  });

  test('four round columns: none dropped (the fifth figure continues below); user text stays text', () => {
    // Mã A · Tiêu chí B · Điểm tối đa C · Cách chấm D · Kết quả E · Minh chứng F · Điểm tự chấm G ·
    // Điểm thẩm định lần 1 H · Điểm thẩm định lần 2 I · Điểm thẩm định J · Ngành K
    const header = [...(ROWS[1] as string[]).slice(0, 9), 'Điểm thẩm định', 'Ngành'];
    const rows: CellValue[][] = [
      ROWS[0],
      header,
      ['1', 'Chỉ đạo điều hành', 4, '', '', '', '', '', '', '', 'VP-TK'],
      ['1.1', `'${HOSTILE}`, 2, 'CÓ/KHÔNG', 'Có', 'QĐ 1', 2, 1.5, 1, 0.5, 'VP-TK'],
      ['1.2', '@Báo cáo', 2, 'CÓ/KHÔNG', 'Có', 'BC', "'-hai", 2, '', 2, 'VP-TK'],
    ];
    // Whether Sheets takes "+…"/"-…" written by a script for a formula is not documented (a stand-in switch).
    const { standIn, clock } = monthlyEnv({ rows, behaviours: { signedTextBecomesFormula: true } });
    generateReport(clock.now);
    const tab = internalSheet(standIn, 'Báo cáo');
    const formulas: string[] = [];
    tab.grid.forEach((cell) => {
      if (cell.formula) formulas.push(cell.formula);
    });
    expect(formulas).toEqual([]);
    const values = standIn.sheet('Báo cáo').getDataRange().getValues();
    const title = values.findIndex((r) => r[0] === 'Điểm theo vòng');
    expect(values.slice(title + 1, title + 12)).toEqual([
      ['Mã', 'Tiêu chí', 'Điểm tính', 'Tự chấm', 'Thẩm định lần 1', 'Thẩm định lần 2'],
      ['', '', 'Thẩm định', '', '', ''],
      ['1.1', HOSTILE, 2, 2, 1.5, 1],
      ['', DIFFERENCE_LABEL, '', '', -0.5, -0.5],
      ['', '', 0.5, '', '', ''],
      ['', DIFFERENCE_LABEL, -0.5, '', '', ''],
      ['1.2', '@Báo cáo', 2, '-hai (lỗi)', 2, '—'],
      ['', '', 2, '', '', ''],
      ['', 'Cộng', 4, 2, 3.5, 1],
      ['', DIFFERENCE_LABEL, '', '', -0.5, -0.5],
      ['', '', 2.5, '', '', ''],
    ]);
  });

  test('without any round column nothing is added (the sample-like table)', () => {
    const { clock } = monthlyEnv();
    const data = buildSidebarData(undefined, clock.now);
    expect(data.dashboard?.appraised).toBeUndefined();
    expect(previewEmails(clock.now).leadership.text).not.toContain('theo thẩm định');
  });
});
