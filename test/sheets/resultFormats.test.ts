// Set-up formats each Kết quả cell by its rule's kind (issue 10 point 2): percent for ratio rules, a date
// for HẠN; only cells without a format of the commune's own, and never one whose value it would misshow.
import { describe, test, expect } from '@jest/globals';
import { env, NOW } from '../support/env';
import { attachSheet, setupSample } from '../../src/server/setUpTab';
import { RESULT_DATE_FORMAT, RESULT_PERCENT_FORMAT, resultFormat } from '../../src/sheets/resultFormats';
import { sampleRows } from '../../src/sheets/sample';

describe('Kết quả formats by rule kind', () => {
  test.each([
    ['TỶ LỆ', RESULT_PERCENT_FORMAT],
    ['TỶ LỆ(80%); KPS: 0', RESULT_PERCENT_FORMAT],
    ['KHẢO SÁT', RESULT_PERCENT_FORMAT],
    ['MỨC(100%: 2; 80%: 1)', RESULT_PERCENT_FORMAT],
    ['HẠN(50%)', RESULT_DATE_FORMAT],
    ['MỨC(6: 2; 3: 1)', null],
    ['CÓ/KHÔNG', null],
    ['ĐẾM(0,25)', null],
    ['', null],
    ['XYZ', null],
  ])('%s → %s', (rule, format) => expect(resultFormat(rule)).toBe(format));

  test('the sample set-up formats ratio rows as percents and HẠN rows as dates, nothing else', () => {
    const standIn = env();
    expect(setupSample(NOW).ok).toBe(true);
    const sheet = standIn.sheet('Tiêu chí');
    const formats = sheet.getRange(5, 6, sampleRows().length, 1).getNumberFormats();
    sampleRows().forEach((row, i) => {
      const want = resultFormat(row.rule);
      if (want) expect({ code: row.code, f: formats[i][0] }).toEqual({ code: row.code, f: want });
      else
        expect({ code: row.code, f: formats[i][0] }).not.toEqual({
          code: row.code,
          f: RESULT_PERCENT_FORMAT,
        });
    });
  });

  test('a commune’s own format, and a value the format would misshow, are left alone', () => {
    const standIn = env();
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Bảng');
    sheet.getRange('A1:E5').setValues([
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả'],
      ['1', 'A', 2, 'TỶ LỆ', ''],
      ['2', 'B', 2, 'TỶ LỆ', 96.5],
      ['3', 'C', 2, 'TỶ LỆ', 0.8],
      ['4', 'D', 2, 'TỶ LỆ', ''],
    ]);
    sheet.getRange('E5').setNumberFormat('@');
    expect(attachSheet('Bảng', NOW).ok).toBe(true);
    expect(
      sheet
        .getRange('E2:E5')
        .getNumberFormats()
        .map((r) => r[0]),
    ).toEqual([
      RESULT_PERCENT_FORMAT,
      sheet.getRange('E3').getNumberFormat(), // 96,5 would read 9650%: unchanged (the rule reads it as 96,5%)
      RESULT_PERCENT_FORMAT,
      '@',
    ]);
    expect(sheet.getRange('E3').getNumberFormat()).not.toBe(RESULT_PERCENT_FORMAT);
    expect(sheet.getRange('E3:E4').getValues()).toEqual([[96.5], [0.8]]);
  });
});
