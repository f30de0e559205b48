// The few built-in functions the stand-in knows (enough for summary cells and conditional formats).
// IF and IFERROR are evaluated lazily by the engine itself.
import { displayValue, localise } from '../spreadsheet/display';
import type { Scalar } from '../spreadsheet/grid';
import { fromWallClock, isDate, toSerial, wallClock } from '../time';
import { FormulaError, isRange, type Value } from './values';

export interface BuiltinHelpers {
  /** Every scalar of the arguments, ranges read cell by cell. */
  flatten(args: Value[]): (Scalar | FormulaError)[];
  scalar(value: Value): Scalar | FormulaError;
  now(): Date;
  timeZone: string;
  /** The spreadsheet's locale: a number turned into text (LEN, CONCATENATE, SEARCH) takes its marks. */
  locale: string;
}

type Builtin = (args: Value[], h: BuiltinHelpers, name: string) => Value;

export function toNumber(
  value: Scalar | FormulaError,
  timeZone: string,
  fn = 'formula',
): number | FormulaError {
  if (value instanceof FormulaError) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === '') return 0;
  if (isDate(value)) return toSerial(value, timeZone);
  const n = Number(value.trim());
  if (value.trim() !== '' && Number.isFinite(n)) return n;
  return new FormulaError(
    '#VALUE!',
    `Function ${fn} parameter expects number values. But '${value}' is a text and cannot be coerced to a number.`,
  );
}

export function toText(value: Scalar, timeZone: string, locale = 'en_GB'): string {
  if (isDate(value)) return localise(String(toSerial(value, timeZone)), locale);
  return displayValue(value, undefined, timeZone, locale);
}

export function truthy(value: Scalar | FormulaError, timeZone: string): boolean | FormulaError {
  if (value instanceof FormulaError) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value) || value === '') return false;
    return new FormulaError('#VALUE!', `Expected a boolean but '${value}' is a text.`);
  }
  const n = toNumber(value, timeZone);
  return n instanceof FormulaError ? n : n !== 0;
}

