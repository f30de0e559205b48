// Issue 10, points 3 and 4: a row with a data error has its whole max at stake and heads the list of
// criteria needing action (report, path, email counts), and a sector's figures use the commune's
// denominators (a penalty row's max is no earnable point; a row in error keeps its max).
import { describe, expect, test } from '@jest/globals';
import { evaluate } from '../../src/core/evaluate';
import { DEFAULT_BANDS } from '../../src/core/settings';
import { buildReportModel, sectorTable } from '../../src/core/summary';
import type { CellValue, CriteriaRow } from '../../src/core/types';
import { composeMonthlyEmails } from '../../src/mail/render';

function row(n: number, cells: Partial<Record<keyof CriteriaRow, CellValue>>): CriteriaRow {
  return {
    row: n,
    code: '',
    title: '',
    max: '',
    rule: '',
    target: '',
    actual: '',
    evidence: '',
    sector: '',
    deadline: '',
    notes: '',
    appraised: '',
    ...cells,
  } as CriteriaRow;
}

// Area 1 (10 points) of sector CT: 1.1 half done (loses 2 of 4), 1.2 unreadable (3 points), 1.3 secured;
// a penalty group of max 5 with one violation of 0,5.
const TABLE = [
  row(5, { code: '1', title: 'Chỉ đạo', max: 10 }),
  row(6, {
    code: '1.1',
    title: 'Kế hoạch',
    max: 4,
    rule: 'TỶ LỆ',
    actual: 0.5,
    evidence: 'BC',
    sector: 'CT',
  }),
  row(7, {
    code: '1.2',
    title: 'Báo cáo',
    max: 3,
    rule: 'ĐẾM(1)',
    actual: 'ba lần',
    evidence: 'BC',
    sector: 'CT',
  }),
  row(8, { code: '1.3', title: 'Họp', max: 3, rule: 'CÓ/KHÔNG', actual: 'Có', evidence: 'BB', sector: 'CT' }),
  row(9, { code: '-', title: 'Điểm trừ', max: 5, rule: 'TRỪ(0,5)', actual: 1, sector: 'CT' }),
];

const ev = evaluate(TABLE, { today: new Date(2026, 5, 20), nearDeadlineDays: 14, bands: DEFAULT_BANDS });
const model = buildReportModel(ev, {
  communeName: 'Xã A',
  year: 2026,
  sectors: [{ name: 'CT', head: 'Anh B', email: 'ct@xa.vn' }],
  asOf: '2026-06-20',
  generatedAt: '',
});

describe('rows with a data error', () => {
  test('have their whole max at stake', () => {
    const err = ev.rows.find((r) => r.code === '1.2')!;
    expect(err.status).toBe('error');
    expect(err.pointsAtStake).toBe(3);
  });

  test('head the list of criteria needing action, shown as "Cần sửa dữ liệu"', () => {
    expect(model.atRisk.map((l) => l.code)).toEqual(['1.2', '1.1', '-']);
    expect(model.atRisk[0].statusLabel).toBe('Cần sửa dữ liệu');
    expect(model.atRisk[0].pointsAtStake).toBe(3);
  });

  test('are on the path to the next class (their recovery adds their max)', () => {
    // 4 × 0,5 + 3 − 0,5 = 4,5 of 10: Yếu; Trung bình needs 5,5, i.e. 1 more point: fixing 1.2 (3) is enough.
    expect(ev.total).toBeCloseTo(4.5, 9);
    expect(model.path!.steps.map((s) => s.line.code)).toEqual(['1.2']);
    expect(model.path!.reachable).toBe(true);
  });

  test('count in the email subjects, as in the tables they list', () => {
    const mails = composeMonthlyEmails(model, {
      month: '2026-06',
      leadership: ['ct@xa.vn'],
      previous: null,
    });
    expect(mails.leadership.subject).toContain('3 tiêu chí cần xử lý');
    const ct = mails.sectors.find((s) => s.sector === 'CT')!;
    expect(ct.subject).toContain('3 tiêu chí cần xử lý');
    const listed = ct.text.split('\n').filter((l) => /^\* (1\.\d|-) /.test(l));
    expect(listed.length).toBeGreaterThanOrEqual(3);
  });
});

describe('sector figures use the commune denominators', () => {
  test("a penalty row's max is not earnable; a row in error keeps its max", () => {
    const ct = model.sectors.find((s) => s.name === 'CT')!;
    // Worked by hand: applicable max 4 + 3 + 3 = 10 (the commune's: ev.applicableMax), not 15 (with the
    // penalty's 5) nor 7 (without the row in error); secured 2 + 0 + 3 − 0,5 = 4,5.
    expect(ev.applicableMax).toBe(10);
    expect(ct.applicableMax).toBe(10);
    expect(ct.secured).toBeCloseTo(4.5, 9);
    expect(ct.atRiskCount).toBe(3);
    expect(ct.atStake).toBeCloseTo(2 + 3 + 0.5, 9);
    expect(sectorTable(model)).toEqual([
      {
        name: 'CT',
        owned: 4,
        secured: ct.secured,
        applicableMax: 10,
        atStake: ct.atStake,
        atRiskCount: 3,
        // No Giải pháp column in this table: no row lacks a solution.
        noSolutionCount: 0,
      },
    ]);
  });

  test('criteria with no sector get their own line "Chưa phân ngành" in every table', () => {
    const m = buildReportModel(
      evaluate([...TABLE.slice(0, 4), row(8, { code: '1.3', max: 3, rule: 'CÓ/KHÔNG', actual: 'Không' })], {
        today: new Date(2026, 5, 20),
        nearDeadlineDays: 14,
        bands: DEFAULT_BANDS,
      }),
      { communeName: 'Xã A', year: 2026, sectors: [], asOf: '2026-06-20', generatedAt: '' },
    );
    expect(sectorTable(m).map((s) => s.name)).toEqual(['CT', 'Chưa phân ngành']);
    const mails = composeMonthlyEmails(m, {
      month: '2026-06',
      leadership: ['a@xa.vn'],
      previous: null,
    });
    expect(mails.leadership.text).toContain('Chưa phân ngành: 1 tiêu chí, 1 cần xử lý');
  });
});
