// Recompute (Tính lại): what it writes, our row colours, the lock, and its Spreadsheet calls at scale;
// and the invariant that no action changes an input cell.
import { describe, test, expect } from '@jest/globals';
import {
  env,
  NOW,
  fill,
  snapshot,
  typeResults,
  columnsContent,
  seedSettings,
  expectSheetMatchesCore,
} from '../support/env';
import { attachSheet, setupSample } from '../../src/server/setUpTab';
import { checkData } from '../../src/server/checkData';
import {
  menuAttachActiveSheetAction,
  menuCheckDataAction,
  menuRecomputeAction,
  menuSetupSampleAction,
} from '../../src/server/menuActions';
import { onEditRecompute, refreshOnOpen } from '../../src/server/triggers';
import { recompute, writeAsOf } from '../../src/server/recompute';
import { selectCell } from '../../src/server/selectCell';
import { buildSidebarData } from '../../src/server/sidebarData';
import {
  sidebarCheckDataAction,
  sidebarRecomputeAction,
  sidebarSaveSettingsAction,
  sidebarSelectCellAction,
  sidebarSetupSampleAction,
  sidebarAttachSheetAction,
} from '../../src/server/sidebarActions';
import { BusyError, withDocumentLock } from '../../src/server/locks';
import { loadSettings } from '../../src/server/settingsStore';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { HIGHLIGHT_STYLES } from '../../src/sheets/highlight';

type StandIn = ReturnType<typeof env>;

/** Input columns of the sample tab: A..K. */
const INPUTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const inputs = (standIn: StandIn) => columnsContent(standIn, 'Tiêu chí', INPUTS, 120);

function editEvent(standIn: StandIn, a1: string) {
  const sheet = standIn.sheet('Tiêu chí');
  return {
    range: sheet.getRange(a1),
    source: standIn.globals.SpreadsheetApp.getActiveSpreadsheet(),
  } as never;
}

describe('safety: no action ever changes an input cell', () => {
  test('every action, run on a filled sheet, leaves every input cell as it was', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    // A user formula in an input column must survive too.
    standIn.sheet('Tiêu chí').getRange('K7').setFormula('=C7*0.9');
    const before = inputs(standIn);
    const actions: [string, () => unknown][] = [
      ['recompute', () => recompute(NOW)],
      ['checkData', () => checkData(NOW)],
      ['selectCell', () => selectCell(12, 'actual')],
      ['onEdit inside', () => onEditRecompute(editEvent(standIn, 'F12'), NOW)],
      ['onEdit header', () => onEditRecompute(editEvent(standIn, 'B4'), NOW)],
      ['setupSample again', () => setupSample(NOW)],
      ['attach', () => attachSheet('Tiêu chí', NOW)],
      ['writeAsOf', () => writeAsOf(new Date(2024, 6, 1, 8))],
      ['refreshOnOpen', () => refreshOnOpen(NOW)],
      ['sidebar load', () => buildSidebarData(undefined, NOW)],
      ['sidebar recompute', () => sidebarRecomputeAction()],
      ['sidebar check', () => sidebarCheckDataAction()],
      ['sidebar select', () => sidebarSelectCellAction(7, 'Kết quả')],
      ['sidebar setup', () => sidebarSetupSampleAction()],
      ['sidebar attach', () => sidebarAttachSheetAction('Tiêu chí')],
      [
        'sidebar save settings',
        () => sidebarSaveSettingsAction({ ...DEFAULT_SETTINGS, nearDeadlineDays: 30 }),
      ],
      ['menu recompute', () => menuRecomputeAction()],
      ['menu check', () => menuCheckDataAction()],
      ['menu setup', () => menuSetupSampleAction()],
      ['menu attach', () => menuAttachActiveSheetAction()],
    ];
    for (const [name, run] of actions) {
      run();
      expect({ name, inputs: inputs(standIn) }).toEqual({ name, inputs: before });
    }
    expect(standIn.sheet('Tiêu chí').getRange('T6').getValue()).toBe(30);
  });
});

