// Round locks on the stand-in (issue 14): the self-score inputs are protected once the self-scoring date has
// passed (daily run, open), the next dates lock their own columns in turn, "Mở khóa" removes only the
// add-in's own protections and records who and when, and no protection the add-in did not create is ever
// read into, changed or removed, including a commune that already protects ranges of its own.
import { describe, expect, test } from '@jest/globals';
import type { StandIn } from '../../local/gas/index';
import { LOCK_PREFIX } from '../../src/core/rounds';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CellValue } from '../../src/core/types';
import { AUDIT_HEADERS, AUDIT_TAB } from '../../src/sheets/auditTab';
import { isOwnTab } from '../../src/sheets/tabs';
import { dailyTick } from '../../src/server/schedule';
import { applyRoundLocks } from '../../src/server/roundLocks';
import { runRoundAction } from '../../src/server/roundActions';
import { unlockQuestion } from '../../src/server/roundActions.lazy';
import { sidebarRoundLocksAction, sidebarSaveSettingsAction } from '../../src/server/sidebarActions';
import { menuUnlockRoundsAction } from '../../src/server/menuActions';
import { refreshOnOpen } from '../../src/server/triggers';
import { loadSettings } from '../../src/server/settingsStore';
import { distEnv } from '../support/distEnv';
import { fill } from '../support/env';
import { monthlyEnv, SETTINGS } from '../support/monthlyFixture';

const OWNER = 'user@example.com';
const CLERK = 'bpmc@xa.vn';
const EDITOR = 'vp@xa.vn';

// Mã A · Tiêu chí B · Điểm tối đa C · Cách chấm D · Kết quả E · Minh chứng F · Điểm tự chấm G · Giải trình H ·
// Điểm thẩm định lần 1 I · Điểm thẩm định lần 2 J · Ngành K
const ROWS: CellValue[][] = [
  ['BỘ CHỈ SỐ 2026'],
  [
    'Mã',
    'Tiêu chí',
    'Điểm tối đa',
    'Cách chấm',
    'Kết quả',
    'Minh chứng',
    'Điểm tự chấm',
    'Giải trình',
    'Điểm thẩm định lần 1',
    'Điểm thẩm định lần 2',
    'Ngành',
  ],
  ['1', 'Chỉ đạo điều hành', 4, '', '', '', '', '', '', '', 'VP-TK'],
  ['1.1', 'Kế hoạch CCHC', 2, 'CÓ/KHÔNG', 'Có', 'QĐ 1', 2, '', 2, '', 'VP-TK'],
  ['1.2', 'Báo cáo', 2, 'TỶ LỆ', '80%', 'BC', 1.6, '', 1.5, '', 'VP-TK'],
];

/** 20/11 self-scoring ends; 05/12 appraisal 1; 15/12 explanations; 25/12 appraisal 2. */
const ROUNDS = {
  selfScore: '2026-11-20',
  appraisal1: '2026-12-05',
  explanation: '2026-12-15',
  appraisal2: '2026-12-25',
};

function setUp(settings: Record<string, unknown> = {}) {
  const made = monthlyEnv({
    rows: ROWS,
    settings: { rounds: ROUNDS, lockEditors: [EDITOR], ...settings },
  });
  const { standIn } = made;
  const sheet = standIn.sheet('Tiêu chí');
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  // The commune's own protections: a strict one on part of Kết quả (only the owner and a deputy), a
  // warning-only one on Ngành, a whole tab of its own, and one whose description merely mentions the add-in.
  const own1 = sheet.getRange('E4:E5').protect().setDescription('Số liệu đã chốt của xã');
  own1.removeEditors(own1.getEditors());
  own1.addEditor('pct@xa.vn');
  sheet.getRange('K3:K20').protect().setDescription('Ngành do UBND xã phân công').setWarningOnly(true);
  const tab = ss.insertSheet('Danh bạ');
  tab.protect().setDescription('Danh bạ nội bộ');
  sheet.getRange('H3:H4').protect().setDescription('Khóa CCHC Scorecard của xã').setWarningOnly(true);
  return { ...made, sheet, ss };
}

