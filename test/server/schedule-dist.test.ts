// What ships: dist/Code.js (built before jest by `npm test`) in a vm with the stand-in, driven through its
// top-level functions as Apps Script would: sidebar turns the schedule on, the trigger fires (twice), a user
// presses "send now", the report is generated, the preview rendered.
import { describe, test, expect } from '@jest/globals';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { ActionResult } from '../../src/server/api';
import { distEnv } from '../support/distEnv';
import { criteriaRows, RECIPIENTS, SETTINGS } from '../support/monthlyFixture';

function setup() {
  const env = distEnv(new Date(2026, 9, 30, 15, 0));
  const { standIn } = env;
  standIn.properties.document.set('cchc.settings', JSON.stringify({ ...DEFAULT_SETTINGS, ...SETTINGS }));
  const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Tiêu chí');
  const rows = criteriaRows();
  const width = Math.max(...rows.map((r) => r.length));
  sheet
    .getRange(1, 1, rows.length, width)
    .setValues(rows.map((r) => [...r, ...new Array(width - r.length).fill('')]));
  return env;
}

describe('dist: monthly summary end to end', () => {
  test('schedule on, the trigger fires twice on the 1st, "send now" after: one email per recipient', () => {
    const { standIn, context, clock, call } = setup();
    const on = call<ActionResult>('sidebarSetSchedule(true)');
    expect(on.ok).toBe(true);
    expect(on.data?.schedule.enabled).toBe(true);
    expect(standIn.triggers).toHaveLength(1);

    clock.now = new Date(2026, 10, 1, 7, 3);
    expect(standIn.fireTimeTriggers(context)).toEqual(['dailyTick']);
    clock.now = new Date(2026, 10, 1, 7, 40);
    standIn.fireTimeTriggers(context);
    const sent = call<ActionResult>('sidebarSendNow(false)');
    expect(sent.message).toContain('đã được gửi');
    expect(standIn.mail.sent.map((m) => m.to).sort()).toEqual([...RECIPIENTS].sort());
    expect(sent.data?.schedule.lastSentMonth).toBe('2026-11');

    const forced = call<ActionResult>('sidebarSendNow(true)');
    expect(forced.ok).toBe(true);
    expect(standIn.mail.sent).toHaveLength(RECIPIENTS.length * 2);
  });

  test('report, snapshot and preview through the entry points', () => {
    const { standIn, clock, call } = setup();
    clock.now = new Date(2026, 10, 1, 9, 0);
    const report = call<ActionResult>('sidebarGenerateReport()');
    expect(report.ok).toBe(true);
    expect(standIn.sheet('Báo cáo').getRange('A2').getValue()).toBe('Xã Tiên Phong – năm 2026');
    const snap = call<ActionResult>('sidebarSnapshotNow()');
    expect(snap.ok).toBe(true);
    expect(standIn.sheet('Lịch sử').getRange('A2:B2').getValues()).toEqual([['2026-11-01', '2026-11']]);
    const previewResult = call<ActionResult>('sidebarPreviewEmail()');
    expect(previewResult.ok).toBe(true);
    const preview = previewResult.preview!;
    expect(preview.leadership.to).toEqual(['ct@xa.vn', 'pct@xa.vn']);
    expect(preview.sectors.map((s) => s.sector)).toEqual(['VP-TK', 'BPMC', 'TP-HT']);
    expect(preview.leadership.html).toContain('Tình hình chỉ số CCHC tháng 11/2026');
    // The preview crosses google.script.run: plain data only.
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
    expect(standIn.mail.sent).toHaveLength(0);

    call('menuGenerateReport()');
    expect(standIn.ui.toasts.at(-1)?.message).toContain('Đã lập trang "Báo cáo"');
  });
});