describe('recompute', () => {
  test('steady state writes nothing; a new day writes the as-of date once; figures follow', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    const first = recompute(NOW);
    expect(first.ok).toBe(true);
    expect(first.writes).toBe(0);
    expect(first.message).toMatch(
      /^Tổng [\d,]+\/98,5 điểm, chỉ số [\d,]+%, xếp loại \S+; \d+ tiêu chí cần xử lý\.$/,
    );
    const july = new Date(2024, 6, 20, 9);
    const next = recompute(july);
    expect(next.writes).toBe(1);
    expect(standIn.sheet('Tiêu chí').getRange('T5').getValue()).toEqual(new Date(2024, 6, 20));
    expectSheetMatchesCore(standIn, 'Tiêu chí', july, expect as never);
    expect(recompute(july).writes).toBe(0);
  });

  test('rows added below the table: formulas, block and colours extend to them', () => {
    const standIn = env();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('A79:F80').setValues([
      ['9', 'Lĩnh vực mới', 2, '', '', ''],
      ['9.1', 'Tiêu chí mới', 2, 'CÓ/KHÔNG', '', 'Có'],
    ]);
    const result = recompute(NOW);
    expect(result.ok).toBe(true);
    expect(sheet.getRange('O5').getFormula()).toContain('$A$5:$A$80');
    expect(sheet.getRange('S21').getValue()).toBe('9. Lĩnh vực mới');
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('L5:L80'); // Giải pháp
    expect(sheet.getConditionalFormatRules()[2].getRanges()[0].getA1Notation()).toBe('A5:R80');
    expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
    expect(sheet.getRange('P80').getValue()).toBe('Nguy cơ'); // claims points without evidence
  });

  test('menu: attach to the tab that is open', () => {
    const standIn = env();
    const sheet = fill(standIn, 'Bộ chỉ số 2025', [
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả'],
      ['1', 'A', 1, 'CÓ/KHÔNG', 'Có'],
    ]);
    sheet.activate();
    menuAttachActiveSheetAction();
    expect(standIn.ui.alerts.at(-1)).toContain('Đã gắn vào trang "Bộ chỉ số 2025"');
    expect(loadSettings().settings.criteriaSheetName).toBe('Bộ chỉ số 2025');
    standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].activate();
    menuAttachActiveSheetAction();
    expect(standIn.ui.alerts.at(-1)).toContain('Trang "Sheet1" không có bảng tiêu chí');
  });

  test('a tab without output columns gets them on recompute', () => {
    const standIn = env();
    fill(standIn, 'Tiêu chí', [
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả'],
      ['1', 'A', 1, 'CÓ/KHÔNG', 'Có'],
    ]);
    const result = recompute(NOW);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Đã thêm các cột kết quả');
    expect(standIn.sheet('Tiêu chí').getRange('F1:H1').getValues()).toEqual([
      ['Điểm', 'Trạng thái', 'Lý do'],
    ]);
  });

  test('finds the table on another tab when the configured one is missing, and explains when none has one', () => {
    const standIn = env();
    fill(standIn, 'Khác', [['Ghi chú']]);
    const none = recompute(NOW);
    expect(none.ok).toBe(false);
    expect(none.message).toContain('Không có trang "Tiêu chí" và không trang nào có bảng tiêu chí');
    fill(standIn, 'Bảng 2024', [
      ['Code', 'Criterion', 'Max', 'Rule', 'Actual'],
      ['1', 'A', 1, 'YESNO', 'yes'],
    ]);
    const found = recompute(NOW);
    expect(found.ok).toBe(true);
    expect(found.sheet?.getName()).toBe('Bảng 2024');
    expect(loadSettings().settings.criteriaSheetName).toBe('Bảng 2024');
    expect(selectCell(2, 'actual')).toEqual({ ok: true, message: 'Đã chọn E2.' });
    // From now on the found tab is the criteria tab; a new tab called "Tiêu chí" does not take over.
    fill(standIn, 'Tiêu chí', [['Mã', 'Tiêu chí', 'Điểm tối đa']]);
    const checked = checkData(NOW);
    expect(checked.sheet?.getName()).toBe('Bảng 2024');
    // A configured tab that lost its headers: the precise reason is given when no other tab has a table.
    const only = env();
    seedSettings(only, { criteriaSheetName: 'Tiêu chí' });
    fill(only, 'Tiêu chí', [['Mã', 'Tiêu chí', 'Điểm tối đa']]);
    expect(recompute(NOW).message).toMatch(
      /^Trang "Tiêu chí": hàng 1 .*thiếu cột "Cách chấm" \(Rule\), "Kết quả" \(Actual\)/,
    );
  });
});

