// The daily trigger and the monthly send on the Apps Script stand-in: the single trigger (install, replace,
// remove, state), the as-of date kept current, exactly one email per recipient per month whatever fires
// (double trigger, concurrent "send now", a retry after a crash), quota exhaustion, forced resends.
import { describe, test, expect } from '@jest/globals';
import { createStandIn } from '../../local/gas/index';
import { SETTINGS_KEY } from '../../src/server/settingsStore';
import { sidebarSendNowAction as sendNowAction } from '../../src/server/sidebarActions';
import { localTime } from '../../src/server/clock';
import {
  dailyTick,
  KEYS,
  scheduleState,
  scheduleStateForSidebar,
  sendMonthly,
  setSchedule,
} from '../../src/server/schedule';
import { readSnapshots } from '../../src/sheets/history';
import { TZ } from '../support/env';
import { HOSTILE_HTML, monthlyEnv, RECIPIENTS, SEND_DAY, SETTINGS } from '../support/monthlyFixture';

type Env = ReturnType<typeof monthlyEnv>;

/** What Apps Script calls: the top-level handler of src/index.ts. */
const handlers = { dailyTick: (e: unknown) => void dailyTick(e) };

const at = (day: number, month = 11, hour = 7) => new Date(2026, month - 1, day, hour, 5, 0);

function fire(env: Env, when: Date): void {
  env.clock.now = when;
  env.standIn.fireTimeTriggers(handlers);
}

function mailsTo(env: Env): Record<string, number> {
  const count: Record<string, number> = {};
  for (const m of env.standIn.mail.sent) count[m.to] = (count[m.to] ?? 0) + 1;
  return count;
}

const once = Object.fromEntries(RECIPIENTS.map((r) => [r, 1]));

function asOfCell(): unknown {
  const values = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!.getDataRange().getValues();
  for (const row of values) {
    const c = row.indexOf('Tính đến ngày');
    if (c >= 0) return row[c + 1];
  }
  throw new Error('no as-of cell');
}

const day = (d: unknown) => Utilities.formatDate(d as Date, TZ, 'yyyy-MM-dd');

function withSchedule(options: Parameters<typeof monthlyEnv>[0] = {}): Env {
  const env = monthlyEnv(options);
  env.clock.now = at(28, 10);
  setSchedule(true);
  return env;
}

