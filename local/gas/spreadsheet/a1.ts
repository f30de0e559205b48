// A1 notation: parsing "Sheet!A1:B2", "A5:A", "A:C", "3:3" and printing addresses.

export interface A1Range {
  /** Sheet name when the reference names one (quotes removed). */
  sheet?: string;
  /** 1-based; undefined means "from the first row/column". */
  startRow?: number;
  startCol?: number;
  /** undefined means "to the last row/column of the sheet" (open ranges like A5:A or A:A). */
  endRow?: number;
  endCol?: number;
  startRowAbs: boolean;
  startColAbs: boolean;
  endRowAbs: boolean;
  endColAbs: boolean;
}

export function columnLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = cellA1(row, column);
  return numRows === 1 && numColumns === 1
    ? start
    : `${start}:${cellA1(row + numRows - 1, column + numColumns - 1)}`;
}

/** Quotes a sheet name for a reference when it needs it ('Tiêu chí'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const PART = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/;

interface Part {
  col?: number;
  row?: number;
  colAbs: boolean;
  rowAbs: boolean;
}

function parsePart(text: string): Part | null {
  const m = PART.exec(text);
  if (!m || (!m[2] && !m[4])) return null;
  // "$5" alone is a row; "$A" alone a column: the $ belongs to whichever is present.
  if (!m[2]) return { row: Number(m[4]), rowAbs: m[1] === '$' || m[3] === '$', colAbs: false };
  return {
    col: columnNumber(m[2]),
    row: m[4] ? Number(m[4]) : undefined,
    colAbs: m[1] === '$',
    rowAbs: m[3] === '$',
  };
}

/** Splits an optional sheet prefix from a reference: "'My sheet'!A1" → ["My sheet", "A1"]. */
export function splitSheet(reference: string): [string | undefined, string] {
  const text = reference.trim();
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'!(.*)$/.exec(text);
    if (m) return [m[1]!.replace(/''/g, "'"), m[2]!];
  }
  const bang = text.lastIndexOf('!');
  if (bang > 0) return [text.slice(0, bang), text.slice(bang + 1)];
  return [undefined, text];
}

/** Parses A1 notation, or returns null when it is not a reference. */
export function parseA1(reference: string): A1Range | null {
  const [sheet, body] = splitSheet(reference);
  const pieces = body.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0]!);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.col === undefined || a.row === undefined) return null;
    return {
      sheet,
      startRow: a.row,
      startCol: a.col,
      endRow: a.row,
      endCol: a.col,
      startRowAbs: a.rowAbs,
      startColAbs: a.colAbs,
      endRowAbs: a.rowAbs,
      endColAbs: a.colAbs,
    };
  }
  const b = parsePart(pieces[1]!);
  if (!b) return null;
  const wholeRows = a.col === undefined && b.col === undefined;
  const wholeCols = a.row === undefined && b.row === undefined;
  if (!wholeRows && (a.col === undefined || b.col === undefined)) return null;
  if (!wholeCols && !wholeRows && a.row === undefined) return null;
  const result: A1Range = {
    sheet,
    startRow: a.row,
    startCol: a.col,
    endRow: b.row,
    endCol: b.col,
    startRowAbs: a.rowAbs,
    startColAbs: a.colAbs,
    endRowAbs: b.rowAbs,
    endColAbs: b.colAbs,
  };
  if (wholeRows) {
    result.startCol = undefined;
    result.endCol = undefined;
  }
  return normalise(result);
}

/** Orders start/end so start is top-left (Sheets accepts B2:A1). */
function normalise(r: A1Range): A1Range {
  if (r.startRow !== undefined && r.endRow !== undefined && r.startRow > r.endRow) {
    [r.startRow, r.endRow] = [r.endRow, r.startRow];
    [r.startRowAbs, r.endRowAbs] = [r.endRowAbs, r.startRowAbs];
  }
  if (r.startCol !== undefined && r.endCol !== undefined && r.startCol > r.endCol) {
    [r.startCol, r.endCol] = [r.endCol, r.startCol];
    [r.startColAbs, r.endColAbs] = [r.endColAbs, r.startColAbs];
  }
  return r;
}

/** Prints a parsed reference back (used when shifting relative references in formulas). */
export function printA1(r: A1Range, withSheet = true): string {
  const part = (col: number | undefined, row: number | undefined, colAbs: boolean, rowAbs: boolean): string =>
    (col !== undefined ? (colAbs ? '$' : '') + columnLetters(col) : '') +
    (row !== undefined ? (rowAbs ? '$' : '') + String(row) : '');
  const start = part(r.startCol, r.startRow, r.startColAbs, r.startRowAbs);
  const single =
    r.startRow === r.endRow &&
    r.startCol === r.endCol &&
    r.startRow !== undefined &&
    r.startCol !== undefined;
  const sameFlags = r.startRowAbs === r.endRowAbs && r.startColAbs === r.endColAbs;
  const body = single && sameFlags ? start : `${start}:${part(r.endCol, r.endRow, r.endColAbs, r.endRowAbs)}`;
  return withSheet && r.sheet !== undefined ? `${quoteSheetName(r.sheet)}!${body}` : body;
}
