// Real tables' header names (design.md, "Columns"; issue 13 point 5, issue 19 "extra common headers"):
// STT/TT is the code only without Mã (and its numbering becomes dotted codes), Ghi chú is the notes only
// without Giải trình, the official prose is kept beside the rule column (and used as it only when every
// cell is a rule), and the real names of the sector, result, evidence, deadline and self-score columns.
import { describe, test, expect } from '@jest/globals';
import type { CellValue } from '../../src/core/types';
import { findHeader, matchHeader } from '../../src/sheets/headers';
import { CODES_HEADER } from '../../src/sheets/outputPlan';
import { tableFromGrid, type Grid } from '../../src/sheets/table';

const grid = (values: CellValue[][]): Grid => ({
  values,
  formulas: null,
  rows: values.length,
  columns: values[0].length,
});

describe('real header names', () => {
  test.each([
    ['Đơn vị thực hiện', 'sector'],
    ['Đơn vị chủ trì', 'sector'],
    ['Cơ quan, đơn vị', 'sector'],
    ['Số liệu kê khai', 'actual'],
    ['Kết quả thực hiện', 'actual'],
    ['Tài liệu kiểm chứng', 'evidence'],
    ['Thời hạn', 'deadline'],
    ['Điểm tự chấm', 'selfScore'],
    ['Điểm tự đánh giá', 'selfScore'],
    ['Tiêu chí, tiêu chí thành phần', 'title'],
    ['Điểm thẩm định', 'appraised'],
    ['Cách chấm', 'rule'],
    ['Quy tắc chấm', 'rule'],
  ])('%s → %s', (header, key) => expect(matchHeader(header)).toBe(key));
  test.each(['Hướng dẫn chấm điểm', 'Cách tính điểm', 'STT', 'TT', 'Ghi chú', 'Cần xem lại', CODES_HEADER])(
    '%s is no primary column (prose, or a fallback)',
    (header) => expect(matchHeader(header)).toBeNull(),
  );
});

const HEADER = [
  'STT',
  'Tiêu chí, tiêu chí thành phần',
  'Điểm tối đa',
  'Cách chấm',
  'Hướng dẫn chấm điểm',
  'Đơn vị thực hiện',
  'Số liệu kê khai',
  'Tài liệu kiểm chứng',
  'Thời hạn',
  'Điểm tự chấm',
  'Ghi chú',
];

describe('STT / TT and Mã', () => {
  test('TT is the code when there is no Mã; roman, Arabic and letters become dotted codes', () => {
    const values: CellValue[][] = [
      ['BỘ CHỈ SỐ', '', '', '', '', '', '', '', '', '', ''],
      HEADER.map((h) => (h === 'STT' ? 'TT' : h)),
      ['I', 'Công khai', 6, '', '', '', '', '', '', '', ''],
      [1, 'Công bố', 4, '', '', '', '', '', '', '', ''],
      ['a', 'Đúng hạn', 2, 'TỶ LỆ', 'Tỷ lệ × 2', 'BPMC', '9/10', 'QĐ', '', 1.8, 'ghi chú'],
      ['b', 'Đầy đủ', 2, 'CÓ/KHÔNG', 'Có: 2', 'BPMC', 'Có', 'QĐ', '', '', ''],
      [2, 'Cập nhật', 2, 'TỶ LỆ', '', 'VP', '60%', 'BC', '', '', ''],
      ['II', 'Hài lòng', 4, '', '', '', '', '', '', '', ''],
      [1, 'PAKN', 4, 'TỶ LỆ', '', 'VP', '0/0', 'Cổng', '', '', ''],
    ];
    const read = tableFromGrid(grid(values), 'T');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.layout.derivedCodes).toBe(true);
    expect(read.layout.columns.code).toBe(1);
    expect(read.layout.columns.notes).toBe(11); // Ghi chú without Giải trình: the notes
    expect(read.layout.columns.rule).toBe(4); // Cách chấm, not the prose beside it
    expect(read.rows.map((r) => r.code)).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1']);
    expect(read.rows[2].selfScore).toBe(1.8);
  });
  test('with a Mã column, STT is an extra column left alone; dotted codes stay as written', () => {
    const values: CellValue[][] = [
      ['STT', 'Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Giải trình', 'Ghi chú'],
      [1, '1', 'A', 2, '', '', '', ''],
      [2, '1.1', 'B', 2, 'CÓ/KHÔNG', 'Có', 'giải trình', 'ghi chú'],
    ];
    const read = tableFromGrid(grid(values), 'T');
    expect(read.ok && read.layout.columns.code).toBe(2);
    expect(read.ok && read.layout.derivedCodes).toBe(false);
    expect(read.ok && read.layout.columns.notes).toBe(7); // Giải trình; Ghi chú is no duplicate
    expect(read.ok && read.layout.duplicates).toEqual([]);
    expect(read.ok && read.rows.map((r) => r.code)).toEqual(['1', '1.1']);
  });
  test('running numbers with no hierarchy are refused with what to change', () => {
    const values: CellValue[][] = [
      ['STT', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả'],
      [1, 'A', 2, 'CÓ/KHÔNG', 'Có'],
      [2, 'B', 2, 'CÓ/KHÔNG', 'Có'],
      [3, 'C', 2, 'CÓ/KHÔNG', 'Có'],
    ];
    const read = tableFromGrid(grid(values), 'T');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/số thứ tự chạy.*số La Mã.*thêm cột "Mã"/);
  });
});

describe('the official prose column', () => {
  test('without Cách chấm, prose whose cells are all rules is the rule column', () => {
    const values: CellValue[][] = [
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm điểm', 'Kết quả'],
      ['1', 'A', 2, '', ''],
      ['1.1', 'B', 2, 'CÓ/KHÔNG', 'Có'],
    ];
    const found = findHeader(values, 'T');
    expect(found.ok && found.match.columns.rule).toBe(4);
  });
  test('prose that is not rules: refused, and the message points to reading rules from the prose', () => {
    const values: CellValue[][] = [
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm điểm', 'Kết quả'],
      ['1.1', 'B', 2, 'Ban hành đúng hạn: 2 điểm; chậm: 1 điểm', ''],
    ];
    const found = findHeader(values, 'T');
    expect(found.ok).toBe(false);
    expect(!found.ok && found.message).toMatch(
      /Cột "Hướng dẫn chấm điểm" là lời văn hướng dẫn chấm điểm chính thức.*Nhập bộ chỉ số chính thức/,
    );
  });
});
