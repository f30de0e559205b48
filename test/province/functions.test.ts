// CCHC_RANK and CCHC_WEAK through src and through the built dist/Code.js in a bare vm (what ships).
import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { cchcRank, cchcWeak } from '../../src/functions';
import { seeded } from './random';

const context = vm.createContext({});
vm.runInContext(readFileSync('dist/Code.js', 'utf8'), context);
const dist = context as unknown as Record<string, (...a: unknown[]) => unknown>;
const plain = (v: unknown): unknown => (Array.isArray(v) ? v.map(plain) : v);
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

const IMPLS: [string, (...a: unknown[]) => unknown, (...a: unknown[]) => unknown][] = [
  ['src', cchcRank as (...a: unknown[]) => unknown, cchcWeak as (...a: unknown[]) => unknown],
  ['dist', (...a) => dist.CCHC_RANK(...a), (...a) => dist.CCHC_WEAK(...a)],
];

const thrown = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return String((e as { message?: unknown }).message);
  }
};

describe.each(IMPLS)('CCHC_RANK (%s)', (_where, rank) => {
  test('competition ranks 1, 1, 3 on a column; blanks and N/A stay empty', () => {
    expect(plain(rank(col(0.7219, 0.9, 0.9, '', 'Không áp dụng', 0.5)))).toEqual(col(3, 1, 1, '', '', 4));
  });
  test('fractions equal at 2 decimals of a percent share a rank; percents likewise', () => {
    expect(plain(rank(col(0.80004, 0.79996, 0.7999)))).toEqual(col(1, 1, 3));
    expect(plain(rank(col(80.004, 79.996, 79.99)))).toEqual(col(1, 1, 3));
    expect(plain(rank(col('80,5', '95%', 12)))).toEqual(col(1, 3, 2)); // "95%" is 0.95
  });
  test('ranks within groups; a single group value is reused for every row', () => {
    expect(plain(rank(col(0.9, 0.8, 0.7, 0.95), col('Xã', 'Phường', 'xã', 'Phường')))).toEqual(
      col(1, 2, 2, 1),
    );
    expect(plain(rank(col(0.9, 0.8), 'Xã'))).toEqual(col(1, 2));
  });
  test('text that is not a number: that row says why, the others still rank; one cell throws', () => {
    expect(plain(rank(col(0.9, 'chưa có', 0.8)))).toEqual(
      col(1, 'Lỗi: giá trị "chưa có" không phải số: cần một số, ví dụ 2 hoặc 1,5.', 2),
    );
    expect(thrown(() => rank('abc'))).toMatch(/"abc" không phải số/);
    expect(rank(0.7)).toBe(1);
  });
  test('groups of another size are an error', () => {
    expect(thrown(() => rank(col(1, 2), col('a', 'b', 'c')))).toMatch(/kích thước khác nhau/);
  });
});

// Two communes stacked, as the province workbook imports them: area 1 → 1.1 (parent) → 1.1.1, 1.1.2; 1.2.
const CODES = col(1, 1.1, '1.1.1', '1.1.2', 1.2, '+', 1, 1.1, '1.1.1', '1.1.2', 1.2, '', '-');
const MAX = col(6, 4, 2, 2, 2, 2, 6, 4, 2, 2, 2, '', 5);
const POINTS = col(
  4,
  3,
  1,
  2,
  1,
  1,
  1.5,
  1.5,
  '1,5',
  'Lỗi: Kết quả "x" không đọc được',
  'Không áp dụng',
  9,
  -1,
);

