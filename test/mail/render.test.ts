// The monthly emails as pure templates: recipients, per-sector content, escaping, the zero-risk case.
import { describe, test, expect } from '@jest/globals';
import { buildReportModel, snapshotOf, type Snapshot } from '../../src/core/summary';
import { composeMonthlyEmails, escapeHtml, renderLeadershipEmail } from '../../src/mail/render';
import { deliveriesOf } from '../../src/mail/send';
import { area, evaluation, leaf } from '../support/mailFixtures';

const DIRECTORY = [
  { name: 'BPMC', head: 'Chị Lan', email: 'bpmc@xa.vn' },
  { name: 'TP-HT', head: 'Anh Minh', email: 'tp@xa.vn' },
  { name: 'ĐC-XD', head: 'Anh Hùng', email: '' },
  { name: 'VH-XH', head: 'Chị Hoa', email: 'vh@xa.vn' },
];

function model(rows = defaultRows(), communeName = 'Xã Tiên Phong') {
  return buildReportModel(evaluation(rows, { areas: [area('1', 3, 6), area('3', 2, 5)] }), {
    communeName,
    year: 2026,
    sectors: DIRECTORY,
    asOf: '2026-11-01',
    generatedAt: '01/11/2026 07:00',
  });
}

function defaultRows() {
  return [
    leaf({
      code: '1.1',
      title: 'Ban hành KH CCHC',
      sector: 'BPMC',
      max: 2,
      status: 'losing',
      score: 0,
      deadline: '2026-11-20',
      reasons: ['Quá hạn 20/11/2026'],
    }),
    leaf({
      code: '1.2',
      title: 'Hòa giải cơ sở',
      sector: 'TP-HT',
      max: 2,
      status: 'atRisk',
      score: 1,
      reasons: ['Dưới chỉ tiêu: 60% < 80%'],
    }),
    leaf({ code: '1.3', title: 'Tuyên truyền', sector: 'VH-XH', max: 2, status: 'secured' }),
    leaf({
      code: '3.1',
      title: 'Số hóa hồ sơ',
      sector: 'BPMC, ĐC-XD',
      max: 5,
      status: 'atRisk',
      score: 2,
      reasons: ['Thiếu minh chứng'],
    }),
  ];
}

const PREVIOUS: Snapshot = {
  date: '2026-10-01',
  month: '2026-10',
  total: 3,
  applicableMax: 11,
  indexPercent: 27.27,
  classification: 'Yếu',
  atRiskCount: 4,
  areas: [{ code: '1', score: 2 }],
};

const stripTags = (html: string) => html.replace(/<[^>]*>/g, ' ');

