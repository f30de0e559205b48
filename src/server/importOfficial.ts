// "Nhập bộ chỉ số chính thức": the official table the user pasted into a tab (the open one, or the one
// named) becomes the criteria tab: codes from STT, each row's rule read from its prose, the prose kept in
// `Hướng dẫn chấm điểm` beside `Cách chấm`, `Cần xem lại` holding why a row must be checked (those rows
// coloured), then set up like any attached tab. It never writes over a tab that has content: when the
// configured criteria tab already holds something, the user is asked first and the set goes to a new tab
// (the old one stays as it is).
import { criteriaGrid, importCounts, importTable } from '../core/prose/officialTable';
import type { CellValue } from '../core/types';
import { asTextCell } from '../sheets/cellText';
import { readGrid } from '../sheets/table';
import { sheetNamed, unusedTabName } from '../sheets/tabs';
import type { ActionResult } from './api';
import { withDocumentLock } from './locks';
import { UserError } from './result';
import { attachSheet } from './setUpTab';
import { loadSettings } from './settingsStore';
import type { SheetState } from './sheetState';

/** Background of the rows to review (pale orange; the status colours of recompute may paint over it). */
export const REVIEW_BACKGROUND = '#fce8b2';

type Written =
  | { done: false; result: ActionResult }
  | { done: true; target: string; counts: ReturnType<typeof importCounts>; notes: string[] };

/**
 * Imports the official set from tab `sourceName` ('' = the open tab). `confirmNewTab`: the user agreed to
 * a new criteria tab when the configured one has content; without it nothing is written and the result
 * asks (needsConfirm). Returns the set-up's state (for the sidebar payload) and the message.
 */
export function importOfficial(
  sourceName: string,
  confirmNewTab: boolean,
  now: Date = new Date(),
): { result: ActionResult; state: SheetState | null } {
  const written = withDocumentLock((): Written => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const source = sourceName ? sheetNamed(ss, sourceName) : ss.getActiveSheet();
    if (!source) throw new UserError(`Không có trang "${sourceName}" trong bảng tính.`);
    const imported = importTable(readGrid(source, false).values, `trang "${source.getName()}"`);
    if (!imported.ok) throw new UserError(imported.message);
    const { settings } = loadSettings();
    const existing = sheetNamed(ss, settings.criteriaSheetName);
    const occupied =
      existing !== null && (existing.getLastRow() > 0 || existing.getLastColumn() > 0 || existing === source);
    const name = occupied
      ? unusedTabName(ss, `${settings.criteriaSheetName} (chính thức)`)
      : settings.criteriaSheetName;
    if (occupied && !confirmNewTab) {
      return {
        done: false,
        result: {
          ok: false,
          needsConfirm: true,
          message:
            `Trang "${existing!.getName()}" đã có dữ liệu và sẽ được giữ nguyên. Bộ chỉ số chính thức sẽ được ` +
            `ghi vào trang mới "${name}" và tiện ích chuyển sang dùng trang đó. Tiếp tục?`,
        },
      };
    }
    const target = existing && !occupied ? existing : ss.insertSheet(name);
    const cells = criteriaGrid(imported);
    const width = cells[0].length;
    if (target.getMaxColumns() < width + 8)
      target.insertColumnsAfter(target.getMaxColumns(), width + 8 - target.getMaxColumns());
    if (target.getMaxRows() < cells.length + 20)
      target.insertRowsAfter(target.getMaxRows(), cells.length + 20 - target.getMaxRows());
    // The code column is text first, so "1.10" stays "1.10"; every other text is written as text.
    target.getRange(1, 1, cells.length, 1).setNumberFormat('@');
    target
      .getRange(1, 1, cells.length, width)
      .setValues(
        cells.map((row, r) => row.map((v, c) => (c === 0 || r === 0 ? v : asTextCell(v as CellValue)))),
      );
    target.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#d9d9d9').setWrap(true);
    if (cells.length > 1) {
      target.getRange(2, 2, cells.length - 1, 1).setWrap(true);
      target.getRange(2, 5, cells.length - 1, 2).setWrap(true);
      target
        .getRange(2, 1, cells.length - 1, width)
        .setBackgrounds(
          imported.rows.map((r) => new Array(width).fill(r.review !== '' ? REVIEW_BACKGROUND : null)),
        );
    }
    target.setFrozenRows(1);
    return {
      done: true,
      target: target.getName(),
      counts: importCounts(imported.rows),
      notes: imported.notes,
    };
  });
  if (!written.done) return { result: written.result, state: null };
  const state = attachSheet(written.target, now);
  const c = written.counts;
  const summary =
    `Đã nhập ${c.leaves} tiêu chí vào trang "${written.target}": ${c.confident} đọc được cách chấm, ` +
    `${c.review} cần xem lại (tô màu cam; cột "Cần xem lại" và bảng điều khiển → Dữ liệu).`;
  const message = [summary, ...written.notes, state.ok ? '' : state.message]
    .filter((s) => s !== '')
    .join(' ');
  return { result: { ok: state.ok, message }, state };
}
