import { describe, test, expect } from '@jest/globals';
import { evaluate } from '../../src/core/evaluate';
import { DEFAULT_BANDS } from '../../src/core/settings';
import type { CellValue, CriteriaRow, EvaluateOptions, RowResult } from '../../src/core/types';
import { SAMPLE_COLUMNS, sampleGrid } from '../../src/sheets/sample';

type RowInput = Partial<Omit<CriteriaRow, 'row'>> & { code: CellValue };

/** Rows start at sheet row 5 (a header above them). */
function rows(...list: RowInput[]): CriteriaRow[] {
  return list.map((r, i) => ({
    row: i + 5,
    title: `Tiêu chí ${String(r.code)}`,
    max: '',
    rule: '',
    target: '',
    actual: '',
    evidence: 'TLKC',
    sector: 'VP-TK',
    deadline: '',
    notes: '',
    appraised: '',
    ...r,
  }));
}

const OPTIONS: EvaluateOptions = {
  today: new Date(2024, 11, 10),
  nearDeadlineDays: 14,
  bands: DEFAULT_BANDS,
};
const byCode = (rs: RowResult[], code: string) => {
  const r = rs.find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
};

// A small set: 2 areas (60 + 40 = 100), an N/A row, a bonus and a penalty row.
const SET = rows(
  { code: 1, max: 60 },
  { code: 1.1, max: 40 },
  { code: '1.1.1', max: 20, rule: 'MỨC(100%: 20; 90%: 10)', actual: '95%' },
  { code: '1.1.2', max: 20, rule: 'CÓ/KHÔNG', actual: 'Có' },
  { code: 1.2, max: 20, rule: 'TỶ LỆ', actual: 0.4, target: 0.5 },
  { code: 2, max: 40 },
  { code: 2.1, max: 30, rule: 'CÓ/KHÔNG', actual: 'Không áp dụng' },
  { code: 2.2, max: 10, rule: 'TRỪ(1)', actual: 2 },
  { code: '', title: 'ghi chú không có mã', actual: 'abc' },
  { code: '+', max: 2, rule: 'TỰ CHẤM', actual: 1.5 },
  { code: '-', max: 5, rule: 'TỰ CHẤM', actual: 0.5 },
);

describe('evaluate: roll-up, totals, index, class', () => {
  const ev = evaluate(SET, OPTIONS);
  test('leaf points, parents rolled up, rows with an empty code not counted', () => {
    expect(ev.rows.map((r) => [r.code, r.score, r.max, r.applicable, r.isLeaf, r.level, r.kind])).toEqual([
      ['1', 46, 60, true, false, 0, 'normal'],
      ['1.1', 30, 40, true, false, 1, 'normal'],
      ['1.1.1', 10, 20, true, true, 2, 'normal'],
      ['1.1.2', 20, 20, true, true, 2, 'normal'],
      ['1.2', 16, 20, true, true, 1, 'normal'],
      ['2', 8, 10, true, false, 0, 'normal'],
      ['2.1', null, 30, false, true, 1, 'normal'],
      ['2.2', 8, 10, true, true, 1, 'normal'],
      ['+', 1.5, 2, true, true, 0, 'bonus'],
      ['-', -0.5, 5, true, true, 0, 'penalty'],
    ]);
  });
  test('areas: score, applicable max, declared max, ratio', () => {
    expect(ev.areas).toEqual([
      { code: '1', title: 'Tiêu chí 1', score: 46, max: 60, declaredMax: 60, ratio: 46 / 60 },
      { code: '2', title: 'Tiêu chí 2', score: 8, max: 10, declaredMax: 40, ratio: 0.8 },
    ]);
  });
  test('total = base + bonus − penalty; index over the applicable max of the 100-point part', () => {
    expect(ev.baseScore).toBe(54);
    expect(ev.bonus).toBe(1.5);
    expect(ev.penalty).toBe(0.5);
    expect(ev.total).toBe(55);
    expect(ev.applicableMax).toBe(70);
    expect(ev.index).toBeCloseTo(55 / 70, 12);
    expect(ev.classification).toBe('Khá');
    expect(ev.nextClass).toEqual({ label: 'Tốt', minPercent: 80, gapPoints: 1 });
  });
  test('row details: title, sector, row number, statuses', () => {
    const r = byCode(ev.rows, '1.1.1');
    expect(r).toMatchObject({
      row: 7,
      title: 'Tiêu chí 1.1.1',
      sector: 'VP-TK',
      status: 'losing',
      pointsAtStake: 10,
    });
    expect(byCode(ev.rows, '1').status).toBe('parent');
    expect(byCode(ev.rows, '2.1').status).toBe('notApplicable');
    expect(byCode(ev.rows, '1.1.2').status).toBe('secured');
    expect(byCode(ev.rows, '-').reasons).toEqual(['Có vi phạm bị trừ 0,5 điểm']);
  });
  test('the only problem: the row with data but no code, reported by row (it is not counted)', () => {
    expect(ev.problems).toEqual([
      expect.objectContaining({
        row: 13,
        column: 'code',
        severity: 'error',
        message: expect.stringMatching(/^Dòng 13 /),
      }),
    ]);
  });
});

