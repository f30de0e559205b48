import { describe, test, expect } from '@jest/globals';
import { buildProvinceReport, type CommuneStanding } from '../../src/core/provinceReport';
import { heatColor } from '../../src/core/heatColor';
import { LONG_FORMAT_SCHEMA, longFormatCsv } from '../../src/core/longFormat';
import { DEFAULT_BANDS } from '../../src/core/settings';
import { renderProvinceEmail } from '../../src/mail/provinceEmail';
import { seeded } from './random';

const commune = (name: string, indexPercent: number | null, classification: string): CommuneStanding => ({
  name,
  group: '',
  total: indexPercent ?? 0,
  applicableMax: 100,
  indexPercent,
  classification,
  areas: [
    { code: '2', title: 'Thể chế', score: 1, max: 2 },
    { code: '10', title: 'Khác', score: 0, max: 0 },
  ],
});

const base = {
  provinceName: 'Tỉnh',
  asOf: '2026-11-30',
  observations: [],
  errors: [],
  bands: DEFAULT_BANDS,
};

const report = buildProvinceReport({
  provinceName: 'Tỉnh <Thử>',
  asOf: '2026-11-30',
  communes: [
    commune('Xã A', 91, 'Xuất sắc'),
    commune('Xã B', 72, 'Khá'),
    commune('Xã C', 50, 'Yếu'),
    commune('Xã D', 85, 'Tốt'),
    commune('Xã E', null, ''),
  ],
  observations: [
    {
      commune: 'Xã A',
      code: '2.1',
      title: 'Rà soát <văn bản>',
      max: 2,
      points: 1,
      applicable: true,
      error: false,
      isLeaf: true,
    },
  ],
  errors: [{ name: 'Xã <F>', message: 'Tệp hỏng' }],
  bands: DEFAULT_BANDS,
  previous: [
    { name: 'xã a', rank: 1, indexPercent: 90 },
    { name: 'Xã B', rank: 2, indexPercent: 80 },
    { name: 'Xã D', rank: 3, indexPercent: 70 },
  ],
});

