// getDisplayValues: a value rendered through its number format, as the spreadsheet shows it in its locale.
// The locale decides the decimal and grouping marks of every number shown, whatever the format pattern says
// (a pattern is written with "." and "," in every locale): "Change a spreadsheet's locale … affects
// formatting details such as functions, dates, and currency" (Docs Editors Help,
// https://support.google.com/docs/answer/58515). en_GB / en_US show 1,234.5; vi_VN, the locale of a
// Vietnamese commune's sheet, shows 1.234,5 (and 72,19%). Dates keep dd/mm/yyyy in en_GB and vi_VN.
import { DAYS, isDate, MONTHS, toSerial, wallClock } from '../time';
import type { Scalar } from './grid';
import { DATE_FORMAT, DATE_TIME_FORMAT, GENERAL_FORMAT, isDateFormat } from './values';

/** Decimal mark and grouping mark by spreadsheet locale (the stand-in knows these three). */
const MARKS: Record<string, { decimal: string; group: string }> = {
  en_GB: { decimal: '.', group: ',' },
  en_US: { decimal: '.', group: ',' },
  vi_VN: { decimal: ',', group: '.' },
};

export function isKnownLocale(locale: string): boolean {
  return Object.hasOwn(MARKS, locale);
}

/** Digits written with "." and "," (the en_GB way) in the locale's marks. */
export function localise(digits: string, locale: string): string {
  const marks = MARKS[locale] ?? MARKS.en_GB!;
  if (marks.decimal === '.') return digits;
  return digits.replace(/[.,]/g, (c) => (c === '.' ? marks.decimal : marks.group));
}

/** Numbers in the general format: up to 10 significant digits, like a default-width column. */
function general(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e15)) return n.toExponential(2).toUpperCase();
  return String(Number(n.toPrecision(10)));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number through a pattern such as "0.00", "#,##0", "0%", "0.0%" or '0.00 "đ"'. */
function formatNumber(n: number, format: string, locale: string): string {
  const section = splitSections(format)[n < 0 ? 1 : 0] ?? splitSections(format)[0]!;
  const negativeSection = n < 0 && splitSections(format).length > 1;
  const core = /[#0,]*[0#](\.[0#]+)?/.exec(section.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length)));
  if (!core) return stripLiterals(section);
  const percent = /%/.test(section.replace(/"[^"]*"/g, ''));
  let value = Math.abs(n) * (percent ? 100 : 1);
  const decimalsPart = core[1] ? core[1].slice(1) : '';
  const minDecimals = (decimalsPart.match(/0/g) ?? []).length;
  const maxDecimals = decimalsPart.length;
  value = Number(value.toFixed(maxDecimals));
  let [intPart, fracPart = ''] = value.toFixed(maxDecimals).split('.');
  while (fracPart.length > minDecimals && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  const intPattern = core[0].split('.')[0]!;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  if (intPart === '0' && minInt === 0) intPart = '';
  intPart = intPart!.padStart(minInt, '0');
  if (intPattern.includes(',')) intPart = groupThousands(intPart);
  // Only the digits take the locale's marks: quoted literals ('0.00 "đ"') stay as written.
  const number = localise(fracPart ? `${intPart}.${fracPart}` : intPart, locale);
  const sign = n < 0 && !negativeSection && value !== 0 ? '-' : '';
  const before = stripLiterals(section.slice(0, core.index));
  const after = stripLiterals(section.slice(core.index + core[0].length));
  return `${sign}${before}${number}${after}`;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function stripLiterals(text: string): string {
  return text
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[_*]./g, '');
}

const MONTHS_SHORT = MONTHS.map((m) => m.slice(0, 3));

/** Sheets date formats: d dd ddd dddd, m mm mmm mmmm (minutes after h or before s), yy yyyy, h hh, s ss, am/pm. */
function formatDate(date: Date, format: string, timeZone: string): string {
  const w = wallClock(date, timeZone);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|d+|m+|y+|h+|s+|[^dmyhs"\\]+|./gi) ?? [];
  const twelveHour = /am\/pm|a\/p/i.test(format);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.toLowerCase();
    const pad = (n: number): string => String(n).padStart(t.length >= 2 ? 2 : 1, '0');
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith('\\')) out += t.slice(1);
    else if (lower === 'am/pm') out += w.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += w.hour < 12 ? 'A' : 'P';
    else if (lower[0] === 'd')
      out += t.length >= 4 ? DAYS[w.weekday] : t.length === 3 ? DAYS[w.weekday]!.slice(0, 3) : pad(w.day);
    else if (lower[0] === 'y') out += t.length <= 2 ? String(w.year % 100).padStart(2, '0') : String(w.year);
    else if (lower[0] === 'h') out += pad(twelveHour ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour);
    else if (lower[0] === 's') out += pad(w.second);
    else if (lower[0] === 'm') {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((x) => /^[dmyhs]/i.test(x));
      const next = tokens.slice(i + 1).find((x) => /^[dmyhs]/i.test(x));
      const minutes = t.length <= 2 && ((prev && /^h/i.test(prev)) || (next && /^s/i.test(next)));
      if (minutes) out += pad(w.minute);
      else
        out +=
          t.length >= 4 ? MONTHS[w.month - 1] : t.length === 3 ? MONTHS_SHORT[w.month - 1] : pad(w.month);
    } else out += t;
  }
  return out;
}

/** The text Sheets shows for `value` under `format` (getDisplayValues), in the spreadsheet's locale. */
export function displayValue(
  value: Scalar,
  format: string | undefined,
  timeZone: string,
  locale = 'en_GB',
): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = format && format !== GENERAL_FORMAT && format.toLowerCase() !== 'general' ? format : undefined;
  if (isDate(value)) {
    if (fmt && isDateFormat(fmt)) return formatDate(value, fmt, timeZone);
    if (fmt && fmt !== '@') return formatNumber(toSerial(value, timeZone), fmt, locale);
    const w = wallClock(value, timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    return formatDate(value, midnight ? DATE_FORMAT : DATE_TIME_FORMAT, timeZone);
  }
  if (!Number.isFinite(value)) return '#NUM!';
  if (!fmt || fmt === '@') return localise(general(value), locale);
  if (isDateFormat(fmt)) return formatDate(new Date(Date.UTC(1899, 11, 30) + value * 86400000), fmt, 'UTC');
  return formatNumber(value, fmt, locale);
}
