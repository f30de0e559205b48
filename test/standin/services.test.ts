import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandIn } from '../../local/gas/index';

describe('PropertiesService', () => {
  test('document, user and script stores are kept apart', () => {
    const { globals } = createStandIn();
    globals.PropertiesService.getDocumentProperties().setProperty('settings', 'doc');
    globals.PropertiesService.getUserProperties().setProperty('settings', 'user');
    expect(globals.PropertiesService.getDocumentProperties().getProperty('settings')).toBe('doc');
    expect(globals.PropertiesService.getUserProperties().getProperty('settings')).toBe('user');
    expect(globals.PropertiesService.getScriptProperties().getProperty('settings')).toBeNull();
  });

  test('values are strings: others are stringified', () => {
    const { globals } = createStandIn();
    const props = globals.PropertiesService.getDocumentProperties();
    props.setProperty('n', 5 as unknown as string);
    props.setProperties({ b: true as unknown as string, o: { a: 1 } as unknown as string });
    expect(props.getProperties()).toEqual({ n: '5', b: 'true', o: '[object Object]' });
  });

  test('a value over 9 KB is refused and nothing is stored', () => {
    const { globals } = createStandIn();
    const props = globals.PropertiesService.getDocumentProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    // Vietnamese letters take 2-3 bytes each in UTF-8.
    expect(() => props.setProperty('big', 'ệ'.repeat(4000))).toThrow('Argument too large');
    expect(props.getKeys()).toEqual(['ok']);
  });

  test('setProperties can delete all others; deleteProperty and deleteAllProperties', () => {
    const { globals, properties } = createStandIn();
    const props = globals.PropertiesService.getUserProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    expect(props.getKeys()).toEqual(['c']);
    props.setProperty('d', '4').deleteProperty('c');
    expect([...properties.user.entries()]).toEqual([['d', '4']]);
    props.deleteAllProperties();
    expect(props.getProperties()).toEqual({});
  });
});

