// Shared set-up for the criteria-sheet tests: a stand-in installed on globalThis with the real custom
// functions (from src/functions) registered, plus helpers to fill a sheet and to snapshot everything a
// user could see or lose (values, formulas, formats, notes, validations, CF rules, widths, frozen rows).
import { createStandIn, type StandIn } from '../../local/gas/index';
import type { StandInSheet } from '../../local/gas/spreadsheet/sheet';
import {
  cchcAtStake,
  cchcClass,
  cchcIndex,
  cchcMax,
  cchcOutputs,
  cchcPoints,
  cchcReason,
  cchcScore,
  cchcStatus,
  cchcSummary,
  cchcTotal,
} from '../../src/functions';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { CellValue } from '../../src/core/types';

/** The process's own zone: the core reads calendar dates with local getters, the stand-in writes them in its zone. */
export const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** 15 June 2024, 10:00 local. */
export const NOW = new Date(2024, 5, 15, 10, 0, 0);

export function env(options: { now?: Date } = {}): StandIn {
  const now = options.now ?? NOW;
  const standIn = createStandIn({ now: () => now, timeZone: TZ });
  standIn.install(globalThis);
  standIn.setCustomFunctions({
    CCHC_SCORE: cchcScore as never,
    CCHC_POINTS: cchcPoints as never,
    CCHC_STATUS: cchcStatus as never,
    CCHC_REASON: cchcReason as never,
    CCHC_TOTAL: cchcTotal as never,
    CCHC_MAX: cchcMax as never,
    CCHC_INDEX: cchcIndex as never,
    CCHC_CLASS: cchcClass as never,
    CCHC_AT_STAKE: cchcAtStake as never,
    CCHC_OUTPUTS: cchcOutputs as never,
    CCHC_SUMMARY: cchcSummary as never,
  });
  return standIn;
}

/** Stores settings without counting calls. */
export function seedSettings(standIn: StandIn, patch: Record<string, unknown>): void {
  standIn.properties.document.set('cchc.settings', JSON.stringify({ ...DEFAULT_SETTINGS, ...patch }));
}

export function internalSheet(standIn: StandIn, name: string): StandInSheet {
  const sheet = standIn.spreadsheet.sheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function plain(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Date]') return `date:${(v as Date).toISOString()}`;
  if (v && typeof v === 'object' && 'spec' in (v as object)) return plain((v as { spec: unknown }).spec);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b))) {
      if (k === 'ctx') continue;
      if (k === 'ranges') out[k] = (x as { getA1Notation(): string }[]).map((r) => r.getA1Notation());
      else out[k] = plain(x);
    }
    return out;
  }
  return v;
}

/** Everything stored in a sheet (computed results left out), as comparable JSON. */
export function snapshot(standIn: StandIn, name: string): string {
  const sheet = internalSheet(standIn, name);
  const cells: Record<string, unknown> = {};
  sheet.grid.forEach((cell, row, column) => {
    const { result, error, spilledFrom, ...stored } = cell;
    void result;
    void error;
    void spilledFrom;
    const kept = Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined && v !== ''));
    if (Object.keys(kept).length) cells[`${row}:${column}`] = plain(kept);
  });
  return JSON.stringify({
    cells,
    rules: sheet.rules.map((r) => plain(r.spec)),
    widths: [...sheet.columnWidths],
    frozenRows: sheet.frozenRows,
    maxRows: sheet.grid.maxRows,
    maxColumns: sheet.grid.maxColumns,
  });
}

/** Values and formulas of every cell in the given columns (1-based), rows 1..lastRow. */
export function columnsContent(standIn: StandIn, name: string, columns: number[], lastRow: number): string {
  const sheet = internalSheet(standIn, name);
  const out: unknown[] = [];
  for (let r = 1; r <= lastRow; r++) {
    for (const c of columns) {
      const cell = sheet.grid.get(r, c);
      out.push([r, c, plain(cell?.value ?? ''), cell?.formula ?? '']);
    }
  }
  return JSON.stringify(out);
}

