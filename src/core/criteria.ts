// The criteria table as a hierarchy: code normalisation, levels, leaves, and structural checks.
// Codes: "1" area → "1.1" criterion → "1.1.1" sub-criterion. Bonus rows have code "+" (or "+1", "+2"…
// under an optional "+" header), penalty rows "-" or "−" (likewise). Rows with an empty code are ignored.
import type { CellValue, ColumnKey, Problem } from './types';
import {
  EPS,
  formatNumber,
  isBlank,
  isDate,
  MAX_ROW_POINTS,
  readNumber,
  showValue,
  tooLargeMaxMessage,
} from './values';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;

export type CodeKind = 'normal' | 'bonus' | 'penalty';

/** A problem of the table (row null: the whole table). */
export function problem(
  row: number | null,
  column: ColumnKey | null,
  severity: Problem['severity'],
  message: string,
  fix: string,
): Problem {
  return { row, column, severity, message, fix };
}

/** Default caps of the bonus and penalty groups when their row declares no max. */
export const DEFAULT_BONUS_CAP = 2;
export const DEFAULT_PENALTY_CAP = 5;

/**
 * Code as text: numbers from Sheets become their shortest text (1.1 → "1.1"; a number cannot keep "1.10",
 * type codes as text for that), spaces go, "1,1" → "1.1", a trailing dot goes ("1." → "1"), "−"/"–" → "-".
 */
export function normalizeCode(v: CellValue | unknown): string {
  if (v === null || v === undefined || typeof v === 'boolean' || isDate(v)) return '';
  if (typeof v === 'number') return v - v === 0 ? `${v}` : '';
  const text = `${v}`;
  if (/^[0-9.]*[0-9]$/.test(text)) return text; // the usual "1.1.2": nothing to clean
  return text
    .replace(/\s+/g, '')
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/,/g, '.')
    .replace(/\.+$/, '');
}

export function codeKind(code: string): CodeKind {
  if (code.startsWith('+')) return 'bonus';
  if (code.startsWith('-')) return 'penalty';
  return 'normal';
}

// Plain string scans, no regex or objects: these run for every row and every ancestor.
function isGrouped(code: string): boolean {
  const c = code.charCodeAt(0);
  return c === 43 || c === 45; // "+" or "-"
}

/** The code one level up ("1.1.2" → "1.1", "1" → null, "+1" → "+", "+" → null). */
export function parentCode(code: string): string | null {
  const dot = code.lastIndexOf('.');
  if (!isGrouped(code)) return dot < 0 ? null : code.slice(0, dot);
  if (code.length === 1) return null;
  return dot <= 1 ? code[0] : code.slice(0, dot);
}

/** 0 for an area ("1") or a group header ("+"), 1 for "1.1" or "+1", 2 for "1.1.1". */
export function codeLevel(code: string): number {
  let dots = 0;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 46) dots++;
  if (!isGrouped(code)) return dots;
  if (code.length === 1) return 0;
  return code.charCodeAt(1) === 46 ? dots : dots + 1; // "+.1" is written like "+1"
}

/** True when `code` is `ancestor` or below it ("1.1.2" under "1"; "10.1" is not under "1"). */
export function isUnder(code: string, ancestor: string): boolean {
  if (code === ancestor) return true;
  for (let p = parentCode(code); p !== null; p = parentCode(p)) if (p === ancestor) return true;
  return false;
}

export interface StructureRow {
  row: number;
  code: CellValue;
  /** Read only to tell a heading without a code from an empty row. */
  title?: CellValue;
  max: CellValue;
  rule?: CellValue;
  actual?: CellValue;
  target?: CellValue;
}

export interface Entry {
  /** Position in the input array. */
  index: number;
  row: number;
  code: string;
  kind: CodeKind;
  level: number;
  isLeaf: boolean;
  /**
   * Entry index of the nearest ancestor present in the table (a missing "1.1" is skipped to "1"); follow
   * `parent` links for every ancestor.
   */
  parent: number | null;
  /** Set on the second and later rows of a repeated code: they are left out of every sum. */
  duplicateOf: number | null;
  /** Declared max, when readable (bonus/penalty rows: blank → their default cap). */
  max: number | null;
  maxBlank: boolean;
  maxError: string | null;
}

