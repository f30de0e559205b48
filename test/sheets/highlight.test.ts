import { describe, test, expect } from '@jest/globals';
import { env } from './env';
import { applyHighlight, isOurFormula, removeHighlight, statusFormula, HIGHLIGHT_STYLES } from '../../src/sheets/highlight';

const area = { firstRow: 5, lastRow: 20, firstColumn: 1, lastColumn: 14, statusColumn: 13 };

describe('row colours', () => {
  test('our formula form is recognised exactly', () => {
    expect(statusFormula(16, 5, 'Mất điểm')).toBe('=$P5="Mất điểm"');
    expect(isOurFormula('=$P5="Mất điểm"')).toBe(true);
    expect(isOurFormula('=$AB12="Không áp dụng"')).toBe(true);
    expect(isOurFormula('=$P5="Xong"')).toBe(false);
    expect(isOurFormula('=P5="Đạt"')).toBe(false);
    expect(isOurFormula('=$P5="Đạt" ')).toBe(true);
    expect(isOurFormula(42)).toBe(false);
  });

  test('user rules kept and first; ours replaced, written only when different; removable', () => {
    const standIn = env();
    const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const user = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$B5>3')
      .setBackground('#123456')
      .setRanges([sheet.getRange('B5:B9')])
      .build();
    sheet.setConditionalFormatRules([user]);
    expect(applyHighlight(sheet, area)).toBe(true);
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual([
      '=$B5>3',
      ...HIGHLIGHT_STYLES.map((s) => `=$M5="${s.label}"`),
    ]);
    expect(applyHighlight(sheet, area)).toBe(false);
    // A user rule added after ours: ours move behind it so the user's keeps priority.
    const late = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#ffffff').setRanges([sheet.getRange('C5:C9')]).build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), late]);
    expect(applyHighlight(sheet, area)).toBe(true);
    const after = sheet.getConditionalFormatRules();
    expect(after[0].getBooleanCondition()!.getCriteriaValues()[0]).toBe('=$B5>3');
    expect(after[1].getBooleanCondition()!.getCriteriaType()).toBe('CELL_EMPTY');
    expect(after).toHaveLength(8);
    expect(applyHighlight(sheet, { ...area, lastRow: 30 })).toBe(true);
    expect(sheet.getConditionalFormatRules()[7].getRanges()[0].getA1Notation()).toBe('A5:N30');
    removeHighlight(sheet);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
  });
});