function numbers(args: Value[], h: BuiltinHelpers, name: string): number[] | FormulaError {
  const out: number[] = [];
  for (const [i, arg] of args.entries()) {
    if (isRange(arg)) {
      // Ranges contribute their numbers only; text and empty cells are skipped, like Sheets.
      for (const v of h.flatten([arg])) {
        if (v instanceof FormulaError) return v;
        if (typeof v === 'number') out.push(v);
        else if (isDate(v)) out.push(toSerial(v, h.timeZone));
      }
    } else {
      const n = toNumber(h.scalar(arg), h.timeZone, `${name} parameter ${i + 1}`);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
  }
  return out;
}

const reduce =
  (fn: (xs: number[]) => number | FormulaError): Builtin =>
  (args, h, name) => {
    const xs = numbers(args, h, name);
    return xs instanceof FormulaError ? xs : fn(xs);
  };

export const BUILTINS: Record<string, Builtin> = {
  SUM: reduce((xs) => xs.reduce((a, b) => a + b, 0)),
  MIN: reduce((xs) => (xs.length ? Math.min(...xs) : 0)),
  MAX: reduce((xs) => (xs.length ? Math.max(...xs) : 0)),
  AVERAGE: reduce((xs) =>
    xs.length
      ? xs.reduce((a, b) => a + b, 0) / xs.length
      : new FormulaError('#DIV/0!', 'Evaluation of function AVERAGE caused a divide by zero error.'),
  ),
  COUNT: (args, h) => h.flatten(args).filter((v) => typeof v === 'number' || isDate(v)).length,
  COUNTA: (args, h) => h.flatten(args).filter((v) => v !== '').length,
  ROUND: (args, h) => {
    const n = toNumber(h.scalar(args[0] ?? ''), h.timeZone, 'ROUND');
    const d = toNumber(h.scalar(args[1] ?? 0), h.timeZone, 'ROUND');
    if (n instanceof FormulaError) return n;
    if (d instanceof FormulaError) return d;
    const f = 10 ** Math.trunc(d);
    return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
  },
  ABS: (args, h) => {
    const n = toNumber(h.scalar(args[0] ?? ''), h.timeZone, 'ABS');
    return n instanceof FormulaError ? n : Math.abs(n);
  },
  AND: (args, h) => {
    for (const v of h.flatten(args)) {
      const b = truthy(v, h.timeZone);
      if (b !== true) return b;
    }
    return true;
  },
  OR: (args, h) => {
    for (const v of h.flatten(args)) {
      const b = truthy(v, h.timeZone);
      if (b instanceof FormulaError || b) return b;
    }
    return false;
  },
  NOT: (args, h) => {
    const b = truthy(h.scalar(args[0] ?? ''), h.timeZone);
    return b instanceof FormulaError ? b : !b;
  },
  LEN: (args, h) => {
    const v = h.scalar(args[0] ?? '');
    return v instanceof FormulaError ? v : toText(v, h.timeZone, h.locale).length;
  },
  // TRIM(text): "Removes leading, trailing, and repeated spaces in text"
  // (https://support.google.com/docs/answer/3094140); spaces only, as the page says.
  TRIM: (args, h) => {
    const v = h.scalar(args[0] ?? '');
    return v instanceof FormulaError ? v : toText(v, h.timeZone).replace(/ +/g, ' ').replace(/^ | $/g, '');
  },
  CONCATENATE: (args, h) => {
    let s = '';
    for (const v of h.flatten(args)) {
      if (v instanceof FormulaError) return v;
      s += toText(v, h.timeZone, h.locale);
    }
    return s;
  },
  // COUNTIF(range, criterion) for a plain criterion (equal, text compared without case), the only form the
  // add-in writes (support.google.com/docs/answer/3093480); operators like ">5" are not emulated.
  COUNTIF: (args, h) => {
    const want = h.scalar(args[1] ?? '');
    if (want instanceof FormulaError) return want;
    const key = typeof want === 'string' ? want.toLowerCase() : want;
    return h
      .flatten([args[0] ?? ''])
      .filter((v) => !(v instanceof FormulaError) && (typeof v === 'string' ? v.toLowerCase() : v) === key)
      .length;
  },
  // SEARCH(search_for, text_to_search, [starting_at]): 1-based position, case-insensitive; #VALUE! when not
  // found (support.google.com/docs/answer/3094154). The add-in's solution colour rules use
  // ISNUMBER(SEARCH("chưa có giải pháp", $R5)).
  SEARCH: (args, h) => {
    const what = h.scalar(args[0] ?? '');
    const text = h.scalar(args[1] ?? '');
    if (what instanceof FormulaError) return what;
    if (text instanceof FormulaError) return text;
    const start = args.length > 2 ? toNumber(h.scalar(args[2]), h.timeZone, 'SEARCH') : 1;
    if (start instanceof FormulaError) return start;
    const at = toText(text, h.timeZone, h.locale)
      .toLocaleLowerCase('vi')
      .indexOf(toText(what, h.timeZone, h.locale).toLocaleLowerCase('vi'), Math.max(0, start - 1));
    return at < 0
      ? new FormulaError(
          '#VALUE!',
          `In SEARCH evaluation, cannot find '${toText(what, h.timeZone, h.locale)}'.`,
        )
      : at + 1;
  },
  ISBLANK: (args, h) => h.scalar(args[0] ?? '') === '',
  ISNUMBER: (args, h) => typeof h.scalar(args[0] ?? '') === 'number',
  NOW: (_args, h) => h.now(),
  TODAY: (_args, h) => {
    const w = wallClock(h.now(), h.timeZone);
    return fromWallClock(h.timeZone, w.year, w.month, w.day);
  },
  RAND: () => Math.random(),
  NA: () => new FormulaError('#N/A', 'Value not available.'),
  DATE: (args, h) => {
    const [y, m, d] = [0, 1, 2].map((i) => toNumber(h.scalar(args[i] ?? ''), h.timeZone, 'DATE'));
    for (const n of [y, m, d]) if (n instanceof FormulaError) return n;
    // Midnight of that calendar date in the spreadsheet's zone; month/day overflow rolls over as in Sheets.
    const utc = new Date(Date.UTC(y as number, (m as number) - 1, d as number));
    return fromWallClock(h.timeZone, utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  },
  ISERROR: (args, h) => h.scalar(args[0] ?? '') instanceof FormulaError,
  // VLOOKUP(search_key, range, index, is_sorted) for an exact match (is_sorted FALSE), the only form the
  // add-in writes (https://support.google.com/docs/answer/3093318): the first row whose first cell equals
  // the key (text compared without case), else #N/A.
  VLOOKUP: (args, h) => {
    const key = h.scalar(args[0] ?? '');
    if (key instanceof FormulaError) return key;
    const range = args[1];
    if (!isRange(range)) return new FormulaError('#VALUE!', 'VLOOKUP evaluates to an out of bounds range.');
    const index = toNumber(h.scalar(args[2] ?? ''), h.timeZone, 'VLOOKUP');
    if (index instanceof FormulaError) return index;
    const sorted = truthy(h.scalar(args[3] ?? true), h.timeZone);
    if (sorted !== false)
      return new FormulaError('#N/A', 'The stand-in emulates VLOOKUP with is_sorted FALSE only.');
    const width = range.endColumn - range.column + 1;
    if (index < 1 || index > width)
      return new FormulaError('#REF!', `VLOOKUP evaluates to an out of bounds range.`);
    const cells = h.flatten([range]);
    const same = (v: Scalar | FormulaError) =>
      !(v instanceof FormulaError) &&
      (typeof v === 'string' && typeof key === 'string' ? v.toLowerCase() === key.toLowerCase() : v === key);
    for (let i = 0; i < cells.length; i += width) if (same(cells[i])) return cells[i + index - 1];
    return new FormulaError('#N/A', `Did not find value '${String(key)}' in VLOOKUP evaluation.`);
  },
  // MATCH(search_key, range, 0): the 1-based position of the first cell equal to the key (text without case)
  // in a one-column or one-row range, else #N/A (https://support.google.com/docs/answer/3093378); the add-in
  // writes only the exact form (search_type 0).
  MATCH: (args, h) => {
    const key = h.scalar(args[0] ?? '');
    if (key instanceof FormulaError) return key;
    const type = toNumber(h.scalar(args[2] ?? 1), h.timeZone, 'MATCH');
    if (type !== 0) return new FormulaError('#N/A', 'The stand-in emulates MATCH with search_type 0 only.');
    const cells = h.flatten([args[1] ?? '']);
    const i = cells.findIndex(
      (v) =>
        !(v instanceof FormulaError) &&
        (typeof v === 'string' && typeof key === 'string'
          ? v.toLowerCase() === key.toLowerCase()
          : v === key),
    );
    return i < 0
      ? new FormulaError('#N/A', `Did not find value '${String(key)}' in MATCH evaluation.`)
      : i + 1;
  },
  // INDEX(reference, row, [column]): one cell of the range (https://support.google.com/docs/answer/3098242);
  // outside it, #NUM!.
  INDEX: (args, h) => {
    const range = args[0];
    if (!isRange(range)) return new FormulaError('#VALUE!', 'INDEX needs a range.');
    const row = toNumber(h.scalar(args[1] ?? 1), h.timeZone, 'INDEX');
    const column = toNumber(h.scalar(args[2] ?? 1), h.timeZone, 'INDEX');
    if (row instanceof FormulaError) return row;
    if (column instanceof FormulaError) return column;
    const width = range.endColumn - range.column + 1;
    const height = range.endRow - range.row + 1;
    if (row < 1 || row > height || column < 1 || column > width)
      return new FormulaError('#NUM!', 'INDEX parameter is out of range.');
    return h.scalar({
      ...range,
      row: range.row + row - 1,
      endRow: range.row + row - 1,
      column: range.column + column - 1,
      endColumn: range.column + column - 1,
    });
  },
  // REGEXEXTRACT(text, regular_expression) (https://support.google.com/docs/answer/3098244): the first
  // match, or its first capture group when the expression has one (the only forms the add-in writes); a
  // number is refused as Sheets refuses it (pass A1&"" to read a number as text); no match is #N/A.
  REGEXEXTRACT: (args, h) => {
    const text = h.scalar(args[0] ?? '');
    const pattern = h.scalar(args[1] ?? '');
    if (text instanceof FormulaError) return text;
    if (pattern instanceof FormulaError) return pattern;
    if (typeof text !== 'string')
      return new FormulaError(
        '#VALUE!',
        `Function REGEXEXTRACT parameter 1 expects text values. But '${String(text)}' is a ${typeof text} and cannot be coerced to a text.`,
      );
    const m = new RegExp(String(pattern)).exec(text);
    if (!m)
      return new FormulaError(
        '#N/A',
        `Function REGEXEXTRACT parameter 2 value "${String(pattern)}" does not match text of Function REGEXEXTRACT parameter 1 value "${text}".`,
      );
    return m.length > 1 ? (m[1] ?? '') : m[0];
  },
};
