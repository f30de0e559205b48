import { describe, test, expect } from '@jest/globals';
import {
  env,
  NOW,
  snapshot,
  typeResults,
  expectSheetMatchesCore,
  fill,
  columnsContent,
  internalSheet,
} from '../support/env';
import { setupSample, attachSheet } from '../../src/server/setUpTab';
import { recompute } from '../../src/server/recompute';
import { readTable } from '../../src/sheets/table';
import { BLOCK_LABELS } from '../../src/sheets/summaryBlock';
import { SAMPLE_MARK } from '../../src/sheets/sample';
import { HIGHLIGHT_STYLES } from '../../src/sheets/highlight';

const formulaCells = (standIn: ReturnType<typeof env>, name: string, columns: number[]) => {
  const out: string[] = [];
  internalSheet(standIn, name).grid.forEach((cell, row, column) => {
    if (columns.includes(column) && cell.formula) out.push(`${row}:${column}`);
  });
  return out;
};

describe('set-up from the embedded sample', () => {
  test('one menu click gives a working, highlighted criteria sheet', () => {
    const standIn = env();
    const result = setupSample(NOW);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('MẪU');
    const sheet = standIn.sheet('Tiêu chí');
    const read = readTable(sheet);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { layout } = read;
    expect(layout.headerRow).toBe(4);
    expect(read.rows.length).toBe(74);
    expect([layout.columns.score, layout.columns.status, layout.columns.reason]).toEqual([15, 16, 17]);
    // Right of Lý do, in the gap before the block: the points at stake, spilled by the same call (what the
    // export tab reads without a call of its own).
    expect(sheet.getRange('R4').getValue()).toBe('Điểm có thể mất');
    // Clearly a sample.
    expect(String(sheet.getRange('A2').getValue())).toContain(SAMPLE_MARK);
    expect(String(sheet.getRange('S4').getValue())).toContain('MẪU');
    // ONE spilling call fills the three output columns and the points at stake, nothing per row; it gets
    // every input a rule reads, each guarded against error cells (IFERROR inside ARRAYFORMULA:
    // test/sheets/errorCells.test.ts).
    expect(formulaCells(standIn, 'Tiêu chí', [15, 16, 17, 18])).toEqual(['5:15']);
    expect(sheet.getRange('O5').getFormula()).toBe(
      // …, as of, near days, the four columns it spills, the block's rounding cell (its last line), no
      // self-scores (""), then Giải pháp and Hạn khắc phục (the sample has them: issue 14).
      '=ARRAYFORMULA(CCHC_OUTPUTS(IFERROR($A$5:$A$78,"#LỖI!"),IFERROR($D$5:$D$78,"#LỖI!"),IFERROR($C$5:$C$78,"#LỖI!"),IFERROR($F$5:$F$78,"#LỖI!"),IFERROR($E$5:$E$78,"#LỖI!"),IFERROR($G$5:$G$78,"#LỖI!"),IFERROR($I$5:$I$78,"#LỖI!"),IFERROR($K$5:$K$78,"#LỖI!"),$T$5,$T$6,"Điểm; Trạng thái; Lý do; Điểm có thể mất",$T$29,"",IFERROR($L$5:$L$78,"#LỖI!"),IFERROR($N$5:$N$78,"#LỖI!")))',
    );
    expect(sheet.getRange('P5:R5').getFormulas()).toEqual([['', '', '']]);
    // The block's figures: one CCHC_SUMMARY call spilling labels and figures.
    expect(formulaCells(standIn, 'Tiêu chí', [19, 20, 21])).toEqual(['7:19']);
    expect(sheet.getRange('S7').getFormula()).toBe(
      '=ARRAYFORMULA(CCHC_SUMMARY(IFERROR($A$5:$A$78,"#LỖI!"),IFERROR($B$5:$B$78,"#LỖI!"),IFERROR($D$5:$D$78,"#LỖI!"),IFERROR($C$5:$C$78,"#LỖI!"),IFERROR($F$5:$F$78,"#LỖI!"),IFERROR($E$5:$E$78,"#LỖI!"),IFERROR($I$5:$I$78,"#LỖI!"),$S$23:$T$27,$T$29))',
    );
    // The block's last line: the rounding of each criterion (pointsDecimals; blank = none) both formulas read.
    expect(sheet.getRange('S29:T29').getValues()).toEqual([[BLOCK_LABELS.pointsDecimals, '']]);
    // Summary block: after the points at stake (numbers, or empty for rows with none), as-of date, near
    // days, totals, one line per area, bands.
    expect(
      sheet
        .getRange('R5:R30')
        .getValues()
        .every(([v]) => v === '' || typeof v === 'number'),
    ).toBe(true);
    expect(sheet.getRange('S5:T6').getValues()).toEqual([
      [BLOCK_LABELS.asOf, new Date(2024, 5, 15)],
      [BLOCK_LABELS.nearDays, 14],
    ]);
    expect(
      sheet
        .getRange('S7:S10')
        .getValues()
        .map(([v]) => v),
    ).toEqual([
      BLOCK_LABELS.total,
      BLOCK_LABELS.applicableMax,
      BLOCK_LABELS.index,
      BLOCK_LABELS.classification,
    ]);
    expect(sheet.getRange('T9').getNumberFormat()).toBe('0.00%');
    expect(sheet.getRange('S13').getValue()).toBe('1. Công tác chỉ đạo, điều hành CCHC');
    // Code column as text (so 1.10 stays 1.10, also in rows typed later), frozen header, validation, notes.
    sheet.getRange('A100').setValue('1.10');
    expect(sheet.getRange('A100').getValue()).toBe('1.10');
    expect(sheet.getFrozenRows()).toBe(4);
    const yesNo = sheet.getRange('F15').getDataValidation(); // 2.1 CÓ/KHÔNG
    expect(yesNo?.getCriteriaValues()[0]).toEqual(['Có', 'Không', 'Không áp dụng']);
    expect(sheet.getRange('D7').getDataValidation()?.getHelpText()).toContain('MỨC(');
    expect(sheet.getRange('I7').getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(sheet.getRange('D4').getNote()).toContain('TỶ LỆ');
    expect(sheet.getRange('O4').getNote()).toContain('không nhập tay');
    // Colours: the solution cues first (the Giải pháp and Hạn khắc phục cells, on the Lý do text), then one
    // whole-row rule per status of the documented form.
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual([
      '=ISNUMBER(SEARCH("chưa có giải pháp",$Q5))',
      '=ISNUMBER(SEARCH("giải pháp quá hạn",$Q5))',
      ...HIGHLIGHT_STYLES.map((s) => `=$P5="${s.label}"`),
    ]);
    expect(rules.map((r) => r.getRanges()[0].getA1Notation())).toEqual([
      'L5:L78',
      'N5:N78',
      ...HIGHLIGHT_STYLES.map(() => 'A5:R78'),
    ]);
    expect(standIn.formatAt("'Tiêu chí'!B7").background).toBe('#f4c7c3'); // 1.1.1 overdue on 15/06
    expect(standIn.formatAt("'Tiêu chí'!B8").background).toBe('#fce8b2'); // 1.1.2 no data yet: at risk
    // Typing into the output columns (and the points at stake) warns (warning-only protection; scripts are
    // not blocked).
    const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(protections.map((p) => [p.getRange().getA1Notation(), p.isWarningOnly()])).toEqual([
      ['O5:R1000', true],
    ]);
    // The stored settings point at the tab.
    expect(
      JSON.parse(standIn.properties.document.get('cchc.settings') ?? '{}').criteriaSheetName ?? 'Tiêu chí',
    ).toBe('Tiêu chí');
  });

  test('the live formulas agree with evaluate(), before and after results are typed', () => {
    const standIn = env();
    setupSample(NOW);
    expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
    typeResults(standIn);
    const evaluation = expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
    expect(evaluation.total).toBeGreaterThan(5);
    // Colours follow the typed results without any script.
    const row = (code: string) => evaluation.rows.find((r) => r.code === code)!;
    expect(row('2.3.3').status).toBe('secured');
    expect(standIn.formatAt(`'Tiêu chí'!B${row('2.3.3').row}`).background).toBe('#d9ead3');
    expect(standIn.formatAt(`'Tiêu chí'!B${row('2.1').row}`).background).toBe('#eeeeee');
  });

  test('running set-up twice changes nothing the second time', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    const before = snapshot(standIn, 'Tiêu chí');
    const second = setupSample(NOW);
    expect(second.ok).toBe(true);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
    // …and its hidden export tab for the province workbook (issue 17), once.
    expect(standIn.spreadsheet.sheets().map((s) => s.getName())).toEqual([
      'Sheet1',
      'Tiêu chí',
      'CCHC Xuất dữ liệu',
    ]);
    const third = attachSheet('Tiêu chí', NOW);
    expect(third.ok).toBe(true);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
    expect(standIn.sheet('Tiêu chí').getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
  });

  test('a tab with that name and other content is left alone: the sample goes to a new tab', () => {
    const standIn = env();
    fill(standIn, 'Tiêu chí', [['ghi chú của xã'], ['không phải bảng']]);
    const before = snapshot(standIn, 'Tiêu chí');
    const result = setupSample(NOW);
    expect(result.ok).toBe(true);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
    expect(result.sheet?.getName()).toBe('Tiêu chí (mẫu)');
    expect(JSON.parse(standIn.properties.document.get('cchc.settings')!).criteriaSheetName).toBe(
      'Tiêu chí (mẫu)',
    );
  });
});

const USER_TABLE = [
  ['Bộ chỉ số CCHC năm 2024 – xã Tiên Phong'],
  ['(bảng do xã tự lập)'],
  ['Code', 'Criterion', 'Ghi chú nội bộ', 'Max', 'Rule', 'Target', 'Actual', 'Evidence'],
  ['1', 'Công tác chỉ đạo', '', 4, '', '', '', ''],
  ['1.1', 'Kế hoạch', 'a', 1, 'CÓ/KHÔNG', '', 'Có', 'KH 1'],
  ['1.2', 'Báo cáo', '', 1.5, 'TỶ LỆ', '100%', '80%', ''],
  ['1.3', 'Tuyên truyền', 'b', 1.5, 'ĐẾM(0,25)', '', 3, 'x'],
  ['2', 'Thể chế', '', 6, '', '', '', ''],
  ['2.1', 'Văn bản', '', 2, 'MỨC(100%: 2; 80%: 1)', '', '0,9', ''],
  ['2.2', 'Hòa giải', '', 4, 'KHẢO SÁT', '', 'Không áp dụng', ''],
];

describe('attach to an existing tab', () => {
  test('English headers, title rows, extra column kept: outputs appended, inputs untouched, figures right', () => {
    const standIn = env();
    fill(standIn, 'Bảng xã', USER_TABLE);
    const inputsBefore = columnsContent(standIn, 'Bảng xã', [1, 2, 3, 4, 5, 6, 7, 8], 12);
    const result = attachSheet('Bảng xã', NOW);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Bảng xã');
    expect(columnsContent(standIn, 'Bảng xã', [1, 2, 3, 4, 5, 6, 7, 8], 12)).toBe(inputsBefore);
    const sheet = standIn.sheet('Bảng xã');
    expect(sheet.getRange('I3:L3').getValues()).toEqual([['Điểm', 'Trạng thái', 'Lý do', 'Điểm có thể mất']]);
    expect(sheet.getRange('M4').getValue()).toBe(BLOCK_LABELS.asOf);
    expect(JSON.parse(standIn.properties.document.get('cchc.settings')!).criteriaSheetName).toBe('Bảng xã');
    // Missing optional columns are passed as "" to the formulas.
    expect(sheet.getRange('I4').getFormula()).toContain(
      'IFERROR($H$4:$H$10,"#LỖI!"),"","",$N$4,$N$5,"Điểm; Trạng thái; Lý do; Điểm có thể mất",$N$22))',
    );
    expectSheetMatchesCore(standIn, 'Bảng xã', NOW, expect as never);
    const before = snapshot(standIn, 'Bảng xã');
    expect(attachSheet('Bảng xã', NOW).ok).toBe(true);
    expect(snapshot(standIn, 'Bảng xã')).toBe(before);
  });

  test('existing Điểm / Trạng thái / Lý do columns are used where they are', () => {
    const standIn = env();
    const table = USER_TABLE.map((r) => [...r]);
    table[2] = [...table[2], 'Score', 'Status', 'Reason'];
    fill(standIn, 'T', table);
    expect(attachSheet('T', NOW).ok).toBe(true);
    const sheet = standIn.sheet('T');
    expect(sheet.getRange('I4').getFormula()).toMatch(
      /^=ARRAYFORMULA\(CCHC_OUTPUTS\(.*\$N\$5,"Điểm; Trạng thái; Lý do; Điểm có thể mất",\$N\$22\)\)$/,
    );
    expect(sheet.getRange('J4:L4').getFormulas()).toEqual([['', '', '']]);
    // No second set of output columns: the block follows the points at stake, in the column left free.
    expect(sheet.getRange('L3:M3').getValues()).toEqual([['Điểm có thể mất', 'TỔNG HỢP CHỈ SỐ CCHC']]);
  });

  test('output columns scattered among the inputs, user notes in the gap: written in a few calls, still right', () => {
    const standIn = env();
    const table = USER_TABLE.map((r) => [...r]);
    // Score sits between the inputs; status and reason at the end; a user's note right of the table.
    table.forEach((r, i) => r.splice(3, 0, i === 2 ? 'Điểm' : ''));
    table[2] = [...table[2], 'Trạng thái', 'Lý do'];
    fill(standIn, 'T', table);
    standIn.sheet('T').getRange('M6').setValue('ghi chú của tôi');
    const result = attachSheet('T', NOW);
    expect(result.ok).toBe(true);
    const sheet = standIn.sheet('T');
    // Two runs of adjacent output columns: two calls, each naming the columns it spills.
    expect(sheet.getRange('D4').getFormula()).toMatch(/^=ARRAYFORMULA\(CCHC_OUTPUTS\(.*,"Điểm",\$P\$22\)\)$/);
    expect(sheet.getRange('J4').getFormula()).toMatch(
      /^=ARRAYFORMULA\(CCHC_OUTPUTS\(.*,"Trạng thái; Lý do; Điểm có thể mất",\$P\$22\)\)$/,
    );
    expect(sheet.getRange('K4:L4').getFormulas()).toEqual([['', '']]);
    expect(sheet.getRange('M6').getValue()).toBe('ghi chú của tôi');
    expect(sheet.getRange('O4').getValue()).toBe(BLOCK_LABELS.asOf);
    expectSheetMatchesCore(standIn, 'T', NOW, expect as never);
    const before = snapshot(standIn, 'T');
    expect(recompute(NOW).writes).toBe(0);
    expect(attachSheet('T', NOW).ok).toBe(true);
    expect(snapshot(standIn, 'T')).toBe(before);
    expect(recompute(new Date(2024, 5, 20)).writes).toBe(1); // only the block (the date); formulas unchanged
    sheet.getRange('A11:C11').setValues([['2.3', 'Mới', '']]);
    expect(recompute(new Date(2024, 5, 20)).writes).toBe(3); // one per run of adjacent output columns + the block
  });

  test("the commune's own dropdowns and checks on input columns survive set-up; ours go where there is none", () => {
    const standIn = env();
    const sheet = fill(standIn, 'Bảng xã', USER_TABLE);
    const ownList = SpreadsheetApp.newDataValidation().requireValueInList(['Có', 'Chưa'], true).build();
    const ownNumber = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 1).build();
    sheet.getRange('G5').setDataValidation(ownList); // Actual of 1.1
    sheet.getRange('E6:E7').setDataValidation(ownNumber); // Rule of 1.2, 1.3
    const kind = (a1: string) => sheet.getRange(a1).getDataValidation()?.getCriteriaType() ?? null;
    expect(attachSheet('Bảng xã', NOW).ok).toBe(true);
    expect(sheet.getRange('G5').getDataValidation()?.getCriteriaValues()).toEqual([['Có', 'Chưa'], true]);
    expect([kind('E6'), kind('E7')]).toEqual(['NUMBER_BETWEEN', 'NUMBER_BETWEEN']);
    // Cells without a validation of their own get the add-in's help.
    expect(kind('E5')).toBe('CUSTOM_FORMULA');
    expect(sheet.getRange('G9').getDataValidation()?.getHelpText()).toContain('tỷ lệ');
    const before = snapshot(standIn, 'Bảng xã');
    expect(attachSheet('Bảng xã', NOW).ok).toBe(true);
    expect(snapshot(standIn, 'Bảng xã')).toBe(before);
  });

  test('bonus points past 100%: the index is capped at 100% and classed like the sidebar, not read as a percent', () => {
    const standIn = env();
    fill(standIn, 'T', [
      ['Code', 'Criterion', 'Max', 'Rule', 'Actual', 'Evidence'],
      ['1', 'Lĩnh vực', 1, 'CÓ/KHÔNG', 'Có', 'QĐ 1'],
      ['+', 'Điểm thưởng', 2, 'TỰ CHẤM', 0.5, 'Bằng khen'],
    ]);
    expect(attachSheet('T', NOW).ok).toBe(true);
    const e = expectSheetMatchesCore(standIn, 'T', NOW, expect as never);
    expect(e.index).toBe(1);
    expect(e.classification).toBe('Xuất sắc');
  });

  test('a tab without a table: refused with the precise reason, nothing written', () => {
    const standIn = env();
    fill(standIn, 'X', [
      ['Mã', 'Tiêu chí', 'Điểm tối đa'],
      ['1', 'a', 1],
    ]);
    const before = snapshot(standIn, 'X');
    const result = attachSheet('X', NOW);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/thiếu cột "Cách chấm" \(Rule\), "Kết quả" \(Actual\)/);
    expect(snapshot(standIn, 'X')).toBe(before);
    expect(attachSheet('Không có', NOW).message).toBe('Không có trang "Không có" trong bảng tính.');
  });
});

