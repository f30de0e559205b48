// The rounds' score columns through the server on the stand-in (issue 14): the sidebar, the report tab and
// the monthly email show the appraised index beside the computed one, labelled with its round, while the
// total and index everywhere stay the computed ones; the report lists the rounds side by side with the
// differences; an unreadable round figure is a data problem naming its row and column.
import { describe, expect, test } from '@jest/globals';
import type { CellValue } from '../../src/core/types';
import { generateReport, previewEmails } from '../../src/server/reporting';
import { buildSidebarData } from '../../src/server/sidebarData';
import { monthlyEnv } from '../support/monthlyFixture';

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
    expect(report.slice(title + 1, title + 6)).toEqual([
      ['Mã', 'Tiêu chí', 'Tự chấm', 'Thẩm định lần 1', 'Thẩm định lần 2', 'Chênh lệch'],
      ['1.1', 'Kế hoạch CCHC', '2', '1.5', '1', '-1'],
      ['1.2', 'Báo cáo', '2', '2', '—', '0'],
      ['1.3', 'Tuyên truyền', '2', '—', '—', '—'],
      ['Cộng', '6', '3.5', '1', '-1'],
    ]);

    const mail = previewEmails(clock.now);
    expect(mail.leadership.text).toContain(
      'Chỉ số CCHC: 100,00%\nChỉ số CCHC theo thẩm định lần 2: 83,33% (5 điểm)',
    );
    // The unreadable round figure is among the data errors the email lists near the top.
    expect(mail.leadership.text).toContain('Dòng 6, cột Điểm thẩm định lần 1: Điểm thẩm định lần 1 "hai"');
  });

  test('without any round column nothing is added (the sample-like table)', () => {
    const { clock } = monthlyEnv();
    const data = buildSidebarData(undefined, clock.now);
    expect(data.dashboard?.appraised).toBeUndefined();
    expect(previewEmails(clock.now).leadership.text).not.toContain('theo thẩm định');
  });
});
