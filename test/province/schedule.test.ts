// The province email on the daily schedule (issue 17): a province workbook on the stand-in, built from two
// commune workbooks (the built add-in, each document in its own vm), with the single daily trigger turned on.
// On the schedule day the trigger sends the province email to the PAR office, exactly once per month
// (a second run, a later day, the menu: nothing more), retries the recipients the quota left out on the
// next days, never creates or deletes a trigger, and the next month's ranking shows the change in rank.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { PROVINCE_KEYS } from '../../src/server/provinceMail';
import { TICK_KEY, type TickRecord } from '../../src/server/tickLog';
import { PROVINCE_TABS } from '../../src/sheets/provinceWorkbook';
import { SAMPLE_RESULTS } from '../support/env';
import { call, provinceDrive, setActual, type Doc } from '../support/provinceDocs';

const clock = { now: new Date(2024, 5, 20, 9, 0) };
const { drive, doc, sampleCommune: commune } = provinceDrive(() => clock.now);

const OFFICE = ['cchc@sonoivu.example.com', 'giamdoc@sonoivu.example.com'];
let A: Doc, B: Doc, province: Doc;

/** Fires the province's daily trigger at `when` (7:05 local); the error it threw, if any. */
function fire(when: Date): unknown {
  clock.now = when;
  try {
    province.standIn.fireTimeTriggers(province.context);
    return null;
  } catch (error) {
    return error;
  }
}
const day = (d: number, month = 7) => new Date(2024, month - 1, d, 7, 5);
const tick = (): TickRecord => JSON.parse(province.standIn.properties.document.get(TICK_KEY)!) as TickRecord;
const mails = () => province.standIn.mail.sent.map((m) => m.to);
const ranking = () => province.ss.getSheetByName(PROVINCE_TABS.ranking)!;

beforeAll(() => {
  A = commune('Xã A');
  B = commune('Xã B');
  setActual(B, '3.3.1', 0.9); // B below A
  province = doc('Tỉnh');
  call(province, 'menuSetupProvince');
  province.ss
    .getSheetByName(PROVINCE_TABS.list)!
    .getRange(2, 1, 2, 3)
    .setValues([
      ['Xã A', A.ss.getUrl(), 'Xã'],
      ['Xã B', B.ss.getUrl(), 'Xã'],
    ]);
  call(province, 'menuSetupProvince');
  for (const d of [A, B]) drive.allowAccess(province.ss, d.ss);
  const settings = call<SidebarData>(province, 'sidebarLoad').settings;
  const saved = call<ActionResult>(province, 'sidebarSaveSettings', {
    ...settings,
    leadership: OFFICE,
    scheduleDay: 1,
  });
  expect(saved.ok).toBe(true);
  expect(call<ActionResult>(province, 'sidebarSetSchedule', true).ok).toBe(true);
}, 120000);

describe('the province email on the daily schedule', () => {
  test('before the schedule day: the run succeeds, sends nothing, and has no criteria table to date', () => {
    expect(fire(day(30, 6))).toBeNull();
    expect(mails()).toEqual([]);
    expect(tick()).toMatchObject({ ok: true, error: null, ran: [] });
  });

  test('on the schedule day: what the quota allows, then the rest the next day, never twice', () => {
    const triggers = province.standIn.triggers.map((t) => t.uniqueId);
    province.standIn.mail.quota = 1;
    expect(fire(day(1))).toBeNull();
    expect(mails()).toEqual([OFFICE[0]]);
    expect(tick().ran).toEqual(['Gửi email tổng hợp tỉnh']);
    expect(tick().notes.join(' ')).toMatch(/đã gửi 1\/2 thư.*giamdoc@sonoivu/);
    // Not complete: last month's ranks are not recorded yet, and the month stays due.
    expect(ranking().getRange('I2:I3').getValues().flat()).toEqual(['', '']);
    expect(province.standIn.properties.document.get(PROVINCE_KEYS.due)).toBe('2024-07');

    province.standIn.mail.quota = 100;
    expect(fire(day(2))).toBeNull();
    expect(mails()).toEqual(OFFICE);
    const [a, b] = ranking().getRange('A2:J3').getValues();
    expect(a[0]).toBe(1);
    expect(b[0]).toBe(2);
    expect([a[8], b[8]]).toEqual([1, 2]); // Hạng tháng trước = this month's rank
    expect(province.standIn.properties.document.get(PROVINCE_KEYS.due) ?? null).toBeNull();

    // A second trigger run the same day, the next days and the menu: nothing more this month.
    expect(fire(day(2))).toBeNull();
    expect(fire(day(3))).toBeNull();
    expect(fire(day(28))).toBeNull();
    call(province, 'menuSendProvinceEmail');
    expect(province.standIn.ui.alerts.at(-1) ?? '').toMatch(/tháng 07\/2024 đã gửi/);
    expect(mails()).toEqual(OFFICE);
    // The runs created and deleted no trigger.
    expect(province.standIn.triggers.map((t) => t.uniqueId)).toEqual(triggers);
  });

  test('the next month: sent again once, and the ranking shows the change since the last snapshot', () => {
    // B overtakes A: the change column says by how many places each moved.
    setActual(B, '3.3.1', 1);
    for (const code of ['6.2', '7.1']) setActual(A, code, 0);
    const [a, b] = ranking().getRange('A2:J3').getValues();
    expect([a[0], b[0]]).toEqual([2, 1]);
    expect([a[9], b[9]]).toEqual([-1, 1]); // last month's rank − this month's
    expect(fire(day(1, 8))).toBeNull();
    expect(mails()).toEqual([...OFFICE, ...OFFICE]);
    const mail = province.standIn.mail.sent.at(-1)!;
    expect(JSON.stringify(mail)).toContain('Xã B');
    expect(tick()).toMatchObject({ ok: true, ran: ['Gửi email tổng hợp tỉnh'] });
    expect(fire(day(1, 8))).toBeNull();
    expect(mails()).toHaveLength(4);
  });

  test('a record that cannot be read stops the send and the run says why', () => {
    province.standIn.properties.document.set(PROVINCE_KEYS.progress, '{broken');
    const error = fire(day(1, 9));
    expect(error).not.toBeNull();
    expect(tick().ok).toBe(false);
    expect(tick().error).toMatch(/Gửi email tổng hợp tỉnh: Bản ghi tiến độ gửi email tổng hợp tỉnh bị hỏng/);
    expect(mails()).toHaveLength(4);
  });
});