describe('our row colours on recompute (stored mark, see applyHighlight)', () => {
  // The solution cues (the sample has Giải pháp and Hạn khắc phục), then one rule per status.
  const ourFormulas = [
    '=ISNUMBER(SEARCH("chưa có giải pháp",$Q5))',
    '=ISNUMBER(SEARCH("giải pháp quá hạn",$Q5))',
    ...HIGHLIGHT_STYLES.map((s) => `=$P5="${s.label}"`),
  ];
  const formulasOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
    sheet.getConditionalFormatRules().map((r) => {
      const c = r.getBooleanCondition()!;
      return String(c.getCriteriaType()) === 'CUSTOM_FORMULA'
        ? c.getCriteriaValues()[0]
        : String(c.getCriteriaType());
    });
  const writesOf = (standIn: StandIn) =>
    Object.keys(standIn.calls.byMethod()).filter((k) => /^(Range|Sheet)\.(set|insert|clear)/.test(k));

  test('the steady path reads the rule list once, inspects no rule and writes nothing', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    recompute(NOW);
    const before = snapshot(standIn, 'Tiêu chí');
    standIn.calls.reset();
    expect(recompute(NOW).writes).toBe(0);
    const calls = standIn.calls.byMethod();
    expect(writesOf(standIn)).toEqual([]);
    expect(calls['Sheet.getConditionalFormatRules']).toBe(1);
    expect(Object.keys(calls).filter((k) => /^(ConditionalFormatRule|BooleanCondition)\./.test(k))).toEqual(
      [],
    );
    expect(standIn.calls.total('Spreadsheet')).toBe(6);
    expect(calls['Properties.getProperties']).toBe(1); // settings and the cache in one read
    expect(calls['Properties.getProperty']).toBeUndefined();
    expect(calls['Properties.setProperty'] ?? 0).toBe(0);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
  });

  test('a user rule added after ours: ours are rewritten behind it, the user rule kept', () => {
    const standIn = env();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    const late = SpreadsheetApp.newConditionalFormatRule()
      .whenTextContains('BPMC')
      .setBackground('#0000ff')
      .setRanges([sheet.getRange('H5:H78')])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), late]);
    expect(formulasOf(sheet)).toEqual([...ourFormulas, 'TEXT_CONTAINS']);
    recompute(NOW);
    expect(formulasOf(sheet)).toEqual(['TEXT_CONTAINS', ...ourFormulas]);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('H5:H78');
    standIn.calls.reset();
    recompute(NOW);
    expect(writesOf(standIn)).toEqual([]);
  });

  test('a user deleting one of ours: recompute puts it back (user rules kept)', () => {
    const standIn = env();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    const user = SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#ffffff')
      .setRanges([sheet.getRange('F5:F9')])
      .build();
    sheet.setConditionalFormatRules([user, ...sheet.getConditionalFormatRules()]);
    recompute(NOW);
    sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().filter((_, i) => i !== 2));
    expect(sheet.getConditionalFormatRules()).toHaveLength(ourFormulas.length);
    recompute(NOW);
    expect(formulasOf(sheet)).toEqual(['CELL_EMPTY', ...ourFormulas]);
    expect(
      sheet
        .getConditionalFormatRules()
        .slice(3)
        .every((r) => r.getRanges()[0].getA1Notation() === 'A5:R78'),
    ).toBe(true);
  });

  test('the status column moved: ours follow it', () => {
    const standIn = env();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    recompute(NOW);
    // Swap the headers of Trạng thái and Lý do (M ↔ N) and their formulas: the status column is now N.
    const m5 = sheet.getRange('P5').getFormula();
    const n5 = sheet.getRange('Q5').getFormula();
    sheet.getRange('P4:Q4').setValues([['Lý do', 'Trạng thái']]);
    sheet.getRange('P5:Q5').setFormulas([[n5, m5]]);
    expect(recompute(NOW).ok).toBe(true);
    expect(formulasOf(sheet)).toEqual([
      '=ISNUMBER(SEARCH("chưa có giải pháp",$P5))',
      '=ISNUMBER(SEARCH("giải pháp quá hạn",$P5))',
      ...HIGHLIGHT_STYLES.map((s) => `=$Q5="${s.label}"`),
    ]);
  });

  test('residual case: an edit keeping the count is not seen by recompute; on open and the daily run repair it', () => {
    const standIn = env();
    setupSample(NOW);
    const sheet = standIn.sheet('Tiêu chí');
    recompute(NOW);
    const rules = sheet.getConditionalFormatRules();
    const edited = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$P5="Đạt"')
      .setBackground('#000000')
      .setRanges([sheet.getRange('A5:A6')])
      .build();
    sheet.setConditionalFormatRules([...rules.slice(0, 3), edited, ...rules.slice(4)]);
    recompute(NOW);
    expect(sheet.getConditionalFormatRules()[3].getRanges()[0].getA1Notation()).toBe('A5:A6');
    refreshOnOpen(NOW);
    expect(formulasOf(sheet)).toEqual(ourFormulas);
    expect(sheet.getConditionalFormatRules()[3].getRanges()[0].getA1Notation()).toBe('A5:R78');
    sheet.setConditionalFormatRules([...rules.slice(0, 3), edited, ...rules.slice(4)]);
    writeAsOf(NOW);
    expect(sheet.getConditionalFormatRules()[3].getRanges()[0].getA1Notation()).toBe('A5:R78');
  });
});

