// An officially issued indicator table (pasted into a tab, or read from CSV / XLSX / DOCX locally) → the
// add-in's criteria rows: codes from `Mã` or from `STT`/`TT`, the max, the official prose kept beside the
// rule read from it, and `Cần xem lại` for every row a person must check. Pure: no Apps Script, no files.
import { normalizeCode } from '../criteria';
import { parseRule } from '../rules';
import type { CellValue } from '../types';
import { foldText, isBlank, numberOf, showValue } from '../values';
import { readProse } from './reader';
import { codesFromStt } from '../stt';

/** The criteria table's headers, in this order, then the other recognised columns (design.md, import). */
export const IMPORT_HEADERS = [
  'Mã',
  'Tiêu chí',
  'Điểm tối đa',
  'Cách chấm',
  'Hướng dẫn chấm điểm',
  'Cần xem lại',
];

export interface ImportedRow {
  /** Row in the source (1-based, counting the source's header and title rows). */
  sourceRow: number;
  code: string;
  title: string;
  /** The max as a number, or the text as written when it is no number (then the row is to review). */
  max: number | string;
  /** The rule: from a rule column when its cell parses, else read from the prose; '' on parent rows. */
  rule: string;
  prose: string;
  /** '' when read with confidence (or a parent row); else the reason, in Vietnamese. */
  review: string;
  confidence: number;
  why: string;
  isParent: boolean;
  /** Other recognised columns, in `extraHeaders` order. */
  extras: string[];
}

export type ImportResult =
  | { ok: true; headerRow: number; rows: ImportedRow[]; extraHeaders: string[]; notes: string[] }
  | { ok: false; message: string };

type Role = 'code' | 'stt' | 'title' | 'max' | 'rule' | 'prose';

// Folded header texts (no diacritics, lower case, punctuation as spaces).
const ROLES: [Role, RegExp][] = [
  ['code', /^(?:ma|ma so|ma tieu chi|ma chi so|code)$/],
  ['stt', /^(?:stt|tt|so tt|so thu tu)$/],
  [
    'title',
    /^(?:tieu chi(?: tieu chi thanh phan)?|tieu chi thanh phan|ten tieu chi|noi dung(?: tieu chi)?|linh vuc tieu chi|chi so|tieu chi chi so|linh vuc tieu chi tieu chi thanh phan|criterion|criteria)$/,
  ],
  ['max', /^(?:diem toi da|diem chuan|thang diem|so diem toi da|diem so toi da|max)$/],
  ['rule', /^(?:cach cham|quy tac cham|rule)$/],
  [
    'prose',
    /^(?:huong dan cham(?: diem)?|cach tinh diem|cach cham diem|huong dan tinh diem|phuong phap (?:cham|tinh) diem|cach thuc cham diem|noi dung huong dan cham diem)$/,
  ],
];

// Columns the add-in recognises that an official table may carry; written under the add-in's header.
const EXTRAS: [RegExp, string][] = [
  [/^(?:tai lieu kiem chung|minh chung|tai lieu minh chung)$/, 'Tài liệu kiểm chứng'],
  [/^(?:don vi thuc hien|don vi chu tri|co quan don vi|nganh|bo phan phu trach|don vi phu trach)$/, 'Ngành'],
  [/^(?:thoi han|han|han hoan thanh)$/, 'Hạn'],
  [/^(?:chi tieu|muc tieu)$/, 'Chỉ tiêu'],
  [/^(?:ghi chu)$/, 'Ghi chú'],
  [/^(?:diem tu cham|diem tu danh gia)$/, 'Điểm tự chấm'],
];

export function foldHeaderText(v: CellValue): string {
  if (typeof v !== 'string') return '';
  return foldText(v)
    .replace(/[^a-z0-9%+]+/g, ' ')
    .trim();
}

interface Layout {
  headerRow: number;
  /** The last header row (a two-row header: "Điểm" over "Tối đa"). */
  lastHeaderRow: number;
  roles: Partial<Record<Role, number>>;
  extras: { column: number; header: string }[];
}

/** The header texts of row r, each also read with the cell above it ("Điểm" over "tối đa"). */
function roleOf(texts: string[]): Role | null {
  for (const text of texts) for (const [role, re] of ROLES) if (re.test(text)) return role;
  return null;
}