describe('user content in the output columns is never destroyed', () => {
  test('typed values in Điểm: set-up refuses, naming the cells, and changes nothing', () => {
    const standIn = env();
    const table = USER_TABLE.map((r) => [...r]);
    table[2] = [...table[2], 'Điểm'];
    table[4] = [...table[4], 1];
    table[6] = [...table[6], 0.75];
    fill(standIn, 'T', table);
    const before = snapshot(standIn, 'T');
    const result = attachSheet('T', NOW);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('I5, I7');
    expect(result.message).toContain('không ghi đè');
    expect(snapshot(standIn, 'T')).toBe(before);
  });

  test('a user formula in an output column after set-up: recompute refuses and changes nothing', () => {
    const standIn = env();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('Q20').setFormula('=B20&"!"'); // blocks the Lý do spill
    const before = snapshot(standIn, 'Tiêu chí');
    const result = recompute(NOW);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Q20');
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
    expect(result.problems.some((p) => p.a1 === 'Q20' && p.severity === 'error')).toBe(true);
    expect(setupSample(NOW).ok).toBe(false);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
  });

  test('a value typed over the spill (#REF!) is found too', () => {
    const standIn = env();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('O30').setValue(2);
    expect(sheet.getRange('O5').getValue()).toBe('#REF!');
    const result = recompute(NOW);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('O30');
  });
});

