// Sheets made by version 1 hold one custom-function formula per output column (CCHC_POINTS, CCHC_STATUS,
// CCHC_REASON) and one per figure of the summary block (CCHC_TOTAL, CCHC_MAX, CCHC_INDEX, CCHC_CLASS, a
// total and a max per area). Opening such a sheet upgrades it once, under the document lock, to the current
// layout (one CCHC_OUTPUTS call, one CCHC_SUMMARY call), without touching an input cell: the same figures
// before and after, and far fewer executions per edit.
import { describe, expect, test } from '@jest/globals';
import { refreshOnOpen } from '../../src/server/triggers';
import { writeVersion1Layout } from '../../local/bench/layouts';
import { readTable } from '../../src/sheets/table';
import { attachSheet, setupSample } from '../../src/server/setUpTab';
import { columnsContent, env, expectSheetMatchesCore, fill, NOW, typeResults } from '../support/env';
import type { StandIn } from '../../local/gas/index';

/**
 * Every value a user sees in the output columns and the block (rows 1..last, output and block columns).
 * Version 1's CCHC_REASON never read Giải pháp: the solution view's reason (issue 14) is left out of both.
 */
function figures(standIn: StandIn, name: string): unknown[][] {
  const sheet = standIn.sheet(name);
  standIn.recalculate();
  return sheet
    .getDataRange()
    .getValues()
    .map((row) =>
      row
        .slice(14) // O onwards: Điểm, Trạng thái, Lý do, gap, block
        .map((v) => (typeof v === 'string' ? v.replace(/; (chưa có giải pháp|giải pháp quá hạn)$/, '') : v)),
    );
}

function findRow(standIn: StandIn, code: string): number {
  const read = readTable(standIn.sheet('Tiêu chí'));
  if (!read.ok) throw new Error(read.message);
  return read.rows.find((r) => r.code === code)!.row;
}

function formulaCount(standIn: StandIn, name: string): number {
  return standIn
    .sheet(name)
    .getDataRange()
    .getFormulas()
    .flat()
    .filter((f) => f !== '').length;
}

describe('upgrade of a sheet made by version 1', () => {
  test('on open: the current layout, the same figures, input cells untouched, fewer executions per edit', () => {
    const standIn = env();
    expect(setupSample(NOW).ok).toBe(true);
    typeResults(standIn);
    writeVersion1Layout(standIn.sheet('Tiêu chí'));
    const sheet = standIn.sheet('Tiêu chí');
    expect(sheet.getRange('P5').getFormula()).toMatch(/^=CCHC_STATUS\(/);
    expect(formulaCount(standIn, 'Tiêu chí')).toBe(3 + 4 + 2 * 8);
    const before = figures(standIn, 'Tiêu chí');
    const inputs = columnsContent(standIn, 'Tiêu chí', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 80);
    // Version 1 costs one execution per formula on each edit of a Kết quả cell (1.4, a count: 4 → 5 → 4).
    // (Version 1 had no points-at-stake column; the export tab here is this version's, with no call.)
    const row = findRow(standIn, '1.4');
    const actual = sheet.getRange(row, 6);
    expect(actual.getValue()).toBe(4);
    standIn.executions();
    actual.setValue(5);
    expect(standIn.executions().length).toBe(23);
    actual.setValue(4);
    standIn.executions();

    // Another execution holds the document lock: nothing is rewritten (no half-upgraded sheet).
    standIn.locks.holdDocumentLock();
    refreshOnOpen(NOW);
    expect(sheet.getRange('P5').getFormula()).toMatch(/^=CCHC_STATUS\(/);
    standIn.locks.release();

    refreshOnOpen(NOW);
    expect(standIn.locks.holder('document')).toBe(null);
    expect(sheet.getRange('O5').getFormula()).toMatch(/^=ARRAYFORMULA\(CCHC_OUTPUTS\(/);
    expect(sheet.getRange('P5:Q5').getFormulas()).toEqual([['', '']]);
    expect(sheet.getRange('S7').getFormula()).toMatch(/^=ARRAYFORMULA\(CCHC_SUMMARY\(/);
    expect(formulaCount(standIn, 'Tiêu chí')).toBe(2);
    expect(figures(standIn, 'Tiêu chí')).toEqual(before);
    expect(columnsContent(standIn, 'Tiêu chí', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 80)).toBe(inputs);
    expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);

    standIn.executions();
    actual.setValue(5);
    expect(standIn.executions().length).toBe(2);
    // Once: opening again rewrites nothing.
    const formulas = sheet.getDataRange().getFormulas();
    refreshOnOpen(NOW);
    expect(sheet.getDataRange().getFormulas()).toEqual(formulas);
  });

  test("a commune's own layout, Điểm apart from Trạng thái / Lý do: two calls after the upgrade, same figures", () => {
    const standIn = env();
    // Điểm sits among the inputs (D); Trạng thái and Lý do at the end (J, K); a user's note right of it.
    fill(standIn, 'T', [
      ['Bộ chỉ số CCHC năm 2024'],
      ['(bảng do xã tự lập)'],
      [
        'Code',
        'Criterion',
        'Ghi chú',
        'Điểm',
        'Max',
        'Rule',
        'Target',
        'Actual',
        'Evidence',
        'Trạng thái',
        'Lý do',
      ],
      ['1', 'Công tác chỉ đạo', '', '', 4, '', '', '', '', '', ''],
      ['1.1', 'Kế hoạch', 'a', '', 1, 'CÓ/KHÔNG', '', 'Có', 'KH 1', '', ''],
      ['1.2', 'Báo cáo', '', '', 1.5, 'TỶ LỆ', '100%', '80%', '', '', ''],
      ['1.3', 'Hạn nộp', '', '', 1.5, 'HẠN(50%)', '', '15/02/2024', 'x', '', ''],
      ['2', 'Thể chế', '', '', 6, '', '', '', '', '', ''],
      ['2.1', 'Văn bản', '', '', 2, 'MỨC(100%: 2; 80%: 1)', '', '0,9', '', '', ''],
      ['2.2', 'Hòa giải', '', '', 4, 'KHẢO SÁT', '', 'Không áp dụng', '', '', ''],
    ]);
    expect(attachSheet('T', NOW).ok).toBe(true);
    const sheet = standIn.sheet('T');
    writeVersion1Layout(sheet);
    expect(sheet.getRange('J4').getFormula()).toMatch(/^=CCHC_STATUS\(/);
    expect(sheet.getRange('K4').getFormula()).toMatch(/^=CCHC_REASON\(/);
    standIn.recalculate();
    const before = sheet.getDataRange().getValues();
    const inputs = columnsContent(standIn, 'T', [1, 2, 3, 5, 6, 7, 8, 9], 12);
    refreshOnOpen(NOW);
    expect(sheet.getRange('D4').getFormula()).toMatch(/^=ARRAYFORMULA\(CCHC_OUTPUTS\(.*,"Điểm"[,)]/);
    expect(sheet.getRange('J4').getFormula()).toMatch(
      /^=ARRAYFORMULA\(CCHC_OUTPUTS\(.*,"Trạng thái; Lý do"[,)]/,
    );
    expect(sheet.getRange('K4').getFormula()).toBe('');
    standIn.recalculate();
    expect(sheet.getDataRange().getValues()).toEqual(before);
    expect(columnsContent(standIn, 'T', [1, 2, 3, 5, 6, 7, 8, 9], 12)).toBe(inputs);
    expectSheetMatchesCore(standIn, 'T', NOW, expect as never);
  });
});