describe('the daily trigger', () => {
  test('install, replace, remove and show its state: there is only ever one', () => {
    const env = monthlyEnv();
    expect(scheduleState()).toEqual({
      enabled: false,
      day: 1,
      hour: 7,
      lastSentMonth: null,
      lastSkipped: [],
      lastTick: null,
      progressWarning: null,
    });
    setSchedule(true);
    setSchedule(true); // replaces: a second add-on clock trigger would be refused
    expect(env.standIn.triggers).toHaveLength(1);
    expect(env.standIn.triggers[0]).toMatchObject({
      handlerFunction: 'dailyTick',
      eventType: 'CLOCK',
      schedule: { everyDays: 1, atHour: 7, timeZone: TZ },
    });
    expect(scheduleState().enabled).toBe(true);

    // A changed send hour: the tick only records it (it never re-creates a trigger); the sidebar re-syncs.
    env.standIn.properties.document.set(
      SETTINGS_KEY,
      JSON.stringify({ ...JSON.parse(env.standIn.properties.document.get(SETTINGS_KEY)!), scheduleHour: 9 }),
    );
    fire(env, at(20, 10));
    expect(env.standIn.triggers).toHaveLength(1);
    expect(env.standIn.triggers[0].schedule?.atHour).toBe(7);
    expect(scheduleState().lastTick?.message).toContain('Cài đặt ghi 9 giờ');
    scheduleStateForSidebar(SpreadsheetApp.getActiveSpreadsheet());
    expect(env.standIn.triggers).toHaveLength(1);
    expect(env.standIn.triggers[0].schedule?.atHour).toBe(9);

    setSchedule(false);
    expect(env.standIn.triggers).toHaveLength(0);
    expect(scheduleState().enabled).toBe(false);
  });

  test("replacing the trigger never touches the user's triggers of other documents (add-on project triggers)", () => {
    monthlyEnv();
    setSchedule(true);
    // As an add-on, getProjectTriggers() also lists this user's clock triggers in every other document.
    const other = {
      getHandlerFunction: () => 'dailyTick',
      getUniqueId: () => 'other-document',
    } as unknown as GoogleAppsScript.Script.Trigger;
    const projectTriggers = ScriptApp.getProjectTriggers.bind(ScriptApp);
    const deleteTrigger = ScriptApp.deleteTrigger.bind(ScriptApp);
    const deleted: string[] = [];
    ScriptApp.getProjectTriggers = () => [...projectTriggers(), other];
    ScriptApp.deleteTrigger = (t) => {
      deleted.push(t.getUniqueId());
      deleteTrigger(t);
    };
    try {
      setSchedule(true);
      setSchedule(false);
    } finally {
      ScriptApp.getProjectTriggers = projectTriggers;
      ScriptApp.deleteTrigger = deleteTrigger;
    }
    expect(deleted).toHaveLength(2);
    expect(deleted).not.toContain('other-document');
  });

  test('keeps the as-of date current every day and sends only on the configured day', () => {
    const env = withSchedule();
    fire(env, at(31, 10));
    expect(day(asOfCell())).toBe('2026-10-31');
    expect(env.standIn.mail.sent).toHaveLength(0);

    fire(env, at(1));
    expect(day(asOfCell())).toBe('2026-11-01');
    expect(mailsTo(env)).toEqual(once);
    expect(scheduleState().lastSentMonth).toBe('2026-11');
    expect(readSnapshots(SpreadsheetApp.getActiveSpreadsheet()).map((s) => s.month)).toEqual(['2026-11']);

    fire(env, at(2));
    expect(day(asOfCell())).toBe('2026-11-02');
    expect(mailsTo(env)).toEqual(once);

    fire(env, at(1, 12));
    expect(env.standIn.mail.sent).toHaveLength(RECIPIENTS.length * 2);
    expect(scheduleState().lastSentMonth).toBe('2026-12');
  });

  test('each sector head gets exactly their criteria; leadership the standing and what to fix first', () => {
    const env = withSchedule();
    fire(env, at(1));
    const byTo = Object.fromEntries(env.standIn.mail.sent.map((m) => [m.to, m]));
    const vp = byTo['vp@xa.vn'];
    expect(vp.body).toContain('1.2 Báo cáo CCHC quý đúng hạn');
    expect(vp.body).toContain('Hạn 10/11/2026 còn 9 ngày');
    expect(vp.body).toContain('2.2 =HYPERLINK'); // shared by all sectors
    expect(vp.body).not.toContain('2.1 ');
    expect(vp.body).not.toContain('3.1 ');
    const bpmc = byTo['bpmc@xa.vn'];
    expect(bpmc.body).toContain('2.1 Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(bpmc.body).not.toContain('1.2 ');
    expect(bpmc.subject).toBe('[CCHC] Xã Tiên Phong – ngành BPMC, tháng 11/2026: 2 tiêu chí cần xử lý');
    // The hostile title of 1.1 (VP-TK) arrives escaped in HTML, as typed in the plain-text part.
    expect(vp.htmlBody).not.toMatch(/<script|<img/);
    expect(vp.htmlBody).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(vp.body).toContain(HOSTILE_HTML);

    for (const to of ['ct@xa.vn', 'pct@xa.vn']) {
      const m = byTo[to];
      expect(m.subject).toBe(
        '[CCHC] Xã Tiên Phong – tháng 11/2026: chỉ số 63,33% (Trung bình), 3 tiêu chí cần xử lý',
      );
      expect(m.body).toContain('Để lên mức Khá cần thêm 0,8 điểm: khắc phục 1 tiêu chí sau');
      expect(m.body).toContain('Ngành chưa có email trong danh bạ nên không nhận được thư này: TC-KT.');
      expect(m.htmlBody).toContain('<table');
      expect(m.name).toBe('CCHC Scorecard');
    }
    // TC-KT has no address: reported, not mailed.
    expect(env.standIn.logs.join('\n')).toContain('Ngành chưa có email, không gửi: TC-KT');
  });

  test('change since last month compares with the previous month’s snapshot', () => {
    const env = withSchedule();
    fire(env, at(1, 10)); // October: first month, nothing to compare
    expect(env.standIn.mail.sent[0].body).toContain('Chưa có số liệu tháng trước để so sánh.');
    env.standIn.sheet('Tiêu chí').getRange('F7').setValue('100%'); // 2.1 now secured: +2 points
    fire(env, at(1));
    const nov = env.standIn.mail.sent.find((m) => m.to === 'ct@xa.vn' && m.subject.includes('11/2026'))!;
    expect(nov.body).toContain('So với ngày 01/10/2026: tổng điểm +2 (7,6 → 9,6)');
    expect(nov.body).toContain('Xếp loại: Trung bình → Tốt');
  });
});

describe('exactly once per month per document', () => {
  test('two triggers firing the same day send one email per recipient', () => {
    const env = withSchedule();
    fire(env, at(1));
    fire(env, at(1, 11, 8));
    expect(mailsTo(env)).toEqual(once);
  });

  test('"send now" while the trigger holds the lock: waits, then finds the month sent', () => {
    const env = withSchedule();
    fire(env, at(1));
    env.standIn.locks.holdDocumentLock({ releaseAfterMs: 3000 });
    const r = sendMonthly({ now: at(1, 11, 9) });
    expect(r.status).toBe('alreadySent');
    expect(env.standIn.locks.waits).toEqual([3000]);
    expect(mailsTo(env)).toEqual(once);
  });

  test('the trigger while a user’s send holds the lock: the user’s send goes out once, the trigger adds nothing', () => {
    const env = withSchedule();
    env.clock.now = at(1, 11, 6);
    env.standIn.locks.holdDocumentLock(); // another execution that never lets go in time
    const busy = sendNowAction(false);
    expect(busy.ok).toBe(false);
    expect(busy.message).toContain('đang được một thao tác khác');
    expect(env.standIn.mail.sent).toHaveLength(0);
    env.standIn.locks.release();

    expect(sendMonthly({ now: at(1, 11, 6) }).status).toBe('sent');
    fire(env, at(1));
    expect(mailsTo(env)).toEqual(once);
  });

  test('a retry after a crash half-way sends only the missing recipients', () => {
    const env = withSchedule();
    const realMail = env.standIn.globals.MailApp;
    const realProps = env.standIn.globals.PropertiesService;
    let sends = 0;
    let dead = false;
    // The execution dies while sending the third message: MailApp and every later write fail.
    (globalThis as Record<string, unknown>).MailApp = {
      getRemainingDailyQuota: () => realMail.getRemainingDailyQuota(),
      sendEmail: (...args: unknown[]) => {
        if (++sends === 3) dead = true;
        if (dead) throw new Error('Exceeded maximum execution time');
        return (realMail.sendEmail as (...a: unknown[]) => void)(...args);
      },
    };
    (globalThis as Record<string, unknown>).PropertiesService = {
      getUserProperties: () => realProps.getUserProperties(),
      getDocumentProperties: () =>
        new Proxy(realProps.getDocumentProperties(), {
          get(target, key) {
            const v = Reflect.get(target, key);
            if ((key === 'setProperty' || key === 'setProperties' || key === 'deleteProperty') && dead)
              return () => {
                throw new Error('Exceeded maximum execution time');
              };
            return typeof v === 'function' ? v.bind(target) : v;
          },
        }),
    };
    expect(() => fire(env, at(1))).toThrow('Exceeded maximum execution time');
    expect(env.standIn.mail.sent.map((m) => m.to)).toEqual(['ct@xa.vn', 'pct@xa.vn']);
    const progress = JSON.parse(env.standIn.properties.document.get(KEYS.progress)!);
    expect(progress).toMatchObject({
      month: '2026-11',
      sent: ['L|ct@xa.vn', 'L|pct@xa.vn'],
      complete: false,
    });
    expect(scheduleState().lastSentMonth).toBeNull();

    // The next run (the next day's trigger) picks the unfinished month up.
    (globalThis as Record<string, unknown>).MailApp = realMail;
    (globalThis as Record<string, unknown>).PropertiesService = realProps;
    fire(env, at(2));
    expect(mailsTo(env)).toEqual(once);
    expect(scheduleState().lastSentMonth).toBe('2026-11');
  });

  test('a forced resend is an explicit choice; a plain "send now" never repeats a month', () => {
    const env = withSchedule();
    fire(env, at(1));
    const plain = sendNowAction(false);
    expect(plain.message).toContain('đã được gửi; không gửi lại');
    expect(env.standIn.mail.sent).toHaveLength(RECIPIENTS.length);
    expect(sendMonthly({ now: at(3), force: true }).status).toBe('sent');
    expect(env.standIn.mail.sent).toHaveLength(RECIPIENTS.length * 2);
    expect(JSON.parse(env.standIn.properties.document.get(KEYS.progress)!).round).toBe(2);
    expect(sendMonthly({ now: at(4) }).status).toBe('alreadySent');
    expect(env.standIn.mail.sent).toHaveLength(RECIPIENTS.length * 2);
  });

  test('no recipients configured: nothing sent, nothing recorded as sent', () => {
    const env = monthlyEnv();
    env.standIn.properties.document.set(
      SETTINGS_KEY,
      JSON.stringify({
        ...JSON.parse(env.standIn.properties.document.get(SETTINGS_KEY)!),
        leadership: [],
        sectors: [],
      }),
    );
    const r = sendMonthly({ now: at(1) });
    expect(r.status).toBe('noRecipients');
    expect(r.message).toContain('Chưa có người nhận');
    expect(scheduleState().lastSentMonth).toBeNull();
  });
});

describe('daily quota', () => {
  test('quota for three of five: leadership first, the rest recorded, shown and sent the next day', () => {
    const env = withSchedule({ mailQuota: 3 });
    fire(env, at(1));
    expect(env.standIn.mail.sent.map((m) => m.to)).toEqual(['ct@xa.vn', 'pct@xa.vn', 'vp@xa.vn']);
    const state = scheduleState();
    expect(state.lastSentMonth).toBeNull();
    expect(state.lastSkipped).toEqual(['bpmc@xa.vn', 'tp@xa.vn']);
    expect(env.standIn.logs.join('\n')).toContain(
      'Hết hạn mức gửi thư trong ngày (còn 3 khi bắt đầu): chưa gửi cho bpmc@xa.vn, tp@xa.vn',
    );

    // The user tries again the same day: still no quota, still recorded, nobody gets a second copy.
    const again = sendNowAction(false);
    expect(again.ok).toBe(false);
    expect(again.message).toContain('chưa gửi cho bpmc@xa.vn, tp@xa.vn');

    fire(env, at(2)); // the quota refills with the new day
    expect(mailsTo(env)).toEqual(once);
    expect(scheduleState()).toMatchObject({ lastSentMonth: '2026-11', lastSkipped: [] });
  });

  test('quota below the leadership list: the first leader gets it, nobody else', () => {
    const env = withSchedule({ mailQuota: 1 });
    fire(env, at(1));
    expect(env.standIn.mail.sent.map((m) => m.to)).toEqual(['ct@xa.vn']);
    expect(scheduleState().lastSkipped).toEqual(['pct@xa.vn', 'vp@xa.vn', 'bpmc@xa.vn', 'tp@xa.vn']);
  });
});

describe('time zone', () => {
  test('the month key is yyyy-MM in Asia/Ho_Chi_Minh', () => {
    const standIn = createStandIn({ timeZone: 'Asia/Ho_Chi_Minh' });
    standIn.install(globalThis);
    // 31 Oct 2026 18:30 UTC is 1 Nov 01:30 in Hà Nội.
    expect(localTime(new Date(Date.UTC(2026, 9, 31, 18, 30)))).toMatchObject({
      date: '2026-11-01',
      month: '2026-11',
      day: 1,
      hour: 1,
    });
    expect(localTime(new Date(Date.UTC(2026, 9, 31, 16, 59)))).toMatchObject({ month: '2026-10', day: 31 });
  });
});

void SEND_DAY;
void SETTINGS;