describe('monthly emails', () => {
  test('recipients: leadership (deduplicated), each sector with an address and criteria; the rest reported', () => {
    const m = model();
    const mails = composeMonthlyEmails(m, {
      month: '2026-11',
      leadership: ['ct@xa.vn', 'pct@xa.vn', 'CT@xa.vn '],
      previous: PREVIOUS,
    });
    expect(mails.leadership.to).toEqual(['ct@xa.vn', 'pct@xa.vn']);
    expect(mails.leadership.sector).toBeNull();
    expect(mails.sectors.map((s) => [s.sector, s.to])).toEqual([
      ['BPMC', ['bpmc@xa.vn']],
      ['TP-HT', ['tp@xa.vn']],
      ['VH-XH', ['vh@xa.vn']],
    ]);
    expect(mails.sectorsWithoutEmail).toEqual(['ĐC-XD']);
    expect(deliveriesOf(mails).map((d) => d.key)).toEqual([
      'L|ct@xa.vn',
      'L|pct@xa.vn',
      'S|bpmc|bpmc@xa.vn',
      'S|tpht|tp@xa.vn',
      'S|vhxh|vh@xa.vn',
    ]);
  });

  test('a sector email holds exactly that sector’s criteria, with status, reasons and deadlines', () => {
    const mails = composeMonthlyEmails(model(), { month: '2026-11', leadership: [], previous: null });
    const bpmc = mails.sectors.find((s) => s.sector === 'BPMC')!;
    for (const part of [bpmc.html, bpmc.text]) {
      expect(part).toContain('Ban hành KH CCHC');
      expect(part).toContain('Số hóa hồ sơ');
      expect(part).toContain('Quá hạn 20/11/2026');
      expect(part).toContain('20/11/2026');
      expect(part).toContain('Thiếu minh chứng');
      expect(part).not.toContain('Hòa giải cơ sở');
      expect(part).not.toContain('Tuyên truyền');
    }
    expect(bpmc.subject).toContain('ngành BPMC');
    expect(bpmc.subject).toContain('2 tiêu chí cần xử lý');
    expect(bpmc.html).toContain('Kính gửi Chị Lan');
    const vh = mails.sectors.find((s) => s.sector === 'VH-XH')!;
    expect(vh.subject).toContain('không có tiêu chí cần xử lý');
    expect(vh.text).toContain('Tuyên truyền');
    expect(vh.text).not.toContain('Ban hành KH CCHC');
  });

  test('leadership: standing, change since last month, top at-risk criteria and the path', () => {
    const m = model();
    const { leadership } = composeMonthlyEmails(m, {
      month: '2026-11',
      leadership: ['ct@xa.vn'],
      previous: PREVIOUS,
    });
    expect(leadership.subject).toBe(
      '[CCHC] Xã Tiên Phong – tháng 11/2026: chỉ số 45,45% (Yếu), 3 tiêu chí cần xử lý',
    );
    for (const part of [stripTags(leadership.html), leadership.text]) {
      expect(part).toContain('Tổng điểm: 5 / 11');
      expect(part).toContain('tổng điểm +2 (3 → 5)');
      expect(part).toContain('Tiêu chí cần xử lý: 4 → 3');
      expect(part).toContain('Số hóa hồ sơ');
      expect(part).toContain('Để lên mức Trung bình cần thêm 1,05 điểm');
    }
    // Most points at stake first.
    expect(leadership.text.indexOf('3.1 Số hóa')).toBeLessThan(leadership.text.indexOf('1.1 Ban hành'));
    const first = renderLeadershipEmail(m, { month: '2026-11', leadership: [], previous: null });
    expect(first.text).toContain('Chưa có số liệu tháng trước');
  });

  test('bonus and penalty lines: only those that apply, never "−0", points to at most 2 decimals', () => {
    const standing = (bonus: number, penalty: number) => {
      const m = { ...model(), bonus, penalty };
      const mail = renderLeadershipEmail(m, { month: '2026-11', leadership: [], previous: null });
      const box = mail.text.split('\n').filter((l) => /thưởng|trừ/i.test(l));
      for (const line of box) expect(stripTags(mail.html)).toContain(line);
      return box;
    };
    expect(standing(1.5, 0)).toEqual(['Điểm thưởng: +1,5']);
    expect(standing(0, 0.3333)).toEqual(['Điểm trừ: −0,33']);
    expect(standing(1, 2)).toEqual(['Điểm thưởng: +1', 'Điểm trừ: −2']);
    expect(standing(0, 0)).toEqual([]);
    expect(standing(0.004, 0)).toEqual([]); // would print as "+0"
    for (const [b, p] of [
      [1.5, 0],
      [0, 0.3333],
      [0, 0],
    ]) {
      const mail = renderLeadershipEmail(
        { ...model(), bonus: b, penalty: p },
        { month: '2026-11', leadership: [], previous: null },
      );
      expect(mail.text).not.toMatch(/[−+-]0(?![,\d])/);
      expect(stripTags(mail.html)).not.toMatch(/[−+-]0(?![,\d])/);
    }
  });

  test('hostile titles, sector names, heads and commune names are escaped everywhere in the HTML', () => {
    const evil = '<script>alert(1)</script>';
    const attr = '"><img src=x onerror=alert(1)>';
    const rows = [
      leaf({
        code: '1.1',
        title: evil,
        sector: 'BPMC',
        status: 'losing',
        reasons: [`Giá trị "${attr}" không đọc được`],
      }),
      leaf({
        code: '1.2',
        title: `=HYPERLINK("http://x")&${attr}`,
        sector: 'BPMC',
        status: 'atRisk',
        score: 0.5,
      }),
    ];
    const m = buildReportModel(evaluation(rows), {
      communeName: `Xã <b>${evil}</b>\r\nBcc: x@y.z`,
      year: 2026,
      sectors: [{ name: 'BPMC', head: `<i>${attr}</i>`, email: 'bpmc@xa.vn' }],
      asOf: '2026-11-01',
      generatedAt: '',
    });
    const mails = composeMonthlyEmails(m, { month: '2026-11', leadership: ['ct@xa.vn'], previous: null });
    for (const mail of [mails.leadership, ...mails.sectors]) {
      expect(mail.html).not.toMatch(/<script|<img|<b>|<i>|onerror="|"><img/i);
      // Literal expected strings: never built with the escaping function under test.
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      expect(mail.subject).not.toMatch(/[\r\n]/);
      // The plain-text part carries the text as typed.
      expect(mail.text).toContain(evil);
    }
  });

  test('escapeHtml: each special character to its entity, literal expectations', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('Xã Tiên Phong – “CCHC”')).toBe('Xã Tiên Phong – “CCHC”');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(1.5)).toBe('1.5');
  });

  test('a hostile commune name and sector head appear escaped, literally, in every email', () => {
    const m = buildReportModel(evaluation([leaf({ code: '1.1', sector: 'BPMC', status: 'losing' })]), {
      communeName: 'Xã <b>A&B</b>',
      year: 2026,
      sectors: [{ name: 'BPMC', head: `O'Neil "Hùng"`, email: 'bpmc@xa.vn' }],
      asOf: '2026-11-01',
      generatedAt: '',
    });
    const mails = composeMonthlyEmails(m, { month: '2026-11', leadership: ['ct@xa.vn'], previous: null });
    for (const mail of [mails.leadership, ...mails.sectors]) {
      expect(mail.html).toContain('Xã &lt;b&gt;A&amp;B&lt;/b&gt;');
      expect(mail.html).not.toContain('<b>A&B</b>');
    }
    expect(mails.sectors[0].html).toContain('O&#39;Neil &quot;Hùng&quot;');
  });

  test('a sheet with zero at-risk criteria', () => {
    const m = model([
      leaf({ code: '1.1', sector: 'BPMC', max: 2 }),
      leaf({ code: '1.2', sector: 'TP-HT', max: 2 }),
    ]);
    const mails = composeMonthlyEmails(m, {
      month: '2026-11',
      leadership: ['ct@xa.vn'],
      previous: snapshotOf(m, '2026-10-01'),
    });
    expect(mails.leadership.subject).toContain('0 tiêu chí cần xử lý');
    expect(mails.leadership.text).toContain('Không có tiêu chí nào cần xử lý.');
    expect(mails.leadership.text).toContain('Xã đang ở mức xếp loại cao nhất');
    expect(mails.sectors).toHaveLength(2);
    for (const s of mails.sectors) {
      expect(s.subject).toContain('không có tiêu chí cần xử lý');
      expect(s.html).not.toContain('Cần xử lý');
    }
  });

  test('HTML is one self-contained document with inline styles only', () => {
    const { leadership, sectors } = composeMonthlyEmails(model(), {
      month: '2026-11',
      leadership: ['a@b.vn'],
      previous: PREVIOUS,
    });
    for (const html of [leadership.html, ...sectors.map((s) => s.html)]) {
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toMatch(/<style|<link|<script/i);
      expect((html.match(/<table/g) ?? []).length).toBe((html.match(/<\/table>/g) ?? []).length);
      expect(html).toContain('lang="vi"');
    }
  });
});

