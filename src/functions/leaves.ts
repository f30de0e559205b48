// Leaf detection over a code column (CCHC_TOTAL, CCHC_MAX, CCHC_INDEX): a leaf has no descendant code in the
// range ("1.1" is a child of "1", "10.1" is not); rows with an empty code, and repeats of a code, are ignored.
import { codeKind, isUnder, normalizeCode, parentCode, type CodeKind } from '../core/criteria';
import type { CellValue } from '../core/types';
import { isBlank, MAX_ROW_POINTS, numberOf } from '../core/values';

export interface CodedRow {
  index: number;
  code: string;
  kind: CodeKind;
  isLeaf: boolean;
}

export function codedRows(codes: CellValue[]): CodedRow[] {
  const rows: CodedRow[] = [];
  const present = new Set<string>();
  codes.forEach((c, index) => {
    const code = normalizeCode(c);
    // A repeated code is not counted (the first row wins), exactly as evaluate() and the data check say.
    if (code === '' || present.has(code)) return;
    present.add(code);
    rows.push({ index, code, kind: codeKind(code), isLeaf: true });
  });
  const parents = new Set<string>();
  for (const r of rows)
    for (let p = parentCode(r.code); p !== null; p = parentCode(p)) if (present.has(p)) parents.add(p);
  for (const r of rows) r.isLeaf = !parents.has(r.code);
  return rows;
}

/** Leaves under `prefix` (all leaves when it is blank). */
export function leavesUnder(rows: CodedRow[], prefix: CellValue): CodedRow[] {
  const p = isBlank(prefix) ? '' : normalizeCode(prefix);
  return rows.filter((r) => r.isLeaf && (p === '' || isUnder(r.code, p)));
}

/** A score cell as a number: numbers, and text that reads as a number ("1,5"); anything else counts 0. */
export function scoreValue(v: CellValue): number {
  const n = numberOf(v, false);
  return n === n ? n : 0;
}

/**
 * A max cell as a number; blank, unreadable or above MAX_ROW_POINTS counts 0 (the score column shows that
 * row's error), as evaluate() counts it.
 */
export function maxValue(v: CellValue): number {
  const n = numberOf(v, false);
  return n > 0 && n <= MAX_ROW_POINTS ? n : 0;
}
