// The benchmark's own parts: the generated table has exactly N rows in 8 areas, and the per-cell
// implementation really makes its calls per row (so the ratio in out/bench.json means what it says).
import { describe, test, expect } from '@jest/globals';
import { benchTable, writeBenchTable, AREAS, BENCH_SHEET } from '../../local/bench/table';
import { editRow, measureEdits, measureSampleEdit } from '../../local/bench/executions';
import { writePerRowLayout, writeVersion1Layout } from '../../local/bench/layouts';
import { naiveRecompute } from '../../local/bench/naive';
import { createStandIn } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';

describe('benchTable', () => {
  test.each([20, 100, 1001])('%i data rows, 8 areas, unique codes', (n) => {
    const t = benchTable(n, 2024, 'Asia/Ho_Chi_Minh');
    expect(t.lastDataRow - t.firstDataRow + 1).toBe(n);
    const codes = t.values.slice(1).map((r) => r[0]);
    expect(new Set(codes).size).toBe(n);
    expect(codes.filter((c) => /^\d+$/.test(String(c)))).toHaveLength(AREAS);
  });
});

describe('naiveRecompute', () => {
  test('reads each input cell, scores and writes each output, row by row', () => {
    const standIn = createStandIn({ now: () => new Date(Date.UTC(2024, 5, 20, 1)) });
    const context = loadBundle(standIn);
    const table = benchTable(30, 2024, 'Asia/Ho_Chi_Minh');
    const sheet = writeBenchTable(standIn.globals.SpreadsheetApp.getActiveSpreadsheet(), table);
    standIn.calls.reset();
    naiveRecompute(sheet, table, context, new Date(2024, 5, 20));
    const m = standIn.calls.byMethod();
    expect(m['Range.getValue']).toBe(30 * 8);
    expect(m['Range.setValue']).toBe(30 * 3);
    expect(m['Range.setBackground']).toBe(30);
    const scores = sheet
      .getRange(2, Object.keys(table.columns).length + 1, 30, 1) // the first column after the inputs
      .getValues()
      .map((r) => r[0]);
    expect(scores.filter((v) => typeof v === 'number').length).toBeGreaterThan(15);
  });
});

describe('measureEdits: custom-function executions per edit, by layout', () => {
  // 30 rows in 8 areas, set up by the add-in, then the same edit under each layout.
  test('current layout 2 (CCHC_OUTPUTS + CCHC_SUMMARY; the export tab reads the points at stake natively); version 1: 3 + 4 + 2 per area; per row: 1 + the block', () => {
    const standIn = createStandIn({ now: () => new Date(Date.UTC(2024, 5, 20, 1)) });
    const context = loadBundle(standIn);
    const table = benchTable(30, 2024, 'Asia/Ho_Chi_Minh');
    const sheet = writeBenchTable(standIn.globals.SpreadsheetApp.getActiveSpreadsheet(), table);
    const attached = (
      context as unknown as Record<string, (name: string) => { ok: boolean }>
    ).sidebarAttachSheet(BENCH_SHEET);
    expect(attached.ok).toBe(true);
    const before = sheet.getDataRange().getValues();
    const current = measureEdits(standIn, sheet, table, 3);
    // The export tab (issue 17, layout 2) reads the points at stake the criteria tab's call spills: no call.
    expect(current.executionsPerEdit).toBe(2);
    expect(current.functions).toEqual({ CCHC_OUTPUTS: 1, CCHC_SUMMARY: 1 });
    expect(current.executionsPerOpen).toBe(2);
    expect(current.executionMs).toBeGreaterThan(0);
    // The edits were undone: the sheet shows what it showed.
    expect(sheet.getDataRange().getValues()).toEqual(before);
    writeVersion1Layout(sheet);
    const v1 = measureEdits(standIn, sheet, table, 2);
    expect(v1.executionsPerEdit).toBe(3 + 4 + 2 * AREAS);
    expect(v1.functions).toMatchObject({ CCHC_POINTS: 1, CCHC_STATUS: 1, CCHC_REASON: 1, CCHC_CLASS: 1 });
    writePerRowLayout(sheet);
    const perRow = measureEdits(standIn, sheet, table, 2);
    expect(perRow.executionsPerEdit).toBe(1 + 4 + 2 * AREAS);
    expect(perRow.functions.CCHC_SCORE).toBe(1);
    expect(perRow.executionsPerOpen).toBe(30 + 4 + 2 * AREAS);
    expect(editRow(table)).toBeGreaterThan(table.firstDataRow);
  });
});

describe('measureSampleEdit: the issue measure on the embedded sample', () => {
  test('one edit of a leaf Kết quả on the sample set-up writes: 2 executions, one per call', () => {
    const standIn = createStandIn({ now: () => new Date(Date.UTC(2024, 5, 20, 1)) });
    const context = loadBundle(standIn);
    const m = measureSampleEdit(standIn, context as unknown as Record<string, unknown>, 2);
    expect(m.executionsPerEdit).toBe(2);
    expect(m.functions).toEqual({ CCHC_OUTPUTS: 1, CCHC_SUMMARY: 1 });
    expect(m.executionMs).toBeGreaterThan(0);
  });
});
