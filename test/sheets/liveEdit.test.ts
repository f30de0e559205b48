// What one edit costs in Sheets, measured on the stand-in's recalculation by dependency with the real custom
// functions: an edit of one leaf's Kết quả runs at most 4 custom-function executions (the layout gives 2:
// CCHC_OUTPUTS for Điểm/Trạng thái/Lý do/Điểm có thể mất and CCHC_SUMMARY for the block; the export tab reads
// the points at stake with a native reference), each evaluating the table once,
// and every figure still equals the core's evaluation. Also issue 10 point 1: a HẠN row whose deadline is
// only in Hạn (or a "Thời hạn" column) scores the same in Điểm, the block and the server.
import { describe, expect, jest, test } from '@jest/globals';
import type * as EvaluateModule from '../../src/core/evaluate';

// Count evaluateTable calls (the one table evaluation) made by the custom functions. Registered before the
// modules below are loaded, so src/functions sees the counting wrapper.
const evaluations = { count: 0 };
jest.doMock('../../src/core/evaluate', () => {
  const actual = jest.requireActual<typeof EvaluateModule>('../../src/core/evaluate');
  return {
    ...actual,
    evaluateTable: (...args: Parameters<typeof actual.evaluateTable>) => {
      evaluations.count++;
      return actual.evaluateTable(...args);
    },
  };
});

/* eslint-disable @typescript-eslint/no-require-imports */
const envModule = require('../support/env') as typeof import('../support/env');
const actions = require('../../src/server/setUpTab') as typeof import('../../src/server/setUpTab');
const entry = require('../../src/index') as typeof import('../../src/index');
const { readTable } = require('../../src/sheets/table') as typeof import('../../src/sheets/table');
const { BLOCK_LABELS } =
  require('../../src/sheets/summaryBlock') as typeof import('../../src/sheets/summaryBlock');

const { env, NOW, typeResults, expectSheetMatchesCore, fill, seedSettings } = envModule;

/** Wraps every registered custom function to record how many table evaluations each execution made. */
function countPerExecution(standIn: ReturnType<typeof env>): number[] {
  const perRun: number[] = [];
  const fns = require('../../src/functions') as Record<string, (...a: unknown[]) => unknown>;
  const wrapped: Record<string, (...a: unknown[]) => unknown> = {};
  for (const [key, fn] of Object.entries(fns)) {
    if (!key.startsWith('cchc') || typeof fn !== 'function') continue;
    const name =
      'CCHC_' +
      key
        .slice(4)
        .replace(/[A-Z]/g, (c) => '_' + c)
        .slice(1)
        .toUpperCase();
    wrapped[name] = (...a: unknown[]) => {
      const before = evaluations.count;
      try {
        return fn(...a);
      } finally {
        perRun.push(evaluations.count - before);
      }
    };
  }
  standIn.setCustomFunctions(wrapped as never);
  return perRun;
}

describe('live recalculation of the sample sheet', () => {
  test('an edit of one leaf Kết quả: at most 4 executions (here 2: the outputs, the block; none for the export tab), each evaluating the table once', () => {
    const standIn = env();
    const perRun = countPerExecution(standIn);
    expect(actions.setupSample(NOW).ok).toBe(true);
    typeResults(standIn);
    expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
    standIn.executions();
    perRun.length = 0;

    const sheet = standIn.sheet('Tiêu chí');
    const read = readTable(sheet);
    if (!read.ok) throw new Error(read.message);
    const row = read.rows.find((r) => r.code === '3.3.1')!.row;
    sheet.getRange(row, read.layout.columns.actual!).setValue(0.985);
    const runs = standIn.executions();
    // The export tab's points at stake (src/sheets/exportTab.ts) reference the criteria tab's spill: no call.
    expect(runs.map((r) => r.name).sort()).toEqual(['CCHC_OUTPUTS', 'CCHC_SUMMARY']);
    expect(runs.length).toBeLessThanOrEqual(4);
    expect(perRun).toEqual([1, 1]);
    const exportTab = standIn.sheet('CCHC Xuất dữ liệu');
    expect(exportTab.getRange('H15').getFormula()).toMatch(/^=ARRAYFORMULA\('Tiêu chí'!\$R\$5:\$R\$304\)$/);
    expect(
      exportTab
        .getDataRange()
        .getFormulas()
        .flat()
        .filter((f) => /CCHC_/i.test(f)),
    ).toEqual([]);
    // …and what they show is right: every output cell and block figure equals the core's evaluation.
    const e = expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
    expect(e.rows.find((r) => r.code === '3.3.1')!.score).toBe(3);
    standIn.executions(); // forget the full recalculation the check above forced

    // An edit outside every argument (a note column) runs nothing; an evidence edit only the outputs.
    sheet.getRange(row, read.layout.columns.notes!).setValue('ghi chú');
    expect(standIn.executions()).toEqual([]);
    sheet.getRange(row, read.layout.columns.evidence!).setValue('Báo cáo');
    expect(standIn.executions().map((r) => r.name)).toEqual(['CCHC_OUTPUTS']);
  });
});

describe('issue 10.1: every output formula receives every column its rule may read', () => {
  // A HẠN(50%) row with its deadline only in Hạn (Chỉ tiêu empty), done on time: full points everywhere.
  const table = (deadlineHeader: string) => [
    ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Chỉ tiêu', 'Kết quả', 'Minh chứng', deadlineHeader],
    ['1', 'Chỉ đạo', 3, '', '', '', '', ''],
    ['1.1', 'Ban hành kế hoạch', 2, 'HẠN(50%)', '', '20/01/2024', 'QĐ 12', '31/01/2024'],
    ['1.2', 'Báo cáo', 1, 'CÓ/KHÔNG', '', 'Không', '', ''],
  ];

  for (const header of ['Hạn', 'Thời hạn']) {
    test(`deadline only in "${header}": Điểm, the block and the sidebar agree (2 / 3 / 66,67% / Trung bình)`, () => {
      const standIn = env();
      seedSettings(standIn, {});
      fill(standIn, 'Tiêu chí', table(header));
      expect(actions.attachSheet('Tiêu chí', NOW).ok).toBe(true);
      const e = expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
      const sheet = standIn.sheet('Tiêu chí');
      const read = readTable(sheet);
      if (!read.ok) throw new Error(read.message);
      // Điểm of the HẠN row: its full max, not "Lỗi: … thiếu hạn".
      expect(sheet.getRange(3, read.layout.columns.score!).getValue()).toBe(2);
      expect(e.total).toBe(2);
      // The block, read by its labels.
      const values = sheet.getDataRange().getValues();
      const figure = (label: string) => {
        for (const line of values) {
          const c = line.indexOf(label);
          if (c >= 0) return line[c + 1];
        }
        return undefined;
      };
      expect(figure(BLOCK_LABELS.total)).toBe(2);
      expect(figure(BLOCK_LABELS.applicableMax)).toBe(3);
      expect(figure(BLOCK_LABELS.index) as number).toBeCloseTo(2 / 3, 9);
      expect(figure(BLOCK_LABELS.classification)).toBe('Trung bình');
      // The sidebar says the same.
      const data = entry.sidebarLoad(); // what the sidebar's one server call returns
      expect(data.dashboard?.total).toBe(2);
      expect(data.dashboard?.indexPercent).toBeCloseTo(66.67, 2);
      expect(data.dashboard?.classification).toBe('Trung bình');
    });
  }
});
