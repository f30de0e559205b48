// Official tables number their rows in an `STT`/`TT` column: roman numerals for areas, Arabic numbers for
// criteria, letters for sub-criteria (I → 1 → a), or dotted numbers (1, 1.1, 1.1.2). The add-in's codes are
// dotted, so this turns such a column into dotted codes: dotted codes stay as written; otherwise each row is
// nested by the kind of its number (a kind seen above it closes the deeper levels, a new kind opens a level
// below) and coded by its position among its siblings. A column of running numbers with no hierarchy
// (1, 2, 3… and nothing else) cannot say which criterion belongs to which area, so it is refused with the fix.
import type { CellValue } from './types';
import { isBlank, isDate, showValue } from './values';

export type SttCodes =
  /** `codes[i]` is row i's dotted code, '' where the STT cell is blank (such rows are ignored as codes). */
  | { ok: true; codes: string[]; renumbered: boolean }
  /** `index`: position in the input of the cell to fix; `message`: Vietnamese, names the row and the fix. */
  | { ok: false; index: number; message: string };

export interface SttOptions {
  /** Sheet row of the first value, for messages ("Dòng 7, cột STT: …"); default 1. */
  firstRow?: number;
  /** Column header named in messages; default "STT". */
  column?: string;
}

/**
 * The dotted codes of an STT column, top to bottom. `renumbered` is false when the column already held
 * dotted codes (then each code is the cell as written, cleaned like any code: "1." → "1", "1,1" → "1.1").
 */
export function codesFromStt(values: readonly CellValue[], options: SttOptions = {}): SttCodes {
  const firstRow = options.firstRow ?? 1;
  const column = options.column ?? 'STT';
  const where = (i: number) => `Dòng ${firstRow + i}, cột ${column}`;
  const tokens: (Token | null)[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlank(v)) {
      tokens.push(null);
      continue;
    }
    const token = readToken(v);
    if (!token) {
      return {
        ok: false,
        index: i,
        message:
          `${where(i)}: "${showValue(v)}" không phải số thứ tự (số La Mã I, II…; số 1, 2…; chữ a, b…; ` +
          `hoặc mã có dấu chấm 1.1). Sửa ô này, hoặc xóa nó nếu dòng không phải một tiêu chí.`,
      };
    }
    tokens.push(token);
  }
  const present = tokens.filter((t): t is Token => t !== null);
  if (present.every((t) => t.dotted !== null || t.group !== null)) {
    const plain = present.filter((t) => t.dotted !== null && t.dotted.length === 1).length;
    if (plain > 1 && present.every((t) => t.group !== null || t.dotted!.length === 1)) {
      const at = tokens.findIndex((t) => t !== null && t.group === null);
      return { ok: false, index: at < 0 ? 0 : at, message: runningMessage(column) };
    }
    return { ok: true, codes: tokens.map((t) => (t ? t.written : '')), renumbered: false };
  }
  return { ok: true, codes: nest(tokens), renumbered: true };
}

function runningMessage(column: string): string {
  return (
    `Cột ${column} chỉ có số thứ tự chạy (1, 2, 3…) nên không biết tiêu chí nào thuộc lĩnh vực nào. ` +
    `Sửa một trong hai cách: ghi số La Mã (I, II, III…) ở các dòng lĩnh vực, số 1, 2, 3… ở các tiêu chí và ` +
    `chữ a, b, c… ở các tiêu chí thành phần; hoặc thêm cột "Mã" ghi mã có dấu chấm (1, 1.1, 1.1.1…).`
  );
}

type Kind = 'roman' | 'upper' | 'lower' | 'lowerRoman' | `dotted${number}` | 'group';

interface Token {
  /** The cell as a code ("1.2", "+", "+1"), used when the column is kept as written. */
  written: string;
  /** Parts of a number or dotted number ("1.2" → [1, 2]); null for roman numerals and letters. */
  dotted: number[] | null;
  /** "+" (bonus) or "-" (penalty) for the group rows and their numbered rows ("+1"); else null. */
  group: string | null;
  /** Readings of the cell, most likely first: "I" may be the roman one or the letter after "H". */
  readings: { kind: Kind; ordinal: number }[];
}

const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN_VALUE[text[i]];
    const next = i + 1 < text.length ? ROMAN_VALUE[text[i + 1]] : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Reads one STT cell; null when it is no numbering at all ("Tổng", "1a"). */
