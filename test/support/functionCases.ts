// The custom-function cases, run twice: through src (test/functions/functions.test.ts) and through the built
// dist/Code.js in a bare vm context (test/dist/functions.test.ts), so what ships is what is tested.
// Ranges are written the way Sheets passes them: 2-D arrays, one inner array per sheet row.

export type FnName =
  | 'CCHC_SCORE'
  | 'CCHC_TOTAL'
  | 'CCHC_MAX'
  | 'CCHC_INDEX'
  | 'CCHC_CLASS'
  | 'CCHC_POINTS'
  | 'CCHC_STATUS'
  | 'CCHC_REASON'
  | 'CCHC_AT_STAKE'
  | 'CCHC_OUTPUTS'
  | 'CCHC_SUMMARY';

export interface FnCase {
  name: string;
  fn: FnName;
  args: unknown[];
  /** The exact result (2-D arrays for columns). */
  expected?: unknown;
  /** Compare a number to 12 decimals instead of exactly. */
  approx?: boolean;
  /** The call must throw an Error whose message matches. */
  throws?: RegExp;
}

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const NA = 'Không áp dụng';

// ── A small criteria table used by the table functions ──
// 1 (area) → 1.1 (tiers), 1.2 (yes/no, N/A), 1.3 (parent) → 1.3.1 (deadline), 1.3.2 (deduct);
// 10 (area) → 10.1 (ratio); an empty-code row; bonus "+" and penalty "-".
const CODES = col(1, 1.1, 1.2, 1.3, '1.3.1', '1.3.2', '', 10, 10.1, '+', '-');
const RULES = col(
  '',
  'MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1)',
  'CÓ/KHÔNG',
  '',
  'HẠN(50%)',
  'TRỪ(0,25)',
  'CÓ/KHÔNG',
  '',
  'TỶ LỆ',
  'TỰ CHẤM',
  'TỰ CHẤM',
);
const MAX = col(10, 4, 2, 4, 1.5, 2.5, 1, 90, 90, 2, 5);
const ACTUAL = col('', '97%', 'KAD', '', '', 2, 'Có', '', 0.4, 1.5, 0.5);
const TARGET = col('', 1, '', '', new Date(2024, 11, 20), '', '', '', 0.5, '', '');
const EVIDENCE = col('', 'TLKC', '', '', '', 'BC', 'x', '', '', '', '');
const DEADLINE = col('', '', '', '', '', '', '', '', new Date(2024, 0, 31), '', '');
const APPRAISED = col('', '', '', '', '', '', '', '', '', '', '');
const TABLE = [CODES, RULES, MAX, ACTUAL, TARGET, EVIDENCE, DEADLINE, APPRAISED];
const AS_OF = new Date(2024, 11, 10);
// Row 7 has a rule, a max and a result but no code: it is not counted, and its own cells say so.
const NO_CODE =
  'Dòng này có điểm tối đa, cách chấm hoặc kết quả nhưng không có mã nên không được tính vào tổng điểm.';

