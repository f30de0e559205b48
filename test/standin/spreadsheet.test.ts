import { describe, expect, test } from '@jest/globals';
import { createStandIn } from '../../local/gas/index';

const NOW = new Date('2025-03-15T03:00:00Z'); // 10:00 in Hà Nội

function setUp() {
  const standIn = createStandIn({ now: () => NOW });
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  return { standIn, ss, sheet };
}

describe('Spreadsheet', () => {
  test('starts with one 1000 × 26 sheet named Sheet1', () => {
    const { ss, sheet } = setUp();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });

  test('insertSheet with a name that exists throws like Apps Script, whatever the case', () => {
    const { ss } = setUp();
    ss.insertSheet('Tiêu chí');
    expect(() => ss.insertSheet('Tiêu chí')).toThrow(
      'A sheet with the name "Tiêu chí" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('TIÊU CHÍ')).toThrow('already exists');
  });

  test('insertSheet puts the sheet at the index, makes it active; deleteSheet removes it', () => {
    const { ss } = setUp();
    const a = ss.insertSheet('A', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'Sheet1']);
    expect(ss.getActiveSheet().getName()).toBe('A');
    expect(a.getIndex()).toBe(1);
    ss.deleteSheet(a);
    expect(ss.getSheetByName('A')).toBeNull();
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow("You can't remove all the sheets");
  });

  test('getRange with a sheet-qualified A1 reference', () => {
    const { ss } = setUp();
    ss.insertSheet('Tiêu chí').getRange('B2').setValue('x');
    const range = ss.getRange("'Tiêu chí'!B2:C3");
    expect(range.getSheet().getName()).toBe('Tiêu chí');
    expect(range.getA1Notation()).toBe('B2:C3');
    expect(range.getValues()).toEqual([
      ['x', ''],
      ['', ''],
    ]);
    expect(() => ss.getRange('Nowhere!A1')).toThrow('Range not found');
  });

  test('named ranges', () => {
    const { ss, sheet } = setUp();
    ss.setNamedRange('AS_OF', sheet.getRange('B2'));
    expect(ss.getRangeByName('AS_OF')!.getA1Notation()).toBe('B2');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['AS_OF']);
    expect(ss.getRangeByName('missing')).toBeNull();
  });

  test('toast is recorded', () => {
    const { standIn, ss } = setUp();
    ss.toast('Đã tính xong', 'CCHC', 3);
    expect(standIn.ui.toasts).toEqual([{ message: 'Đã tính xong', title: 'CCHC', timeoutSeconds: 3 }]);
  });
});

describe('Range values', () => {
  test("setValues with the wrong number of rows or columns throws Apps Script's message", () => {
    const { sheet } = setUp();
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3, 4], [5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('getValues returns Date objects for date cells, copies that cannot change the sheet', () => {
    const { sheet } = setUp();
    const date = new Date('2025-06-30T17:00:00Z'); // 1 July in Hà Nội
    sheet.getRange('A1').setValue(date);
    const read = sheet.getRange('A1').getValues()[0]![0] as Date;
    expect(read).toBeInstanceOf(Date);
    expect(read.getTime()).toBe(date.getTime());
    read.setFullYear(2000);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(date.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01/07/2025');
  });

  test('strings are read like typed input: numbers, percents, booleans, dd/mm/yyyy dates', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:E1').setValues([['1.10', '95%', 'TRUE', '15/03/2025', '007']]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row!.slice(0, 3)).toEqual([1.1, 0.95, true]);
    expect(row![3]).toBeInstanceOf(Date);
    expect(row![4]).toBe(7);
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0%');
  });

  test('the text format "@" and a leading apostrophe keep text as written', () => {
    const { sheet } = setUp();
    sheet.getRange('A1').setNumberFormat('@');
    sheet.getRange('A1').setValue('1.10');
    sheet.getRange('B1').setValue("'=SUM(1)");
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['1.10', '=SUM(1)']]);
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  test('setValue of a string starting with "=" stores a formula', () => {
    const { sheet } = setUp();
    sheet.getRange('A1').setValue('=1+2');
    expect(sheet.getRange('A1').getFormula()).toBe('=1+2');
    expect(sheet.getRange('A1').getValue()).toBe(3);
  });

  test('numbers, booleans and empty cells round-trip; reading beyond the data gives ""', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:C1').setValues([[0.5, false, '']]);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      [0.5, false, '', ''],
      ['', '', '', ''],
    ]);
  });

  test('getRange outside the sheet throws; insertRowsAfter grows it', () => {
    const { sheet } = setUp();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
  });

  test('insertRowsAfter shifts the rows below', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, '', '', 2, 3]);
  });

  test('getLastRow/getLastColumn/getDataRange follow the content', () => {
    const { sheet } = setUp();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C7').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });

  test('appendRow writes after the last row and grows a full sheet', () => {
    const { sheet } = setUp();
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['new', 2]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001:B1001').getValues()).toEqual([['new', 2]]);
  });

  test('offset, getCell and A1 notation', () => {
    const { sheet } = setUp();
    const r = sheet.getRange('B2:D4');
    expect(r.offset(1, 1, 1, 1).getA1Notation()).toBe('C3');
    expect(r.getCell(3, 3).getA1Notation()).toBe('D4');
    expect(sheet.getRange('A5:A').getA1Notation()).toBe('A5:A1000');
    expect([
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
      r.getLastRow(),
      r.getLastColumn(),
    ]).toEqual([2, 2, 3, 3, 4, 4]);
  });

  test('clearContent keeps formats; clear removes both', () => {
    const { sheet } = setUp();
    const r = sheet.getRange('A1');
    r.setValue(5).setBackground('#FF0000');
    r.clearContent();
    expect([r.getValue(), r.getBackground()]).toEqual(['', '#ff0000']);
    r.setValue(5);
    r.clear();
    expect([r.getValue(), r.getBackground()]).toEqual(['', '#ffffff']);
  });
});

