// The appraisal rounds' figures (Điểm thẩm định lần 1, lần 2, Điểm thẩm định) in "Kiểm tra dữ liệu": the menu
// alert lists exactly what the sidebar's Dữ liệu tab lists (on load, after "Kiểm tra dữ liệu", after "Tính
// lại"), and that list holds every round figure the generator made unreadable or out of range, each naming
// its row and column in Vietnamese. Generated tables (fast-check, fixed seed): the expected errors come from
// the generator, never from the code under test.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { CellValue } from '../../src/core/types';
import type { ProblemItem } from '../../src/server/api';
import { menuCheckDataAction } from '../../src/server/menuActions';
import { problemLine } from '../../src/server/problems';
import { attachSheet } from '../../src/server/setUpTab';
import {
  sidebarCheckDataAction,
  sidebarLoadAction,
  sidebarRecomputeAction,
} from '../../src/server/sidebarActions';
import type { SidebarData } from '../../src/server/api';
import { distEnv } from '../support/distEnv';
import { env, fill, NOW } from '../support/env';

type RoundColumn = 'appraisal1' | 'appraisal2' | 'appraised';
const HEADERS: Record<RoundColumn, string> = {
  appraisal1: 'Điểm thẩm định lần 1',
  appraisal2: 'Điểm thẩm định lần 2',
  appraised: 'Điểm thẩm định',
};
const MAX = 2;

/** A round figure as a clerk types it, and whether it is an error in that column (max 2). */
interface Figure {
  value: CellValue;
  bad: (column: RoundColumn) => boolean;
}
const fine = (value: CellValue): Figure => ({ value, bad: () => false });
const unreadable = (value: CellValue): Figure => ({ value, bad: () => true });
// Out of 0..max is checked for the two appraisal rounds (src/core/roundScores.ts); the single Điểm thẩm
// định is compared with the points instead (a gap is a risk, not a data error).
const outOfRange = (value: CellValue): Figure => ({ value, bad: (c) => c !== 'appraised' });
const FIGURES = [
  fine(''),
  fine(0),
  fine(1.5),
  fine(2),
  fine('1,5'),
  unreadable('hai'),
  unreadable('đạt'),
  unreadable('1,5 điểm'),
  outOfRange(3),
  outOfRange(-1),
];

const table = fc.record({
  // One table has either the two rounds or the single column, or all three.
  columns: fc.constantFrom<RoundColumn[]>(
    ['appraisal1', 'appraisal2'],
    ['appraised'],
    ['appraised', 'appraisal1', 'appraisal2'],
  ),
  rows: fc.array(fc.array(fc.constantFrom(...FIGURES), { minLength: 3, maxLength: 3 }), {
    minLength: 1,
    maxLength: 6,
  }),
});

/** The alert's problem lines (after the count line and a blank line). */
function alertLines(alert: string): string[] {
  return alert.split('\n\n').slice(1).join('\n\n').split('\n');
}

const key = (p: Pick<ProblemItem, 'row' | 'columnHeader'>) => `${p.row}|${p.columnHeader}`;

describe('round figures in Kiểm tra dữ liệu: the menu alert and the sidebar list the same problems', () => {
  test('generated tables: same lines through both paths, every bad figure named by row and column', () => {
    fc.assert(
      fc.property(table, ({ columns, rows }) => {
        const standIn = env();
        // Mã A · Tiêu chí B · Điểm tối đa C · Cách chấm D · Kết quả E · Minh chứng F · round columns G…
        const header = ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng'];
        const values: CellValue[][] = [
          [...header, ...columns.map((c) => HEADERS[c])],
          ['1', 'Lĩnh vực', MAX * rows.length, '', '', '', ...columns.map(() => '')],
          ...rows.map((figures, i) => [
            `1.${i + 1}`,
            `Tiêu chí ${i + 1}`,
            MAX,
            'CÓ/KHÔNG',
            'Có',
            'QĐ',
            ...columns.map((_, j) => figures[j].value),
          ]),
        ];
        fill(standIn, 'Tiêu chí', values);
        expect(attachSheet('Tiêu chí', NOW).ok).toBe(true);
        const expected = new Set<string>();
        rows.forEach((figures, i) =>
          columns.forEach((c, j) => {
            if (figures[j].bad(c)) expected.add(`${i + 3}|${HEADERS[c]}`);
          }),
        );

        menuCheckDataAction();
        const alert = standIn.ui.alerts.at(-1)!;
        const paths = {
          load: sidebarLoadAction().problems,
          check: sidebarCheckDataAction().data!.problems,
          recompute: sidebarRecomputeAction().data!.problems,
        };
        for (const problems of Object.values(paths)) {
          // The same problems, in the same order, through the menu and the sidebar.
          if (problems.length === 0) expect(alert).toContain('không phát hiện vấn đề nào');
          else expect(alertLines(alert)).toEqual(problems.map(problemLine));
          const errors = problems.filter((p) => p.severity === 'error');
          const roundErrors = errors.filter((p) => Object.values(HEADERS).includes(p.columnHeader ?? ''));
          expect(new Set(roundErrors.map(key))).toEqual(expected);
          // Only the round figures are wrong in these tables.
          expect(errors).toHaveLength(roundErrors.length);
          for (const p of roundErrors) {
            const column = header.length + 1 + columns.findIndex((c) => HEADERS[c] === p.columnHeader);
            expect(p.a1).toBe(`${String.fromCharCode(64 + column)}${p.row}`);
            expect(alert).toContain(`Dòng ${p.row}, cột ${p.columnHeader} (${p.a1}): `);
          }
        }
        // The count line counts them.
        if (expected.size > 0) expect(alert).toContain(`: ${expected.size} lỗi, `);
      }),
      { seed: 14, numRuns: 20 },
    );
  });

  test('dist: the menu alert names the round figures the sidebar lists (the lazy module loads)', () => {
    const { standIn, call } = distEnv(NOW);
    const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Tiêu chí');
    sheet.getRange(1, 1, 4, 8).setValues([
      [
        'Mã',
        'Tiêu chí',
        'Điểm tối đa',
        'Cách chấm',
        'Kết quả',
        'Minh chứng',
        HEADERS.appraisal1,
        HEADERS.appraisal2,
      ],
      ['1', 'Lĩnh vực', 4, '', '', '', '', ''],
      ['1.1', 'Kế hoạch', 2, 'CÓ/KHÔNG', 'Có', 'QĐ', 'hai', 1],
      ['1.2', 'Báo cáo', 2, 'CÓ/KHÔNG', 'Có', 'BC', 2, 5],
    ]);
    expect(call<{ ok: boolean }>('sidebarAttachSheet("Tiêu chí")').ok).toBe(true);
    call('menuCheckData()');
    const alert = standIn.ui.alerts.at(-1)!;
    const problems = call<SidebarData>('sidebarLoad()').problems;
    expect(problems.filter((p) => p.severity === 'error').map(key)).toEqual([
      `3|${HEADERS.appraisal1}`,
      `4|${HEADERS.appraisal2}`,
    ]);
    expect(alertLines(alert)).toEqual(problems.map(problemLine));
    expect(alert).toContain('Dòng 3, cột Điểm thẩm định lần 1 (G3): ');
    expect(alert).toContain('Dòng 4, cột Điểm thẩm định lần 2 (H4): ');
  });
});
