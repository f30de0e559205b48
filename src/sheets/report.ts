// The report tab: generated on demand from the report model, replaced each time (the old tab is deleted and
// a fresh one inserted, so no stale chart, merge or format survives), never touching the criteria tab.
// Layout is a pure function (reportLayout) so tests check contents without a spreadsheet; writeReport puts
// it in the sheet with one setValues and a handful of format calls per section.
//
// Printing: Apps Script has no page-setup API for sheets (paper size, orientation, margins, fit-to-width
// live only in File → Print). What can be done is done: six columns whose widths add up to ~650 px (the
// printable width of A4 portrait at 100% with normal margins), wrapped text in the long columns, the title
// rows frozen (Sheets repeats frozen rows on every printed page), and a note in row 4 saying which print
// options to pick.
import {
  communeLabel,
  monthlySnapshots,
  NO_INDEX_TEXT,
  NO_RISK_TEXT,
  round,
  sectorsLabel,
  sectorTable,
  type ReportModel,
  type Snapshot,
} from '../core/summary';
import { figureOf, type RoundFigure, type RoundScores } from '../core/roundScores';
import { asTextCell } from './cellText';
import { markOwnTab, type OwnTabPlace } from './tabs';
import { TERMS } from '../core/vocabulary';
import { formatDate, formatMonth, formatNumber, formatPoints as points } from '../core/format';

// This text is Vietnamese: the formatting module with 'vi'.
const formatPoints = (n: number): string => points('vi', n);
/** A band's minimum: "80%". */
const bandMin = (min: number): string => `${formatNumber('vi', min)}%`;

export { asTextCell };

/** Usual name of the report tab (a free name such as `Báo cáo (CCHC)` when a commune's own tab holds it). */
export const REPORT_SHEET = 'Báo cáo';
/** The first line of every report: how a report written before tabs were marked is recognised. */
export const REPORT_TITLE = 'BÁO CÁO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH';

/** Column widths in pixels (A–F), ~650 px in all: A4 portrait printable width. */
export const REPORT_COLUMN_WIDTHS = [48, 232, 92, 78, 78, 122];
const WIDTH = REPORT_COLUMN_WIDTHS.length;
/** Rows frozen at the top (title, commune, date): repeated on every printed page. */
export const REPORT_FROZEN_ROWS = 3;

export const PRINT_NOTE =
  'Để in: Tệp → In → Khổ giấy A4, Hướng Dọc, Tỷ lệ "Vừa với chiều rộng" (Apps Script không đặt được các tùy chọn này).';

export type ReportCell = string | number;

export type SectionKind = 'overview' | 'areas' | 'rounds' | 'sectors' | 'atRisk' | 'path' | 'trend';

export interface ReportSection {
  kind: SectionKind;
  /** 1-based row of the section title. */
  titleRow: number;
  /** 1-based row of the table header, or null for key/value sections. */
  headerRow: number | null;
  /** First and last 1-based data rows (last < first when there are none). */
  firstRow: number;
  lastRow: number;
}

export interface NumberFormatSpec {
  row: number;
  col: number;
  rows: number;
  cols: number;
  format: string;
}

export interface ReportLayout {
  /** rows × WIDTH; strings are the user-visible text (not yet protected against formulas). */
  values: ReportCell[][];
  sections: ReportSection[];
  numberFormats: NumberFormatSpec[];
  /** Rows holding a sentence spanning the width (notes, intros): wrapped and merged across A–F. */
  noteRows: number[];
  /** The trend table's data range (month label in column B, index in C) for the chart, or null. */
  trend: { firstRow: number; lastRow: number } | null;
  /** 1-based row where the chart is anchored (below the last row). */
  chartRow: number;
}

const POINTS = '0.##';
const TITLE_COLOR = '#1a3d6d';
const NOTE_COLOR = '#4b5563';
/** The summary block's format: 72,19%. */
const PERCENT = '0.00%';

