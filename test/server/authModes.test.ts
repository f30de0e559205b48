// Simple triggers in each authorization mode (issue 12, point 6), through the built bundle's entry points.
// The stand-in runs them as 'authNone' / 'authLimited' executions, refusing what Google says each mode may
// not call (local/gas/auth.ts): the product must do only what the mode allows, and no refusal may hide
// behind the triggers' own "never throw" guards (the log would show it).
import { describe, expect, test } from '@jest/globals';
import { distEnv } from '../support/distEnv';

const refused = (logs: string[]) => logs.filter((l) => l.includes('You do not have permission'));

function withTable() {
  const env = distEnv(new Date(2024, 5, 15, 10, 0));
  env.call('menuSetupSample()');
  return env;
}

type Env = ReturnType<typeof withTable>;

/** The edit event Sheets passes for rows typed below the table (built before the trigger runs). */
function editBelowTable(env: Env, mode: 'NONE' | 'LIMITED'): string {
  (env.context as Record<string, unknown>).editEvent = {
    authMode: mode,
    range: env.standIn.sheet('Tiêu chí').getRange('A79:G79'),
  };
  return 'onEdit(editEvent)';
}

describe('AuthMode.NONE: only the menu', () => {
  test('onOpen builds the menu and reads nothing', () => {
    const { standIn, call } = withTable();
    const before = standIn.calls.snapshot();
    standIn.run('authNone', () => call('onOpen({ authMode: ScriptApp.AuthMode.NONE })'));
    const made = standIn.calls.since(before).byMethod;
    expect(Object.keys(made).every((m) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(m))).toBe(true);
    expect(standIn.ui.menus.at(-1)?.items.length).toBeGreaterThan(5);
    expect(refused(standIn.logs)).toEqual([]);
  });

  test('onEdit does nothing at all (no service call, no refusal), even for an edit that grows the table', () => {
    const env = withTable();
    const { standIn, call } = env;
    standIn
      .sheet('Tiêu chí')
      .getRange('A79:G79')
      .setValues([['8.6', 'Thêm', 1, 'CÓ/KHÔNG', '', 'Có', '']]);
    const formulaBefore = standIn.sheet('Tiêu chí').getRange('O5').getFormula();
    const edit = editBelowTable(env, 'NONE');
    const before = standIn.calls.snapshot();
    standIn.run('authNone', () => call(edit));
    expect(standIn.calls.since(before).total).toBe(0);
    expect(standIn.sheet('Tiêu chí').getRange('O5').getFormula()).toBe(formulaBefore);
    expect(refused(standIn.logs)).toEqual([]);
  });
});

describe('AuthMode.LIMITED: the current document, no mail, no triggers, no dialogs', () => {
  test('onOpen refreshes the as-of date without a refused call', () => {
    const { standIn, clock, call } = withTable();
    clock.now = new Date(2024, 5, 16, 8, 0);
    standIn.run('authLimited', () => call('onOpen({ authMode: ScriptApp.AuthMode.LIMITED })'));
    expect(standIn.sheet('Tiêu chí').getRange('T5').getValue()).toEqual(new Date(2024, 5, 16));
    expect(refused(standIn.logs)).toEqual([]);
  });

  test('onEdit below the table extends the formulas without a refused call', () => {
    const env = withTable();
    const { standIn, call } = env;
    standIn
      .sheet('Tiêu chí')
      .getRange('A79:G79')
      .setValues([['8.6', 'Thêm', 1, 'CÓ/KHÔNG', '', 'Có', '']]);
    const edit = editBelowTable(env, 'LIMITED');
    standIn.run('authLimited', () => call(edit));
    expect(standIn.sheet('Tiêu chí').getRange('O5').getFormula()).toContain('$A$79');
    expect(refused(standIn.logs)).toEqual([]);
  });

  test('the stand-in refuses in LIMITED what needs consent (so the tests above would see it)', () => {
    const { standIn, call } = withTable();
    expect(() => standIn.run('authLimited', () => call('MailApp.getRemainingDailyQuota()'))).toThrow(
      /permission.*LIMITED/,
    );
    expect(() => standIn.run('authLimited', () => call('ScriptApp.getProjectTriggers()'))).toThrow(
      /permission/,
    );
    expect(() => standIn.run('authNone', () => call('PropertiesService.getDocumentProperties()'))).toThrow(
      /permission.*NONE/,
    );
  });
});