describe('data errors: their own short section near the top', () => {
  const problem = (row: number, message: string) =>
    ({ row, column: 'actual', severity: 'error', message, fix: '' }) as const;

  test('"N ô dữ liệu cần sửa" before the criteria, at most 5 listed, the rest counted', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7].map((i) =>
      leaf({ code: `1.${i}`, sector: 'BPMC', status: 'error', reasons: [`Ô lỗi ${i}`] }),
    );
    const problems = rows.map((r, i) => problem(r.row, `Kết quả <${i}> không đọc được`));
    const m = buildReportModel(evaluation(rows, { problems }), {
      communeName: 'Xã A',
      year: 2026,
      sectors: DIRECTORY,
      asOf: '2026-11-01',
      generatedAt: '',
    });
    const { leadership, sectors } = composeMonthlyEmails(m, {
      month: '2026-11',
      leadership: [],
      previous: null,
    });
    // (Headings are upper case in the plain text.)
    for (const part of [leadership.text, stripTags(leadership.html)].map((p) => p.toLowerCase())) {
      const at = part.indexOf('7 ô dữ liệu cần sửa');
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(part.indexOf('tiêu chí cần xử lý trước'));
      expect(part).toContain('và 2 ô khác');
    }
    expect(leadership.text).toContain(`Dòng ${rows[0].row}, cột Kết quả: Kết quả <0> không đọc được`);
    expect(leadership.text).not.toContain('Kết quả <5>');
    expect(leadership.html).toContain('Kết quả &lt;0&gt; không đọc được');
    // No footer line any more: the section is the one place.
    expect(leadership.text).not.toContain('ô dữ liệu lỗi');
    // The sector owning the rows gets the same section; the others none.
    expect(sectors.find((s) => s.sector === 'BPMC')!.text).toContain('7 Ô DỮ LIỆU CẦN SỬA');
    const none = composeMonthlyEmails(model(), { month: '2026-11', leadership: [], previous: null });
    expect(none.leadership.text).not.toContain('dữ liệu cần sửa');
  });

  test('without a spreadsheet (a preview of a model) nothing is linked and the text says where to look', () => {
    const m = model();
    const mail = renderLeadershipEmail(m, { month: '2026-11', leadership: [], previous: null });
    expect(mail.html).not.toContain('<a ');
    expect(mail.text).not.toContain('http');
  });
});
