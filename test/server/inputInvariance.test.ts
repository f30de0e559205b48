// "No action ever changes an input cell" (issue 11), through what ships: dist/Code.js's entry points on the
// stand-in. For every action a user or the trigger runs — set-up, attach, recompute, check data, report,
// snapshot, send now, settings save, the daily tick — every input cell of the criteria tab keeps its value,
// formula, number format, data validation and note, and every protection stays as it was, over the whole
// used range; the commune's own tabs (named like the add-in's: `Báo cáo`, `LỊCH SỬ`) keep everything.
//
// The only documented exceptions: set-up and attach may add a number format, input help (data validation)
// or a note to an input cell that has none of the commune's own. Round locks (issue 14) are the add-in's own
// protections (described with LOCK_PREFIX): only the lock actions (the daily run past a round's date, open,
// "Khóa lại") may add them, only "Mở khóa" may remove them, and no other protection ever changes.
import { EXPORT_TAB } from '../../src/core/exportLayout';
import { LOCK_PREFIX } from '../../src/core/rounds';
import { describe, test, expect } from '@jest/globals';
import type { StandIn } from '../../local/gas/index';
import { distEnv } from '../support/distEnv';
import { criteriaRows, SETTINGS } from '../support/monthlyFixture';
import { fill } from '../support/env';

/** 1 November 2026, 07:05 local: the send day and hour of SETTINGS. */
const SEND_DAY = new Date(2026, 10, 1, 7, 5);
/** Self-scoring ends 20/11/2026: the daily run of 1 December locks it. */
const ROUNDS = { selfScore: '2026-11-20', appraisal1: null, explanation: null, appraisal2: null };
/** Input columns of the fixture table: Mã … Hạn (A–I). */
const INPUT_COLUMNS = 9;

interface CellState {
  value: unknown;
  formula: string;
  numberFormat: string | null;
  validation: string | null;
  note: string;
}

function plain(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Date]') return `date:${(v as Date).toISOString()}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b))) {
      if (k === 'ctx' || k === 'sheet' || k === 'spreadsheet') continue;
      out[k] = plain(x);
    }
    return out;
  }
  return v;
}

function sheetOf(standIn: StandIn, name: string) {
  const s = standIn.spreadsheet.sheets().find((x) => x.name === name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}

/** Every input cell of the criteria tab (rows 1 … last used row, input columns), by A1-ish key. */
function inputCells(standIn: StandIn, tab: string): Map<string, CellState> {
  const sheet = sheetOf(standIn, tab);
  const lastRow = Math.max(sheet.grid.lastRow(), 1);
  const out = new Map<string, CellState>();
  for (let r = 1; r <= lastRow; r++) {
    for (let c = 1; c <= INPUT_COLUMNS; c++) {
      const cell = sheet.grid.get(r, c);
      out.set(`${r}:${c}`, {
        value: plain(cell?.value ?? ''),
        formula: cell?.formula ?? '',
        numberFormat: cell?.numberFormat ?? null,
        validation: cell?.validation ? JSON.stringify(plain(cell.validation)) : null,
        note: cell?.note ?? '',
      });
    }
  }
  return out;
}

/**
 * Every protection of the document, as comparable text, except the add-in's own warning-only protections
 * of the output columns (described "CCHC Scorecard: …", covering no input cell): it may add those.
 */
function protections(standIn: StandIn): string[] {
  const ownOutput = (p: StandIn['spreadsheet']['protections'][number]) =>
    p.description.startsWith('CCHC Scorecard:') &&
    // the output columns, or the whole of the add-in's own export tab (issue 17)
    ((p.range !== undefined && p.range.getColumn() > INPUT_COLUMNS) || p.sheet.name === EXPORT_TAB);
  return standIn.spreadsheet.protections
    .filter((p) => !ownOutput(p) && !p.description.startsWith(LOCK_PREFIX))
    .map((p) =>
      JSON.stringify({
        sheet: p.sheet.name,
        type: p.type,
        range: p.range ? p.range.getA1Notation() : null,
        description: p.description,
        warningOnly: p.warningOnly,
        editors: [...p.editors].sort(),
      }),
    );
}

/** The add-in's own round locks (issue 14), as comparable text. */
function roundLocks(standIn: StandIn): string[] {
  return standIn.spreadsheet.protections
    .filter((p) => p.description.startsWith(LOCK_PREFIX))
    .map((p) =>
      JSON.stringify({
        range: p.range ? p.range.getA1Notation() : null,
        description: p.description,
        warningOnly: p.warningOnly,
        editors: [...p.editors].sort(),
      }),
    );
}

/** What an action may do to the round locks: nothing, add (lock actions), remove (Mở khóa). */
type LockAllowance = 'none' | 'lock' | 'unlock';

/** Everything stored in a tab (values, formulas, formats, notes, validations, metadata excluded). */
function wholeTab(standIn: StandIn, name: string): string {
  const sheet = sheetOf(standIn, name);
  const cells: Record<string, unknown> = {};
  sheet.grid.forEach((cell, row, column) => {
    const { result, error, spilledFrom, ...stored } = cell;
    void result;
    void error;
    void spilledFrom;
    cells[`${row}:${column}`] = plain(stored);
  });
  return JSON.stringify({ cells, rules: sheet.rules.length, frozen: sheet.frozenRows, name: sheet.name });
}

type Allowance = 'strict' | 'setUp';

/** Differences between two states, except those the allowance documents. */
function differences(
  before: Map<string, CellState>,
  after: Map<string, CellState>,
  allowance: Allowance,
): string[] {
  const out: string[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) {
      out.push(`${key}: gone`);
      continue;
    }
    if (JSON.stringify(a.value) !== JSON.stringify(b.value))
      out.push(`${key}: value ${JSON.stringify(b.value)} → ${JSON.stringify(a.value)}`);
    if (a.formula !== b.formula) out.push(`${key}: formula ${b.formula} → ${a.formula}`);
    const added = (was: unknown, now: unknown, none: unknown) =>
      allowance === 'setUp' && was === none && now !== none;
    if (a.numberFormat !== b.numberFormat && !added(b.numberFormat, a.numberFormat, null))
      out.push(`${key}: number format ${b.numberFormat} → ${a.numberFormat}`);
    if (a.validation !== b.validation && !added(b.validation, a.validation, null))
      out.push(`${key}: validation changed`);
    if (a.note !== b.note && !added(b.note, a.note, '')) out.push(`${key}: note ${b.note} → ${a.note}`);
  }
  // The used range may grow only below the table (never into rows the commune used).
  return out;
}

