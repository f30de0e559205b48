// The cells of one sheet: sparse rows of Cell records holding content (a literal or a formula), formats,
// and what the formula engine computed (a formula's result, or a value spilled into an empty cell).

/** A value a cell can hold, as Apps Script returns it (empty cells read as ""). */
export type Scalar = string | number | boolean | Date;

export interface CellFormat {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: 'bold' | 'normal';
  fontStyle?: 'italic' | 'normal';
  fontSize?: number;
  fontFamily?: string;
  fontLine?: 'none' | 'underline' | 'line-through';
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  border?: boolean;
}

export interface Cell extends CellFormat {
  /** Literal content; undefined or "" is empty. */
  value?: Scalar;
  /** Formula content, starting with "=". */
  formula?: string;
  note?: string;
  /** A stand-in DataValidation object. */
  validation?: unknown;
  /** Computed by the formula engine: the displayed value of a formula cell or of a spill target. */
  result?: Scalar;
  /** Computed: the error message of a formula cell whose result is an error code ("#ERROR!"...). */
  error?: string;
  /** An error value typed or written as content ("#N/A"): its hover text. `value` holds the code. */
  typedError?: string;
  /** Computed: set on a cell that shows part of another formula's array result. */
  spilledFrom?: Cell;
}

export function hasContent(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.formula !== undefined) return true;
  if (cell.value !== undefined && cell.value !== '') return true;
  return cell.spilledFrom !== undefined && cell.result !== undefined && cell.result !== '';
}

/** Literal content only (a formula or a typed value): what blocks a spill. */
export function hasOwnContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''));
}

export class Grid {
  /** rows[r - 1][c - 1] */
  private rows: (Cell | undefined)[][] = [];

  constructor(
    public maxRows: number,
    public maxColumns: number,
  ) {}

  get(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensure(row: number, column: number): Cell {
    const cells = (this.rows[row - 1] ??= []);
    return (cells[column - 1] ??= {});
  }

  /** Calls fn for every existing cell record, row-major. */
  forEach(fn: (cell: Cell, row: number, column: number) => void): void {
    this.rows.forEach((cells, r) => cells?.forEach((cell, c) => cell && fn(cell, r + 1, c + 1)));
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const cells = this.rows[r - 1];
      if (cells && cells.some((cell) => hasContent(cell))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (hasContent(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(after: number, count: number): void {
    if (this.rows.length > after) this.rows.splice(after, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(after: number, count: number): void {
    for (const cells of this.rows) {
      if (cells && cells.length > after) cells.splice(after, 0, ...new Array<Cell | undefined>(count));
    }
    this.maxColumns += count;
  }

  deleteColumns(start: number, count: number): void {
    for (const cells of this.rows) cells?.splice(start - 1, count);
    this.maxColumns -= count;
  }
}
