// Names the sheet layout shares between the sheet writer (src/sheets) and the custom functions
// (src/functions): the summary block's labels (CCHC_SUMMARY spills the figure labels with the figures, so
// they always line up) and the output columns CCHC_OUTPUTS spills.
import type { OutputColumn } from './types';
import { COLUMN_NAMES, TERMS } from './vocabulary';

/** The columns CCHC_OUTPUTS spills when its `columns` argument is blank, in this order. */
export const DEFAULT_OUTPUT_ORDER: OutputColumn[] = ['score', 'status', 'reason'];

/** The names set-up writes into a CCHC_OUTPUTS `columns` argument (the sheet's own headers). */
export const OUTPUT_COLUMN_NAME: Record<OutputColumn, string> = {
  score: COLUMN_NAMES.score.vi,
  status: COLUMN_NAMES.status.vi,
  reason: COLUMN_NAMES.reason.vi,
};

export const BLOCK_LABELS = {
  title: 'TỔNG HỢP CHỈ SỐ CCHC',
  sampleTitle: 'TỔNG HỢP CHỈ SỐ CCHC (MẪU – thay bằng bộ chỉ số chính thức)',
  asOf: 'Tính đến ngày',
  nearDays: 'Số ngày cảnh báo',
  total: TERMS.total.vi,
  applicableMax: TERMS.applicableMax.vi,
  index: TERMS.index.vi,
  classification: TERMS.classification.vi,
  areas: TERMS.area.vi,
  areaScore: 'Điểm',
  areaMax: 'Tối đa',
  bands: 'Ngưỡng xếp loại',
  bandMin: 'Từ (%)',
  pointsDecimals: 'Làm tròn điểm (chữ số)',
} as const;
