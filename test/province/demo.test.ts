// `npm run demo -- --province DIR` as a user runs it (a child process on the built dist/Code.js), on a folder
// of generated commune sheets (CSV and XLSX) plus files it cannot use. Leaves are scored by TỰ CHẤM (the
// points typed are the points), so every expected figure below follows from the generated numbers by the
// contract's words, not from the add-in.
import { beforeAll, describe, test, expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { communeObservations } from '../../local/demo/communeRows';
import type { RankingJson } from '../../local/demo/province';
import { createStandIn } from '../../local/gas/index';
import { OTHER_SET_REASON } from '../../src/core/communeStates';
import { LONG_FORMAT_SCHEMA } from '../../src/core/longFormat';
import { writeCsv } from '../support/localFixtures';
import { seeded } from './random';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(join(tmpdir(), 'cchc-province-'));
const DIR = join(tmp, 'communes');
const OUT = join(tmp, 'out');

const LEAVES = [
  { code: '1.1', area: '1', max: 2, title: 'Kế hoạch CCHC' },
  { code: '1.2', area: '1', max: 3, title: 'Báo cáo định kỳ' },
  { code: '1.3', area: '1', max: 1, title: 'Tuyên truyền <b>CCHC</b>' },
  { code: '2.1', area: '2', max: 2.5, title: 'Hồ sơ đúng hạn' },
  { code: '2.2', area: '2', max: 1.5, title: 'Số hóa' },
];
type Cell = number | 'Không áp dụng' | 'abc';
interface Commune {
  name: string;
  results: Cell[];
  bonus: number;
}

function generate(seed: number, name: string): Commune {
  const rand = seeded(seed);
  return {
    name,
    results: LEAVES.map((l) => {
      const r = rand();
      if (r < 0.12) return 'Không áp dụng';
      if (r < 0.2) return 'abc'; // a data error: the row loses its whole max
      return Math.round(rand() * l.max * 4) / 4;
    }),
    bonus: rand() < 0.3 ? 0.5 : 0,
  };
}

function rows(c: Commune, leafRows: typeof LEAVES = LEAVES): string[][] {
  const dec = (n: number) => String(n).replace('.', ',');
  const out: string[][] = [
    [`Bảng tiêu chí ${c.name}`],
    ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng'],
  ];
  for (const area of ['1', '2']) {
    const leaves = leafRows.filter((l) => l.area === area);
    out.push([area, `Lĩnh vực ${area}`, dec(leaves.reduce((s, l) => s + l.max, 0)), '', '', '']);
    for (const l of leaves) {
      const v = c.results[leafRows.indexOf(l)];
      out.push([l.code, l.title, dec(l.max), 'TỰ CHẤM', typeof v === 'number' ? dec(v) : v, 'QĐ 1']);
    }
  }
  out.push(['+', 'Điểm thưởng', '2', 'TỰ CHẤM', c.bonus ? dec(c.bonus) : '', c.bonus ? 'QĐ 2' : '']);
  return out;
}

async function writeXlsx(file: string, data: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  for (const r of data) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

const COMMUNES: Commune[] = [
  generate(1, 'Xã An Hòa'),
  generate(2, 'Phường Bắc Sơn'),
  generate(3, 'Xã Cẩm Thành'),
  generate(4, 'Xã Đông Phú'),
  { name: 'Xã Ea Tul', results: [2, 3, 1, 2.5, 1.5], bonus: 0 },
  { name: 'Xã Ea Tam', results: [2, 3, 1, 2.5, 1.5], bonus: 0 }, // the same: shares rank 1
];

/** The contract's figures, from the generated numbers. */
function expected(c: Commune) {
  let total = 0;
  let applicableMax = 0;
  LEAVES.forEach((l, i) => {
    const v = c.results[i];
    if (v === 'Không áp dụng') return;
    applicableMax += l.max;
    if (typeof v === 'number') total += v;
  });
  total += c.bonus;
  return { total, applicableMax, indexPercent: Math.min(total / applicableMax, 1) * 100 };
}

let run: ReturnType<typeof spawnSync>;
let ranking: RankingJson;

beforeAll(async () => {
  mkdirSync(DIR);
  COMMUNES.slice(0, 5).forEach((c) => writeCsv(join(DIR, `${c.name}.csv`), rows(c)));
  await writeXlsx(join(DIR, `${COMMUNES[5].name}.xlsx`), rows(COMMUNES[5]));
  writeFileSync(join(DIR, 'Xã Hỏng.xlsx'), 'not a zip file'); // cannot be read
  writeCsv(join(DIR, 'Xã Không Bảng.csv'), [
    ['Họ tên', 'Điện thoại'],
    ['A', '1'],
  ]); // no criteria table
  writeFileSync(join(DIR, 'ghi chú.txt'), 'not a commune');
  run = spawnSync(TSX, ['local/demo/main.ts', '--province', DIR, '--out', OUT, '--today', '2024-06-20'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240000,
  });
  ranking = JSON.parse(readFileSync(join(OUT, 'ranking.json'), 'utf8'));
}, 250000);

describe('demo --province', () => {
  test('exits 0 and writes the three files', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const f of ['ranking.json', 'ranking.html', 'province-email.html'])
      expect(existsSync(join(OUT, f))).toBe(true);
  });

  test('unreadable commune files are listed in errors with a reason; the others are ranked', () => {
    expect(ranking.errors.map((e) => e.name).sort()).toEqual(['Xã Hỏng', 'Xã Không Bảng']);
    for (const e of ranking.errors) expect(e.message.length).toBeGreaterThan(10);
    expect(ranking.communes.map((c) => c.name).sort()).toEqual(COMMUNES.map((c) => c.name).sort());
  });

  test('each commune: total, applicable max and index as the contract defines them', () => {
    for (const c of COMMUNES) {
      const got = ranking.communes.find((x) => x.name === c.name)!;
      const want = expected(c);
      expect(got.total).toBeCloseTo(want.total, 9);
      expect(got.applicableMax).toBeCloseTo(want.applicableMax, 9);
      expect(got.indexPercent!).toBeCloseTo(want.indexPercent, 3);
    }
  });

  test('ranked by index, equal at 2 decimals share a rank (1, 1, 3), sorted by rank', () => {
    const key = (p: number) => Math.round(p * 100 + 1e-6);
    for (const c of ranking.communes) {
      const better = ranking.communes.filter((o) => key(o.indexPercent!) > key(c.indexPercent!)).length;
      expect(c.rank).toBe(better + 1);
    }
    expect(ranking.communes.slice(0, 2).map((c) => [c.name, c.rank])).toEqual([
      ['Xã Ea Tam', 1],
      ['Xã Ea Tul', 1],
    ]);
    expect(ranking.communes[2].rank).toBe(3);
  });

  test('criteria: leaf rows only, matched by code, points lost, communes losing, average share', () => {
    expect(ranking.criteria.map((k) => k.code).sort()).toEqual(
      LEAVES.filter((_, i) => COMMUNES.some((c) => c.results[i] !== 'Không áp dụng'))
        .map((l) => l.code)
        .sort(),
    );
    LEAVES.forEach((l, i) => {
      const k = ranking.criteria.find((x) => x.code === l.code)!;
      const applying = COMMUNES.filter((c) => c.results[i] !== 'Không áp dụng');
      const pts = (c: Commune) => (typeof c.results[i] === 'number' ? (c.results[i] as number) : 0);
      expect(k.title).toBe(l.title);
      expect(k.pointsLost).toBeCloseTo(
        applying.reduce((s, c) => s + l.max - pts(c), 0),
        9,
      );
      expect(k.communesLosing).toBe(applying.filter((c) => pts(c) < l.max).length);
      expect(k.averageShare).toBeCloseTo(
        applying.reduce((s, c) => s + pts(c) / l.max, 0) / applying.length,
        9,
      );
    });
    const lost = ranking.criteria.map((k) => k.pointsLost);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
  });

  test('the page and the email show both tables and the chart, with commune text escaped', () => {
    const html = readFileSync(join(OUT, 'ranking.html'), 'utf8');
    expect(html).toContain('<svg role="img" aria-label="Phân bố xếp loại"');
    expect(html).toContain('Tuyên truyền &lt;b&gt;CCHC&lt;/b&gt;');
    expect(html).not.toContain('<b>CCHC</b>');
    for (const c of ranking.communes) expect(html).toContain(c.name);
    const email = readFileSync(join(OUT, 'province-email.html'), 'utf8');
    expect(email).toContain('Tiêu chí dễ mất điểm nhất');
    expect(email).toContain('Các xã/phường xếp cuối');
    expect(email).toContain('Xã Hỏng');
    expect(email).not.toContain('<b>CCHC</b>');
    // The communes are files: their names are text, no link (and no broken href) anywhere.
    expect(email).not.toMatch(/<a[\s>]|href=/i);
    // The weakest criteria are named as ranking.json names them (one title per code, from the core).
    const esc = (t: string) =>
      t
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
    for (const k of ranking.criteria.slice(0, 10)) expect(email).toContain(esc(`${k.code} ${k.title}`));
  });
});

