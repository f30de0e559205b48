// What the user put in the output columns: any formula other than ours, any value that is not our spill.
// Set-up and recompute refuse, naming the cells, rather than overwrite it.
import type { CellValue, ColumnKey, OutputColumn } from '../core/types';
import { TERMS } from '../core/vocabulary';
import { a1, HEADER_TEXT, OUTPUT_COLUMNS } from './headers';
import { OUR_OUTPUT_FORMULA, spillWidth } from './outputFormulas';
import { cell, formulaAt, isBlank, type Grid, type TableLayout } from './table';
/** A cell of an output column holding something the user put there. */
export interface OutputConflict {
  row: number;
  column: number;
  key: OutputColumn | 'stake';
  /** A formula or a value. */
  kind: 'formula' | 'value';
}

// ── Reading what is there ──

/** Whether a cell holds a formula or a value. */
export function hasOwnContentAt(grid: Grid, row: number, column: number): boolean {
  return formulaAt(grid, row, column) !== '' || !isBlank(cell(grid, row, column));
}

/** True when a value is a Sheets error shown in a cell (#REF! when a spill is blocked, #ERROR!, …). */
function isErrorCode(value: CellValue): boolean {
  return (
    typeof value === 'string' && /^#(REF!|ERROR!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/.test(value.trim())
  );
}

/**
 * Cells of the output columns (data rows) that hold user content: any formula other than ours in the first
 * data row, any formula below it, and any value that is not the spill of a formula of ours (a CCHC_OUTPUTS
 * call fills the adjacent output columns it names; an older CCHC_POINTS/STATUS/REASON only its own). When our
 * formula's spill is blocked (#REF!), the blocking values are the user's by definition.
 */
export function findOutputConflicts(
  grid: Grid,
  layout: TableLayout,
  columns: Partial<Record<OutputColumn, number>>,
  stake: number | null = null,
): OutputConflict[] {
  const out: OutputConflict[] = [];
  const all: Partial<Record<OutputColumn | 'stake', number>> =
    stake === null ? columns : { ...columns, stake };
  const outCols = new Set(Object.values(all));
  // The formula of ours whose spill covers column c (its anchor may be c itself), left through output columns.
  const anchorOf = (c: number): number | null => {
    for (let a = c; outCols.has(a); a--) {
      const f = formulaAt(grid, layout.firstDataRow, a);
      if (f === '') continue;
      return spillWidth(f) > c - a ? a : null;
    }
    return null;
  };
  for (const key of [...OUTPUT_COLUMNS, 'stake' as const]) {
    const c = all[key];
    if (c === undefined) continue;
    const anchor = anchorOf(c);
    const spills = anchor !== null && !isErrorCode(cell(grid, layout.firstDataRow, anchor));
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      const f = formulaAt(grid, r, c);
      if (r === layout.firstDataRow) {
        if (f !== '' && !OUR_OUTPUT_FORMULA.test(f)) out.push({ row: r, column: c, key, kind: 'formula' });
        else if (f === '' && !spills && !isBlank(cell(grid, r, c)))
          out.push({ row: r, column: c, key, kind: 'value' });
      } else if (f !== '') out.push({ row: r, column: c, key, kind: 'formula' });
      else if (!spills && !isBlank(cell(grid, r, c))) out.push({ row: r, column: c, key, kind: 'value' });
    }
  }
  return out;
}

/** The refusal message: which cells, and what to do. */
export function conflictMessage(
  conflicts: OutputConflict[],
  layout: TableLayout,
  headers: Partial<Record<ColumnKey, string>>,
): string {
  const byKey = new Map<OutputConflict['key'], OutputConflict[]>();
  for (const c of conflicts) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const parts = [...byKey].map(([key, list]) => {
    const cells = list.slice(0, 5).map((c) => a1(c.row, c.column));
    const more = list.length > 5 ? ` và ${list.length - 5} ô khác` : '';
    const header = key === 'stake' ? TERMS.pointsAtStake.vi : (headers[key] ?? HEADER_TEXT[key].vi);
    return `cột "${header}": ${cells.join(', ')}${more}`;
  });
  return (
    `Trang "${layout.sheetName}": các cột kết quả do tiện ích tính đang có giá trị hoặc công thức do người dùng nhập ` +
    `(${parts.join('; ')}). Tiện ích không ghi đè để không làm mất dữ liệu. Hãy chuyển các giá trị đó sang cột khác ` +
    `(ví dụ Giải trình) hoặc xóa chúng, rồi chạy lại.`
  );
}