describe.each(IMPLS)('CCHC_WEAK (%s)', (_where, _rank, weak) => {
  test('leaf rows, summed per code across communes, most points lost first', () => {
    // 1.1.2: 0 + 2 (error) = 2, 1 losing, shares 1, 0; 1.1.1: 1 + 0.5 = 1.5, 2 losing, shares .5, .75;
    // 1.2: only the first commune applies: lost 1, share .5
    expect(plain(weak(CODES, MAX, POINTS))).toEqual([
      ['1.1.2', 1, 2, 0.5, 2],
      ['1.1.1', 2, 1.5, 0.625, 2],
      ['1.2', 1, 1, 0.5, 1],
    ]);
  });
  test('top_n limits the rows; a bad top_n is refused', () => {
    expect(plain(weak(CODES, MAX, POINTS, 1))).toEqual([['1.1.2', 1, 2, 0.5, 2]]);
    expect(thrown(() => weak(CODES, MAX, POINTS, 0))).toMatch(/top_n\) "0" phải là số nguyên từ 1/);
    expect(thrown(() => weak(CODES, MAX, POINTS, 'mười'))).toMatch(/top_n\) "mười"/);
  });
  test('with a titles column: the title second, the first non-empty one of each code; without it the documented five columns', () => {
    const TITLES = col(
      'Lĩnh vực 1',
      'Nhóm 1.1',
      '',
      '  Ban hành kế hoạch  ',
      'Báo cáo',
      'Điểm thưởng',
      'Lĩnh vực 1',
      'Nhóm 1.1',
      'Tuyên truyền',
      'Ban hành (tên khác ở xã sau)',
      'Báo cáo',
      '',
      'Trừ điểm',
    );
    expect(plain(weak(CODES, MAX, POINTS, '', TITLES))).toEqual([
      ['1.1.2', 'Ban hành kế hoạch', 1, 2, 0.5, 2],
      ['1.1.1', 'Tuyên truyền', 2, 1.5, 0.625, 2],
      ['1.2', 'Báo cáo', 1, 1, 0.5, 1],
    ]);
    expect(plain(weak(CODES, MAX, POINTS, 1, TITLES))).toEqual([
      ['1.1.2', 'Ban hành kế hoạch', 1, 2, 0.5, 2],
    ]);
    // A blank titles argument is no titles (the documented output).
    expect(plain(weak(CODES, MAX, POINTS, '', ''))).toEqual(plain(weak(CODES, MAX, POINTS)));
    expect(thrown(() => weak(CODES, MAX, POINTS, '', col('a', 'b')))).toMatch(/kích thước khác nhau/);
  });
  test('nothing applicable is a clear error; ranges of different sizes too', () => {
    expect(thrown(() => weak(col('1.1'), col(2), col('Không áp dụng')))).toMatch(/Không có tiêu chí lá/);
    expect(thrown(() => weak(col('1.1', '1.2'), col(2), col(1)))).toMatch(/kích thước khác nhau/);
  });
});

// The same figures through every path: generated stacked tables give identical answers in src and dist,
// and agree with the contract's definition computed directly here.
describe('CCHC_WEAK on generated provinces: src = dist = definition', () => {
  test.each([21, 22, 23, 24])('seed %p', (seed) => {
    const rand = seeded(seed);
    const leaves = ['1.1', '1.2', '2.1', '2.2', '2.3'];
    const codes: unknown[] = [];
    const max: unknown[] = [];
    const points: unknown[] = [];
    const communes = 2 + Math.floor(rand() * 30);
    for (let c = 0; c < communes; c++) {
      for (const area of ['1', '2']) {
        codes.push(area);
        max.push(10);
        points.push(5);
      }
      for (const code of leaves) {
        const m = [1, 2, 3][Math.floor(rand() * 3)];
        const r = rand();
        codes.push(code);
        max.push(m);
        points.push(r < 0.1 ? 'Không áp dụng' : r < 0.15 ? 'Lỗi: x' : Math.round(rand() * m * 100) / 100);
      }
    }
    const args = [col(...codes), col(...max), col(...points)];
    const fromSrc = plain(cchcWeak(args[0], args[1], args[2])) as unknown[][];
    expect(plain(dist.CCHC_WEAK(...args))).toEqual(fromSrc);
    for (const code of leaves) {
      const idx = codes.map((c, i) => (c === code ? i : -1)).filter((i) => i >= 0);
      const applying = idx.filter((i) => points[i] !== 'Không áp dụng');
      const row = fromSrc.find((r) => r[0] === code);
      if (applying.length === 0) {
        expect(row).toBeUndefined();
        continue;
      }
      const p = (i: number) => (typeof points[i] === 'number' ? (points[i] as number) : 0);
      const lost = applying.reduce((s, i) => s + (max[i] as number) - p(i), 0);
      const losing = applying.filter((i) => p(i) < (max[i] as number)).length;
      const share = applying.reduce((s, i) => s + p(i) / (max[i] as number), 0) / applying.length;
      expect(row![1]).toBe(losing);
      expect(row![2] as number).toBeCloseTo(lost, 9);
      expect(row![3] as number).toBeCloseTo(share, 9);
      expect(row![4]).toBe(applying.length);
    }
    expect(fromSrc.some((r) => r[0] === '1' || r[0] === '2')).toBe(false);
  });
});
