// Finds the criteria table on a tab by its header row: Vietnamese or English header text, case- and
// diacritic-insensitive, any order, title rows above, extra columns left alone. Pure: works on the grid
// that table.ts reads in one batch, so finding the table costs no extra Spreadsheet call.
import { parseRule } from '../core/rules/parser';
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
  'selfScore',
  'appraisal1',
  'appraisal2',
  'solution',
  'solutionOwner',
  'solutionDue',
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
    'linh vuc tieu chi tieu chi thanh phan',
    'tieu chi chi so',
    'chi so',
    'criterion',
    'criteria',
    'title',
    'indicator',
  ],
  max: [
    'diem toi da',
    'so diem toi da',
    'diem so toi da',
    'diem chuan',
    'thang diem',
    'diem max',
    'toi da',
    'max',
    'max points',
    'maximum',
    'points max',
  ],
  // The rule column holds the rule language; the official prose ("Hướng dẫn chấm điểm") is another column.
  rule: ['cach cham', 'quy tac cham', 'quy tac cham diem', 'rule', 'scoring rule', 'method'],
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
    'don vi thuc hien',
    'don vi chu tri',
    'co quan don vi',
    'co quan chu tri',
    'phu trach',
    'sector',
    'owner',
  ],
  deadline: ['han', 'thoi han', 'han hoan thanh', 'ngay het han', 'deadline', 'due', 'due date'],
  // "Ghi chú" is read as the notes only when there is no "Giải trình" (FALLBACK_ALIASES).
  notes: ['giai trinh', 'thuyet minh', 'notes', 'explanation'],
  appraised: [
    'diem tham dinh',
    'tham dinh',
    'diem hoi dong tham dinh',
    'appraised',
    'appraised score',
    'appraisal',
  ],
  selfScore: [
    'diem tu cham',
    'diem tu danh gia',
    'tu cham',
    'tu danh gia',
    'diem don vi tu cham',
    'self score',
    'self assessed',
  ],
  // Round columns (issue 14): one per appraisal round, beside or instead of a single Điểm thẩm định.
  appraisal1: ['diem tham dinh lan 1', 'tham dinh lan 1'],
  appraisal2: ['diem tham dinh lan 2', 'tham dinh lan 2'],
  // Issue 14: the sector's solution for a criterion needing action, who carries it out, and by when.
  solution: [
    'giai phap',
    'giai phap khac phuc',
    'giai phap cua nganh',
    'giai phap de xuat',
    'bien phap',
    'bien phap khac phuc',
    'bien phap khac phuc han che',
    'solution',
    'remedy',
    'action plan',
    'measures',
  ],
  solutionOwner: [
    'nguoi thuc hien',
    'can bo thuc hien',
    'nguoi phu trach',
    'can bo phu trach',
    'nguoi chiu trach nhiem',
    'assignee',
    'responsible',
    'person responsible',
  ],
  solutionDue: [
    'han khac phuc',
    'thoi han khac phuc',
    'han hoan thanh khac phuc',
    'han giai phap',
    'han thuc hien giai phap',
    'ngay khac phuc',
    'fix by',
    'fix due',
    'solution due',
  ],
  score: ['diem', 'diem dat', 'diem tinh', 'score', 'points'],
  status: ['trang thai', 'tinh trang', 'status'],
  reason: ['ly do', 'nguyen nhan', 'reason', 'reasons', 'why'],
};

/**
 * Headers that name a column only when its usual header is absent (design.md, "Columns"): `STT`/`TT` is the
 * code only when there is no `Mã` (then its numbering becomes dotted codes, see src/core/stt.ts); `Ghi chú` is
 * the notes only when there is no `Giải trình`. Otherwise they are extra columns, left alone.
 */
const FALLBACK_ALIASES: Partial<Record<InputColumn, string[]>> = {
  code: ['stt', 'tt', 'so tt', 'so thu tu'],
  notes: ['ghi chu', 'note', 'comments'],
};

/**
 * The official scoring prose, kept beside the rule column. Without a `Cách chấm` column, a prose column whose
 * non-empty cells all parse as rules is the rule column; otherwise the rules must be read from it (import).
 */
