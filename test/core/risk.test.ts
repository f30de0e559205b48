import { describe, test, expect } from '@jest/globals';
import { assessRisk, hasEvidence, type RiskResult } from '../../src/core/risk';
import { statusLabel } from '../../src/core/vocabulary';
import { scoreRow } from '../../src/core/rules/score';
import type { CodeKind } from '../../src/core/criteria';
import type { CellValue } from '../../src/core/types';
import { dayOfDate } from '../../src/core/values';

const TODAY = dayOfDate(new Date(2024, 11, 10)); // 10/12/2024

interface Case {
  rule: CellValue;
  max: CellValue;
  actual?: CellValue;
  target?: CellValue;
  evidence?: CellValue;
  deadline?: CellValue;
  appraised?: CellValue;
  kind?: CodeKind;
  nearDays?: number;
  gap?: number;
}

function assess(c: Case): RiskResult {
  const scored = scoreRow({
    rule: c.rule,
    max: c.max,
    actual: c.actual ?? '',
    target: c.target ?? '',
    deadline: c.deadline ?? '',
  });
  return assessRisk(
    {
      kind: c.kind ?? 'normal',
      scored,
      evidence: c.evidence ?? 'QĐ số 12',
      deadline: c.deadline ?? '',
      appraised: c.appraised ?? '',
    },
    { today: TODAY, nearDays: c.nearDays ?? 14, appraisalGapShare: c.gap ?? 0.1 },
  );
}
const brief = (r: RiskResult) => ({
  status: r.status,
  risks: r.risks,
  reasons: r.reasons,
  pointsAtStake: r.pointsAtStake,
});

describe('secured', () => {
  test('full points with evidence and nothing pending', () => {
    expect(brief(assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'Có' }))).toEqual({
      status: 'secured',
      risks: [],
      reasons: [],
      pointsAtStake: 0,
    });
    expect(
      assess({ rule: 'MỨC(100%: 4; 98%: 3)', max: 4, actual: 1, deadline: new Date(2024, 11, 12) }).status,
    ).toBe('secured');
    expect(assess({ rule: 'HẠN', max: 1, actual: '30/01/2024', target: '31/01/2024' }).status).toBe(
      'secured',
    );
  });
});

describe('losing: a recorded actual below max', () => {
  test('below the top tier', () => {
    expect(brief(assess({ rule: 'MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1)', max: 4, actual: '97%' }))).toEqual({
      status: 'losing',
      risks: ['belowTarget'],
      reasons: ['Dưới mức cao nhất: 97% < 100% (mất 2 điểm)'],
      pointsAtStake: 2,
    });
    expect(assess({ rule: 'MỨC(100%: 1,5; 80%: 0,75)', max: 1.5, actual: 0.97 }).reasons).toEqual([
      'Dưới mức cao nhất: 97% < 100% (mất 0,75 điểm)',
    ]);
  });
  test('below a count tier', () => {
    expect(assess({ rule: 'MỨC(6: 1,5; 3: 0,75)', max: 1.5, actual: 4 }).reasons).toEqual([
      'Dưới mức cao nhất: 4 < 6 (mất 0,75 điểm)',
    ]);
  });
  test('top tier reached but worth less than max', () => {
    expect(assess({ rule: 'MỨC(100%: 1)', max: 2, actual: 1 }).reasons).toEqual([
      'Mức cao nhất chỉ cho 1/2 điểm (mất 1 điểm)',
    ]);
  });
  test('below the target of a ratio', () => {
    expect(brief(assess({ rule: 'TỶ LỆ', max: 2.5, actual: 0.4, target: 0.5 }))).toEqual({
      status: 'losing',
      risks: ['belowTarget'],
      reasons: ['Dưới chỉ tiêu: 40% < 50% (mất 0,5 điểm)'],
      pointsAtStake: 0.5,
    });
    expect(assess({ rule: 'TỶ LỆ', max: 2, actual: 9, target: 12 }).reasons).toEqual([
      'Dưới chỉ tiêu: 9 < 12 (mất 0,5 điểm)',
    ]);
  });
  test('count, survey, manual, yes/no', () => {
    expect(assess({ rule: 'ĐẾM(0,25)', max: 1.5, actual: 4 }).reasons).toEqual([
      'Mới có 4 lần, được 1/1,5 điểm (mất 0,5 điểm)',
    ]);
    expect(assess({ rule: 'KHẢO SÁT', max: 15, actual: 0.85, evidence: '' }).reasons).toEqual([
      'Kết quả khảo sát 85% (mất 2,25 điểm)',
    ]);
    expect(assess({ rule: 'TỰ CHẤM', max: 1.5, actual: 1 }).reasons).toEqual([
      'Tự chấm 1/1,5 điểm (mất 0,5 điểm)',
    ]);
    expect(brief(assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'Không' }))).toEqual({
      status: 'losing',
      risks: ['belowTarget'],
      reasons: ['Chưa đạt (mất 1 điểm)'],
      pointsAtStake: 1,
    });
  });
  test('a deduction recorded', () => {
    expect(brief(assess({ rule: 'TRỪ(0,25)', max: 2.5, actual: 2 }))).toEqual({
      status: 'losing',
      risks: ['deduction'],
      reasons: ['Có vi phạm bị trừ 0,5 điểm'],
      pointsAtStake: 0.5,
    });
    expect(assess({ rule: 'TRỪ(0,25)', max: 2.5, actual: 0 }).status).toBe('secured');
  });
  test('finished late', () => {
    expect(brief(assess({ rule: 'HẠN(50%)', max: 1, actual: '05/02/2024', target: '31/01/2024' }))).toEqual({
      status: 'losing',
      risks: ['belowTarget'],
      reasons: ['Hoàn thành trễ hạn: 05/02/2024 sau hạn 31/01/2024 (mất 0,5 điểm)'],
      pointsAtStake: 0.5,
    });
    expect(assess({ rule: 'HẠN(50%)', max: 1, actual: 'Trễ hạn' }).reasons).toEqual([
      'Trễ hạn (mất 0,5 điểm)',
    ]);
    expect(assess({ rule: 'HẠN(50%)', max: 1, actual: 'Chưa' }).reasons).toEqual([
      'Chưa hoàn thành (mất 1 điểm)',
    ]);
  });
});

