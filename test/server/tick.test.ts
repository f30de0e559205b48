// The daily trigger where Google's documentation leaves the behaviour open (issue 12, points 1–3): a timer
// run without an active spreadsheet, document properties or document lock; getUserTriggers(ss) with and
// without time-driven triggers; the send hour re-synced only from a person's run. Each case runs on the
// stand-in under each switch (local/gas/context.ts: UnknownBehaviours).
import { describe, expect, test } from '@jest/globals';
import { SETTINGS_KEY } from '../../src/server/settingsStore';
import {
  dailyTick,
  installSchedule,
  KEYS,
  scheduleState,
  scheduleStateForSidebar,
  setSchedule,
} from '../../src/server/schedule';
import { asTriggerRun, scheduleKey, TriggerRunError } from '../../src/server/scheduleTrigger';
import { STALE_MS, userTickKey, type TickRecord } from '../../src/server/tickLog';
import { monthlyEnv, RECIPIENTS } from '../support/monthlyFixture';

type Env = ReturnType<typeof monthlyEnv>;
type Behaviours = NonNullable<Parameters<typeof monthlyEnv>[0]>['behaviours'];

const handlers = { dailyTick: (e: unknown) => void dailyTick(e) };
const at = (day: number, month = 11, hour = 7) => new Date(2026, month - 1, day, hour, 5, 0);

function scheduled(behaviours?: Behaviours): Env {
  const env = monthlyEnv({ behaviours });
  env.clock.now = at(28, 10);
  setSchedule(true, env.clock.now);
  return env;
}

/** Fires the triggers at `when`; returns the error the run threw (Apps Script shows it in the log), if any. */
function fire(env: Env, when: Date): unknown {
  env.clock.now = when;
  try {
    env.standIn.fireTimeTriggers(handlers);
    return null;
  } catch (error) {
    return error;
  }
}