const USER_TABS = ['Báo cáo', 'LỊCH SỬ', 'Ghi chú của xã'];

function commune() {
  const env = distEnv(SEND_DAY);
  const { standIn, call } = env;
  standIn.spreadsheet.sheetNameLookup = 'ignoreCase';
  call(`sidebarSaveSettings(${JSON.stringify({ ...defaults(call), ...SETTINGS, rounds: ROUNDS })})`);
  const sheet = fill(standIn, 'Tiêu chí', criteriaRows());
  // The commune's own formats, input help, notes, formulas and protections on input cells.
  sheet.getRange('F7').setNumberFormat('0.0%');
  sheet
    .getRange('D4:D5')
    .setDataValidation(
      standIn.globals.SpreadsheetApp.newDataValidation()
        .requireValueInList(['CÓ/KHÔNG', 'HẠN(50%)'], true)
        .setAllowInvalid(true)
        .build(),
    );
  sheet.getRange('A4').setNote('Ngành VP-TK nhập trước ngày 25');
  sheet.getRange('G10').setFormula('=CONCATENATE("BC ";"Q3")');
  sheet.getRange('I3:I10').protect().setDescription('Hạn do UBND xã giao').setWarningOnly(true);
  fill(standIn, 'Báo cáo', [['Báo cáo riêng của xã'], ['Tháng', 'Hồ sơ'], ['10/2026', 152]]);
  fill(standIn, 'LỊCH SỬ', [
    ['Ngày', 'Việc'],
    ['01/10/2026', 'Họp giao ban'],
  ]);
  fill(standIn, 'Ghi chú của xã', [['=SUM(1;2)', '+1+1', '-1']]);
  sheet.activate();
  return env;
}

function defaults(call: <T>(src: string) => T): Record<string, unknown> {
  return call<{ settings: Record<string, unknown> }>('sidebarLoad()').settings ?? {};
}

