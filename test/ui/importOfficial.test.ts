// "Nhập bộ chỉ số chính thức" in the built sidebar (headless Chromium, real server code on the stand-in):
// a commune pastes the official appendix into a tab and imports it from the sidebar; the rows to review are
// listed with the official guidance and the proposed rule side by side; importing again asks in the sidebar
// before writing a new criteria tab, and Cancel writes nothing.
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { APPENDIX, appendixGrid } from '../import/appendix';
import { startHarness, type GasContext, type Harness, type SampleInfo } from './harness';

let h: Harness;

function paste(gas: GasContext): void {
  const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Phụ lục I');
  const grid = appendixGrid().map((row) => row.map((v) => (/^[-+=]/.test(v) ? `'${v}` : v)));
  sheet.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
  sheet.activate();
}

const tabNames = (): string[] =>
  h.gas.SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((s: { getName(): string }) => s.getName());

beforeAll(async () => {
  h = await startHarness({
    prepare: (gas) => {
      paste(gas);
      return {} as SampleInfo;
    },
  });
  await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('importing the official set from the sidebar', () => {
  test('from the first-run view: one click builds the criteria tab; the rows to review are listed side by side', async () => {
    await h.page.waitForSelector('button[data-action="import"]');
    await h.screenshot('import-0-first-run');
    await h.page.click('button[data-action="import"]');
    await h.page.waitForSelector('[data-testid="index"]');
    await h.idle();
    expect(h.calls).toEqual(['sidebarLoad', 'sidebarImportOfficial']);
    expect(tabNames()).toContain('Tiêu chí');

    await h.page.click('#tab-data');
    await h.page.waitForSelector('#import-review');
    expect(await h.page.textContent('[data-testid="import-review-count"]')).toBe(
      '2 dòng cần xem lại sau khi nhập',
    );
    const items = await h.page.$$eval('#import-review .review-item', (els) =>
      els.map((e) => ({
        code: e.getAttribute('data-code'),
        title: e.querySelector('.item-title')?.textContent,
        prose: e.querySelector('.prose-text')?.textContent,
        rule: e.querySelector('.proposed .rule')?.textContent,
        reason: e.querySelector('.item-reason')?.textContent,
        // Side by side: the guidance and the proposed rule on one line of the item.
        sameLine:
          Math.abs(
            (e.querySelector('.prose') as HTMLElement).getBoundingClientRect().top -
              (e.querySelector('.proposed') as HTMLElement).getBoundingClientRect().top,
          ) < 2,
      })),
    );
    const expected = APPENDIX.filter((a) => a.review);
    expect(items.map((i) => i.code)).toEqual(expected.map((a) => a.code));
    expect(items[0]).toMatchObject({
      title: expected[0].title,
      prose: expected[0].prose.join('\n'),
      rule: 'TỰ CHẤM',
    });
    // The title with markup arrives as text, never as HTML.
    expect(items[1].title).toBe('Mức độ hài lòng của người dân <b>& doanh nghiệp</b>');
    expect(await h.page.$('#import-review b')).toBeNull();
    expect(items[1].reason).toMatch(/khác điểm tối đa của dòng/);
    expect(items.every((i) => i.sameLine)).toBe(true);
    await h.screenshot('import-1-review-list');

    // A click goes to the row's Cách chấm cell.
    await h.page.click('#import-review .review-item[data-code="2.4"]');
    await h.idle();
    const sheet = h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí');
    const header = sheet.getRange(1, 1, 1, 8).getValues()[0];
    expect(h.activeColumn()).toBe(header.indexOf('Cách chấm') + 1);
    expect(sheet.getRange(h.activeRow(), 1).getValue()).toBe('2.4');
    expect(h.pageErrors).toEqual([]);
  });

  test('importing again asks in the sidebar first: Cancel writes nothing, confirming writes a new tab', async () => {
    h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Phụ lục I').activate();
    const before = tabNames();
    await h.page.click('button[data-action="import"]');
    await h.page.waitForSelector('[data-testid="import-confirm"]');
    await h.idle();
    expect(await h.page.textContent('[data-testid="import-confirm"] p')).toMatch(
      /Trang "Tiêu chí" đã có dữ liệu và sẽ được giữ nguyên/,
    );
    expect(tabNames()).toEqual(before);
    await h.screenshot('import-2-confirm');

    await h.page.click('[data-testid="import-cancel"]');
    await h.page.waitForSelector('[data-testid="import-confirm"]', { state: 'detached' });
    expect(tabNames()).toEqual(before);

    await h.page.click('button[data-action="import"]');
    await h.page.waitForSelector('[data-testid="import-confirm"]');
    await h.idle();
    await h.page.click('[data-testid="import-confirm"] button[data-action="import"]');
    await h.page.waitForSelector('[data-testid="import-confirm"]', { state: 'detached' });
    await h.idle();
    expect(tabNames()).toEqual([...before, 'Tiêu chí (chính thức)']);
    expect(h.calls.filter((c) => c === 'sidebarImportOfficial')).toHaveLength(4);
    expect(h.dialogs).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
