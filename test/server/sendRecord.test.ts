// The monthly send's record (issue 11, points 3 and 4): a corrupt record fails safe (nobody who may already
// have the month's mail gets it again without an explicit resend, and the sidebar says what happened); a
// record too long for one property value (100 sectors with emails) is stored in pieces, so the skipped
// list is always recorded; settings too large for one property are refused with a field error.
import { describe, test, expect } from '@jest/globals';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { sidebarSendNowAction as sendNowAction } from '../../src/server/sidebarActions';
import { dailyTick, KEYS, readProgress, scheduleState, sendMonthly } from '../../src/server/schedule';
import { sidebarSaveSettingsAction } from '../../src/server/sidebarActions';
import { saveSettings, SETTINGS_KEY } from '../../src/server/settingsStore';
import { splitUnits, utf8Length } from '../../src/server/propertyChunks';
import { monthlyEnv, RECIPIENTS } from '../support/monthlyFixture';

type Env = ReturnType<typeof monthlyEnv>;

const at = (day: number, month = 11, hour = 7) => new Date(2026, month - 1, day, hour, 5, 0);

function fire(env: Env, when: Date): void {
  env.clock.now = when;
  env.standIn.fireTimeTriggers({ dailyTick: (e: unknown) => void dailyTick(e) });
}

function mailsTo(env: Env): Record<string, number> {
  const count: Record<string, number> = {};
  for (const m of env.standIn.mail.sent) count[m.to] = (count[m.to] ?? 0) + 1;
  return count;
}

/** Send day with quota for three: the leaders and the first sector got the mail, two did not. */
function halfSent(): Env {
  const env = monthlyEnv({ mailQuota: 3 });
  env.clock.now = at(1);
  expect(sendMonthly({ now: at(1) }).status).toBe('partial');
  expect(env.standIn.mail.sent.map((m) => m.to)).toEqual(RECIPIENTS.slice(0, 3));
  return env;
}

const CORRUPTIONS: [string, (doc: Map<string, string>) => void][] = [
  ['truncated JSON', (doc) => doc.set(KEYS.progress, doc.get(KEYS.progress)!.slice(0, 40))],
  ['not JSON at all', (doc) => doc.set(KEYS.progress, '\u0000garbage')],
  ['JSON of the wrong shape', (doc) => doc.set(KEYS.progress, '{"month":"2026-11","sent":"L|ct@xa.vn"}')],
  ['the record deleted, its month left', (doc) => doc.delete(KEYS.progress)],
  [
    'a record of another month under this month',
    (doc) =>
      doc.set(
        KEYS.progress,
        JSON.stringify({
          month: '2026-10',
          round: 1,
          sent: [],
          skipped: [],
          noEmail: [],
          complete: false,
          updatedAt: '',
        }),
      ),
  ],
];

describe('a corrupt send record fails safe', () => {
  test.each(CORRUPTIONS)(
    '%s mid-month: no duplicate, the sidebar says why, a resend is explicit',
    (_n, corrupt) => {
      const env = halfSent();
      corrupt(env.standIn.properties.document);
      env.standIn.mail.quota = 100;
      // The next days' triggers and a plain "send now" send nothing.
      fire(env, at(2));
      fire(env, at(3));
      const plain = sendNowAction(false);
      expect(env.standIn.mail.sent.map((m) => m.to)).toEqual(RECIPIENTS.slice(0, 3));
      expect(plain.ok).toBe(false);
      expect(plain.message).toContain('bị hỏng');
      expect(plain.message).toContain('"Gửi lại"');
      const state = scheduleState();
      expect(state.progressWarning).toContain('tháng 11/2026');
      expect(state.lastSentMonth).toBeNull();
      expect(env.standIn.logs.join('\n')).toContain('bị hỏng');
      // The explicit resend reaches everyone once more, and the month is then complete.
      expect(sendMonthly({ now: at(3), force: true }).status).toBe('sent');
      expect(mailsTo(env)).toEqual({
        'ct@xa.vn': 2,
        'pct@xa.vn': 2,
        'vp@xa.vn': 2,
        'bpmc@xa.vn': 1,
        'tp@xa.vn': 1,
      });
      expect(scheduleState().progressWarning).toBeNull();
      expect(sendMonthly({ now: at(4) }).status).toBe('alreadySent');
    },
  );

  test('a corrupt record of an earlier month does not stop this month', () => {
    const env = monthlyEnv();
    const doc = env.standIn.properties.document;
    doc.set(KEYS.progress, '{"month":"2026-10","sent":["L|ct@xa');
    doc.set(KEYS.progressMonth, '2026-10');
    expect(sendMonthly({ now: at(1) }).status).toBe('sent');
    expect(Object.keys(mailsTo(env)).sort()).toEqual([...RECIPIENTS].sort());
    expect(readProgress()?.month).toBe('2026-11');
  });

  test('a corrupt record of unknown month (written before the month was stored beside it) blocks too', () => {
    const env = monthlyEnv();
    env.standIn.properties.document.set(KEYS.progress, '{"mon');
    expect(sendMonthly({ now: at(1) }).status).toBe('blocked');
    expect(env.standIn.mail.sent).toHaveLength(0);
  });
});

