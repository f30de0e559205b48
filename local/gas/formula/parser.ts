// Parses the formulas the stand-in evaluates: function calls (nested), A1 references with optional
// sheet ('Tiêu chí'!A5:A76, $P$2, A5:A), number/string/boolean literals, and the operators
// + - * / ^ & % = <> < > <= >=. Arguments may be separated by "," or ";" (Sheets accepts both).
import { parseA1, printA1, type A1Range } from '../spreadsheet/a1';

export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'empty' }
  | { kind: 'ref'; ref: A1Range }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '-' | '+'; operand: Node }
  | { kind: 'percent'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

interface Token {
  type: 'number' | 'string' | 'ref' | 'name' | 'op' | 'sep' | 'open' | 'close' | 'error';
  text: string;
  start: number;
  end: number;
}

export class FormulaSyntaxError extends Error {}

const SHEET_PREFIX = String.raw`(?:'(?:[^']|'')+'|[\p{L}\p{N}_.]+)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF = new RegExp(
  String.raw`^(?:${SHEET_PREFIX})?(?:${CELL}(?::\$?[A-Za-z]{1,3}(?:\$?\d+)?)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\p{L}\p{N}_.(!])`,
  'u',
);
const NAME = /^[\p{L}_][\p{L}\p{N}_.]*/u;
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const OPS = ['<>', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '^', '&', '%'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const push = (type: Token['type'], length: number): void => {
      tokens.push({ type, text: text.slice(i, i + length), start: i, end: i + length });
      i += length;
    };
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new FormulaSyntaxError('Unterminated string');
        if (text[j] === '"') {
          if (text[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      push('string', j + 1 - i);
      continue;
    }
    if (ch === '#') {
      const m = /^#(REF!|N\/A|NAME\?|VALUE!|DIV\/0!|NUM!|NULL!|ERROR!)/.exec(rest);
      if (!m) throw new FormulaSyntaxError(`Unexpected ${ch}`);
      push('error', m[0].length);
      continue;
    }
    const ref = REF.exec(rest);
    if (ref) {
      push('ref', ref[0].length);
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      push('number', num[0].length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      push('name', name[0].length);
      continue;
    }
    if (ch === '(') push('open', 1);
    else if (ch === ')') push('close', 1);
    else if (ch === ',' || ch === ';') push('sep', 1);
    else {
      const op = OPS.find((o) => rest.startsWith(o));
      if (!op) throw new FormulaSyntaxError(`Unexpected ${ch}`);
      push('op', op.length);
    }
  }
  return tokens;
}

const BINARY: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

/** Parses a formula without its leading "=". Throws FormulaSyntaxError. */
export function parseFormula(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos++];
    if (!t) throw new FormulaSyntaxError('Unexpected end of formula');
    return t;
  };

  function expression(minPrecedence: number): Node {
    let left = unary();
    for (;;) {
      const t = peek();
      const precedence = t?.type === 'op' ? BINARY[t.text] : undefined;
      if (!t || precedence === undefined || precedence < minPrecedence) return left;
      pos++;
      // ^ is left-associative in Sheets, like the others.
      const right = expression(precedence + 1);
      left = { kind: 'binary', op: t.text, left, right };
    }
  }

  function unary(): Node {
    const t = peek();
    if (t?.type === 'op' && (t.text === '-' || t.text === '+')) {
      pos++;
      return { kind: 'unary', op: t.text, operand: unary() };
    }
    let node = primary();
    while (peek()?.type === 'op' && peek()!.text === '%') {
      pos++;
      node = { kind: 'percent', operand: node };
    }
    return node;
  }

  function primary(): Node {
    const t = next();
    switch (t.type) {
      case 'number':
        return { kind: 'number', value: Number(t.text) };
      case 'string':
        return { kind: 'string', value: t.text.slice(1, -1).replace(/""/g, '"') };
      case 'error':
        return { kind: 'call', name: '#ERRORVALUE', args: [{ kind: 'string', value: t.text }] };
      case 'ref': {
        const ref = parseA1(t.text);
        if (!ref) throw new FormulaSyntaxError(`Bad reference ${t.text}`);
        return { kind: 'ref', ref };
      }
      case 'name': {
        if (peek()?.type === 'open') {
          pos++;
          return { kind: 'call', name: t.text.toUpperCase(), args: argumentList() };
        }
        if (/^true$/i.test(t.text)) return { kind: 'boolean', value: true };
        if (/^false$/i.test(t.text)) return { kind: 'boolean', value: false };
        throw new FormulaSyntaxError(`Unknown name ${t.text}`);
      }
      case 'open': {
        const inner = expression(1);
        if (next().type !== 'close') throw new FormulaSyntaxError('Expected )');
        return inner;
      }
      default:
        throw new FormulaSyntaxError(`Unexpected ${t.text}`);
    }
  }

  function argumentList(): Node[] {
    const args: Node[] = [];
    if (peek()?.type === 'close') {
      pos++;
      return args;
    }
    for (;;) {
      const t = peek();
      args.push(t?.type === 'sep' || t?.type === 'close' ? { kind: 'empty' } : expression(1));
      const after = next();
      if (after.type === 'close') return args;
      if (after.type !== 'sep') throw new FormulaSyntaxError(`Unexpected ${after.text}`);
    }
  }

  const node = expression(1);
  if (pos < tokens.length) throw new FormulaSyntaxError(`Unexpected ${tokens[pos]!.text}`);
  return node;
}

/**
 * Moves the relative parts of every reference in a formula by (rows, columns), as Sheets does when a
 * formula is set on a multi-cell range or evaluated for another cell of a conditional-format range.
 * References pushed off the sheet become #REF!.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const offset = formula.length - body.length;
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch {
    return formula;
  }
  let out = formula.slice(0, offset);
  let last = 0;
  for (const t of tokens) {
    if (t.type !== 'ref') continue;
    const ref = parseA1(t.text);
    if (!ref) continue;
    const shifted = shiftRef(ref, rows, columns);
    out += body.slice(last, t.start) + (shifted ? printA1(shifted) : '#REF!');
    last = t.end;
  }
  return out + body.slice(last);
}

export function shiftRef(ref: A1Range, rows: number, columns: number): A1Range | null {
  const r = { ...ref };
  const move = (value: number | undefined, abs: boolean, by: number): number | undefined =>
    value === undefined || abs ? value : value + by;
  r.startRow = move(r.startRow, r.startRowAbs, rows);
  r.endRow = move(r.endRow, r.endRowAbs, rows);
  r.startCol = move(r.startCol, r.startColAbs, columns);
  r.endCol = move(r.endCol, r.endColAbs, columns);
  for (const v of [r.startRow, r.endRow, r.startCol, r.endCol]) if (v !== undefined && v < 1) return null;
  return r;
}

/** True when the formula calls a volatile function (Sheets refuses these as custom-function inputs). */
export function isVolatile(node: Node): boolean {
  switch (node.kind) {
    case 'call':
      return ['NOW', 'TODAY', 'RAND', 'RANDBETWEEN'].includes(node.name) || node.args.some(isVolatile);
    case 'unary':
    case 'percent':
      return isVolatile(node.operand);
    case 'binary':
      return isVolatile(node.left) || isVolatile(node.right);
    default:
      return false;
  }
}