describe('deadlines', () => {
  test('near: within N days and not done → at risk', () => {
    expect(brief(assess({ rule: 'HẠN', max: 1, deadline: new Date(2024, 11, 15) }))).toEqual({
      status: 'atRisk',
      risks: ['nearDeadline', 'noData'],
      reasons: ['Hạn 15/12/2024 còn 5 ngày, chưa hoàn thành', 'Chưa có số liệu'],
      pointsAtStake: 1,
    });
  });
  test('the deadline of a HẠN rule comes from its target when the Hạn column is empty', () => {
    const r = assess({ rule: 'HẠN', max: 1, target: '15/12/2024' });
    expect(r.reasons[0]).toBe('Hạn 15/12/2024 còn 5 ngày, chưa hoàn thành');
    expect(r.deadlineDay).toBe(TODAY + 5);
  });
  test('exactly N days left is near; N + 1 is not', () => {
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, deadline: new Date(2024, 11, 24) }).risks).toContain(
      'nearDeadline',
    );
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, deadline: new Date(2024, 11, 25) }).risks).toEqual(['noData']);
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, deadline: new Date(2024, 11, 13), nearDays: 2 }).risks).toEqual(
      ['noData'],
    );
  });
  test('due today', () => {
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, deadline: '10/12/2024' }).reasons[0]).toBe(
      'Hạn 10/12/2024 là hôm nay, chưa hoàn thành',
    );
  });
  test('overdue and not done → losing, label Quá hạn', () => {
    const r = assess({ rule: 'HẠN', max: 1, target: '31/01/2024' });
    expect(brief(r)).toEqual({
      status: 'losing',
      risks: ['overdue', 'noData'],
      reasons: ['Quá hạn 31/01/2024, chưa hoàn thành', 'Chưa có số liệu'],
      pointsAtStake: 1,
    });
    expect(statusLabel(r.status, r.risks)).toBe('Quá hạn');
  });
  test('overdue with a recorded "Chưa" says it once', () => {
    expect(assess({ rule: 'HẠN', max: 1, actual: 'Chưa', target: '31/01/2024' }).reasons).toEqual([
      'Quá hạn 31/01/2024, chưa hoàn thành',
    ]);
  });
  test('overdue with a partial result lists both', () => {
    const r = assess({ rule: 'MỨC(100%: 1,5; 80%: 0,75)', max: 1.5, actual: '85%', deadline: '30/11/2024' });
    expect(r.risks).toEqual(['overdue', 'belowTarget']);
    expect(r.reasons).toEqual([
      'Quá hạn 30/11/2024, chưa hoàn thành',
      'Dưới mức cao nhất: 85% < 100% (mất 0,75 điểm)',
    ]);
  });
  test('done rows ignore their deadline', () => {
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'Có', deadline: '01/01/2024' }).status).toBe('secured');
    // A HẠN task finished late is done: its loss is recorded, it is not "overdue".
    expect(assess({ rule: 'HẠN', max: 1, actual: '05/02/2024', target: '31/01/2024' }).risks).toEqual([
      'belowTarget',
    ]);
  });
  test('an unreadable Hạn cell is an error of the row; the score stays', () => {
    const r = assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'Có', deadline: 'cuối năm' });
    expect(r.status).toBe('error');
    expect(r.risks[0]).toBe('error');
    expect(r.error).toMatch(/^Hạn "cuối năm" không đọc được/);
    expect(r.problems).toEqual([{ column: 'deadline', message: r.error, fix: expect.any(String) }]);
  });
});