/** Every protection the add-in did not create, as comparable text. */
function communeProtections(standIn: StandIn): string[] {
  return standIn.spreadsheet.protections
    .filter((p) => !p.description.startsWith(LOCK_PREFIX) && !p.description.startsWith('CCHC Scorecard:'))
    .map((p) =>
      JSON.stringify({
        sheet: p.sheet.name,
        type: p.type,
        range: p.range ? p.range.getA1Notation() : null,
        description: p.description,
        warningOnly: p.warningOnly,
        restricted: p.restricted,
        editors: [...p.editors].sort(),
      }),
    );
}

/** The add-in's round locks: range, warning-only, editors. */
function roundLocks(standIn: StandIn) {
  return standIn.spreadsheet.protections
    .filter((p) => p.description.startsWith(LOCK_PREFIX))
    .map((p) => ({
      range: p.range?.getA1Notation(),
      round: p.description.slice(LOCK_PREFIX.length + 1).split(' (')[0],
      warningOnly: p.warningOnly,
      editors: [...p.editors].sort(),
    }));
}

function audit(standIn: StandIn): string[][] {
  const tab = standIn.spreadsheet.sheets().find((s) => s.name === AUDIT_TAB);
  if (!tab) return [];
  return standIn
    .sheet(AUDIT_TAB)
    .getDataRange()
    .getValues()
    .map((r) => r.map(String));
}

