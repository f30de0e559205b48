// The embedded sample indicator set (domain.md, "Sample indicator set": commune level, 2024, 100 points):
// 72 rows in 8 areas plus a bonus "+" and a penalty "-" row. It is a reconstruction, shipped only as a sample
// the commune replaces with the set its upper level officially issued; the title rows say so.
// Rules are written in the rule language of design.md; parents (areas, criteria with sub-criteria) have an
// empty rule (their points are the roll-up of their children).
import { embeddedTable } from './embeddedTable';
import { sampleText } from './sampleText';
import type { CellValue, InputColumn } from '../core/types';
import { HEADER_TEXT, INPUT_COLUMNS } from './headers';
import { isDateValue } from './table';

export interface SampleRow {
  code: string;
  title: string;
  max: number;
  /** '' for parents. */
  rule: string;
  /** A number (a ratio for percentages), a text, or '' */
  target: number | string;
  /** True when `target` is a ratio shown as a percentage. */
  targetPercent?: boolean;
  sector: string;
  /** Deadline as [day, month] in the set's year (HẠN rows: also their target). */
  deadline?: [number, number];
}

// One row per line in sampleText.ts: code|max|rule|target|sector|deadline (dd/mm)|title. Kept as text
// (~40% smaller than object literals once minified); only set-up (lazy_setUpTab) reads it. Marked pure so that
// Code.js, which imports this file for SAMPLE_COLUMNS, drops the call and the text (embeddedTable.ts).
// Targets written "98%" are ratios shown as percentages.
/** The 74 rows of the sample set (parsed once, on first use). */
export const sampleRows = /* @__PURE__ */ embeddedTable(
  sampleText,
  ([code, max, rule, target, sector, deadline, title]) => {
    const percent = /%$/.test(target);
    const row: SampleRow = {
      code,
      title,
      max: Number(max),
      rule,
      target: percent
        ? Number(target.slice(0, -1)) / 100
        : target !== '' && !isNaN(Number(target))
          ? Number(target)
          : target,
      sector,
    };
    if (percent) row.targetPercent = true;
    if (deadline) row.deadline = deadline.split('/').map(Number) as [number, number];
    return row;
  },
);

/**
 * Column order of the sample tab: the inputs in their usual order, the solution columns (Giải pháp, Người
 * thực hiện, Hạn khắc phục) last among them; set-up adds the outputs after them.
 */
export const SAMPLE_COLUMNS: InputColumn[] = [
  ...INPUT_COLUMNS.slice(0, INPUT_COLUMNS.indexOf('selfScore')),
  'solution',
  'solutionOwner',
  'solutionDue',
];

/** Title rows above the header: they say plainly that this is a sample to replace. */
export function sampleTitleRows(year: number): string[] {
  return [
    `BỘ CHỈ SỐ ĐÁNH GIÁ, XẾP HẠNG CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM ${year} (MẪU)`,
    'MẪU – thay bằng bộ chỉ số chính thức do cấp trên ban hành. Các cột Kết quả, Minh chứng, Giải trình, Điểm thẩm định, Giải pháp, Người thực hiện, Hạn khắc phục do xã nhập; cột Điểm, Trạng thái, Lý do, Điểm có thể mất do tiện ích tự tính.',
  ];
}

export const SAMPLE_MARK = 'MẪU – thay bằng bộ chỉ số chính thức';

/** The sample as a grid: title rows, an empty row, the header row, then one row per criterion. */
export interface SampleGrid {
  values: CellValue[][];
  /** Number format per cell of the data rows (same shape as the data part of `values`). */
  numberFormats: string[][];
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
}

/**
 * Builds the sample tab's cells for a year (deadlines fall in that year); results columns stay empty.
 * `makeDate` makes a calendar date (midnight in the spreadsheet's time zone).
 */
export function sampleGrid(
  year: number,
  makeDate: (year: number, month: number, day: number) => Date = (y, m, d) => new Date(y, m - 1, d),
): SampleGrid {
  const width = SAMPLE_COLUMNS.length;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill('');
  const titles = sampleTitleRows(year).map((t) => {
    const row = blank();
    row[0] = t;
    return row;
  });
  const header = SAMPLE_COLUMNS.map((k) => HEADER_TEXT[k].vi);
  const values: CellValue[][] = [...titles, blank(), header];
  const numberFormats: string[][] = [];
  for (const s of sampleRows()) {
    const deadline = s.deadline ? makeDate(year, s.deadline[1], s.deadline[0]) : '';
    const byKey: Partial<Record<InputColumn, CellValue>> = {
      code: s.code,
      title: s.title,
      max: s.max,
      rule: s.rule,
      // A HẠN rule takes its deadline from the target (design.md); the Hạn column repeats it for the risk view.
      target: s.rule.startsWith('HẠN') && s.deadline ? deadline : s.target,
      actual: '',
      evidence: '',
      sector: s.sector,
      deadline,
      notes: '',
      appraised: '',
      solution: '',
      solutionOwner: '',
      solutionDue: '',
    };
    values.push(SAMPLE_COLUMNS.map((k) => byKey[k]));
    numberFormats.push(
      SAMPLE_COLUMNS.map((k) => {
        if (k === 'code') return '@';
        if (k === 'deadline' || k === 'solutionDue') return 'dd/mm/yyyy';
        if (k === 'target')
          return s.targetPercent ? '0%' : isDateValue(byKey.target) ? 'dd/mm/yyyy' : 'General';
        return 'General';
      }),
    );
  }
  const headerRow = titles.length + 2;
  return {
    values,
    numberFormats,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: headerRow + sampleRows().length,
  };
}
