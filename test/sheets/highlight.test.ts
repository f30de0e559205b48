import { describe, test, expect } from '@jest/globals';
import { env } from '../support/env';
import {
  applyHighlight,
  isOurFormula,
  removeHighlight,
  statusFormula,
  HIGHLIGHT_STYLES,
} from '../../src/sheets/highlight';

const area = { firstRow: 5, lastRow: 20, firstColumn: 1, lastColumn: 14, statusColumn: 13 };

/** A user's rule (empty cells in C5:C9 white) added after the rules already on the sheet. */
function appendUserRule(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const late = SpreadsheetApp.newConditionalFormatRule()
    .whenCellEmpty()
    .setBackground('#ffffff')
    .setRanges([sheet.getRange('C5:C9')])
    .build();
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), late]);
}

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
    expect(applyHighlight(sheet, area).wrote).toBe(true);
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual([
      '=$B5>3',
      ...HIGHLIGHT_STYLES.map((s) => `=$M5="${s.label}"`),
    ]);
    expect(applyHighlight(sheet, area).wrote).toBe(false);
    // A user rule added after ours: ours move behind it so the user's keeps priority.
    appendUserRule(sheet);
    expect(applyHighlight(sheet, area).wrote).toBe(true);
    const after = sheet.getConditionalFormatRules();
    expect(after[0].getBooleanCondition()!.getCriteriaValues()[0]).toBe('=$B5>3');
    expect(after[1].getBooleanCondition()!.getCriteriaType()).toBe('CELL_EMPTY');
    expect(after).toHaveLength(2 + HIGHLIGHT_STYLES.length);
    expect(applyHighlight(sheet, { ...area, lastRow: 30 }).wrote).toBe(true);
    expect(sheet.getConditionalFormatRules()[2].getRanges()[0].getA1Notation()).toBe('A5:N30');
    removeHighlight(sheet);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
  });

  test('with a mark that still fits: one call, no rule inspected, nothing written', () => {
    const standIn = env();
    const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const first = applyHighlight(sheet, area);
    expect(first).toMatchObject({ wrote: true, mark: { count: HIGHLIGHT_STYLES.length } });
    standIn.calls.reset();
    expect(applyHighlight(sheet, area, first.mark)).toEqual({ wrote: false, mark: first.mark });
    expect(standIn.calls.byMethod()).toEqual({ 'Sheet.getConditionalFormatRules': 1 });
    // Another area (the table grew): the mark no longer fits, ours are rewritten.
    const grown = applyHighlight(sheet, { ...area, lastRow: 40 }, first.mark);
    expect(grown.wrote).toBe(true);
    expect(grown.mark.key).not.toBe(first.mark.key);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A5:N40');
  });

  test('a mark with another count (a rule added or deleted in the UI): every rule is checked again', () => {
    const standIn = env();
    const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const { mark } = applyHighlight(sheet, area);
    // A user rule appended after ours.
    appendUserRule(sheet);
    const after = applyHighlight(sheet, area, mark);
    expect(after).toMatchObject({ wrote: true, mark: { key: mark.key, count: HIGHLIGHT_STYLES.length + 1 } });
    expect(sheet.getConditionalFormatRules()[0].getBooleanCondition()!.getCriteriaType()).toBe('CELL_EMPTY');
    // One of ours deleted.
    sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().filter((_, i) => i !== 3));
    expect(applyHighlight(sheet, area, after.mark)).toMatchObject({
      wrote: true,
      mark: { count: HIGHLIGHT_STYLES.length + 1 },
    });
    expect(
      sheet
        .getConditionalFormatRules()
        .slice(1)
        .map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]),
    ).toEqual(HIGHLIGHT_STYLES.map((s) => `=$M5="${s.label}"`));
    // A stale mark whose count happens to fit but describes other rules: the full check finds them right.
    expect(applyHighlight(sheet, area, { key: 'old', count: HIGHLIGHT_STYLES.length + 1 })).toEqual({
      wrote: false,
      mark: after.mark,
    });
  });
});
