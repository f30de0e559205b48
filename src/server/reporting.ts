// Use cases behind the report tab, the history snapshot and the email preview: read settings and the
// criteria table, evaluate, build the report model. Writes take the document lock; the preview only reads.
import { evaluate } from '../core/evaluate';
import type { Settings } from '../core/settings';
import {
  buildReportModel,
  previousMonthSnapshot,
  snapshotForMonth,
  snapshotOf,
  type ReportModel,
  type Snapshot,
} from '../core/summary';
import { sheetLinks, type SheetLinks } from '../core/sheetLinks';
import type { ColumnKey, Evaluation } from '../core/types';
import { TERMS } from '../core/vocabulary';
import { composeMonthlyEmails, type MonthlyEmails } from '../mail/render';
import { appendSnapshot, historySheet, readSnapshots, HISTORY_SHEET } from '../sheets/history';
import { isLegacyReport, reportLayout, REPORT_SHEET, writeReport } from '../sheets/report';
import { ownTabPlace, tabList } from '../sheets/tabs';
import { columnLetter } from '../sheets/headers';
import type { TableLayout } from '../sheets/table';
import { calendarDate, localTime, sheetAsOfIso, type LocalTime } from './clock';
import { locateCriteria } from './criteriaTab';
import { UserError } from './result';
import { withDocumentLock } from './locks';
import { loadSettings } from './settingsStore';

export interface LoadedDocument {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Settings;
  settingsWarning: string | null;
  /** The tab the table was read from, and where the table sits on it. */
  criteriaSheetName: string;
  criteriaSheet: GoogleAppsScript.Spreadsheet.Sheet;
  layout: TableLayout;
  evaluation: Evaluation;
  model: ReportModel;
  snapshots: Snapshot[];
  time: LocalTime;
}

/** Reads settings, the criteria table (found as recompute finds it) and the history; evaluates as of `now`. */
export function loadDocument(now: Date): LoadedDocument {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError('Không mở được bảng tính.');
  const { settings, warning } = loadSettings();
  const located = locateCriteria(ss, settings, false);
  if (!located.ok) throw new UserError(located.message);
  const time = localTime(now);
  // The as-of policy (clock.ts): the tab's own as-of cell, as the sheet's formulas read it.
  const asOf = sheetAsOfIso(located.read.grid, located.read.layout, now, () => ss.getSpreadsheetTimeZone());
  const evaluation = evaluate(located.read.rows, {
    today: calendarDate(asOf),
    nearDeadlineDays: settings.nearDeadlineDays,
    bands: settings.bands,
    pointsDecimals: settings.pointsDecimals,
  });
  const model = buildReportModel(evaluation, {
    rows: located.read.rows,
    communeName: settings.communeName,
    year: settings.year,
    sectors: settings.sectors,
    asOf,
    generatedAt: time.stamp,
  });
  return {
    ss,
    settings,
    settingsWarning: warning,
    criteriaSheetName: located.name,
    criteriaSheet: located.sheet,
    layout: located.read.layout,
    evaluation,
    model,
    snapshots: readSnapshots(ss, historySheet(ss, tabList(ss), located.name)),
    time,
  };
}

/** Generates (replaces) the report tab. Returns the Vietnamese result message. */
export function generateReport(now: Date = new Date()): string {
  return withDocumentLock(() => {
    const doc = loadDocument(now);
    const place = ownTabPlace(tabList(doc.ss), 'report', REPORT_SHEET, {
      legacy: isLegacyReport,
      exclude: doc.criteriaSheetName,
    });
    const name = writeReport(doc.ss, reportLayout(doc.model, doc.snapshots), place).getName();
    const risk = doc.model.atRisk.length;
    return (
      displacedNote(REPORT_SHEET, name, place.displaced) +
      `Đã lập trang "${name}" (tính đến ${doc.time.stamp}): ${risk} ${TERMS.actionList.vi.toLowerCase()}.` +
      (doc.model.errorCount > 0 ? ` Bảng còn ${doc.model.errorCount} ô dữ liệu lỗi.` : '')
    );
  });
}

/** Says that a commune's own tab holds the usual name, so the add-in wrote to another tab. */
function displacedNote(usual: string, used: string, displaced: boolean): string {
  return displaced
    ? `Trang "${usual}" là trang riêng của xã nên được giữ nguyên; tiện ích ghi vào trang "${used}". `
    : '';
}

export interface SnapshotResult {
  /** The row written, or null when `onlyIfMissing` found this month already recorded. */
  row: number | null;
  snapshot: Snapshot;
  message: string;
}

/**
 * Appends a snapshot of now to the history tab. The caller holds the document lock. With `onlyIfMissing`
 * (the monthly run) nothing is written when this month already has a row; on demand always appends.
 */
export function snapshotLocked(doc: LoadedDocument, onlyIfMissing: boolean): SnapshotResult {
  const snapshot = snapshotOf(doc.model, doc.time.date);
  const existing = snapshotForMonth(doc.snapshots, doc.time.month);
  if (onlyIfMissing && existing) {
    return {
      row: null,
      snapshot: existing,
      message: `Tháng ${doc.time.month} đã có số liệu trong trang "${HISTORY_SHEET}".`,
    };
  }
  const written = appendSnapshot(doc.ss, snapshot, doc.criteriaSheetName);
  doc.snapshots.push(snapshot);
  return {
    row: written.row,
    snapshot,
    message:
      displacedNote(HISTORY_SHEET, written.sheetName, written.displaced) +
      `Đã lưu số liệu ngày ${doc.time.stamp.slice(0, 10)} vào trang "${written.sheetName}" (dòng ${written.row}).`,
  };
}

/** On-demand snapshot (menu / sidebar). */
export function snapshotNow(now: Date = new Date()): SnapshotResult {
  return withDocumentLock(() => snapshotLocked(loadDocument(now), false));
}

/** The month's emails for a loaded document: "change since last month" compares with an earlier month. */
export function monthlyEmailsOf(doc: LoadedDocument): MonthlyEmails {
  const current = snapshotOf(doc.model, doc.time.date);
  return composeMonthlyEmails(doc.model, {
    month: doc.time.month,
    leadership: doc.settings.leadership,
    previous: previousMonthSnapshot(doc.snapshots, doc.time.month),
    current,
    links: linksOf(doc),
  });
}

/** Links from the emails back to the spreadsheet, the criteria tab and each row of the table. */
function linksOf(doc: LoadedDocument): SheetLinks {
  const { columns, lastHeaderColumn } = doc.layout;
  const letters: SheetLinks['columns'] = {};
  for (const [key, c] of Object.entries(columns)) letters[key as ColumnKey] = columnLetter(c);
  return sheetLinks(
    doc.ss.getId(),
    doc.criteriaSheet.getSheetId(),
    doc.criteriaSheetName,
    columnLetter(lastHeaderColumn),
    letters,
  );
}

/** The emails that would be sent now (sidebar preview, demo). Reads only: no lock, nothing written. */
export function previewEmails(now: Date = new Date()): MonthlyEmails {
  return monthlyEmailsOf(loadDocument(now));
}