const PROSE_ALIASES = new Set([
  'huong dan cham',
  'huong dan cham diem',
  'cach tinh diem',
  'cach tinh',
  'cach cham diem',
  'huong dan tinh diem',
  'phuong phap cham',
  'phuong phap cham diem',
  'phuong phap tinh diem',
  'cach thuc cham diem',
  'noi dung huong dan cham diem',
]);

/** The fallback column a header names (STT → code, Ghi chú → notes), or null. */
function matchFallback(value: CellValue): InputColumn | null {
  if (typeof value !== 'string') return null;
  const folded = foldHeader(value);
  for (const key of Object.keys(FALLBACK_ALIASES) as InputColumn[])
    if (FALLBACK_ALIASES[key]!.includes(folded)) return key;
  return null;
}

/** True for a header of the official scoring prose ("Hướng dẫn chấm điểm", "Cách tính điểm"). */
export function isProseHeader(value: CellValue): boolean {
  return typeof value === 'string' && PROSE_ALIASES.has(foldHeader(value));
}

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
  /** The code column is an `STT`/`TT` numbering (no `Mã`): its codes are derived (src/core/stt.ts). */
  codeFromStt: boolean;
  /** The official scoring prose column, when there is one (1-based column, header as written). */
  prose: { column: number; header: string } | null;
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
    if (match.columns.rule === undefined && match.prose && proseHoldsRules(grid, r + 1, match.prose.column)) {
      match.columns.rule = match.prose.column;
      match.headers.rule = match.prose.header;
    }
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

/** True when the prose column's non-empty cells below the header all parse as rules (and there is one). */
function proseHoldsRules(grid: CellValue[][], headerRow: number, column: number): boolean {
  let any = false;
  for (let r = headerRow; r < grid.length; r++) {
    const v = grid[r][column - 1];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    if (!parseRule(v).ok) return false;
    any = true;
  }
  return any;
}

function matchRow(row: CellValue[], rowNumber: number): HeaderMatch {
  const match: HeaderMatch = {
    headerRow: rowNumber,
    columns: {},
    headers: {},
    duplicates: [],
    codeFromStt: false,
    prose: null,
  };
  const fallbacks: Partial<Record<InputColumn, { column: number; header: string }>> = {};
  row.forEach((value, c) => {
    const key = matchHeader(value);
    if (!key) {
      const fallback = matchFallback(value);
      if (fallback && !fallbacks[fallback])
        fallbacks[fallback] = { column: c + 1, header: String(value).trim() };
      else if (!match.prose && isProseHeader(value))
        match.prose = { column: c + 1, header: String(value).trim() };
      return;
    }
    if (match.columns[key] !== undefined) {
      match.duplicates.push({ key, column: c + 1 });
      return;
    }
    match.columns[key] = c + 1;
    match.headers[key] = String(value).trim();
  });
  for (const key of Object.keys(fallbacks) as InputColumn[]) {
    if (match.columns[key] !== undefined) continue;
    match.columns[key] = fallbacks[key]!.column;
    match.headers[key] = fallbacks[key]!.header;
    if (key === 'code') match.codeFromStt = true;
  }
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
  // Only the official prose where the rules should be: say how to get rules from it.
  const prose =
    missing.includes('rule') && best.prose
      ? ` Cột "${best.prose.header}" là lời văn hướng dẫn chấm điểm chính thức, chưa phải cách chấm: chọn "Nhập bộ chỉ số chính thức" để tiện ích đọc cách chấm từ lời văn (kèm danh sách dòng cần xem lại), hoặc thêm cột "Cách chấm" ghi quy tắc (${'CÓ/KHÔNG, TỶ LỆ, MỨC(…)'}…) bên cạnh.`
      : '';
  return (
    `Trang "${sheetName}": hàng ${best.headerRow} có vẻ là hàng tiêu đề (đã nhận ra ${found}) ` +
    `nhưng thiếu cột ${names(missing)}. Hãy thêm hoặc đổi tên các cột đó.${prose} ${need}`
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