/** Writes a grid of values at A1 (strings typed as a user would). */
export function fill(
  standIn: StandIn,
  name: string,
  values: CellValue[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  const width = Math.max(...values.map((r) => r.length));
  const rows = values.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  if (sheet.getMaxRows() < rows.length + 50)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 50 - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  return sheet;
}

// ── A filled sample and the check that the sheet's live formulas agree with the core ──

import { evaluate } from '../../src/core/evaluate';
import { statusLabel } from '../../src/core/vocabulary';
import { pointsCell } from '../../src/functions/points';
import { reasonText } from '../../src/functions/reason';
import { readTable } from '../../src/sheets/table';
import { BLOCK_LABELS } from '../../src/sheets/summaryBlock';
import type { Evaluation } from '../../src/core/types';

/** Results a commune might have typed by mid-year: code → [actual, evidence]. */
export const SAMPLE_RESULTS: Record<string, [CellValue, CellValue]> = {
  '1.1.1': ['25/01/2024', 'KH số 12/KH-UBND'],
  '1.1.2': ['85%', 'Báo cáo 6 tháng'],
  '1.2': ['Trễ hạn', ''],
  '1.4': [4, 'Tin bài trên trang TTĐT'],
  '1.5': [2, ''],
  '2.1': ['Không áp dụng', ''],
  '2.2.1': ['Đúng hạn', 'KH 05'],
  '2.3.3': ['Có', 'QĐ công nhận'],
  '2.5': [0.7, ''],
  '3.1.1': [0, 'Ảnh chụp'],
  '3.3.1': ['96%', 'Hệ thống'],
  '3.4.1': ['40%', 'Hệ thống'],
  '3.4.2': [0.35, 'Hệ thống'],
  '5.1': [1, ''],
  '6.2': ['0,92', 'Báo cáo KBNN'],
  '7.3': [5, ''],
  '8.1': ['88%', 'Kết quả SIPAS'],
  '+': [1, 'Bằng khen'],
  '-': [0.5, ''],
};

/** Types the sample results into the criteria tab (as a user would). */
export function typeResults(standIn: StandIn, name = 'Tiêu chí', results = SAMPLE_RESULTS): void {
  const sheet = standIn.sheet(name);
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  const { columns } = read.layout;
  for (const row of read.rows) {
    const r = results[String(row.code)];
    if (!r) continue;
    sheet.getRange(row.row, columns.actual!).setValue(r[0]);
    if (columns.evidence) sheet.getRange(row.row, columns.evidence).setValue(r[1]);
  }
}

/** Asserts every output cell and every block figure equals what evaluate() computes; returns the evaluation. */
export function expectSheetMatchesCore(
  standIn: StandIn,
  name: string,
  today: Date,
  expectFn: (actual: unknown) => {
    toEqual(v: unknown): void;
    toBeCloseTo(v: number, d?: number): void;
    toBe(v: unknown): void;
  },
): Evaluation {
  standIn.recalculate();
  const sheet = standIn.sheet(name);
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  const { columns } = read.layout;
  const evaluation = evaluate(read.rows, {
    today: new Date(today.getFullYear(), today.getMonth(), today.getDate()),
    nearDeadlineDays: 14,
    bands: DEFAULT_SETTINGS.bands,
  });
  const values = sheet.getDataRange().getValues();
  const got = evaluation.rows.map((r) => ({
    row: r.row,
    score: values[r.row - 1][columns.score! - 1],
    status: values[r.row - 1][columns.status! - 1],
  }));
  const want = evaluation.rows.map((r) => ({
    row: r.row,
    score: pointsCell(r),
    status: statusLabel(r.status, r.risks),
  }));
  expectFn(got).toEqual(want);
  expectFn(evaluation.rows.map((r) => values[r.row - 1][columns.reason! - 1])).toEqual(
    evaluation.rows.map(reasonText),
  );
  const block = (label: string): CellValue => {
    for (const row of values) {
      const c = row.indexOf(label);
      if (c >= 0) return row[c + 1];
    }
    throw new Error(`no block label ${label}`);
  };
  expectFn(block(BLOCK_LABELS.total) as number).toBeCloseTo(evaluation.total, 9);
  expectFn(block(BLOCK_LABELS.applicableMax) as number).toBeCloseTo(evaluation.applicableMax, 9);
  expectFn(block(BLOCK_LABELS.index) as number).toBeCloseTo(evaluation.index ?? NaN, 9);
  expectFn(block(BLOCK_LABELS.classification)).toBe(evaluation.classification);
  for (const area of evaluation.areas) {
    const line = values.find((row) =>
      row.some((v) => typeof v === 'string' && v.startsWith(`${area.code}. `)),
    )!;
    const c = line.findIndex((v) => typeof v === 'string' && v.startsWith(`${area.code}. `));
    expectFn([line[c + 1], line[c + 2]]).toEqual([area.score, area.max]);
  }
  return evaluation;
}
