// "Lần chạy tự động gần nhất" in the Báo cáo tab (issue 12): the daily run's latest record, red when it
// failed, with the reason as text (a hostile message stays text); green once a run succeeded.
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { fillSampleResults, HOSTILE_TITLE, startHarness, type GasContext, type Harness } from './harness';

let h: Harness;

/** A failed run as the daily trigger records it (server/tickLog.ts), at the stand-in's "now". */
function recordRun(gas: GasContext, ok: boolean, error: string | null): void {
  gas.PropertiesService.getDocumentProperties().setProperty(
    'cchc.schedule.lastTick',
    JSON.stringify({
      at: new Date().toISOString(),
      ok,
      ran: ok ? ['Cập nhật ngày tính'] : [],
      error,
      notes: [],
    }),
  );
}

beforeAll(async () => {
  h = await startHarness({
    prepare: (gas) => {
      gas.sidebarSetupSample();
      const sample = fillSampleResults(gas);
      gas.sidebarSetSchedule(true);
      recordRun(gas, false, `lần chạy tự động không có bảng tính ${HOSTILE_TITLE}`);
      return sample;
    },
  });
  await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('Báo cáo: the last automatic run', () => {
  test('a failed run shows red with its reason, as text; a later good run shows green', async () => {
    await h.page.click('#tab-report');
    await h.page.waitForSelector('[data-testid="last-tick"]');
    const box = h.page.locator('[data-testid="last-tick"]');
    expect(await box.getAttribute('data-ok')).toBe('false');
    expect(await box.textContent()).toContain('Lần chạy tự động gần nhất');
    expect(await box.textContent()).toContain(HOSTILE_TITLE);
    expect(await h.page.$('[data-testid="last-tick"] img')).toBeNull();
    const color = await box.evaluate((n) => getComputedStyle(n).color);
    expect(color).toBe('rgb(197, 34, 31)');
    await h.screenshot('9-report-last-run-failed');

    recordRun(h.gas, true, null);
    await h.page.click('#tab-overview');
    await h.page.click('button[data-action="recompute"]');
    await h.idle();
    await h.page.click('#tab-report');
    await h.page.waitForSelector('[data-testid="last-tick"][data-ok="true"]');
    expect(await h.page.textContent('[data-testid="last-tick"]')).toContain('Cập nhật ngày tính');
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
