// IMPORTRANGE between stand-in spreadsheets (local/gas/drive.ts), as Google's help page describes it.
import { describe, test, expect } from '@jest/globals';
import { createStandIn, StandInDrive } from '../../local/gas/index';

function pair() {
  const drive = new StandInDrive();
  const source = createStandIn({ drive, spreadsheetName: 'Xã A' });
  const receiver = createStandIn({ drive, spreadsheetName: 'Tỉnh' });
  const src = source.globals.SpreadsheetApp.getActiveSpreadsheet();
  const data = src.insertSheet('Xuất');
  data.getRange(1, 1, 3, 2).setValues([
    ['Mã', 'Điểm'],
    ['1.1', 2],
    ['1.2', 0.5],
  ]);
  data.getRange('C2').setFormula('=B2+B3');
  src.getSheets()[0].getRange('A1').setValue('first tab');
  const dst = receiver.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return { drive, source, receiver, src, data, dst };
}

describe('IMPORTRANGE between stand-in spreadsheets', () => {
  test('#REF! until access is allowed; then the range spills and stays live', () => {
    const { drive, src, data, dst, receiver } = pair();
    dst.getRange('A1').setFormula(`=IMPORTRANGE("${src.getUrl()}","'Xuất'!A1:C3")`);
    expect(dst.getRange('A1').getValue()).toBe('#REF!');
    expect(receiver.errorAt('Sheet1!A1')).toMatch(/connect these sheets/);

    drive.allowAccess(receiver.globals.SpreadsheetApp.getActiveSpreadsheet(), src);
    expect(dst.getRange('A1:C3').getValues()).toEqual([
      ['Mã', 'Điểm', ''],
      [1.1, 2, 2.5],
      [1.2, 0.5, ''],
    ]);
    // An edit in the source (and what its formulas recompute) reaches the receiver on its next read.
    data.getRange('B3').setValue(1);
    expect(dst.getRange('B3:C3').getValues()).toEqual([[1, '']]);
    expect(dst.getRange('C2').getValue()).toBe(3);

    drive.revokeAccess(receiver.globals.SpreadsheetApp.getActiveSpreadsheet(), src);
    expect(dst.getRange('A1').getValue()).toBe('#REF!');
  });

  test('the key works as the URL does; no sheet name imports from the first sheet', () => {
    const { drive, src, dst, receiver } = pair();
    drive.allowAccess(receiver.globals.SpreadsheetApp.getActiveSpreadsheet(), src);
    dst.getRange('A1').setFormula(`=IMPORTRANGE("${src.getId()}","A1")`);
    expect(dst.getRange('A1').getValue()).toBe('first tab');
  });

  test('an unknown spreadsheet, a missing tab or a bad range is #REF!', () => {
    const { drive, src, dst, receiver } = pair();
    drive.allowAccess(receiver.globals.SpreadsheetApp.getActiveSpreadsheet(), src);
    dst.getRange('A1').setFormula('=IMPORTRANGE("https://docs.google.com/spreadsheets/d/nope/edit","A1")');
    dst.getRange('A2').setFormula(`=IMPORTRANGE("${src.getUrl()}","'Không có'!A1")`);
    dst.getRange('A3').setFormula(`=IMPORTRANGE("${src.getUrl()}","???")`);
    expect(dst.getRange('A1:A3').getValues()).toEqual([['#REF!'], ['#REF!'], ['#REF!']]);
    expect(receiver.errorAt('Sheet1!A1')).toMatch(/Could not find/);
  });

  test('without a Drive (a lone stand-in) IMPORTRANGE is #REF!', () => {
    const lone = createStandIn();
    const s = lone.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    s.getRange('A1').setFormula('=IMPORTRANGE("x","A1")');
    expect(s.getRange('A1').getValue()).toBe('#REF!');
  });
});
