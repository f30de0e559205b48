// The built sidebar in headless Chromium, talking to the real server code on the Apps Script stand-in.
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { evaluate } from '../../src/core/evaluate';
import { formatNumber, formatPercent } from '../../src/core/i18n';
import type { SidebarData } from '../../src/server/api';
import { CRITERIA_TAB, HOSTILE_TITLE, readCriteriaRows, startHarness, type Harness } from './harness';

let h: Harness;

/** Text of the first match, '' when there is none (no waiting: call h.idle() after an action first). */
const text = (selector: string) =>
  h.page.evaluate((s) => (document.querySelector(s)?.textContent ?? '').trim(), selector);

async function openTab(name: 'overview' | 'risk' | 'data' | 'report' | 'settings') {
  await h.page.click(`#tab-${name}`);
  await h.page.waitForSelector(`#panel-${name}:not([hidden])`);
}

beforeAll(async () => {
  h = await startHarness();
  await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('sidebar', () => {
  test('opens with one server call and shows the figures the engine computes from the sheet', async () => {
    expect(h.calls).toEqual(['sidebarLoad']);
    // Options the server used (as-of date, bands, near days); the figures themselves come from evaluate().
    const data = h.gas.sidebarLoad() as SidebarData;
    const [y, m, d] = data.dashboard!.asOf.split('-').map(Number);
    const ev = evaluate(readCriteriaRows(h.gas, data.sheetName), {
      today: new Date(y, m - 1, d),
      nearDeadlineDays: data.settings.nearDeadlineDays,
      bands: data.settings.bands,
    });
    const vi = (n: number) => formatNumber('vi', n);
    expect(ev.index).not.toBeNull();
    expect(await text('[data-testid=index]')).toBe(formatPercent('vi', ev.index! * 100));
    expect(await text('[data-testid=total]')).toBe(vi(ev.total));
    expect(await text('[data-testid=applicable-max]')).toBe(vi(ev.applicableMax));
    expect(await text('[data-testid=class]')).toBe(ev.classification);
    const next = await text('[data-testid=next-class]');
    if (ev.nextClass) {
      expect(next).toContain(ev.nextClass.label);
      expect(next).toContain(vi(ev.nextClass.gapPoints));
    }
    expect(ev.areas.length).toBeGreaterThan(0);
    for (const area of ev.areas) {
      expect(await text(`[data-testid="area-value-${area.code}"]`)).toBe(`${vi(area.score)}/${vi(area.max)}`);
    }
    // The list of criteria needing action holds the engine's losing / at-risk / data-error leaves, no more,
    // no less.
    const atRisk = ev.rows.filter((r) => r.isLeaf && ['atRisk', 'losing', 'error'].includes(r.status));
    const shownCodes = await h.page.$$eval('#panel-risk button.risk-item', (nodes) =>
      nodes.map((n) => n.getAttribute('data-code')),
    );
    expect([...shownCodes].sort()).toEqual(atRisk.map((r) => r.code).sort());
    expect(await text('#tab-risk .badge')).toBe(String(atRisk.length));
    // Vietnamese number format: a decimal comma, never a point, and the index's two fixed decimals.
    expect(await text('[data-testid=index]')).toMatch(/^\d+,\d\d%$/);
    expect(h.outsideRequests).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    await h.screenshot('1-overview');
  });

  test('items needing action: data errors first, then by points at stake; a click selects the row', async () => {
    await openTab('risk');
    await h.screenshot('2-at-risk');
    const items = h.page.locator('#risk-list button.risk-item');
    const count = await items.count();
    expect(count).toBeGreaterThan(2);
    const shown = await h.page.$$eval('#risk-list button.risk-item', (nodes) =>
      nodes.map((n) => ({
        error: n.classList.contains('error'),
        stake: Number(
          (n.querySelector('.stake [aria-hidden]')?.textContent ?? '')
            .replace(/[^\d,]/g, '')
            .replace(',', '.'),
        ),
      })),
    );
    expect(shown.length).toBe(count);
    for (const s of shown) expect(s.stake).toBeGreaterThan(0);
    const errors = shown.filter((s) => s.error);
    expect(errors.length).toBeGreaterThan(0);
    expect(shown.slice(0, errors.length)).toEqual(errors);
    const stakes = shown.filter((s) => !s.error).map((s) => s.stake);
    expect(stakes).toEqual([...stakes].sort((a, b) => b - a));

    const sheet = h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí');
    const codeColumn = h.sample.columns.code!;
    for (const index of [0, count - 1]) {
      const item = items.nth(index);
      const row = Number(await item.getAttribute('data-row'));
      const code = await item.getAttribute('data-code');
      if (index === 0) await item.click();
      else {
        // Keyboard: focus and Enter.
        await item.focus();
        await h.page.keyboard.press('Enter');
      }
      await h.idle();
      expect(h.activeRow()).toBe(row);
      expect(String(sheet.getRange(row, codeColumn).getValue()).trim()).toBe(code);
    }
    expect(await text('#status')).toContain('dòng');

    // Filter by sector: every item left belongs to it.
    const sector = await h.page.$eval(
      '#filter-sector option:nth-child(2)',
      (o) => (o as HTMLOptionElement).value,
    );
    await h.page.selectOption('#filter-sector', sector);
    const sectors = await h.page.$$eval('#risk-list .item-meta', (nodes) =>
      nodes.map((n) => n.textContent ?? ''),
    );
    expect(sectors.length).toBeGreaterThan(0);
    // A criterion of every sector belongs to each (as in the report and the sector emails).
    for (const s of sectors) expect(s.includes(sector) || s.startsWith('Tất cả các ngành')).toBe(true);
    await h.page.selectOption('#filter-sector', '');
  });

  test('a sector cell on two lines: the filter offers both names and each matches the row', async () => {
    const sheet = h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CRITERIA_TAB);
    const row = h.sample.hostileRow;
    const cell = sheet.getRange(row, h.sample.columns.sector!);
    const before = cell.getValue();
    cell.setValue('ZA-MỘT\nZB-HAI');
    try {
      await h.open();
      await openTab('risk');
      for (const sector of ['ZA-MỘT', 'ZB-HAI']) {
        const options = await h.page.$$eval('#filter-sector option', (os) =>
          os.map((o) => (o as HTMLOptionElement).value),
        );
        expect(options).toContain(sector);
        await h.page.selectOption('#filter-sector', sector);
        const rows = await h.page.$$eval('#risk-list button.risk-item', (ns) =>
          ns.map((n) => n.getAttribute('data-row')),
        );
        expect(rows).toContain(String(row));
      }
      await h.page.selectOption('#filter-sector', '');
    } finally {
      cell.setValue(before);
      await h.open();
    }
  });

  test('a hostile criterion title renders as text', async () => {
    await openTab('risk');
    const item = h.page.locator(`#risk-list button[data-row="${h.sample.hostileRow}"]`);
    await expect(item.count()).resolves.toBe(1);
    expect(await item.locator('.item-title').textContent()).toBe(HOSTILE_TITLE);
    expect(await item.locator('.item-title').isVisible()).toBe(true);
    expect(await h.page.locator('img').count()).toBe(0);
    expect(await h.page.locator('[onerror]').count()).toBe(0);
    expect(h.dialogs).toEqual([]);
  });

  test('data problems are listed and a click goes to the cell', async () => {
    await openTab('data');
    const problem = h.page.locator(`#problem-list button[data-row="${h.sample.badRow}"]`).first();
    await expect(problem.count()).resolves.toBe(1);
    expect(await problem.textContent()).toContain('nhiều lắm');
    await problem.click();
    await h.idle();
    expect(h.activeRow()).toBe(h.sample.badRow);
    expect(h.activeColumn()).toBe(h.sample.columns.actual);
    await h.screenshot('3-data-check');
  });

  test('a failing server call shows its message, and a running action cannot fire twice', async () => {
    await openTab('overview');
    h.delayMs = 300;
    const before = h.calls.length;
    const recompute = h.page.locator('button[data-action="recompute"]');
    await recompute.click();
    await expect(recompute.isDisabled()).resolves.toBe(true);
    await recompute.click({ force: true }).catch(() => undefined);
    await h.page.evaluate(() =>
      (document.querySelector('button[data-action="recompute"]') as HTMLButtonElement).click(),
    );
    await h.idle();
    expect(h.calls.slice(before)).toEqual(['sidebarRecompute']);
    expect(await recompute.isDisabled()).toBe(false);
    h.delayMs = 20;

    const message =
      'Không tạo được báo cáo: trang "Báo cáo CCHC" đang được người khác sửa. Hãy thử lại sau ít phút.';
    h.failWith('sidebarGenerateReport', message);
    await openTab('report');
    await h.page.click('button[data-action="report"]');
    await h.idle();
    h.restore('sidebarGenerateReport');
    expect(await text('#alert .message-text')).toBe(message);
    expect(await h.page.locator('button[data-action="report"]').isDisabled()).toBe(false);
    await h.screenshot('4-report-error');

    // The opening call failing: its message and a way to try again, never an endless spinner.
    h.failWith('sidebarLoad', 'Không đọc được bảng tính: bạn chưa cấp quyền cho tiện ích.');
    await h.page.reload();
    await h.page.waitForSelector('#panel-overview button[data-action="load"]');
    expect(await text('#panel-overview')).toContain(
      'Không đọc được bảng tính: bạn chưa cấp quyền cho tiện ích.',
    );
    await h.screenshot('4b-load-error');
    h.restore('sidebarLoad');
    await h.page.click('#panel-overview button[data-action="load"]');
    await h.idle();
    expect(await text('[data-testid=index]')).toMatch(/%$/);
    expect(await text('#alert')).toBe('');
  });

  test('settings: bad emails and overlapping bands are explained next to the fields and nothing is saved', async () => {
    const stored = h.documentProperties();
    await openTab('settings');
    const callsBefore = h.calls.length;
    // Overlapping bands: the second band starts where the first does.
    const firstMin = await h.page.inputValue('.list-row.bands >> nth=0 >> input[data-field="minPercent"]');
    await h.page.fill('.list-row.bands >> nth=1 >> input[data-field="minPercent"]', firstMin);
    await h.page.click('text=+ Thêm email');
    await h.page.fill('.list-row.leadership >> nth=-1 >> input', 'chu.tich@@xa');
    await h.page.click('text=+ Thêm ngành');
    const sector = h.page.locator('.list-row.sectors').last();
    await sector.locator('input[data-field="name"]').fill('BPMC');
    await sector.locator('input[data-field="email"]').fill('mot cua@xa.vn');
    await h.page.click('#save-settings');

    const leaderInput = h.page.locator('.list-row.leadership >> nth=-1 >> input');
    await expect(leaderInput.getAttribute('aria-invalid')).resolves.toBe('true');
    const leaderNote = await leaderInput.evaluate(
      (i) => document.getElementById(i.getAttribute('aria-describedby')!)!.textContent,
    );
    expect(leaderNote).toContain('Email không hợp lệ');
    const sectorNote = await sector
      .locator('input[data-field="email"]')
      .evaluate((i) => document.getElementById(i.getAttribute('aria-describedby')!)!.textContent);
    expect(sectorNote).toContain('Email không hợp lệ');
    expect(await text('[data-error-for="bands"]')).toContain('không trùng nhau');
    expect(await text('#alert .message-text')).toContain('Chưa lưu');
    expect(h.calls.slice(callsBefore)).toEqual([]);
    expect(h.documentProperties()).toEqual(stored);
    await h.screenshot('5-settings-errors');

    // The server validates again: the same bad settings sent straight to it are refused, nothing stored.
    const result = await h.page.evaluate(
      () =>
        new Promise<{ ok: boolean; errors: { path: string }[] }>((resolve, reject) => {
          const bad = {
            communeName: 'Xã A',
            year: 2024,
            criteriaSheetName: 'Tiêu chí',
            nearDeadlineDays: 14,
            language: 'vi',
            scheduleDay: 1,
            scheduleHour: 7,
            pointsDecimals: 7,
            sectors: [],
            leadership: ['khong-phai-email'],
            bands: [
              { label: 'Tốt', minPercent: 50 },
              { label: 'Khá', minPercent: 60 },
              { label: 'Yếu', minPercent: 0 },
            ],
          };
          // The page's google.script.run (the harness shim), typed loosely: tests do not see src/ui's globals.
          const run = (
            window as unknown as {
              google: {
                script: {
                  run: Record<string, (...a: unknown[]) => Record<string, (...a: unknown[]) => unknown>>;
                };
              };
            }
          ).google.script.run;
          const withOk = run.withSuccessHandler((v: unknown) => resolve(v as never));
          (withOk.withFailureHandler(reject) as Record<string, (s: unknown) => void>).sidebarSaveSettings(
            bad,
          );
        }),
    );
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['leadership.0', 'bands', 'pointsDecimals']),
    );
    expect(h.documentProperties()).toEqual(stored);
    await h.page.click('text=Hoàn tác');
  });

  test('valid settings are saved; the email preview shows recipients and the rendered email, sandboxed', async () => {
    await openTab('settings');
    await h.page.fill('input[data-path="communeName"]', 'Xã Tiên Phong');
    await h.page.click('text=+ Thêm email');
    await h.page.fill('.list-row.leadership >> nth=-1 >> input', 'chutich.tienphong@gmail.com');
    await h.page.click('text=+ Thêm ngành');
    const sector = h.page.locator('.list-row.sectors').last();
    await sector.locator('input[data-field="name"]').fill('BPMC');
    await sector.locator('input[data-field="head"]').fill('Nguyễn Thị Lan');
    await sector.locator('input[data-field="email"]').fill('motcua.tienphong@gmail.com');
    expect(await h.page.inputValue('input[data-path="pointsDecimals"]')).toBe('');
    await h.page.fill('input[data-path="pointsDecimals"]', '2');
    await h.page.click('#save-settings');
    await h.idle();
    expect(await text('#alert .message-text')).toBe('');
    const saved = (h.gas.sidebarLoad() as SidebarData).settings;
    expect(saved.communeName).toBe('Xã Tiên Phong');
    expect(saved.pointsDecimals).toBe(2);
    expect(saved.leadership).toContain('chutich.tienphong@gmail.com');
    expect(saved.sectors.find((s) => s.name === 'BPMC')?.email).toBe('motcua.tienphong@gmail.com');
    expect(await text('#commune')).toContain('Xã Tiên Phong');

    await openTab('report');
    await h.page.click('button[data-action="preview"]');
    await h.idle();
    expect(await text('#alert .message-text')).toBe('');
    expect(await text('[data-testid=preview-to]')).toContain('chutich.tienphong@gmail.com');
    const frame = h.page.locator('iframe.mail-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect((await frame.getAttribute('srcdoc'))!.length).toBeGreaterThan(100);
    expect(h.dialogs).toEqual([]);
    await h.screenshot('6-report-email-preview');

    // Sending asks first; cancelling sends nothing.
    const before = h.calls.length;
    await h.page.click('button[data-action="send"]');
    await expect(h.page.locator('#confirm-q').textContent()).resolves.toContain('Gửi email');
    await h.page.click('text=Hủy');
    expect(h.calls.slice(before)).toEqual([]);
  });

  test('tabs work from the keyboard; settings tab; the English switch', async () => {
    await openTab('overview');
    await h.page.focus('#tab-overview');
    await h.page.keyboard.press('ArrowRight');
    expect(await h.page.getAttribute('#tab-risk', 'aria-selected')).toBe('true');
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('tab-risk');
    expect(await h.page.isVisible('#panel-risk')).toBe(true);
    await h.page.keyboard.press('End');
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('tab-settings');
    expect(await h.page.isVisible('#panel-settings')).toBe(true);
    await h.screenshot('7-settings');
    await h.page.click('#lang');
    await h.idle();
    expect(await text('#tab-overview')).toBe('Overview');
    await openTab('overview');
    await h.screenshot('8-overview-english');
    await h.page.click('#lang');
    await h.idle();
    expect(await text('#tab-overview')).toBe('Tổng quan');
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