function asOfCell(env: Env): string {
  const values = env.standIn.sheet('Tiêu chí').getDataRange().getValues();
  for (const row of values) {
    const c = row.indexOf('Tính đến ngày');
    if (c >= 0) return Utilities.formatDate(row[c + 1] as Date, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd');
  }
  throw new Error('no as-of cell');
}

const spreadsheetId = (env: Env) => env.standIn.spreadsheet.id;
const documentTick = (env: Env): TickRecord | null => {
  const raw = env.standIn.properties.document.get(KEYS.lastTick);
  return raw ? (JSON.parse(raw) as TickRecord) : null;
};
const userTick = (env: Env): TickRecord | null => {
  const raw = env.standIn.properties.user.get(userTickKey(spreadsheetId(env)));
  return raw ? (JSON.parse(raw) as TickRecord) : null;
};
/** The schedule as the sidebar shows it at the stand-in's clock. */
const state = (env: Env) => scheduleState(undefined, env.clock.now);
const tickLines = (env: Env) => env.standIn.logs.filter((l) => l.includes('Lần chạy tự động'));

describe('every run of the daily trigger leaves a record', () => {
  test('a normal run: document properties, the execution log and the sidebar say what ran', () => {
    const env = scheduled();
    expect(fire(env, at(1))).toBeNull();
    const record = documentTick(env)!;
    expect(record).toMatchObject({ ok: true, error: null, at: at(1).toISOString() });
    expect(record.ran).toEqual(['Cập nhật ngày tính', 'Gửi báo cáo tháng']);
    expect(tickLines(env).at(-1)).toContain('thành công');
    expect(env.standIn.mail.sent.map((m) => m.to).sort()).toEqual([...RECIPIENTS].sort());
    const view = state(env).lastTick!;
    expect(view).toMatchObject({ ok: true, stale: false, atText: '01/11/2026 07:05' });
    expect(view.message).toContain('Cập nhật ngày tính');
  });

  test.each([
    ['activeSpreadsheet', 'getActiveSpreadsheet() trả về null'],
    ['documentProperties', 'getDocumentProperties() trả về null'],
    ['documentLock', 'getDocumentLock() trả về null'],
  ] as const)(
    'no %s in the timer run: a recorded, visible failure, nothing written, nothing sent',
    (missing, says) => {
      const env = scheduled({ timerRun: { [missing]: false } });
      const asOfBefore = asOfCell(env);
      const error = fire(env, at(1));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(says);
      expect(env.standIn.mail.sent).toHaveLength(0);
      expect(asOfCell(env)).toBe(asOfBefore);
      // Where the record went: document properties when the run had them, else the user's, by spreadsheet id.
      const record = missing === 'documentProperties' ? userTick(env) : documentTick(env);
      expect(record).toMatchObject({ ok: false, at: at(1).toISOString() });
      expect(record!.error).toContain(says);
      expect(tickLines(env).at(-1)).toContain('THẤT BẠI');
      // The next person who opens the sidebar sees it, red.
      const view = state(env).lastTick!;
      expect(view.ok).toBe(false);
      expect(view.message).toContain(says);
    },
  );

  test('a run without an active spreadsheet finds its spreadsheet id from the trigger id it was created with', () => {
    const env = scheduled({ timerRun: { activeSpreadsheet: false, documentProperties: false } });
    const stored = JSON.parse(env.standIn.properties.user.get(scheduleKey(spreadsheetId(env)))!);
    expect(stored).toMatchObject({ triggerId: env.standIn.triggers[0].uniqueId, hour: 7 });
    fire(env, at(3));
    expect(userTick(env)?.ok).toBe(false);
    expect(documentTick(env)).toBeNull();
  });

  test('a busy document lock is a failed run too, shown, and the next day retries the month', () => {
    const env = scheduled();
    env.standIn.locks.holdDocumentLock();
    expect(fire(env, at(1))).toBeInstanceOf(Error);
    expect(documentTick(env)).toMatchObject({ ok: false });
    expect(env.standIn.mail.sent).toHaveLength(0);
    env.standIn.locks.release();
    expect(fire(env, at(2))).toBeNull();
    expect(documentTick(env)).toMatchObject({ ok: true });
    expect(env.standIn.mail.sent).toHaveLength(RECIPIENTS.length);
  });

  test('red when no run happened for two days while the schedule is on', () => {
    const env = scheduled();
    env.clock.now = new Date(at(28, 10).getTime() + STALE_MS + 60000);
    expect(state(env).lastTick).toMatchObject({ ok: false, stale: true, at: null });
    fire(env, at(1));
    expect(state(env).lastTick).toMatchObject({ ok: true, stale: false });
    env.clock.now = new Date(at(1).getTime() + STALE_MS - 60000);
    expect(state(env).lastTick?.stale).toBe(false);
    env.clock.now = new Date(at(1).getTime() + STALE_MS + 60000);
    expect(state(env).lastTick).toMatchObject({ ok: true, stale: true });
    setSchedule(false);
    expect(state(env).lastTick?.stale).toBe(false);
  });
});

describe('no trigger is created or deleted inside a trigger run', () => {
  test('a changed send hour: the run records it, makes no ScriptApp write, and the sidebar re-syncs', () => {
    const env = scheduled();
    env.standIn.properties.document.set(
      SETTINGS_KEY,
      JSON.stringify({ ...JSON.parse(env.standIn.properties.document.get(SETTINGS_KEY)!), scheduleHour: 9 }),
    );
    const before = env.standIn.calls.snapshot();
    expect(fire(env, at(20, 10))).toBeNull();
    const made = env.standIn.calls.since(before).byMethod;
    expect(Object.keys(made).filter((m) => /newTrigger|deleteTrigger|create$/.test(m))).toEqual([]);
    expect(documentTick(env)!.notes.join(' ')).toContain('Cài đặt ghi 9 giờ');
    expect(env.standIn.triggers[0].schedule?.atHour).toBe(7);

    scheduleStateForSidebar(SpreadsheetApp.getActiveSpreadsheet());
    expect(env.standIn.triggers).toHaveLength(1);
    expect(env.standIn.triggers[0]).toMatchObject({ schedule: { atHour: 9 } });
    expect(env.standIn.triggers[0].createdInTriggerRun).toBeUndefined();
    // The re-created trigger fires (one made inside a trigger run would not, see the stand-in test).
    expect(fire(env, at(21, 10))).toBeNull();
    expect(documentTick(env)!.notes).toEqual([]);
  });

  test('installing or removing inside a trigger run is refused by the product itself', () => {
    scheduled();
    expect(() => asTriggerRun(() => installSchedule(9))).toThrow(TriggerRunError);
    expect(() => asTriggerRun(() => setSchedule(false))).toThrow(TriggerRunError);
  });
});

describe.each([true, false])(
  'the trigger is found by its unique id (getUserTriggers lists clock triggers: %s)',
  (listsClock) => {
    test('on, replaced, shown and removed: exactly one trigger, never another document’s', () => {
      const env = scheduled({ userTriggersListClock: listsClock });
      expect(state(env).enabled).toBe(true);
      setSchedule(true);
      expect(env.standIn.triggers).toHaveLength(1);
      expect(state(env).enabled).toBe(true);
      // Another document's trigger of the same user, with the same handler, in the project listing.
      const other = {
        getHandlerFunction: () => 'dailyTick',
        getUniqueId: () => 'other-document',
        getEventType: () => ScriptApp.EventType.CLOCK,
      } as unknown as GoogleAppsScript.Script.Trigger;
      const projectTriggers = ScriptApp.getProjectTriggers.bind(ScriptApp);
      ScriptApp.getProjectTriggers = () => [other, ...projectTriggers()];
      try {
        setSchedule(false);
      } finally {
        ScriptApp.getProjectTriggers = projectTriggers;
      }
      expect(env.standIn.triggers).toHaveLength(0);
      expect(state(env).enabled).toBe(false);
    });
  },
);
