// A criteria table of exactly N data rows for the benchmark: 8 areas (as in real sets), their leaves cycling
// through the sample set's criteria with the demo's mid-year results (bad cells included: they are part
// of the real workload). Written to a stand-in tab with one setValues, as a paste would.
import type { CellValue, InputColumn } from '../../src/core/types';
import { HEADER_TEXT } from '../../src/sheets/headers';
import { SAMPLE_COLUMNS, sampleRows } from '../../src/sheets/sample';
import { fromWallClock } from '../gas/time';
import { SAMPLE_RESULTS } from '../demo/sampleResults';

export const BENCH_SHEET = 'Tiêu chí';
export const AREAS = 8;

export interface BenchTable {
  values: CellValue[][];
  formats: string[][];
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: Record<InputColumn, number>;
}

export function benchTable(rows: number, year: number, timeZone: string): BenchTable {
  const date = (d: number, m: number) => fromWallClock(timeZone, year, m, d);
  const templates = sampleRows().filter((r) => r.rule !== '' && /^\d/.test(r.code));
  const leaves = Math.max(0, rows - AREAS);
  const perArea = Array.from(
    { length: AREAS },
    (_, a) => Math.floor(leaves / AREAS) + (a < leaves % AREAS ? 1 : 0),
  );
  const header = SAMPLE_COLUMNS.map((k) => HEADER_TEXT[k].vi);
  const values: CellValue[][] = [header];
  const formats: string[][] = [header.map(() => '')];
  let t = 0;
  for (let a = 1; a <= AREAS && values.length <= rows; a++) {
    const areaIndex = values.length;
    values.push([]);
    formats.push([]);
    let areaMax = 0;
    for (let k = 1; k <= perArea[a - 1]; k++, t++) {
      const s = templates[t % templates.length];
      const r = SAMPLE_RESULTS[s.code] ?? {};
      const deadline = s.deadline
        ? date(s.deadline[0], s.deadline[1])
        : r.deadline
          ? date(r.deadline[0], r.deadline[1])
          : '';
      const actual =
        r.actual === undefined
          ? ''
          : typeof r.actual === 'object'
            ? date(r.actual.date[0], r.actual.date[1])
            : r.actual;
      const byKey: Record<InputColumn, CellValue> = {
        code: `${a}.${k}`,
        title: s.title,
        max: s.max,
        rule: s.rule,
        target: s.rule.startsWith('HẠN') && deadline ? deadline : s.target,
        actual: typeof actual === 'string' ? actual.replace(/\{Y\}/g, String(year)) : actual,
        evidence: r.evidence ?? '',
        sector: s.sector,
        deadline,
        notes: r.notes ?? '',
        appraised: r.appraised ?? '',
        selfScore: '',
        appraisal1: '',
        appraisal2: '',
        solution: r.solution ?? '',
        solutionOwner: r.solutionOwner ?? '',
        solutionDue: Array.isArray(r.solutionDue)
          ? date(r.solutionDue[0], r.solutionDue[1])
          : (r.solutionDue ?? '').replace(/\{Y\}/g, String(year)),
      };
      areaMax += s.max;
      values.push(SAMPLE_COLUMNS.map((c) => byKey[c]));
      formats.push(
        SAMPLE_COLUMNS.map((c) =>
          c === 'code'
            ? '@'
            : (c === 'actual' && r.percent) || (c === 'target' && s.targetPercent)
              ? '0%'
              : byKey[c] instanceof Date
                ? 'dd/mm/yyyy'
                : '',
        ),
      );
    }
    const area = sampleRows().find((x) => x.code === String(a));
    const row: Record<InputColumn, CellValue> = {
      code: String(a),
      title: area?.title ?? `Lĩnh vực ${a}`,
      max: Math.round(areaMax * 100) / 100,
      rule: '',
      target: '',
      actual: '',
      evidence: '',
      sector: area?.sector ?? '',
      deadline: '',
      notes: '',
      appraised: '',
      selfScore: '',
      appraisal1: '',
      appraisal2: '',
      solution: '',
      solutionOwner: '',
      solutionDue: '',
    };
    values[areaIndex] = SAMPLE_COLUMNS.map((c) => row[c]);
    formats[areaIndex] = SAMPLE_COLUMNS.map((c) => (c === 'code' ? '@' : ''));
  }
  const columns = Object.fromEntries(SAMPLE_COLUMNS.map((k, i) => [k, i + 1])) as Record<InputColumn, number>;
  return { values, formats, headerRow: 1, firstDataRow: 2, lastDataRow: values.length, columns };
}

/** Writes the table on a fresh tab (formats first, so codes stay text; text as typed). */
export function writeBenchTable(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: BenchTable,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(BENCH_SHEET) ?? ss.insertSheet(BENCH_SHEET);
  const height = table.values.length;
  const width = table.values[0].length;
  if (sheet.getMaxRows() < height + 50)
    sheet.insertRowsAfter(sheet.getMaxRows(), height + 50 - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width + 10)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width + 10 - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, height, width);
  range.setNumberFormats(table.formats);
  range.setValues(
    table.values.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v))),
  );
  return sheet;
}
