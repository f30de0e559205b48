// Range/scalar handling shared by the custom functions. Sheets passes a single cell as a value and a range
// as a 2-D array (rows of cells); a custom function returning a 2-D array spills it down the sheet.
import type { CellValue } from '../core/types';

/** One argument as Sheets hands it over: a value, or a range. */
export type Arg = unknown;

// Read once: in a vm sandbox every global lookup goes through an interceptor (see src/core/values.ts).
const isArray = Array.isArray;

export function isRange(v: Arg): v is unknown[] {
  return isArray(v);
}

/** The cells of a range, row by row (a one-column range gives its column); a value gives itself. */
export function cellsOf(v: Arg): CellValue[] {
  if (!isArray(v)) return [v as CellValue];
  // Indexed loops: this runs cold (every call loads the script afresh) over tens of thousands of cells,
  // where for-of iterators cost several times more in the interpreter.
  const rows = v.length;
  const out: CellValue[] = new Array(rows);
  let i = 0;
  for (; i < rows; i++) {
    const row = v[i];
    if (!isArray(row) || row.length !== 1) break;
    out[i] = row[0] as CellValue;
  }
  if (i === rows) return out; // the usual case: one column
  const all: CellValue[] = [];
  for (let r = 0; r < rows; r++) {
    const row = v[r];
    if (isArray(row)) for (let j = 0; j < row.length; j++) all.push(row[j] as CellValue);
    else all.push(row as CellValue);
  }
  return all;
}

export interface Prepared {
  /** Common number of rows, or null when every argument is a single value. */
  n: number | null;
  /** One column per argument, each of length n (or 1): a single value next to ranges is repeated. */
  cols: CellValue[][];
}

/**
 * Flattens the arguments once. A single value next to ranges is reused on every row; ranges of different
 * sizes are an error.
 */
export function prepare(args: Arg[]): Prepared {
  const flat: (CellValue[] | null)[] = args.map((a) => (isRange(a) ? cellsOf(a) : null));
  let n: number | null = null;
  for (const f of flat) {
    if (f === null) continue;
    if (n === null) n = f.length;
    else if (f.length !== n) {
      throw new Error(
        `Các vùng dữ liệu có kích thước khác nhau (${n} và ${f.length} ô): hãy chọn các cột có cùng số dòng.`,
      );
    }
  }
  const len = n ?? 1;
  const cols = flat.map((f, i) => f ?? new Array<CellValue>(len).fill(args[i] as CellValue));
  return { n, cols };
}

/** One value per row, as the column Sheets spills. */
export function asColumn<T>(values: T[]): T[][] {
  return values.map((v) => [v]);
}

/** A single cell passed where one value is expected ([[x]] from a 1×1 array is accepted too). */
export function singleValue(v: Arg, what: string): CellValue {
  if (!isRange(v)) return v as CellValue;
  const cells = cellsOf(v);
  if (cells.length === 1) return cells[0];
  throw new Error(`${what} phải là một ô, không phải một vùng ${cells.length} ô.`);
}
