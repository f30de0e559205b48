// The benchmark's own parts: the generated table has exactly N rows in 8 areas, and the per-cell
// implementation really makes its calls per row (so the ratio in out/bench.json means what it says).
import { describe, test, expect } from '@jest/globals';
import { benchTable, writeBenchTable, AREAS } from '../../local/bench/table';
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
      .getRange(2, 12, 30, 1)
      .getValues()
      .map((r) => r[0]);
    expect(scores.filter((v) => typeof v === 'number').length).toBeGreaterThan(15);
  });
});