/** Lays the report out in six columns. Pure. */
export function reportLayout(m: ReportModel, snapshots: Snapshot[]): ReportLayout {
  const values: ReportCell[][] = [];
  const sections: ReportSection[] = [];
  const numberFormats: NumberFormatSpec[] = [];
  const noteRows: number[] = [];
  const push = (...cells: ReportCell[]): number => {
    const row = cells.slice(0, WIDTH);
    while (row.length < WIDTH) row.push('');
    values.push(row);
    return values.length;
  };
  const note = (text: string): number => {
    const r = push(text);
    noteRows.push(r);
    return r;
  };
  const fmt = (row: number, col: number, rows: number, cols: number, format: string) => {
    if (rows > 0) numberFormats.push({ row, col, rows, cols, format });
  };
  const section = (kind: SectionKind, title: string, header: ReportCell[] | null, body: () => void) => {
    push('');
    const titleRow = push(title);
    const headerRow = header ? push(...header) : null;
    const firstRow = values.length + 1;
    body();
    sections.push({ kind, titleRow, headerRow, firstRow, lastRow: values.length });
  };

  push(REPORT_TITLE);
  push(`${communeLabel(m)} – năm ${m.year}`);
  push(`Tính đến ngày ${formatDate(m.asOf)} · Lập lúc ${m.generatedAt}`);
  note(PRINT_NOTE);

  section('overview', 'Tổng quan', null, () => {
    const first = values.length + 1;
    push('', 'Tổng điểm', m.total);
    push('', TERMS.applicableMax.vi, m.applicableMax);
    fmt(first, 3, 2, 1, POINTS);
    const idx = push('', 'Chỉ số', m.indexPercent == null ? '—' : m.indexPercent / 100);
    if (m.indexPercent != null) fmt(idx, 3, 1, 1, PERCENT);
    // The appraised index beside the computed one, labelled with its round (issue 14), never in its place.
    const a = m.rounds?.appraised;
    if (a) {
      const r = push('', `Chỉ số theo ${a.label}`, a.indexPercent == null ? '—' : a.indexPercent / 100);
      if (a.indexPercent != null) fmt(r, 3, 1, 1, PERCENT);
      fmt(push('', `Tổng điểm theo ${a.label}`, a.total), 3, 1, 1, POINTS);
    }
    push('', 'Xếp loại', m.classification || '—');
    if (m.nextClass) {
      push('', 'Mức tiếp theo', `${m.nextClass.label} (từ ${bandMin(m.nextClass.minPercent)})`);
      const gap = push('', 'Còn thiếu (điểm)', m.nextClass.gapPoints);
      fmt(gap, 3, 1, 1, POINTS);
    } else {
      push('', 'Mức tiếp theo', m.indexPercent == null ? '—' : 'Đã ở mức cao nhất');
    }
    // Only the ones that apply (no "Điểm trừ 0" row when nothing was deducted).
    if (round(m.bonus) > 0) fmt(push('', 'Điểm thưởng', m.bonus), 3, 1, 1, POINTS);
    // A deduction is shown negative, as the emails write it (−0,5).
    if (round(m.penalty) > 0) fmt(push('', 'Điểm trừ', -m.penalty), 3, 1, 1, POINTS);
    push('', TERMS.actionList.vi, m.atRisk.length);
    if (m.errorCount > 0) push('', 'Ô dữ liệu lỗi cần sửa', m.errorCount);
  });

  section('areas', 'Theo lĩnh vực', ['Mã', 'Lĩnh vực', 'Điểm', TERMS.applicableMax.vi, 'Tỷ lệ', ''], () => {
    const first = values.length + 1;
    for (const a of m.areas) push(a.code, a.title, a.score, a.max, a.percent == null ? '—' : a.percent / 100);
    fmt(first, 3, m.areas.length, 2, POINTS);
    fmt(first, 5, m.areas.length, 1, PERCENT);
  });

  if (m.rounds) roundsSection(m.rounds, section, push, fmt, note);

  const sectorRows = sectorTable(m);
  section(
    'sectors',
    'Theo ngành',
    ['Ngành', 'Số tiêu chí', 'Điểm đạt', TERMS.applicableMax.vi, TERMS.pointsAtStake.vi, 'Cần xử lý'],
    () => {
      const first = values.length + 1;
      for (const s of sectorRows) push(s.name, s.owned, s.secured, s.applicableMax, s.atStake, s.atRiskCount);
      fmt(first, 3, values.length + 1 - first, 3, POINTS);
    },
  );
  if (sectorRows.length === 0) note('Chưa có tiêu chí nào ghi ngành phụ trách.');
  else note('Tiêu chí do nhiều ngành (hoặc "tất cả các ngành") phụ trách được tính đủ cho từng ngành.');
  if (m.unknownSectors.length > 0) {
    note(`Ngành chưa có trong danh bạ (không gửi thư được): ${m.unknownSectors.join(', ')}.`);
  }

  section(
    'atRisk',
    TERMS.actionList.vi,
    ['Mã', 'Tiêu chí', 'Ngành', TERMS.pointsAtStake.vi, 'Hạn', 'Lý do'],
    () => {
      const first = values.length + 1;
      for (const l of m.atRisk) {
        push(
          l.code,
          `${l.title} (${l.statusLabel})`,
          sectorsLabel(l),
          l.pointsAtStake,
          formatDate(l.deadline) || '—',
          l.reasons.join('; '),
        );
      }
      fmt(first, 4, m.atRisk.length, 1, POINTS);
    },
  );
  if (m.atRisk.length === 0) note(NO_RISK_TEXT);

  const p = m.path;
  const pathTitle = p
    ? `Lộ trình lên mức ${p.target.label} (cần thêm ${formatPoints(p.target.gapPoints)} điểm)`
    : 'Lộ trình lên mức xếp loại tiếp theo';
  section(
    'path',
    pathTitle,
    p && p.steps.length > 0
      ? ['#', 'Tiêu chí', 'Ngành', 'Điểm gỡ được', 'Hạn', 'Tổng điểm sau khi gỡ']
      : null,
    () => {
      if (!p || p.steps.length === 0) return;
      const first = values.length + 1;
      p.steps.forEach((s, i) =>
        push(
          i + 1,
          `${s.line.code} ${s.line.title}`,
          sectorsLabel(s.line),
          s.line.recoverable,
          formatDate(s.line.deadline) || '—',
          s.cumulativeTotal,
        ),
      );
      fmt(first, 4, p.steps.length, 1, POINTS);
      fmt(first, 6, p.steps.length, 1, POINTS);
    },
  );
  if (!p) note(m.indexPercent == null ? NO_INDEX_TEXT : 'Xã đang ở mức xếp loại cao nhất.');
  else if (p.steps.length === 0) note('Không có tiêu chí cần xử lý nào có thể gỡ điểm.');
  else if (p.reachable)
    note(`Khắc phục ${p.steps.length} tiêu chí trên (theo thứ tự) là đủ để lên mức ${p.target.label}.`);
  else
    note(
      `Kể cả khắc phục cả ${p.steps.length} tiêu chí trên vẫn còn thiếu ${formatPoints(p.shortfall)} điểm.`,
    );

  const points = monthlySnapshots(snapshots);
  let trend: ReportLayout['trend'] = null;
  section(
    'trend',
    'Diễn biến chỉ số theo tháng',
    points.length > 0 ? ['', 'Tháng', 'Chỉ số', 'Tổng điểm', 'Xếp loại', ''] : null,
    () => {
      const first = values.length + 1;
      for (const s of points) {
        push(
          '',
          formatMonth(s.month),
          s.indexPercent == null ? '' : round(s.indexPercent / 100, 6),
          s.total,
          s.classification,
        );
      }
      fmt(first, 3, points.length, 1, PERCENT);
      fmt(first, 4, points.length, 1, POINTS);
      if (points.length > 0) trend = { firstRow: first, lastRow: values.length };
    },
  );
  if (points.length === 0)
    note('Chưa có số liệu lịch sử: biểu đồ xuất hiện sau lần lưu số liệu tháng đầu tiên.');

  return { values, sections, numberFormats, noteRows, trend, chartRow: values.length + 2 };
}