describe('Range display values', () => {
  test('number formats', () => {
    const { sheet } = setUp();
    const cases: [number, string, string][] = [
      [1.5, '0.00', '1.50'],
      [0.956, '0%', '96%'],
      [0.956, '0.0%', '95.6%'],
      [1234567.891, '#,##0.00', '1,234,567.89'],
      [0.30000000000000004, '0.###############', '0.3'],
      [2.25, '0.##', '2.25'],
    ];
    for (const [i, [value, format, shown]] of cases.entries()) {
      const cell = sheet.getRange(i + 1, 1);
      cell.setNumberFormat(format);
      cell.setValue(value);
      expect(cell.getDisplayValue()).toBe(shown);
    }
  });

  test('general format, booleans and dates', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:C1').setValues([[0.1 + 0.2, true, new Date('2025-03-14T17:00:00Z')]]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['0.3', 'TRUE', '15/03/2025']]);
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('2025-03-15');
  });

  test('a vi_VN spreadsheet (a Vietnamese commune’s) shows a decimal comma and a grouping dot; en_GB as before', () => {
    const vi = createStandIn({ now: () => NOW, locale: 'vi_VN' });
    const ss = vi.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
    expect(setUp().ss.getSpreadsheetLocale()).toBe('en_GB');
    const sheet = ss.getActiveSheet();
    const cases: [number | Date, string | null, string, string][] = [
      [7.25, null, '7,25', '7.25'],
      [71.11, '0.00', '71,11', '71.11'],
      [0.7219, '0.00%', '72,19%', '72.19%'],
      [0.956, '0.0%', '95,6%', '95.6%'],
      [1234567.891, '#,##0.00', '1.234.567,89', '1,234,567.89'],
      [-1.5, '0.00;(0.00)', '(1,50)', '(1.50)'],
      [1.5, '0.00 "đ."', '1,50 đ.', '1.50 đ.'], // a literal keeps its own dot
      [new Date('2025-03-14T17:00:00Z'), null, '15/03/2025', '15/03/2025'],
    ];
    const en = setUp().sheet;
    for (const [i, [value, format, vn, gb]] of cases.entries()) {
      for (const [target, want] of [
        [sheet, vn],
        [en, gb],
      ] as const) {
        const cell = target.getRange(i + 1, 1);
        if (format) cell.setNumberFormat(format);
        cell.setValue(value);
        expect(cell.getDisplayValue()).toBe(want);
      }
    }
    // Values are numbers either way; only what is shown changes.
    expect(sheet.getRange('A1').getValue()).toBe(7.25);
    // A number turned into text by a formula takes the locale's mark too (the export's area column reads
    // a code Sheets holds as a number that way, decimal comma included).
    sheet.getRange('B1').setFormula('=A1&""');
    expect(sheet.getRange('B1').getValue()).toBe('7,25');
    en.getRange('B1').setFormula('=A1&""');
    expect(en.getRange('B1').getValue()).toBe('7.25');
    expect(() => createStandIn({ locale: 'xx_YY' })).toThrow(/Unknown spreadsheet locale: xx_YY/);
  });

  test('a number under a date format reads as a Date; a Date under a number format as its serial', () => {
    const { sheet } = setUp();
    sheet.getRange('A1').setValue(45731); // 15/03/2025
    sheet.getRange('A1').setNumberFormat('dd/mm/yyyy');
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('15/03/2025');
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1').getValue()).toBe(45731);
  });
});

