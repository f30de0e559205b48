// Finds the criteria table on a tab by its header row: Vietnamese or English header text, case- and
// diacritic-insensitive, any order, title rows above, extra columns left alone. Pure: works on the grid
// that table.ts reads in one batch, so finding the table costs no extra Spreadsheet call.
import type { CellValue, ColumnKey, InputColumn, OutputColumn } from '../core/types';
import { COLUMN_NAMES } from '../core/vocabulary';

/**
 * Lower-case, no Vietnamese diacritics (đ → d; also Ð/ð, the look-alike that text converted from old
 * Vietnamese encodings carries), punctuation as spaces, single spaces.
 */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%+]+/g, ' ')
    .trim();
}

export const INPUT_COLUMNS: InputColumn[] = [
  'code',
  'title',
  'max',
  'rule',
  'target',
  'actual',
  'evidence',
  'sector',
  'deadline',
  'notes',
  'appraised',
];
export const OUTPUT_COLUMNS: OutputColumn[] = ['score', 'status', 'reason'];

/** Columns a table must have to be scored. */
export const REQUIRED_COLUMNS: InputColumn[] = ['code', 'title', 'max', 'rule', 'actual'];

/** The header text set-up writes (Vietnamese), and the English name shown in messages: the vocabulary's. */
export const HEADER_TEXT = COLUMN_NAMES;

// Accepted header texts, already folded. Exact matches only ("Điểm" is the score, "Điểm tối đa" the max),
// so a header never matches two columns by accident.
const ALIASES: Record<ColumnKey, string[]> = {
  code: ['ma', 'ma so', 'ma tieu chi', 'ma chi so', 'code', 'id'],
  title: [
    'tieu chi',
    'tieu chi tieu chi thanh phan',
    'tieu chi thanh phan',
    'ten tieu chi',
    'noi dung',
    'noi dung tieu chi',
    'linh vuc tieu chi',
    'chi so',
    'criterion',
    'criteria',
    'title',
    'indicator',
  ],
  max: [
    'diem toi da',
    'diem chuan',
    'thang diem',
    'diem max',
    'toi da',
    'max',
    'max points',
    'maximum',
    'points max',
  ],
  rule: [
    'cach cham',
    'cach cham diem',
    'cach tinh diem',
    'cach tinh',
    'phuong phap cham',
    'phuong phap cham diem',
    'quy tac cham',
    'rule',
    'scoring rule',
    'method',
  ],
  target: ['chi tieu', 'muc tieu', 'chi tieu giao', 'target', 'goal'],
  actual: [
    'ket qua',
    'ket qua thuc hien',
    'so lieu',
    'so lieu ke khai',
    'thuc hien',
    'gia tri',
    'actual',
    'result',
    'value',
  ],
  evidence: ['minh chung', 'tai lieu kiem chung', 'tlkc', 'tai lieu minh chung', 'evidence', 'proof'],
  sector: [
    'nganh',
    'nganh phu trach',
    'bo phan',
    'bo phan phu trach',
    'don vi phu trach',
    'phu trach',
    'sector',
    'owner',
  ],
  deadline: ['han', 'thoi han', 'han hoan thanh', 'ngay het han', 'deadline', 'due', 'due date'],
  notes: ['giai trinh', 'ghi chu', 'thuyet minh', 'notes', 'note', 'comments'],
  appraised: [
    'diem tham dinh',
    'tham dinh',
    'diem hoi dong tham dinh',
    'appraised',
    'appraised score',
    'appraisal',
  ],
  score: ['diem', 'diem dat', 'diem tinh', 'score', 'points'],
  status: ['trang thai', 'tinh trang', 'status'],
  reason: ['ly do', 'nguyen nhan', 'reason', 'reasons', 'why'],
};

// Built on first use: custom functions load the whole bundle on every call and never read headers.
let byAlias: Map<string, ColumnKey> | null = null;
function aliasMap(): Map<string, ColumnKey> {
  if (byAlias) return byAlias;
  byAlias = new Map();
  for (const key of Object.keys(ALIASES) as ColumnKey[])
    for (const alias of ALIASES[key]) byAlias.set(alias, key);
  return byAlias;
}

