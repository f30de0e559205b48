// A damaged send record in the sidebar (issue 11, point 3): the Báo cáo tab says that automatic sending
// stopped and why; "send now" asks an explicit resend to everyone, and only that sends.
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import type { SidebarData } from '../../src/server/api';
import { startHarness, type Harness } from './harness';

let h: Harness;
// Mid-month: the record below is this month's, whatever day the test runs and however long it takes.
const NOW = new Date('2026-11-15T03:00:00Z');

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  const gas = h.gas;
  const settings = (gas.sidebarLoad() as SidebarData).settings;
  gas.sidebarSaveSettings({ ...settings, leadership: ['chutich@xa.vn'] });
  const month = gas.Utilities.formatDate(NOW, gas.Session.getScriptTimeZone(), 'yyyy-MM');
  const props = gas.PropertiesService.getDocumentProperties();
  // The record of this month's send, cut off mid-write.
  props.setProperty('cchc.mail.progressMonth', month);
  props.setProperty('cchc.mail.progress', `{"month":"${month}","round":1,"sent":["L|chu`);
  await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('a damaged send record', () => {
  test('the sidebar says automatic sending stopped; only the explicit resend sends', async () => {
    await h.page.click('#tab-report');
    const notice = h.page.locator('[data-testid="send-blocked"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('bị hỏng, nên không biết ai đã nhận thư');
    expect(await notice.getAttribute('role')).toBe('alert');
    await h.screenshot('9-send-blocked');

    await h.page.click('button[data-action="send"]');
    expect(await h.page.locator('#confirm-q').textContent()).toContain('bản ghi gửi bị hỏng');
    expect(await h.page.locator('#confirm-send').textContent()).toBe('Gửi lại');
    await h.page.click('#confirm-send');
    await h.idle();
    expect(h.calls.filter((c) => c === 'sidebarSendNow')).toHaveLength(1);
    expect(await h.page.locator('[data-testid="send-blocked"]').count()).toBe(0);
    expect((h.gas.sidebarLoad() as SidebarData).schedule.progressWarning).toBeNull();
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
