// The criteria tab's "Điểm có thể mất" column (src/sheets/outputPlan.ts): set-up adds it right of Lý do when
// that column is free, the criteria tab's one CCHC_OUTPUTS call spills it, and the export tab's points at
// stake reference it natively, so an edit of a Kết quả cell costs 2 executions instead of 3. A sheet set up
// before it keeps working as it was (the export's own call) until set-up runs again; a column of the
// commune's own is never taken, and values typed into ours are refused, not overwritten.
import { describe, expect, test } from '@jest/globals';
import { EXPORT_TAB } from '../../src/core/exportLayout';
import { recompute } from '../../src/server/recompute';
import { attachSheet, setupSample } from '../../src/server/setUpTab';
import { refreshOnOpen } from '../../src/server/triggers';
import { exportGrid, writeExportTab } from '../../src/sheets/exportTab';
import { areaCount, planOutputs } from '../../src/sheets/outputPlan';
import { readTable } from '../../src/sheets/table';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { columnsContent, env, expectSheetMatchesCore, fill, NOW, typeResults } from '../support/env';
import type { StandIn } from '../../local/gas/index';

const INPUT_COLUMNS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

/** The names of the custom functions one edit of 1.4's Kết quả (a count: 4 → 5, then back) runs. */
function editRuns(standIn: StandIn): string[] {
  const sheet = standIn.sheet('Tiêu chí');
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  const cell = sheet.getRange(read.rows.find((r) => r.code === '1.4')!.row, read.layout.columns.actual!);
  standIn.executions();
  cell.setValue(5);
  const names = standIn.executions().map((e) => e.name);
  cell.setValue(4);
  standIn.executions();
  return names.sort();
}

/** The export tab's points at stake (H15:H314), as values. */
function exportStakes(standIn: StandIn): unknown[] {
  standIn.recalculate();
  return standIn
    .sheet(EXPORT_TAB)
    .getRange('H15:H314')
    .getValues()
    .map((r) => r[0]);
}

/** Turns a sample set up now into one set up before the column: no header, 3-column call, export's call. */
function makeOld(standIn: StandIn): void {
  const sheet = standIn.sheet('Tiêu chí');
  sheet.getRange('R4').setValue('');
  expect(recompute(NOW).ok).toBe(true);
  const read = readTable(sheet, true);
  if (!read.ok) throw new Error(read.message);
  const plan = planOutputs(read.grid, read.layout, areaCount(read.rows), DEFAULT_SETTINGS.bands.length);
  expect(plan.stake).toBe(null);
  writeExportTab(
    SpreadsheetApp.getActiveSpreadsheet(),
    exportGrid('Tiêu chí', read.layout, plan, read.rows, { communeName: 'Xã mẫu', year: 2024 }),
  );
}

