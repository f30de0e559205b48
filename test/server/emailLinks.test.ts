// Issue 19: the monthly emails link back into the spreadsheet — the file, the criteria tab (its gid) and each
// criterion's row (gid + range) — computed from the document's own ids on the stand-in, and each data error
// links to its cell. Expected URLs are built here from what the sheet shows, not with the code under test.
import { describe, test, expect } from '@jest/globals';
import { criteriaRows, monthlyEnv, SEND_DAY } from '../support/monthlyFixture';
import { previewEmails } from '../../src/server/reporting';

/** A literal A1 column letter (the fixture's tables are narrower than 26 columns). */
const letter = (index0: number) => String.fromCharCode(65 + index0);
const attr = (url: string) => `href="${url.replace(/&/g, '&amp;')}"`;

describe('links from the emails back to the sheet', () => {
  test('spreadsheet, criteria tab and each row needing action, from the stand-in’s ids', () => {
    const rows = criteriaRows().map((r) => (r[0] === '3.1' ? r.map((v, i) => (i === 5 ? 'hai' : v)) : r));
    monthlyEnv({ rows });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // The stand-in's first tab is another one, so the criteria tab's gid is not 0.
    const sheet = ss.getSheetByName('Tiêu chí')!;
    expect(sheet.getSheetId()).toBeGreaterThan(0);
    const file = `https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`;
    const tab = `${file}#gid=${sheet.getSheetId()}`;

    const values = sheet.getDataRange().getValues();
    const headerIndex = values.findIndex((r) => r[0] === 'Mã');
    const header = values[headerIndex];
    const last = letter(header.reduce((k: number, v, i) => (v !== '' ? i : k), 0));
    const actual = letter(header.indexOf('Kết quả'));
    const rowOf = (code: string) => values.findIndex((r) => String(r[0]) === code) + 1;

    const { leadership, sectors } = previewEmails(SEND_DAY);
    expect(leadership.html).toContain(attr(file));
    expect(leadership.html).toContain(attr(tab));
    expect(leadership.text).toContain(`Mở trang Tiêu chí: ${tab}`);
    // 1.2 is losing (not done before its deadline), 2.1 and 2.2 below target, 3.1 a data error.
    for (const code of ['1.2', '2.1', '2.2', '3.1']) {
      const r = rowOf(code);
      expect(r).toBeGreaterThan(headerIndex + 1);
      expect(leadership.html).toContain(attr(`${tab}&range=A${r}:${last}${r}`));
    }
    // The data error: its own section near the top, the cell itself linked.
    const errorAt = leadership.html.indexOf('1 ô dữ liệu cần sửa');
    expect(errorAt).toBeGreaterThan(0);
    expect(errorAt).toBeLessThan(leadership.html.indexOf('Tiêu chí cần xử lý trước'));
    expect(leadership.html).toContain(attr(`${tab}&range=${actual}${rowOf('3.1')}`));
    expect(leadership.text).toContain(`Dòng ${rowOf('3.1')}, cột Kết quả:`);
    // A sector's email links its own rows.
    const bpmc = sectors.find((s) => s.sector === 'BPMC')!;
    expect(bpmc.html).toContain(attr(`${tab}&range=A${rowOf('2.1')}:${last}${rowOf('2.1')}`));
    expect(bpmc.html).not.toContain(`range=A${rowOf('1.2')}:`);
  });
});