describe('LockService', () => {
  test('a lock held by another execution makes tryLock return false and waitLock throw', () => {
    const standIn = createStandIn();
    standIn.locks.holdDocumentLock();
    const lock = standIn.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    // Other scopes are independent.
    expect(standIn.globals.LockService.getScriptLock().tryLock(10)).toBe(true);
  });

  test('the other execution letting go within the timeout lets us in', () => {
    const standIn = createStandIn();
    standIn.locks.holdDocumentLock({ releaseAfterMs: 500 });
    const lock = standIn.globals.LockService.getDocumentLock();
    expect(lock.tryLock(100)).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(standIn.locks.waits).toEqual([100, 500]);
  });

  test('acquire, hasLock, release; the lock belongs to the execution', () => {
    const standIn = createStandIn();
    const lock = standIn.globals.LockService.getDocumentLock();
    lock.waitLock(100);
    expect(lock.hasLock()).toBe(true);
    expect(standIn.locks.holder('document')).toBe('this execution');
    expect(standIn.globals.LockService.getDocumentLock().hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(standIn.locks.holder('document')).toBeNull();
  });
});

describe('CacheService', () => {
  test('put/get/getAll/remove with expiry on the stand-in clock', () => {
    let now = new Date('2025-03-15T00:00:00Z');
    const { globals } = createStandIn({ now: () => now });
    const cache = globals.CacheService.getDocumentCache()!;
    cache.put('a', '1', 60);
    cache.putAll({ b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
    now = new Date(now.getTime() + 61_000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('2'); // default 600 s
    cache.remove('b');
    expect(cache.get('b')).toBeNull();
    expect(globals.CacheService.getUserCache().get('c')).toBeNull();
  });
});

describe('MailApp', () => {
  test('both sendEmail forms are recorded', () => {
    const { globals, mail } = createStandIn();
    globals.MailApp.sendEmail('a@example.com', 'Báo cáo', 'text', {
      htmlBody: '<b>html</b>',
      name: 'CCHC',
      cc: 'b@example.com',
    });
    globals.MailApp.sendEmail({
      to: 'c@example.com, d@example.com',
      subject: 'Tháng 3',
      body: 'b',
      replyTo: 'e@example.com',
    });
    expect(mail.sent).toHaveLength(2);
    expect(mail.sent[0]).toMatchObject({
      to: 'a@example.com',
      cc: 'b@example.com',
      subject: 'Báo cáo',
      body: 'text',
      htmlBody: '<b>html</b>',
      name: 'CCHC',
    });
    expect(mail.sent[1]).toMatchObject({ to: 'c@example.com,d@example.com', replyTo: 'e@example.com' });
  });

  test('every recipient uses quota; when it runs out sending throws like Apps Script', () => {
    const { globals, mail } = createStandIn({ mailQuota: 3 });
    globals.MailApp.sendEmail({ to: 'a@example.com', cc: 'b@example.com', subject: 's', body: 'b' });
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() =>
      globals.MailApp.sendEmail({ to: 'a@example.com', bcc: 'c@example.com', subject: 's', body: 'b' }),
    ).toThrow('Service invoked too many times for one day: email.');
    expect(mail.sent).toHaveLength(1);
    globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(0);
  });

  test('the quota refills on the next day', () => {
    let now = new Date('2025-03-15T10:00:00+07:00');
    const { globals } = createStandIn({ mailQuota: 1, now: () => now });
    globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(0);
    now = new Date('2025-03-16T00:30:00+07:00');
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  test('an invalid address is refused', () => {
    const { globals } = createStandIn();
    expect(() => globals.MailApp.sendEmail('not an address', 's', 'b')).toThrow(
      'Invalid email: not an address',
    );
  });
});

describe('ScriptApp triggers', () => {
  test('time-driven triggers are created, listed and deleted', () => {
    const standIn = createStandIn();
    const { ScriptApp, SpreadsheetApp } = standIn.globals;
    const trigger = ScriptApp.newTrigger('dailyTick')
      .timeBased()
      .everyDays(1)
      .atHour(6)
      .nearMinute(15)
      .inTimezone('Asia/Ho_Chi_Minh')
      .create();
    expect(trigger.getHandlerFunction()).toBe('dailyTick');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(standIn.triggers[0]!.schedule).toEqual({
      everyDays: 1,
      atHour: 6,
      nearMinute: 15,
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const listed = ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet());
    expect(listed.map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    ScriptApp.deleteTrigger(listed[0]!);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
  });

  test('an add-on may hold one time-driven trigger per document, and none more often than hourly', () => {
    const { globals } = createStandIn();
    const { ScriptApp } = globals;
    ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(6).create();
    expect(() => ScriptApp.newTrigger('b').timeBased().onMonthDay(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document',
    );
    expect(() => ScriptApp.newTrigger('c').timeBased().everyMinutes(5)).toThrow(
      'more often than once an hour',
    );
  });

  test('schedules are checked', () => {
    const { globals } = createStandIn({ addOnTriggerLimits: false });
    const { ScriptApp } = globals;
    expect(() => ScriptApp.newTrigger('x').timeBased().everyHours(3)).toThrow();
    expect(() => ScriptApp.newTrigger('x').timeBased().atHour(6).create()).toThrow('exactly one schedule');
    expect(() => ScriptApp.newTrigger('x').timeBased().everyHours(1).atHour(6).create()).toThrow('atHour');
    ScriptApp.newTrigger('x').timeBased().everyMinutes(15).create();
  });

  test('spreadsheet triggers record their event type and source', () => {
    const { globals } = createStandIn();
    const { ScriptApp, SpreadsheetApp } = globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const t = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect([t.getEventType(), t.getTriggerSource(), t.getTriggerSourceId()]).toEqual([
      ScriptApp.EventType.ON_EDIT,
      ScriptApp.TriggerSource.SPREADSHEETS,
      ss.getId(),
    ]);
  });

  test('fireTimeTriggers calls the handler on the target as a trigger execution', () => {
    const standIn = createStandIn({ now: () => new Date('2025-03-01T00:00:00Z') });
    standIn.globals.ScriptApp.newTrigger('dailyTick').timeBased().everyDays(1).create();
    const events: unknown[] = [];
    const target = {
      dailyTick(e: unknown) {
        events.push(e);
        standIn.globals.LockService.getDocumentLock().waitLock(1000);
        expect(() => standIn.globals.SpreadsheetApp.getUi()).toThrow(
          'Cannot call SpreadsheetApp.getUi() from this context.',
        );
      },
    };
    expect(standIn.fireTimeTriggers(target)).toEqual(['dailyTick']);
    expect(events[0]).toMatchObject({ authMode: 'FULL', year: 2025, month: 3, 'day-of-month': 1 });
    expect(standIn.locks.holder('document')).toBeNull(); // released when the execution ended
    expect(() => standIn.fireTimeTriggers({})).toThrow('Script function not found: dailyTick');
  });
});

describe('HtmlService', () => {
  const dir = mkdtempSync(join(tmpdir(), 'standin-html-'));
  writeFileSync(join(dir, 'sidebar.html'), '<h1>Bảng điều khiển</h1>');
  writeFileSync(
    join(dir, 'page.html'),
    '<p><?= name ?></p><p><?!= raw ?></p><? for (var i = 0; i < 2; i++) { ?>x<? } ?>',
  );

  test('createHtmlOutputFromFile reads <htmlDir>/<name>.html; a missing file throws', () => {
    const { globals } = createStandIn({ htmlDir: dir });
    const out = globals.HtmlService.createHtmlOutputFromFile('sidebar').setTitle('CCHC').setWidth(300);
    expect([out.getContent(), out.getTitle(), out.getWidth()]).toEqual([
      '<h1>Bảng điều khiển</h1>',
      'CCHC',
      300,
    ]);
    expect(globals.HtmlService.createHtmlOutputFromFile('sidebar.html').getContent()).toContain('Bảng');
    expect(() => globals.HtmlService.createHtmlOutputFromFile('missing')).toThrow(
      'No HTML file named missing was found.',
    );
  });

  test('templates print escaped and raw values and run code', () => {
    const { globals } = createStandIn({ htmlDir: dir });
    const template = globals.HtmlService.createTemplateFromFile('page');
    template.name = '<b>';
    template.raw = '<i>ok</i>';
    expect(template.evaluate().getContent()).toBe('<p>&lt;b&gt;</p><p><i>ok</i></p>xx');
  });

  test('sandbox and frame options are recorded; only allowed meta tags', () => {
    const { globals } = createStandIn();
    const { HtmlService } = globals;
    const out = HtmlService.createHtmlOutput('<p>x</p>')
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getMetaTags().map((t) => t.getName())).toEqual(['viewport']);
    expect(() => out.addMetaTag('description', 'x')).toThrow();
  });
});

describe('Session, Utilities, Logger', () => {
  test('Session reports the user, time zone and locale; the email is hidden in triggers', () => {
    const standIn = createStandIn({ userEmail: 'canbo@xa.gov.vn', timeZone: 'Asia/Ho_Chi_Minh' });
    const { Session } = standIn.globals;
    expect(Session.getActiveUser().getEmail()).toBe('canbo@xa.gov.vn');
    expect(Session.getEffectiveUser().getEmail()).toBe('canbo@xa.gov.vn');
    expect(Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(Session.getActiveUserLocale()).toBe('vi');
    expect(standIn.run('trigger', () => Session.getActiveUser().getEmail())).toBe('');
  });

  test('formatDate uses the given time zone', () => {
    const { globals } = createStandIn();
    const d = new Date('2025-03-31T18:30:00Z'); // 1 April 01:30 in Hà Nội
    const f = (tz: string, p: string) => globals.Utilities.formatDate(d, tz, p);
    expect(f('Asia/Ho_Chi_Minh', 'yyyy-MM-dd')).toBe('2025-04-01');
    expect(f('Asia/Ho_Chi_Minh', 'dd/MM/yyyy')).toBe('01/04/2025');
    expect(f('Asia/Ho_Chi_Minh', 'HH:mm')).toBe('01:30');
    expect(f('Asia/Ho_Chi_Minh', 'yyyy-MM')).toBe('2025-04');
    expect(f('Asia/Ho_Chi_Minh', 'MM/yyyy')).toBe('04/2025');
    expect(f('UTC', 'yyyy-MM-dd HH:mm')).toBe('2025-03-31 18:30');
    expect(f('Asia/Ho_Chi_Minh', "EEE, d MMM yyyy 'lúc' h:mm a Z")).toBe('Tue, 1 Apr 2025 lúc 1:30 AM +0700');
    expect(() => f('Mars/Base', 'yyyy')).toThrow('timeZone');
  });

  test('sleep is recorded without waiting; getUuid is a UUID; formatString', () => {
    const { globals, sleeps } = createStandIn();
    globals.Utilities.sleep(60_000);
    expect(sleeps).toEqual([60_000]);
    expect(globals.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(globals.Utilities.formatString('%s: %d (%.1f)', 'a', 3.9, 2.25)).toBe('a: 3 (2.3)');
    expect(globals.Utilities.base64Encode('Việt')).toBe(Buffer.from('Việt').toString('base64'));
  });

  test('Logger.log and console write into logs', () => {
    const { globals, logs } = createStandIn();
    globals.Logger.log('Tổng %s điểm', 87.5);
    globals.console.warn('careful');
    expect(logs).toEqual(['Tổng 87.5 điểm', '[WARNING] careful']);
    expect(globals.Logger.getLog()).toContain('Tổng 87.5 điểm');
  });
});
