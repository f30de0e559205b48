// Error cells in the stand-in (issue 12, point 4): a typed "#N/A" and =NA() / =1/0 are real error values,
// and an error cell inside a range passed to a custom function behaves per the `errorArguments` switch.
import { describe, expect, test } from '@jest/globals';
import { createStandIn, type StandInOptions } from '../../local/gas/index';

function setUp(behaviours?: StandInOptions['behaviours']) {
  const seen: unknown[][] = [];
  const standIn = createStandIn({ now: () => new Date('2025-03-15T03:00:00Z'), behaviours });
  standIn.setCustomFunctions({ PROBE: (...args: unknown[]) => (seen.push(args), 'called') });
  const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  sheet.getRange('A1').setValue('#N/A');
  sheet.getRange('A2').setFormula('=NA()');
  sheet.getRange('A3').setFormula('=1/0');
  sheet.getRange('A4').setValue(5);
  return { standIn, sheet, seen };
}

describe('error values', () => {
  test('setValue("#N/A"), =NA() and =1/0 are error cells: read back as their code, hover text, no formula for the typed one', () => {
    const { standIn, sheet } = setUp();
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['#N/A', '#N/A', '#DIV/0!']);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(standIn.errorAt('A1')).toBe('Value not available.');
    expect(standIn.errorAt('A2')).toBe('Value not available.');
    expect(standIn.errorAt('A3')).toContain('zero');
    expect(standIn.errorAt('A4')).toBeNull();
    // Built-ins see them as errors: they propagate, and IFERROR / ISERROR catch them.
    sheet.getRange('B1').setFormula('=A1+1');
    sheet.getRange('B2').setFormula('=IFERROR(A1; "x")');
    sheet.getRange('B3').setFormula('=ISERROR(A3)');
    sheet.getRange('B4').setFormula('=ISERROR(A4)');
    expect(sheet.getRange('B1:B4').getValues().flat()).toEqual(['#N/A', 'x', true, false]);
    // A leading apostrophe keeps the text, as in Sheets.
    sheet.getRange('C1').setValue("'#N/A");
    expect(standIn.errorAt('C1')).toBeNull();
  });

  test("'text' (default): a range with error cells reaches the custom function, errors as their code", () => {
    const { sheet, seen } = setUp();
    sheet.getRange('D1').setFormula('=PROBE(A1:A4)');
    expect(sheet.getRange('D1').getValue()).toBe('called');
    expect(seen[0]![0]).toEqual([['#N/A'], ['#N/A'], ['#DIV/0!'], [5]]);
  });

  test("'propagate': the custom function is not called and the formula shows the first error", () => {
    const { standIn, sheet, seen } = setUp({ errorArguments: 'propagate' });
    sheet.getRange('D1').setFormula('=PROBE(A1:A4)');
    expect(sheet.getRange('D1').getValue()).toBe('#N/A');
    expect(standIn.errorAt('D1')).toBe('Value not available.');
    expect(seen).toHaveLength(0);
    sheet.getRange('D2').setFormula('=PROBE(A3:A4)');
    expect(sheet.getRange('D2').getValue()).toBe('#DIV/0!');
  });

  test.each(['text', 'propagate'] as const)(
    '%s: ARRAYFORMULA(PROBE(IFERROR(range; "mark"))) hands the function the range with each error replaced',
    (mode) => {
      const { sheet, seen } = setUp({ errorArguments: mode });
      sheet.getRange('D1').setFormula('=ARRAYFORMULA(PROBE(IFERROR(A1:A4; "#LỖI!"); A4))');
      expect(sheet.getRange('D1').getValue()).toBe('called');
      expect(seen[0]).toEqual([[['#LỖI!'], ['#LỖI!'], ['#LỖI!'], [5]], 5]);
    },
  );
});