describe('the lock', () => {
  test('busy: a clear Vietnamese message and no write', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    const before = snapshot(standIn, 'Tiêu chí');
    standIn.locks.holdDocumentLock();
    expect(() => recompute(new Date(2024, 6, 1))).toThrow(BusyError);
    expect(() => recompute(new Date(2024, 6, 1))).toThrow('đang được một thao tác khác cập nhật');
    expect(() => setupSample(NOW)).toThrow(BusyError);
    expect(() => attachSheet('Tiêu chí', NOW)).toThrow(BusyError);
    const side = sidebarRecomputeAction();
    expect(side.ok).toBe(false);
    expect(side.message).toContain('Vui lòng thử lại');
    menuRecomputeAction();
    expect(standIn.ui.alerts.at(-1)).toContain('đang được một thao tác khác cập nhật');
    // Simple triggers never throw, and write nothing either.
    expect(onEditRecompute(editEvent(standIn, 'A90'), new Date(2024, 6, 1))).toBe(false);
    refreshOnOpen(new Date(2024, 6, 1));
    expect(snapshot(standIn, 'Tiêu chí')).toBe(before);
    standIn.locks.release('document');
    expect(recompute(new Date(2024, 6, 1)).writes).toBe(1);
  });

  test('the lock is released even when the work throws', () => {
    const standIn = env();
    expect(() =>
      withDocumentLock(() => {
        throw new Error('x');
      }),
    ).toThrow('x');
    expect(standIn.locks.holder('document')).toBeNull();
  });
});

function bigTable(rows: number): (string | number)[][] {
  const out: (string | number)[][] = [
    ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Chỉ tiêu', 'Kết quả', 'Minh chứng'],
  ];
  const rules: [string, string | number, string | number][] = [
    ['CÓ/KHÔNG', '', 'Có'],
    ['TỶ LỆ', 0.5, 0.4],
    ['MỨC(100%: 1; 90%: 0,5)', '', 0.95],
    ['ĐẾM(0,25)', '', 3],
    ['TRỪ(0,25)', '', 1],
  ];
  const perArea = Math.ceil(rows / 8) - 1;
  for (let area = 1; area <= 8 && out.length <= rows; area++) {
    out.push([String(area), `Lĩnh vực ${area}`, perArea, '', '', '', '']);
    for (let leaf = 1; leaf <= perArea && out.length <= rows; leaf++) {
      const [rule, target, actual] = rules[leaf % rules.length];
      out.push([`${area}.${leaf}`, `Tiêu chí ${area}.${leaf}`, 1, rule, target, actual, leaf % 2 ? 'x' : '']);
    }
  }
  return out;
}