describe('no data, evidence, appraisal', () => {
  test('no data yet → at risk with the whole max at stake', () => {
    expect(brief(assess({ rule: 'MỨC(100%: 2)', max: 2 }))).toEqual({
      status: 'atRisk',
      risks: ['noData'],
      reasons: ['Chưa có số liệu'],
      pointsAtStake: 2,
    });
  });
  test('points claimed without evidence → at risk, nothing secured', () => {
    expect(brief(assess({ rule: 'CÓ/KHÔNG', max: 1.5, actual: 'Có', evidence: '' }))).toEqual({
      status: 'atRisk',
      risks: ['noEvidence'],
      reasons: ['Có điểm nhưng thiếu minh chứng'],
      pointsAtStake: 1.5,
    });
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'Có', evidence: 'Chưa có' }).risks).toEqual([
      'noEvidence',
    ]);
    // No points, nothing to prove.
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'Không', evidence: '' }).risks).toEqual([
      'belowTarget',
    ]);
  });
  test('survey rows need no evidence from the commune', () => {
    expect(assess({ rule: 'KHẢO SÁT', max: 15, actual: 1, evidence: '' }).status).toBe('secured');
  });
  test('below-target and no evidence: losing, the claimed points at stake too', () => {
    const r = assess({ rule: 'MỨC(100%: 4; 98%: 3)', max: 4, actual: 0.98, evidence: '' });
    expect(r.status).toBe('losing');
    expect(r.risks).toEqual(['belowTarget', 'noEvidence']);
    expect(r.pointsAtStake).toBe(4);
  });
  test('appraised well below self-score (gap > 10% of max)', () => {
    expect(brief(assess({ rule: 'TỰ CHẤM', max: 2.5, actual: 2.5, appraised: 1.25 }))).toEqual({
      status: 'atRisk',
      risks: ['appraisalGap'],
      reasons: ['Điểm thẩm định thấp hơn tự chấm 1,25 điểm'],
      pointsAtStake: 1.25,
    });
    // exactly 10% of max is not "well below"
    expect(assess({ rule: 'TỰ CHẤM', max: 2.5, actual: 2.5, appraised: 2.25 }).status).toBe('secured');
    expect(assess({ rule: 'TỰ CHẤM', max: 2.5, actual: 2.5, appraised: '2,2' }).status).toBe('atRisk');
    expect(assess({ rule: 'TỰ CHẤM', max: 2.5, actual: 2.5, appraised: 2.2, gap: 0.5 }).status).toBe(
      'secured',
    );
  });
  test('an unreadable appraised score is an error of the row', () => {
    const r = assess({ rule: 'TỰ CHẤM', max: 2.5, actual: 2.5, appraised: 'cao' });
    expect(r.status).toBe('error');
    expect(r.problems[0].column).toBe('appraised');
    expect(r.error).toMatch(/Điểm thẩm định "cao"/);
  });
  test('evidence words', () => {
    expect(hasEvidence('QĐ 12/QĐ-UBND')).toBe(true);
    expect(hasEvidence('https://drive.google.com/x')).toBe(true);
    expect(hasEvidence(true)).toBe(true);
    for (const v of ['', null, '  ', 'Không', 'chưa', 'Chưa có', 'không có', '-'])
      expect(hasEvidence(v)).toBe(false);
  });
});