describe('Range formats', () => {
  test('backgrounds, font colours, weights, notes are per cell', () => {
    const { sheet } = setUp();
    const r = sheet.getRange('A1:B1');
    r.setBackgrounds([['#f00', null]])
      .setFontColors([['#00ff00', '#000000']])
      .setFontWeights([['bold', 'normal']]);
    r.setNotes([['note', '']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(r.getFontColors()).toEqual([['#00ff00', '#000000']]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(r.getNotes()).toEqual([['note', '']]);
  });

  test('alignment, wrap and number formats are recorded', () => {
    const { standIn, sheet } = setUp();
    const r = sheet.getRange('A1:A2');
    r.setHorizontalAlignment('center').setVerticalAlignment('top').setWrap(true).setNumberFormat('0.00');
    expect([r.getHorizontalAlignment(), r.getVerticalAlignment(), r.getWrap()]).toEqual([
      'center',
      'top',
      true,
    ]);
    expect(r.getWrapStrategy()).toBe(standIn.globals.SpreadsheetApp.WrapStrategy.WRAP);
    expect(r.getNumberFormats()).toEqual([['0.00'], ['0.00']]);
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0.###############');
  });
});

describe('Sheet', () => {
  test('frozen rows, column widths, tab colour, hidden columns', () => {
    const { sheet } = setUp();
    sheet.setFrozenRows(4);
    sheet.setColumnWidth(2, 300).setColumnWidths(3, 2, 50).setTabColor('#123456');
    sheet.hideColumns(5, 2);
    expect(sheet.getFrozenRows()).toBe(4);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([
      100, 300, 50,
    ]);
    expect(sheet.getTabColor()).toBe('#123456');
    expect([sheet.isColumnHiddenByUser(5), sheet.isColumnHiddenByUser(7)]).toEqual([true, false]);
  });

  test('setName refuses a name another sheet has', () => {
    const { ss, sheet } = setUp();
    ss.insertSheet('Other');
    expect(() => sheet.setName('Other')).toThrow('already exists');
    sheet.setName('Renamed');
    expect(ss.getSheetByName('Renamed')).not.toBeNull();
  });

  test('protect() returns the existing sheet protection; getProtections lists it', () => {
    const { standIn, sheet, ss } = setUp();
    const { ProtectionType } = standIn.globals.SpreadsheetApp;
    const p = sheet.protect().setDescription('Cột do add-in ghi').setWarningOnly(true);
    expect(sheet.protect().getDescription()).toBe('Cột do add-in ghi');
    sheet.getRange('P5:R10').protect().setDescription('outputs');
    expect(sheet.getProtections(ProtectionType.SHEET)).toHaveLength(1);
    expect(ss.getProtections(ProtectionType.RANGE).map((x) => x.getRange().getA1Notation())).toEqual([
      'P5:R10',
    ]);
    expect(p.isWarningOnly()).toBe(true);
    p.remove();
    expect(sheet.getProtections(ProtectionType.SHEET)).toHaveLength(0);
  });

  test('charts are recorded with their type, ranges, position and options', () => {
    const { standIn, sheet } = setUp();
    const chart = sheet
      .newChart()
      .setChartType(standIn.globals.Charts.ChartType.BAR)
      .addRange(sheet.getRange('A1:B8'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Điểm theo lĩnh vực')
      .build();
    sheet.insertChart(chart);
    const [saved] = sheet.getCharts();
    expect(saved!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B8']);
    expect(saved!.getOptions().get('title')).toBe('Điểm theo lĩnh vực');
    expect(saved!.getContainerInfo().getAnchorColumn()).toBe(5);
    sheet.removeChart(saved!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('Conditional format rules', () => {
  function rule(
    standIn: ReturnType<typeof setUp>['standIn'],
    range: GoogleAppsScript.Spreadsheet.Range,
    formula: string,
    color: string,
  ) {
    return standIn.globals.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(color)
      .setRanges([range])
      .build();
  }

  test('setConditionalFormatRules replaces the whole list', () => {
    const { standIn, sheet } = setUp();
    const range = sheet.getRange('A5:R20');
    sheet.setConditionalFormatRules([
      rule(standIn, range, '=$P5="Mất điểm"', '#f4cccc'),
      rule(standIn, range, '=$P5="Đạt"', '#d9ead3'),
    ]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.setConditionalFormatRules([rule(standIn, range, '=$P5="Nguy cơ"', '#fff2cc')]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$P5="Nguy cơ"']);
  });

  test('rules expose criteria type, values, colours and ranges', () => {
    const { standIn, sheet } = setUp();
    const { SpreadsheetApp } = standIn.globals;
    const built = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('Lỗi')
      .setFontColor('#CC0000')
      .setBold(true)
      .setRanges([sheet.getRange('P5:P20')])
      .build();
    const condition = built.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO);
    expect(condition.getCriteriaValues()).toEqual(['Lỗi']);
    expect([condition.getFontColor(), condition.getBackground(), condition.getBold()]).toEqual([
      '#cc0000',
      null,
      true,
    ]);
    expect(built.getRanges().map((r) => r.getA1Notation())).toEqual(['P5:P20']);
    expect(built.copy().whenNumberLessThan(3).build().getBooleanCondition()!.getCriteriaType()).toBe(
      SpreadsheetApp.BooleanCriteria.NUMBER_LESS_THAN,
    );
  });

  test('formatAt paints a row by a custom formula with a relative row, first matching rule wins', () => {
    const { standIn, sheet } = setUp();
    sheet.getRange('P5:P7').setValues([['Mất điểm'], ['Đạt'], ['']]);
    const range = sheet.getRange('A5:R7');
    sheet.setConditionalFormatRules([
      rule(standIn, range, '=$P5="Mất điểm"', '#f4cccc'),
      rule(standIn, range, '=$P5<>""', '#d9ead3'),
    ]);
    expect(standIn.formatAt('A5').background).toBe('#f4cccc');
    expect(standIn.formatAt('C6').background).toBe('#d9ead3');
    expect(standIn.formatAt('C7')).toMatchObject({ background: '#ffffff', ruleIndex: -1 });
  });
});

describe('Data validation', () => {
  test('builder and getters', () => {
    const { standIn, sheet } = setUp();
    const { SpreadsheetApp } = standIn.globals;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['Có', 'Không', 'Không áp dụng'], true)
      .setAllowInvalid(false)
      .setHelpText('Chọn trong danh sách')
      .build();
    sheet.getRange('F5:F7').setDataValidation(rule);
    const read = sheet.getRange('F6').getDataValidation()!;
    expect(read.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaValues()).toEqual([['Có', 'Không', 'Không áp dụng'], true]);
    expect([read.getAllowInvalid(), read.getHelpText()]).toEqual([false, 'Chọn trong danh sách']);
    expect(sheet.getRange('F8').getDataValidation()).toBeNull();
    const dates = SpreadsheetApp.newDataValidation().requireDate().build();
    const numbers = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build();
    sheet.getRange('G1:H1').setDataValidations([[dates, numbers]]);
    expect(
      sheet
        .getRange('G1:H1')
        .getDataValidations()
        .map((row) => row.map((v) => v!.getCriteriaType())),
    ).toEqual([
      [
        SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE,
        SpreadsheetApp.DataValidationCriteria.NUMBER_BETWEEN,
      ],
    ]);
  });
});

describe('Ui', () => {
  test('menus, sidebars, dialogs and alerts are recorded', () => {
    const { standIn } = setUp();
    const { SpreadsheetApp, HtmlService } = standIn.globals;
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('Mở bảng điều khiển', 'menuShowSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Khác').addItem('Giới thiệu', 'menuAbout'))
      .addToUi();
    expect(standIn.ui.menus).toHaveLength(1);
    expect(standIn.ui.menus[0]!.items).toEqual([
      { caption: 'Mở bảng điều khiển', functionName: 'menuShowSidebar' },
      { caption: 'Giới thiệu', functionName: 'menuAbout' },
    ]);
    ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('CCHC'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>report</p>').setWidth(600).setHeight(400), 'Báo cáo');
    expect(standIn.ui.sidebars).toEqual([{ title: 'CCHC', html: '<p>hi</p>', width: 0 }]);
    expect(standIn.ui.dialogs[0]).toMatchObject({ title: 'Báo cáo', modal: true, width: 600, height: 400 });
    standIn.ui.respond('NO');
    expect(ui.alert('Gửi email?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Xong')).toBe(ui.Button.OK);
    expect(standIn.ui.alerts).toEqual(['Gửi email?', 'Xong']);
  });

  test('getUi is refused in a time-driven trigger, as Apps Script does', () => {
    const { standIn } = setUp();
    expect(() => standIn.run('trigger', () => standIn.globals.SpreadsheetApp.getUi())).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});