export const CASES: FnCase[] = [
  // ── CCHC_SCORE: single values ──
  // Real sets (issue 13): fractions, "không phát sinh", plain numbers as percents, rounding per criterion.
  // 6 × 2634/2735 = 5.7784…; rounded to 2 decimals half up: 5.78.
  {
    name: 'fraction n/d, decimals 2',
    fn: 'CCHC_SCORE',
    args: ['TỶ LỆ', 6, '2634/2735', '', 2],
    expected: 5.78,
  },
  {
    name: 'fraction with spaces and a unit',
    fn: 'CCHC_SCORE',
    args: ['TỶ LỆ', 2, '3 / 4 hồ sơ'],
    expected: 1.5,
  },
  {
    name: 'fraction in a count rule is an error',
    fn: 'CCHC_SCORE',
    args: ['ĐẾM(0,25)', 2, '3/4'],
    throws: /phân số/,
  },
  { name: '0/0 is full points', fn: 'CCHC_SCORE', args: ['TỶ LỆ', 6, '0/0'], expected: 6 },
  { name: 'KPS with "; KPS: 0"', fn: 'CCHC_SCORE', args: ['TỶ LỆ; KPS: 0', 6, 'KPS'], expected: 0 },
  {
    name: 'KPS with "; KPS: KAD"',
    fn: 'CCHC_SCORE',
    args: ['TỶ LỆ; KPS: KAD', 6, 'Không phát sinh'],
    expected: NA,
  },
  { name: '96,5 in a ratio rule is 96,5%', fn: 'CCHC_SCORE', args: ['TỶ LỆ(90%)', 2, '96,5'], expected: 2 },
  {
    name: '45 in a ratio rule is 45% (half of a 90% target)',
    fn: 'CCHC_SCORE',
    args: ['TỶ LỆ(90%)', 2, 45],
    expected: 1,
  },
  {
    name: 'above 100 in a ratio rule is an error',
    fn: 'CCHC_SCORE',
    args: ['TỶ LỆ', 2, 150],
    throws: /"150" lớn hơn 100/,
  },
  { name: 'max 0 is a tracking row', fn: 'CCHC_SCORE', args: ['TỶ LỆ', 0, '3/7'], expected: 0 },
  { name: 'decimals 0 rounds half up', fn: 'CCHC_SCORE', args: ['TỰ CHẤM', 5, 2.5, '', 0], expected: 3 },
  {
    name: 'decimals above 4 are refused',
    fn: 'CCHC_SCORE',
    args: ['TỰ CHẤM', 5, 2.5, '', 5],
    throws: /từ 0 đến 4/,
  },
  {
    name: 'decimals must be a number',
    fn: 'CCHC_SCORE',
    args: ['TỰ CHẤM', 5, 2.5, '', 'hai'],
    throws: /làm tròn/,
  },
  { name: 'yes/no done', fn: 'CCHC_SCORE', args: ['CÓ/KHÔNG', 1.5, 'Có'], expected: 1.5 },
  { name: 'yes/no alias, not done', fn: 'CCHC_SCORE', args: ['BOOL', 1.5, 'Chưa'], expected: 0 },
  {
    name: 'deadline on the day',
    fn: 'CCHC_SCORE',
    args: ['HẠN(50%)', 1, '31/01/2024', new Date(2024, 0, 31)],
    expected: 1,
  },
  {
    name: 'deadline late',
    fn: 'CCHC_SCORE',
    args: ['DEADLINE(50%)', 1, new Date(2024, 1, 1), '31/01/2024'],
    expected: 0.5,
  },
  { name: 'deadline word', fn: 'CCHC_SCORE', args: ['HẠN', 2, 'Trễ hạn'], expected: 1 },
  {
    name: 'domain tiers 97%',
    fn: 'CCHC_SCORE',
    args: ['MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1)', 4, 0.97],
    expected: 2,
  },
  {
    name: 'tiers exactly at 98%',
    fn: 'CCHC_SCORE',
    args: ['MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1)', 4, '98%'],
    expected: 3,
  },
  {
    name: 'tiers 0.3+0.3+0.3 reaches 90%',
    fn: 'CCHC_SCORE',
    args: ['TIERS(90%: 1)', 1, 0.3 + 0.3 + 0.3],
    expected: 1,
  },
  {
    name: 'tiers as share of max',
    fn: 'CCHC_SCORE',
    args: ['MỨC(100%: 100%; 80%: 50%)', 1.5, 0.85],
    expected: 0.75,
  },
  { name: 'tiers on counts', fn: 'CCHC_SCORE', args: ['MỨC(6: 1,5; 3: 0,75)', 1.5, 4], expected: 0.75 },
  { name: 'ratio with target column', fn: 'CCHC_SCORE', args: ['TỶ LỆ', 2.5, 0.4, 0.5], expected: 2 },
  { name: 'ratio argument wins', fn: 'CCHC_SCORE', args: ['RATIO(80%)', 1, 0.4, 0.5], expected: 0.5 },
  { name: 'ratio above 100% capped', fn: 'CCHC_SCORE', args: ['TỶ LỆ', 2, '120%'], expected: 2 },
  { name: 'count capped', fn: 'CCHC_SCORE', args: ['ĐẾM(0,25)', 1.5, 10], expected: 1.5 },
  { name: 'count', fn: 'CCHC_SCORE', args: ['COUNT(0.25)', 1.5, 4], expected: 1 },
  { name: 'deduct floor 0', fn: 'CCHC_SCORE', args: ['TRỪ(0,25)', 2.5, 20], expected: 0 },
  { name: 'deduct', fn: 'CCHC_SCORE', args: ['DEDUCT(0.25)', 2.5, 2], expected: 2 },
  { name: 'survey', fn: 'CCHC_SCORE', args: ['KHẢO SÁT', 15, '85%'], expected: 12.75 },
  { name: 'manual', fn: 'CCHC_SCORE', args: ['TỰ CHẤM', 1.5, '1,25'], expected: 1.25 },
  { name: 'max as text with decimal comma', fn: 'CCHC_SCORE', args: ['MANUAL', '1,5', 1.5], expected: 1.5 },
  { name: 'empty actual scores 0', fn: 'CCHC_SCORE', args: ['SURVEY', 15, ''], expected: 0 },
  { name: 'not applicable', fn: 'CCHC_SCORE', args: ['CÓ/KHÔNG', '', 'Không áp dụng'], expected: NA },
  { name: 'KAD', fn: 'CCHC_SCORE', args: ['TỶ LỆ', 2, 'KAD'], expected: NA },
  { name: 'all empty gives an empty cell', fn: 'CCHC_SCORE', args: ['', '', '', ''], expected: '' },
  {
    name: 'all empty rows of a range give empty cells',
    fn: 'CCHC_SCORE',
    args: [col('', 'CÓ/KHÔNG'), col('', 1), col('', 'Có')],
    expected: col('', 1),
  },
  { name: 'target omitted', fn: 'CCHC_SCORE', args: ['TỶ LỆ', 2, 0.5], expected: 1 },
  {
    name: 'unknown rule throws',
    fn: 'CCHC_SCORE',
    args: ['XYZ', 1, ''],
    throws: /Cách chấm "XYZ" không có trong danh sách/,
  },
  { name: 'missing max throws', fn: 'CCHC_SCORE', args: ['CÓ/KHÔNG', '', ''], throws: /Thiếu điểm tối đa/ },
  {
    name: 'bad actual throws',
    fn: 'CCHC_SCORE',
    args: ['CÓ/KHÔNG', 1, 'có lẽ'],
    throws: /Kết quả "có lẽ" không đọc được/,
  },
  {
    name: 'grouped number throws',
    fn: 'CCHC_SCORE',
    args: ['TỰ CHẤM', 200, '1.000,5'],
    throws: /hàng nghìn/,
  },
  {
    name: 'survey above 100% throws',
    fn: 'CCHC_SCORE',
    args: ['KHẢO SÁT', 15, 1.2],
    throws: /từ 0 đến 100%/,
  },
  {
    name: 'manual above max throws',
    fn: 'CCHC_SCORE',
    args: ['TỰ CHẤM', 1, 2],
    throws: /từ 0 đến điểm tối đa 1/,
  },
  {
    name: 'tier above max throws',
    fn: 'CCHC_SCORE',
    args: ['MỨC(100%: 5)', 4, ''],
    throws: /vượt điểm tối đa 4/,
  },
  {
    name: 'tier above a given max throws even when not applicable',
    fn: 'CCHC_SCORE',
    args: ['MỨC(100%: 5)', 4, 'KAD'],
    throws: /^Cách chấm MỨC: mức "100%: 5" cho 5 điểm, vượt điểm tối đa 4\.$/,
  },
  {
    name: 'deadline: a completion typed with a time of day counts by calendar day',
    fn: 'CCHC_SCORE',
    args: [[['HẠN'], ['HẠN']], 2, [['31/01/2024 23:59'], ['01/02/2024 00:01']], '31/01/2024'],
    expected: col(2, 1),
  },
  {
    name: 'date without deadline throws',
    fn: 'CCHC_SCORE',
    args: ['HẠN', 1, '05/02/2024'],
    throws: /^Có ngày hoàn thành "05\/02\/2024" nhưng thiếu hạn/,
  },
  { name: 'Sheets error value throws', fn: 'CCHC_SCORE', args: ['CÓ/KHÔNG', 1, '#N/A'], throws: /#N\/A/ },

  // ── CCHC_SCORE: ranges ──
  {
    name: 'a column of results; the single max is reused; a bad row says Lỗi and the others compute',
    fn: 'CCHC_SCORE',
    args: [
      col('CÓ/KHÔNG', 'TỶ LỆ', 'XYZ', 'CÓ/KHÔNG', 'TỰ CHẤM', ''),
      2,
      col('Có', '40%', 1, 'KAD', 3, ''),
      col('', 0.5, '', '', '', ''),
    ],
    expected: col(
      2,
      1.6,
      'Lỗi: Cách chấm "XYZ" không có trong danh sách: dùng CÓ/KHÔNG, HẠN(50%), MỨC(100%: 1,5; 80%: 0,75), TỶ LỆ, ĐẾM(0,25), TRỪ(0,25), KHẢO SÁT hoặc TỰ CHẤM.',
      NA,
      'Lỗi: Kết quả "3" là điểm tự chấm, phải từ 0 đến điểm tối đa 2.',
      // max is not empty on this row (the single 2 is reused), so the missing rule is an error
      'Lỗi: Thiếu cách chấm: dùng một trong CÓ/KHÔNG, HẠN(50%), MỨC(100%: 1,5; 80%: 0,75), TỶ LỆ, ĐẾM(0,25), TRỪ(0,25), KHẢO SÁT hoặc TỰ CHẤM.',
    ),
  },
  {
    name: 'single rule reused down a column',
    fn: 'CCHC_SCORE',
    args: ['ĐẾM(0,25)', col(1, 2), col(2, 10)],
    expected: col(0.5, 2),
  },
  {
    name: 'a 1×1 range gives a 1×1 column',
    fn: 'CCHC_SCORE',
    args: [[['CÓ/KHÔNG']], [[1]], [['Có']]],
    expected: col(1),
  },
  {
    name: 'a row range gives a column',
    fn: 'CCHC_SCORE',
    args: [[['CÓ/KHÔNG', 'CÓ/KHÔNG']], 1, [['Có', 'Không']]],
    expected: col(1, 0),
  },
  {
    name: 'ranges of different sizes throw',
    fn: 'CCHC_SCORE',
    args: [col('CÓ/KHÔNG', 'CÓ/KHÔNG'), col(1, 1, 1), col('Có', 'Có')],
    throws: /kích thước khác nhau \(2 và 3 ô\)/,
  },
  {
    name: 'a target column of a different size throws',
    fn: 'CCHC_SCORE',
    args: [col('TỶ LỆ', 'TỶ LỆ'), 1, col(0.5, 0.5), col(1)],
    throws: /kích thước khác nhau/,
  },

  // ── CCHC_TOTAL ──
  {
    name: 'sum of leaves (parents ignored, empty code ignored)',
    fn: 'CCHC_TOTAL',
    args: [col(1, 1.1, 1.2, '', 2, 2.1), col(99, 1, 2, 50, 99, 3)],
    expected: 6,
  },
  {
    name: '10.1 is not a child of 1',
    fn: 'CCHC_TOTAL',
    args: [col(1, 10, 10.1), col(5, 99, 7)],
    expected: 12,
  },
  {
    name: 'prefix limits to the area',
    fn: 'CCHC_TOTAL',
    args: [col(1, 1.1, 1.2, 10, 10.1), col(9, 1, 2, 9, 7), '1'],
    expected: 3,
  },
  {
    name: 'prefix as a number',
    fn: 'CCHC_TOTAL',
    args: [col(1, 1.1, 1.2, 10, 10.1), col(9, 1, 2, 9, 7), 10],
    expected: 7,
  },
  {
    name: 'prefix of a sub-criterion',
    fn: 'CCHC_TOTAL',
    args: [col('1', '1.1', '1.1.1', '1.1.2', '1.2'), col(9, 9, 0.5, 0.25, 4), '1.1'],
    expected: 0.75,
  },
  {
    name: 'text scores: numbers count, others 0',
    fn: 'CCHC_TOTAL',
    args: [col('1', '2', '3', '4', '5'), col('1,5', 'Không áp dụng', 'Lỗi: x', '', true)],
    expected: 1.5,
  },
  {
    name: 'penalty rows shown negative subtract',
    fn: 'CCHC_TOTAL',
    args: [col('1', '+', '-'), col(80, 1.5, -0.5)],
    expected: 81,
  },
  {
    name: 'float noise rounded',
    fn: 'CCHC_TOTAL',
    args: [col('1', '2', '3'), col(0.1, 0.2, 0.3)],
    expected: 0.6,
  },
  {
    name: 'total: different sizes throw',
    fn: 'CCHC_TOTAL',
    args: [col(1, 2), col(1)],
    throws: /kích thước khác nhau/,
  },
  { name: 'total: single values', fn: 'CCHC_TOTAL', args: ['1', 2.5], expected: 2.5 },
  {
    name: 'a repeated code is not counted (as the data check and evaluate() say)',
    fn: 'CCHC_TOTAL',
    args: [col(1, 1.1, 1.2, '1.2'), col(3, 1, 2, 'Lỗi: Mã "1.2" bị trùng')],
    expected: 3,
  },
  {
    name: 'a repeated code leaves the applicable max',
    fn: 'CCHC_MAX',
    args: [col(1, 1.1, 1.2, '1.2'), col(10, 4, 6, 6), col(3, 1, 2, 'Lỗi: Mã "1.2" bị trùng')],
    expected: 10,
  },

  // ── CCHC_MAX ──
  {
    name: 'applicable max of leaves',
    fn: 'CCHC_MAX',
    args: [col(1, 1.1, 1.2, 2, 2.1), col(10, 4, 6, 90, 90), col(3, 1, NA, 50, 50)],
    expected: 94,
  },
  {
    name: 'applicable max under a prefix',
    fn: 'CCHC_MAX',
    args: [col(1, 1.1, 1.2, 2, 2.1), col(10, 4, 6, 90, 90), col(3, 1, 'KAD', 50, 50), '1'],
    expected: 4,
  },
  {
    name: 'bonus and penalty rows are outside the maximum',
    fn: 'CCHC_MAX',
    args: [col(1, '+', '-'), col(100, 2, 5), col(80, 1, -1)],
    expected: 100,
  },
  {
    name: 'prefix "+" gives the bonus group',
    fn: 'CCHC_MAX',
    args: [col(1, '+1', '+2'), col(100, 1, 1), col(80, 1, 0), '+'],
    expected: 2,
  },
  {
    name: 'error rows keep their max',
    fn: 'CCHC_MAX',
    args: [col(1, 2), col(50, 50), col(40, 'Lỗi: x')],
    expected: 100,
  },

  // ── CCHC_INDEX ──
  {
    name: 'index as a fraction',
    fn: 'CCHC_INDEX',
    args: [col(1, 1.1, 1.2, 2), col(50, 20, 30, 50), col(45, 20, 25, 40)],
    expected: 0.85,
    approx: true,
  },
  {
    name: 'N/A rows leave the denominator',
    fn: 'CCHC_INDEX',
    args: [col(1, 2, 3), col(50, 30, 20), col(45, NA, 'Lỗi: x')],
    expected: 45 / 70,
    approx: true,
  },
  {
    name: 'bonus makes up lost points but the index never passes 100%',
    fn: 'CCHC_INDEX',
    args: [col(1, 2, '+'), col(50, 50, 2), col(50, 49.5, 2)],
    expected: 1,
  },
  {
    name: 'bonus adds, penalty subtracts (capped)',
    fn: 'CCHC_INDEX',
    args: [col(1, '+', '-'), col(100, 2, 5), col(80, 3, -1)],
    expected: 0.81,
    approx: true,
  },
  {
    name: 'index exactly 90%',
    fn: 'CCHC_INDEX',
    args: [col(1, 2, 3, 4), col(1, 1, 1, 1), col(0.3 + 0.3 + 0.3, 0.9, 0.9, 0.9)],
    expected: 0.9,
    approx: true,
  },
  {
    name: 'no applicable row throws',
    fn: 'CCHC_INDEX',
    args: [col(1, 2), col(5, 5), col(NA, 'KAD')],
    throws: /Không có tiêu chí nào được tính điểm/,
  },

  // ── CCHC_CLASS ──
  { name: 'exactly 90% is Xuất sắc', fn: 'CCHC_CLASS', args: [0.9], expected: 'Xuất sắc' },
  { name: '0.3+0.3+0.3 is Xuất sắc', fn: 'CCHC_CLASS', args: [0.3 + 0.3 + 0.3], expected: 'Xuất sắc' },
  { name: 'just below 90%', fn: 'CCHC_CLASS', args: [0.8999], expected: 'Tốt' },
  { name: 'percent above 1', fn: 'CCHC_CLASS', args: [87.5], expected: 'Tốt' },
  { name: '1 is a fraction (100%)', fn: 'CCHC_CLASS', args: [1], expected: 'Xuất sắc' },
  {
    name: '100% with float noise (1.0000000000000002) is still a fraction',
    fn: 'CCHC_CLASS',
    args: [(0.1 + 0.2) / 0.3],
    expected: 'Xuất sắc',
  },
  { name: 'text percent', fn: 'CCHC_CLASS', args: ['72,5%'], expected: 'Khá' },
  { name: 'exactly 55%', fn: 'CCHC_CLASS', args: [0.55], expected: 'Trung bình' },
  { name: 'below 55%', fn: 'CCHC_CLASS', args: [0.2], expected: 'Yếu' },
  { name: 'empty index → empty label', fn: 'CCHC_CLASS', args: [''], expected: '' },
  {
    name: 'custom bands in percent',
    fn: 'CCHC_CLASS',
    args: [
      0.95,
      [
        ['A', 95],
        ['B', 80],
        ['C', 0],
      ],
    ],
    expected: 'A',
  },
  {
    name: 'custom bands, below the first',
    fn: 'CCHC_CLASS',
    args: [
      0.949,
      [
        ['A', 95],
        ['B', 80],
        ['C', 0],
      ],
    ],
    expected: 'B',
  },
  {
    name: 'bands with a header row and a blank row',
    fn: 'CCHC_CLASS',
    args: [
      0.7,
      [
        ['Xếp loại', 'Từ (%)'],
        ['Tốt', 70],
        ['', ''],
        ['Yếu', 0],
      ],
    ],
    expected: 'Tốt',
  },
  {
    name: 'bands formatted as % arrive as fractions',
    fn: 'CCHC_CLASS',
    args: [
      0.85,
      [
        ['Tốt', 0.8],
        ['Yếu', 0],
      ],
    ],
    expected: 'Tốt',
  },
  {
    name: 'bands as text percent',
    fn: 'CCHC_CLASS',
    args: [
      0.85,
      [
        ['Tốt', '80%'],
        ['Yếu', '0%'],
      ],
    ],
    expected: 'Tốt',
  },
  {
    name: 'a column of indexes',
    fn: 'CCHC_CLASS',
    args: [col(0.95, '', 0.6, 'abc')],
    expected: col(
      'Xuất sắc',
      '',
      'Trung bình',
      'Lỗi: Chỉ số "abc" không đọc được: cần một tỷ lệ, ví dụ 95% hoặc 0,95.',
    ),
  },
  { name: 'bad index throws', fn: 'CCHC_CLASS', args: ['cao'], throws: /Chỉ số "cao" không đọc được/ },
  {
    name: 'negative index throws',
    fn: 'CCHC_CLASS',
    args: [-0.5],
    throws: /^Chỉ số "−0,5" không được âm: cần một tỷ lệ, ví dụ 95% hoặc 0,95\.$/,
  },
  {
    name: 'bands with one column throw',
    fn: 'CCHC_CLASS',
    args: [0.5, [['A'], ['B']]],
    throws: /vùng 2 cột/,
  },
  {
    name: 'bands with a bad minimum throw',
    fn: 'CCHC_CLASS',
    args: [
      0.5,
      [
        ['A', 90],
        ['B', 'nhiều'],
      ],
    ],
    throws: /dòng 2: ngưỡng "nhiều"/,
  },
  {
    name: 'bands with a missing label throw',
    fn: 'CCHC_CLASS',
    args: [
      0.5,
      [
        ['A', 90],
        ['', 50],
      ],
    ],
    throws: /dòng 2: thiếu tên xếp loại/,
  },

  // ── CCHC_POINTS ──
  {
    name: 'points column: leaves by rule, parents rolled up, N/A, empty code, bonus, penalty',
    fn: 'CCHC_POINTS',
    args: [CODES, RULES, MAX, ACTUAL, TARGET],
    expected: col(4, 2, NA, 2, 0, 2, `Lỗi: ${NO_CODE}`, 72, 72, 1.5, -0.5),
  },
  {
    name: 'points column: errors say Lỗi, duplicates too, parents with only N/A are N/A',
    fn: 'CCHC_POINTS',
    args: [
      col(1, 1.1, 1.1, 2, 2.1),
      col('', 'CÓ/KHÔNG', 'CÓ/KHÔNG', '', 'CÓ/KHÔNG'),
      col(1, 1, 1, 1, 1),
      col('', 'y', 'Có', '', 'N/A'),
    ],
    expected: col(
      0,
      'Lỗi: Kết quả "y" không đọc được: cần Có / Đạt / x hoặc Không / Chưa.',
      'Lỗi: Mã "1.1" bị trùng với một dòng phía trên; dòng này không được tính.',
      NA,
      NA,
    ),
  },
  {
    name: 'points: a coded row with nothing typed is empty',
    fn: 'CCHC_POINTS',
    args: [col(1, 2), col('CÓ/KHÔNG', ''), col(1, ''), col('Có', '')],
    expected: col(1, ''),
  },
  { name: 'points: single values', fn: 'CCHC_POINTS', args: ['1', 'CÓ/KHÔNG', 2, 'Có', ''], expected: 2 },
  {
    name: 'points: single-value error throws',
    fn: 'CCHC_POINTS',
    args: ['1', 'CÓ/KHÔNG', 2, 'hmm'],
    throws: /Kết quả "hmm"/,
  },
  {
    name: 'points: target omitted',
    fn: 'CCHC_POINTS',
    args: [col(1, 2), col('TỶ LỆ', 'TỶ LỆ'), col(50, 50), col(0.5, 1)],
    expected: col(25, 50),
  },

  // ── CCHC_STATUS / CCHC_REASON / CCHC_AT_STAKE ──
  {
    name: 'status column as of 10/12/2024',
    fn: 'CCHC_STATUS',
    args: [...TABLE, AS_OF, 14],
    expected: col(
      '',
      'Mất điểm',
      'Không áp dụng',
      '',
      'Nguy cơ',
      'Mất điểm',
      'Lỗi',
      '',
      'Quá hạn',
      'Nguy cơ',
      'Mất điểm',
    ),
  },
  {
    name: 'reason column',
    fn: 'CCHC_REASON',
    args: [...TABLE, AS_OF, 14],
    expected: col(
      '',
      'Dưới mức cao nhất: 97% < 100% (mất 2 điểm)',
      '',
      '',
      'Hạn 20/12/2024 còn 10 ngày, chưa hoàn thành; Chưa có số liệu; Có thể mất 1,5 điểm',
      'Có vi phạm bị trừ 0,5 điểm; Có thể mất 0,5 điểm',
      NO_CODE,
      '',
      'Quá hạn 31/01/2024, chưa hoàn thành; Dưới chỉ tiêu: 40% < 50% (mất 18 điểm); Có điểm nhưng thiếu minh chứng; Có thể mất 90 điểm',
      'Có điểm nhưng thiếu minh chứng; Có thể mất 1,5 điểm',
      'Có vi phạm bị trừ 0,5 điểm; Có thể mất 0,5 điểm',
    ),
  },
  {
    name: 'points at stake column (parents sum their leaves)',
    fn: 'CCHC_AT_STAKE',
    args: [...TABLE, AS_OF, 14],
    expected: col(4, 2, '', 2, 1.5, 0.5, '', 90, 90, 1.5, 0.5),
  },
  {
    name: 'near_days empty → 14; as_of as dd/mm/yyyy text',
    fn: 'CCHC_STATUS',
    args: [
      col('1'),
      col('CÓ/KHÔNG'),
      col(1),
      col(''),
      col(''),
      col(''),
      col(new Date(2024, 11, 24)),
      col(''),
      '10/12/2024',
      '',
    ],
    expected: col('Nguy cơ'),
  },
  {
    name: 'near_days 3 makes a deadline 14 days away not near',
    fn: 'CCHC_REASON',
    args: [
      col('1'),
      col('CÓ/KHÔNG'),
      col(1),
      col(''),
      col(''),
      col(''),
      col(new Date(2024, 11, 24)),
      col(''),
      AS_OF,
      3,
    ],
    expected: col('Chưa có số liệu; Có thể mất 1 điểm'),
  },
  {
    name: 'secured row: Đạt, no reason, 0 at stake',
    fn: 'CCHC_AT_STAKE',
    args: [col('1'), col('CÓ/KHÔNG'), col(1), col('Có'), col(''), col('QĐ 1'), col(''), col(''), AS_OF],
    expected: col(0),
  },
  {
    name: 'appraised well below the self-score',
    fn: 'CCHC_REASON',
    args: [col('1'), col('TỰ CHẤM'), col(2.5), col(2.5), col(''), col('BC'), col(''), col(1.25), AS_OF, 14],
    expected: col('Điểm thẩm định thấp hơn tự chấm 1,25 điểm; Có thể mất 1,25 điểm'),
  },
  {
    name: 'points in reasons are rounded to 2 decimals',
    fn: 'CCHC_REASON',
    args: [
      col('1', '2'),
      col('TỰ CHẤM', 'TỶ LỆ(95%)'),
      col(2, 2),
      col(0.125, '12%'),
      col('', ''),
      col('BC', 'BC'),
      col('', ''),
      col('', ''),
      AS_OF,
      14,
    ],
    expected: col('Tự chấm 0,13/2 điểm (mất 1,88 điểm)', 'Dưới chỉ tiêu: 12% < 95% (mất 1,75 điểm)'),
  },
  {
    name: 'an error row: Lỗi and its message',
    fn: 'CCHC_REASON',
    args: [col('1'), col('CÓ/KHÔNG'), col(1), col('Có'), col(''), col('x'), col('sớm'), col(''), AS_OF, 14],
    expected: col('Hạn "sớm" không đọc được: cần một ngày dạng dd/mm/yyyy, ví dụ 31/01/2024.'),
  },
  {
    name: 'status single values',
    fn: 'CCHC_STATUS',
    args: ['1', 'CÓ/KHÔNG', 1, 'Có', '', 'x', '', '', AS_OF, 14],
    expected: 'Đạt',
  },
  {
    name: 'empty as_of throws, telling what to do',
    fn: 'CCHC_STATUS',
    args: [...TABLE, '', 14],
    throws: /Thiếu ngày tính.*Tính lại/,
  },
  {
    name: 'bad as_of throws',
    fn: 'CCHC_REASON',
    args: [...TABLE, 'hôm nay', 14],
    throws: /Ngày tính \(as_of\) "hôm nay"/,
  },
  {
    name: 'bad near_days throws',
    fn: 'CCHC_AT_STAKE',
    args: [...TABLE, AS_OF, 'hai tuần'],
    throws: /Số ngày cảnh báo "hai tuần"/,
  },
  {
    name: 'negative near_days throws',
    fn: 'CCHC_STATUS',
    args: [...TABLE, AS_OF, -1],
    throws: /số nguyên từ 0/,
  },
  {
    name: 'a range as as_of throws',
    fn: 'CCHC_STATUS',
    args: [...TABLE, col(AS_OF, AS_OF), 14],
    throws: /phải là một ô/,
  },
  {
    name: 'status: columns of different sizes throw',
    fn: 'CCHC_STATUS',
    args: [CODES, col('x'), MAX, ACTUAL, TARGET, EVIDENCE, DEADLINE, APPRAISED, AS_OF, 14],
    throws: /kích thước khác nhau/,
  },
];

// ── CCHC_OUTPUTS: the three output columns side by side, from one evaluation ──
// Its expected rows are the hand-written columns of the CCHC_POINTS / CCHC_STATUS / CCHC_REASON cases
// above, zipped: one call must say exactly what the three calls say.
const expectedOf = (name: string): unknown[][] => {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c.expected as unknown[][];
};
const POINTS_COL = col(4, 2, NA, 2, 0, 2, `Lỗi: ${NO_CODE}`, 72, 72, 1.5, -0.5);
const STATUS_COL = expectedOf('status column as of 10/12/2024');
const REASON_COL = expectedOf('reason column');
const zip = (...cols: unknown[][][]): unknown[][] => cols[0].map((_, i) => cols.map((c) => c[i][0]));

CASES.push(
  {
    name: 'outputs: Điểm, Trạng thái, Lý do in one call (no columns argument)',
    fn: 'CCHC_OUTPUTS',
    args: [...TABLE, AS_OF, 14],
    expected: zip(POINTS_COL, STATUS_COL, REASON_COL),
  },
  {
    name: 'outputs: the columns a commune layout asks for, in its order',
    fn: 'CCHC_OUTPUTS',
    args: [...TABLE, AS_OF, 14, 'Lý do; Điểm'],
    expected: zip(REASON_COL, POINTS_COL),
  },
  {
    name: 'outputs: one column, English name',
    fn: 'CCHC_OUTPUTS',
    args: [...TABLE, AS_OF, '', 'status'],
    expected: STATUS_COL,
  },
  {
    name: 'outputs: the points at stake column (the commune export tab), hand-computed, with the status beside it',
    fn: 'CCHC_OUTPUTS',
    args: [...TABLE, AS_OF, 14, 'Trạng thái; Điểm có thể mất'],
    expected: zip(STATUS_COL, col(4, 2, '', 2, 1.5, 0.5, '', 90, 90, 1.5, 0.5)),
  },
  {
    name: 'outputs: the points at stake column by its English name',
    fn: 'CCHC_OUTPUTS',
    args: [...TABLE, AS_OF, 14, 'points at stake'],
    expected: col(4, 2, '', 2, 1.5, 0.5, '', 90, 90, 1.5, 0.5),
  },
  {
    name: 'outputs: an unknown column name is an error naming it',
    fn: 'CCHC_OUTPUTS',
    args: [...TABLE, AS_OF, 14, 'Điểm; Ghi chú'],
    throws: /Cột kết quả "Ghi chú" không có/,
  },
  {
    name: 'outputs: a HẠN row with its deadline only in the Hạn column scores by it',
    fn: 'CCHC_OUTPUTS',
    args: [
      col('1', '1.1', '1.2'),
      col('', 'HẠN(50%)', 'HẠN(50%)'),
      col(3, 2, 1),
      col('', '20/01/2024', '15/02/2024'),
      col('', '', ''),
      col('', 'QĐ 12', 'BC'),
      col('', new Date(2024, 0, 31), new Date(2024, 0, 31)),
      col('', '', ''),
      new Date(2024, 5, 20),
      14,
      'Điểm',
    ],
    expected: col(2.5, 2, 0.5),
  },
  {
    // Row 2 has a max and a result but no code, row 3 a date where the code should be, row 4 only a title
    // (a heading: no error, blank cells), row 5 nothing: the first two show their error in their own cells,
    // worded for the cell ("Dòng này"), never the range position "Dòng 2".
    name: 'outputs: a row that cannot be counted shows its error in its own cells',
    fn: 'CCHC_OUTPUTS',
    args: [
      col('1.1', '', new Date(2024, 0, 5), '', ''),
      col('CÓ/KHÔNG', 'CÓ/KHÔNG', '', '', ''),
      col(2, 1, '', '', ''),
      col('Có', 'Có', '', '', ''),
      col('', '', '', '', ''),
      col('QĐ 1', 'QĐ 2', '', '', ''),
      col('', '', '', '', ''),
      col('', '', '', '', ''),
      new Date(2024, 5, 20),
      14,
    ],
    expected: [
      [2, 'Đạt', ''],
      [
        'Lỗi: Dòng này có điểm tối đa, cách chấm hoặc kết quả nhưng không có mã nên không được tính vào tổng điểm.',
        'Lỗi',
        'Dòng này có điểm tối đa, cách chấm hoặc kết quả nhưng không có mã nên không được tính vào tổng điểm.',
      ],
      [
        'Lỗi: Dòng này: mã "05/01/2024" không đọc được nên dòng này không được tính; mã phải có dạng 1, 1.2 hoặc 1.2.3 (hoặc + / - cho điểm thưởng, điểm trừ).',
        'Lỗi',
        'Dòng này: mã "05/01/2024" không đọc được nên dòng này không được tính; mã phải có dạng 1, 1.2 hoặc 1.2.3 (hoặc + / - cho điểm thưởng, điểm trừ).',
      ],
      ['', '', ''],
      ['', '', ''],
    ],
  },
  {
    name: 'points: the deadline column is read when Chỉ tiêu is empty (HẠN)',
    fn: 'CCHC_POINTS',
    args: [
      col('1.1', '1.2'),
      col('HẠN(50%)', 'HẠN'),
      col(2, 1),
      col('20/01/2024', '15/02/2024'),
      col('', ''),
      col(new Date(2024, 0, 31), '31/01/2024'),
    ],
    expected: col(2, 0.5),
  },
  // ── CCHC_SUMMARY: the block, labels and figures, from one evaluation ──
  // Leaves: 1.1 = 2 (97% reaches 95%), 1.2 N/A, 1.3.1 = 0, 1.3.2 = 2,5 − 2 × 0,25 = 2, 10.1 = 90 × 40/50 = 72;
  // bonus 1,5 (cap 2), penalty 0,5 → total 76 + 1,5 − 0,5 = 77; applicable max 4 + 1,5 + 2,5 + 90 = 98.
  {
    name: 'summary: total, applicable max, index, class and the areas, with their labels',
    fn: 'CCHC_SUMMARY',
    args: [
      CODES,
      col('Chỉ đạo', '', '', '', '', '', '', 'Số hóa', '', '', ''),
      RULES,
      MAX,
      ACTUAL,
      TARGET,
      DEADLINE,
    ],
    expected: [
      ['Tổng điểm', 77, ''],
      ['Điểm tối đa áp dụng', 98, ''],
      ['Chỉ số CCHC', 77 / 98, ''],
      ['Xếp loại', 'Khá', ''],
      ['', '', ''],
      ['Lĩnh vực', 'Điểm', 'Tối đa'],
      ['1. Chỉ đạo', 4, 8],
      ['10. Số hóa', 72, 90],
    ],
  },
  {
    name: 'summary: nothing applicable: index and class say "Chưa có dữ liệu" (no error, no blank)',
    fn: 'CCHC_SUMMARY',
    args: [
      col('1', '1.1'),
      col('A', ''),
      col('', 'CÓ/KHÔNG'),
      col(1, 1),
      col('', 'KAD'),
      '',
      '',
      [['Giỏi', 75]],
    ],
    expected: [
      ['Tổng điểm', 0, ''],
      ['Điểm tối đa áp dụng', 0, ''],
      ['Chỉ số CCHC', 'Chưa có dữ liệu', ''],
      ['Xếp loại', 'Chưa có dữ liệu', ''],
      ['', '', ''],
      ['Lĩnh vực', 'Điểm', 'Tối đa'],
      ['1. A', 0, 0],
    ],
  },
  {
    name: 'summary: own bands',
    fn: 'CCHC_SUMMARY',
    args: [
      CODES,
      '',
      RULES,
      MAX,
      ACTUAL,
      TARGET,
      DEADLINE,
      [
        ['Từ (%)', 'x'],
        ['Giỏi', 75],
        ['Kém', 0],
      ],
    ],
    expected: [
      ['Tổng điểm', 77, ''],
      ['Điểm tối đa áp dụng', 98, ''],
      ['Chỉ số CCHC', 77 / 98, ''],
      ['Xếp loại', 'Giỏi', ''],
      ['', '', ''],
      ['Lĩnh vực', 'Điểm', 'Tối đa'],
      ['1', 4, 8],
      ['10', 72, 90],
    ],
  },
);