function findLayout(grid: CellValue[][]): Layout | null {
  const limit = Math.min(grid.length, 30);
  let best: Layout | null = null;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const row = grid[r] ?? [];
    const above = r > 0 ? (grid[r - 1] ?? []) : [];
    const below = grid[r + 1] ?? [];
    const roles: Partial<Record<Role, number>> = {};
    const extras: { column: number; header: string }[] = [];
    let usedBelow = false;
    const width = Math.max(row.length, below.length);
    for (let c = 0; c < width; c++) {
      const own = foldHeaderText(row[c]);
      const parent = foldHeaderText(above[c]);
      const child = foldHeaderText(below[c]);
      const texts = [own, `${parent} ${own}`.trim(), `${own} ${child}`.trim()].filter((t) => t !== '');
      let role = roleOf(texts);
      if (!role && own === '' && child !== '') {
        role = roleOf([child]);
        if (role) usedBelow = true;
      }
      if (role && roles[role] === undefined) {
        roles[role] = c;
        if (roleOf([`${own} ${child}`.trim()]) && !roleOf([own])) usedBelow = true;
        continue;
      }
      if (!role) {
        const extra = EXTRAS.find(([re]) => texts.some((t) => re.test(t)));
        if (extra && !extras.some((e) => e.header === extra[1])) extras.push({ column: c, header: extra[1] });
      }
    }
    const score =
      (roles.title !== undefined ? 1 : 0) +
      (roles.max !== undefined ? 1 : 0) +
      (roles.code !== undefined || roles.stt !== undefined ? 1 : 0) +
      (roles.prose !== undefined || roles.rule !== undefined ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { headerRow: r, lastHeaderRow: usedBelow ? r + 1 : r, roles, extras };
    }
    if (score === 4) break;
  }
  return best && bestScore === 4 ? best : null;
}

/** "(1) (2) (3)…" under the header: the column numbering row of printed tables. */
function isNumberingRow(row: CellValue[]): boolean {
  const cells = row.filter((v) => !isBlank(v)).map((v) => showValue(v).trim());
  if (cells.length < 3) return false;
  return cells.every((t, i) => new RegExp(`^\\(?${i + 1}\\)?$`).test(t));
}

// The full text of a cell (showValue shortens long text for messages; prose must stay whole).
const cellText = (v: CellValue): string =>
  isBlank(v) ? '' : typeof v === 'string' ? v.trim() : typeof v === 'number' ? `${v}` : showValue(v).trim();