describe('the points-at-stake column of the criteria tab', () => {
  test('set-up adds it; the export reads it with no call: 2 executions per edit, the same figures as the export’s own call gave', () => {
    const standIn = env();
    expect(setupSample(NOW).ok).toBe(true);
    typeResults(standIn);
    const sheet = standIn.sheet('Tiêu chí');
    expect(sheet.getRange('R4').getValue()).toBe('Điểm có thể mất');
    expect(standIn.sheet(EXPORT_TAB).getRange('H15').getFormula()).toBe(
      "=ARRAYFORMULA('Tiêu chí'!$R$5:$R$304)",
    );
    const native = exportStakes(standIn);
    expect(native.filter((v) => typeof v === 'number' && v > 0).length).toBeGreaterThan(3);
    expect(editRuns(standIn)).toEqual(['CCHC_OUTPUTS', 'CCHC_SUMMARY']);

    // The same sheet the way set-up made it before: the export's own CCHC_OUTPUTS call, 3 executions, and
    // the very same points at stake.
    makeOld(standIn);
    expect(standIn.sheet(EXPORT_TAB).getRange('H15').getFormula()).toMatch(/^=ARRAYFORMULA\(CCHC_OUTPUTS\(/);
    expect(exportStakes(standIn)).toEqual(native);
    expect(editRuns(standIn)).toEqual(['CCHC_OUTPUTS', 'CCHC_OUTPUTS', 'CCHC_SUMMARY']);
  });

  test('a sheet set up before it keeps working on open and recompute (nothing added); set-up again adds it, inputs untouched', () => {
    const standIn = env();
    expect(setupSample(NOW).ok).toBe(true);
    typeResults(standIn);
    makeOld(standIn);
    const sheet = standIn.sheet('Tiêu chí');
    const formulas = sheet.getDataRange().getFormulas();
    const exportFormulas = standIn.sheet(EXPORT_TAB).getDataRange().getFormulas();
    const stakes = exportStakes(standIn);
    const inputs = columnsContent(standIn, 'Tiêu chí', INPUT_COLUMNS, 80);

    refreshOnOpen(NOW);
    expect(recompute(NOW).ok).toBe(true);
    expect(sheet.getDataRange().getFormulas()).toEqual(formulas);
    expect(standIn.sheet(EXPORT_TAB).getDataRange().getFormulas()).toEqual(exportFormulas);
    expect(sheet.getRange('R4').getValue()).toBe('');
    expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
    expect(editRuns(standIn)).toEqual(['CCHC_OUTPUTS', 'CCHC_OUTPUTS', 'CCHC_SUMMARY']);

    expect(setupSample(NOW).ok).toBe(true);
    expect(sheet.getRange('R4').getValue()).toBe('Điểm có thể mất');
    expect(sheet.getRange('O5').getFormula()).toContain('"Điểm; Trạng thái; Lý do; Điểm có thể mất"');
    expect(standIn.sheet(EXPORT_TAB).getRange('H15').getFormula()).toBe(
      "=ARRAYFORMULA('Tiêu chí'!$R$5:$R$304)",
    );
    expect(exportStakes(standIn)).toEqual(stakes);
    expect(columnsContent(standIn, 'Tiêu chí', INPUT_COLUMNS, 80)).toBe(inputs);
    expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
    expect(editRuns(standIn)).toEqual(['CCHC_OUTPUTS', 'CCHC_SUMMARY']);
  });

  test('values typed into it are refused by recompute, named, and kept', () => {
    const standIn = env();
    expect(setupSample(NOW).ok).toBe(true);
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('R10').setValue(7);
    const result = recompute(NOW);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('"Điểm có thể mất": R10');
    expect(sheet.getRange('R10').getValue()).toBe(7);
    // The data check lists it too, with the row (recompute's problems, shown by the sidebar and the menu).
    expect(result.problems.filter((p) => p.message.includes('Điểm có thể mất'))).toEqual([
      expect.objectContaining({
        row: 10,
        severity: 'error',
        message: expect.stringContaining('Ô R10 thuộc cột "Điểm có thể mất"'),
      }),
    ]);
  });
});

describe('a column of the commune’s own right of Lý do is never taken', () => {
  const TABLE = [
    ['Bộ chỉ số CCHC năm 2024'],
    ['(bảng do xã tự lập)'],
    ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng', 'Điểm', 'Trạng thái', 'Lý do'],
    ['1', 'Công tác chỉ đạo', 2.5, '', '', '', '', '', ''],
    ['1.1', 'Kế hoạch', 1, 'CÓ/KHÔNG', 'Có', '', '', '', ''],
    ['1.2', 'Báo cáo', 1.5, 'TỶ LỆ', '80%', 'BC 3', '', '', ''],
  ];

  for (const [header, note] of [
    ['Ghi chú của xã', 'xem lại'],
    ['Điểm có thể mất', 3],
  ] as const) {
    test(`"${header}" with the commune's values: left as it is; the export keeps its own call`, () => {
      const standIn = env();
      fill(
        standIn,
        'T',
        TABLE.map((r, i) => (i === 2 ? [...r, header] : i === 4 ? [...r, note] : r)),
      );
      expect(attachSheet('T', NOW).ok).toBe(true);
      const sheet = standIn.sheet('T');
      expect(sheet.getRange('J3').getValue()).toBe(header);
      expect(sheet.getRange('J5').getValue()).toBe(note);
      expect(sheet.getRange('G4').getFormula()).toMatch(/,"",\$[A-Z]+\$\d+\)\)$/); // the default three columns
      expect(standIn.sheet(EXPORT_TAB).getRange('H15').getFormula()).toMatch(
        /^=ARRAYFORMULA\(CCHC_OUTPUTS\(/,
      );
      expect(recompute(NOW).ok).toBe(true);
      expect(sheet.getRange('J5').getValue()).toBe(note);
      expectSheetMatchesCore(standIn, 'T', NOW, expect as never);
    });
  }
});
