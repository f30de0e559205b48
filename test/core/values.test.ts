import { describe, test, expect } from '@jest/globals';
import {
  dayOfDate,
  formatDay,
  formatNumber,
  formatPercent,
  formatPoints,
  isBlank,
  isDate,
  isNotApplicable,
  isoOfDay,
  normalizeText,
  readCount,
  readDate,
  readNumber,
  readRatio,
  readYesNo,
  roundPoints,
  sheetsErrorOf,
  showValue,
  type Read,
} from '../../src/core/values';
import vm from 'node:vm';

function value<T>(r: Read<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
}
function message<T>(r: Read<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.message;
}

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;

describe('normalizeText', () => {
  test.each([
    ['Không áp dụng', 'khong ap dung'],
    ['  ĐẠT  ', 'dat'],
    ['Đúng   hạn', 'dung han'],
    ['Chưa\u00a0hoàn\u202fthành', 'chua hoan thanh'],
    ['TỶ LỆ', 'ty le'],
    ['đĐ', 'dd'],
    // Ð (U+00D0, Icelandic eth) stands in for Đ in text converted from old Vietnamese encodings
    ['ÐẾM', 'dem'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
  test('composed and decomposed forms fold the same', () => {
    expect(normalizeText('Có'.normalize('NFD'))).toBe(normalizeText('Có'.normalize('NFC')));
  });
});

describe('blank, not applicable, Sheets errors', () => {
  test.each([[null], [undefined], [''], ['   '], ['\u00a0\u202f']])('%j is blank', (v) => {
    expect(isBlank(v)).toBe(true);
  });
  test.each([[0], ['0'], [false], ['x']])('%j is not blank', (v) => {
    expect(isBlank(v)).toBe(false);
  });
  test.each([['Không áp dụng'], ['khong ap dung'], ['KAD'], ['kad'], ['N/A'], ['n/a'], ['  KHÔNG ÁP DỤNG ']])(
    '%j is not applicable',
    (v) => expect(isNotApplicable(v)).toBe(true),
  );
  test.each([['#N/A'], ['Không'], ['Có'], [0], [null], ['nothing'], ['Không phát sinh'], ['KPS']])(
    '%j is not "not applicable"',
    (v) => {
      expect(isNotApplicable(v)).toBe(false);
    },
  );
  test.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#ERROR!', '#NAME?', '#NUM!', '#NULL!'])(
    '%s is a Sheets error',
    (v) => {
      expect(sheetsErrorOf(v)).toBe(v);
      expect(sheetsErrorOf(` ${v.toLowerCase()} `)).toBe(v);
    },
  );
  test('other text is not a Sheets error', () => {
    expect(sheetsErrorOf('#hashtag')).toBeNull();
    expect(sheetsErrorOf(5)).toBeNull();
  });
});

describe('readNumber', () => {
  test.each([
    [2, 2],
    [1.5, 1.5],
    ['0,5', 0.5],
    ['0.5', 0.5],
    [' 1.5 ', 1.5],
    ['\u00a01,25\u202f', 1.25],
    ['-2', -2],
    ['\u22122,5', -2.5],
    ['+3', 3],
    [',5', 0.5],
    ['1000,5', 1000.5],
    ['1.000', 1],
  ])('%j → %d', (input, expected) => {
    expect(value(readNumber(input, 'Điểm'))).toBeCloseTo(expected, 12);
  });
  test('percent only when allowed', () => {
    expect(value(readNumber('97,5%', 'Kết quả', { percent: true }))).toBeCloseTo(0.975, 12);
    expect(value(readNumber('95 %', 'Kết quả', { percent: true }))).toBeCloseTo(0.95, 12);
    expect(message(readNumber('95%', 'Điểm tối đa'))).toMatch(/Điểm tối đa "95%".*không dùng %/);
  });
  test('thousands grouping is refused with a message saying so', () => {
    for (const text of ['1.000,5', '1,000.5', '1 000', '1.000.000']) {
      const m = message(readNumber(text, 'Kết quả'));
      expect(m).toContain(`"${text}"`);
      expect(m).toMatch(/hàng nghìn/);
    }
  });
  test.each([['abc'], ['1,5 điểm'], [true], ['']])('%j is unreadable, quoted, with what is expected', (v) => {
    const m = message(readNumber(v, 'Kết quả'));
    expect(m).toMatch(/^Kết quả/);
    expect(m).toMatch(/cần một số/);
  });
  test('a Date is not a number', () => {
    expect(message(readNumber(new Date(2024, 0, 31), 'Kết quả'))).toMatch(
      /^Kết quả "31\/01\/2024" là một ngày, không phải số/,
    );
  });
  test('NaN and Infinity are unreadable', () => {
    expect(readNumber(NaN, 'X').ok).toBe(false);
    expect(readNumber(Infinity, 'X').ok).toBe(false);
  });
  test('Sheets error values are named as such (one text for every code: the sheet sees only the mark)', () => {
    expect(message(readNumber('#REF!', 'Kết quả'))).toMatch(/đang báo lỗi của Sheets \(ô hiện lỗi/);
    const texts = [
      '#LỖI!',
      '#N/A',
      '#REF!',
      '#VALUE!',
      '#DIV/0!',
      '#ERROR!',
      '#NAME?',
      '#NUM!',
      '#NULL!',
    ].map((code) => message(readRatio(code, 'Kết quả')));
    expect(new Set(texts).size).toBe(1);
    expect(message(readRatio('#N/A text', 'Kết quả'))).not.toMatch(/báo lỗi/);
  });
});

describe('readRatio and readCount', () => {
  test.each([
    [0.95, 0.95],
    ['95%', 0.95],
    ['97,5%', 0.975],
    ['0,95', 0.95],
    [1.2, 1.2],
    ['120%', 1.2],
  ])('ratio %j → %d', (input, expected) => {
    expect(value(readRatio(input, 'Kết quả'))).toBeCloseTo(expected, 12);
  });
  test('ratio message says a ratio is expected', () => {
    expect(message(readRatio('nhiều', 'Kết quả'))).toMatch(/Kết quả "nhiều" không đọc được: cần một tỷ lệ/);
  });
  test.each([
    [0, 0],
    [3, 3],
    ['4', 4],
    ['2,0', 2],
  ])('count %j → %d', (input, expected) => {
    expect(value(readCount(input, 'Kết quả'))).toBe(expected);
  });
  test.each([[-1], [2.5], ['1,5'], ['50%'], ['ba']])('count %j is refused', (input) => {
    expect(message(readCount(input, 'Kết quả'))).toMatch(/số đếm/);
  });
});

describe('readYesNo', () => {
  test.each(['Có', 'có', 'CÓ', 'co', 'Đạt', 'dat', 'x', 'X', '✓', 'TRUE', 'true', '1', 'yes', 'Yes'])(
    '%j → yes',
    (v) => {
      expect(value(readYesNo(v, 'Kết quả'))).toBe(true);
    },
  );
  test.each(['Không', 'khong', 'KHÔNG', 'Chưa', 'chua', 'Chưa đạt', 'chua dat', 'FALSE', '0', 'no', 'No'])(
    '%j → no',
    (v) => {
      expect(value(readYesNo(v, 'Kết quả'))).toBe(false);
    },
  );
  test('booleans and 1/0 numbers', () => {
    expect(value(readYesNo(true, 'K'))).toBe(true);
    expect(value(readYesNo(false, 'K'))).toBe(false);
    expect(value(readYesNo(1, 'K'))).toBe(true);
    expect(value(readYesNo(0, 'K'))).toBe(false);
  });
  test.each([[2], ['có lẽ'], ['maybe'], [new Date(2024, 0, 1)]])(
    '%j is refused with the accepted words',
    (v) => {
      expect(message(readYesNo(v, 'Kết quả'))).toMatch(/cần Có \/ Đạt \/ x hoặc Không \/ Chưa/);
    },
  );
});

describe('dates', () => {
  test.each([
    ['31/01/2024', day(2024, 1, 31)],
    ['1/2/2024', day(2024, 2, 1)],
    ['05-02-2024', day(2024, 2, 5)],
    ['05.02.2024', day(2024, 2, 5)],
    ['2024-12-15', day(2024, 12, 15)],
    ['2024-1-5', day(2024, 1, 5)],
    ['29/02/2024', day(2024, 2, 29)],
    [' 31/12/2024 ', day(2024, 12, 31)],
    // a time of day after the date is ignored: the calendar date counts
    ['31/01/2024 23:59', day(2024, 1, 31)],
    ['31/01/2024  0:00:00', day(2024, 1, 31)],
    ['2024-01-31T23:59', day(2024, 1, 31)],
    ['2024-01-31 23:59:59', day(2024, 1, 31)],
  ])('%j → day', (text, expected) => {
    expect(value(readDate(text, 'Hạn'))).toBe(expected);
  });
  test('a Date object reads as its local calendar date, time ignored', () => {
    expect(value(readDate(new Date(2024, 0, 31), 'Hạn'))).toBe(day(2024, 1, 31));
    expect(value(readDate(new Date(2024, 0, 31, 23, 59, 59), 'Hạn'))).toBe(day(2024, 1, 31));
    expect(value(readDate(new Date(2024, 0, 31, 0, 0, 1), 'Hạn'))).toBe(day(2024, 1, 31));
  });
  test('a Date from another realm (a vm context) is still a date', () => {
    const foreign = vm.runInNewContext('new Date(2024, 5, 1)') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(value(readDate(foreign, 'Hạn'))).toBe(day(2024, 6, 1));
  });
  test('a Sheets serial number of a plausible date reads as that date', () => {
    expect(value(readDate(45322, 'Hạn'))).toBe(day(2024, 1, 31));
    // a date-time cell formatted as a number: the fraction is the time of day
    expect(value(readDate(45322.999, 'Hạn'))).toBe(day(2024, 1, 31));
  });
  test.each([['31/02/2024'], ['32/01/2024'], ['2024-13-01']])('%j is not a real date', (text) => {
    expect(message(readDate(text, 'Hạn'))).toMatch(/không phải ngày có thật/);
  });
  test.each([
    ['tháng 1'],
    ['31/01'],
    [5],
    [true],
    ['2024/01/31 xyz'],
    ['31/01/2024 xyz'],
    ['31/01/2024 24:00'],
    ['31/01/2024 23:60'],
    [new Date(NaN)],
  ])('%j is refused', (v) => {
    expect(message(readDate(v, 'Hạn'))).toMatch(/^Hạn .*cần một ngày dạng dd\/mm\/yyyy/);
  });
  test('formatting', () => {
    expect(formatDay(day(2024, 1, 5))).toBe('05/01/2024');
    expect(isoOfDay(day(2024, 12, 15))).toBe('2024-12-15');
    expect(isoOfDay(day(2024, 12, 15))).toBe('2024-12-15'); // cached
    expect(dayOfDate(new Date(2024, 11, 15, 12))).toBe(day(2024, 12, 15));
  });
});

describe('display helpers', () => {
  test('numbers with a decimal comma, noise removed', () => {
    expect(formatNumber(1.5)).toBe('1,5');
    expect(formatNumber(0.1 + 0.2)).toBe('0,3');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(-0)).toBe('0');
    expect(formatPercent(0.975)).toBe('97,5%');
    expect(formatPercent(0.3 + 0.3 + 0.3)).toBe('90%');
  });
  test('points in messages: at most 2 decimals, half away from zero, decimal comma', () => {
    expect(formatPoints(1.7368421)).toBe('1,74');
    expect(formatPoints(1.875)).toBe('1,88');
    expect(formatPoints(1.005)).toBe('1,01');
    expect(formatPoints(0.125)).toBe('0,13');
    expect(formatPoints(2)).toBe('2');
    expect(formatPoints(0.5)).toBe('0,5');
    expect(formatPoints(-1.875)).toBe('−1,88');
    expect(formatPoints(0.001)).toBe('0');
    expect(formatPoints(-0.001)).toBe('0');
    // Values as typed keep up to 4 decimals.
    expect(formatNumber(1.7368421)).toBe('1,7368');
  });
  test('roundPoints removes float noise and -0', () => {
    expect(roundPoints(2.5 * (0.4 / 0.5))).toBe(2);
    expect(roundPoints(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(roundPoints(-0), 0)).toBe(true);
  });
  test('showValue quotes values as the user sees them', () => {
    expect(showValue(1.5)).toBe('1,5');
    expect(showValue(true)).toBe('TRUE');
    expect(showValue(new Date(2024, 0, 31))).toBe('31/01/2024');
    expect(showValue('  abc ')).toBe('abc');
    expect(showValue(null)).toBe('');
    expect(showValue('x'.repeat(100))).toHaveLength(58);
  });
});
