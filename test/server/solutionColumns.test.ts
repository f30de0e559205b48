// Issue 14: attaching to a commune's own table offers the solution columns (asked first: the menu's Yes/No,
// the sidebar's checkbox). They go to the right of everything the tab holds over the table's rows, no column
// moves, nothing typed is overwritten, and the formulas and colours take them in at once.
import { describe, expect, test } from '@jest/globals';
import type { CellValue } from '../../src/core/types';
import { menuAttachActiveSheetAction, SOLUTION_COLUMNS_QUESTION } from '../../src/server/menuActions';
import { attachSheet } from '../../src/server/setUpTab';
import { BLOCK_LABELS } from '../../src/sheets/summaryBlock';
import { columnsContent, env, fill, NOW } from '../support/env';

const TABLE: CellValue[][] = [
  ['(bảng do xã tự lập)'],
  ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng', 'Ngành'],
  ['1', 'Công tác chỉ đạo', 4, '', '', '', ''],
  ['1.1', 'Kế hoạch', 1, 'CÓ/KHÔNG', 'Có', 'KH 1', 'VP-TK'],
  ['1.2', 'Báo cáo', 1.5, 'TỶ LỆ', '80%', 'BC 2', 'VP-TK'],
  ['1.3', 'Tuyên truyền', 1.5, 'ĐẾM(0,25)', 3, 'x', 'VH-XH'],
];

describe('the solution columns offered at attach', () => {
  test('a fresh table: the three columns right after it, the outputs after them, the rows flagged', () => {
    const standIn = env();
    fill(standIn, 'Bảng xã', TABLE);
    const before = columnsContent(standIn, 'Bảng xã', [1, 2, 3, 4, 5, 6, 7], 6);
    const result = attachSheet('Bảng xã', NOW, true);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Đã thêm cột Giải pháp (H2), Người thực hiện (I2), Hạn khắc phục (J2)');
    const sheet = standIn.sheet('Bảng xã');
    expect(columnsContent(standIn, 'Bảng xã', [1, 2, 3, 4, 5, 6, 7], 6)).toBe(before);
    expect(sheet.getRange('H2:M2').getValues()).toEqual([
      ['Giải pháp', 'Người thực hiện', 'Hạn khắc phục', 'Điểm', 'Trạng thái', 'Lý do'],
    ]);
    // The formula reads them; the losing rows (1.2 below target, 1.3 below max) have no solution yet.
    expect(sheet.getRange('K3').getFormula()).toContain(
      'IFERROR($H$3:$H$6,"#LỖI!"),IFERROR($J$3:$J$6,"#LỖI!")',
    );
    standIn.recalculate();
    expect(String(sheet.getRange('M5').getValue())).toMatch(/chưa có giải pháp$/);
    expect(String(sheet.getRange('M6').getValue())).toMatch(/chưa có giải pháp$/);
    expect(String(sheet.getRange('M4').getValue())).not.toContain('giải pháp');
    expect(standIn.formatAt("'Bảng xã'!H5").background).toBe('#d9d2e9');
    expect(standIn.formatAt("'Bảng xã'!H4").background).not.toBe('#d9d2e9');
    // A solution typed: the reason and the cue go.
    sheet.getRange('H5').setValue('Đôn đốc các thôn');
    standIn.recalculate();
    expect(String(sheet.getRange('M5').getValue())).not.toContain('giải pháp');
    expect(standIn.formatAt("'Bảng xã'!H5").background).not.toBe('#d9d2e9');
  });

  test('a tab already set up: the columns go right of the block, nothing moves or is overwritten', () => {
    const standIn = env();
    fill(standIn, 'Bảng xã', TABLE);
    expect(attachSheet('Bảng xã', NOW).ok).toBe(true);
    const sheet = standIn.sheet('Bảng xã');
    // Without asking (false) nothing is added.
    expect(sheet.getRange('H2').getValue()).toBe('Điểm');
    const width = sheet.getLastColumn();
    const blockColumn = sheet
      .getRange(1, 1, 10, width)
      .getValues()
      .map((r) => r.indexOf(BLOCK_LABELS.asOf))
      .find((c) => c >= 0)!;
    // The inputs and the block's labels (the output formula gains the new ranges, as it must).
    const kept = [1, 2, 3, 4, 5, 6, 7, blockColumn + 1];
    const before = columnsContent(standIn, 'Bảng xã', kept, 40);
    const result = attachSheet('Bảng xã', NOW, true);
    expect(result.ok).toBe(true);
    expect(columnsContent(standIn, 'Bảng xã', kept, 40)).toBe(before);
    expect(sheet.getRange('H3').getFormula()).toContain('$A$3:$A$6');
    const header = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0];
    const at = header.indexOf('Giải pháp') + 1;
    expect(at).toBeGreaterThan(blockColumn + 3);
    expect(header.slice(at - 1, at + 2)).toEqual(['Giải pháp', 'Người thực hiện', 'Hạn khắc phục']);
    standIn.recalculate();
    expect(String(sheet.getRange('J5').getValue())).toMatch(/chưa có giải pháp$/);
    // Attached again: nothing more is added.
    expect(attachSheet('Bảng xã', NOW, true).message).not.toContain('Đã thêm cột');
  });

  test('the menu asks first: No adds nothing, Yes adds them', () => {
    for (const answer of ['NO', 'YES'] as const) {
      const standIn = env();
      fill(standIn, 'Bảng xã', TABLE);
      standIn.sheet('Bảng xã').activate();
      standIn.ui.respond(answer);
      menuAttachActiveSheetAction();
      expect(standIn.ui.alerts[0]).toContain(SOLUTION_COLUMNS_QUESTION);
      const header = standIn.sheet('Bảng xã').getRange('A2:M2').getValues()[0];
      expect(header.includes('Giải pháp')).toBe(answer === 'YES');
    }
  });
});
