// The second embedded template: Bộ chỉ số 766 (Decision 766/QĐ-TTg of 23/6/2022), the real-time index of how
// a unit serves people and businesses, computed by the National Public Service Portal (Cổng DVCQG) for every
// province, department and commune (domain.md, "Bộ chỉ số 766"). 6 groups, 100 points (18/20/12/22/10/18).
// Criterion points = round(max × min((n/d) / threshold, 1), 2): thresholds 100% unless the official formula
// says 80% or 90%; on 0/0 the two petition criteria and the certified-copy criterion give full points, the
// others 0; the two petition classification rows are tracking rows (max 0). Results are typed as the portal
// publishes them: fractions "2634/2735" (the Kết quả column is plain text, so Sheets never turns "3/4" into a
// date), or a percent where the portal publishes only that (online services).
import { embeddedTable } from './embeddedTable';
import { text766 } from './text766';
import type { Band, CellValue, InputColumn } from '../core/types';
import { HEADER_TEXT, INPUT_COLUMNS } from './headers';
import { SOLUTION_COLUMNS } from './solutionColumns';

export interface Row766 {
  code: string;
  title: string;
  max: number;
  /** '' for the six groups (their points are the sum of their criteria). */
  rule: string;
  /** The portal's metric code (the data it publishes per unit), '' for groups. */
  metric: string;
}

// code|max|rule|metric|title, one row per line in text766.ts; only set-up (lazy_setUpTab) reads it. Marked
// pure so that Code.js drops the call and the text (embeddedTable.ts).
/** The 27 rows of the 766 set: 6 groups and their 21 criteria (parsed once, on first use). */
export const rows766 = /* @__PURE__ */ embeddedTable(text766, ([code, max, rule, metric, title]): Row766 => ({
  code,
  title,
  max: Number(max),
  rule,
  metric,
}));

/** Class bands of the 766 index, on the 100-point total. */
export const BANDS_766: Band[] = [
  { label: 'Xuất sắc', minPercent: 90 },
  { label: 'Tốt', minPercent: 80 },
  { label: 'Khá', minPercent: 70 },
  { label: 'Trung bình', minPercent: 50 },
  { label: 'Yếu', minPercent: 0 },
];

/** The portal rounds each criterion's points to 2 decimals before summing. */
export const POINTS_DECIMALS_766 = 2;

/** Evidence of a portal figure: the portal itself (so no row reads "thiếu minh chứng"). */
export const EVIDENCE_766 = 'Số liệu Cổng DVCQG';

export const MARK_766 = 'Bộ chỉ số 766';

/** Title rows above the header. */
export function titleRows766(year: number): string[] {
  return [
    `BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg) NĂM ${year}`,
    `${MARK_766}: nhập số liệu Cổng DVCQG công bố vào cột Kết quả dạng tử số/mẫu số (ví dụ 2634/2735), 0/0 khi không phát sinh; mỗi tiêu chí làm tròn 2 chữ số như Cổng DVCQG.`,
  ];
}

export interface Grid766 {
  values: CellValue[][];
  /** Number format per cell of the data rows. */
  numberFormats: string[][];
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
}

/**
 * Column order of the 766 tab: the usual inputs, then the sector's solution columns at their right, as in the
 * sample (issue 14: each sector writes its solution for a criterion at risk, who does it and by when).
 */
export const COLUMNS_766: InputColumn[] = [
  ...INPUT_COLUMNS.slice(0, INPUT_COLUMNS.indexOf('selfScore')),
  ...SOLUTION_COLUMNS,
];

/** The 766 tab's cells: title rows, an empty row, the header, one row per group or criterion. */
export function grid766(year: number): Grid766 {
  const width = COLUMNS_766.length;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill('');
  const titles = titleRows766(year).map((t) => {
    const row = blank();
    row[0] = t;
    return row;
  });
  const values: CellValue[][] = [...titles, blank(), COLUMNS_766.map((k) => HEADER_TEXT[k].vi)];
  const numberFormats: string[][] = [];
  for (const r of rows766()) {
    const leaf = r.rule !== '';
    const byKey: Partial<Record<InputColumn, CellValue>> = {
      code: r.code,
      title: r.title,
      max: r.max,
      rule: r.rule,
      target: '',
      actual: '',
      evidence: leaf ? EVIDENCE_766 : '',
      sector: 'Bộ phận Một cửa',
      deadline: '',
      notes: '',
      appraised: '',
      solution: '',
      solutionOwner: '',
      solutionDue: '',
    };
    values.push(COLUMNS_766.map((k) => byKey[k]));
    // Codes and results as plain text: "1.10" stays "1.10", "3/4" stays a fraction (never a date).
    numberFormats.push(
      COLUMNS_766.map((k) =>
        k === 'code' || k === 'actual' ? '@' : k === 'solutionDue' ? 'dd/mm/yyyy' : 'General',
      ),
    );
  }
  const headerRow = titles.length + 2;
  return {
    values,
    numberFormats,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: headerRow + rows766().length,
  };
}
