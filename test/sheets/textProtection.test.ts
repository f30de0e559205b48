// Every user-supplied text the add-in writes into a cell stays text (issue 11, point 6): class names,
// area titles and sector names that look like formulas (`+1+IMPORTXML(A1;A2)`, `-1+1`, `=1+1`, `@x`) or like
// numbers arrive in the summary block, the history tab and the report exactly as typed, never as a formula.
import { describe, test, expect } from '@jest/globals';
import { generateReport, snapshotNow } from '../../src/server/reporting';
import { recompute } from '../../src/server/recompute';
import { asTextCell } from '../../src/sheets/cellText';
import { sidebarSaveSettingsAction } from '../../src/server/sidebarActions';
import { loadSettings } from '../../src/server/settingsStore';
import { criteriaRows, monthlyEnv, SEND_DAY } from '../support/monthlyFixture';
import { internalSheet } from '../support/env';
import type { StandIn } from '../../local/gas/index';

const HOSTILE = ['+1+IMPORTXML(A1;A2)', '-1+1', '=1+1', '@SUM(1)', '+IMPORTRANGE("x";"A1")', '1.10', 'TRUE'];

/** Every formula in a tab, as A1 → formula. */
function formulas(standIn: StandIn, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  internalSheet(standIn, name).grid.forEach((cell, row, column) => {
    if (cell.formula) out[`${row}:${column}`] = cell.formula;
  });
  return out;
}

/** Every displayed value of a tab, as text. */
function texts(standIn: StandIn, name: string): string[] {
  const sheet = standIn.sheet(name);
  return sheet
    .getDataRange()
    .getDisplayValues()
    .flat()
    .filter((v) => v !== '');
}

// Whether Sheets takes "+…"/"-…" written by setValues for a formula, and whether a plain-text format keeps
// a written "=1+1" or "-5" as text, are not documented: the stand-in has a switch for each behaviour, and the
// block must hold the text under every combination.
const SIGNED_TEXT = [false, true] as const;
const TEXT_FORMAT = ['keepsText', 'parses'] as const;
const BEHAVIOURS = SIGNED_TEXT.flatMap((signed) =>
  TEXT_FORMAT.map((textFormat) => [signed, textFormat] as const),
);

function hostileEnv(signedTextBecomesFormula = false) {
  const rows = criteriaRows();
  rows[2][1] = '-1+1'; // area 1's title
  rows[5][1] = '+1+IMPORTXML(A1;A2)'; // area 2's title
  return monthlyEnv({
    rows,
    behaviours: { signedTextBecomesFormula },
    settings: {
      bands: [
        { label: '+1+IMPORTXML(A1;A2)', minPercent: 90 },
        { label: '-1+1', minPercent: 80 },
        { label: '=1+1', minPercent: 70 },
        { label: '@SUM(1)', minPercent: 55 },
        { label: 'TRUE', minPercent: 30 },
        { label: '1.10', minPercent: 0 },
      ],
      sectors: [
        { name: 'VP-TK', head: '=1+1', email: 'vp@xa.vn' },
        { name: 'BPMC', head: '', email: 'bpmc@xa.vn' },
      ],
    },
  });
}