describe('other statuses', () => {
  test('error, not applicable, empty', () => {
    const e = assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'y' });
    expect(brief(e)).toEqual({ status: 'error', risks: ['error'], reasons: [e.error], pointsAtStake: 0 });
    expect(assess({ rule: 'CÓ/KHÔNG', max: 1, actual: 'KAD', deadline: '01/01/2024' }).status).toBe(
      'notApplicable',
    );
    expect(assess({ rule: '', max: '' }).status).toBe('empty');
  });
  test('bonus rows: optional, secured when claimed with evidence', () => {
    expect(assess({ kind: 'bonus', rule: 'TỰ CHẤM', max: 2 }).status).toBe('empty');
    expect(assess({ kind: 'bonus', rule: 'TỰ CHẤM', max: 2, actual: 0 }).status).toBe('empty');
    expect(assess({ kind: 'bonus', rule: 'TỰ CHẤM', max: 2, actual: 1.5 }).status).toBe('secured');
    expect(brief(assess({ kind: 'bonus', rule: 'TỰ CHẤM', max: 2, actual: 1.5, evidence: '' }))).toEqual({
      status: 'atRisk',
      risks: ['noEvidence'],
      reasons: ['Có điểm nhưng thiếu minh chứng'],
      pointsAtStake: 1.5,
    });
  });
  test('penalty rows: a deduction is losing', () => {
    expect(brief(assess({ kind: 'penalty', rule: 'TỰ CHẤM', max: 5, actual: 0.5 }))).toEqual({
      status: 'losing',
      risks: ['deduction'],
      reasons: ['Có vi phạm bị trừ 0,5 điểm'],
      pointsAtStake: 0.5,
    });
    expect(assess({ kind: 'penalty', rule: 'TRỪ(0,5)', max: 5, actual: 3 }).reasons).toEqual([
      'Có vi phạm bị trừ 1,5 điểm',
    ]);
    expect(assess({ kind: 'penalty', rule: 'TRỪ(0,5)', max: 5, actual: 0 }).status).toBe('secured');
    expect(assess({ kind: 'penalty', rule: 'TỰ CHẤM', max: 5 }).status).toBe('empty');
  });
});

describe('points in reasons are rounded to 2 decimals', () => {
  const longDecimals = /\d,\d{3}/;
  test('ratio: 12% against 95% of 2 points loses 1,7474… → "1,75"', () => {
    const r = assess({ rule: 'TỶ LỆ(95%)', max: 2, actual: '12%' });
    expect(r.reasons).toEqual(['Dưới chỉ tiêu: 12% < 95% (mất 1,75 điểm)']);
    expect(r.pointsAtStake).toBeCloseTo(1.747368421, 9); // the figure itself is not rounded
  });
  test('self-scored 0,125 of 2: "0,13/2 điểm (mất 1,88 điểm)"', () => {
    expect(assess({ rule: 'TỰ CHẤM', max: 2, actual: 0.125 }).reasons).toEqual([
      'Tự chấm 0,13/2 điểm (mất 1,88 điểm)',
    ]);
  });
  test('count, late, tiers, deductions, appraisal gaps', () => {
    const reasons = [
      assess({ rule: 'ĐẾM(0,3333)', max: 2, actual: 2 }),
      assess({ rule: 'HẠN(33,333%)', max: 1, actual: 'Trễ hạn' }),
      assess({ rule: 'MỨC(100%: 100%; 80%: 33,333%)', max: 1, actual: '85%' }),
      assess({ rule: 'MỨC(100%: 0,3333)', max: 1, actual: '100%' }),
      assess({ kind: 'penalty', rule: 'TỰ CHẤM', max: 5, actual: 0.3333 }),
      assess({ rule: 'TỰ CHẤM', max: 2, actual: 2, appraised: 1.3333 }),
    ].flatMap((r) => r.reasons);
    expect(reasons).toEqual([
      'Mới có 2 lần, được 0,67/2 điểm (mất 1,33 điểm)',
      'Trễ hạn (mất 0,67 điểm)',
      'Dưới mức cao nhất: 85% < 100% (mất 0,67 điểm)',
      'Mức cao nhất chỉ cho 0,33/1 điểm (mất 0,67 điểm)',
      'Có vi phạm bị trừ 0,33 điểm',
      'Điểm thẩm định thấp hơn tự chấm 0,67 điểm',
    ]);
    for (const reason of reasons) expect(reason).not.toMatch(longDecimals);
  });
});

describe('statusLabel', () => {
  test.each([
    ['losing', [], 'Mất điểm'],
    ['losing', ['overdue'], 'Quá hạn'],
    ['atRisk', ['noData'], 'Nguy cơ'],
    ['secured', [], 'Đạt'],
    ['notApplicable', [], 'Không áp dụng'],
    ['error', ['error'], 'Lỗi'],
    ['parent', [], ''],
    ['empty', [], ''],
  ] as const)('%s %j → %j', (status, risks, label) => {
    expect(statusLabel(status, [...risks])).toBe(label);
  });
});
