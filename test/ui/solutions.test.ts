// Issue 14 in the sidebar (headless Chromium, the built sidebar on the real server code): the list needing
// action shows each row's solution, its owner and due date (user text as text), a filter "Chưa có giải
// pháp", and a click on a row's solution line selects its Giải pháp cell to type in.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { CellValue } from '../../src/core/types';
import { CRITERIA_TAB, HOSTILE_TITLE, fillSampleResults, startHarness, type Harness } from './harness';

let h: Harness;
/** The sheet's Giải pháp, Người thực hiện and Hạn khắc phục columns (found by their header text here). */
let columns: { solution: number; owner: number; due: number; status: number };
const SOLVED: Record<string, [string, string, CellValue]> = {};

const sheet = () => h.gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CRITERIA_TAB);

beforeAll(async () => {
  h = await startHarness({
    prepare: (gas) => {
      gas.sidebarSetupSample();
      const sample = fillSampleResults(gas);
      const tab = gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CRITERIA_TAB);
      const header: CellValue[] = tab.getRange(sample.headerRow, 1, 1, tab.getLastColumn()).getValues()[0];
      const at = (text: string) => header.indexOf(text) + 1;
      columns = {
        solution: at('Giải pháp'),
        owner: at('Người thực hiện'),
        due: at('Hạn khắc phục'),
        status: at('Trạng thái'),
      };
      // Two rows get a solution: the hostile row (its solution hostile too) and another losing row.
      tab
        .getRange(sample.hostileRow, columns.solution, 1, 3)
        .setValues([[HOSTILE_TITLE, '<b>Lê Thị Mai</b>', '30/09/2024']]);
      SOLVED[String(sample.hostileRow)] = [HOSTILE_TITLE, '<b>Lê Thị Mai</b>', '30/09/2024'];
      return sample;
    },
  });
  await h.open();
  await h.page.click('#tab-risk');
  await h.page.waitForSelector('#panel-risk:not([hidden])');
});

afterAll(async () => {
  await h?.close();
});

/** Rows whose Trạng thái (the sheet's formula) needs action and whose Giải pháp cell is blank. */
function rowsWithoutSolution(): string[] {
  const values: CellValue[][] = sheet().getDataRange().getValues();
  const acting = new Set(['Mất điểm', 'Quá hạn', 'Nguy cơ', 'Lỗi']);
  const out: string[] = [];
  values.forEach((line, i) => {
    if (
      acting.has(String(line[columns.status - 1])) &&
      String(line[columns.solution - 1] ?? '').trim() === ''
    )
      out.push(String(i + 1));
  });
  return out.sort();
}

describe('solutions in the sidebar', () => {
  test('every item shows its solution line; a solution, owner and due date show as text', async () => {
    expect(columns.solution).toBeGreaterThan(0);
    await h.screenshot('9-solutions');
    const items = await h.page.$$eval('#risk-list li', (lis) =>
      lis.map((li) => ({
        row: li.querySelector('button.risk-item')?.getAttribute('data-row') ?? '',
        line: li.querySelector('button.solution-line')?.textContent ?? null,
        missing: li.querySelector('button.solution-line')?.classList.contains('missing') ?? false,
        reason: li.querySelector('.item-reason')?.textContent ?? '',
      })),
    );
    // "No solution" is said once, on the solution line (and its badge), not again among the reasons.
    for (const item of items) expect(item.reason).not.toMatch(/giải pháp/i);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(item.line).not.toBeNull();
    const hostile = items.find((i) => i.row === String(h.sample.hostileRow))!;
    expect(hostile.missing).toBe(false);
    expect(hostile.line).toBe(
      `Giải pháp: ${HOSTILE_TITLE} · Người thực hiện: <b>Lê Thị Mai</b> · hạn khắc phục 30/09/2024`,
    );
    expect(await h.page.locator('img').count()).toBe(0);
    expect(await h.page.locator('#risk-list b').count()).toBe(0);
    // The rows marked "no solution" are exactly the sheet's rows needing action with a blank Giải pháp.
    expect(
      items
        .filter((i) => i.missing)
        .map((i) => i.row)
        .sort(),
    ).toEqual(rowsWithoutSolution());
    expect(h.dialogs).toEqual([]);
  });

  test('the filter "Chưa có giải pháp" leaves exactly the rows without a solution', async () => {
    const label = await h.page.$eval('#filter-kind option[value="noSolution"]', (o) =>
      (o.textContent ?? '').trim(),
    );
    expect(label).toBe('Chưa có giải pháp');
    await h.page.selectOption('#filter-kind', 'noSolution');
    const rows = await h.page.$$eval('#risk-list button.risk-item', (ns) =>
      ns.map((n) => n.getAttribute('data-row') ?? ''),
    );
    expect([...rows].sort()).toEqual(rowsWithoutSolution());
    expect(rows).not.toContain(String(h.sample.hostileRow));
    await h.screenshot('9b-solutions-filter');
    await h.page.selectOption('#filter-kind', '');
  });

  test("a click on a row's solution line selects its Giải pháp cell", async () => {
    for (const row of [rowsWithoutSolution()[0], String(h.sample.hostileRow)]) {
      await h.page.click(`#risk-list button.solution-line[data-solution-row="${row}"]`);
      await h.idle();
      expect(h.activeRow()).toBe(Number(row));
      expect(h.activeColumn()).toBe(columns.solution);
    }
    expect(h.calls.filter((c) => c === 'sidebarSelectCell').length).toBeGreaterThanOrEqual(2);
  });
});
