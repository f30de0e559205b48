// Two monthly sends whose steps interleave (issue 11): a second execution (the user's "send now", or the
// daily trigger) starts between two steps of the first — after any message MailApp accepted, after any
// property write — as Apps Script may run them side by side. The stand-in's lock table knows which
// execution holds the document lock (asAnotherExecution), so the second one meets a lock that is held, as
// it would in Apps Script. Whatever the point of interleaving, every recipient gets the month's mail once.
import { describe, test, expect } from '@jest/globals';
import { sidebarSendNowAction as sendNowAction } from '../../src/server/sidebarActions';
import { dailyTick, scheduleState, sendMonthly } from '../../src/server/schedule';
import { monthlyEnv, RECIPIENTS } from '../support/monthlyFixture';

type Env = ReturnType<typeof monthlyEnv>;

const SEND = new Date(2026, 10, 1, 7, 5);
const TICK_EVENT = { year: 2026, month: 11, 'day-of-month': 1, hour: 0, minute: 5 };
const WRITES = new Set(['setProperty', 'setProperties', 'deleteProperty']);

/**
 * Runs `first`; at its `at`-th step (a message accepted or a document-property write) runs `second` as
 * another execution. Returns how many steps `first` took and what `second` answered (or threw).
 */
function interleaved(env: Env, at: number, first: () => unknown, second: () => unknown) {
  const g = globalThis as Record<string, unknown>;
  const realMail = env.standIn.globals.MailApp;
  const realProps = env.standIn.globals.PropertiesService;
  let steps = 0;
  let nested = false;
  let secondRan = false;
  let answer: unknown;
  const step = () => {
    if (nested) return;
    steps++;
    if (steps !== at) return;
    nested = true;
    secondRan = true;
    try {
      answer = env.standIn.locks.asAnotherExecution(second);
    } catch (error) {
      answer = error;
    } finally {
      nested = false;
    }
  };
  g.MailApp = {
    getRemainingDailyQuota: () => realMail.getRemainingDailyQuota(),
    sendEmail: (...args: unknown[]) => {
      const r = (realMail.sendEmail as (...a: unknown[]) => unknown)(...args);
      step();
      return r;
    },
  };
  const watched = (store: GoogleAppsScript.Properties.Properties) =>
    new Proxy(store, {
      get(target, key) {
        const v = Reflect.get(target, key) as unknown;
        if (typeof v !== 'function') return v;
        if (typeof key === 'string' && WRITES.has(key))
          return (...args: unknown[]) => {
            const r = (v as (...a: unknown[]) => unknown).apply(target, args);
            step();
            return r;
          };
        return (v as (...a: unknown[]) => unknown).bind(target);
      },
    });
  g.PropertiesService = {
    getDocumentProperties: () => watched(realProps.getDocumentProperties()),
    getUserProperties: () => realProps.getUserProperties(),
    getScriptProperties: () => realProps.getScriptProperties(),
  };
  try {
    first();
  } finally {
    g.MailApp = realMail;
    g.PropertiesService = realProps;
  }
  return { steps, secondRan, answer };
}

function mailsTo(env: Env): Record<string, number> {
  const count: Record<string, number> = {};
  for (const m of env.standIn.mail.sent) count[m.to] = (count[m.to] ?? 0) + 1;
  return count;
}

const once = Object.fromEntries(RECIPIENTS.map((r) => [r, 1]));

const userSend = () => sendNowAction(false);
const trigger = () => dailyTick(TICK_EVENT);
const direct = () => sendMonthly({ now: SEND });

const PAIRS: [string, () => unknown, () => unknown][] = [
  ['the trigger, then "send now" in the middle', trigger, userSend],
  ['"send now", then the trigger in the middle', userSend, trigger],
  ['two "send now" clicks', userSend, userSend],
  ['two triggers (a duplicated trigger)', trigger, trigger],
  ['a send, then a send in the middle', direct, direct],
];

describe('two monthly sends whose steps interleave', () => {
  test.each(PAIRS)('%s: at every step, each recipient gets the mail exactly once', (_name, first, second) => {
    // How many steps the first send takes alone.
    const solo = monthlyEnv();
    solo.clock.now = SEND;
    const total = interleaved(solo, Infinity, first, second).steps;
    expect(mailsTo(solo)).toEqual(once);
    expect(total).toBeGreaterThan(RECIPIENTS.length);

    for (let at = 1; at <= total; at++) {
      const env = monthlyEnv();
      env.clock.now = SEND;
      const run = interleaved(env, at, first, second);
      expect(run.secondRan).toBe(true);
      // The second execution either found the lock held, or ran between two locked sections.
      const counts = mailsTo(env);
      for (const r of RECIPIENTS)
        expect({ at, to: r, times: counts[r] ?? 0 }).toEqual({ at, to: r, times: 1 });
      expect(scheduleState().lastSentMonth).toBe('2026-11');
      // A later retry (the next click, the next day's trigger) sends nothing more.
      sendMonthly({ now: SEND });
      dailyTick({ ...TICK_EVENT, 'day-of-month': 2 });
      expect(mailsTo(env)).toEqual(once);
    }
  });

  test('the second execution really meets the lock: it waits, then gives up with the busy message', () => {
    const env = monthlyEnv();
    env.clock.now = SEND;
    const run = interleaved(env, 3, direct, userSend);
    expect(run.answer).toMatchObject({
      ok: false,
      message: expect.stringContaining('đang được một thao tác khác'),
    });
    expect(env.standIn.locks.waits.length).toBeGreaterThan(0);
    expect(mailsTo(env)).toEqual(once);
  });
});
