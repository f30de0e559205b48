import { describe, expect, test } from '@jest/globals';
import { createStandIn } from '../../local/gas/index';

function setUp(fns: Record<string, (...args: unknown[]) => unknown> = {}) {
  const standIn = createStandIn({ now: () => new Date('2025-03-15T03:00:00Z') });
  standIn.setCustomFunctions(fns);
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { standIn, ss, sheet: ss.getActiveSheet() };
}

const double = (x: unknown): unknown =>
  Array.isArray(x) ? x.map((row: unknown[]) => row.map((v) => Number(v) * 2)) : Number(x) * 2;

describe('formula engine: arguments', () => {
  test('a range arrives as a 2-D array (rows × columns) with "" for empty cells; a cell as its value', () => {
    const seen: unknown[][] = [];
    const { sheet } = setUp({ PROBE: (...args: unknown[]) => (seen.push(args), 'ok') });
    sheet.getRange('A1:B2').setValues([
      [1, 'x'],
      ['', true],
    ]);
    sheet.getRange('A3').setValue(new Date('2025-01-01T00:00:00+07:00'));
    sheet.getRange('D1').setFormula('=PROBE(A1:B2; B1; A3; 2.5; "lit")');
    expect(sheet.getRange('D1').getValue()).toBe('ok');
    const [args] = seen;
    expect(args![0]).toEqual([
      [1, 'x'],
      ['', true],
    ]);
    expect(args![1]).toBe('x');
    expect(args![2]).toBeInstanceOf(Date);
    expect(args!.slice(3)).toEqual([2.5, 'lit']);
  });

  test('absolute references, open ranges and other sheets', () => {
    const seen: unknown[][] = [];
    const { ss, sheet } = setUp({ PROBE: (...args: unknown[]) => (seen.push(args), 1) });
    const other = ss.insertSheet('Tiêu chí');
    other.getRange('B2:C3').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('P2').setValue(9);
    sheet.getRange('A5:A7').setValues([[1], [2], [3]]);
    sheet.getRange('D1').setFormula("=PROBE('Tiêu chí'!B2:C3, $P$2, A5:A)");
    sheet.getRange('D1').getValue();
    expect(seen[0]![0]).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(seen[0]![1]).toBe(9);
    expect((seen[0]![2] as unknown[][]).length).toBe(996); // A5:A1000
    expect((seen[0]![2] as unknown[][]).slice(0, 4)).toEqual([[1], [2], [3], ['']]);
  });

  test('function names are case-insensitive; nested calls work', () => {
    const { sheet } = setUp({ DOUBLE: double });
    sheet.getRange('A1').setValue(2);
    sheet.getRange('B1').setFormula('=double(DOUBLE(A1))');
    expect(sheet.getRange('B1').getValue()).toBe(8);
  });
});

