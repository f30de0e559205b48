// Real sets (issue 13, issue 10 point 2): "không phát sinh" and its override, n/d fractions, plain numbers
// read as percents, tracking rows with max 0, and rounding each criterion's points (pointsDecimals).
import { describe, test, expect } from '@jest/globals';
import { evaluate } from '../../src/core/evaluate';
import { parseRule } from '../../src/core/rules/parser';
import { scoreRow, scoreRule } from '../../src/core/rules/score';
import { statusLabel } from '../../src/core/vocabulary';
import { DEFAULT_BANDS } from '../../src/core/settings';
import type { CellValue, CriteriaRow, ScoreOutcome } from '../../src/core/types';
import { isNothingArose, roundHalfUp } from '../../src/core/values';
import { reasonText } from '../../src/functions/reason';

const NA: ScoreOutcome = { kind: 'notApplicable' };

function points(rule: CellValue, max: CellValue, actual: CellValue, target: CellValue = ''): number {
  const o = scoreRule(rule, max, actual, target);
  if (o.kind !== 'points') throw new Error(`expected points, got ${JSON.stringify(o)}`);
  return o.points;
}
function error(rule: CellValue, max: CellValue, actual: CellValue, target: CellValue = ''): string {
  const o = scoreRule(rule, max, actual, target);
  if (o.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(o)}`);
  return o.message;
}

/** A small seeded generator (mulberry32): reproducible properties without a dependency. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function row(n: number, code: string, rule: string, max: CellValue, actual: CellValue): CriteriaRow {
  return {
    row: n,
    code,
    title: `Tiêu chí ${code}`,
    max,
    rule,
    target: '',
    actual,
    evidence: 'Cổng DVCQG',
    sector: 'BPMC',
    deadline: '',
    notes: '',
    appraised: '',
  };
}
const options = { today: new Date(2026, 9, 10), nearDeadlineDays: 14, bands: DEFAULT_BANDS };

const RULES = [
  'CÓ/KHÔNG',
  'HẠN(50%)',
  'MỨC(100%: 2; 80%: 1)',
  'TỶ LỆ',
  'TỶ LỆ(80%)',
  'ĐẾM(0,25)',
  'TRỪ(0,25)',
  'KHẢO SÁT',
  'TỰ CHẤM',
];

describe('"Không phát sinh" (nothing arose) is not "Không áp dụng"', () => {
  test.each(['Không phát sinh', 'không phát sinh', 'KPS', ' kps ', 'Khong phat sinh', 'nothing arose'])(
    '%j is "nothing arose"',
    (v) => expect(isNothingArose(v)).toBe(true),
  );
  test.each(RULES)('%s: KPS gives full points by default and keeps the max', (rule) => {
    expect(points(rule, 2, 'Không phát sinh')).toBe(2);
    expect(points(rule, 2, 'KPS')).toBe(2);
    // Unlike "Không áp dụng", it needs a max: the row stays in the applicable maximum.
    expect(error(rule, '', 'KPS')).toMatch(/Thiếu điểm tối đa/);
  });
  test.each(RULES)('%s: "; KPS: 0" gives 0 and "; KPS: KAD" makes the row not applicable', (rule) => {
    expect(points(`${rule}; KPS: 0`, 2, 'KPS')).toBe(0);
    expect(points(`${rule}; Không phát sinh: 0`, 2, 'Không phát sinh')).toBe(0);
    expect(scoreRule(`${rule}; KPS: KAD`, 2, 'KPS', '')).toEqual(NA);
    expect(scoreRule(`${rule}; KPS: Không áp dụng`, '', 'KPS', '')).toEqual(NA);
    expect(points(`${rule}; KPS: tối đa`, 2, 'KPS')).toBe(2);
    // English aliases.
    expect(points(`${rule}; NONE: 0`, 2, 'nothing arose')).toBe(0);
    expect(scoreRule(`${rule}; none: N/A`, 2, 'KPS', '')).toEqual(NA);
    expect(points(`${rule}; none: max`, 2, 'KPS')).toBe(2);
  });
  test('the option parses beside arguments that hold ";" themselves', () => {
    const r = parseRule('MỨC(100%: 2; 80%: 1); KPS: 0');
    expect(r.ok && r.value).toMatchObject({ kind: 'tiers', none: 'zero' });
    expect(r.ok && r.value.kind === 'tiers' && r.value.tiers.length).toBe(2);
    const d = parseRule('TỶ LỆ(80%)');
    expect(d.ok && d.value).toEqual({ kind: 'ratio', target: 0.8, none: 'max' });
  });
  test('an unknown option is a rule error that shows the syntax', () => {
    expect(error('TỶ LỆ; KPS: một nửa', 2, '50%')).toMatch(/"KPS: một nửa" không đọc được.*KPS: 0.*KPS: KAD/);
    expect(error('TỶ LỆ; abc', 2, '50%')).toMatch(/phần "abc" không đọc được/);
  });
  test('a 0/0 fraction is "nothing arose" in ratio rules', () => {
    expect(points('TỶ LỆ', 6, '0/0')).toBe(6);
    expect(points('TỶ LỆ; KPS: 0', 6, '0 / 0')).toBe(0);
    expect(scoreRule('KHẢO SÁT; KPS: KAD', 6, '0/0', '')).toEqual(NA);
  });
  test('the applicable maximum keeps a KPS row (the index is not inflated by dropping it)', () => {
    const rows = [
      row(5, '1', '', 10, ''),
      row(6, '1.1', 'TỶ LỆ', 6, '1/2'),
      row(7, '1.2', 'TỶ LỆ', 4, 'Không phát sinh'),
    ];
    const ev = evaluate(rows, { ...options, declaredTotal: 10 });
    expect(ev.applicableMax).toBe(10);
    expect(ev.total).toBe(3 + 4);
    const kad = evaluate([rows[0], rows[1], row(7, '1.2', 'TỶ LỆ', 4, 'Không áp dụng')], {
      ...options,
      declaredTotal: 10,
    });
    expect(kad.applicableMax).toBe(6);
  });
  test('KPS under "; KPS: 0" is a recorded loss with a reason that says why', () => {
    const ev = evaluate([row(5, '1', 'TỶ LỆ; KPS: 0', 2, 'KPS')], { ...options, declaredTotal: 2 });
    const r = ev.rows[0];
    expect(r.status).toBe('losing');
    expect(r.reasons.join(' | ')).toMatch(/Cách chấm cho 0 điểm khi không phát sinh \(mất 2 điểm\)/);
  });
  test('KPS at full points is secured and its Lý do says how it was read', () => {
    const ev = evaluate([row(5, '1', 'TỶ LỆ', 2, 'KPS')], { ...options, declaredTotal: 2 });
    expect(ev.rows[0].status).toBe('secured');
    expect(reasonText(ev.rows[0])).toBe('Không phát sinh: đạt điểm tối đa');
  });
});

describe('fractions n/d in ratio rules', () => {
  test('the ratio is n/d unrounded: max × min((n/d) / target, 1), over generated fractions', () => {
    const rnd = random(13);
    for (let i = 0; i < 300; i++) {
      const d = 1 + Math.floor(rnd() * 5000);
      const n = Math.floor(rnd() * (d + 1));
      const max = [2, 4, 6, 12, 20][i % 5];
      const target = [1, 0.8, 0.9][i % 3];
      const rule = target === 1 ? 'TỶ LỆ' : `TỶ LỆ(${target * 100}%)`;
      const expected = max * Math.min(n / d / target, 1);
      expect(points(rule, max, `${n}/${d}`)).toBeCloseTo(expected, 8);
      expect(points(rule, max, `${n} / ${d} hồ sơ`)).toBeCloseTo(expected, 8);
    }
  });
  test('MỨC on percents and KHẢO SÁT take fractions too', () => {
    expect(points('MỨC(100%: 4; 95%: 2)', 4, '19/20')).toBe(2);
    expect(points('MỨC(100%: 4; 95%: 2)', 4, '20/20')).toBe(4);
    expect(points('KHẢO SÁT', 10, '17/20')).toBe(8.5);
  });
  test('the Lý do shows the fraction and the percent', () => {
    const ev = evaluate([row(5, '1', 'TỶ LỆ', 20, '2634/2735')], { ...options, declaredTotal: 20 });
    expect(ev.rows[0].reasons[0]).toBe('Kết quả 2.634/2.735 = 96,31%');
    expect(reasonText(ev.rows[0])).toMatch(/^Kết quả 2\.634\/2\.735 = 96,31%; Dưới chỉ tiêu/);
    const full = evaluate([row(5, '1', 'TỶ LỆ(80%)', 2, '9/10')], { ...options, declaredTotal: 2 });
    expect(full.rows[0].status).toBe('secured');
    expect(reasonText(full.rows[0])).toBe('Kết quả 9/10 = 90%');
  });
  test('n/0 with n > 0 is an error that says how to write "nothing arose"', () => {
    expect(error('TỶ LỆ', 2, '5/0')).toMatch(/mẫu số bằng 0.*0\/0 hoặc "Không phát sinh"/);
  });
  test.each(['CÓ/KHÔNG', 'ĐẾM(0,25)', 'TRỪ(0,25)', 'TỰ CHẤM', 'MỨC(6: 2; 3: 1)'])(
    '%s refuses a fraction (only ratio rules take one)',
    (rule) => expect(error(rule, 2, '3/4')).toMatch(/là một phân số.*chỉ dùng với TỶ LỆ/),
  );
  test('a date in a ratio rule is reported as a fraction Sheets turned into a date, with the fix', () => {
    expect(error('TỶ LỆ', 2, new Date(2026, 3, 3))).toMatch(
      /là một ngày: có lẽ Sheets đã đổi phân số.*'3\/4/,
    );
  });
  test('a date typed as text is not a fraction', () => {
    expect(error('TỶ LỆ', 2, '3/4/2026')).toMatch(/không đọc được/);
  });
});

describe('a ratio typed without % (issue 10 point 2)', () => {
  test('a plain number above 2 and at most 100 is a percent, over generated values', () => {
    const rnd = random(102);
    for (let i = 0; i < 200; i++) {
      const v = Math.round((2.01 + rnd() * 97.99) * 100) / 100;
      const text = `${v}`.replace('.', ',');
      for (const rule of ['TỶ LỆ', 'TỶ LỆ(90%)', 'MỨC(100%: 4; 98%: 3; 90%: 1)', 'KHẢO SÁT']) {
        expect(points(rule, 4, text)).toBe(points(rule, 4, `${text}%`));
        expect(points(rule, 4, v)).toBe(points(rule, 4, `${text}%`));
      }
    }
  });
  test('the Lý do and the data check say how it was read', () => {
    const ev = evaluate([row(5, '1', 'TỶ LỆ', 2, '96,5')], { ...options, declaredTotal: 2 });
    expect(ev.rows[0].reasons[0]).toBe('Kết quả 96,5 được hiểu là 96,5%');
    const warning = ev.problems.find((p) => p.row === 5 && p.column === 'actual')!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toMatch(/96,5 được hiểu là 96,5%/);
  });
  test('from 1 to 2 it is the fraction it is (1,02 = 102%: over-achievement)', () => {
    expect(points('MỨC(≥ 100%: 2; 90%: 1)', 2, 1.02)).toBe(2);
    expect(points('TỶ LỆ(110%)', 2.2, '1,1')).toBe(2.2);
    expect(points('TỶ LỆ(110%)', 2.2, 2)).toBe(2.2);
  });
  test('above 100 is an error that names the value', () => {
    expect(error('TỶ LỆ', 2, 150)).toMatch(/Kết quả "150" lớn hơn 100 nên không phải tỷ lệ/);
    expect(error('MỨC(100%: 1)', 1, '965')).toMatch(/"965" lớn hơn 100/);
  });
  test('TỶ LỆ against a count target keeps counts as counts', () => {
    expect(points('TỶ LỆ', 3, 4, 6)).toBe(2);
  });
  test('MỨC on counts keeps counts as counts', () => {
    expect(points('MỨC(6: 2; 3: 1)', 2, 4)).toBe(1);
  });
});

describe('tracking rows (max 0: "theo dõi, không tính điểm")', () => {
  test.each(RULES)('%s with max 0 scores 0 whatever is recorded', (rule) => {
    for (const actual of ['3/7', 'abc', 5, '', 'KPS', 'Có'])
      expect(scoreRule(rule, 0, actual, '')).toEqual({ kind: 'points', points: 0 });
  });
  test('an invalid rule is still an error on a tracking row', () => {
    expect(error('XYZ', 0, '1/2')).toMatch(/không có trong danh sách/);
  });
  test('grey, never at risk, never an error, 0 points, and the totals ignore it', () => {
    const rows = [
      row(5, '1', '', 2, ''),
      row(6, '1.1', 'TỶ LỆ', 2, '1/2'),
      row(7, '1.2', 'TỶ LỆ', 0, 'chữ không đọc được'),
      row(8, '1.3', 'CÓ/KHÔNG', '0', ''),
    ];
    const ev = evaluate(rows, { ...options, declaredTotal: 2 });
    for (const r of ev.rows.slice(2)) {
      expect(r.status).toBe('tracking');
      expect(r.score).toBe(0);
      expect(r.risks).toEqual([]);
      expect(r.pointsAtStake).toBe(0);
      expect(statusLabel(r.status)).toBe('Theo dõi');
    }
    expect(ev.problems.filter((p) => p.row === 7 || p.row === 8)).toEqual([]);
    expect(ev.total).toBe(1);
    expect(ev.applicableMax).toBe(2);
  });
  test('a negative max is still an error', () => {
    expect(error('TỶ LỆ', -1, '1/2')).toMatch(/không được âm/);
  });
});

describe('pointsDecimals: each criterion rounded half up before the roll-up', () => {
  test.each([
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [1.0049999, 2, 1],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.125, 2, 0.13],
    [1e-7, 2, 0],
    [5.7784277879, 2, 5.78],
    [1.23456, 4, 1.2346],
    [1.5, null, 1.5],
  ])('roundHalfUp(%p, %p) = %p', (x, d, expected) => expect(roundHalfUp(x, d)).toBe(expected));
  test('exact halves always go up (away from zero), over generated values', () => {
    for (let digits = 0; digits <= 4; digits++) {
      for (let k = 0; k < 2000; k += 7) {
        // (k + 0.5) / 10^digits written as decimal text, so the half is exact in decimal.
        const text = `${k}5e-${digits + 1}`;
        const expected = +`${k + 1}e-${digits}`;
        expect(roundHalfUp(+text, digits)).toBe(expected);
        expect(roundHalfUp(-text, digits)).toBe(expected === 0 ? 0 : -expected);
      }
    }
  });
  test('leaves are rounded before roll-up: three thirds give 0,99 with 2 decimals, 1 without', () => {
    const rows = [
      row(5, '1', '', 3, ''),
      row(6, '1.1', 'TỶ LỆ', 1, '1/3'),
      row(7, '1.2', 'TỶ LỆ', 1, '1/3'),
      row(8, '1.3', 'TỶ LỆ', 1, '1/3'),
    ];
    const two = evaluate(rows, { ...options, declaredTotal: 3, pointsDecimals: 2 });
    expect(two.rows.map((r) => r.score)).toEqual([0.99, 0.33, 0.33, 0.33]);
    expect(two.total).toBe(0.99);
    expect(two.areas[0].score).toBe(0.99);
    const none = evaluate(rows, { ...options, declaredTotal: 3, pointsDecimals: null });
    expect(none.total).toBeCloseTo(1, 6);
  });
  test('scoreRow takes the same rounding', () => {
    const r = scoreRow({ rule: 'TỶ LỆ', max: 6, actual: '2634/2735', target: '' }, 2);
    expect(r.outcome).toEqual({ kind: 'points', points: 5.78 });
  });
});

describe('Điểm tự chấm: the unit’s self-score compared with the computed points', () => {
  const withSelf = (self: CellValue, actual: CellValue = '1/2'): CriteriaRow => ({
    ...row(5, '1', 'TỶ LỆ', 2, actual),
    selfScore: self,
  });
  const opts = { ...options, declaredTotal: 2 };
  test('more than 10% of max away: a reason with both figures; the total stays the computed one', () => {
    const ev = evaluate([withSelf(1.5)], opts);
    expect(ev.total).toBe(1);
    expect(ev.rows[0].risks).toContain('selfScoreGap');
    expect(ev.rows[0].reasons.join(' | ')).toMatch(
      /Điểm tự chấm 1,5 khác điểm tính theo cách chấm 1 \(lệch 0,5 điểm\)/,
    );
  });
  test('within 10% of max (either side), blank or "KPS": no flag', () => {
    for (const self of [1.2, 0.8, '1,1', '', 'KPS']) {
      const ev = evaluate([withSelf(self)], opts);
      expect(ev.rows[0].risks).not.toContain('selfScoreGap');
    }
  });
  test('a secured row with a self-score far below is flagged too (amber, nothing at stake)', () => {
    const ev = evaluate([withSelf(0.5, '2/2')], opts);
    expect(ev.rows[0].status).toBe('atRisk');
    expect(ev.rows[0].pointsAtStake).toBe(0);
    expect(ev.total).toBe(2);
  });
  test('an unreadable self-score names the value and the column', () => {
    const ev = evaluate([withSelf('hai điểm')], opts);
    const p = ev.problems.find((x) => x.column === 'selfScore')!;
    expect(p.message).toMatch(/Điểm tự chấm "hai điểm" không đọc được/);
    expect(ev.total).toBe(1);
  });
});