/** 100 sectors with email addresses, every one of them responsible for a criterion. */
function bigDirectory(n: number, withHeads = true) {
  return Array.from({ length: n }, (_, i) => ({
    name: `Ngành số ${String(i + 1).padStart(3, '0')}`,
    head: withHeads ? `Cán bộ phụ trách ${i + 1}` : '',
    email: `nganh${i + 1}@xa-tien-phong.vn`,
  }));
}

describe('records longer than one property value', () => {
  test('100 sectors with emails and a short quota: the skipped list is recorded in pieces, sent the next day', () => {
    const env = monthlyEnv({ mailQuota: 10, settings: { sectors: bigDirectory(100, false) } });
    const first = sendMonthly({ now: at(1) });
    expect(first.status).toBe('partial');
    const doc = env.standIn.properties.document;
    for (const v of doc.values()) expect(utf8Length(v)).toBeLessThanOrEqual(9 * 1024);
    expect(doc.get(KEYS.progress)).toMatch(/^chunks:\d+:\d+$/);
    const progress = readProgress()!;
    expect(progress.sent).toHaveLength(10);
    expect(progress.skipped.length).toBe(first.skipped.length);
    expect(progress.skipped.length).toBeGreaterThan(90);
    expect(scheduleState().lastSkipped).toEqual(first.skipped.map((s) => s.to));

    env.standIn.mail.quota = 1000;
    env.clock.now = at(2);
    expect(sendMonthly({ now: at(2) }).status).toBe('sent');
    const counts = Object.values(mailsTo(env));
    expect(counts.every((c) => c === 1)).toBe(true);
    expect(counts.length).toBe(10 + first.skipped.length);
    expect(readProgress()).toMatchObject({ complete: true, skipped: [] });
    expect(readProgress()!.sent).toHaveLength(counts.length);
  });

  test('a missing piece reads as corrupt: fail safe, never a shorter record', () => {
    const env = monthlyEnv({ mailQuota: 10, settings: { sectors: bigDirectory(100, false) } });
    sendMonthly({ now: at(1) });
    env.standIn.properties.document.delete(`${KEYS.progress}#2`);
    env.standIn.mail.quota = 1000;
    expect(sendMonthly({ now: at(2) }).status).toBe('blocked');
    expect(env.standIn.mail.sent).toHaveLength(10);
  });

  test('pieces never split a character and never pass the 9 KB value limit', () => {
    for (const unit of ['📣', 'ệ', 'a', 'Ngành Văn hóa – Thông tin 📣 ']) {
      const text = unit.repeat(Math.ceil(20_000 / unit.length));
      const pieces = splitUnits(text);
      expect(pieces.join('')).toBe(text);
      expect(pieces.length).toBeGreaterThan(1);
      for (const p of pieces) {
        expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(9 * 1024);
        expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      }
    }
    for (const s of ['', 'abc', 'Xã Tiên Phong', '📣📣 ệ', '\u07ff\u0800'])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });
});

describe('settings too large for one property', () => {
  test('120 sectors: a field error on the sector directory, nothing stored, no raw English', () => {
    const env = monthlyEnv();
    const before = env.standIn.properties.document.get(SETTINGS_KEY);
    const input = { ...DEFAULT_SETTINGS, sectors: bigDirectory(120) };
    const r = saveSettings(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].path).toBe('sectors');
    expect(r.errors[0].message).toMatch(/^Cài đặt quá lớn để lưu \(\d+,\d KB; Google cho phép tối đa 9 KB\)/);
    expect(env.standIn.properties.document.get(SETTINGS_KEY)).toBe(before);
    const action = sidebarSaveSettingsAction(input);
    expect(action.ok).toBe(false);
    expect(action.errors?.[0].path).toBe('sectors');
  });

  test('just under the limit is stored', () => {
    monthlyEnv();
    expect(saveSettings({ ...DEFAULT_SETTINGS, sectors: bigDirectory(60) }).ok).toBe(true);
  });
});