const DATA_CALL =
  /^(Range\.(get|set)(Values|Formulas|Value|Formula|NumberFormats?|Notes?|DataValidations?|FontWeights?)|Sheet\.(get|set)ConditionalFormatRules)$/;

function measure(rows: number) {
  const standIn = env();
  fill(standIn, 'Tiêu chí', bigTable(rows));
  expect(attachSheet('Tiêu chí', NOW).ok).toBe(true);
  const sheet = standIn.sheet('Tiêu chí');
  const count = (run: () => { ok: boolean }) => {
    standIn.calls.reset();
    expect(run().ok).toBe(true);
    const byMethod = standIn.calls.byMethod();
    const spreadsheet = Object.fromEntries(
      Object.entries(byMethod).filter(([k]) => !/^(Properties|Lock|Session|Utilities|Script)/.test(k)),
    );
    const data = Object.entries(byMethod)
      .filter(([k]) => DATA_CALL.test(k))
      .reduce((s, [, n]) => s + n, 0);
    return { spreadsheet, total: standIn.calls.total('Spreadsheet'), data };
  };
  const steady = count(() => recompute(NOW));
  const newDay = count(() => recompute(new Date(2024, 5, 16, 8)));
  // The sidebar's call, with its payload (the schedule's spreadsheet id, the last snapshot from its record).
  sidebarRecomputeAction(); // runs on the real clock: its day settles first
  const sidebar = count(() => sidebarRecomputeAction());
  sheet.getRange(rows + 2, 1, 1, 6).setValues([['8.9999', 'Thêm', 1, 'CÓ/KHÔNG', '', 'Có']]);
  const grown = count(() => recompute(new Date(2024, 5, 16, 8)));
  return { steady, newDay, sidebar, grown };
}

/** The per-method counts of each scenario as short lines (a terminal is ~100 columns wide, not one JSON line). */
function callsReport(scenarios: ReturnType<typeof measure>): string {
  const lines = ['recompute: Spreadsheet calls per scenario (the same at 100, 1,000 and 10,000 rows)'];
  for (const [name, c] of Object.entries(scenarios)) {
    lines.push(`  ${name}: ${c.total} calls, ${c.data} data reads/writes`);
    let line = '     ';
    for (const [method, n] of Object.entries(c.spreadsheet)) {
      const item = ` ${method} ${n}`;
      if (line.length + item.length > 100) {
        lines.push(line);
        line = '     ';
      }
      line += item;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

describe('performance', () => {
  test('recompute + highlight: the same Spreadsheet calls at 100, 1,000 and 10,000 rows, ≤ 5 data calls', () => {
    const small = measure(100);
    const medium = measure(1000);
    const large = measure(10000);
    for (const scenario of ['steady', 'newDay', 'sidebar', 'grown'] as const) {
      expect(medium[scenario]).toEqual(small[scenario]);
      expect(large[scenario]).toEqual(small[scenario]);
      expect(small[scenario].data).toBeLessThanOrEqual(5);
    }
    // Active spreadsheet, tab by name, data range, getValues, getFormulas, getConditionalFormatRules.
    expect(small.steady).toMatchObject({ total: 6, data: 3 });
    // + getRange and one setValues (as-of date + formulas + block); the zone is not asked.
    expect(small.newDay).toMatchObject({ total: 8, data: 4 });
    // The same as the steady recompute: the payload lists no tab and reads no history tab (the spreadsheet
    // id the schedule needs comes from the document cache here; test/local/calls.test.ts pins the worst
    // case, every cache expired, on the built bundle).
    expect(small.sidebar).toMatchObject({ total: 6, data: 3 });
    // The area grew: every rule inspected (4 calls each), ours rebuilt (builders) and set: rare, still constant
    // (about 10 calls per status colour).
    expect(small.grown.data).toBe(5);
    expect(small.grown.total).toBeLessThanOrEqual(10 * HIGHLIGHT_STYLES.length + 5);
    // For the record (README / report): the per-method counts, one readable line per scenario.
    process.stdout.write(`${callsReport(small)}\n`);
  }, 120000);
});