describe('province-long.csv: the long format of docs/scale.md, the same figures as ranking.json', () => {
  const parse = () => {
    const [header, ...lines] = readFileSync(join(OUT, 'province-long.csv'), 'utf8').trimEnd().split('\n');
    // The generated names and titles hold no comma or quote: a plain split reads the file.
    return { header: header.split(','), rows: lines.map((l) => l.split(',')) };
  };
  test('header = LONG_FORMAT_SCHEMA; every commune ranked has its rows, with its index', () => {
    const { header, rows } = parse();
    expect(header).toEqual(LONG_FORMAT_SCHEMA.map((c) => c.name));
    const col = (name: string) => header.indexOf(name);
    for (const c of ranking.communes) {
      const own = rows.filter((r) => r[col('commune')] === c.name);
      expect(own.length).toBeGreaterThan(LEAVES.length);
      for (const r of own) expect(Number(r[col('index_percent')])).toBeCloseTo(c.indexPercent!, 9);
    }
  });
  test('points lost per leaf code, summed over the rows, = ranking.json criteria', () => {
    const { header, rows } = parse();
    const col = (name: string) => header.indexOf(name);
    for (const k of ranking.criteria) {
      const lost = rows
        .filter((r) => r[col('code')] === k.code && r[col('is_leaf')] === 'true')
        .reduce((s, r) => s + Number(r[col('points_lost')] || 0), 0);
      expect(lost).toBeCloseTo(k.pointsLost, 9);
    }
    expect(ranking.criteria.length).toBe(LEAVES.length);
  });
});

