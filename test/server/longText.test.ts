// A 100 KB text in a cell (issue 11, point 7): the Điểm cell, the sidebar payload and the emails quote only
// a short excerpt of it, so they stay the size they would be without it.
import { describe, test, expect } from '@jest/globals';
import { buildSidebarData } from '../../src/server/sidebarData';
import { previewEmails } from '../../src/server/reporting';
import { recompute } from '../../src/server/recompute';
import { criteriaRows, monthlyEnv, SEND_DAY } from '../support/monthlyFixture';

const HUGE_RULE = `MỨC(100%: 2; ${'9'.repeat(50_000)}x: 1)`;

function sizes(rule: string) {
  const rows = criteriaRows();
  rows[3][3] = rule; // 1.1's rule
  const { standIn } = monthlyEnv({ rows });
  recompute(SEND_DAY);
  const sheet = standIn.sheet('Tiêu chí');
  const cells = sheet.getDataRange().getValues().flat().map(String);
  const mails = previewEmails(SEND_DAY);
  return {
    longestCell: Math.max(...cells.filter((c) => c !== rule).map((c) => c.length)),
    payload: JSON.stringify(buildSidebarData(undefined, SEND_DAY)).length,
    email: Math.max(mails.leadership.html.length, ...mails.sectors.map((m) => m.html.length)),
    text: mails.leadership.text.length,
  };
}

describe('a 100 KB rule', () => {
  test('the Điểm cell, sidebar payload and emails grow by no more than a short excerpt', () => {
    const normal = sizes('MỨC(100%: 2; 50%: 1)');
    const huge = sizes(HUGE_RULE);
    expect(huge.longestCell).toBeLessThan(1000);
    expect(huge.payload - normal.payload).toBeLessThan(2000);
    expect(huge.email - normal.email).toBeLessThan(2000);
    expect(huge.text - normal.text).toBeLessThan(2000);
  });
});
