// The straightforward per-cell implementation the add-in is compared with, run on the same stand-in and the
// same table: for every row, one getValue per input cell it needs, one CCHC_SCORE call (as a per-row
// `=CCHC_SCORE(D5;C5;F5;E5)` formula would make), one setValue per output cell (score, status, reason)
// and one setBackground for the row colour. Its status logic is deliberately simple; what it shows is the
// cost of the call pattern, not a second scoring engine.
import type vm from 'node:vm';
import type { InputColumn } from '../../src/core/types';
import type { BenchTable } from './table';

export interface NaiveResult {
  /** Wall time of the whole per-row loop on the stand-in. */
  ms: number;
  /** Time spent inside the N single-row CCHC_SCORE calls. */
  scoreMs: number;
  calls: number;
}

const READ: InputColumn[] = ['code', 'rule', 'max', 'actual', 'target', 'evidence', 'deadline', 'appraised'];
const COLOURS: Record<string, string | null> = {
  'Mất điểm': '#f4c7c3',
  'Quá hạn': '#f4c7c3',
  'Nguy cơ': '#fce8b2',
  Đạt: '#d9ead3',
  'Không áp dụng': '#eeeeee',
  Lỗi: null,
  '': null,
};

export function naiveRecompute(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: BenchTable,
  context: vm.Context,
  today: Date,
): NaiveResult {
  const score = (context as Record<string, (...a: unknown[]) => unknown>).CCHC_SCORE;
  if (typeof score !== 'function') throw new Error('dist/Code.js has no CCHC_SCORE');
  const width = table.values[0].length;
  const out = { score: width + 1, status: width + 2, reason: width + 3 };
  let scoreMs = 0;
  const started = performance.now();
  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const v = {} as Record<InputColumn, unknown>;
    for (const key of READ) v[key] = sheet.getRange(r, table.columns[key]).getValue();
    let points: unknown = '';
    let status = '';
    let reason = '';
    if (v.rule !== '') {
      const t0 = performance.now();
      try {
        points = score(v.rule, v.max, v.actual, v.target);
      } catch (error) {
        points = '#ERROR!';
        status = 'Lỗi';
        reason = (error as Error).message;
      }
      scoreMs += performance.now() - t0;
      if (status === '') {
        const max = Number(v.max);
        const due = v.deadline instanceof Date && v.deadline.getTime() < today.getTime();
        if (points === 'Không áp dụng') status = 'Không áp dụng';
        else if (typeof points === 'number' && points >= max) status = v.evidence === '' ? 'Nguy cơ' : 'Đạt';
        else if (due) status = 'Quá hạn';
        else status = typeof points === 'number' && points > 0 ? 'Nguy cơ' : 'Mất điểm';
        reason = status === 'Đạt' ? '' : `${String(points)}/${max}`;
      }
    }
    sheet.getRange(r, out.score).setValue(points);
    sheet.getRange(r, out.status).setValue(status);
    sheet.getRange(r, out.reason).setValue(reason);
    sheet.getRange(r, 1, 1, out.reason).setBackground(COLOURS[status] ?? null);
  }
  return { ms: performance.now() - started, scoreMs, calls: 0 };
}