describe('ranking.html is ranking.json drawn: the same model, row by row', () => {
  /** The cells of each body row of the page's n-th table, as text (tags stripped, entities decoded). */
  const tableRows = (html: string, n: number): string[][] => {
    const table = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)][n]?.[1] ?? '';
    const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? '';
    const text = (cell: string) =>
      cell
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1])),
    );
  };
  // The page writes Vietnamese numbers: decimal comma, "." for thousands.
  const num = (text: string) => Number(text.replace(/\./g, '').replace(',', '.').replace('%', ''));

  test('the ranking table: rank, name, index, class, total / applicable max of every commune, in order', () => {
    const ranking = JSON.parse(readFileSync(join(OUT, 'ranking.json'), 'utf8')) as RankingJson;
    const rows = tableRows(readFileSync(join(OUT, 'ranking.html'), 'utf8'), 0);
    expect(rows.map((r) => r[1])).toEqual(ranking.communes.map((c) => c.name));
    rows.forEach((r, i) => {
      const c = ranking.communes[i];
      expect(r[0]).toBe(c.rank === null ? '—' : String(c.rank));
      expect(c.indexPercent === null ? r[2] : num(r[2])).toBe(
        c.indexPercent === null ? '—' : Math.round(c.indexPercent * 100) / 100,
      );
      expect(r[3]).toBe(c.classification || '—');
      const [total, max] = r[4].split(' / ').map(num);
      expect(total).toBeCloseTo(c.total, 2);
      expect(max).toBeCloseTo(c.applicableMax, 2);
    });
  });

  test('the weak-criteria table: code, title, communes losing / applying, points lost, in order', () => {
    const ranking = JSON.parse(readFileSync(join(OUT, 'ranking.json'), 'utf8')) as RankingJson;
    const rows = tableRows(readFileSync(join(OUT, 'ranking.html'), 'utf8'), 1);
    expect(rows.map((r) => r[0])).toEqual(ranking.criteria.map((k) => k.code));
    rows.forEach((r, i) => {
      const k = ranking.criteria[i];
      expect(r[1]).toBe(k.title);
      expect(r[2]).toBe(`${k.communesLosing} / ${k.communesApplicable}`);
      expect(num(r[3])).toBeCloseTo(k.pointsLost, 2);
      expect(num(r[4]) / 100).toBeCloseTo(k.averageShare, 3);
    });
  });
});

