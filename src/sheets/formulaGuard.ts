// How the add-in's formulas pass input ranges: IFERROR(range,"#LỖI!") inside ARRAYFORMULA(…), so an
// error cell (a broken VLOOKUP's #N/A) reaches the custom function as text whatever Sheets does with error
// arguments (outputFormulas.ts says why).
import { SHEETS_ERROR_MARK } from '../core/values';

/** An input range as the add-in's formulas pass it: error cells become the text "#LỖI!". */
export function guarded(range: string): string {
  return `IFERROR(${range},"${SHEETS_ERROR_MARK}")`;
}

/** `=F(args)` as an array formula, so IFERROR works cell by cell on the ranges. */
export function arrayFormula(call: string): string {
  return `=ARRAYFORMULA(${call})`;
}

/** The formula without an ARRAYFORMULA wrapper: "=CCHC_OUTPUTS(…)". */
export function unwrapped(formula: string): string {
  const m = /^=\s*ARRAYFORMULA\s*\(([\s\S]*)\)\s*$/i.exec(formula);
  return m ? `=${m[1].trim()}` : formula;
}