describe('user text written into cells stays text', () => {
  // The criteria rows are the commune's own input, written by the fixture as text (with the switch on, the
  // fixture's "-1+1" title would itself be a formula the user typed); the settings test below covers both.
  test('the summary block: only the add-in CCHC_* formulas, every hostile label as typed', () => {
    const { standIn } = hostileEnv();
    recompute(SEND_DAY);
    const all = Object.values(formulas(standIn, 'Tiêu chí'));
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(f).toMatch(/^=(ARRAYFORMULA\()?CCHC_[A-Z_]+\(/);
    const shown = texts(standIn, 'Tiêu chí');
    for (const label of ['+1+IMPORTXML(A1;A2)', '-1+1', '=1+1', '@SUM(1)', 'TRUE', '1.10'])
      expect(shown).toContain(label);
    expect(shown).toContain('1. -1+1');
  });

  test.each(BEHAVIOURS)(
    'hostile class names saved later in settings (signed text becomes a formula: %s, text format on write: %s): the block is rewritten with them as text',
    (signed, textFormat) => {
      const { standIn } = monthlyEnv({
        behaviours: { signedTextBecomesFormula: signed, textFormatOnWrite: textFormat },
      });
      const settings = loadSettings().settings;
      const r = sidebarSaveSettingsAction({
        ...settings,
        bands: [
          { label: '+1+IMPORTXML(A1;A2)', minPercent: 90 },
          { label: '-1+1', minPercent: 50 },
          { label: '-5', minPercent: 25 },
          { label: '=1+1', minPercent: 0 },
        ],
      });
      expect(r.ok).toBe(true);
      recompute(SEND_DAY);
      for (const f of Object.values(formulas(standIn, 'Tiêu chí')))
        expect(f).toMatch(/^=(ARRAYFORMULA\()?CCHC_[A-Z_]+\(/);
      const shown = texts(standIn, 'Tiêu chí');
      for (const label of ['+1+IMPORTXML(A1;A2)', '-1+1', '=1+1', '-5']) expect(shown).toContain(label);
    },
  );

  test.each(BEHAVIOURS)(
    'with a note of the commune between the outputs and the block (signed: %s, text format on write: %s), the block written on its own keeps the hostile class names as text',
    (signed, textFormat) => {
      const { standIn } = monthlyEnv({
        behaviours: { signedTextBecomesFormula: signed, textFormatOnWrite: textFormat },
      });
      const sheet = standIn.sheet('Tiêu chí');
      const grid = sheet.getDataRange().getValues();
      const row = grid.findIndex((line) => line.includes('TỔNG HỢP CHỈ SỐ CCHC'));
      const column = grid[row].indexOf('TỔNG HỢP CHỈ SỐ CCHC');
      // Left of the block: the points-at-stake column set-up adds in the gap. A commune that clears its
      // header makes the column its own again (only a column headed so is the add-in's); its note there,
      // two rows below the block's title, keeps the outputs and the block from being one rectangle.
      expect(grid[row][column - 1]).toBe('Điểm có thể mất');
      sheet.getRange(row + 1, column).setValue('');
      sheet.getRange(row + 3, column).setValue('ghi chú của xã');
      const r = sidebarSaveSettingsAction({
        ...loadSettings().settings,
        bands: [
          { label: '=1+1', minPercent: 90 },
          { label: '-5', minPercent: 50 },
          { label: '+1+IMPORTXML(A1;A2)', minPercent: 0 },
        ],
      });
      expect(r.ok).toBe(true);
      recompute(SEND_DAY);
      for (const f of Object.values(formulas(standIn, 'Tiêu chí')))
        expect(f).toMatch(/^=(ARRAYFORMULA\()?CCHC_[A-Z_]+\(/);
      const shown = texts(standIn, 'Tiêu chí');
      for (const label of ['=1+1', '-5', '+1+IMPORTXML(A1;A2)', 'ghi chú của xã'])
        expect(shown).toContain(label);
    },
  );

  test.each(HOSTILE)('the history tab: the class label %s as typed, no formula', (label) => {
    const { standIn } = monthlyEnv({
      settings: {
        bands: [
          { label: 'Tốt', minPercent: 90 },
          { label, minPercent: 0 },
        ],
      },
    });
    const r = snapshotNow(SEND_DAY);
    expect(r.snapshot.classification).toBe(label);
    expect(formulas(standIn, 'Lịch sử')).toEqual({});
    expect(standIn.sheet('Lịch sử').getRange(2, 6).getDisplayValue()).toBe(label);
  });

  test('the report tab: titles and labels as typed, no formula', () => {
    const { standIn } = hostileEnv();
    generateReport(SEND_DAY);
    expect(formulas(standIn, 'Báo cáo')).toEqual({});
    const shown = texts(standIn, 'Báo cáo');
    expect(shown).toContain('-1+1');
    expect(shown).toContain('+1+IMPORTXML(A1;A2)');
  });
});

describe('asTextCell', () => {
  test.each([
    ['+1+IMPORTXML(A1;A2)', "'+1+IMPORTXML(A1;A2)"],
    ['-1+1', "'-1+1"],
    ['=1+1', "'=1+1"],
    ['@x', "'@x"],
    ['1.10', "'1.10"],
    ['05/12/2026', "'05/12/2026"],
    ['TRUE', "'TRUE"],
    ['false', "'false"],
    ['Xuất sắc', 'Xuất sắc'],
    ['1. Công tác chỉ đạo', '1. Công tác chỉ đạo'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(asTextCell(input)).toBe(expected);
  });

  test('numbers and dates pass unchanged', () => {
    expect(asTextCell(1.5)).toBe(1.5);
    const d = new Date(2026, 0, 1);
    expect(asTextCell(d)).toBe(d);
  });
});
