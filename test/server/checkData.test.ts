// Kiểm tra dữ liệu (src/server/checkData.ts, problems.ts) through the menu and the sidebar.
import { describe, test, expect } from '@jest/globals';
import { env, NOW, fill, expectSheetMatchesCore } from '../support/env';
import { attachSheet } from '../../src/server/setUpTab';
import { checkData } from '../../src/server/checkData';
import { menuCheckDataAction } from '../../src/server/menuActions';
import { problemLine } from '../../src/server/problems';
import { selectCell } from '../../src/server/selectCell';
import { sidebarSelectCellAction } from '../../src/server/sidebarActions';

describe('check data', () => {
  const BAD = [
    ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Chỉ tiêu', 'Kết quả', 'Minh chứng', 'Hạn'],
    ['1', 'Lĩnh vực', 9, '', '', '', '', ''],
    ['1.1', 'chữ trong cột số', 'abc', 'CÓ/KHÔNG', '', 'Có', 'x', ''],
    ['1.2', 'dấu phẩy', 2, 'TỶ LỆ', '', "'0,5", 'x', ''],
    ['1.3', 'phần trăm dạng chữ', 2, 'MỨC(90%: 2)', '', "'95%", 'x', ''],
    ['1.4', 'ngày dạng chữ', 1, 'HẠN(50%)', "'31/01/2024", "'20/01/2024", 'x', "'31/01/2024"],
    ['1.5', 'để trống', 1, 'CÓ/KHÔNG', '', '', '', ''],
    ['1.6', 'lỗi #N/A', 1, 'TỶ LỆ', '', '#N/A', '', ''],
    ['1.6', 'mã trùng', 1, 'CÓ/KHÔNG', '', 'Có', 'x', ''],
    ['1.7', 'quy tắc lạ', 1, 'ABC(1)', '', 'Có', 'x', ''],
    ['1.8', 'chữ trong kết quả', 1, 'TỶ LỆ', '', 'nhiều', 'x', ''],
  ];

  test('bad inputs: a Vietnamese problem naming row, column and cell, with a fix; readable ones are read', () => {
    const standIn = env();
    fill(standIn, 'Tiêu chí', BAD);
    expect(attachSheet('Tiêu chí', NOW).ok).toBe(true);
    const result = checkData(NOW);
    const at = (a1: string) => result.problems.find((p) => p.a1 === a1);
    expect(at('C3')).toMatchObject({ row: 3, columnHeader: 'Điểm tối đa', severity: 'error' });
    expect(at('C3')!.message).toContain('"abc"');
    expect(at('F8')).toMatchObject({ row: 8, columnHeader: 'Kết quả', severity: 'error' });
    expect(at('F8')!.message).toContain('#N/A');
    expect(at('A9')).toMatchObject({ row: 9, columnHeader: 'Mã' });
    expect(at('A9')!.message).toContain('trùng');
    expect(at('D10')).toMatchObject({ row: 10, columnHeader: 'Cách chấm' });
    expect(at('D10')!.message).toContain('"ABC(1)"');
    expect(at('F11')!.message).toContain('"nhiều"');
    for (const a1 of ['C3', 'F8', 'A9', 'D10', 'F11']) {
      expect(at(a1)!.fix.length).toBeGreaterThan(5);
      expect(problemLine(at(a1)!)).toMatch(new RegExp(`^✖ Dòng \\d+, cột .+ \\(${a1}\\): `));
    }
    // "0,5", "95%", dates as text and blanks are read, not flagged.
    for (const a1 of ['F4', 'F5', 'F6', 'E6', 'H6', 'F7']) expect(at(a1)).toBeUndefined();
    const rows = result.evaluation!.rows;
    expect(rows.find((r) => r.row === 4)!.score).toBeCloseTo(1, 9); // 0,5 of 100% × 2
    expect(rows.find((r) => r.row === 5)!.score).toBe(2);
    expect(rows.find((r) => r.row === 6)!.score).toBe(1);
    // Sorted by row; the sheet is also scored live, and its formulas agree with the core even with a
    // repeated code (the repeat counts in neither).
    const numbered = result.problems.filter((p) => p.row !== null).map((p) => p.row!);
    expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
    expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
  });

  test('the menu shows the problems in a dialog, the sidebar selects their cell', () => {
    const standIn = env();
    fill(standIn, 'Tiêu chí', BAD);
    attachSheet('Tiêu chí', NOW);
    menuCheckDataAction();
    const alert = standIn.ui.alerts.at(-1)!;
    expect(alert).toContain('Dòng 3, cột Điểm tối đa (C3)');
    expect(alert).toContain('Dòng 10, cột Cách chấm (D10)');
    const selected = sidebarSelectCellAction(10, 'rule');
    expect(selected).toEqual({ ok: true, message: 'Đã chọn D10.' });
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('D10');
    expect(selectCell(3, 'Điểm tối đa').ok).toBe(true);
    expect(ss.getActiveRange()!.getA1Notation()).toBe('C3');
    expect(selectCell(7, 6).ok).toBe(true);
    expect(ss.getActiveRange()!.getA1Notation()).toBe('F7');
    expect(selectCell(5, null).ok).toBe(true);
    expect(selectCell(0, 'rule').ok).toBe(false);
    expect(selectCell(5, 'không có').message).toContain('Không tìm thấy cột');
  });

  test('problems of the sheet itself: repeated header, output cells typed over', () => {
    const standIn = env();
    fill(standIn, 'Tiêu chí', [
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Kết quả'],
      ['1', 'A', 1, 'CÓ/KHÔNG', 'Có', ''],
    ]);
    attachSheet('Tiêu chí', NOW);
    standIn.sheet('Tiêu chí').getRange('I2').setValue('sửa tay');
    const result = checkData(NOW);
    expect(result.problems.some((p) => p.message.includes('xuất hiện hai lần'))).toBe(true);
    expect(result.problems.find((p) => p.a1 === 'I2')?.severity).toBe('error');
  });
});