/** Reads an official table from a grid (row-major, as a sheet or a parsed file gives it). */
export function importTable(grid: CellValue[][], sheetName = 'bảng'): ImportResult {
  const layout = findLayout(grid);
  if (!layout) {
    return {
      ok: false,
      message:
        `Không tìm thấy bảng chỉ số trong ${sheetName}: cần một hàng tiêu đề có các cột "STT" (hoặc "Mã"), ` +
        `"Tiêu chí", "Điểm tối đa" và "Hướng dẫn chấm điểm" (hoặc "Cách tính điểm", "Cách chấm") trong 30 hàng đầu.`,
    };
  }
  const { roles } = layout;
  const col = (row: CellValue[], role: Role) => (roles[role] === undefined ? '' : row[roles[role]!]);
  const notes: string[] = [];

  // Rows: skip blank ones and the numbering row; a row with nothing but prose continues the row above.
  interface Raw {
    sourceRow: number;
    cells: CellValue[];
    prose: string;
  }
  const raws: Raw[] = [];
  for (let r = layout.lastHeaderRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every(isBlank)) continue;
    if (raws.length === 0 && isNumberingRow(row)) continue;
    const key = roles.code ?? roles.stt;
    const prose = cellText(col(row, 'prose'));
    const onlyProse =
      isBlank(row[key!]) && isBlank(col(row, 'title')) && isBlank(col(row, 'max')) && prose !== '';
    if (onlyProse && raws.length > 0) {
      raws[raws.length - 1].prose += `\n${prose}`;
      continue;
    }
    raws.push({ sourceRow: r + 1, cells: row, prose });
  }

  let codes: string[];
  if (roles.code !== undefined) {
    codes = raws.map((x) => normalizeCode(x.cells[roles.code!]));
  } else {
    const stt = codesFromStt(
      raws.map((x) => x.cells[roles.stt!]),
      { column: showValue(grid[layout.headerRow][roles.stt!]).trim() || 'STT' },
    );
    if (!stt.ok) {
      const at = raws[stt.index]?.sourceRow;
      return { ok: false, message: stt.message.replace(/^Dòng \d+/, `Dòng ${at}`) };
    }
    codes = stt.codes;
    if (stt.renumbered) notes.push('Mã được lập từ cột STT (số La Mã, số, chữ cái) thành mã có dấu chấm.');
  }

  // The table's own total ("Tổng cộng") has no code: the add-in computes the total, so the row is left out.
  for (let i = raws.length - 1; i >= 0; i--) {
    if (codes[i] === '' && /^tong\b/.test(foldHeaderText(cellText(col(raws[i].cells, 'title'))))) {
      notes.push(
        `Dòng ${raws[i].sourceRow} (${cellText(col(raws[i].cells, 'title'))}) không được nhập: tổng điểm do tiện ích tính.`,
      );
      raws.splice(i, 1);
      codes.splice(i, 1);
    }
  }
  const isParent = codes.map(
    (code, i) => code !== '' && codes.some((other, j) => j > i && other.startsWith(`${code}.`)),
  );
  const rows: ImportedRow[] = raws.map((x, i) => {
    const title = cellText(col(x.cells, 'title'));
    const maxCell = col(x.cells, 'max');
    const maxNumber = numberOf(maxCell, false);
    const max: number | string = maxNumber === maxNumber ? maxNumber : cellText(maxCell);
    const extras = layout.extras.map((e) => cellText(x.cells[e.column]));
    const base = { sourceRow: x.sourceRow, code: codes[i], title, max, prose: x.prose, extras };
    if (isParent[i] || codes[i] === '') {
      return {
        ...base,
        rule: '',
        review: '',
        confidence: 1,
        why: isParent[i] ? 'Tổng các tiêu chí con' : '',
        isParent: isParent[i],
      };
    }
    // A rule column whose cell is already a rule is taken as written.
    const ruleCell = cellText(col(x.cells, 'rule'));
    if (ruleCell !== '' && parseRule(ruleCell).ok) {
      return {
        ...base,
        rule: ruleCell,
        review: '',
        confidence: 1,
        why: 'Cách chấm có sẵn trong bảng',
        isParent: false,
      };
    }
    const prose = x.prose !== '' ? x.prose : ruleCell;
    const reading = readProse(prose, typeof max === 'number' ? max : null);
    const badMax = typeof max === 'string' && max !== '' ? `Điểm tối đa "${max}" không phải số. ` : '';
    return {
      ...base,
      prose,
      rule: reading.rule,
      review: reading.review || badMax ? `${badMax}${reading.reason}`.trim() : '',
      confidence: reading.confidence,
      why: reading.why,
      isParent: false,
    };
  });
  return {
    ok: true,
    headerRow: layout.headerRow + 1,
    rows,
    extraHeaders: layout.extras.map((e) => e.header),
    notes,
  };
}

/** The criteria table as cells: header row then one row per imported row (numbers stay numbers). */
export function criteriaGrid(result: Extract<ImportResult, { ok: true }>): CellValue[][] {
  const headers = [...IMPORT_HEADERS, ...result.extraHeaders];
  if (!result.extraHeaders.includes('Kết quả')) headers.push('Kết quả');
  const out: CellValue[][] = [headers];
  for (const r of result.rows) {
    const row: CellValue[] = [r.code, r.title, r.max, r.rule, r.prose, r.review, ...r.extras];
    while (row.length < headers.length) row.push('');
    out.push(row);
  }
  return out;
}

/** How many rows were read with confidence, sent to review, and are parents (for summaries). */
export function importCounts(rows: ImportedRow[]): {
  leaves: number;
  confident: number;
  review: number;
  parents: number;
} {
  const leaves = rows.filter((r) => !r.isParent && r.code !== '');
  const review = leaves.filter((r) => r.review !== '').length;
  return {
    leaves: leaves.length,
    confident: leaves.length - review,
    review,
    parents: rows.filter((r) => r.isParent).length,
  };
}
