// Data problems for the user: the core's and the adapter's (repeated headers, user content in output
// columns, no data rows), each with its row, A1 address, the column's header text and a fix.
import type { Evaluation, Problem } from '../core/types';
import { a1, HEADER_TEXT, OUTPUT_COLUMNS } from '../sheets/headers';
import { findOutputConflicts } from '../sheets/outputConflicts';
import { planOutputs, STAKE_HEADER } from '../sheets/outputPlan';
import type { TableLayout, TableRead } from '../sheets/table';
import type { ProblemItem } from './api';
import { roundProblems } from './roundScores.lazy';

/**
 * Every problem of a read table: the core's, the adapter's and the appraisal rounds' figures (issue 14).
 * The one list "Kiểm tra dữ liệu" (menu alert and sidebar), the sidebar's Dữ liệu tab after any action, and
 * every action's result show. The rounds' check is a lazy module: loaded only when the table has a
 * Điểm thẩm định lần 1 / lần 2 column. `grid.formulas` null: no output-conflict check (nothing to read).
 */
export function tableProblems(read: Extract<TableRead, { ok: true }>, evaluation: Evaluation): ProblemItem[] {
  const c = read.layout.columns;
  const rounds =
    c.appraisal1 !== undefined || c.appraisal2 !== undefined ? roundProblems(read.rows, evaluation) : [];
  return problemItems([...evaluation.problems, ...sheetProblems(read), ...rounds], read.layout);
}

/** Turns core problems and adapter problems into the sidebar's items (A1 + header text), sorted by row. */
export function problemItems(problems: Problem[], layout: TableLayout): ProblemItem[] {
  const items = problems.map((p): ProblemItem => {
    const column = p.column;
    const c = column ? layout.columns[column] : undefined;
    return {
      row: p.row,
      column,
      columnHeader: column ? (layout.headers[column] ?? HEADER_TEXT[column].vi) : null,
      a1: p.row !== null && c !== undefined ? a1(p.row, c) : null,
      severity: p.severity,
      message: p.message,
      fix: p.fix,
    };
  });
  return items.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Problems the adapter sees and the core cannot: repeated headers, user content in output columns, no data. */
export function sheetProblems(read: Extract<TableRead, { ok: true }>): Problem[] {
  const { layout, grid } = read;
  const out: Problem[] = [];
  for (const d of layout.duplicates) {
    const first = layout.columns[d.key]!;
    out.push({
      row: layout.headerRow,
      column: null,
      severity: 'warning',
      message: `Tiêu đề "${HEADER_TEXT[d.key].vi}" xuất hiện hai lần (ô ${a1(layout.headerRow, first)} và ${a1(layout.headerRow, d.column)}); chỉ cột ${a1(layout.headerRow, first).replace(/\d+$/, '')} được dùng.`,
      fix: 'Đổi tên hoặc xóa cột trùng.',
    });
  }
  if (layout.lastDataRow === layout.headerRow) {
    out.push({
      row: null,
      column: null,
      severity: 'warning',
      message: `Bảng tiêu chí trên trang "${layout.sheetName}" chưa có dòng nào dưới hàng tiêu đề (hàng ${layout.headerRow}).`,
      fix: 'Dán bộ chỉ số được ban hành vào dưới hàng tiêu đề.',
    });
  }
  if (grid.formulas) {
    const cols: Partial<Record<(typeof OUTPUT_COLUMNS)[number], number>> = {};
    for (const k of OUTPUT_COLUMNS) if (layout.columns[k] !== undefined) cols[k] = layout.columns[k];
    // The points-at-stake column too, when the sheet has it (where the output call spills it).
    const stake = cols.score && cols.status && cols.reason ? planOutputs(grid, layout, 0, 0).stake : null;
    for (const c of findOutputConflicts(grid, layout, cols, stake)) {
      const key = c.key === 'stake' ? null : c.key;
      const header = key ? (layout.headers[key] ?? HEADER_TEXT[key].vi) : STAKE_HEADER;
      out.push({
        row: c.row,
        column: key,
        severity: 'error',
        message: `Ô ${a1(c.row, c.column)} thuộc cột "${header}" do tiện ích tính nhưng đang chứa ${c.kind === 'formula' ? 'công thức' : 'giá trị'} do người dùng nhập; cột này không được cập nhật.`,
        fix: 'Chuyển nội dung sang cột khác (ví dụ Giải trình), xóa ô, rồi chạy "Tính lại".',
      });
    }
    const missing = OUTPUT_COLUMNS.filter((k) => layout.columns[k] === undefined);
    if (missing.length) {
      out.push({
        row: layout.headerRow,
        column: null,
        severity: 'warning',
        message: `Chưa có cột ${missing.map((k) => `"${HEADER_TEXT[k].vi}"`).join(', ')}: điểm và trạng thái chưa được tính trên trang.`,
        fix: 'Chạy "Thiết lập" (hoặc "Tính lại") để thêm các cột kết quả.',
      });
    }
  }
  return out;
}

/** One line per problem, for a dialog: "Dòng 12, cột Kết quả (F12): … → Cách sửa: …". */
export function problemLine(p: ProblemItem): string {
  const where =
    p.row !== null
      ? `Dòng ${p.row}${p.columnHeader ? `, cột ${p.columnHeader}` : ''}${p.a1 ? ` (${p.a1})` : ''}`
      : 'Toàn bảng';
  return `${p.severity === 'error' ? '✖' : '⚠'} ${where}: ${p.message} → ${p.fix}`;
}
