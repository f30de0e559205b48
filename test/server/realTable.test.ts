// A real commune table as provinces issue it, attached through what ships (dist/Code.js on the stand-in)
// without edits: an STT column of roman numerals, numbers and letters (no Mã), the official prose beside
// Cách chấm, and the real names of the other columns. The sheet's own formulas (a CCHC_CODES column that
// CCHC_OUTPUTS and CCHC_SUMMARY read) must give the figures computed here by hand, and the sidebar the same.
import { describe, test, expect } from '@jest/globals';
import type { SidebarData } from '../../src/server/api';
import { BLOCK_LABELS } from '../../src/core/sheetLayout';
import { distEnv } from '../support/distEnv';
import { CODES_HEADER } from '../../src/sheets/outputPlan';

const TABLE = [
  ['BỘ CHỈ SỐ ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2026'],
  [],
  [
    'STT',
    'Tiêu chí, tiêu chí thành phần',
    'Điểm tối đa',
    'Cách chấm',
    'Hướng dẫn chấm điểm',
    'Đơn vị thực hiện',
    'Số liệu kê khai',
    'Tài liệu kiểm chứng',
    'Thời hạn',
    'Điểm tự chấm',
    'Ghi chú',
  ],
  ['I', 'Công khai, minh bạch', 6, '', '', '', '', '', '', '', ''],
  [1, 'Công bố TTHC', 4, '', '', '', '', '', '', '', ''],
  ['a', 'Công bố đúng hạn', 2, 'TỶ LỆ', 'Tỷ lệ × 2 điểm', 'BPMC', '9/10', 'QĐ 1', '', 1.8, ''],
  ['b', 'Công bố đầy đủ', 2, 'CÓ/KHÔNG', 'Có: 2 điểm; không: 0', 'BPMC', 'Có', 'QĐ 2', '', 2, ''],
  [2, 'Cập nhật đúng hạn', 2, 'TỶ LỆ(80%)', 'Đạt 80% trở lên: 2 điểm', 'VP-TK', '60%', 'BC', '', 2, ''],
  ['II', 'Mức độ hài lòng', 4, '', '', '', '', '', '', '', ''],
  [1, 'Xử lý phản ánh, kiến nghị', 4, 'TỶ LỆ', 'Không phát sinh: tối đa', 'VP-TK', '0/0', 'Cổng', '', 4, ''],
];

// By hand: a = 2 × 9/10 = 1,8; b = 2; I.2 = 2 × min(0,6 / 0,8; 1) = 1,5; II.1 = 0/0 → full 4.
// Total 9,3 / 10 = 93% → Xuất sắc. I.2's self-score 2 is 0,5 above 1,5 (> 10% of 2): flagged.
const HAND = { total: 9.3, max: 10, points: [6 - 0.7, 3.8, 1.8, 2, 1.5, 4, 4] };

describe('dist: a real table with STT numbering and real headers, attached without edits', () => {
  const { standIn, call } = distEnv(new Date(2026, 9, 10, 9, 0));
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Bảng xã');
  const width = TABLE[2].length;
  sheet
    .getRange(1, 1, TABLE.length, width)
    .setValues(TABLE.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')));

  test('attach succeeds and the formulas read dotted codes derived from STT', () => {
    const result = call<{ ok: boolean; message: string }>(`sidebarAttachSheet('Bảng xã')`);
    expect(result.message).not.toMatch(/Lỗi|không/i);
    expect(result.ok).toBe(true);
    // The codes column: right of the block, one CCHC_CODES call spilling the dotted codes.
    const header = sheet.getRange(3, 1, 1, sheet.getLastColumn()).getValues()[0];
    const codesCol = header.indexOf(CODES_HEADER) + 1;
    expect(codesCol).toBeGreaterThan(12);
    expect(sheet.getRange(4, codesCol).getFormula()).toBe('=CCHC_CODES($A$4:$A$10,4)');
    expect(
      sheet
        .getRange(4, codesCol, 7, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1']);
    const letter = String.fromCharCode(64 + codesCol);
    expect(sheet.getRange(4, 12).getFormula()).toMatch(
      new RegExp(`^=ARRAYFORMULA\\(CCHC_OUTPUTS\\(IFERROR\\(\\$${letter}\\$4:\\$${letter}\\$10,`),
    );
  });

  test('points, total, index and class in the sheet equal the hand computation; the sidebar agrees', () => {
    const values = sheet.getDataRange().getValues();
    const points = values.slice(3, 10).map((r) => r[11]);
    points.forEach((p, i) => expect(p).toBeCloseTo(HAND.points[i], 9));
    const right = (label: string) => {
      for (const row of values) {
        const at = row.indexOf(label);
        if (at >= 0) return row[at + 1];
      }
      return undefined;
    };
    expect(right(BLOCK_LABELS.total)).toBeCloseTo(HAND.total, 9);
    expect(right(BLOCK_LABELS.applicableMax)).toBe(HAND.max);
    expect(right(BLOCK_LABELS.classification)).toBe('Xuất sắc');
    const data = call<SidebarData>('sidebarLoad()');
    expect(data.dashboard!.total).toBeCloseTo(HAND.total, 9);
    expect(data.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('the self-score far from the computed points is a reason in Lý do; the total stays computed', () => {
    const values = sheet.getDataRange().getValues();
    const reason = String(values[7][13]);
    expect(reason).toMatch(/Điểm tự chấm 2 khác điểm tính theo cách chấm 1,5 \(lệch 0,5 điểm\)/);
    // Within 10% of max: no flag (1,8 typed for 1,8).
    expect(String(values[5][13])).not.toMatch(/tự chấm/);
  });

  test('STT changed into running numbers: the formulas say what to change, nothing is overwritten', () => {
    sheet.getRange('A4:A10').setValues([[1], [2], [3], [4], [5], [6], [7]]);
    const result = call<{ ok: boolean; message: string }>('sidebarRecompute()');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/số thứ tự chạy/);
    expect(
      sheet
        .getRange('A4:A10')
        .getValues()
        .map((r) => r[0]),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
