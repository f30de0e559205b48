// The monthly emails on a phone: every email (leadership, each sector, the province) rendered from generated
// tables — long Vietnamese titles, long reasons and unbroken pasted text, many rows needing action, data
// errors, user text needing escaping — is opened in headless Chromium at 360 and 800 px. Nothing may be wider
// than the screen, no text smaller than 14 px, nothing the user typed may become markup. Screenshots of the
// first table's emails go to test-output/screenshots/email-*.png.
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { runDemo } from '../../local/demo/run';
import { buildProvinceReport, type CommuneStanding } from '../../src/core/provinceReport';
import { sheetLinks } from '../../src/core/sheetLinks';
import { buildReportModel } from '../../src/core/summary';
import type { Problem, RowResult, RowStatus } from '../../src/core/types';
import { composeMonthlyEmails, type RenderedEmail } from '../../src/mail/render';
import { renderProvinceEmail } from '../../src/mail/provinceEmail';
import { launchChromium } from '../support/browser';
import { area, evaluation, leaf } from '../support/mailFixtures';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
const WIDTHS = [360, 800];

const WORDS = (
  'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn trước hạn số hóa cấp bản sao điện tử ' +
  'công khai minh bạch Ủy ban nhân dân xã phường đánh giá sự hài lòng của người dân doanh nghiệp ' +
  'Nghị định 61/2018/NĐ-CP Quyết định 766/QĐ-TTg thanh toán trực tuyến dịch vụ công toàn trình ' +
  'kiểm soát thủ tục phản ánh kiến nghị về quy định hành chính tiếp nhận trả kết quả'
).split(' ');
/** User text that must stay text, and text with no place to break. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example";"bấm")',
  "O'Neil & <b>Hùng</b>",
];
const UNBROKEN = [
  'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234&tab=2',
  'Kếtquảđãkiểmtravàxácnhậnbởibộphậnmộtcửaliênthôngcấpxãtheoquyđịnh',
];
const SECTORS = ['VP-TK', 'Văn phòng – Thống kê và Công nghệ thông tin cấp xã', 'BPMC', '<i>TP-HT</i>'];

const text = (min: number, max: number) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }),
      fc.option(fc.constantFrom(...HOSTILE, ...UNBROKEN), { freq: 3 }),
    )
    .map(([w, extra]) => [...w, ...(extra ? [extra] : [])].join(' '));

const rowArb = fc.record({
  title: text(3, 45),
  sector: fc.constantFrom(...SECTORS, `${SECTORS[0]}, ${SECTORS[1]}`, 'Tất cả các ngành', ''),
  status: fc.constantFrom<RowStatus>('losing', 'atRisk', 'error', 'atRisk', 'secured', 'notApplicable'),
  reasons: fc.array(text(4, 40), { minLength: 1, maxLength: 3 }),
  deadline: fc.option(fc.constantFrom('2026-11-20', '2026-12-31'), { nil: null }),
  max: fc.constantFrom(0.5, 1, 2, 3),
});

interface Table {
  rows: RowResult[];
  problems: Problem[];
}

const tableArb = fc.array(rowArb, { minLength: 12, maxLength: 45 }).map((specs): Table => {
  const rows = specs.map((s, i) =>
    leaf({
      code: `${(i % 8) + 1}.${Math.floor(i / 8) + 1}`,
      ...s,
      reasons: s.status === 'secured' || s.status === 'notApplicable' ? [] : s.reasons,
    }),
  );
  const problems = rows
    .filter((r) => r.status === 'error')
    .map((r, i): Problem => ({
      row: r.row,
      column: 'actual',
      severity: 'error',
      message: `Kết quả "${HOSTILE[i % HOSTILE.length]}" không đọc được: ${r.reasons[0]}`,
      fix: '',
    }));
  return { rows, problems };
});

// Generated once, from a fixed seed: the same tables on every run.
const TABLES = fc.sample(tableArb, { seed: 20261130, numRuns: 3 });

const LINKS = sheetLinks('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEf', 1234567890, 'Tiêu chí', 'R', {
  actual: 'F',
});

function monthlyEmails(t: Table): RenderedEmail[] {
  const model = buildReportModel(
    evaluation(t.rows, {
      problems: t.problems,
      areas: [
        area('1', 7.25, 10, 'Công tác chỉ đạo, điều hành cải cách hành chính <và> kiểm soát thủ tục'),
        area('8', 20.9, 25, `Tác động của CCHC đến sự hài lòng ${UNBROKEN[1]}`),
      ],
    }),
    {
      communeName: `Xã Ea H'Leo <b>${UNBROKEN[1]}</b>`,
      year: 2026,
      sectors: SECTORS.map((name, i) => ({ name, head: `Chị <Lan> ${i}`, email: `n${i}@xa.vn` })),
      asOf: '2026-11-01',
      generatedAt: '',
    },
  );
  const mails = composeMonthlyEmails(model, {
    month: '2026-11',
    leadership: ['ct@xa.vn'],
    previous: null,
    links: LINKS,
  });
  return [mails.leadership, ...mails.sectors];
}

const PROVINCE_COMMUNE_URL =
  'https://docs.google.com/spreadsheets/d/1XaPhuong-_0123456789abcdefghijklmnopqrstu';

function provinceEmail(t: Table): RenderedEmail {
  const communes: CommuneStanding[] = SECTORS.map((s, i) => ({
    name: `Phường ${s} ${UNBROKEN[i % 2]}`,
    group: '',
    total: 50 + i * 7.5,
    applicableMax: 98.5,
    indexPercent: 50 + i * 7.61,
    classification: ['Yếu', 'Trung bình', 'Khá', 'Tốt'][i],
    areas: [],
    // Each commune's spreadsheet (the email links its name), one with a long tail of its own.
    url: `${PROVINCE_COMMUNE_URL}${i}/edit#gid=0${i === 1 ? `&range=A1&x=${UNBROKEN[0]}` : ''}`,
  }));
  return renderProvinceEmail(
    buildProvinceReport({
      provinceName: `Tỉnh <Đắk Lắk> ${UNBROKEN[0]}`,
      asOf: '2026-11-30',
      communes,
      observations: communes.flatMap((c, ci) =>
        t.rows.map((r) => ({
          commune: c.name,
          code: r.code,
          title: r.title,
          max: r.max,
          points: ci % 2 ? 0 : r.score,
          applicable: true,
          error: false,
          isLeaf: true,
        })),
      ),
      errors: [
        {
          name: `Xã ${HOSTILE[1]}`,
          message: `Không đọc được tệp: ${t.rows[0].reasons[0] ?? ''}`,
          url: `${PROVINCE_COMMUNE_URL}loi/edit`,
        },
      ],
      rankingUrl: 'https://docs.google.com/spreadsheets/d/tinh/edit#gid=3',
      bands: [
        { label: 'Tốt', minPercent: 80 },
        { label: 'Yếu', minPercent: 0 },
      ],
      previous: communes.map((c, i) => ({ name: c.name, rank: i + 1, indexPercent: null })),
    }),
    '2026-11',
  );
}

interface Measure {
  width: number;
  scrollWidth: number;
  height: number;
  /** Elements reaching past the screen's edges. */
  wide: string[];
  /** Elements holding text smaller than 14 px. */
  small: string[];
  /** Table headers broken inside a word (more lines than words). */
  splitHeaders: string[];
  /** Elements user text could have injected. */
  injected: number;
  text: string;
  hrefs: string[];
}

