// Issue 14 in the monthly emails: each sector's email starts with its criteria needing action that have no
// solution (Giải pháp) yet; the leadership email counts them per sector; a solution, its owner and due date
// show on the criterion's card, escaped. A sheet without a Giải pháp column changes nothing.
import { describe, expect, test } from '@jest/globals';
import { evaluate } from '../../src/core/evaluate';
import { DEFAULT_BANDS } from '../../src/core/settings';
import { buildReportModel } from '../../src/core/summary';
import type { CellValue, CriteriaRow } from '../../src/core/types';
import { composeMonthlyEmails } from '../../src/mail/render';

const DIRECTORY = [
  { name: 'BPMC', head: 'Chị Lan', email: 'bpmc@xa.example.com' },
  { name: 'VP-TK', head: 'Anh Nam', email: 'vptk@xa.example.com' },
];

/** code, sector, result, solution, owner, due: every row a CÓ/KHÔNG worth 1 point, with evidence. */
const ROWS: [string, string, CellValue, string, string, CellValue][] = [
  ['1.1', 'BPMC', 'Không', '', '', ''], // losing, no solution
  ['1.2', 'BPMC', 'Không', '<b>Họp</b> dân thôn 3', 'Lê <i>Mai</i>', new Date(2024, 8, 30)], // losing, solved
  ['1.3', 'BPMC', 'Có', '', '', ''], // secured: owes nothing
  ['1.4', 'VP-TK', 'Chưa', 'chưa có', '', ''], // losing, "chưa có" is no solution
  ['1.5', 'VP-TK', 'Không', 'Đôn đốc', 'Anh Nam', ''], // losing, solved
];

function emails(withColumn: boolean) {
  const rows: CriteriaRow[] = [
    {
      row: 5,
      code: '1',
      title: 'Lĩnh vực 1',
      max: 5,
      rule: '',
      target: '',
      actual: '',
      evidence: '',
      sector: '',
      deadline: '',
      notes: '',
      appraised: '',
    },
  ];
  ROWS.forEach(([code, sector, actual, solution, owner, due], i) => {
    const row: CriteriaRow = {
      row: 6 + i,
      code,
      title: `Tiêu chí ${code}`,
      max: 1,
      rule: 'CÓ/KHÔNG',
      target: '',
      actual,
      evidence: 'QĐ số 1',
      sector,
      deadline: '',
      notes: '',
      appraised: '',
    };
    if (withColumn) Object.assign(row, { solution, solutionOwner: owner, solutionDue: due });
    rows.push(row);
  });
  const e = evaluate(rows, { today: new Date(2024, 5, 20), nearDeadlineDays: 14, bands: DEFAULT_BANDS });
  const model = buildReportModel(e, {
    communeName: 'Xã Thử',
    year: 2024,
    sectors: DIRECTORY,
    asOf: '2024-06-20',
    generatedAt: '20/06/2024 08:00',
  });
  return composeMonthlyEmails(model, { month: '2024-06', leadership: ['ld@xa.example.com'], previous: null });
}

const sectorMail = (m: ReturnType<typeof emails>, name: string) => m.sectors.find((s) => s.sector === name)!;

describe('solutions in the monthly emails', () => {
  test("a sector's email starts with its criteria needing action that have no solution", () => {
    const m = emails(true);
    const bpmc = sectorMail(m, 'BPMC').text;
    const vptk = sectorMail(m, 'VP-TK').text;
    // Right after the greeting, before the sector's figures.
    const head = (t: string) => t.slice(t.indexOf('Kính gửi'), t.indexOf('Ngành phụ trách')).toLowerCase();
    expect(head(bpmc)).toContain('1 tiêu chí cần xử lý chưa có giải pháp');
    expect(head(bpmc)).toContain('1.1 tiêu chí 1.1');
    expect(head(bpmc)).not.toContain('1.2');
    expect(head(bpmc)).not.toContain('1.3');
    expect(head(vptk)).toContain('1 tiêu chí cần xử lý chưa có giải pháp');
    expect(head(vptk)).toContain('1.4 tiêu chí 1.4');
    expect(head(vptk)).not.toContain('1.5');
    // In the HTML too, before the figures.
    const html = sectorMail(m, 'BPMC').html;
    expect(html.indexOf('chưa có giải pháp')).toBeGreaterThan(-1);
    expect(html.indexOf('chưa có giải pháp')).toBeLessThan(html.indexOf('Ngành phụ trách'));
  });

  test('a solution, its owner and due date show on the card, escaped', () => {
    const m = emails(true);
    const mail = sectorMail(m, 'BPMC');
    expect(mail.text).toContain('Giải pháp: <b>Họp</b> dân thôn 3 (Lê <i>Mai</i>, hạn khắc phục 30/09/2024)');
    expect(mail.html).toContain(
      '&lt;b&gt;Họp&lt;/b&gt; dân thôn 3 (Lê &lt;i&gt;Mai&lt;/i&gt;, hạn khắc phục 30/09/2024)',
    );
    expect(mail.html).not.toContain('<b>Họp');
    expect(mail.html).not.toContain('<i>Mai');
  });

  test('the leadership email counts the criteria without a solution per sector', () => {
    const text = emails(true).leadership.text;
    expect(text).toContain('BPMC: 3 tiêu chí, 2 cần xử lý, có thể mất 2 điểm, 1 chưa có giải pháp');
    expect(text).toContain('VP-TK: 2 tiêu chí, 2 cần xử lý, có thể mất 2 điểm, 1 chưa có giải pháp');
    expect(emails(true).leadership.html).toContain('Chưa có giải pháp');
  });

  test('without a Giải pháp column nothing about solutions appears', () => {
    const m = emails(false);
    for (const mail of [m.leadership, ...m.sectors]) {
      expect(mail.text).not.toMatch(/giải pháp/i);
      expect(mail.html).not.toMatch(/giải pháp/i);
    }
    expect(m.leadership.text).toContain('BPMC: 3 tiêu chí, 2 cần xử lý, có thể mất 2 điểm\n');
  });
});
