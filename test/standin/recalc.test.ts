// Recalculation by dependency in the stand-in's formula engine, as Sheets does it: a value edit runs only
// the custom functions whose arguments contain the edited cell (directly, or through cells other formulas
// fill, spills included); a formula write recalculates everything. Every execution is recorded.
import { describe, expect, test } from '@jest/globals';
import { createStandIn } from '../../local/gas/index';

function setUp(fns: Record<string, (...args: unknown[]) => unknown>) {
  const standIn = createStandIn({ now: () => new Date('2025-03-15T03:00:00Z') });
  standIn.setCustomFunctions(fns);
  const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  return { standIn, sheet };
}

const sum = (x: unknown): number =>
  Array.isArray(x) ? x.flat().reduce((a: number, v) => a + (Number(v) || 0), 0) : Number(x) || 0;
/** Spills one row per input row: the input doubled. */
const spill = (x: unknown): unknown => (x as unknown[][]).map((row) => [Number(row[0]) * 2]);
const names = (runs: { name: string }[]) => runs.map((r) => r.name).sort();

describe('formula engine: recalculation by dependency', () => {
  test('a value edit runs only the functions whose ranges contain the edited cell', () => {
    const { standIn, sheet } = setUp({ TOTAL: sum, ONE: sum });
    sheet.getRange('A1:B3').setValues([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    sheet.getRange('D1').setFormula('=TOTAL(A1:A3)');
    sheet.getRange('D2').setFormula('=ONE(B1)');
    expect(names(standIn.executions())).toEqual(['ONE', 'TOTAL']); // a formula write: everything
    sheet.getRange('A2').setValue(5);
    expect(sheet.getRange('D1').getValue()).toBe(9);
    expect(names(standIn.executions())).toEqual(['TOTAL']);
    sheet.getRange('B1').setValue(11);
    expect(names(standIn.executions())).toEqual(['ONE']);
    sheet.getRange('B2').setValue(21); // referenced by nobody
    sheet.getRange('C9').setValue('x');
    expect(standIn.executions()).toEqual([]);
    expect(sheet.getRange('D2').getValue()).toBe(11);
  });

  test('edits reach formulas through the cells another formula spills into', () => {
    const { standIn, sheet } = setUp({ SPILL: spill, ONE: sum });
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula('=SPILL(A1:A3)'); // fills C1:C3
    sheet.getRange('E1').setFormula('=ONE(C3)');
    sheet.getRange('E2').setFormula('=ONE(A9)');
    standIn.executions();
    sheet.getRange('A3').setValue(7);
    expect(sheet.getRange('E1').getValue()).toBe(14);
    expect(names(standIn.executions())).toEqual(['ONE', 'SPILL']);
  });

  test('a spill that grows reaches the formulas reading the cells it now fills', () => {
    // One output row per non-empty input: typing in A3 makes the spill one row longer, into C3.
    const filled = (x: unknown): unknown =>
      (x as unknown[][]).filter((row) => row[0] !== '').map((row) => [Number(row[0]) * 2]);
    const { standIn, sheet } = setUp({ FILLED: filled, ONE: sum });
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('C1').setFormula('=FILLED(A1:A3)');
    sheet.getRange('E1').setFormula('=ONE(C3)');
    expect(sheet.getRange('E1').getValue()).toBe(0);
    standIn.executions();
    sheet.getRange('A3').setValue(4);
    expect(sheet.getRange('E1').getValue()).toBe(8);
    expect(names(standIn.executions())).toEqual(['FILLED', 'ONE']);
    sheet.getRange('A3').clearContent(); // and shrinks back
    expect(sheet.getRange('E1').getValue()).toBe(0);
    expect(names(standIn.executions())).toEqual(['FILLED', 'ONE']);
  });

  test('typing into a spill area blocks it (#REF!); clearing it lets the spill back', () => {
    const { standIn, sheet } = setUp({ SPILL: spill });
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula('=SPILL(A1:A3)');
    expect(sheet.getRange('C3').getValue()).toBe(6);
    standIn.executions();
    sheet.getRange('C2').setValue('mine');
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
    expect(names(standIn.executions())).toEqual(['SPILL']);
    sheet.getRange('C2').clearContent();
    expect(sheet.getRange('C1:C3').getValues()).toEqual([[2], [4], [6]]);
  });

  test('each execution is recorded with its function, cell and duration', () => {
    const { standIn, sheet } = setUp({ TOTAL: sum });
    sheet.getRange('B2').setFormula('=TOTAL(A1:A3)');
    const [run] = standIn.executions();
    expect(run).toMatchObject({ name: 'TOTAL', row: 2, column: 2 });
    expect(run!.ms).toBeGreaterThanOrEqual(0);
    expect(standIn.executions()).toEqual([]); // read once, then forgotten
  });

  test('a number format change re-reads the cells it covers (a date format turns a number into a date)', () => {
    const seen: unknown[] = [];
    const { standIn, sheet } = setUp({ PROBE: (v: unknown) => (seen.push(v), 1) });
    sheet.getRange('A1').setValue(45000);
    sheet.getRange('B1').setFormula('=PROBE(A1)');
    standIn.executions();
    sheet.getRange('A1').setNumberFormat('dd/mm/yyyy');
    sheet.getRange('B1').getValue();
    expect(names(standIn.executions())).toEqual(['PROBE']);
    expect(seen[seen.length - 1]).toBeInstanceOf(Date);
  });
});
