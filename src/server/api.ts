// Payloads exchanged between the sidebar (src/ui) and the server functions (src/index.ts `sidebar*`).
// Types only: the UI bundle imports this file, so it must hold no runtime code that touches Apps Script.
// google.script.run cannot carry Date values: every date here is an ISO string (yyyy-mm-dd or full ISO).
import type { Settings, FieldError } from '../core/settings';
import type { ColumnKey, NextClass, RiskKind, RowStatus } from '../core/types';
import type { ImportReviewItem } from '../sheets/importReview';

export type { ImportReviewItem };

export interface AreaBar {
  code: string;
  title: string;
  score: number;
  max: number;
  /** 0–100, or null when the area has no applicable maximum. */
  percent: number | null;
}

export interface Dashboard {
  communeName: string;
  year: number;
  /** yyyy-mm-dd: the date deadlines are judged against. */
  asOf: string;
  total: number;
  applicableMax: number;
  /** 0–100, or null when nothing is applicable. */
  indexPercent: number | null;
  classification: string;
  nextClass: NextClass | null;
  /** Change since the last monthly snapshot in the history tab, or null when there is none. */
  sinceSnapshot: { date: string; totalDelta: number; indexPercentDelta: number | null } | null;
  areas: AreaBar[];
  /**
   * The index by the latest appraisal that has figures, beside the computed one (never in its place), with
   * its round's label ("thẩm định lần 1"); null without appraisal figures (src/core/roundScores.ts).
   */
  appraised?: { label: string; total: number; indexPercent: number | null } | null;
}

export interface AtRiskItem {
  row: number;
  code: string;
  title: string;
  sector: string;
  status: RowStatus;
  risks: RiskKind[];
  reasons: string[];
  pointsAtStake: number;
  deadline: string | null;
  /**
   * Giải pháp, Người thực hiện (text, null when blank) and Hạn khắc phục (yyyy-mm-dd, null when blank or
   * unreadable): each absent when the table has no such column.
   */
  solution?: string | null;
  solutionOwner?: string | null;
  solutionDue?: string | null;
}

export interface ProblemItem {
  row: number | null;
  column: ColumnKey | null;
  /** The header text of the column as it is in the sheet, e.g. "Kết quả". */
  columnHeader: string | null;
  /** A1 address of the cell, e.g. "F12", when row and column are known. */
  a1: string | null;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

export interface ScheduleState {
  enabled: boolean;
  day: number;
  hour: number;
  /** "2026-11" of the last month whose summary was sent, or null. */
  lastSentMonth: string | null;
  /** Recipients skipped in the last send because the daily quota ran out. */
  lastSkipped: string[];
  /** "Lần chạy tự động gần nhất": the daily trigger's latest run, or null when there is none to show. */
  lastTick: TickView | null;
  /** Set when the record of a month's send cannot be read: automatic sending stopped, and why. */
  progressWarning: string | null;
}

/** The daily trigger's latest run as the sidebar shows it (red when !ok or stale). */
export interface TickView {
  /** ISO instant of the run; null when no run happened since the schedule was turned on. */
  at: string | null;
  /** dd/MM/yyyy HH:mm in the script's time zone. */
  atText: string | null;
  ok: boolean;
  /** The schedule is on and no run happened for two days. */
  stale: boolean;
  /** Vietnamese: what ran, or why it failed, and what to do. */
  message: string;
}

export interface SidebarData {
  language: 'vi' | 'en';
  /** False when no criteria table was found; `sheetMessage` then says why and set-up is offered. */
  sheetFound: boolean;
  sheetMessage: string | null;
  sheetName: string;
  dashboard: Dashboard | null;
  atRisk: AtRiskItem[];
  problems: ProblemItem[];
  settings: Settings;
  /** Set when stored settings were corrupt and defaults are in use. */
  settingsWarning: string | null;
  schedule: ScheduleState;
  /** Sector names found in the table, for the at-risk filter. */
  sectorsInSheet: string[];
  /**
   * Names of the spreadsheet's tabs, for "attach to an existing tab": listed when no criteria table was found
   * (the only view that offers attaching), empty otherwise (listing costs one call per tab).
   */
  sheetNames: string[];
  /** Rows an import of the official set marked "Cần xem lại": prose and proposed rule side by side. */
  importReview: ImportReviewItem[];
  /**
   * The province workbook's state when this spreadsheet has its "Danh sách xã" tab and no criteria table
   * (the card is in the no-table view), else null.
   */
  province: ProvinceView | null;
  /** The rounds someone unlocked (round → its date then), for the rounds card (src/ui/roundsView.ts). */
  roundsUnlocked: Record<string, string>;
  /** Today (yyyy-MM-dd) in the script's time zone: the sidebar judges rounds and "this month" by the
   * server's calendar, never by the computer's clock (they differ for hours around midnight). */
  today: string;
}

/** What the sidebar's province card shows (src/server/provinceView.ts). */
export interface ProvinceView {
  /** False until "Thiết lập bảng tổng hợp tỉnh/xã" has written the ranking tabs. */
  built: boolean;
  /** Communes listed in "Danh sách xã". */
  communes: number;
  /** Of which ranked (their state starts with OK; an old export version included). */
  ready: number;
  /** The communes left out, with the reason their state gives (at most 20). */
  waiting: { name: string; state: string }[];
  /** yyyy-MM of the last month whose province email reached everyone, or null. */
  emailMonth: string | null;
}

/** What every action reports: ok or not, and a message for the user. */
export interface Outcome {
  ok: boolean;
  /** Vietnamese (or English) text to show the user. */
  message: string;
}

/**
 * The one result of every action the menu or the sidebar runs (see src/server/result.ts for the one
 * error→result policy): expected failures (no table, lock busy, invalid settings) come back as ok: false.
 */
export interface ActionResult extends Outcome {
  /** Fresh sidebar data after the action, when it changed anything shown. */
  data?: SidebarData;
  /** Settings fields that failed validation (saving settings only). */
  errors?: FieldError[];
  /** The monthly emails as they would be sent now (the email preview only). */
  preview?: EmailPreview;
  /** The import of the official set asks first: the criteria tab has content (nothing was written). */
  needsConfirm?: boolean;
}

export interface EmailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** For sector emails: the sector name; null for the leadership email. */
  sector: string | null;
}

export interface EmailPreview {
  leadership: EmailMessage;
  sectors: EmailMessage[];
}
