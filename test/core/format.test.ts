// The one formatting module: Vietnamese decimal comma, "." thousands and "−" minus; English forms; percents
// with fixed decimals; signed changes; dates and months. The properties read each text back by hand
// (independently of the module) and compare with the number rounded by Math.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  formatDate,
  formatDelta,
  formatFixed,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPoints,
  formatShare,
} from '../../src/core/format';
import * as values from '../../src/core/values';

/** Reads a formatted number back: thousands out, decimal mark to ".", "−" to "-". */
function readBack(text: string, lang: 'vi' | 'en'): number {
  const group = lang === 'vi' ? '.' : ',';
  const decimal = lang === 'vi' ? ',' : '.';
  return Number(text.split(group).join('').replace(decimal, '.').replace('−', '-'));
}

describe('numbers', () => {
  test('Vietnamese: decimal comma, "." thousands, "−" minus', () => {
    expect(formatNumber('vi', 1234.5)).toBe('1.234,5');
    expect(formatNumber('vi', -0.5)).toBe('−0,5');
    expect(formatNumber('vi', 1234567.891)).toBe('1.234.567,89');
    expect(formatNumber('vi', 71.11)).toBe('71,11');
    expect(formatNumber('vi', 12)).toBe('12');
    expect(formatNumber('vi', -0.001)).toBe('0');
    expect(formatNumber('vi', 1.005)).toBe('1,01');
    expect(formatNumber('vi', Number.NaN)).toBe('—');
  });

  test('English: decimal point, "," thousands', () => {
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('en', -0.5)).toBe('−0.5');
    expect(formatFixed('en', 72.1893, 2)).toBe('72.19');
  });

  test('fixed decimals keep their zeros; points at most 2 decimals', () => {
    expect(formatFixed('vi', 80, 2)).toBe('80,00');
    expect(formatFixed('vi', 1234.5, 1)).toBe('1.234,5');
    expect(formatPoints('vi', 98.5)).toBe('98,5');
    expect(formatPoints('vi', 7.6915)).toBe('7,69');
  });

  test('every number reads back as itself rounded (both languages, any size and sign)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<'vi' | 'en'>('vi', 'en'),
        (x, decimals, lang) => {
          const text = formatNumber(lang, x, decimals);
          const f = 10 ** decimals;
          const expected = Math.round(Math.abs(x) * f + 1e-9) / f;
          expect(Math.abs(readBack(text, lang))).toBeCloseTo(expected, decimals);
          expect(text.includes('-')).toBe(false); // never the ASCII hyphen
          const fixed = formatFixed(lang, x, decimals);
          if (decimals > 0) expect(fixed.split(lang === 'vi' ? ',' : '.').pop()).toHaveLength(decimals);
        },
      ),
      { seed: 20261130, numRuns: 500 },
    );
  });
});

describe('percents, changes, dates, months', () => {
  test('a percentage figure has a fixed number of decimals: 72,19% everywhere', () => {
    expect(formatPercent('vi', 72.1929)).toBe('72,19%');
    expect(formatPercent('vi', 80)).toBe('80,00%');
    expect(formatPercent('en', 72.1929)).toBe('72.19%');
    expect(formatPercent('vi', null)).toBe('—');
    expect(formatShare('vi', 0.975)).toBe('97,5%');
  });

  test('signed changes: "+", "−" or nothing for zero', () => {
    expect(formatDelta('vi', 1.5)).toBe('+1,5');
    expect(formatDelta('vi', -0.25)).toBe('−0,25');
    expect(formatDelta('vi', 0.001)).toBe('0');
    expect(formatDelta('vi', -2, 2, ' điểm %')).toBe('−2 điểm %');
    expect(formatDelta('en', 1234.5)).toBe('+1,234.5');
  });

  test('dates dd/mm/yyyy and months mm/yyyy', () => {
    expect(formatDate('2024-06-20')).toBe('20/06/2024');
    expect(formatDate('2024-06-20T10:00:00Z')).toBe('20/06/2024');
    expect(formatDate(null)).toBe('');
    expect(formatMonth('2026-11')).toBe('11/2026');
  });

  test("the core's Vietnamese messages use the same forms", () => {
    expect(values.formatPoints(-1234.567)).toBe('−1.234,57');
    expect(values.formatNumber(0.12345)).toBe('0,1235');
    expect(values.formatPercent(0.46)).toBe('46%');
    expect(values.formatDay(values.dayNumberOf('20/06/2024'))).toBe('20/06/2024');
  });
});