describe('province report model', () => {
  test('rank changes against the previous ranking (names matched without case)', () => {
    const by = Object.fromEntries(
      report.communes.map((c) => [c.name, [c.rank, c.previousRank, c.rankChange, c.indexChange]]),
    );
    expect(by).toEqual({
      'Xã A': [1, 1, 0, 1],
      'Xã D': [2, 3, 1, 15],
      'Xã B': [3, 2, -1, -8],
      'Xã C': [4, null, null, null],
      'Xã E': [null, null, null, null],
    });
    expect(report.movers.map((c) => c.name)).toEqual(['Xã D', 'Xã B']);
  });
  test('class counts over every band plus unclassified; average over communes with an index', () => {
    expect(report.classCounts).toEqual([
      { label: 'Xuất sắc', count: 1 },
      { label: 'Tốt', count: 1 },
      { label: 'Khá', count: 1 },
      { label: 'Trung bình', count: 0 },
      { label: 'Yếu', count: 1 },
      { label: 'Chưa xếp loại', count: 1 },
    ]);
    expect(report.averageIndexPercent).toBeCloseTo(74.5, 12);
  });
  test('bottom: at most the lower half of the ranked communes; areas in code order', () => {
    expect(report.bottom.map((c) => c.name)).toEqual(['Xã B', 'Xã C']);
    expect(report.areas.map((a) => a.code)).toEqual(['2', '10']);
  });
  test('bottom never cuts through a tie: every commune sharing the cut rank is listed', () => {
    // Generated rankings: the list is a suffix of the ranking, from a cut rank on, with at least
    // min(count, half) communes, and the commune just above it (if any) ranks strictly better.
    const rand = seeded(17);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 12);
      const count = 1 + Math.floor(rand() * 6);
      const communes = Array.from({ length: n }, (_, i) =>
        commune(`Xã ${i}`, [60, 70, 70, 80, 90][Math.floor(rand() * 5)], 'Khá'),
      );
      const r = buildProvinceReport({ ...base, communes, bottomCount: count });
      const ranked = r.communes;
      const k = Math.min(count, Math.floor(n / 2));
      const bottom = r.bottom;
      expect(bottom).toEqual(ranked.slice(ranked.length - bottom.length));
      const cutRank = k > 0 ? ranked[n - k].rank! : null;
      if (cutRank === null || cutRank === 1) {
        expect(bottom).toEqual([]);
        continue;
      }
      expect(bottom.length).toBeGreaterThanOrEqual(k);
      expect(bottom.every((c) => c.rank! >= cutRank)).toBe(true);
      expect(ranked.filter((c) => c.rank! >= cutRank)).toHaveLength(bottom.length);
      const above = ranked[ranked.length - bottom.length - 1];
      if (above) expect(above.rank!).toBeLessThan(bottom[0].rank!);
    }
  });
  test('bottom: a tie at the cut is listed whole (3 asked, 7 share the cut rank)', () => {
    const communes = [
      commune('Xã Đầu', 95, 'Xuất sắc'),
      ...['G', 'H', 'I', 'K', 'L', 'M', 'N'].map((x) => commune(`Xã ${x}`, 80, 'Tốt')),
      commune('Xã Cuối', 60, 'Trung bình'),
    ];
    const r = buildProvinceReport({ ...base, communes, bottomCount: 3 });
    // Ranks: 1, then seven communes tied at 2, then 9. Three asked: the cut falls at rank 2.
    expect(r.bottom.map((c) => [c.name, c.rank])).toEqual([
      ...['G', 'H', 'I', 'K', 'L', 'M', 'N'].map((x) => [`Xã ${x}`, 2]),
      ['Xã Cuối', 9],
    ]);
    const mail = renderProvinceEmail(r, '2026-11');
    for (const x of ['G', 'H', 'I', 'K', 'L', 'M', 'N']) expect(mail.text).toContain(`2 | Xã ${x} |`);
  });
  test('the email escapes every commune text and lists the unread communes', () => {
    const mail = renderProvinceEmail(report, '2026-11');
    expect(mail.subject).toBe('Chỉ số CCHC các xã, phường – tháng 11/2026 – Tỉnh <Thử>');
    expect(mail.html).toContain('Tỉnh &lt;Thử&gt;');
    expect(mail.html).toContain('Rà soát &lt;văn bản&gt;');
    expect(mail.html).toContain('Xã &lt;F&gt;');
    expect(mail.html).not.toMatch(/<Thử>|<văn bản>|<F>/);
    expect(mail.html).toContain('↑ 1');
    expect(mail.text).toContain('Xã D | 2 | 3 | ↑ 1 | 85,00% (+15 điểm %)');
    expect(mail.text).toContain('Xã B | 3 | 2 | ↓ 1 | 72,00% (−8 điểm %)');
  });
});

