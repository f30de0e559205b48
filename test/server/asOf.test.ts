// Issue 10 point 8: one as-of policy. The criteria tab's "Tính đến ngày" cell is the as-of date of the
// sheet's formulas, and the sidebar, "Kiểm tra dữ liệu", the report model and the emails evaluate as of the
// same cell (before, the sidebar and the report evaluated as of today whatever the cell said).
import { describe, test, expect } from '@jest/globals';
import { env, NOW, typeResults, expectSheetMatchesCore } from '../support/env';
import { setupSample } from '../../src/server/setUpTab';
import { recompute } from '../../src/server/recompute';
import { checkData } from '../../src/server/checkData';
import { buildSidebarData, atRiskItems } from '../../src/server/sidebarData';
import { loadDocument, previewEmails } from '../../src/server/reporting';
import { sheetAsOfIso, serialIso, dateSerial } from '../../src/server/clock';
import { BLOCK_LABELS } from '../../src/sheets/summaryBlock';
import type { Evaluation } from '../../src/core/types';

type StandIn = ReturnType<typeof env>;

/** The A1 position of the as-of value cell, found by its label as a user would. */
function asOfCell(standIn: StandIn): GoogleAppsScript.Spreadsheet.Range {
  const sheet = standIn.sheet('Tiêu chí');
  const values = sheet.getDataRange().getValues();
  for (let r = 0; r < values.length; r++) {
    const c = values[r].indexOf(BLOCK_LABELS.asOf);
    if (c >= 0) return sheet.getRange(r + 1, c + 2);
  }
  throw new Error('no as-of cell');
}

const statuses = (e: Evaluation) => e.rows.map((r) => [r.row, r.status, r.risks.join(',')]);

describe('one as-of policy: the criteria tab\'s "Tính đến ngày" cell', () => {
  test('sidebar, check data, report and email evaluate as of the sheet cell, not today', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    const today = expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect);
    // The cell now says the end of the year (typed by the user, or a day the add-in last ran).
    const yearEnd = new Date(2024, 11, 31);
    asOfCell(standIn).setValue(yearEnd);
    const sheet = expectSheetMatchesCore(standIn, 'Tiêu chí', yearEnd, expect);
    // The date matters for this table: deadlines fall between the two dates.
    expect(statuses(sheet)).not.toEqual(statuses(today));

    const data = buildSidebarData(undefined, NOW);
    expect(data.dashboard!.asOf).toBe('2024-12-31');
    expect(data.atRisk).toEqual(atRiskItems(sheet));
    expect(data.dashboard!.total).toBeCloseTo(sheet.total, 4);

    const checked = checkData(NOW);
    expect(checked.asOf).toBe('2024-12-31');
    expect(statuses(checked.evaluation!)).toEqual(statuses(sheet));

    const doc = loadDocument(NOW);
    expect(doc.model.asOf).toBe('2024-12-31');
    expect(statuses(doc.evaluation)).toEqual(statuses(sheet));
    // The snapshot and the email's month stay "now": only deadlines are judged as of the cell.
    expect(doc.time.date).toBe('2024-06-15');
    const mails = previewEmails(NOW);
    expect(mails.leadership.text).toContain('31/12/2024');
  });

  test('every writer moves the cell to today, and then everything is as of today', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    asOfCell(standIn).setValue(new Date(2024, 11, 31));
    const state = recompute(NOW);
    expect(state.asOf).toBe('2024-06-15');
    const sheet = expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect);
    expect(statuses(state.evaluation!)).toEqual(statuses(sheet));
    const data = buildSidebarData(undefined, NOW);
    expect(data.dashboard!.asOf).toBe('2024-06-15');
    expect(data.atRisk).toEqual(atRiskItems(sheet));
    expect(loadDocument(NOW).model.asOf).toBe('2024-06-15');
  });

  test('a serial number in the cell is its calendar date; no cell or no date means today', () => {
    env();
    expect(serialIso(dateSerial('2024-02-29'))).toBe('2024-02-29');
    expect(serialIso(dateSerial('1999-12-31') + 0.75)).toBe('1999-12-31');
    expect(sheetAsOfIso(null, null, NOW, () => 'UTC')).toBe('2024-06-15');
  });

  test('a cell that holds no date falls back to today', () => {
    const standIn = env();
    setupSample(NOW);
    asOfCell(standIn).setValue('chưa nhập');
    expect(checkData(NOW).asOf).toBe('2024-06-15');
    asOfCell(standIn).setValue(dateSerial('2024-09-01'));
    expect(checkData(NOW).asOf).toBe('2024-09-01');
  });
});