export interface TableModel {
  entries: Entry[];
  /** First entry index of each code. */
  byCode: Map<string, number>;
  problems: Problem[];
}

/** The message for a code cell that holds something other than a code (a date, TRUE, "..."). */
export function unreadableCodeMessage(row: number, code: CellValue): string {
  return `Dòng ${row}: mã "${showValue(code)}" không đọc được nên dòng này không được tính; mã phải có dạng 1, 1.2 hoặc 1.2.3 (hoặc + / - cho điểm thưởng, điểm trừ).`;
}

/**
 * A row's message as its own cell shows it: a custom function sees positions in its range, not sheet rows,
 * so "Dòng 7 …" (the range's 7th row) becomes "Dòng này …".
 */
export function inOwnRow(message: string): string {
  return message.replace(/^Dòng \d+/, 'Dòng này');
}

export const FIX_CODE =
  'Nhập mã tiêu chí dạng 1.2 (định dạng ô là văn bản để giữ 1.10), hoặc xóa dòng nếu không dùng.';

/**
 * A row the table cannot count: its code cell holds no code. Nothing typed anywhere → null (an empty row);
 * an unreadable code (a date, TRUE, "...") or scoring data without a code → an error; only a title → a
 * warning (a heading row is not counted).
 */
function uncodedRowProblem(r: StructureRow): Problem | null {
  if (!isBlank(r.code))
    return problem(r.row, 'code', 'error', unreadableCodeMessage(r.row, r.code), FIX_CODE);
  const data = [r.max, r.rule, r.actual, r.target].some((v) => !isBlank(v));
  if (data) {
    return problem(
      r.row,
      'code',
      'error',
      `Dòng ${r.row} có điểm tối đa, cách chấm hoặc kết quả nhưng không có mã nên không được tính vào tổng điểm.`,
      FIX_CODE,
    );
  }
  if (!isBlank(r.title)) {
    return problem(
      r.row,
      'code',
      'warning',
      `Dòng ${r.row} "${showValue(r.title)}" không có mã nên không được tính (dòng tiêu đề nhóm?).`,
      'Nếu đây là một tiêu chí, nhập mã dạng 1.2; nếu là dòng tiêu đề nhóm, không cần làm gì.',
    );
  }
  return null;
}

/**
 * Codes, hierarchy and structural problems of a table. Rows without a readable code are not counted, and
 * every such row that is not empty is reported by row.
 */