describe('evaluate: exact boundaries', () => {
  test('0.3 + 0.3 + 0.3 of the maximum is exactly 90%: Xuất sắc', () => {
    const ev = evaluate(
      rows(
        { code: 1, max: 100 },
        { code: 1.1, max: 10, rule: 'TỰ CHẤM', actual: 0.3 + 0.3 + 0.3 },
        { code: 1.2, max: 90, rule: 'KHẢO SÁT', actual: 0.8 },
        { code: 1.3, max: 0, rule: 'CÓ/KHÔNG', actual: 'KAD' },
      ),
      { ...OPTIONS, declaredTotal: 100 },
    );
    expect(ev.total).toBeCloseTo(72.9, 9);
    const ev2 = evaluate(rows({ code: 1, max: 1, rule: 'TỰ CHẤM', actual: 0.3 + 0.3 + 0.3 }), {
      ...OPTIONS,
      declaredTotal: 1,
    });
    expect(ev2.index).toBeCloseTo(0.9, 12);
    expect(ev2.classification).toBe('Xuất sắc');
    expect(ev2.nextClass).toBeNull();
  });
  test('a parent whose leaves are all N/A is not applicable and leaves the maximum', () => {
    const ev = evaluate(
      rows(
        { code: 1, max: 100 },
        { code: 1.1, max: 50 },
        { code: '1.1.1', max: 50, rule: 'CÓ/KHÔNG', actual: 'KAD' },
        { code: 1.2, max: 50, rule: 'CÓ/KHÔNG', actual: 'Có' },
      ),
      OPTIONS,
    );
    expect(byCode(ev.rows, '1.1')).toMatchObject({ applicable: false, score: null, status: 'parent' });
    expect(ev.applicableMax).toBe(50);
    expect(ev.index).toBe(1);
  });
  test('nothing applicable: no index, no class', () => {
    const ev = evaluate(rows({ code: 1, max: 100, rule: 'CÓ/KHÔNG', actual: 'N/A' }), OPTIONS);
    expect(ev.index).toBeNull();
    expect(ev.classification).toBe('');
    expect(ev.nextClass).toBeNull();
  });
});

