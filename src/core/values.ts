// Tolerant reading of cell values as users type them in a Vietnamese sheet: decimal comma or point,
// percentages as text or fractions, yes/no words with or without diacritics, dates as Date objects or text.
// Nothing here throws for user input: every reader returns a discriminated result with a Vietnamese message
// that quotes the value and says what was expected.
import { formatDate, formatNumber as fmtNumber, formatPoints as fmtPoints, formatShare } from './format';
import type { CellValue } from './types';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;
const DateCtor = Date;
const objectToString = Object.prototype.toString;
const NOT_A_NUMBER = 0 / 0;

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** Tolerance for floating-point noise at boundaries: 0.3 + 0.3 + 0.3 reaches 90%. */
export const EPS = 1e-9;

/** The largest max a row may declare: a whole index is 100 points, so anything above is a typing slip (1e308). */
export const MAX_ROW_POINTS = 1000;

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

/**
 * `fn` with a bounded cache: the same few words, figures and days repeat down a column (format or fold each
 * once), and free text must not grow the cache for ever.
 */
export function cached<K, V>(fn: (key: K) => V, limit = 5000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

// ── Text ──

/** Folds case and Vietnamese diacritics (đ → d): "Đạt" → "dat". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐ]/g, 'd') // Ð (U+00D0) stands in for Đ in text converted from old encodings
    .toLowerCase();
}

/** Folds text for keyword matching: no diacritics (đ → d), lower case, single spaces, trimmed. */
export const normalizeText = cached((text: string) => foldText(text).replace(/\s+/g, ' ').trim(), 2000);

/** Date objects may come from another realm (a vm context, Apps Script): no instanceof. */
export function isDate(v: unknown): v is Date {
  if (v instanceof DateCtor) return true;
  return typeof v === 'object' && v !== null && objectToString.call(v) === '[object Date]';
}

/** Nothing typed: null, undefined, or only spaces (non-breaking ones included). */
export function isBlank(v: CellValue | unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const NOT_APPLICABLE = new Set(['khong ap dung', 'kad', 'k.a.d', 'n/a', 'na', 'not applicable']);

/** "Không áp dụng", "KAD", "N/A" (Sheets' own "#N/A" error is not one of them; "không phát sinh" neither). */
export function isNotApplicable(v: CellValue | unknown): boolean {
  if (typeof v !== 'string') return false;
  // Every such word starts with k or n: skip the folding for everything else (hot path of CCHC_SCORE).
  const c = v.trimStart().charCodeAt(0) | 0x20;
  return (c === 0x6b || c === 0x6e) && NOT_APPLICABLE.has(normalizeText(v));
}

const NOTHING_AROSE = new Set(['khong phat sinh', 'kps', 'k.p.s', 'nothing arose', 'none arose', 'none']);

/**
 * "Không phát sinh", "KPS" (English: "nothing arose", "none"): nothing to do arose this period. Unlike "Không
 * áp dụng" the row keeps its max; the rule decides the points (full by default: "trường hợp không phát sinh
 * thì đạt điểm tối đa"). A `0/0` fraction says the same (see fractionOf).
 */
export function isNothingArose(v: CellValue | unknown): boolean {
  if (typeof v !== 'string') return false;
  const c = v.trimStart().charCodeAt(0) | 0x20;
  return (c === 0x6b || c === 0x6e) && NOTHING_AROSE.has(normalizeText(v));
}

/** A side cell (Hạn, Điểm thẩm định, Điểm tự chấm) that says there is nothing to read: N/A or KPS. */
export function isNoneWord(v: CellValue | unknown): boolean {
  return isNotApplicable(v) || isNothingArose(v);
}

/** A fraction as typed: numerator and denominator ("2634/2735", "2634 / 2735 hồ sơ"). */
export interface Fraction {
  n: number;
  d: number;
}

// Digits (one decimal separator allowed) on both sides of "/", then optional words (a unit: "hồ sơ", "TTHC").
// No digit may follow, so a date "3/4/2024" is never a fraction.
const FRACTION = /^(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)(?:\s+[^\d/]*)?$/;

/** The fraction a text cell holds, or null (numbers, dates and everything else). */
export function fractionOf(v: CellValue | unknown): Fraction | null {
  if (typeof v !== 'string') return null;
  const m = FRACTION.exec(v.trim());
  if (m === null) return null;
  return { n: +m[1].replace(',', '.'), d: +m[2].replace(',', '.') };
}
/**
 * What an error cell of an input range becomes in the add-in's own formulas: each range is passed as
 * IFERROR(range, "#LỖI!") (sheets/outputFormulas.ts), so one broken VLOOKUP is one row's message, whether
 * or not Sheets would pass the error itself through to a custom function.
 */
export const SHEETS_ERROR_MARK = '#LỖI!';

const SHEETS_ERRORS = new Set([
  SHEETS_ERROR_MARK,
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#ERROR!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
]);

/** The Sheets error code a cell holds as text ("#REF!"), or null. */
export function sheetsErrorOf(v: CellValue | unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim().toUpperCase();
  return SHEETS_ERRORS.has(t) ? t : null;
}

// ── Display (Vietnamese: decimal comma) ──

/** Rounds away float noise: 2.5 × 0.4 / 0.5 → 2. Points are kept to 9 decimals. */
export function roundPoints(x: number): number {
  const r = M.round(x * 1e9) / 1e9;
  return r === 0 ? 0 : r; // no -0
}

/** Rounds half away from zero to `digits` decimals, float noise first: round(1.005, 2) → 1.01 (never -0). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  const r = M.round((n + M.sign(n) * EPS) * f) / f;
  return r === 0 ? 0 : r;
}

/**
 * Rounds half up on the absolute value to `digits` decimals (0–4), decimal-safe: the value is first cleared of
 * float noise (9 decimals), then shifted by its decimal text, so 1.005 → 1.01 and −1.005 → −1.01 (the portal's
 * rounding of each criterion's points). `digits` null: the value unchanged.
 */
export function roundHalfUp(x: number, digits: number | null): number {
  if (digits === null || x - x !== 0) return x;
  const a = M.abs(roundPoints(x));
  // Shift by the decimal text ("1.005e2" = 100.5 exactly), also for tiny values printed as "1e-7".
  const [mantissa, exponent] = `${a}`.split('e');
  const shifted = M.round(+`${mantissa}e${+(exponent ?? 0) + digits}`);
  const r = +`${shifted}e-${digits}`;
  return x < 0 && r !== 0 ? -r : r;
}

// Vietnamese texts of the core (messages, reasons) format through format.ts, cached: these run per row.

/** A value as typed or measured: "1,5", "0,25", "1.234", "−2" (up to 4 decimals). */
export const formatNumber = cached((n: number) => fmtNumber('vi', n, 4));

/** Points as every message shows them: "1,5", "1,74", "12" (at most 2 decimals). */
export const formatPoints = cached((n: number) => fmtPoints('vi', n));

/** A fraction as a percentage: 0.975 → "97,5%". */
export function formatPercent(fraction: number): string {
  return formatShare('vi', fraction);
}

/** A cell value as the user would recognise it inside quotes. */
export function showValue(v: CellValue | unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return v.getTime() !== v.getTime() ? 'ngày không hợp lệ' : formatDay(dayOfDate(v));
  const s = `${v}`.trim();
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** A max above MAX_ROW_POINTS. */
export function tooLargeMaxMessage(v: CellValue | unknown): string {
  return `Điểm tối đa "${showValue(v)}" quá lớn: mỗi dòng tối đa ${formatNumber(MAX_ROW_POINTS)} điểm.`;
}

function unreadable(label: string, v: unknown, expected: string): string {
  const err = sheetsErrorOf(v);
  if (err)
    // One text for every code: the sheet's formulas see only the mark (IFERROR), the server the code itself,
    // and both must say the same; the cell itself shows which error it is.
    return `${label} đang báo lỗi của Sheets (ô hiện lỗi, ví dụ #N/A): hãy sửa công thức hoặc giá trị của ô (cần ${expected}).`;
  return `${label} "${showValue(v)}" không đọc được: cần ${expected}.`;
}

// ── Numbers ──

export const EXPECT_NUMBER = 'một số, ví dụ 2 hoặc 1,5';
export const EXPECT_RATIO = 'một tỷ lệ, ví dụ 95% hoặc 0,95';
export const EXPECT_COUNT = 'một số đếm (số nguyên từ 0), ví dụ 3';
export const EXPECT_DATE = 'một ngày dạng dd/mm/yyyy, ví dụ 31/01/2024';
export const EXPECT_YESNO = 'Có / Đạt / x hoặc Không / Chưa';

// One optional sign, digits with at most one "," or "." decimal separator, an optional "%".
const NUMBER_TEXT = /^([+\-\u2212]?)(\d+(?:[.,]\d+)?|[.,]\d+)\s*(%?)$/;
// Digits, separators and spaces (checked to hold a digit separately): one character class, so a 100 KB
// cell of digits ending in a letter is refused in linear time, never by catastrophic backtracking.
const NUMBER_LIKE = /^[+\-\u2212]?[\d.,\s]+%?$/;
const DIGIT = /\d/;

export interface NumberOptions {
  /** Accept "95%" (read as 0.95). */
  percent?: boolean;
}

/**
 * The fast path of readNumber: the number, or NaN when unreadable (no message, no allocation beyond the
 * regex match). Hot loops call this and ask readNumber for the message only when it fails.
 */
export function numberOf(v: CellValue | unknown, percent: boolean): number {
  if (typeof v === 'number') return v - v === 0 ? v : NOT_A_NUMBER;
  if (typeof v !== 'string') return NOT_A_NUMBER;
  const m = NUMBER_TEXT.exec(v.trim());
  if (m === null) return NOT_A_NUMBER;
  let n = +m[2].replace(',', '.');
  if (n - n !== 0) return NOT_A_NUMBER; // more digits than a number holds: Infinity
  if (m[1] === '-' || m[1] === '\u2212') n = -n;
  if (m[3] === '%') {
    if (!percent) return NOT_A_NUMBER;
    n = n / 100;
  }
  return n;
}

/** A number: a Sheets number, or text with a decimal comma or point (and "%", when allowed). */
export function readNumber(v: CellValue | unknown, label: string, opts: NumberOptions = {}): Read<number> {
  const fast = numberOf(v, opts.percent === true);
  if (fast === fast) return ok(fast); // not NaN
  const expected = opts.percent ? EXPECT_RATIO : EXPECT_NUMBER;
  if (typeof v === 'number') return fail(unreadable(label, v, expected));
  if (typeof v !== 'string') {
    if (isDate(v)) return fail(`${label} "${showValue(v)}" là một ngày, không phải số: cần ${expected}.`);
    return fail(unreadable(label, v, expected));
  }
  const text = v.trim();
  const m = NUMBER_TEXT.exec(text);
  if (m && +m[2].replace(',', '.') - +m[2].replace(',', '.') !== 0)
    return fail(`${label} "${showValue(v)}" quá lớn: cần ${expected}.`);
  // Well formed but refused by the fast path: a percentage where none is allowed.
  if (m) return fail(`${label} "${showValue(v)}" không đọc được: cần ${EXPECT_NUMBER} (không dùng %).`);
  if (NUMBER_LIKE.test(text) && DIGIT.test(text)) {
    return fail(
      `${label} "${showValue(v)}" không đọc được: chỉ dùng một dấu phẩy (hoặc chấm) thập phân, không dùng dấu phân cách hàng nghìn; cần ${expected}.`,
    );
  }
  return fail(unreadable(label, v, expected));
}

/** A ratio: 0.95, "95%", "95 %", "0,95". Values above 1 are returned as given (the rule decides). */
export function readRatio(v: CellValue | unknown, label: string): Read<number> {
  return readNumber(v, label, { percent: true });
}

/** A whole number from 0 (counts of items or violations). */
export function readCount(v: CellValue | unknown, label: string): Read<number> {
  const n = readNumber(v, label);
  if (!n.ok) return fail(unreadable(label, v, EXPECT_COUNT));
  const r = M.round(n.value);
  if (n.value < 0 || M.abs(n.value - r) > EPS) return fail(unreadable(label, v, EXPECT_COUNT));
  return ok(r);
}

// ── Yes / no ──

const YES = new Set([
  'co',
  'dat',
  'x',
  '✓',
  '✔',
  '☑',
  'true',
  '1',
  'yes',
  'da dat',
  'hoan thanh',
  'da hoan thanh',
]);
const NO = new Set([
  'khong',
  'chua',
  'chua dat',
  'khong dat',
  'false',
  '0',
  'no',
  'chua hoan thanh',
  '✗',
  '✘',
]);

/** The fast path of readYesNo: 1 done, 0 not done, -1 unreadable. */
export function yesNoOf(v: CellValue | unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v === 1 ? 1 : v === 0 ? 0 : -1;
  if (typeof v === 'string') {
    const t = normalizeText(v);
    if (YES.has(t)) return 1;
    if (NO.has(t)) return 0;
  }
  return -1;
}

/** Done / not done: Có, Đạt, x, ✓, TRUE, 1, yes / Không, Chưa, Chưa đạt, FALSE, 0, no. */
export function readYesNo(v: CellValue | unknown, label: string): Read<boolean> {
  const r = yesNoOf(v);
  return r < 0 ? fail(unreadable(label, v, EXPECT_YESNO)) : ok(r === 1);
}

// ── Dates (as day numbers: days since 1970-01-01 of the local calendar date) ──

const MS_PER_DAY = 86400000;
// Days between Sheets' epoch (30/12/1899) and 1970-01-01.
const SHEETS_EPOCH_OFFSET = 25569;

/** The local calendar date of a Date as a day number (time of day ignored). */
export function dayOfDate(d: Date): number {
  // One time-zone lookup instead of three local getters (this runs once per row of a date column).
  return M.floor((d.getTime() - d.getTimezoneOffset() * 60000) / MS_PER_DAY);
}

function dayOf(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[m - 1])) return null;
  // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date object.
  const yy = m <= 2 ? y - 1 : y;
  const era = M.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = M.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + M.floor(yoe / 4) - M.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number → "2024-01-31". */
export const isoOfDay = cached((day: number) => new DateCtor(day * MS_PER_DAY).toISOString().slice(0, 10));

/** Day number → "31/01/2024". */
export const formatDay = cached((day: number) => formatDate(isoOfDay(day)));

// A time of day after the date is allowed and ignored ("31/01/2024 23:59" is 31/01/2024).
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:(?:\s+|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:\s+|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?$/;

/**
 * A date: a Date from Sheets, text dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd, or a
 * Sheets serial number of a plausible date (a date cell formatted as a number; the time of day is ignored).
 */
export function dayNumberOf(v: CellValue | unknown): number {
  if (isDate(v)) {
    const t = v.getTime();
    return t === t ? dayOfDate(v) : NOT_A_NUMBER;
  }
  if (typeof v === 'number') return v >= 20000 && v < 80001 ? M.floor(v) - SHEETS_EPOCH_OFFSET : NOT_A_NUMBER;
  if (typeof v !== 'string') return NOT_A_NUMBER;
  const r = readDate(v, '');
  return r.ok ? r.value : NOT_A_NUMBER;
}

export function readDate(v: CellValue | unknown, label: string): Read<number> {
  if (isDate(v))
    return v.getTime() !== v.getTime()
      ? fail(unreadable(label, 'ngày không hợp lệ', EXPECT_DATE))
      : ok(dayOfDate(v));
  if (typeof v === 'number') {
    // 20000..80000 ≈ 1954..2119: anything else is not a date someone meant (a fraction is the time of day).
    if (v >= 20000 && v < 80001) return ok(M.floor(v) - SHEETS_EPOCH_OFFSET);
    return fail(unreadable(label, v, EXPECT_DATE));
  }
  if (typeof v === 'string') {
    const t = v.trim();
    const dmy = DMY.exec(t);
    const ymd = dmy ? null : YMD.exec(t);
    if (dmy || ymd) {
      const day = dmy ? dayOf(+dmy[3], +dmy[2], +dmy[1]) : dayOf(+ymd![1], +ymd![2], +ymd![3]);
      if (day !== null) return ok(day);
      return fail(`${label} "${showValue(v)}" không phải ngày có thật: cần ${EXPECT_DATE}.`);
    }
  }
  return fail(unreadable(label, v, EXPECT_DATE));
}
