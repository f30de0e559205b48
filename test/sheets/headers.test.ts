import { describe, test, expect } from '@jest/globals';
import { findHeader, matchHeader, foldHeader, columnLetter } from '../../src/sheets/headers';
import { tableFromGrid } from '../../src/sheets/table';
import type { CellValue } from '../../src/core/types';

function grid(values: CellValue[][]) {
  const width = Math.max(...values.map((r) => r.length));
  const padded = values.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  return { values: padded, formulas: null, rows: padded.length, columns: width };
}

describe('header matching', () => {
  test('Vietnamese and English, case and diacritics insensitive', () => {
    expect(matchHeader('Mã')).toBe('code');
    expect(matchHeader('MA')).toBe('code');
    expect(matchHeader('code')).toBe('code');
    expect(matchHeader('Điểm tối đa')).toBe('max');
    expect(matchHeader('diem toi da')).toBe('max');
    expect(matchHeader('Điểm')).toBe('score');
    expect(matchHeader('Cách chấm')).toBe('rule');
    expect(matchHeader('Rule')).toBe('rule');
    expect(matchHeader('KẾT QUẢ')).toBe('actual');
    expect(matchHeader('Tiêu chí / tiêu chí thành phần')).toBe('title');
    expect(matchHeader('Trạng thái')).toBe('status');
    expect(matchHeader('Lý do')).toBe('reason');
    expect(matchHeader('Điểm thẩm định')).toBe('appraised');
    // Decomposed diacritics (NFD), and the look-alike Ð (U+00D0) that old-encoding conversions leave.
    expect(matchHeader('Điểm tối đa'.normalize('NFD'))).toBe('max');
    expect(matchHeader('\u00d0IỂM TỐI \u00d0A')).toBe('max');
    expect(matchHeader('\u00d0iểm thẩm \u00f0ịnh')).toBe('appraised');
  });
  test('bilingual headers: "Mã / Code", "Điểm tối đa (Max)"', () => {
    expect(matchHeader('Mã / Code')).toBe('code');
    expect(matchHeader('Điểm tối đa (Max)')).toBe('max');
    expect(matchHeader('Kết quả\nActual')).toBe('actual');
  });
  test('unknown or ambiguous headers match nothing', () => {
    expect(matchHeader('Ghi chú nội bộ của xã')).toBeNull();
    expect(matchHeader('Mã / Rule')).toBeNull();
    expect(matchHeader(12)).toBeNull();
    expect(matchHeader('')).toBeNull();
  });
  test('fold and column letters', () => {
    expect(foldHeader('  Điểm   TỐI-đa ')).toBe('diem toi da');
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(703)).toBe('AAA');
  });
});

describe('finding the table', () => {
  test('title rows above, any order, extra columns kept', () => {
    const g = grid([
      ['BỘ CHỈ SỐ CCHC NĂM 2024'],
      ['Xã Tiên Phong'],
      [],
      ['Ghi chú riêng', 'Rule', 'Actual', 'Criterion', 'Code', 'Max', 'Ngành'],
      ['x', 'CÓ/KHÔNG', 'Có', 'Tiêu chí A', '1.1', 1, 'VP-TK'],
      ['', 'TỶ LỆ', 0.5, 'Tiêu chí B', '1.2', 2, 'BPMC'],
    ]);
    const read = tableFromGrid(g, 'Tab');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.layout.headerRow).toBe(4);
    expect(read.layout.firstDataRow).toBe(5);
    expect(read.layout.lastDataRow).toBe(6);
    expect(read.layout.columns).toEqual({ rule: 2, actual: 3, title: 4, code: 5, max: 6, sector: 7 });
    expect(read.rows[1]).toMatchObject({
      row: 6,
      code: '1.2',
      rule: 'TỶ LỆ',
      actual: 0.5,
      max: 2,
      title: 'Tiêu chí B',
      target: null,
    });
  });

  test('English headers only', () => {
    const g = grid([
      [
        'Code',
        'Criterion',
        'Max',
        'Rule',
        'Target',
        'Actual',
        'Evidence',
        'Sector',
        'Deadline',
        'Notes',
        'Appraised',
      ],
    ]);
    const found = findHeader(g.values, 'S');
    expect(found.ok).toBe(true);
    if (found.ok) expect(Object.keys(found.match.columns)).toHaveLength(11);
  });

  test('missing columns are named precisely, with the tab and the row', () => {
    const g = grid([['Tiêu đề lớn'], ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Minh chứng'], ['1', 'A', 10, '']]);
    const found = findHeader(g.values, 'Tiêu chí');
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.missing).toEqual(['rule', 'actual']);
    expect(found.message).toContain('Trang "Tiêu chí"');
    expect(found.message).toContain('hàng 2');
    expect(found.message).toContain('"Cách chấm" (Rule)');
    expect(found.message).toContain('"Kết quả" (Actual)');
    expect(found.message).toMatch(/thiếu cột "Cách chấm" \(Rule\), "Kết quả" \(Actual\)\./);
  });

  test('a tab with nothing recognisable says so', () => {
    const found = findHeader(
      grid([
        ['a', 'b'],
        [1, 2],
      ]).values,
      'Sheet1',
    );
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.message).toMatch(/Sheet1.*không tìm thấy tiêu đề cột nào/);
  });

  test('a repeated header: the first column wins, the repeat is reported', () => {
    const g = grid([['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Kết quả']]);
    const found = findHeader(g.values, 'T');
    expect(found.ok).toBe(true);
    if (found.ok) {
      expect(found.match.columns.actual).toBe(5);
      expect(found.match.duplicates).toEqual([{ key: 'actual', column: 6 }]);
    }
  });
});