describe('evaluate: bonus and penalty caps', () => {
  const base = { code: 1, max: 100, rule: 'TỰ CHẤM', actual: 80 };
  test('a "+" header caps its sub-rows at its max; without a header the default cap is 2', () => {
    const capped = evaluate(
      rows(
        base,
        { code: '+', max: 3 },
        { code: '+1', max: 2, rule: 'TỰ CHẤM', actual: 2 },
        { code: '+2', max: 2, rule: 'TỰ CHẤM', actual: 2 },
      ),
      OPTIONS,
    );
    expect(capped.bonus).toBe(3);
    expect(byCode(capped.rows, '+')).toMatchObject({ score: 3, max: 3, status: 'parent' });
    const noHeader = evaluate(
      rows(
        base,
        { code: '+1', max: 2, rule: 'TỰ CHẤM', actual: 1.5 },
        { code: '+2', max: 2, rule: 'TỰ CHẤM', actual: 1.5 },
      ),
      OPTIONS,
    );
    expect(noHeader.bonus).toBe(2);
    expect(noHeader.total).toBe(82);
  });
  test('a bonus row with an empty max is capped at 2; a penalty row at 5', () => {
    const ev = evaluate(
      rows(base, { code: '+', rule: 'TỰ CHẤM', actual: 2 }, { code: '-', rule: 'TỰ CHẤM', actual: 5 }),
      OPTIONS,
    );
    expect([ev.bonus, ev.penalty, ev.total]).toEqual([2, 5, 77]);
    const over = evaluate(rows(base, { code: '+', rule: 'TỰ CHẤM', actual: 2.5 }), OPTIONS);
    expect(byCode(over.rows, '+').status).toBe('error');
    expect(over.problems[0]).toMatchObject({ row: 6, column: 'actual', severity: 'error' });
  });
  test('penalty with TRỪ counts the deduction; penalty rows show negative points', () => {
    const ev = evaluate(
      rows(
        base,
        { code: '-', max: 5 },
        { code: '-1', max: 5, rule: 'TRỪ(1)', actual: 3 },
        { code: '-2', max: 5, rule: 'TỰ CHẤM', actual: 2.5 },
      ),
      OPTIONS,
    );
    expect(byCode(ev.rows, '-1').score).toBe(-3);
    expect(byCode(ev.rows, '-2').score).toBe(-2.5);
    expect(ev.penalty).toBe(5);
    expect(byCode(ev.rows, '-').score).toBe(-5);
    expect(ev.total).toBe(75);
    expect(ev.applicableMax).toBe(100);
  });
});

