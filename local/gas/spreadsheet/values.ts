// How Sheets stores what a script writes and what it reads back. The stand-in's spreadsheet locale is
// en_GB: "." decimals, dd/mm/yyyy dates. Like Sheets, setValue parses strings as if typed by a user:
// "1.10" becomes the number 1.1, "95%" 0.95, "TRUE" true, "15/03/2025" a date; a leading apostrophe or
// the "@" (plain text) number format keeps the text as written.
import { fromSerial, fromWallClock, isDate, toSerial, wallClock } from '../time';
import type { Cell, Scalar } from './grid';

export const GENERAL_FORMAT = '0.###############';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

/** What a write turns into: content plus the number format Sheets applies automatically, if any. */
export interface ParsedInput {
  value?: Scalar;
  formula?: string;
  autoFormat?: string;
  /** Set when the text typed is an error code ("#N/A"): Sheets stores an error value, not text. */
  error?: string;
}

/**
 * Error codes Sheets turns into error values when typed (or written by setValue), with the hover text.
 * Apps Script reads such a cell back as the code's text (getValue() → "#N/A").
 */
export const ERROR_LITERALS: Record<string, string> = {
  '#N/A': 'Value not available.',
  '#DIV/0!': 'Division by zero.',
  '#VALUE!': 'Wrong type of argument.',
  '#REF!': 'Reference does not exist.',
  '#NAME?': 'Unknown name.',
  '#NUM!': 'Invalid numeric value.',
  '#NULL!': 'Null value.',
  '#ERROR!': 'Formula parse error.',
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function isTextFormat(format: string | undefined): boolean {
  return format === '@';
}

/** True for number formats that show a date or time (they contain d, y, or h/s tokens outside quotes). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === '@' || format === GENERAL_FORMAT) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dy]|h+|s+/i.test(bare.replace(/\[[^\]]*\]/g, ''));
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Interprets a value written by setValue/setValues into a cell whose number format is `format`. */
export function parseInput(
  input: unknown,
  format: string | undefined,
  timeZone: string,
  signedTextIsFormula = false,
  textFormatParses = false,
): ParsedInput {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) {
    const d = new Date(input.getTime());
    const w = wallClock(d, timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    return { value: d, autoFormat: midnight ? DATE_FORMAT : DATE_TIME_FORMAT };
  }
  const text = typeof input === 'string' ? input : String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  // Switch `textFormatOnWrite` (context.ts): a plain-text format keeps the string, or is ignored.
  if (isTextFormat(format) && !textFormatParses) return { value: text };
  if (text.length > 1 && text.startsWith('=')) return { formula: text };
  const t = text.trim();
  const code = t.toUpperCase();
  if (Object.hasOwn(ERROR_LITERALS, code)) return { value: code, error: ERROR_LITERALS[code] };
  if (t === '') return { value: text };
  if (NUMBER.test(t)) return { value: Number(t) };
  if (GROUPED.test(t)) return { value: Number(t.replace(/,/g, '')) };
  const pct = PERCENT.exec(t);
  if (pct) {
    const decimals = pct[1]!.includes('.') ? '.00' : '';
    return { value: Number(pct[1]) / 100, autoFormat: `0${decimals}%` };
  }
  // Switch `signedTextBecomesFormula` (context.ts): "+84 912…" or "-abc" taken for a formula, as typed in the UI.
  if (signedTextIsFormula && /^[+-]/.test(text)) return { formula: `=${text}` };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  const dmy = DMY.exec(t);
  if (dmy && validDate(+dmy[3]!, +dmy[2]!, +dmy[1]!)) {
    return { value: fromWallClock(timeZone, +dmy[3]!, +dmy[2]!, +dmy[1]!), autoFormat: DATE_FORMAT };
  }
  const iso = ISO.exec(t);
  if (iso && validDate(+iso[1]!, +iso[2]!, +iso[3]!)) {
    return { value: fromWallClock(timeZone, +iso[1]!, +iso[2]!, +iso[3]!), autoFormat: 'yyyy-mm-dd' };
  }
  return { value: text };
}

/**
 * A stored value as getValues returns it. Sheets keeps dates as numbers with a date format, so the
 * format decides: a number under a date format reads as a Date, a Date under a number format as its
 * serial number. Date objects are copied so callers cannot mutate the sheet.
 */
export function typedValue(value: Scalar | undefined, format: string | undefined, timeZone: string): Scalar {
  if (value === undefined) return '';
  if (isDate(value)) {
    if (
      format &&
      format !== GENERAL_FORMAT &&
      format !== '@' &&
      !isDateFormat(format) &&
      /[0#]/.test(format)
    ) {
      return toSerial(value, timeZone);
    }
    return new Date(value.getTime());
  }
  if (typeof value === 'number' && isDateFormat(format)) return fromSerial(value, timeZone);
  return value;
}

/** The value a cell shows to scripts and formulas (formula results included). */
export function cellValue(cell: Cell | undefined, timeZone: string): Scalar {
  if (!cell) return '';
  if (cell.formula !== undefined || cell.spilledFrom !== undefined) {
    return cell.result === undefined ? '' : typedValue(cell.result, cell.numberFormat, timeZone);
  }
  return typedValue(cell.value, cell.numberFormat, timeZone);
}