/** A value typed by `who` into a cell: null when it went in, else the error. */
function typeAs(standIn: StandIn, who: string, a1: string, value: CellValue): string | null {
  try {
    standIn.asUser(who, () => standIn.sheet('Tiêu chí').getRange(a1).setValue(value));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const PROTECTED = /You are trying to edit a protected cell or object/;

describe('round locks on the stand-in', () => {
  test('nothing is locked before the self-scoring date, and nothing is read to find that out', () => {
    const { standIn, clock } = setUp();
    const before = communeProtections(standIn);
    clock.now = new Date(2026, 10, 20, 23, 0); // the last day itself is still open
    standIn.calls.reset();
    expect(applyRoundLocks(clock.now, null)).toEqual({ locked: [], problem: null, message: '' });
    expect(standIn.calls.total('Spreadsheet')).toBe(0);
    expect(roundLocks(standIn)).toEqual([]);
    expect(communeProtections(standIn)).toEqual(before);
    expect(typeAs(standIn, CLERK, 'E6', 'Có')).toBeNull();
  });

  test('strict: the self-score inputs lock the day after, for everyone but the owner and the listed editors', () => {
    const { standIn, clock } = setUp();
    const before = communeProtections(standIn);
    clock.now = new Date(2026, 10, 21, 7, 0);
    dailyTick({ year: 2026, month: 11, 'day-of-month': 21, hour: 0 });
    // Kết quả, Minh chứng, Điểm tự chấm are adjacent: one protection, first data row to the tab's end.
    const rows = standIn.sheet('Tiêu chí').getMaxRows();
    expect(roundLocks(standIn)).toEqual([
      { range: `E3:G${rows}`, round: 'Tự chấm', warningOnly: false, editors: [OWNER, EDITOR] },
    ]);
    expect(communeProtections(standIn)).toEqual(before);
    // A sector clerk can no longer change a self-score input; appraisal and explanation columns stay open.
    expect(typeAs(standIn, CLERK, 'E6', 'Có')).toMatch(PROTECTED);
    expect(typeAs(standIn, CLERK, 'G4', 1)).toMatch(PROTECTED);
    expect(typeAs(standIn, CLERK, 'H6', 'Đã giải trình')).toBeNull();
    expect(typeAs(standIn, CLERK, 'I4', 1.5)).toBeNull();
    expect(typeAs(standIn, EDITOR, 'E6', 'Có')).toBeNull();
    expect(typeAs(standIn, OWNER, 'F6', 'QĐ 2')).toBeNull();
    // The audit tab, the add-in's own, says when, who, which round and what.
    const rowsOfAudit = audit(standIn);
    expect(rowsOfAudit[0]).toEqual(AUDIT_HEADERS);
    expect(rowsOfAudit.slice(1)).toEqual([
      [
        '21/11/2026 07:00',
        `${OWNER} (lịch hằng ngày)`,
        'Khóa vòng Tự chấm',
        `Hết hạn 20/11/2026; cột Kết quả, Minh chứng, Điểm tự chấm (E3:G${rows}); chỉ chủ bảng tính, người khóa, ${EDITOR} được sửa.`,
      ],
    ]);
    expect(isOwnTab(standIn.sheet(AUDIT_TAB), 'audit')).toBe(true);
    // Every later run finds the lock in place: no new protection, no new audit line.
    dailyTick({ year: 2026, month: 11, 'day-of-month': 22, hour: 0 });
    refreshOnOpen(clock.now);
    expect(roundLocks(standIn)).toHaveLength(1);
    expect(audit(standIn)).toHaveLength(2);
  });

  test('the next dates lock their own columns in turn', () => {
    const { standIn, clock } = setUp();
    const rows = standIn.sheet('Tiêu chí').getMaxRows();
    clock.now = new Date(2026, 11, 6, 8, 0);
    refreshOnOpen(clock.now);
    expect(roundLocks(standIn).map((l) => [l.round, l.range])).toEqual([
      ['Tự chấm', `E3:G${rows}`],
      ['Thẩm định lần 1', `I3:I${rows}`],
    ]);
    expect(typeAs(standIn, CLERK, 'H6', 'x')).toBeNull();
    expect(typeAs(standIn, CLERK, 'J4', 2)).toBeNull();
    clock.now = new Date(2026, 11, 26, 8, 0);
    applyRoundLocks(clock.now, null);
    expect(roundLocks(standIn).map((l) => [l.round, l.range])).toEqual([
      ['Tự chấm', `E3:G${rows}`],
      ['Thẩm định lần 1', `I3:I${rows}`],
      ['Giải trình', `H3:H${rows}`],
      ['Thẩm định lần 2', `J3:J${rows}`],
    ]);
    expect(typeAs(standIn, CLERK, 'J4', 2)).toMatch(PROTECTED);
    expect(
      audit(standIn)
        .slice(1)
        .map((r) => [r[1], r[2]]),
    ).toEqual([
      [`${OWNER} (mở bảng tính)`, 'Khóa vòng Tự chấm'],
      [`${OWNER} (mở bảng tính)`, 'Khóa vòng Thẩm định lần 1'],
      [OWNER, 'Khóa vòng Giải trình'],
      [OWNER, 'Khóa vòng Thẩm định lần 2'],
    ]);
  });

  test('warning-only: everyone may still edit (after the warning Sheets shows); no editors list is set', () => {
    const { standIn, clock } = setUp({ lockWarningOnly: true });
    clock.now = new Date(2026, 10, 21, 7, 0);
    applyRoundLocks(clock.now, null);
    expect(roundLocks(standIn)).toEqual([
      expect.objectContaining({ round: 'Tự chấm', warningOnly: true, editors: [OWNER] }),
    ]);
    expect(typeAs(standIn, CLERK, 'E6', 'Có')).toBeNull();
    expect(audit(standIn)[1][3]).toMatch(/chỉ cảnh báo/);
  });

  test('Mở khóa removes only the add-in own locks, records who and when, and they stay off until relocked', () => {
    const { standIn, clock } = setUp();
    const before = communeProtections(standIn);
    clock.now = new Date(2026, 11, 6, 8, 0);
    applyRoundLocks(clock.now, null);
    expect(roundLocks(standIn)).toHaveLength(2);
    clock.now = new Date(2026, 11, 7, 9, 30);
    const message = standIn.asUser(EDITOR, () => runRoundAction('unlock', clock.now));
    expect(message).toMatch(/Đã mở khóa 2 vùng \(vòng Tự chấm, Thẩm định lần 1\)/);
    expect(roundLocks(standIn)).toEqual([]);
    expect(communeProtections(standIn)).toEqual(before);
    expect(audit(standIn).at(-1)).toEqual([
      '07/12/2026 09:30',
      EDITOR,
      'Mở khóa',
      expect.stringMatching(
        /^Gỡ 2 vùng khóa của tiện ích \(vòng Tự chấm, Thẩm định lần 1\): 'Tiêu chí'!E3|^Gỡ 2 vùng khóa của tiện ích \(vòng Tự chấm, Thẩm định lần 1\): Tiêu chí!E3/,
      ),
    ]);
    // The daily run and the open do not lock the unlocked rounds again while their dates stay.
    dailyTick({ year: 2026, month: 12, 'day-of-month': 8, hour: 0 });
    expect(roundLocks(standIn)).toEqual([]);
    expect(typeAs(standIn, CLERK, 'E6', 'Có')).toBeNull();
    // A new date for self-scoring locks that round again once it passes; "Khóa lại" locks everything due.
    clock.now = new Date(2026, 11, 8, 9, 0);
    expect(runRoundAction('relock', clock.now)).toMatch(/Đã khóa vòng Tự chấm .*; vòng Thẩm định lần 1/);
    expect(roundLocks(standIn)).toHaveLength(2);
    expect(communeProtections(standIn)).toEqual(before);
  });

  test('a user who may not edit the strict locks cannot remove them: told, nothing removed, still recorded', () => {
    const { standIn, clock } = setUp();
    clock.now = new Date(2026, 10, 21, 7, 0);
    applyRoundLocks(clock.now, null);
    const result = standIn.asUser(CLERK, () => sidebarRoundLocksAction('unlock'));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Không có quyền gỡ 1 vùng/);
    expect(roundLocks(standIn)).toHaveLength(1);
    expect(audit(standIn).at(-1)?.slice(1, 3)).toEqual([CLERK, 'Mở khóa']);
  });

  test.each([true, false])(
    'warning-only locks and an outsider unlocking (stand-in warningOnlyCanEdit = %s)',
    (canEdit) => {
      const { standIn, clock } = setUp({ lockWarningOnly: true });
      standIn.behaviours.warningOnlyCanEdit = canEdit;
      clock.now = new Date(2026, 10, 21, 7, 0);
      applyRoundLocks(clock.now, null);
      const before = communeProtections(standIn);
      const result = standIn.asUser(CLERK, () => sidebarRoundLocksAction('unlock'));
      expect(result.ok).toBe(canEdit);
      expect(roundLocks(standIn)).toHaveLength(canEdit ? 0 : 1);
      expect(communeProtections(standIn)).toEqual(before);
      // Either way a script (and a person, after the warning) may still write there.
      expect(typeAs(standIn, CLERK, 'E6', 'Có')).toBeNull();
    },
  );

  test('the menu asks first: No changes nothing; Yes unlocks', () => {
    const { standIn, clock } = setUp();
    clock.now = new Date(2026, 10, 21, 7, 0);
    applyRoundLocks(clock.now, null);
    standIn.ui.respond('NO');
    menuUnlockRoundsAction();
    expect(standIn.ui.alerts).toEqual([unlockQuestion(), 'Đã dừng: không gỡ khóa nào.']);
    expect(roundLocks(standIn)).toHaveLength(1);
    standIn.ui.respond('YES');
    menuUnlockRoundsAction();
    expect(roundLocks(standIn)).toEqual([]);
    expect(standIn.ui.alerts.at(-1)).toMatch(/^Đã mở khóa 1 vùng/);
  });

  test('changing the rounds or who may edit is recorded, and the locks follow the new editors', () => {
    const { standIn, clock } = setUp();
    clock.now = new Date(2026, 10, 21, 7, 0);
    applyRoundLocks(clock.now, null);
    const settings = loadSettings().settings;
    const saved = sidebarSaveSettingsAction({
      ...settings,
      rounds: { ...settings.rounds, explanation: '2026-12-20' },
      lockEditors: ['tp@xa.vn'],
    });
    expect(saved.ok).toBe(true);
    const last = audit(standIn).at(-2);
    expect(last?.slice(2)).toEqual([
      'Đổi lịch vòng chấm',
      `Giải trình đến: 15/12/2026 → 20/12/2026; Cách khóa: chỉ chủ bảng tính, người khóa, ${EDITOR} được sửa → chỉ chủ bảng tính, người khóa, tp@xa.vn được sửa`,
    ]);
    expect(roundLocks(standIn)).toEqual([
      expect.objectContaining({ round: 'Tự chấm', editors: ['tp@xa.vn', OWNER] }),
    ]);
    expect(typeAs(standIn, EDITOR, 'E6', 'Có')).toMatch(PROTECTED);
    // Saving the same settings again records nothing.
    const lines = audit(standIn).length;
    sidebarSaveSettingsAction(loadSettings().settings);
    expect(audit(standIn)).toHaveLength(lines);
  });

  test('a commune tab named like the audit tab is never written: the add-in uses its own', () => {
    const { standIn, clock, ss } = setUp();
    const theirs = ss.insertSheet(AUDIT_TAB);
    theirs.getRange('A1').setValue('Nhật ký riêng của xã');
    clock.now = new Date(2026, 10, 21, 7, 0);
    applyRoundLocks(clock.now, null);
    expect(standIn.sheet(AUDIT_TAB).getDataRange().getValues()).toEqual([['Nhật ký riêng của xã']]);
    const own = standIn.sheet(`${AUDIT_TAB} (CCHC)`);
    expect(own.getRange('C2').getValue()).toBe('Khóa vòng Tự chấm');
  });
});

describe('round locks on open through dist/Code.js, whether or not AuthMode.LIMITED may read the lazy module', () => {
  /** dist/Code.js on the stand-in, the rounds set, the table attached, the self-scoring date passed. */
  function openEnv(
    limitedHtmlService: boolean,
    settings: Record<string, unknown> = {},
    limitedProtectionEditors = true,
  ) {
    const env = distEnv(new Date(2026, 10, 1, 7, 5), {
      behaviours: { limitedHtmlService, limitedProtectionEditors },
    });
    const { standIn, call, clock } = env;
    // Stored directly: saving through the sidebar would read the lazy module already (recording the change),
    // and a module once read stays read for the rest of this vm, unlike a real execution.
    standIn.properties.document.set(
      'cchc.settings',
      JSON.stringify({
        ...DEFAULT_SETTINGS,
        ...SETTINGS,
        rounds: ROUNDS,
        lockEditors: [EDITOR],
        ...settings,
      }),
    );
    fill(standIn, 'Tiêu chí', ROWS);
    expect(call<{ ok: boolean }>("sidebarAttachSheet('Tiêu chí')").ok).toBe(true);
    clock.now = new Date(2026, 10, 21, 8, 0);
    const logs = standIn.logs.length;
    const open = () =>
      standIn.run('authLimited', () => call('onOpen({ authMode: ScriptApp.AuthMode.LIMITED })'));
    open();
    const rows = standIn.sheet('Tiêu chí').getMaxRows();
    return { ...env, open, rows, openLogs: standIn.logs.slice(logs).join('\n') };
  }

  test('HtmlService refused: opening locks all the same; the audit line follows at the next full run', () => {
    const { standIn, call, clock, open, rows, openLogs } = openEnv(false);
    expect(openLogs).toMatch(/permission to call HtmlService/);
    // The protections are set on open, by dist/Code.js alone, exactly as the daily run sets them.
    const locked = [{ range: `E3:G${rows}`, round: 'Tự chấm', warningOnly: false, editors: [OWNER, EDITOR] }];
    expect(roundLocks(standIn)).toEqual(locked);
    expect(typeAs(standIn, CLERK, 'E4', 'Không')).toMatch(PROTECTED);
    expect(typeAs(standIn, CLERK, 'I4', 1.5)).toBeNull();
    expect(audit(standIn)).toEqual([]);
    // Opening again changes nothing.
    open();
    expect(roundLocks(standIn)).toEqual(locked);
    // Full authorization (the sidebar opening, an hour later): the lock stays as it is; the audit line says
    // it was set on open, at the time of the open.
    clock.now = new Date(2026, 10, 21, 9, 30);
    call('sidebarLoad()');
    expect(roundLocks(standIn)).toEqual(locked);
    expect(audit(standIn).slice(1)).toEqual([
      [
        '21/11/2026 08:00',
        `${OWNER} (mở bảng tính)`,
        'Khóa vòng Tự chấm',
        `Hết hạn 20/11/2026; cột Kết quả, Minh chứng, Điểm tự chấm (E3:G${rows}); chỉ chủ bảng tính, người khóa, ${EDITOR} được sửa.`,
      ],
    ]);
    // Recorded once: later opens and runs add nothing.
    open();
    call('sidebarLoad()');
    expect(audit(standIn)).toHaveLength(2);
    expect(roundLocks(standIn)).toEqual(locked);
  });

  test('HtmlService refused, warning-only locks: set on open too; Mở khóa first records the lock, then lifts it', () => {
    const { standIn, call, rows } = openEnv(false, { lockWarningOnly: true });
    expect(roundLocks(standIn)).toEqual([
      { range: `E3:G${rows}`, round: 'Tự chấm', warningOnly: true, editors: [OWNER] },
    ]);
    expect(call<{ ok: boolean }>("sidebarRoundLocks('unlock')").ok).toBe(true);
    expect(roundLocks(standIn)).toEqual([]);
    expect(audit(standIn).map((r) => r[2])).toEqual(['Việc', 'Khóa vòng Tự chấm', 'Mở khóa']);
  });

  test.each([false, true])(
    'editors refused in LIMITED (HtmlService allowed: %s): no half-set strict lock is left; the sidebar locks',
    (html) => {
      const { standIn, call, clock, rows, openLogs } = openEnv(html, {}, false);
      expect(openLogs).toMatch(/permission to call Protection\./);
      // A protection whose editors could not be set would protect nothing yet pass for the lock: none is left.
      expect(roundLocks(standIn)).toEqual([]);
      clock.now = new Date(2026, 10, 21, 9, 30);
      call('sidebarLoad()');
      expect(roundLocks(standIn)).toEqual([
        { range: `E3:G${rows}`, round: 'Tự chấm', warningOnly: false, editors: [OWNER, EDITOR] },
      ]);
      expect(
        audit(standIn)
          .slice(1)
          .map((r) => r.slice(0, 3)),
      ).toEqual([['21/11/2026 09:30', OWNER, 'Khóa vòng Tự chấm']]);
    },
  );

  test('editors refused in LIMITED: a warning-only lock sets no editors, so it is set on open', () => {
    const { standIn, rows } = openEnv(false, { lockWarningOnly: true }, false);
    expect(roundLocks(standIn)).toEqual([
      { range: `E3:G${rows}`, round: 'Tự chấm', warningOnly: true, editors: [OWNER] },
    ]);
  });

  test('HtmlService allowed: opening locks through the lazy module and writes the audit line at once', () => {
    const { standIn, rows, openLogs } = openEnv(true);
    expect(openLogs).not.toMatch(/permission/);
    expect(roundLocks(standIn)).toEqual([
      { range: `E3:G${rows}`, round: 'Tự chấm', warningOnly: false, editors: [OWNER, EDITOR] },
    ]);
    expect(
      audit(standIn)
        .slice(1)
        .map((r) => r.slice(0, 3)),
    ).toEqual([['21/11/2026 08:00', `${OWNER} (mở bảng tính)`, 'Khóa vòng Tự chấm']]);
  });
});
