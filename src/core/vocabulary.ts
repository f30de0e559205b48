// The add-in's one vocabulary: the status labels the sheet shows (and its conditional formats match), the
// column names, the not-applicable and error texts, the output functions with their argument order, and
// the names of the things every screen talks about. The highlight rules, the formula writer, the custom
// functions, the report, the emails and the sidebar's i18n all take their words from here, so a renamed
// label cannot silently stop rows being coloured, and no two places call one thing by two names.
import type { ColumnKey, InputColumn, OutputColumn, RiskKind, RowStatus } from './types';

// ── Status labels (Vietnamese always in the sheet: conditional formats match them) ──

/** The labels of the Trạng thái column. `overdue` is a losing row whose deadline passed. */
export const STATUS_LABELS = {
  losing: 'Mất điểm',
  overdue: 'Quá hạn',
  atRisk: 'Nguy cơ',
  secured: 'Đạt',
  notApplicable: 'Không áp dụng',
  /** A tracking row (max 0): scored 0, never at risk. */
  tracking: 'Theo dõi',
  error: 'Lỗi',
} as const;

export type StatusLabelKey = keyof typeof STATUS_LABELS;

/** The same labels in English (the sidebar's English option; the sheet keeps the Vietnamese ones). */
export const STATUS_LABELS_EN: Record<StatusLabelKey, string> = {
  losing: 'Losing points',
  overdue: 'Overdue',
  atRisk: 'At risk',
  secured: 'Secured',
  notApplicable: 'Not applicable',
  tracking: 'Tracking only',
  error: 'Error',
};

/** Which label a row shows: parents and empty rows show nothing. */
export function statusLabelKey(status: RowStatus, risks: readonly RiskKind[] = []): StatusLabelKey | null {
  if (status === 'parent' || status === 'empty') return null;
  return status === 'losing' && risks.includes('overdue') ? 'overdue' : status;
}

/** The label written in the sheet's status column (Vietnamese always; conditional formats match it). */
export function statusLabel(status: RowStatus, risks: readonly RiskKind[] = []): string {
  const key = statusLabelKey(status, risks);
  return key === null ? '' : STATUS_LABELS[key];
}

// ── Cell texts of the output columns ──

/** What a not-applicable row shows in Điểm (and what CCHC_SCORE returns for it). */
export const NOT_APPLICABLE_TEXT = STATUS_LABELS.notApplicable;
/** Prefix of a per-row error in a range call (design.md: the cell holds "Lỗi: <reason>"). */
export const ERROR_PREFIX = `${STATUS_LABELS.error}: `;

// ── Column names ──

/** The canonical header of each column, Vietnamese and English (header search accepts more aliases). */
export const COLUMN_NAMES: Record<ColumnKey, { vi: string; en: string }> = {
  code: { vi: 'Mã', en: 'Code' },
  title: { vi: 'Tiêu chí', en: 'Criterion' },
  max: { vi: 'Điểm tối đa', en: 'Max' },
  rule: { vi: 'Cách chấm', en: 'Rule' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  actual: { vi: 'Kết quả', en: 'Actual' },
  evidence: { vi: 'Minh chứng', en: 'Evidence' },
  sector: { vi: 'Ngành', en: 'Sector' },
  deadline: { vi: 'Hạn', en: 'Deadline' },
  notes: { vi: 'Giải trình', en: 'Notes' },
  appraised: { vi: 'Điểm thẩm định', en: 'Appraised' },
  selfScore: { vi: 'Điểm tự chấm', en: 'Self-score' },
  appraisal1: { vi: 'Điểm thẩm định lần 1', en: 'Appraisal 1' },
  appraisal2: { vi: 'Điểm thẩm định lần 2', en: 'Appraisal 2' },
  solution: { vi: 'Giải pháp', en: 'Solution' },
  solutionOwner: { vi: 'Người thực hiện', en: 'Assignee' },
  solutionDue: { vi: 'Hạn khắc phục', en: 'Fix by' },
  score: { vi: 'Điểm', en: 'Score' },
  status: { vi: 'Trạng thái', en: 'Status' },
  reason: { vi: 'Lý do', en: 'Reason' },
};

// ── Output functions and their argument order ──

/** A parameter of an output function: a table column, or a cell or list of the summary block / set-up. */
export type OutputParameter = InputColumn | 'asOf' | 'nearDays' | 'columns' | 'bands' | 'decimals';

/**
 * The custom functions the add-in writes into the sheet, with their parameters in order: CCHC_OUTPUTS fills
 * Điểm, Trạng thái and Lý do with one spilling call; CCHC_SUMMARY fills the summary block's figures. The
 * formula writer builds their arguments from these lists and src/index.ts declares them in this order.
 */
export const OUTPUT_FUNCTIONS = {
  outputs: {
    name: 'CCHC_OUTPUTS',
    parameters: [
      'code',
      'rule',
      'max',
      'actual',
      'target',
      'evidence',
      'deadline',
      'appraised',
      'asOf',
      'nearDays',
      'columns',
      'decimals',
      'selfScore',
      'solution',
      'solutionDue',
    ] as readonly OutputParameter[],
  },
  summary: {
    name: 'CCHC_SUMMARY',
    parameters: [
      'code',
      'title',
      'rule',
      'max',
      'actual',
      'target',
      'deadline',
      'bands',
      'decimals',
    ] as readonly OutputParameter[],
  },
} as const;

/** The one-column functions of version 1 (still recognised on older sheets, and still usable by hand). */
export const COLUMN_FUNCTIONS: Record<OutputColumn, string> = {
  score: 'CCHC_POINTS',
  status: 'CCHC_STATUS',
  reason: 'CCHC_REASON',
};

// ── Names of things (one name per thing on every screen) ──

/** Figures and lists, Vietnamese and English. */
export const TERMS = {
  total: { vi: 'Tổng điểm', en: 'Total points' },
  /** Σ max of the applicable criteria (not "điểm tối đa phát sinh"). */
  applicableMax: { vi: 'Điểm tối đa áp dụng', en: 'Applicable maximum' },
  index: { vi: 'Chỉ số CCHC', en: 'PAR index' },
  classification: { vi: 'Xếp loại', en: 'Class' },
  /** The list of rows that need someone to act: losing, at risk, or a data error ("Nguy cơ" is one status). */
  actionList: { vi: 'Tiêu chí cần xử lý', en: 'Criteria needing action' },
  /** How a row with a data error appears in that list. */
  fixData: { vi: 'Cần sửa dữ liệu', en: 'Data to fix' },
  /** A month's figures stored in the history tab (menu, sidebar, report, email). */
  monthlyFigures: { vi: 'Số liệu tháng', en: 'Monthly figures' },
  /** Criteria whose sector cell is empty. */
  noSector: { vi: 'Chưa phân ngành', en: 'No sector' },
  /** A criterion every sector shares. */
  allSectors: { vi: 'Tất cả các ngành', en: 'All sectors' },
  /** An empty table (headers only): no figure to show, nothing to mail. */
  noData: { vi: 'Chưa có dữ liệu', en: 'No data yet' },
  pointsAtStake: { vi: 'Điểm có thể mất', en: 'Points at stake' },
  area: { vi: 'Lĩnh vực', en: 'Area' },
  sector: { vi: 'Ngành', en: 'Sector' },
} as const;
