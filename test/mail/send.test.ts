// Quota-aware sending with a fake mailer: leadership first, one unit of quota per recipient, progress saved
// after every message so a retry sends only the missing ones.
import { describe, test, expect } from '@jest/globals';
import { newProgress, sendPending, type Delivery, type Mailer, type SendProgress } from '../../src/mail/send';

function d(key: string): Delivery {
  const to = key.split('|').pop()!;
  return {
    key,
    to,
    sector: key.startsWith('S|') ? key.split('|')[1] : null,
    subject: 's',
    html: '<p>h</p>',
    text: 't',
  };
}

const ALL = [d('L|ct@x.vn'), d('L|pct@x.vn'), d('S|bpmc|b@x.vn'), d('S|tpht|t@x.vn')];

function fakeMailer(quota: number, failOn: Record<string, string> = {}): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    remainingQuota: () => quota,
    send(x) {
      if (failOn[x.to]) throw new Error(failOn[x.to]);
      if (quota < 1) throw new Error('Service invoked too many times for one day: email.');
      quota--;
      sent.push(x.to);
    },
  };
}

const iso = () => '2026-11-01T00:00:00.000Z';

describe('sendPending', () => {
  test('quota for two of four: leadership goes first, the sectors are recorded as skipped', () => {
    const saves: SendProgress[] = [];
    const p = newProgress('2026-11', 1, iso());
    const mailer = fakeMailer(2);
    const out = sendPending(ALL, p, (x) => saves.push(JSON.parse(JSON.stringify(x))), mailer, iso);
    expect(mailer.sent).toEqual(['ct@x.vn', 'pct@x.vn']);
    expect(out.complete).toBe(false);
    expect(out.skipped.map((s) => [s.to, s.reason])).toEqual([
      ['b@x.vn', 'quota'],
      ['t@x.vn', 'quota'],
    ]);
    expect(saves[0].sent).toEqual(['L|ct@x.vn']);
    expect(saves.at(-1)!.skipped).toHaveLength(2);

    // Tomorrow, with a fresh quota: only the two missing ones.
    const tomorrow = fakeMailer(100);
    const again = sendPending(ALL, p, () => undefined, tomorrow, iso);
    expect(tomorrow.sent).toEqual(['b@x.vn', 't@x.vn']);
    expect(again.alreadySent).toBe(2);
    expect(again.complete).toBe(true);
    expect(p.skipped).toEqual([]);
  });

  test('zero quota sends nothing and records everyone', () => {
    const p = newProgress('2026-11', 1, iso());
    const mailer = fakeMailer(0);
    const out = sendPending(ALL, p, () => undefined, mailer, iso);
    expect(mailer.sent).toEqual([]);
    expect(out.skipped).toHaveLength(4);
    expect(p.complete).toBe(false);
  });

  test('a quota error from MailApp mid-way stops sending; a bad address is skipped and the rest continue', () => {
    const p = newProgress('2026-11', 1, iso());
    const mailer = fakeMailer(10, { 'pct@x.vn': 'Invalid email: pct@x.vn' });
    const out = sendPending(ALL, p, () => undefined, mailer, iso);
    expect(mailer.sent).toEqual(['ct@x.vn', 'b@x.vn', 't@x.vn']);
    expect(out.skipped).toEqual([
      expect.objectContaining({ to: 'pct@x.vn', reason: 'error', message: 'Invalid email: pct@x.vn' }),
    ]);

    const p2 = newProgress('2026-11', 1, iso());
    const quotaMid = fakeMailer(10, { 'b@x.vn': 'Service invoked too many times for one day: email.' });
    sendPending(ALL, p2, () => undefined, quotaMid, iso);
    expect(quotaMid.sent).toEqual(['ct@x.vn', 'pct@x.vn']);
    expect(p2.skipped.map((s) => s.reason)).toEqual(['quota', 'quota']);
  });

  test('a crash half-way (the save fails) still leaves a record of who got the mail', () => {
    const p = newProgress('2026-11', 1, iso());
    const stored: SendProgress[] = [];
    let calls = 0;
    const save = (x: SendProgress) => {
      calls++;
      if (calls === 2) throw new Error('Properties unavailable');
      stored.push(JSON.parse(JSON.stringify(x)));
    };
    const mailer = fakeMailer(10);
    expect(() => sendPending(ALL, p, save, mailer, iso)).toThrow('Properties unavailable');
    expect(mailer.sent).toEqual(['ct@x.vn', 'pct@x.vn']);
    const last = stored.at(-1)!;
    expect(last.sent).toEqual(['L|ct@x.vn', 'L|pct@x.vn']);
    expect(last.complete).toBe(false);
    expect(last.skipped.map((s) => s.to)).toEqual(['b@x.vn', 't@x.vn']);
  });
});
