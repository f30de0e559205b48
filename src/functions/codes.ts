// CCHC_CODES(stt, [first_row]) → the dotted codes of an STT/TT numbering column (roman numerals for areas,
// numbers for criteria, letters for sub-criteria: I → 1, 1 → 1.1, a → 1.1.1), one per row, so every other
// formula can read leaves and roll-ups as with a `Mã` column. Set-up passes it as the codes argument of
// CCHC_OUTPUTS and CCHC_SUMMARY when a table numbers its rows that way. Running numbers with no hierarchy
// (1, 2, 3… only) cannot say which criterion belongs to which area: an error that says what to change.
import { codesFromStt } from '../core/stt';
import type { CellValue } from '../core/types';
import { readNumber } from '../core/values';
import { cellsOf, isRange, singleValue, type Arg } from './ranges';

export function cchcCodes(stt: Arg, firstRow?: Arg): string | string[][] {
  const first = singleValue(firstRow, 'Dòng đầu (first_row)');
  const n = first === undefined || first === null || first === '' ? null : readNumber(first, 'Dòng đầu');
  if (n !== null && (!n.ok || !Number.isInteger(n.value) || n.value < 1))
    throw new Error(`Dòng đầu "${String(first)}" phải là số dòng của sheet (số nguyên từ 1).`);
  const cells: CellValue[] = isRange(stt) ? cellsOf(stt) : [stt as CellValue];
  const derived = codesFromStt(cells, { firstRow: n === null ? 1 : n.value });
  if (!derived.ok) throw new Error(derived.message);
  return isRange(stt) ? derived.codes.map((c) => [c]) : derived.codes[0];
}
