import { describe, expect, test } from '@jest/globals';
import { createStandIn } from '../../local/gas/index';

describe('call counter', () => {
  test('counts every call by Class.method', () => {
    const standIn = createStandIn();
    const { SpreadsheetApp, PropertiesService } = standIn.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    PropertiesService.getDocumentProperties().getProperty('x');
    expect(standIn.calls.byMethod()).toEqual({
      'Properties.getProperty': 1,
      'PropertiesService.getDocumentProperties': 1,
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getActiveSheet': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(standIn.calls.total()).toBe(8);
    expect(standIn.calls.total('Spreadsheet')).toBe(6);
    expect(standIn.calls.total('Properties')).toBe(2);
  });

  test("'Spreadsheet' includes rule builders, rules and validations", () => {
    const standIn = createStandIn();
    const { SpreadsheetApp } = standIn.globals;
    const sheet = SpreadsheetApp.getActiveSheet();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('x')
      .setBackground('#fff')
      .setRanges([sheet.getRange('A1')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const byMethod = standIn.calls.byMethod();
    expect(byMethod['ConditionalFormatRuleBuilder.whenTextEqualTo']).toBe(1);
    expect(byMethod['ConditionalFormatRuleBuilder.build']).toBe(1);
    expect(byMethod['Sheet.setConditionalFormatRules']).toBe(1);
    expect(standIn.calls.total('Spreadsheet')).toBe(standIn.calls.total());
  });

  test('internal work is not counted: a multi-cell write is one call; reset and since', () => {
    const standIn = createStandIn();
    const sheet = standIn.globals.SpreadsheetApp.getActiveSheet();
    const before = standIn.calls.snapshot();
    sheet.getRange(1, 1, 1000, 5).setValues(Array.from({ length: 1000 }, () => [1, 2, 3, 4, 5]));
    sheet.appendRow(['a']); // appendRow writes through a range internally
    expect(standIn.calls.since(before)).toEqual({
      total: 3,
      byService: { Spreadsheet: 3 },
      byMethod: { 'Range.setValues': 1, 'Sheet.appendRow': 1, 'Sheet.getRange': 1 },
    });
    standIn.calls.reset();
    expect(standIn.calls.total()).toBe(0);
    expect(standIn.calls.byMethod()).toEqual({});
  });

  test('reading test hooks is not counted', () => {
    const standIn = createStandIn();
    standIn.globals.SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1);
    standIn.calls.reset();
    standIn.recalculate();
    standIn.formatAt('A1');
    standIn.errorAt('A1');
    void standIn.properties.document.get('x');
    expect(standIn.calls.total()).toBe(0);
  });
});
