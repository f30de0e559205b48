// The budget of design.md ("Budgets"): recompute + highlight of the whole sheet makes a constant number of
// Spreadsheet service calls, ≤ 4 reads and writes and ≤ 10 in all, the same at 100, 1,000 and 10,000 rows.
// Measured on the built bundle by the bench's own code (local/bench/calls.ts), in the worst case: a new day
// (the as-of date and every status written), the time zone and id caches expired, a history tab with
// snapshots and other tabs. Every call is pinned by name: adding one back fails here.
import { describe, test, expect } from '@jest/globals';
import { measureRecomputeCalls, type RecomputeCalls } from '../../local/bench/calls';

const READ_TAB = {
  'SpreadsheetApp.getActiveSpreadsheet': 1,
  // The criteria tab by name: no tab list (one call per tab), whatever the number of tabs.
  'Spreadsheet.getSheetByName': 1,
  'Sheet.getDataRange': 1,
  'Range.getValues': 1,
  'Range.getFormulas': 1,
};
// The table holds dates (Hạn) and the cached zone expired: asked of the spreadsheet already in hand.
const ZONE = { 'Spreadsheet.getSpreadsheetTimeZone': 1 };
// Our colours (one rule-list read) and the new day's one write (as-of date, formulas, block).
const HIGHLIGHT = { 'Sheet.getConditionalFormatRules': 1 };
const WRITE = { 'Sheet.getRange': 1, 'Range.setValues': 1 };
// The schedule's state in the sidebar payload: the spreadsheet's id once its cache expired.
const ID = { 'Spreadsheet.getId': 1 };

describe('Spreadsheet calls of every recompute path (design.md budget: ≤ 10, ≤ 4 reads/writes, constant)', () => {
  let small: RecomputeCalls;

  test('the same calls, method by method, at 100, 1,000 and 10,000 rows', () => {
    small = measureRecomputeCalls(100);
    expect(measureRecomputeCalls(1000)).toEqual(small);
    expect(measureRecomputeCalls(10000)).toEqual(small);
  }, 300000);

  test('sidebar "Tính lại" (recompute + highlight + payload), worst case: 10 calls, 4 reads/writes', () => {
    expect(small.sidebarRecompute.byMethod).toEqual({ ...READ_TAB, ...ZONE, ...HIGHLIGHT, ...WRITE, ...ID });
    expect(small.sidebarRecompute).toMatchObject({ total: 10, io: 4 });
  });

  test('sidebar "Tính lại" again the same day: 6 calls, 3 reads (nothing to write, caches warm)', () => {
    expect(small.sidebarRecomputeSteady.byMethod).toEqual({ ...READ_TAB, ...HIGHLIGHT });
    expect(small.sidebarRecomputeSteady).toMatchObject({ total: 6, io: 3 });
  });

  test('menu "Tính lại điểm và tô màu", worst case: 10 calls (the toast through the spreadsheet in hand)', () => {
    expect(small.menuRecompute.byMethod).toEqual({
      ...READ_TAB,
      ...ZONE,
      ...HIGHLIGHT,
      ...WRITE,
      'Spreadsheet.toast': 1,
    });
    expect(small.menuRecompute).toMatchObject({ total: 10, io: 4 });
  });

  test('the sidebar opening (one server call), caches expired: 7 calls, 2 reads', () => {
    expect(small.sidebarLoad.byMethod).toEqual({ ...READ_TAB, ...ZONE, ...ID });
    expect(small.sidebarLoad).toMatchObject({ total: 7, io: 2 });
  });

  test('every path within the budget', () => {
    for (const count of Object.values(small)) {
      expect(count.total).toBeLessThanOrEqual(10);
      expect(count.io).toBeLessThanOrEqual(4);
    }
  });
});
