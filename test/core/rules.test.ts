import { describe, test, expect } from '@jest/globals';
import { parseRule, type Rule } from '../../src/core/rules/parser';
import { scoreRow, scoreRule } from '../../src/core/rules/score';
import type { CellValue, ScoreOutcome } from '../../src/core/types';

function rule(text: string): Rule {
  const r = parseRule(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
function ruleError(text: CellValue): string {
  const r = parseRule(text);
  if (r.ok) throw new Error(`expected a rule error for ${String(text)}`);
  return r.message;
}
function points(ruleText: CellValue, max: CellValue, actual: CellValue, target: CellValue = ''): number {
  const o = scoreRule(ruleText, max, actual, target);
  if (o.kind !== 'points') throw new Error(`expected points, got ${JSON.stringify(o)}`);
  return o.points;
}
function error(ruleText: CellValue, max: CellValue, actual: CellValue, target: CellValue = ''): string {
  const o = scoreRule(ruleText, max, actual, target);
  if (o.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(o)}`);
  return o.message;
}
const NA: ScoreOutcome = { kind: 'notApplicable' };
const EMPTY: ScoreOutcome = { kind: 'empty' };

describe('parser: keywords and aliases', () => {
  test.each([
    ['CÓ/KHÔNG', 'yesno'],
    ['có/không', 'yesno'],
    ['CO/KHONG', 'yesno'],
    ['Có / Không', 'yesno'],
    ['YESNO', 'yesno'],
    ['bool', 'yesno'],
    ['HẠN', 'deadline'],
    ['han(50%)', 'deadline'],
    ['DEADLINE(50%)', 'deadline'],
    ['MỨC(100%: 1)', 'tiers'],
    ['muc(100%: 1)', 'tiers'],
    ['TIERS(100%: 1)', 'tiers'],
    ['TỶ LỆ', 'ratio'],
    ['tỷ lệ(98%)', 'ratio'],
    ['TY LE', 'ratio'],
    ['Tỉ lệ', 'ratio'],
    ['RATIO', 'ratio'],
    ['ĐẾM(0,25)', 'count'],
    ['dem(0.25)', 'count'],
    ['COUNT(0.25)', 'count'],
    ['TRỪ(0,25)', 'deduct'],
    ['tru(0,25)', 'deduct'],
    ['DEDUCT(0.25)', 'deduct'],
    ['KHẢO SÁT', 'survey'],
    ['khao sat', 'survey'],
    ['SURVEY', 'survey'],
    ['TỰ CHẤM', 'manual'],
    ['tu cham', 'manual'],
    ['MANUAL', 'manual'],
    ['  manual  ', 'manual'],
  ])('%j is %s', (text, kind) => {
    expect(rule(text).kind).toBe(kind);
  });

  test('arguments: decimal comma or point, ";" between them', () => {
    expect(rule('ĐẾM(0,25)')).toEqual({ none: 'max', kind: 'count', per: 0.25 });
    expect(rule('COUNT(0.25)')).toEqual({ none: 'max', kind: 'count', per: 0.25 });
    expect(rule('TRỪ(1,5)')).toEqual({ none: 'max', kind: 'deduct', per: 1.5 });
    expect(rule('TỶ LỆ(98%)')).toEqual({ none: 'max', kind: 'ratio', target: 0.98 });
    expect(rule('TỶ LỆ(0,5)')).toEqual({ none: 'max', kind: 'ratio', target: 0.5 });
    expect(rule('TỶ LỆ')).toEqual({ none: 'max', kind: 'ratio', target: null });
    expect(rule('HẠN')).toEqual({ none: 'max', kind: 'deadline', lateShare: 0.5 });
    expect(rule('HẠN(30%)')).toEqual({ none: 'max', kind: 'deadline', lateShare: 0.3 });
    expect(rule('HẠN(0%)')).toEqual({ none: 'max', kind: 'deadline', lateShare: 0 });
    expect(rule('HẠN(100%)')).toEqual({ none: 'max', kind: 'deadline', lateShare: 1 });
    expect(rule('HẠN(0,25)')).toEqual({ none: 'max', kind: 'deadline', lateShare: 0.25 });
  });

  test('tiers: sorted high to low, ≥ and >= prefixes, points or shares', () => {
    const r = rule('MỨC(80%: 0,75; ≥ 100%: 1,5; >=90%: 50%)');
    expect(r.kind).toBe('tiers');
    if (r.kind !== 'tiers') return;
    expect(r.tiers.map((t) => [t.threshold, t.points, t.isShare, t.thresholdIsPercent])).toEqual([
      [1, 1.5, false, true],
      [0.9, 0.5, true, true],
      [0.8, 0.75, false, true],
    ]);
    const counts = rule('MỨC(6: 1,5; 3: 0,75)');
    if (counts.kind !== 'tiers') throw new Error('tiers');
    expect(counts.tiers.map((t) => [t.threshold, t.thresholdIsPercent])).toEqual([
      [6, false],
      [3, false],
    ]);
  });

  test('a trailing ";" is tolerated', () => {
    expect(rule('MỨC(100%: 4; 90%: 1;)').kind).toBe('tiers');
  });

  test('parsed once per distinct text (cached)', () => {
    expect(parseRule('MỨC(100%: 2; 50%: 1)')).toBe(parseRule('MỨC(100%: 2; 50%: 1)'));
  });
});

describe('parser: rule errors in Vietnamese', () => {
  test.each([
    ['XYZ', /Cách chấm "XYZ" không có trong danh sách: dùng CÓ\/KHÔNG/],
    ['MUC 100%: 1', /không có trong danh sách/],
    ['MỨC(100%: 1', /thiếu dấu "\)"/],
    ['MỨC(100%: 1) thêm', /chữ thừa sau dấu "\)"/],
    ['MỨC()', /cần ít nhất một mức/],
    ['MỨC(100% 1,5)', /mức "100% 1,5" không đúng dạng ngưỡng: điểm/],
    ['MỨC(100%: 1,5, 80%: 0,75)', /không đúng dạng ngưỡng: điểm.*cách nhau bằng dấu ";"/],
    ['MỨC(abc: 1)', /ngưỡng "abc"/],
    ['MỨC(100%: x)', /điểm "x"/],
    ['MỨC(100%: -1)', /không được âm/],
    ['MỨC(80%: 150%)', /150% điểm tối đa, vượt quá 100%/],
    ['MỨC(100%: 1; 100%: 2)', /xuất hiện hai lần/],
    ['HẠN(150%)', /phải từ 0 đến 100%/],
    ['HẠN(-10%)', /phải từ 0 đến 100%/],
    ['HẠN(50)', /phải từ 0 đến 100%/],
    ['HẠN(50%; 20%)', /một tham số/],
    ['ĐẾM', /cần đúng một tham số/],
    ['ĐẾM(0)', /lớn hơn 0/],
    ['TRỪ(-0,25)', /lớn hơn 0/],
    ['TRỪ(1.000,5)', /lớn hơn 0/],
    ['TỶ LỆ(0%)', /lớn hơn 0/],
    ['TỶ LỆ(98%; 2)', /một tham số/],
    ['CÓ/KHÔNG(1)', /không nhận tham số/],
    ['KHẢO SÁT(85%)', /không nhận tham số/],
    ['TỰ CHẤM(2)', /không nhận tham số/],
    ['', /Thiếu cách chấm/],
  ])('%j', (text, expected) => {
    expect(ruleError(text)).toMatch(expected);
  });
  test('a number in the rule cell is not a rule', () => {
    expect(ruleError(5)).toMatch(/Cách chấm "5"/);
  });
});

describe('every rule: empty, not applicable, missing max', () => {
  const rules = [
    'CÓ/KHÔNG',
    'HẠN(50%)',
    'MỨC(100%: 1)',
    'TỶ LỆ',
    'ĐẾM(0,25)',
    'TRỪ(0,25)',
    'KHẢO SÁT',
    'TỰ CHẤM',
  ];
  test.each(rules)('%s: empty actual scores 0', (r) => {
    expect(points(r, 1, '')).toBe(0);
    expect(points(r, 1, null)).toBe(0);
    expect(points(r, 1, '   ')).toBe(0);
  });
  test.each(rules)('%s: "Không áp dụng" / KAD / N/A → not applicable, no max needed', (r) => {
    for (const na of ['Không áp dụng', 'KAD', 'N/A', 'khong ap dung']) {
      expect(scoreRule(r, '', na, '')).toEqual(NA);
      expect(scoreRule(r, 'abc', na, '')).toEqual(NA);
    }
  });
  test.each(rules)('%s: missing or bad max is an error even with an empty actual', (r) => {
    expect(error(r, '', '')).toMatch(/Thiếu điểm tối đa/);
    expect(error(r, 'hai', '')).toMatch(/Điểm tối đa "hai" không đọc được/);
    expect(error(r, -1, '')).toMatch(/không được âm/);
    expect(error(r, '1.000,5', '')).toMatch(/hàng nghìn/);
  });
  test('an unknown rule is an error even with an empty actual', () => {
    expect(error('XYZ', 1, '')).toMatch(/không có trong danh sách/);
    expect(error('XYZ', '', '')).toMatch(/không có trong danh sách/);
  });
  test('an unknown rule with a not-applicable actual is still reported', () => {
    expect(error('XYZ', 1, 'KAD')).toMatch(/không có trong danh sách/);
  });
  test('an empty rule with data is an error; with "KAD" it is not applicable', () => {
    expect(error('', 1, 'Có')).toMatch(/Thiếu cách chấm/);
    expect(error('', 1, '')).toMatch(/Thiếu cách chấm/);
    expect(scoreRule('', '', 'KAD', '')).toEqual(NA);
  });
  test('rule, max, actual and target all empty → empty', () => {
    expect(scoreRule('', '', '', '')).toEqual(EMPTY);
    expect(scoreRule(null, undefined, '  ', '')).toEqual(EMPTY);
  });
  test('max accepts text with a decimal comma', () => {
    expect(points('CÓ/KHÔNG', '1,5', 'Có')).toBe(1.5);
    expect(points('CÓ/KHÔNG', ' 2.5 ', 'Có')).toBe(2.5);
  });
});

describe('CÓ/KHÔNG', () => {
  test.each(['Có', 'có', 'Đạt', 'dat', 'x', '✓', 'TRUE', '1', 'yes', true, 1])('%j → max', (a) => {
    expect(points('CÓ/KHÔNG', 1.5, a)).toBe(1.5);
  });
  test.each(['Không', 'Chưa', 'Chưa đạt', 'FALSE', '0', 'no', false, 0])('%j → 0', (a) => {
    expect(points('YESNO', 1.5, a)).toBe(0);
  });
  test('anything else is an error quoting the value', () => {
    expect(error('BOOL', 1, 'có lẽ')).toBe(
      'Kết quả "có lẽ" không đọc được: cần Có / Đạt / x hoặc Không / Chưa.',
    );
    expect(error('BOOL', 1, 2)).toMatch(/Kết quả "2"/);
  });
});

describe('HẠN', () => {
  const deadline = new Date(2024, 0, 31);
  test('finishing on the deadline day is on time (calendar days, time ignored)', () => {
    expect(points('HẠN(50%)', 1, new Date(2024, 0, 31, 17, 30), deadline)).toBe(1);
    expect(points('HẠN(50%)', 1, '31/01/2024', deadline)).toBe(1);
    expect(points('HẠN(50%)', 1, new Date(2024, 0, 30), new Date(2024, 0, 31, 8))).toBe(1);
  });
  test('a day late gets the share (default 50%)', () => {
    expect(points('HẠN(50%)', 1, new Date(2024, 1, 1), deadline)).toBe(0.5);
    expect(points('HẠN', 2, '01/02/2024', deadline)).toBe(1);
    expect(points('HẠN(30%)', 1, '2024-02-10', '31/01/2024')).toBe(0.3);
    expect(points('DEADLINE(0%)', 1, '2024-02-10', '31/01/2024')).toBe(0);
  });
  test('words', () => {
    expect(points('HẠN(50%)', 1, 'Đúng hạn')).toBe(1);
    expect(points('HẠN(50%)', 1, 'dung han')).toBe(1);
    expect(points('HẠN(50%)', 1, 'On time')).toBe(1);
    expect(points('HẠN(50%)', 1, 'Trễ hạn')).toBe(0.5);
    expect(points('HẠN(50%)', 1, 'Quá hạn')).toBe(0.5);
    expect(points('HẠN(50%)', 1, 'late')).toBe(0.5);
    expect(points('HẠN(50%)', 1, 'Chưa')).toBe(0);
    expect(points('HẠN(50%)', 1, 'Chưa hoàn thành')).toBe(0);
    expect(points('HẠN(50%)', 1, 'not done')).toBe(0);
    expect(points('HẠN(50%)', 1, 'On-time')).toBe(1);
    expect(points('HẠN(50%)', 1, 'Not yet')).toBe(0);
    expect(points('HẠN(50%)', 1, 'not completed')).toBe(0);
    expect(points('HẠN(50%)', 1, 'Incomplete')).toBe(0);
  });
  test('a completion date with no deadline is an error', () => {
    expect(error('HẠN(50%)', 1, '05/02/2024')).toMatch(/Có ngày hoàn thành "05\/02\/2024" nhưng thiếu hạn/);
  });
  test('the deadline may come from the Hạn column (evaluate passes it)', () => {
    expect(
      scoreRow({ rule: 'HẠN', max: 1, actual: '05/02/2024', target: '', deadline: deadline }).outcome,
    ).toEqual({
      kind: 'points',
      points: 0.5,
    });
    const r = scoreRow({ rule: 'HẠN', max: 1, actual: '', target: '', deadline: 'mai' });
    expect(r.outcome.kind).toBe('error');
    expect(r.errorColumn).toBe('deadline');
  });
  test('an unreadable deadline is an error even with an empty actual', () => {
    const r = scoreRow({ rule: 'HẠN', max: 1, actual: '', target: 'cuối tháng' });
    expect(r.errorColumn).toBe('target');
    expect(r.outcome).toEqual({
      kind: 'error',
      message: expect.stringMatching(/Chỉ tiêu \(hạn\) "cuối tháng"/),
    });
  });
  test('unreadable actuals', () => {
    expect(error('HẠN', 1, 'hôm qua', deadline)).toMatch(
      /cần ngày hoàn thành dạng dd\/mm\/yyyy .* Đúng hạn \/ Trễ hạn \/ Chưa/,
    );
    expect(error('HẠN', 1, '31/02/2024', deadline)).toMatch(/không phải ngày có thật/);
    expect(error('HẠN', 1, '#VALUE!', deadline)).toMatch(/đang báo lỗi của Sheets/);
  });
  test('a date serial from Sheets is read as a date', () => {
    expect(points('HẠN', 1, 45322, deadline)).toBe(1); // 31/01/2024
    expect(points('HẠN', 1, 45322.99, deadline)).toBe(1); // 31/01/2024 23:45, formatted as a number
    expect(points('HẠN', 1, 45323, deadline)).toBe(0.5);
  });
  test('a completion typed as text with a time of day: the calendar day counts', () => {
    expect(points('HẠN', 1, '31/01/2024 23:59', deadline)).toBe(1);
    expect(points('HẠN', 1, '01/02/2024 00:00', '31/01/2024')).toBe(0.5);
  });
  test('details for the risk view', () => {
    const r = scoreRow({ rule: 'HẠN', max: 1, actual: '05/02/2024', target: deadline });
    expect(r.completion).toBe('late');
    expect(r.completionDay).toBe(Date.UTC(2024, 1, 5) / 86400000);
    expect(r.deadlineDay).toBe(Date.UTC(2024, 0, 31) / 86400000);
  });
});

describe('MỨC', () => {
  const R = 'MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1)';
  test.each([
    [1, 4],
    ['100%', 4],
    [0.999, 3],
    [0.98, 3],
    ['98%', 3],
    ['97,9%', 2],
    [0.95, 2],
    [0.9, 1],
    [0.3 + 0.3 + 0.3, 1],
    [0.8999, 0],
    [0, 0],
    [1.05, 4],
  ])('domain tiers: %j → %d', (a, p) => {
    expect(points(R, 4, a)).toBe(p);
  });
  test('exactly at a threshold reaches it; 1e-9 below still does; clearly below does not', () => {
    expect(points('MỨC(90%: 1)', 1, 0.9 - 1e-12)).toBe(1);
    expect(points('MỨC(90%: 1)', 1, 0.9 - 1e-6)).toBe(0);
  });
  test('tier points as a share of max', () => {
    expect(points('MỨC(100%: 100%; 80%: 50%)', 1.5, 0.85)).toBe(0.75);
    expect(points('TIERS(100%: 100%; 80%: 50%)', 3, 1)).toBe(3);
  });
  test('thresholds without % compare with the number as written (counts)', () => {
    expect(points('MỨC(6: 1,5; 3: 0,75)', 1.5, 6)).toBe(1.5);
    expect(points('MỨC(6: 1,5; 3: 0,75)', 1.5, 5)).toBe(0.75);
    expect(points('MỨC(6: 1,5; 3: 0,75)', 1.5, 2)).toBe(0);
    // A fraction written without % is a fraction: "0,9" is the same threshold as "90%".
    expect(points('MỨC(0,9: 1)', 1, '90%')).toBe(1);
  });
  test('a tier worth more than max is a rule error, even with an empty actual', () => {
    expect(error('MỨC(100%: 5)', 4, '')).toBe('Cách chấm MỨC: mức "100%: 5" cho 5 điểm, vượt điểm tối đa 4.');
    expect(scoreRow({ rule: 'MỨC(100%: 5)', max: 4, actual: 1, target: '' }).errorColumn).toBe('rule');
  });
  test('a tier above a max that is given is reported even when the row is not applicable', () => {
    expect(error('MỨC(100%: 5)', 4, 'KAD')).toBe(
      'Cách chấm MỨC: mức "100%: 5" cho 5 điểm, vượt điểm tối đa 4.',
    );
    // a not-applicable row needs no max: with none (or an unreadable one) there is nothing to compare
    expect(scoreRule('MỨC(100%: 5)', '', 'KAD', '')).toEqual(NA);
    expect(scoreRule('MỨC(100%: 5)', 'abc', 'KAD', '')).toEqual(NA);
    expect(scoreRule('MỨC(100%: 4)', 4, 'KAD', '')).toEqual(NA);
  });
  test('unreadable or negative actual', () => {
    expect(error(R, 4, 'cao')).toMatch(/Kết quả "cao" không đọc được: cần một tỷ lệ/);
    expect(error(R, 4, -0.1)).toBe('Kết quả "−0,1" không được âm: cần một tỷ lệ, ví dụ 95% hoặc 0,95.');
    expect(error(R, 4, '1.000,5%')).toMatch(/hàng nghìn/);
  });
});

describe('TỶ LỆ', () => {
  test('max × min(actual / target, 1); target from the argument', () => {
    expect(points('TỶ LỆ(50%)', 2.5, 0.4)).toBe(2);
    expect(points('RATIO(50%)', 2.5, '25%')).toBe(1.25);
    expect(points('TỶ LỆ(50%)', 2.5, 0.6)).toBe(2.5);
  });
  test('else from the Target column (≥ prefix allowed), else 100%', () => {
    expect(points('TỶ LỆ', 2.5, 0.4, 0.5)).toBe(2);
    expect(points('TỶ LỆ', 2.5, 0.4, '50%')).toBe(2);
    expect(points('TỶ LỆ', 2.5, 0.4, '≥ 50%')).toBe(2);
    expect(points('TỶ LỆ', 2.5, 0.4, '>= 50%')).toBe(2);
    expect(points('TỶ LỆ', 2, 0.4)).toBe(0.8);
    expect(points('TỶ LỆ(80%)', 1, 0.4, 0.5)).toBe(0.5);
  });
  test('a count against a count target (10 of 12 months)', () => {
    expect(points('TỶ LỆ', 2, 9, 12)).toBe(1.5);
  });
  test('above 100% is taken as given, then capped', () => {
    expect(points('TỶ LỆ', 2, '120%')).toBe(2);
    expect(points('TỶ LỆ', 2, 1.2)).toBe(2);
  });
  test('0.3 + 0.3 + 0.3 of a 90% target is full', () => {
    expect(points('TỶ LỆ(90%)', 1, 0.3 + 0.3 + 0.3)).toBe(1);
  });
  test('errors', () => {
    expect(error('TỶ LỆ', 1, 'nhiều')).toMatch(/Kết quả "nhiều"/);
    expect(error('TỶ LỆ', 1, -0.5)).toMatch(/không được âm/);
    expect(error('TỶ LỆ', 1, '', 'cao')).toMatch(/Chỉ tiêu "cao"/);
    expect(error('TỶ LỆ', 1, 0.5, 0)).toMatch(/Chỉ tiêu "0" phải lớn hơn 0/);
    expect(scoreRow({ rule: 'TỶ LỆ', max: 1, actual: 0.5, target: 'x' }).errorColumn).toBe('target');
  });
});

describe('ĐẾM and TRỪ', () => {
  test('COUNT: min(count × per, max)', () => {
    expect(points('ĐẾM(0,25)', 1.5, 4)).toBe(1);
    expect(points('ĐẾM(0,25)', 1.5, 6)).toBe(1.5);
    expect(points('COUNT(0.25)', 1.5, 10)).toBe(1.5);
    expect(points('ĐẾM(0,1)', 1, 3)).toBe(0.3);
    expect(points('ĐẾM(0,25)', 1.5, 0)).toBe(0);
    expect(points('ĐẾM(0,25)', 1.5, '3')).toBe(0.75);
  });
  test('DEDUCT: max(max − count × per, 0)', () => {
    expect(points('TRỪ(0,25)', 2.5, 0)).toBe(2.5);
    expect(points('TRỪ(0,25)', 2.5, 2)).toBe(2);
    expect(points('DEDUCT(0.25)', 2.5, 10)).toBe(0);
    expect(points('TRỪ(1)', 2, 3)).toBe(0);
    expect(points('TRỪ(0,1)', 1, 3)).toBe(0.7);
  });
  test('counts must be whole numbers from 0', () => {
    expect(error('ĐẾM(0,25)', 1, 2.5)).toMatch(/cần một số đếm/);
    expect(error('TRỪ(0,25)', 1, -1)).toMatch(/cần một số đếm/);
    expect(error('TRỪ(0,25)', 1, 'hai')).toMatch(/Kết quả "hai"/);
  });
});

describe('KHẢO SÁT', () => {
  test('max × result', () => {
    expect(points('KHẢO SÁT', 15, 0.85)).toBe(12.75);
    expect(points('SURVEY', 15, '85%')).toBe(12.75);
    expect(points('KHẢO SÁT', 15, '100%')).toBe(15);
    expect(points('KHẢO SÁT', 15, 0)).toBe(0);
  });
  test('above 100% is an error', () => {
    expect(error('KHẢO SÁT', 15, 1.2)).toMatch(/khảo sát "1,2" phải là tỷ lệ từ 0 đến 100%/);
    expect(error('KHẢO SÁT', 15, '1,5')).toMatch(/phải là tỷ lệ từ 0 đến 100%/);
    expect(error('KHẢO SÁT', 15, '185')).toMatch(/"185" lớn hơn 100 nên không phải tỷ lệ/);
    expect(error('KHẢO SÁT', 15, -0.1)).toMatch(/từ 0 đến 100%/);
  });
});

describe('TỰ CHẤM', () => {
  test('the points, within 0..max', () => {
    expect(points('TỰ CHẤM', 1.5, 1.25)).toBe(1.25);
    expect(points('MANUAL', 1.5, '1,5')).toBe(1.5);
    expect(points('TỰ CHẤM', 1.5, 0)).toBe(0);
  });
  test('outside 0..max is an error', () => {
    expect(error('TỰ CHẤM', 1.5, 2)).toBe('Kết quả "2" là điểm tự chấm, phải từ 0 đến điểm tối đa 1,5.');
    expect(error('TỰ CHẤM', 1.5, -0.5)).toMatch(/phải từ 0 đến điểm tối đa/);
    expect(error('TỰ CHẤM', 1.5, '50%')).toMatch(/không dùng %/);
  });
});

describe('scoreRow extras', () => {
  test('a default max serves bonus/penalty rows with an empty max', () => {
    expect(scoreRow({ rule: 'TỰ CHẤM', max: '', actual: 1.5, target: '', defaultMax: 2 }).outcome).toEqual({
      kind: 'points',
      points: 1.5,
    });
    expect(scoreRow({ rule: 'TỰ CHẤM', max: '', actual: 3, target: '', defaultMax: 2 }).outcome.kind).toBe(
      'error',
    );
  });
  test('error columns', () => {
    expect(scoreRow({ rule: 'X', max: 1, actual: 1, target: '' }).errorColumn).toBe('rule');
    expect(scoreRow({ rule: 'CÓ/KHÔNG', max: 'x', actual: 1, target: '' }).errorColumn).toBe('max');
    expect(scoreRow({ rule: 'CÓ/KHÔNG', max: 1, actual: 'y', target: '' }).errorColumn).toBe('actual');
  });
  test('the value read is returned for numeric rules', () => {
    expect(scoreRow({ rule: 'MỨC(100%: 1)', max: 1, actual: '97%', target: '' }).value).toBeCloseTo(0.97, 12);
    expect(scoreRow({ rule: 'TRỪ(1)', max: 2, actual: 1, target: '' }).value).toBe(1);
  });
});