describe('no action ever changes an input cell (dist entry points)', () => {
  test('every action, in turn, on a sheet with the commune own tabs named like the add-in tabs', () => {
    const { standIn, call, clock } = commune();
    const tabs = () => USER_TABS.map((t) => wholeTab(standIn, t));
    const userTabs = tabs();
    const protectionsBefore = protections(standIn);
    let state = inputCells(standIn, 'Tiêu chí');
    const actions: [string, Allowance, () => unknown, LockAllowance?][] = [
      ['attach', 'setUp', () => call("sidebarAttachSheet('Tiêu chí')")],
      ['set-up', 'setUp', () => call('sidebarSetupSample()')],
      ['recompute', 'strict', () => call('sidebarRecompute()')],
      ['check data', 'strict', () => call('sidebarCheckData()')],
      ['report', 'strict', () => call('sidebarGenerateReport()')],
      ['report again', 'strict', () => call('sidebarGenerateReport()')],
      ['snapshot', 'strict', () => call('sidebarSnapshotNow()')],
      ['send now', 'strict', () => call('sidebarSendNow(false)')],
      ['send again (forced)', 'strict', () => call('sidebarSendNow(true)')],
      [
        'settings save',
        'strict',
        () =>
          call(
            `sidebarSaveSettings(${JSON.stringify({ ...defaults(call), ...SETTINGS, nearDeadlineDays: 30 })})`,
          ),
      ],
      [
        'daily tick',
        'strict',
        () => {
          clock.now = new Date(2026, 11, 1, 7, 5);
          return call('dailyTick({ year: 2026, month: 12, "day-of-month": 1, hour: 0 })');
        },
        'lock',
      ],
      ['open', 'strict', () => call('onOpen({ authMode: ScriptApp.AuthMode.LIMITED })'), 'lock'],
      ['recompute after the lock', 'strict', () => call('sidebarRecompute()')],
      ['report after the lock', 'strict', () => call('sidebarGenerateReport()')],
      ['unlock', 'strict', () => call("sidebarRoundLocks('unlock')"), 'unlock'],
      [
        'tick after the unlock',
        'strict',
        () => call('dailyTick({ year: 2026, month: 12, "day-of-month": 2, hour: 0 })'),
      ],
      ['relock', 'strict', () => call("sidebarRoundLocks('relock')"), 'lock'],
    ];
    const results: Record<string, unknown> = {};
    let locks = roundLocks(standIn);
    const lockCounts: Record<string, number> = {};
    for (const [name, allowance, run, lockAllowance = 'none'] of actions) {
      results[name] = run();
      const next = inputCells(standIn, 'Tiêu chí');
      expect({ name, changes: differences(state, next, allowance) }).toEqual({ name, changes: [] });
      expect({ name, tabs: tabs() }).toEqual({ name, tabs: userTabs });
      expect({ name, protections: protections(standIn) }).toEqual({ name, protections: protectionsBefore });
      // The add-in's own round locks: added only by a lock action, removed only by Mở khóa.
      const nextLocks = roundLocks(standIn);
      if (lockAllowance === 'none') expect({ name, locks: nextLocks }).toEqual({ name, locks });
      if (lockAllowance === 'lock') expect(nextLocks).toEqual(expect.arrayContaining(locks));
      if (lockAllowance === 'unlock') expect({ name, locks: nextLocks }).toEqual({ name, locks: [] });
      lockCounts[name] = nextLocks.length;
      locks = nextLocks;
      state = next;
    }
    // The lock actions did lock (self-scoring ended 20/11), and Mở khóa kept them off until Khóa lại.
    expect(lockCounts).toMatchObject({
      'settings save': 0,
      'daily tick': 1,
      open: 1,
      unlock: 0,
      'tick after the unlock': 0,
      relock: 1,
    });
    // The actions did their work (elsewhere): the add-in's own tabs exist beside the commune's.
    const names = standIn.spreadsheet.sheets().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Báo cáo (CCHC)', 'Lịch sử (CCHC)', ...USER_TABS]));
    expect(standIn.mail.sent.length).toBeGreaterThan(0);
    // The commune's own input help, format and note were kept where the add-in adds its own elsewhere.
    const sheet = standIn.sheet('Tiêu chí');
    expect(sheet.getRange('F7').getNumberFormat()).toBe('0.0%');
    expect(sheet.getRange('A4').getNote()).toBe('Ngành VP-TK nhập trước ngày 25');
  });

  test('the comparison sees every property: a changed format, validation, note or protection is caught', () => {
    const { standIn } = commune();
    const before = inputCells(standIn, 'Tiêu chí');
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('F7').setNumberFormat('0.00');
    sheet.getRange('A4').setNote('khác');
    sheet.getRange('D4').clearDataValidations();
    sheet.getRange('B5').setValue('đổi');
    sheet.getRange('G10').setValue('x');
    const changes = differences(before, inputCells(standIn, 'Tiêu chí'), 'setUp');
    expect(changes).toEqual(
      [
        '4:1: note Ngành VP-TK nhập trước ngày 25 → khác',
        '4:4: validation changed',
        '5:2: value "Báo cáo CCHC quý đúng hạn" → "đổi"',
        '7:6: number format 0.0% → 0.00',
        '10:7: value "" → "x"',
        '10:7: formula =CONCATENATE("BC ";"Q3") → ',
      ].map((x) => x) as never,
    );
  });
});