function readToken(v: CellValue): Token | null {
  if (isDate(v) || typeof v === 'boolean') return null;
  if (typeof v === 'number') {
    if (!(v > 0) || v - v !== 0) return null;
    const text = `${v}`;
    return dottedToken(text.split('.').map(Number), text);
  }
  // "1." "I." "a)" "(a)" "1.1." are the same numbers; a "," between numbers is a typed dot.
  const text = `${v}`
    .trim()
    .replace(/^\(\s*/, '')
    .replace(/\s*[.)]$/, '')
    .replace(/\s+/g, '')
    .replace(/[\u2212\u2013]/g, '-');
  const group = /^([+-])(\d+(?:[.,]\d+)*)?$/.exec(text);
  if (group) {
    const rest = group[2] ? group[2].replace(/,/g, '.') : '';
    return {
      written: group[1] + rest,
      dotted: null,
      group: group[1],
      readings: [{ kind: 'group', ordinal: 0 }],
    };
  }
  if (/^\d+(?:[.,]\d+)*$/.test(text)) {
    const parts = text.split(/[.,]/).map(Number);
    if (parts.length === 1 && parts[0] === 0) return null;
    return dottedToken(parts, parts.join('.'));
  }
  const readings: Token['readings'] = [];
  if (/^[IVXLCDM]+$/.test(text) && ROMAN.test(text))
    readings.push({ kind: 'roman', ordinal: romanValue(text) });
  if (/^[ivxlcdm]+$/.test(text) && ROMAN.test(text.toUpperCase()) && text.length > 1) {
    readings.push({ kind: 'lowerRoman', ordinal: romanValue(text.toUpperCase()) });
  }
  if (/^[A-ZĐ]$/.test(text)) readings.push({ kind: 'upper', ordinal: letterOrdinal(text) });
  if (/^[a-zđ]$/.test(text)) readings.push({ kind: 'lower', ordinal: letterOrdinal(text) });
  if (text === 'i') readings.push({ kind: 'lowerRoman', ordinal: 1 }); // "i" after "h" is a letter, else roman
  if (readings.length === 0) return null;
  return { written: text, dotted: null, group: null, readings };
}

function dottedToken(parts: number[], written: string): Token {
  return {
    written,
    dotted: parts,
    group: null,
    readings: [{ kind: `dotted${parts.length}`, ordinal: parts[parts.length - 1] }],
  };
}

// Vietnamese lists go a, b, c, d, đ, e…; plain Latin order is kept, with đ just after d.
function letterOrdinal(letter: string): number {
  const l = letter.toLowerCase();
  if (l === 'đ') return 4.5;
  return l.charCodeAt(0) - 96;
}

interface Level {
  kind: Kind;
  code: string;
  lastOrdinal: number;
  children: number;
}

/** Codes by nesting: each level remembers its kind, its code and how many children it has had. */
function nest(tokens: readonly (Token | null)[]): string[] {
  const stack: Level[] = [];
  let topCount = 0;
  const codes: string[] = [];
  for (const token of tokens) {
    if (!token) {
      codes.push('');
      continue;
    }
    if (token.group !== null) {
      // Bonus and penalty groups sit outside the numbered areas: "+" starts a group, "+1" is kept.
      stack.length = 0;
      codes.push(token.written);
      if (token.written.length === 1)
        stack.push({ kind: 'group', code: token.written, lastOrdinal: 0, children: 0 });
      continue;
    }
    const choice = choose(stack, token);
    let depth: number;
    let kind: Kind;
    if (choice.level >= 0) {
      depth = choice.level;
      kind = stack[depth].kind;
    } else {
      depth = stack.length;
      kind = choice.kind;
    }
    stack.length = depth;
    const parent = depth > 0 ? stack[depth - 1] : null;
    let code: string;
    if (parent) {
      parent.children++;
      code =
        parent.kind === 'group' ? `${parent.code}${parent.children}` : `${parent.code}.${parent.children}`;
    } else {
      topCount++;
      code = `${topCount}`;
    }
    stack.push({ kind, code, lastOrdinal: choice.ordinal, children: 0 });
    codes.push(code);
  }
  return codes;
}

/**
 * Where a row goes: the open level it continues ("H" → "I"), else a new level below the deepest open one
 * when it starts a list ("I" under "A" is roman one), else the open level of its kind, else a new level.
 */
function choose(stack: readonly Level[], token: Token): { level: number; kind: Kind; ordinal: number } {
  // 2: the next one of its list (within one step: "d" → "đ" → "e"); 1: further on; 0: back (a slip).
  let best: { level: number; kind: Kind; ordinal: number; fit: number } | null = null;
  for (const r of token.readings) {
    const d = stack.findIndex((l) => l.kind === r.kind); // a kind is open at most once
    if (d < 0) continue;
    const step = r.ordinal - stack[d].lastOrdinal;
    const fit = step > 0 && step <= 1 ? 2 : step > 0 ? 1 : 0;
    if (!best || fit > best.fit) best = { level: d, kind: r.kind, ordinal: r.ordinal, fit };
  }
  if (best && best.fit === 2) return best;
  // A reading that starts a new list beats a jump in an open one: "I" under "A" is roman one, not "I".
  const starting = token.readings.find((r) => r.ordinal === 1 && !stack.some((l) => l.kind === r.kind));
  if (starting) return { level: -1, kind: starting.kind, ordinal: starting.ordinal };
  if (best) return best;
  const first = token.readings[0];
  return { level: -1, kind: first.kind, ordinal: first.ordinal };
}