/** What a phone shows: measured in the page itself. */
async function measure(page: Page, html: string): Promise<Measure> {
  await page.setContent(html);
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    const small: string[] = [];
    const splitHeaders: string[] = [];
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}> ${(el.textContent ?? '').slice(0, 60)}`;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
        wide.push(`${describe(el)} (${r.left}–${r.right})`);
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (ownText && size < 14) small.push(`${describe(el)} (${size}px)`);
      if (el.tagName === 'TH') {
        // Lines of the header's own text (the cell is as tall as the row's tallest header).
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
        const words = (el.textContent ?? '').trim().split(/\s+/).length;
        if (lines > words) splitHeaders.push(`${describe(el)} (${lines} lines)`);
      }
    }
    return {
      width,
      scrollWidth: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      wide,
      small,
      splitHeaders,
      injected: document.querySelectorAll('script,img,iframe,object,embed,i,b:not([style])').length,
      text: document.body.innerText,
      hrefs: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? ''),
    };
  });
}

let browser: Browser;
const pages = new Map<number, Page>();

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  for (const w of WIDTHS) pages.set(w, await browser.newPage({ viewport: { width: w, height: 800 } }));
});

afterAll(async () => {
  await browser?.close();
});

function expectPhoneSafe(m: Measure, width: number, what: string) {
  const { wide, small, splitHeaders } = m;
  expect({ what, width: m.width, wide, small, splitHeaders }).toEqual({
    what,
    width,
    wide: [],
    small: [],
    splitHeaders: [],
  });
  expect(m.scrollWidth).toBeLessThanOrEqual(width);
  expect(m.injected).toBe(0);
}

describe('the monthly emails on a phone (headless Chromium)', () => {
  test('the checks can fail: a wide table, small print and a header split inside its word are caught', async () => {
    const bad =
      '<html><body style="margin:0"><table><tr><td style="white-space:nowrap">' +
      WORDS.join(' ') +
      '</td></tr></table><p style="font-size:12px">chân thư</p><b>x</b>' +
      '<table style="width:60px;line-height:20px"><tr><th style="overflow-wrap:anywhere">Hạng</th>' +
      '<td style="white-space:nowrap">85,00%</td></tr></table></body></html>';
    const m = await measure(pages.get(360)!, bad);
    expect(m.wide.length).toBeGreaterThan(0);
    expect(m.scrollWidth).toBeGreaterThan(360);
    expect(m.small).toEqual(['<p> chân thư (12px)']);
    expect(m.injected).toBe(1);
    expect(m.splitHeaders).toHaveLength(1);
  });

  test.each(TABLES.map((t, i) => [i, t] as const))(
    'table %i: every email fits 360 and 800 px, text ≥ 14 px, user text stays text',
    async (i, t) => {
      const mails = [...monthlyEmails(t), provinceEmail(t)];
      expect(mails.length).toBeGreaterThanOrEqual(4);
      for (const [k, mail] of mails.entries()) {
        expect(mail.html).not.toMatch(/<style|<link|<script|class=/i);
        // The plain-text part: user text as typed (its own tags too), none of our markup, no entities.
        expect(mail.text).not.toMatch(/<(div|p|a|table|tr|td|th|br|h1|h2|span)[ >]|&(amp|lt|gt|quot|#39);/);
        for (const w of WIDTHS) {
          const page = pages.get(w)!;
          const m = await measure(page, mail.html);
          expectPhoneSafe(m, w, `table ${i} email ${k}: ${mail.subject}`);
          // The commune's name (in every email) shows as typed, tags included.
          if (k < mails.length - 1) expect(m.text).toContain(`Xã Ea H'Leo <b>`);
          for (const hostile of HOSTILE.slice(0, 2)) {
            if (mail.text.includes(hostile)) expect(m.text).toContain(hostile);
          }
          if (i === 0 && k < 2) {
            const name = k === 0 ? 'leadership' : 'sector';
            await page.screenshot({ path: join(SCREENSHOTS, `email-${name}-${w}.png`), fullPage: true });
          }
          if (i === 0 && k === mails.length - 1) {
            await page.screenshot({ path: join(SCREENSHOTS, `email-province-${w}.png`), fullPage: true });
          }
        }
      }
    },
  );

  test('every card and "và N tiêu chí khác" is a link into the sheet: its row, or the criteria tab', async () => {
    const t = TABLES[0];
    const [leadership] = monthlyEmails(t);
    const m = await measure(pages.get(360)!, leadership.html);
    const base = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEf/edit';
    expect(m.hrefs).toContain(base);
    expect(m.hrefs).toContain(`${base}#gid=1234567890`);
    const acting = t.rows.filter((r) => ['losing', 'atRisk', 'error'].includes(r.status));
    expect(acting.length).toBeGreaterThan(10);
    // Cards: the top 10 rows' full-row links; the remainder: one link to the tab.
    const rowLinks = m.hrefs.filter((h) => /&range=A\d+:R\d+$/.test(h));
    expect(new Set(rowLinks).size).toBeGreaterThanOrEqual(10);
    for (const h of rowLinks) {
      const row = Number(/range=A(\d+):/.exec(h)![1]);
      expect(acting.map((r) => r.row)).toContain(row);
      expect(h).toBe(`${base}#gid=1234567890&range=A${row}:R${row}`);
    }
    expect(m.text).toMatch(new RegExp(`Và ${acting.length - 10} tiêu chí khác`));
    // Data errors: each listed cell links to itself (column Kết quả = F).
    const errors = t.rows.filter((r) => r.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(m.hrefs).toContain(`${base}#gid=1234567890&range=F${errors[0].row}`);
  });

  test('the province email: each commune it names links to its spreadsheet, and it still fits 360 px', async () => {
    const mail = provinceEmail(TABLES[0]);
    const m = await measure(pages.get(360)!, mail.html);
    expectPhoneSafe(m, 360, mail.subject);
    // The ranking tab, the commune not read, the four communes (ranking changes; the bottom ones again).
    expect(m.hrefs[0]).toBe('https://docs.google.com/spreadsheets/d/tinh/edit#gid=3');
    expect(m.hrefs).toContain(`${PROVINCE_COMMUNE_URL}loi/edit`);
    for (const i of [0, 1, 2, 3])
      expect(m.hrefs.some((h) => h.startsWith(`${PROVINCE_COMMUNE_URL}${i}/`))).toBe(true);
    expect(m.hrefs).toContain(`${PROVINCE_COMMUNE_URL}1/edit#gid=0&range=A1&x=${UNBROKEN[0]}`);
    expect(m.hrefs.every((h) => h.startsWith('https://docs.google.com/'))).toBe(true);
  });

  test("the demo's leadership email, as sent (built bundle on the stand-in): fits 360 px, shorter than before", async () => {
    const out = mkdtempSync(join(tmpdir(), 'cchc-phone-'));
    try {
      await runDemo({ out, print: () => {} });
      const dir = join(out, 'mail');
      const file = readdirSync(dir).find((f) =>
        readFileSync(join(dir, f), 'utf8').includes('<title>Tình hình chỉ số CCHC'),
      );
      expect(file).toBeDefined();
      const m = await measure(pages.get(360)!, readFileSync(join(dir, file!), 'utf8'));
      expectPhoneSafe(m, 360, file!);
      await pages
        .get(360)!
        .screenshot({ path: join(SCREENSHOTS, 'email-demo-leadership-360.png'), fullPage: true });
      // README, "The email on a phone": 5,832 px before (a 6-column table, 483 px wide), 4,139 px after on
      // this machine's fonts. The bound leaves room for other fonts and for content added since.
      expect(m.height).toBeLessThan(5000);
      expect(
        m.hrefs.some((h) =>
          /^https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+\/edit#gid=\d+&range=A\d+:[A-Z]+\d+$/.test(h),
        ),
      ).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