/** Column headers of the rounds' figures in the report. */
const FIGURE_HEADERS: Record<RoundFigure, string> = {
  points: 'Điểm tính',
  selfScore: 'Tự chấm',
  appraisal1: 'Thẩm định lần 1',
  appraisal2: 'Thẩm định lần 2',
  appraised: 'Thẩm định',
};

/** Column B of the line under a criterion's figures that holds its differences. */
export const DIFFERENCE_LABEL = 'Chênh lệch so với vòng trước';
/** How a figure that cannot be used shows, after the text as typed. */
export const INVALID_MARK = ' (lỗi)';

/**
 * "Điểm theo vòng": each criterion with a typed figure, the computed points and every round's figure side by
 * side, and under them a line with the differences between consecutive rounds (roundSteps: lần 1 − tự chấm,
 * lần 2 − lần 1…), each under the later round's column; then the totals. Four figures fit a line beside the
 * code and title (six columns, A4): a fifth continues on the next line, never dropped. All figures and
 * differences come from core (roundScores), computed once.
 */
function roundsSection(
  r: RoundScores,
  section: (kind: SectionKind, title: string, header: ReportCell[] | null, body: () => void) => void,
  push: (...cells: ReportCell[]) => number,
  fmt: (row: number, col: number, rows: number, cols: number, format: string) => void,
  note: (text: string) => number,
): void {
  const per = WIDTH - 2;
  const figures: RoundFigure[] = ['points', ...r.columns];
  const lines: RoundFigure[][] = [];
  for (let i = 0; i < figures.length; i += per) lines.push(figures.slice(i, i + per));
  const stepOf = new Map(r.steps.map((s, i) => [s.to as RoundFigure, i]));
  /** Points-formatted cells: one block per run of rows, the figure columns only. */
  const numbers = (row: number, cells: number) => fmt(row, 3, 1, cells, POINTS);
  const block = (
    code: ReportCell,
    title: ReportCell,
    figure: (f: RoundFigure) => ReportCell,
    difference: (i: number) => number | null,
  ) =>
    lines.forEach((line, k) => {
      numbers(push(k === 0 ? code : '', k === 0 ? title : '', ...line.map(figure)), line.length);
      const diffs = line.map((f) => (stepOf.has(f) ? difference(stepOf.get(f)!) : undefined));
      if (diffs.every((d) => d === undefined || d === null)) return;
      numbers(
        push('', DIFFERENCE_LABEL, ...diffs.map((d) => (d === undefined ? '' : (d ?? '—')))),
        line.length,
      );
    });
  section('rounds', 'Điểm theo vòng', ['Mã', 'Tiêu chí', ...lines[0].map((f) => FIGURE_HEADERS[f])], () => {
    for (const line of lines.slice(1)) push('', '', ...line.map((f) => FIGURE_HEADERS[f]));
    for (const x of r.rows) {
      block(
        x.code,
        x.title,
        (f) => {
          const v = figureOf(x, f);
          if (v !== null) return v;
          const bad = f === 'points' ? undefined : x.invalid[f];
          return bad === undefined ? '—' : `${bad}${INVALID_MARK}`;
        },
        (i) => x.differences[i],
      );
    }
    block(
      '',
      'Cộng',
      (f) => r.totals[f] ?? 0,
      (i) => r.differenceTotals[i],
    );
  });
  const steps = r.steps.map((s) => `${FIGURE_HEADERS[s.to]} − ${FIGURE_HEADERS[s.from]}`);
  note(
    (steps.length > 0
      ? `Dòng "${DIFFERENCE_LABEL}" dưới mỗi tiêu chí, đặt dưới cột của vòng sau: ${steps.join('; ')}; ` +
        'để trống ("—") khi một trong hai điểm trống hoặc không hợp lệ. '
      : '') +
      `Điểm không hợp lệ ghi kèm "${INVALID_MARK.trim()}" và không được cộng. ` +
      'Tổng điểm và chỉ số chính thức vẫn là số tính theo cách chấm.',
  );
}

