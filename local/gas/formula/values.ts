// Value model of formula evaluation: scalars, error values and references to ranges.
import type { Grid, Scalar } from '../spreadsheet/grid';

/** A formula error value (#REF!, #NAME?, #ERROR!...) with the message Sheets shows on hover. */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** What the engine needs of a sheet. */
export interface SheetModel {
  readonly name: string;
  readonly grid: Grid;
}

/** A reference that has not been read yet (functions decide how to read it). */
export interface RangeValue {
  kind: 'range';
  sheet: SheetModel;
  row: number;
  column: number;
  endRow: number;
  endColumn: number;
}

export type Value = Scalar | FormulaError | RangeValue;

export function isRange(value: unknown): value is RangeValue {
  return typeof value === 'object' && value !== null && (value as RangeValue).kind === 'range';
}

export const CIRCULAR =
  'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
export const VOLATILE_REFERENCE =
  'This function is not allowed to reference a cell with NOW(), RAND(), or RANDBETWEEN().';