describe('evaluate: problems name row, column, message and fix', () => {
  const ev = evaluate(
    rows(
      { code: 1, max: 10 },
      { code: 1.1, max: 2, rule: 'MỨC(100%: 3)', actual: 1 },
      { code: 1.2, max: 'hai', rule: 'CÓ/KHÔNG', actual: 'Có' },
      { code: 1.3, max: 2, rule: 'CÓ/KHÔNG', actual: 'có lẽ' },
      { code: 1.4, max: 2, rule: 'TỶ LỆ', actual: 0.5, target: 'nhiều' },
      { code: 1.5, max: 2, rule: 'CÓ/KHÔNG', actual: 'Có', deadline: 'sớm' },
      { code: 1.6, max: 2, rule: 'TỰ CHẤM', actual: 2, appraised: 'x' },
      { code: 1.6, max: 2, rule: 'TỰ CHẤM', actual: 2 },
      { code: 1.7, max: 2, rule: 'XYZ' },
      { code: 1.8, title: 'chưa nhập gì' },
      { code: 1.9, max: 2, rule: 'MỨC(100%: 2)', actual: 97 },
      { code: '2.1', max: 80, rule: 'CÓ/KHÔNG', actual: '#REF!' },
    ),
    OPTIONS,
  );
  const at = (row: number) => ev.problems.filter((p) => p.row === row).map((p) => [p.column, p.severity]);
  test('each problem', () => {
    expect(at(6)).toEqual([['rule', 'error']]);
    expect(at(7)).toEqual([['max', 'error']]);
    expect(at(8)).toEqual([['actual', 'error']]);
    expect(at(9)).toEqual([['target', 'error']]);
    expect(at(10)).toEqual([['deadline', 'error']]);
    expect(at(11)).toEqual([['appraised', 'error']]);
    expect(at(12)).toEqual([['code', 'error']]);
    expect(at(13)).toEqual([['rule', 'error']]);
    expect(at(14)).toEqual([['rule', 'warning']]);
    expect(at(15)).toEqual([['actual', 'warning']]);
    expect(at(16)).toEqual([
      ['code', 'warning'],
      ['actual', 'error'],
    ]);
  });
  test('messages quote the value; fixes say what to type', () => {
    const p = ev.problems.find((x) => x.row === 8)!;
    expect(p.message).toBe('Kết quả "có lẽ" không đọc được: cần Có / Đạt / x hoặc Không / Chưa.');
    expect(p.fix).toMatch(/Nhập Có hoặc Không/);
    expect(ev.problems.find((x) => x.row === 6)!.message).toMatch(/vượt điểm tối đa 2/);
    expect(ev.problems.find((x) => x.row === 15)!.message).toMatch(
      /Kết quả 97 được hiểu là 97% \(tỷ lệ gõ không có dấu %\)/,
    );
    expect(ev.problems.find((x) => x.row === 16 && x.column === 'actual')!.fix).toMatch(/Sửa công thức/);
    for (const x of ev.problems) {
      expect(x.message.length).toBeGreaterThan(10);
      expect(x.fix.length).toBeGreaterThan(5);
    }
  });
  test('rows with a bad scoring cell lose their points but keep their max in the denominator', () => {
    expect(byCode(ev.rows, '1.3')).toMatchObject({ status: 'error', score: null, max: 2 });
    expect(byCode(ev.rows, '1.3').error).toMatch(/có lẽ/);
    // A bad deadline or appraised cell flags the row but keeps its points.
    expect(byCode(ev.rows, '1.5')).toMatchObject({ status: 'error', score: 2 });
    expect(byCode(ev.rows, '1.6')).toMatchObject({ status: 'error', score: 2 });
  });
  test('problems come sorted by row, whole-table ones first', () => {
    const order = ev.problems.map((p) => p.row ?? 0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Top-level rows "1" (10) and the orphan "2.1" (80) do not make 100.
    expect(ev.problems[0]).toMatchObject({ row: null, column: 'max', severity: 'warning' });
    expect(ev.problems[0].message).toMatch(/là 90, khác tổng điểm của bộ chỉ số \(100\)/);
  });
});

describe('evaluate: fix suggestions fit the rule', () => {
  test.each([
    ['CÓ/KHÔNG', 'y', '', 'actual', /Nhập Có hoặc Không/],
    ['HẠN', 'hôm qua', '31/01/2024', 'actual', /ngày hoàn thành dạng dd\/mm\/yyyy, hoặc Đúng hạn/],
    ['HẠN', '05/02/2024', '', 'target', /Nhập hạn dạng dd\/mm\/yyyy vào cột Chỉ tiêu/],
    ['ĐẾM(0,25)', 1.5, '', 'actual', /số nguyên từ 0/],
    ['TRỪ(0,25)', -1, '', 'actual', /số nguyên từ 0/],
    ['KHẢO SÁT', 1.5, '', 'actual', /từ 0 đến 100%/],
    ['TỰ CHẤM', 900, '', 'actual', /từ 0 đến điểm tối đa/],
    ['MỨC(100%: 1)', 'cao', '', 'actual', /Nhập tỷ lệ hoặc số/],
    ['TỶ LỆ', 0.5, 'x', 'target', /Nhập chỉ tiêu là một tỷ lệ/],
  ])('%s with %j', (rule, actual, target, column, fix) => {
    const ev = evaluate(rows({ code: 1, max: 100, rule, actual, target }), OPTIONS);
    expect(ev.problems).toEqual([
      { row: 5, column, severity: 'error', message: expect.any(String), fix: expect.stringMatching(fix) },
    ]);
  });
  test('an unreadable Hạn column on a HẠN row with no target', () => {
    const ev = evaluate(rows({ code: 1, max: 100, rule: 'HẠN', deadline: 'sớm' }), OPTIONS);
    expect(ev.problems).toEqual([
      {
        row: 5,
        column: 'deadline',
        severity: 'error',
        message: expect.stringMatching(/^Hạn "sớm"/),
        fix: expect.stringMatching(/dd\/mm\/yyyy/),
      },
    ]);
    expect(ev.rows[0].status).toBe('error');
  });
});

describe('evaluate: deadlines and dates', () => {
  test('ISO deadline on the row; today from options (time of day ignored)', () => {
    const ev = evaluate(rows({ code: 1, max: 100, rule: 'CÓ/KHÔNG', deadline: new Date(2024, 11, 15) }), {
      ...OPTIONS,
      today: new Date(2024, 11, 10, 23, 30),
    });
    expect(ev.rows[0]).toMatchObject({
      deadline: '2024-12-15',
      status: 'atRisk',
      reasons: ['Hạn 15/12/2024 còn 5 ngày, chưa hoàn thành', 'Chưa có số liệu'],
    });
  });
  test('nearDeadlineDays decides what is near', () => {
    const ev = evaluate(rows({ code: 1, max: 100, rule: 'CÓ/KHÔNG', deadline: '15/12/2024' }), {
      ...OPTIONS,
      nearDeadlineDays: 3,
    });
    expect(ev.rows[0].risks).toEqual(['noData']);
  });
  test('a HẠN rule with an empty target takes the Hạn column as its deadline', () => {
    const ev = evaluate(
      rows({ code: 1, max: 100, rule: 'HẠN', actual: '05/02/2024', deadline: new Date(2024, 0, 31) }),
      OPTIONS,
    );
    expect(ev.rows[0].score).toBe(50);
  });
});

describe('evaluate: the embedded sample set', () => {
  test('loads with no error, areas sum to 100, nothing scored yet', () => {
    const g = sampleGrid(2024);
    const data: CriteriaRow[] = g.values.slice(g.firstDataRow - 1).map((v, i) => {
      const r: Record<string, unknown> = { row: g.firstDataRow + i };
      SAMPLE_COLUMNS.forEach((k, j) => (r[k] = v[j]));
      return r as unknown as CriteriaRow;
    });
    const ev = evaluate(data, OPTIONS);
    expect(ev.problems).toEqual([]);
    expect(ev.applicableMax).toBe(100);
    expect(ev.areas).toHaveLength(8);
    expect(ev.areas.reduce((s, a) => s + (a.declaredMax ?? 0), 0)).toBe(100);
    expect(ev.total).toBe(0);
    expect(
      ev.rows
        .filter((r) => r.isLeaf && r.kind === 'normal')
        .every((r) => r.status === 'atRisk' || r.status === 'losing'),
    ).toBe(true);
  });
});

describe('evaluate: scale', () => {
  test('10,000 rows evaluate consistently (roll-up equals the sum of leaves)', () => {
    const list: RowInput[] = [];
    for (let a = 1; a <= 10; a++) {
      list.push({ code: String(a), max: 10 });
      for (let c = 1; c <= 999; c++)
        list.push({ code: `${a}.${c}`, max: 10 / 999, rule: 'CÓ/KHÔNG', actual: c % 2 ? 'Có' : 'Không' });
    }
    const ev = evaluate(rows(...list), OPTIONS);
    expect(ev.rows).toHaveLength(10000);
    const leafSum = ev.rows.filter((r) => r.isLeaf).reduce((s, r) => s + (r.score ?? 0), 0);
    expect(ev.baseScore).toBeCloseTo(leafSum, 6);
    expect(ev.areas.reduce((s, a) => s + a.score, 0)).toBeCloseTo(leafSum, 6);
    expect(ev.applicableMax).toBeCloseTo(100, 6);
  });
});