describe('formula engine: results', () => {
  test('a 2-D array spills down and right from the formula cell', () => {
    const { sheet } = setUp({ DOUBLE: double });
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('D1').setFormula('=DOUBLE(A1:B2)');
    expect(sheet.getRange('D1:E2').getValues()).toEqual([
      [2, 4],
      [6, 8],
    ]);
    expect(sheet.getRange('D1:E2').getFormulas()).toEqual([
      ['=DOUBLE(A1:B2)', ''],
      ['', ''],
    ]);
    expect(sheet.getLastColumn()).toBe(5);
  });

  test('a 1-D array fills a column', () => {
    const { sheet } = setUp({ LIST: () => ['a', 'b', 'c'] });
    sheet.getRange('A1').setFormula('=LIST()');
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['a', 'b', 'c']);
  });

  test('a spill blocked by a value shows #REF! with the message Sheets gives; it spills again once cleared', () => {
    const { standIn, sheet } = setUp({ DOUBLE: double });
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=DOUBLE(A1:A3)');
    sheet.getRange('B3').setValue('typed');
    expect(sheet.getRange('B1:B3').getValues().flat()).toEqual(['#REF!', '', 'typed']);
    expect(standIn.errorAt('B1')).toBe(
      'Array result was not expanded because it would overwrite data in B3.',
    );
    sheet.getRange('B3').clearContent();
    expect(sheet.getRange('B1:B3').getValues().flat()).toEqual([2, 4, 6]);
    expect(standIn.errorAt('B1')).toBeNull();
  });

  test('a spill past the bottom of the sheet is #REF!', () => {
    const { standIn, sheet } = setUp({ MANY: () => Array.from({ length: 5 }, (_, i) => [i]) });
    sheet.getRange('A998').setFormula('=MANY()');
    expect(sheet.getRange('A998').getValue()).toBe('#REF!');
    expect(standIn.errorAt('A998')).toBe(
      'Result was not automatically expanded, please insert more rows (2).',
    );
  });

  test('an error thrown by a custom function shows #ERROR! and keeps its message', () => {
    const { standIn, sheet } = setUp({
      FAIL: () => {
        throw new Error('Giá trị "abc" không phải là số');
      },
    });
    sheet.getRange('C3').setFormula('=FAIL()');
    expect(sheet.getRange('C3').getValue()).toBe('#ERROR!');
    expect(sheet.getRange('C3').getDisplayValue()).toBe('#ERROR!');
    expect(standIn.errorAt('C3')).toBe('Giá trị "abc" không phải là số');
  });

  test('an unknown function is #NAME?; a bad formula #ERROR! (parse error)', () => {
    const { standIn, sheet } = setUp();
    sheet.getRange('A1').setFormula('=NOPE(1)');
    sheet.getRange('A2').setFormula('=SUM(1;');
    expect(sheet.getRange('A1:A2').getValues().flat()).toEqual(['#NAME?', '#ERROR!']);
    expect(standIn.errorAt('A1')).toBe("Unknown function: 'NOPE'.");
    expect(standIn.errorAt('A2')).toBe('Formula parse error.');
  });

  test('null/undefined give an empty cell; NaN gives #NUM!; Dates stay Dates', () => {
    const { sheet } = setUp({
      NOTHING: () => undefined,
      BAD: () => NaN,
      WHEN: () => new Date('2025-01-02T00:00:00+07:00'),
    });
    sheet.getRange('A1:A3').setFormulas([['=NOTHING()'], ['=BAD()'], ['=WHEN()']]);
    const [[a], [b], [c]] = sheet.getRange('A1:A3').getValues() as unknown[][];
    expect([a, b]).toEqual(['', '#NUM!']);
    expect(c).toBeInstanceOf(Date);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('02/01/2025');
  });

  test('volatile arguments are refused like Sheets does', () => {
    const { standIn, sheet } = setUp({ DOUBLE: double });
    sheet.getRange('A1').setFormula('=DOUBLE(TODAY())');
    sheet.getRange('B1').setFormula('=NOW()');
    sheet.getRange('C1').setFormula('=DOUBLE(B1)');
    expect(sheet.getRange('A1').getValue()).toBe('Loading...');
    expect(sheet.getRange('C1').getValue()).toBe('#ERROR!');
    expect(standIn.errorAt('C1')).toContain('not allowed to reference a cell with NOW()');
  });
});