describe('user conditional formats are kept', () => {
  test('a user rule survives set-up and recompute, and keeps priority', () => {
    const standIn = env();
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    const user = SpreadsheetApp.newConditionalFormatRule()
      .whenTextContains('BPMC')
      .setBackground('#0000ff')
      .setRanges([sheet.getRange('H5:H78')])
      .build();
    sheet.setConditionalFormatRules([user, ...sheet.getConditionalFormatRules()]);
    typeResults(standIn);
    // The table grows by one row: our rules move to the new range, the user's stays first and unchanged.
    sheet.getRange('A79:D79').setValues([['9', 'Lĩnh vực thêm', 1, 'CÓ/KHÔNG']]);
    expect(recompute(NOW).ok).toBe(true);
    const rules = sheet.getConditionalFormatRules();
    // The user's, then our two solution cues, then the row colours.
    expect(rules).toHaveLength(3 + HIGHLIGHT_STYLES.length);
    expect(rules[0].getBooleanCondition()!.getCriteriaType()).toBe('TEXT_CONTAINS');
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('H5:H78');
    expect(rules.slice(3).every((r) => r.getRanges()[0].getA1Notation() === 'A5:R79')).toBe(true);
    expect(sheet.getRange('O5').getFormula()).toContain('$A$5:$A$79');
    void ss;
    expect(recompute(NOW).ok).toBe(true);
    expect(sheet.getConditionalFormatRules()).toHaveLength(3 + HIGHLIGHT_STYLES.length);
  });
});