describe('demo --province --settings', () => {
  test('the settings file applies to every commune: its class bands classify and count', () => {
    const settings = join(tmp, 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify({
        bands: [
          { label: 'Đạt yêu cầu', minPercent: 50 },
          { label: 'Chưa đạt', minPercent: 0 },
        ],
      }),
    );
    const out = join(tmp, 'out-settings');
    const r = spawnSync(
      TSX,
      [
        'local/demo/main.ts',
        '--province',
        DIR,
        '--out',
        out,
        '--today',
        '2024-06-20',
        '--settings',
        settings,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 240000 },
    );
    expect(r.status).toBe(0);
    const ranked: RankingJson = JSON.parse(readFileSync(join(out, 'ranking.json'), 'utf8'));
    for (const c of ranked.communes)
      expect(c.classification).toBe(c.indexPercent! >= 50 ? 'Đạt yêu cầu' : 'Chưa đạt');
    expect(readFileSync(join(out, 'ranking.html'), 'utf8')).toContain('Đạt yêu cầu');
  }, 250000);
  test('a bad settings file exits 2 with one line naming the field', () => {
    const settings = join(tmp, 'bad.json');
    writeFileSync(settings, JSON.stringify({ mauSac: 'đỏ' }));
    const r = spawnSync(
      TSX,
      ['local/demo/main.ts', '--province', DIR, '--out', join(tmp, 'x2'), '--settings', settings],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('mauSac');
  });
});

describe('demo --province refuses a folder it cannot use, in one line, exit 2', () => {
  test.each([
    ['missing', join(tmp, 'nope'), /^Lỗi: Không mở được thư mục "[^"]*nope": không tìm thấy thư mục\.$/],
    ['empty', (() => (mkdirSync(join(tmp, 'empty')), join(tmp, 'empty')))(), /không có tệp \.csv hay \.xlsx/],
  ])('%s folder', (_label, dir, message) => {
    const r = spawnSync(TSX, ['local/demo/main.ts', '--province', dir, '--out', join(tmp, 'x')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr).not.toMatch(/ENOENT|\(E[A-Z]+\)/);
  });
});

describe('demo --province with its output in the communes folder', () => {
  test('a second run ranks the same communes: its own outputs (province-long.csv…) are never read as one', () => {
    const dir = join(tmp, 'same');
    mkdirSync(dir);
    COMMUNES.slice(0, 2).forEach((c) => writeCsv(join(dir, `${c.name}.csv`), rows(c)));
    const once = () => {
      const r = spawnSync(
        TSX,
        ['local/demo/main.ts', '--province', dir, '--out', dir, '--today', '2024-06-20'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 240000,
        },
      );
      expect(r.status).toBe(0);
      return JSON.parse(readFileSync(join(dir, 'ranking.json'), 'utf8')) as RankingJson;
    };
    const first = once();
    expect(existsSync(join(dir, 'province-long.csv'))).toBe(true);
    const second = once();
    expect(second.communes.map((c) => c.name).sort()).toEqual(
      COMMUNES.slice(0, 2)
        .map((c) => c.name)
        .sort(),
    );
    expect(second.errors).toEqual([]);
    expect(second).toEqual(first);
    // The communes' own files are still there.
    for (const c of COMMUNES.slice(0, 2)) expect(existsSync(join(dir, `${c.name}.csv`))).toBe(true);
  }, 250000);
});

describe('demo --province with a commune on another indicator set', () => {
  // Xã An is first in name order but alone on its set (one more criterion, 2.3): the set most communes use
  // is the province's, and Xã An is left out with the workbook's reason, its rows merged into nothing.
  const OTHER = [...LEAVES, { code: '2.3', area: '2', max: 1, title: 'Tiêu chí riêng của xã' }];
  const an: Commune = { name: 'Xã An', results: [1, 1, 1, 1, 1, 0], bonus: 0 };
  const binh: Commune = { name: 'Xã Bình', results: [2, 3, 1, 2.5, 1.25], bonus: 0 }; // 9,75 / 10
  const cat: Commune = { name: 'Xã Cát', results: [2, 1, 1, 2.5, 1.5], bonus: 0 }; // 8 / 10
  let result: ReturnType<typeof spawnSync>;
  let mixed: RankingJson;
  beforeAll(() => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    writeCsv(join(dir, 'Xã An.csv'), rows(an, OTHER));
    for (const c of [binh, cat]) writeCsv(join(dir, `${c.name}.csv`), rows(c));
    const out = join(tmp, 'out-mixed');
    result = spawnSync(
      TSX,
      ['local/demo/main.ts', '--province', dir, '--out', out, '--today', '2024-06-20'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 240000,
      },
    );
    mixed = JSON.parse(readFileSync(join(out, 'ranking.json'), 'utf8'));
  }, 250000);

  test("the commune on the other set is in errors with the workbook's reason, never ranked", () => {
    expect(result.status).toBe(0);
    expect(mixed.communes.map((c) => c.name)).toEqual(['Xã Bình', 'Xã Cát']);
    expect(mixed.communes.map((c) => c.rank)).toEqual([1, 2]);
    expect(mixed.errors.map((e) => e.name)).toEqual(['Xã An']);
    expect(mixed.errors[0].message.startsWith(OTHER_SET_REASON)).toBe(true);
  });

  test('its criteria are not merged by code into the weak list', () => {
    expect(mixed.criteria.map((k) => k.code).sort()).toEqual(LEAVES.map((l) => l.code).sort());
    LEAVES.forEach((l, i) => {
      const k = mixed.criteria.find((x) => x.code === l.code)!;
      expect(k.communesApplicable).toBe(2);
      const lost = [binh, cat].reduce((s, c) => s + l.max - (c.results[i] as number), 0);
      expect(k.pointsLost).toBeCloseTo(lost, 9);
    });
  });

  test('the console gives each figure in Vietnamese (decimal comma) and says why Xã An is left out', () => {
    const out = String(result.stdout);
    expect(out).toContain('Xã Bình: 97,50% ');
    expect(out).toContain('Xã Cát: 80,00% ');
    expect(out).toMatch(/Xã An: KHÔNG XẾP HẠNG – Xã dùng bộ chỉ số khác/);
    expect(out).not.toMatch(/\d\.\d+%/);
  });

  test('ranking.html lists it under "Không xếp hạng" with its reason', () => {
    const html = readFileSync(join(tmp, 'out-mixed', 'ranking.html'), 'utf8');
    expect(html).toMatch(/<h2>Không xếp hạng \(1\)[^<]*<\/h2><ul><li><b>Xã An<\/b>: Xã dùng bộ chỉ số khác/);
  });
});

describe('demo --province reads a commune table whole (no 300-row export limit locally)', () => {
  test('every one of 305 leaf rows reaches the weak-criteria input', () => {
    const standIn = createStandIn({});
    const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const leaves = Array.from({ length: 305 }, (_, i) => [
      `1.1.${i + 1}`,
      `Tiêu chí ${i + 1}`,
      1,
      'TỰ CHẤM',
      i % 2,
      i % 2,
    ]);
    sheet
      .getRange(1, 1, leaves.length + 1, 6)
      .setValues([['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Điểm'], ...leaves]);
    const rows = communeObservations(sheet as never, 'Xã bảng dài');
    expect(rows.map((r) => r.code)).toEqual(leaves.map((l) => l[0]));
    expect(rows.at(-1)).toMatchObject({ code: '1.1.305', points: 0, max: 1, isLeaf: true });
  });
});