describe('formula engine: order and recalculation', () => {
  test('formulas reading other formulas and spilled cells are evaluated in dependency order', () => {
    const calls: string[] = [];
    const { sheet } = setUp({
      DOUBLE: (x: unknown) => (calls.push('DOUBLE'), double(x)),
      TOTAL: (x: unknown) => (
        calls.push('TOTAL'),
        (x as number[][]).flat().reduce((a, b) => a + Number(b || 0), 0)
      ),
    });
    // The reader sits above and left of the writer, so row-major order alone would read too early.
    sheet.getRange('A1').setFormula('=TOTAL(C3:C5)');
    sheet.getRange('B3:B5').setValues([[1], [2], [3]]);
    sheet.getRange('C3').setFormula('=DOUBLE(B3:B5)');
    expect(sheet.getRange('A1').getValue()).toBe(12);
    expect(calls).toEqual(['DOUBLE', 'TOTAL']);
  });

  test('a chain across sheets', () => {
    const { ss, sheet } = setUp({ DOUBLE: double });
    const other = ss.insertSheet('Other');
    other.getRange('A1').setFormula('=DOUBLE(Sheet1!A2)');
    sheet.getRange('A1').setValue(5);
    sheet.getRange('A2').setFormula('=DOUBLE(A1)');
    expect(other.getRange('A1').getValue()).toBe(20);
  });

  test('a circular reference is #REF!', () => {
    const { standIn, sheet } = setUp({ DOUBLE: double });
    sheet.getRange('A1').setFormula('=DOUBLE(B1)');
    sheet.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(sheet.getRange('A1:B1').getValues().flat()).toContain('#REF!');
    expect(standIn.errorAt('A1') ?? standIn.errorAt('B1')).toContain('Circular dependency');
  });

  test('writes recalculate lazily on the next read', () => {
    let runs = 0;
    const { sheet } = setUp({ DOUBLE: (x: unknown) => (runs++, double(x)) });
    sheet.getRange('A1').setValue(1);
    sheet.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(runs).toBe(0);
    expect(sheet.getRange('B1').getValue()).toBe(2);
    sheet.getRange('B1').getValue();
    expect(runs).toBe(1);
    sheet.getRange('A1').setValue(21);
    expect(sheet.getRange('B1').getValue()).toBe(42);
    expect(runs).toBe(2);
  });

  test('setFormula on a range moves relative references per cell, not absolute ones', () => {
    const { sheet } = setUp({ DOUBLE: double });
    sheet.getRange('B1:B3').setFormula('=DOUBLE(A1)+$A$1');
    expect(sheet.getRange('B1:B3').getFormulas().flat()).toEqual([
      '=DOUBLE(A1)+$A$1',
      '=DOUBLE(A2)+$A$1',
      '=DOUBLE(A3)+$A$1',
    ]);
  });

  test('the engine makes no service calls of its own', () => {
    const { standIn, sheet } = setUp({ DOUBLE: double });
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('D1').setFormula('=DOUBLE(A1:B2)');
    const before = standIn.calls.snapshot();
    standIn.recalculate();
    expect(standIn.calls.since(before).total).toBe(0);
  });

  test('custom functions run read-only: writing to the sheet or sending mail is refused', () => {
    const { standIn, sheet } = setUp();
    standIn.setCustomFunctions({
      WRITE: () => standIn.globals.SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1),
      MAIL: () => standIn.globals.MailApp.sendEmail('a@example.com', 's', 'b'),
      READ: () => standIn.globals.SpreadsheetApp.getActiveSheet().getRange('Z2').getValue(),
    });
    sheet.getRange('Z2').setValue('read me');
    sheet.getRange('A1:A3').setFormulas([['=WRITE()'], ['=MAIL()'], ['=READ()']]);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['#ERROR!', '#ERROR!', 'read me']);
    expect(standIn.errorAt('A1')).toBe('You do not have permission to call Range.setValue');
    expect(standIn.mail.sent).toHaveLength(0);
  });
});

describe('formula engine: built-ins used by summary cells and conditional formats', () => {
  test('SUM, IF, comparisons, & and arithmetic', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:A3').setValues([[1], ['x'], [2.5]]);
    sheet
      .getRange('B1:B5')
      .setFormulas([
        ['=SUM(A1:A3)'],
        ['=IF(A1>0;"yes";"no")'],
        ['=A1&"-"&A3'],
        ['=(A1+A3)*2/5'],
        ['=A2="X"'],
      ]);
    expect(sheet.getRange('B1:B5').getValues().flat()).toEqual([3.5, 'yes', '1-2.5', 1.4, true]);
  });

  test('errors propagate through built-ins; IFERROR catches them', () => {
    const { sheet } = setUp({
      FAIL: () => {
        throw new Error('x');
      },
    });
    sheet.getRange('A1').setFormula('=FAIL()');
    sheet.getRange('B1:B2').setFormulas([['=SUM(A1:A2)'], ['=IFERROR(A1;0)']]);
    expect(sheet.getRange('B1:B2').getValues().flat()).toEqual(['#ERROR!', 0]);
  });
});