/**
 * A report tab written by a version of the add-in that did not mark its tabs: its title in A1 and the print
 * note in A4, exactly as reportLayout writes them.
 */
export function isLegacyReport(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  const v = sheet.getRange(1, 1, 4, 1).getValues();
  return v[0][0] === REPORT_TITLE && v[3][0] === PRINT_NOTE;
}

/**
 * Writes the report into a fresh tab and returns it. `place` (from ownTabPlace) names the add-in's own
 * report tab, replaced in place, or the free name to create it under; no other tab is ever deleted.
 */
export function writeReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: ReportLayout,
  place: OwnTabPlace,
): GoogleAppsScript.Spreadsheet.Sheet {
  let index = ss.getSheets().length;
  if (place.sheet) {
    index = place.sheet.getIndex() - 1;
    ss.deleteSheet(place.sheet);
  }
  const sheet = ss.insertSheet(place.name, index);
  markOwnTab(sheet, 'report');
  const rows = layout.values.length;
  /** Row r across the six columns. */
  const wide = (r: number) => sheet.getRange(r, 1, 1, WIDTH);
  const heading = (r: number, size: number) =>
    wide(r).merge().setFontSize(size).setFontWeight('bold').setFontColor(TITLE_COLOR);

  sheet.getRange(1, 1, rows, WIDTH).setValues(layout.values.map((r) => r.map(asTextCell)));
  REPORT_COLUMN_WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet.getRange(1, 1, rows, WIDTH).setVerticalAlignment('top').setFontFamily('Arial').setFontSize(10);
  // Long text (titles, sector lists, reasons) wraps inside the A4 width instead of spilling.
  sheet.getRange(1, 2, rows, 2).setWrap(true);
  sheet.getRange(1, 6, rows, 1).setWrap(true);

  heading(1, 15);
  wide(2).merge().setFontSize(11).setFontWeight('bold');
  wide(3).merge().setFontColor(NOTE_COLOR);
  for (const r of layout.noteRows)
    wide(r).merge().setWrap(true).setFontStyle('italic').setFontColor(NOTE_COLOR);
  for (const s of layout.sections) {
    heading(s.titleRow, 12);
    if (s.headerRow != null) wide(s.headerRow).setFontWeight('bold').setBackground('#eef2f7').setWrap(true);
    if (s.kind === 'overview' && s.lastRow >= s.firstRow) {
      sheet.getRange(s.firstRow, 2, s.lastRow - s.firstRow + 1, 1).setFontWeight('bold');
    }
    const top = s.headerRow ?? s.firstRow;
    if (s.headerRow != null && s.lastRow >= top) {
      sheet
        .getRange(top, 1, s.lastRow - top + 1, WIDTH)
        .setBorder(true, true, true, true, true, true, '#d0d7de', null);
    }
  }
  for (const f of layout.numberFormats)
    sheet.getRange(f.row, f.col, f.rows, f.cols).setNumberFormat(f.format);
  sheet.setFrozenRows(REPORT_FROZEN_ROWS);

  if (layout.trend) {
    const { firstRow, lastRow } = layout.trend;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(firstRow - 1, 2, lastRow - firstRow + 2, 2))
      .setNumHeaders(1)
      .setPosition(layout.chartRow, 1, 0, 0)
      .setOption('title', 'Chỉ số CCHC theo tháng')
      .setOption('legend', { position: 'none' })
      .setOption('vAxis', { format: 'percent' })
      .setOption('width', 640)
      .setOption('height', 260)
      .build();
    sheet.insertChart(chart);
  }
  return sheet;
}