/**
 * The column a header text names, or null. Tries the whole text, then the parts of bilingual headers:
 * "Mã / Code", "Điểm tối đa (Max)", "Kết quả\nActual".
 */
export function matchHeader(value: CellValue): ColumnKey | null {
  if (typeof value !== 'string') return null;
  const whole = foldHeader(value);
  if (whole === '') return null;
  const BY_ALIAS = aliasMap();
  const direct = BY_ALIAS.get(whole);
  if (direct) return direct;
  const parts = value
    .split(/[\/\n()|]+/)
    .map(foldHeader)
    .filter((p) => p !== '');
  const keys = new Set(parts.map((p) => BY_ALIAS.get(p)).filter((k): k is ColumnKey => k !== undefined));
  return keys.size === 1 ? [...keys][0] : null;
}

/** Where the table sits: 1-based sheet positions. */
export interface HeaderMatch {
  /** 1-based row of the header. */
  headerRow: number;
  /** 1-based column of each column found (first one wins when a header repeats). */
  columns: Partial<Record<ColumnKey, number>>;
  /** The header text as written in the sheet, per column found. */
  headers: Partial<Record<ColumnKey, string>>;
  /** Columns whose header appears more than once (only the first is used). */
  duplicates: { key: ColumnKey; column: number }[];
}

export type FindResult =
  { ok: true; match: HeaderMatch } | { ok: false; message: string; missing: InputColumn[] };

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 30;

/** Finds the header row in a grid (row-major, as getValues returns it). */
export function findHeader(grid: CellValue[][], sheetName: string): FindResult {
  let best: HeaderMatch | null = null;
  let bestRequired = -1;
  let bestCount = 0;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const match = matchRow(grid[r], r + 1);
    const required = REQUIRED_COLUMNS.filter((k) => match.columns[k] !== undefined).length;
    const count = Object.keys(match.columns).length;
    if (required > bestRequired || (required === bestRequired && count > bestCount)) {
      best = match;
      bestRequired = required;
      bestCount = count;
    }
    if (required === REQUIRED_COLUMNS.length) return { ok: true, match };
  }
  const missing = best
    ? REQUIRED_COLUMNS.filter((k) => best!.columns[k] === undefined)
    : [...REQUIRED_COLUMNS];
  return {
    ok: false,
    missing,
    message: missingMessage(sheetName, best && bestCount > 0 ? best : null, missing),
  };
}

function matchRow(row: CellValue[], rowNumber: number): HeaderMatch {
  const match: HeaderMatch = { headerRow: rowNumber, columns: {}, headers: {}, duplicates: [] };
  row.forEach((value, c) => {
    const key = matchHeader(value);
    if (!key) return;
    if (match.columns[key] !== undefined) {
      match.duplicates.push({ key, column: c + 1 });
      return;
    }
    match.columns[key] = c + 1;
    match.headers[key] = String(value).trim();
  });
  return match;
}

function names(keys: ColumnKey[]): string {
  return keys.map((k) => `"${HEADER_TEXT[k].vi}" (${HEADER_TEXT[k].en})`).join(', ');
}

function missingMessage(sheetName: string, best: HeaderMatch | null, missing: InputColumn[]): string {
  const need = `Bảng tiêu chí cần một hàng tiêu đề có các cột ${names(REQUIRED_COLUMNS)}, theo thứ tự bất kỳ, trong ${HEADER_SEARCH_ROWS} hàng đầu.`;
  if (!best) {
    return `Trang "${sheetName}" không có bảng tiêu chí: không tìm thấy tiêu đề cột nào quen thuộc. ${need}`;
  }
  const found = (Object.keys(best.headers) as ColumnKey[]).map((k) => `"${best.headers[k]}"`).join(', ');
  return (
    `Trang "${sheetName}": hàng ${best.headerRow} có vẻ là hàng tiêu đề (đã nhận ra ${found}) ` +
    `nhưng thiếu cột ${names(missing)}. Hãy thêm hoặc đổi tên các cột đó. ${need}`
  );
}

/** 1-based column number → letters ("A", "AB"). */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 1-based cell. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