describe('formula engine: VLOOKUP and REGEXEXTRACT (the forms the export tab writes)', () => {
  test('VLOOKUP exact: the first row whose first cell equals the key (text without case), else #N/A', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:B4').setValues([
      ['Tổng điểm', 71],
      ['Làm tròn điểm (chữ số)', 2],
      ['làm tròn điểm (chữ số)', 3],
      [5, 'five'],
    ]);
    sheet.getRange('D1').setFormula('=VLOOKUP("LÀM TRÒN ĐIỂM (CHỮ SỐ)",A1:B4,2,FALSE)');
    sheet.getRange('D2').setFormula('=VLOOKUP(5,A1:B4,2,FALSE)');
    sheet.getRange('D3').setFormula('=VLOOKUP("không có",A1:B4,2,FALSE)');
    sheet.getRange('D4').setFormula('=IFERROR(VLOOKUP("không có",A1:B4,2,FALSE),"")');
    sheet.getRange('D5').setFormula('=VLOOKUP(5,A1:B4,3,FALSE)');
    expect(sheet.getRange('D1:D5').getValues().flat()).toEqual([2, 'five', '#N/A', '', '#REF!']);
  });

  test('TRIM drops leading, trailing and repeated spaces only; VLOOKUP over an open range (A4:C)', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:A3').setValues([['  Xã   An  Hòa '], ['\tXã B'], [12]]);
    sheet.getRange('B1').setFormula('=TRIM(A1)');
    sheet.getRange('B2').setFormula('=TRIM(A2)');
    sheet.getRange('B3').setFormula('=TRIM(A3)');
    expect(sheet.getRange('B1:B3').getValues().flat()).toEqual(['Xã An Hòa', '\tXã B', '12']);
    sheet.getRange('E4:G5').setValues([
      ['Xã An Hòa', 3, 0.5],
      ['Xã B', 1, 0.9],
    ]);
    sheet.getRange('C1').setFormula('=VLOOKUP(TRIM(A1),$E$4:$G,3,FALSE)');
    expect(sheet.getRange('C1').getValue()).toBe(0.5);
    sheet.getRange('E9:G9').setValues([['Xã C', 7, 0.1]]);
    sheet.getRange('C2').setFormula('=VLOOKUP("xã c",$E$4:$G,2,FALSE)');
    expect(sheet.getRange('C2').getValue()).toBe(7);
  });

  test('REGEXEXTRACT: the first capture group or the match; a number is refused; no match is #N/A', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:A3').setValues([['3.3.1'], [12.5], ['  I.2']]);
    sheet.getRange('B1').setFormula('=REGEXEXTRACT(A1&"","^\\s*([^.,\\s]*)")');
    sheet.getRange('B2').setFormula('=REGEXEXTRACT(A2&"","^\\s*([^.,\\s]*)")');
    sheet.getRange('B3').setFormula('=REGEXEXTRACT(A3&"","^\\s*([^.,\\s]*)")');
    sheet.getRange('B4').setFormula('=REGEXEXTRACT(A1,"\\d+$")');
    sheet.getRange('B5').setFormula('=REGEXEXTRACT(A2,"\\d+")');
    sheet.getRange('B6').setFormula('=REGEXEXTRACT(A1,"x")');
    expect(sheet.getRange('B1:B6').getValues().flat()).toEqual(['3', '12', 'I', '1', '#VALUE!', '#N/A']);
  });
});

describe('formula engine: MATCH and INDEX (the ranking headers)', () => {
  test('MATCH exact gives the first position, text without case; INDEX one cell; out of range and no match are errors', () => {
    const { sheet } = setUp();
    sheet.getRange('A1:B4').setValues([
      ['Chưa đọc được', 'x'],
      ['ok', 'y'],
      ['OK', 'z'],
      [3, 'w'],
    ]);
    sheet.getRange('D1').setFormula('=MATCH("OK",A1:A4,0)');
    sheet.getRange('D2').setFormula('=MATCH(3,A1:A4,0)');
    sheet.getRange('D3').setFormula('=MATCH("không",A1:A4,0)');
    sheet.getRange('D4').setFormula('=INDEX(B1:B4,MATCH("OK",A1:A4,0)+1)');
    sheet.getRange('D5').setFormula('=INDEX(A1:B4,4,2)');
    sheet.getRange('D6').setFormula('=INDEX(B1:B4,5)');
    expect(sheet.getRange('D1:D6').getValues().flat()).toEqual([2, 4, '#N/A', 'z', 'w', '#NUM!']);
  });
});
