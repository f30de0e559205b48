// Text the add-in writes into a cell on someone's behalf (titles, class labels, sector names, reasons): it
// must arrive as the same text, never as a formula (`=IMPORTXML(…)`, `+1+IMPORTXML(A1;A2)`, `-1+1`, `@x`)
// and never turned into a number, date or boolean by Sheets' parsing of typed input ("1.1", "05/12/2026",
// "TRUE"). Sheets keeps a value as text when it starts with an apostrophe, which it does not show.
import type { CellValue } from '../core/types';

const FORMULA_START = /^[=+\-@]/;
const NUMBER_OR_DATE = /^[\d\s.,/:%-]+$/;
const BOOLEAN = /^(true|false)$/i;

/** A string as Sheets must store it to keep it text; other values unchanged. */
export function asTextCell<T extends CellValue>(value: T): T | string {
  if (typeof value !== 'string' || value === '') return value;
  if (FORMULA_START.test(value) || NUMBER_OR_DATE.test(value) || BOOLEAN.test(value.trim()))
    return `'${value}`;
  return value;
}