export function analyseTable(rows: StructureRow[], declaredTotal = 100): TableModel {
  // Indexed loops and typed arrays throughout: this runs on every recompute and every custom-function call
  // over tables of up to 10,000 rows, mostly before the JIT has warmed up.
  const entries: Entry[] = [];
  const byCode = new Map<string, number>();
  const problems: Problem[] = [];

  for (let index = 0; index < rows.length; index++) {
    const r = rows[index];
    const code = normalizeCode(r.code);
    if (code === '') {
      const p = uncodedRowProblem(r);
      if (p) problems.push(p);
      continue;
    }
    const kind = codeKind(code);
    const maxBlank = isBlank(r.max);
    let max: number | null = null;
    let maxError: string | null = null;
    if (maxBlank) {
      if (kind === 'bonus') max = DEFAULT_BONUS_CAP;
      else if (kind === 'penalty') max = DEFAULT_PENALTY_CAP;
    } else if (typeof r.max === 'number' && r.max >= 0) {
      max = r.max;
    } else {
      const m = readNumber(r.max, 'Điểm tối đa');
      if (!m.ok) maxError = m.message;
      else if (m.value < 0) maxError = `Điểm tối đa "${formatNumber(m.value)}" không được âm.`;
      else max = m.value;
    }
    if (max !== null && max > MAX_ROW_POINTS) {
      maxError = tooLargeMaxMessage(r.max);
      max = null;
    }
    const first = byCode.get(code);
    if (first === undefined) byCode.set(code, entries.length);
    else {
      problems.push(
        problem(
          r.row,
          'code',
          'error',
          `Mã "${showValue(code)}" bị trùng với một dòng phía trên (dòng ${entries[first].row}); dòng này không được tính.`,
          'Sửa mã cho đúng hoặc xóa dòng thừa.',
        ),
      );
    }
    entries.push({
      index,
      row: r.row,
      code,
      kind,
      level: codeLevel(code),
      isLeaf: true,
      parent: null,
      duplicateOf: first === undefined ? null : first,
      max,
      maxBlank,
      maxError,
    });
  }

  const n = entries.length;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (e.duplicateOf !== null) continue;
    const immediate = parentCode(e.code);
    for (let p = immediate; p !== null; p = parentCode(p)) {
      const at = byCode.get(p);
      if (at === undefined) continue;
      e.parent = at;
      entries[at].isLeaf = false;
      break;
    }
    // Bonus/penalty sub-rows may stand without a "+"/"-" header; elsewhere a missing parent is a slip.
    if (e.kind === 'normal' && immediate !== null && e.parent !== byCode.get(immediate)) {
      problems.push(
        problem(
          e.row,
          'code',
          'warning',
          `Mã "${showValue(e.code)}" không có dòng cha "${showValue(immediate)}" trong bảng.`,
          `Thêm dòng mã ${showValue(immediate)} (với điểm tối đa là tổng các dòng con) hoặc sửa mã.`,
        ),
      );
    }
  }

  // Max checks: unreadable on parents (leaves report it when scored), sums of children, sum of areas.
  const childSum = new Float64Array(n);
  const childIncomplete = new Uint8Array(n);
  const hasChild = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (e.duplicateOf !== null) continue;
    if (!e.isLeaf) {
      if (e.maxError) problems.push(problem(e.row, 'max', 'error', e.maxError, FIX_MAX));
      if (e.kind === 'normal') {
        const r = rows[e.index];
        const stray = !isBlank(r.rule) ? 'rule' : !isBlank(r.actual) ? 'actual' : null;
        if (stray) {
          problems.push(
            problem(
              e.row,
              stray,
              'warning',
              `Dòng "${showValue(e.code)}" có tiêu chí con nên điểm là tổng các tiêu chí con; ${stray === 'rule' ? 'cách chấm' : 'kết quả'} ở dòng này không được dùng.`,
              'Xóa ô này, hoặc nhập kết quả vào các tiêu chí con.',
            ),
          );
        }
      }
    }
    if (e.parent !== null) {
      hasChild[e.parent] = 1;
      if (e.max === null || e.maxBlank) childIncomplete[e.parent] = 1;
      else childSum[e.parent] += e.max;
    }
  }
  for (let i = 0; i < n; i++) {
    const p = entries[i];
    if (!hasChild[i] || childIncomplete[i] || p.kind !== 'normal' || p.max === null || p.maxBlank) continue;
    if (M.abs(p.max - childSum[i]) > EPS) {
      problems.push(
        problem(
          p.row,
          'max',
          'warning',
          `Điểm tối đa của "${p.code}" là ${formatNumber(p.max)} nhưng tổng điểm tối đa các tiêu chí con là ${formatNumber(childSum[i])}.`,
          'Sửa điểm tối đa của dòng cha hoặc của các dòng con cho khớp.',
        ),
      );
    }
  }
  let tops = 0;
  let topSum = 0;
  let topsComplete = true;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (e.duplicateOf !== null || e.kind !== 'normal' || e.parent !== null) continue;
    tops++;
    if (e.max === null || e.maxBlank) topsComplete = false;
    else topSum += e.max;
  }
  if (tops > 0 && topsComplete && M.abs(topSum - declaredTotal) > EPS) {
    problems.push(
      problem(
        null,
        'max',
        'warning',
        `Tổng điểm tối đa các lĩnh vực là ${formatNumber(topSum)}, khác tổng điểm của bộ chỉ số (${formatNumber(declaredTotal)}).`,
        'Kiểm tra điểm tối đa của các lĩnh vực (mã 1, 2, 3…) và các dòng thiếu trong bảng.',
      ),
    );
  }
  return { entries, byCode, problems };
}

export const FIX_MAX =
  'Nhập điểm tối đa là một số lớn hơn 0, ví dụ 1,5 (không dùng dấu phân cách hàng nghìn).';