describe('the province email links each commune it names to its spreadsheet', () => {
  const google = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0&range=A1`;
  const linked = buildProvinceReport({
    provinceName: 'Tỉnh Thử',
    asOf: '2026-11-30',
    communes: [
      { ...commune('Xã A', 91, 'Xuất sắc'), url: google('aaa') },
      { ...commune('Xã B', 72, 'Khá'), url: 'https://docs.google.com/x" onmouseover="alert(1)' },
      { ...commune('Xã C', 50, 'Yếu'), url: google('ccc') },
      { ...commune('Xã D', 85, 'Tốt'), url: 'javascript:alert(1)' },
      { ...commune('Xã G', 40, 'Yếu'), url: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789' },
    ],
    observations: [],
    errors: [
      { name: 'Xã F', message: 'Chưa đọc được', url: google('fff') },
      { name: 'Xã H', message: 'Chưa đọc được', url: 'http://docs.google.com/spreadsheets/d/hhh/edit' },
    ],
    bands: DEFAULT_BANDS,
    previous: [
      { name: 'Xã A', rank: 2, indexPercent: null },
      { name: 'Xã B', rank: 4, indexPercent: null },
      { name: 'Xã C', rank: 3, indexPercent: null },
      { name: 'Xã D', rank: 1, indexPercent: null },
    ],
    rankingUrl: 'https://docs.google.com/spreadsheets/d/tinh/edit#gid=7',
  });
  const mail = renderProvinceEmail(linked, '2026-11');
  const anchors = [...mail.html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[2], m[1]]);

  test('ranking changes, bottom communes and the communes not read: a link exactly when the URL is a Google one', () => {
    // Movers (A, B, C, D all moved), the bottom (C, G), the unread (F, H).
    expect(linked.movers.map((c) => c.name).sort()).toEqual(['Xã A', 'Xã B', 'Xã C', 'Xã D']);
    expect(linked.bottom.map((c) => c.name)).toEqual(['Xã C', 'Xã G']);
    const url = (id: string) => google(id).replace(/&/g, '&amp;');
    expect(anchors).toEqual([
      ['Mở bảng tổng hợp (trang Xếp hạng)', 'https://docs.google.com/spreadsheets/d/tinh/edit#gid=7'],
      ['Xã F', url('fff')],
      ['Xã A', url('aaa')],
      ['Xã C', url('ccc')],
      ['4. Xã C', url('ccc')],
    ]);
    // Every other name is text; nothing of the bad URLs reaches the HTML.
    for (const name of ['Xã B', 'Xã D', 'Xã G', 'Xã H']) expect(mail.html).toContain(name);
    expect(mail.html).not.toMatch(/onmouseover|javascript:|http:\/\/|1AbCdEf/);
    // The plain-text part carries the links too, after the name.
    expect(mail.text).toContain(`Xã C | 4 | 3 | ↓ 1 | 50,00% | ${google('ccc')}\n`);
    expect(mail.text).toContain(`4 | Xã C | 50,00% | Yếu | 50/100 | ${google('ccc')}\n`);
    expect(mail.text).toContain('Xã B | 3 | 4 | ↑ 1 | 72,00%\n');
  });

  test('without URLs (the local run: communes are files) the email has no link at all', () => {
    const plain = renderProvinceEmail(report, '2026-11');
    expect(plain.html).not.toMatch(/<a |href=/);
  });
});

describe('heat colour', () => {
  test('the three points and clamping', () => {
    expect(heatColor(0)).toBe('#e67c73');
    expect(heatColor(0.5)).toBe('#ffd666');
    expect(heatColor(1)).toBe('#57bb8a');
    expect(heatColor(2)).toBe('#57bb8a');
    expect(heatColor(Number.NaN)).toBe('#e67c73');
    expect(heatColor(0.25)).toBe('#f3a96d');
  });
});

describe('long format (docs/scale.md)', () => {
  test('one row per observation with the documented columns; N/A and errors as the contract reads them', () => {
    const csv = longFormatCsv(
      [
        {
          commune: 'Xã "A", mới',
          code: '1',
          title: 'Lĩnh vực',
          max: 3,
          points: null,
          applicable: true,
          error: false,
          isLeaf: false,
        },
        {
          commune: 'Xã "A", mới',
          code: '1.1',
          title: 'Một',
          max: 2,
          points: 1.5,
          applicable: true,
          error: false,
          isLeaf: true,
        },
        {
          commune: 'Xã B',
          code: '1.2',
          title: 'Hai',
          max: 1,
          points: null,
          applicable: true,
          error: true,
          isLeaf: true,
        },
        {
          commune: 'Xã B',
          code: '1.3',
          title: 'Ba',
          max: 1,
          points: null,
          applicable: false,
          error: false,
          isLeaf: true,
        },
      ],
      {
        asOf: '2026-11-30',
        groupOf: (c) => (c === 'Xã B' ? 'Xã' : ''),
        // float noise is cut at BigQuery NUMERIC's 9 decimals; a commune without an index has none
        indexOf: (c) => (c === 'Xã B' ? 72.18999999999999 : null),
      },
    );
    expect(csv.split('\n')).toEqual([
      LONG_FORMAT_SCHEMA.map((c) => c.name).join(','),
      '2026-11-01,2026-11-30,"Xã ""A"", mới",,1,Lĩnh vực,1,false,3,0,true,false,3,',
      '2026-11-01,2026-11-30,"Xã ""A"", mới",,1.1,Một,1,true,2,1.5,true,false,0.5,',
      '2026-11-01,2026-11-30,Xã B,Xã,1.2,Hai,1,true,1,,true,true,1,72.19',
      '2026-11-01,2026-11-30,Xã B,Xã,1.3,Ba,1,true,1,,false,false,,72.19',
      '',
    ]);
  });
});
