// The stand-in's switches for what Google does not document (local/gas/context.ts) and its authorization
// modes (local/gas/auth.ts): each behaves as its comment says, so product tests under each are meaningful.
import { describe, expect, test } from '@jest/globals';
import { createStandIn, type StandInOptions } from '../../local/gas/index';

function standIn(behaviours?: StandInOptions['behaviours']) {
  const s = createStandIn({ now: () => new Date('2026-11-01T00:00:00Z'), behaviours });
  s.install(globalThis);
  return s;
}

describe('timer runs', () => {
  test('by default a timer run has its spreadsheet, document lock and document properties', () => {
    const s = standIn();
    s.run('trigger', () => {
      expect(SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
      expect(LockService.getDocumentLock()).not.toBeNull();
      expect(PropertiesService.getDocumentProperties()).not.toBeNull();
    });
  });

  test('each can be switched to null, in timer runs only', () => {
    const s = standIn({
      timerRun: { activeSpreadsheet: false, documentLock: false, documentProperties: false, openById: false },
    });
    const id = s.spreadsheet.id;
    s.run('trigger', () => {
      expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
      expect(SpreadsheetApp.getActive()).toBeNull();
      expect(LockService.getDocumentLock()).toBeNull();
      expect(PropertiesService.getDocumentProperties()).toBeNull();
      expect(PropertiesService.getUserProperties()).not.toBeNull();
      expect(() => SpreadsheetApp.openById(id)).toThrow(/permission/);
    });
    expect(SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
    expect(LockService.getDocumentLock()).not.toBeNull();
  });
});

describe('triggers', () => {
  test.each([true, false])('getUserTriggers(ss) lists clock triggers: %s', (listsClock) => {
    const s = standIn({ userTriggersListClock: listsClock });
    const t = ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).atHour(7).create();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ScriptApp.getUserTriggers(ss).map((x) => x.getUniqueId())).toEqual(
      listsClock ? [t.getUniqueId()] : [],
    );
    expect(ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(s.triggers).toHaveLength(1);
  });

  test.each([true, false])('a trigger created inside a trigger run is dead: %s', (dead) => {
    const s = standIn({ triggersCreatedInTriggerRunAreDead: dead });
    const fired: string[] = [];
    ScriptApp.newTrigger('first').timeBased().everyDays(1).create();
    s.fireTimeTriggers({
      first: () => {
        fired.push('first');
        ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
        ScriptApp.newTrigger('second').timeBased().everyDays(1).create();
      },
      second: () => fired.push('second'),
    });
    s.fireTimeTriggers({ second: () => fired.push('second') });
    expect(fired).toEqual(dead ? ['first'] : ['first', 'second']);
  });
});

describe('authorization modes of simple triggers', () => {
  test('NONE: the add-on menu only', () => {
    const s = standIn();
    s.run('authNone', () => {
      SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'f').addToUi();
      expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission.*NONE/);
      expect(() => PropertiesService.getDocumentProperties()).toThrow(/permission/);
      expect(() => LockService.getDocumentLock()).toThrow(/permission/);
      expect(() => Session.getScriptTimeZone()).toThrow(/permission/);
      expect(() => MailApp.getRemainingDailyQuota()).toThrow(/permission/);
    });
    expect(s.ui.menus).toHaveLength(1);
  });

  test('LIMITED: the current file and the script stores, no mail, triggers or dialogs', () => {
    const s = standIn();
    s.run('authLimited', () => {
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').setValue(1);
      PropertiesService.getDocumentProperties().setProperty('k', 'v');
      expect(LockService.getDocumentLock().tryLock(10)).toBe(true);
      expect(() => MailApp.getRemainingDailyQuota()).toThrow(/permission.*LIMITED/);
      expect(() => ScriptApp.getProjectTriggers()).toThrow(/permission/);
      expect(() => HtmlService.createHtmlOutput('x')).toThrow(/permission/);
      expect(() => SpreadsheetApp.getUi().alert('x')).toThrow(/permission/);
    });
    expect(s.properties.document.get('k')).toBe('v');
  });

  test('LIMITED and HtmlService (limitedHtmlService): refused by default, allowed by the switch; no dialog either way', () => {
    const refused = standIn();
    refused.run('authLimited', () =>
      expect(() => HtmlService.createHtmlOutput('x').getContent()).toThrow(/permission to call HtmlService/),
    );
    const allowed = standIn({ limitedHtmlService: true });
    allowed.run('authLimited', () => {
      expect(HtmlService.createHtmlOutput('x').getContent()).toBe('x');
      expect(() => SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x'))).toThrow(
        /permission/,
      );
      expect(() => MailApp.getRemainingDailyQuota()).toThrow(/permission/);
    });
    allowed.run('authNone', () => expect(() => HtmlService.createHtmlOutput('x')).toThrow(/permission/));
  });
});

describe('text written into a cell formatted as plain text (textFormatOnWrite)', () => {
  function write(mode: 'keepsText' | 'parses', values: string[]) {
    const s = standIn({ textFormatOnWrite: mode });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange(1, 1, 1, values.length);
    range.setNumberFormat('@');
    range.setValues([values]);
    return { s, range };
  }
  const INPUT = ['=1+1', '-5', "'=1+1", "'-5", 'Khá'];

  test("'keepsText' (default): every string stays the text written, an apostrophe still hidden", () => {
    const { range } = write('keepsText', INPUT);
    expect(range.getFormulas()).toEqual([['', '', '', '', '']]);
    expect(range.getValues()).toEqual([['=1+1', '-5', '=1+1', '-5', 'Khá']]);
  });

  test("'parses': the format is ignored, as typing into an unformatted cell; an apostrophe keeps text", () => {
    const { range } = write('parses', INPUT);
    expect(range.getFormulas()).toEqual([['=1+1', '', '', '', '']]);
    expect(range.getValues()).toEqual([[2, -5, '=1+1', '-5', 'Khá']]);
  });
});
