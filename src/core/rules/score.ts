// Scores one row with its rule (design.md, "Rule language"). Pure and total: user input never throws.
// Besides the outcome it returns what the risk view needs (the value read, completion, dates).
import { formatNumber as fmtNumber } from '../format';
import type { CellValue, ScoreOutcome } from '../types';
import {
  MAX_ROW_POINTS,
  tooLargeMaxMessage,
  dayNumberOf,
  EPS,
  EXPECT_RATIO,
  formatNumber,
  fractionOf,
  isBlank,
  isDate,
  isNotApplicable,
  isNothingArose,
  normalizeText,
  numberOf,
  readCount,
  readDate,
  readNumber,
  readRatio,
  readYesNo,
  roundHalfUp,
  roundPoints,
  sheetsErrorOf,
  showValue,
  yesNoOf,
} from '../values';
import { MISSING_RULE, parseRule, RULE_NAME, stripAtLeast, type Rule } from './parser';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;

export interface ScoreInput {
  rule: CellValue;
  max: CellValue;
  actual: CellValue;
  target: CellValue;
  /** The Hạn column: HẠN takes its deadline from the target, else from here. */
  deadline?: CellValue;
  /** Used when max is blank (bonus / penalty rows have a default cap). */
  defaultMax?: number;
}

export type ScoreColumn = 'rule' | 'max' | 'actual' | 'target' | 'deadline';
export type Completion = 'onTime' | 'late' | 'notDone';

export interface RowScore {
  outcome: ScoreOutcome;
  /** The input that caused an error outcome. */
  errorColumn: ScoreColumn | null;
  rule: Rule | null;
  /** Max used (declared or default), when readable. */
  max: number | null;
  actualBlank: boolean;
  /** The actual as a number (ratio, count or points) for numeric rules. */
  value: number | null;
  /** HẠN and CÓ/KHÔNG: whether the task is done (on time / late) or not. */
  completion: Completion | null;
  /** HẠN: completion and deadline as day numbers. */
  completionDay: number | null;
  deadlineDay: number | null;
  /** TỶ LỆ: the target used. */
  target: number | null;
  /** Max 0: a tracking row ("theo dõi, không tính điểm"), scored 0, never at risk. */
  tracking: boolean;
  /** "Không phát sinh" (KPS, 0/0): scored as the rule's `none` says. */
  nothingArose: boolean;
  /** How the actual was read when it was not typed as a plain ratio: "2634/2735 = 96,31%", "96,5 → 96,5%". */
  reading: string | null;
  /** The actual was a plain number above 2 read as a percent (96,5 → 96,5%). */
  plainPercent: boolean;
}

const ACTUAL = 'Kết quả';

const ON_TIME = new Set(['dung han', 'on time', 'ontime', 'on-time', 'hoan thanh dung han']);
const LATE = new Set(['tre han', 'qua han', 'tre', 'late', 'overdue', 'hoan thanh tre han']);
const NOT_DONE = new Set([
  'chua',
  'chua hoan thanh',
  'chua thuc hien',
  'khong',
  'not done',
  'not yet',
  'not completed',
  'incomplete',
  'no',
]);

const EMPTY: ScoreOutcome = { kind: 'empty' };
const NOT_APPLICABLE: ScoreOutcome = { kind: 'notApplicable' };

// Helpers fill one result object of a fixed shape. CCHC_SCORE runs this 10,000 times per call, mostly
// before the JIT warms up: closures, spreads and per-cell result objects cost more than the scoring.
function fail(res: RowScore, column: ScoreColumn, message: string): RowScore {
  res.outcome = { kind: 'error', message };
  res.errorColumn = column;
  return res;
}

function give(
  res: RowScore,
  points: number,
  completion: Completion | null = null,
  value: number | null = null,
): RowScore {
  res.outcome = { kind: 'points', points: roundPoints(points) };
  res.completion = completion;
  res.value = value;
  return res;
}

function fresh(actualBlank: boolean): RowScore {
  return {
    outcome: EMPTY,
    errorColumn: null,
    rule: null,
    max: null,
    actualBlank,
    value: null,
    completion: null,
    completionDay: null,
    deadlineDay: null,
    target: null,
    tracking: false,
    nothingArose: false,
    reading: null,
    plainPercent: false,
  };
}

/** Scores a row. Order: all blank → empty; bad rule → error; not applicable; max; rule checks; actual. */
export function scoreRow(input: ScoreInput, decimals: number | null = null): RowScore {
  return scoreCells(
    input.rule,
    input.max,
    input.actual,
    input.target,
    input.deadline,
    input.defaultMax,
    decimals,
  );
}

/** pointsDecimals: each leaf's points rounded half up before any roll-up (null: unrounded). */
function rounded(res: RowScore, decimals: number | null): RowScore {
  const o = res.outcome;
  if (decimals !== null && o.kind === 'points') {
    const p = roundHalfUp(o.points, decimals);
    if (p !== o.points) res.outcome = { kind: 'points', points: p };
  }
  return res;
}

/** scoreRow with positional arguments (no input object per row on hot paths). */
export function scoreCells(
  ruleCell: CellValue,
  maxCell: CellValue,
  actual: CellValue,
  targetCell: CellValue,
  deadlineCell: CellValue,
  defaultMax: number | undefined,
  decimals: number | null = null,
): RowScore {
  return rounded(
    scoreInto(fresh(isBlank(actual)), ruleCell, maxCell, actual, targetCell, deadlineCell, defaultMax),
    decimals,
  );
}

// CCHC_SCORE reads only the outcome: one scratch result serves every call.
const scratch = fresh(true);

/** Just the outcome (CCHC_SCORE). */
export function scoreRule(
  rule: CellValue,
  max: CellValue,
  actual: CellValue,
  target: CellValue,
  decimals: number | null = null,
): ScoreOutcome {
  const res = scratch;
  res.outcome = EMPTY;
  res.errorColumn = null;
  res.rule = null;
  res.max = null;
  res.actualBlank = isBlank(actual);
  res.value = null;
  res.completion = null;
  res.completionDay = null;
  res.deadlineDay = null;
  res.target = null;
  res.tracking = false;
  res.nothingArose = false;
  res.reading = null;
  res.plainPercent = false;
  return rounded(scoreInto(res, rule, max, actual, target, undefined, undefined), decimals).outcome;
}

function scoreInto(
  res: RowScore,
  ruleCell: CellValue,
  maxCell: CellValue,
  actual: CellValue,
  targetCell: CellValue,
  deadlineCell: CellValue,
  defaultMax: number | undefined,
): RowScore {
  const actualBlank = res.actualBlank;
  const ruleBlank = isBlank(ruleCell);
  if (ruleBlank && actualBlank && isBlank(maxCell) && isBlank(targetCell)) return res;

  let rule: Rule | null = null;
  if (!ruleBlank) {
    const parsed = parseRule(ruleCell);
    if (!parsed.ok) return fail(res, 'rule', parsed.message);
    rule = parsed.value;
    res.rule = rule;
  }
  if (!actualBlank && isNotApplicable(actual)) {
    // A not-applicable row needs no max, but a tier above a max that is given is still a rule error.
    const over = rule && tierAboveMax(rule, numberOf(maxCell, false));
    if (over) return fail(res, 'rule', over);
    res.outcome = NOT_APPLICABLE;
    return res;
  }
  if (rule === null) return fail(res, 'rule', MISSING_RULE);
  const fraction = actualBlank ? null : fractionOf(actual);
  const none =
    !actualBlank && (isNothingArose(actual) || (fraction !== null && fraction.n === 0 && fraction.d === 0));
  // "Không phát sinh" under a rule that makes it not applicable needs no max, like "Không áp dụng".
  if (none && rule.none === 'notApplicable' && (fraction === null || takesFractions(rule))) {
    res.nothingArose = true;
    res.outcome = NOT_APPLICABLE;
    return res;
  }

  let max: number;
  if (isBlank(maxCell)) {
    if (defaultMax === undefined)
      return fail(res, 'max', 'Thiếu điểm tối đa: nhập một số lớn hơn 0, ví dụ 1,5.');
    max = defaultMax;
  } else {
    max = numberOf(maxCell, false);
    if (max !== max)
      return fail(res, 'max', (readNumber(maxCell, 'Điểm tối đa') as { message: string }).message);
    if (max < 0) return fail(res, 'max', `Điểm tối đa "${showValue(maxCell)}" không được âm.`);
    if (max > MAX_ROW_POINTS) return fail(res, 'max', tooLargeMaxMessage(maxCell));
  }
  res.max = max;
  // Max 0: a tracking row ("theo dõi, không tính điểm"): any valid rule, 0 points, whatever was recorded.
  if (max === 0) {
    res.tracking = true;
    return give(res, 0);
  }

  const over = tierAboveMax(rule, max);
  if (over) return fail(res, 'rule', over);

  // Rule-specific inputs other than actual are checked even when actual is empty (their cells are wrong).
  let deadlineDay: number | null = null;
  let target = 1;
  if (rule.kind === 'deadline') {
    const fromTarget = !isBlank(targetCell);
    const source = fromTarget ? targetCell : deadlineCell;
    if (!isBlank(source)) {
      const d = dayNumberOf(source);
      if (d !== d)
        return fail(
          res,
          fromTarget ? 'target' : 'deadline',
          failure(readDate(source, fromTarget ? 'Chỉ tiêu (hạn)' : 'Hạn')),
        );
      deadlineDay = d;
      res.deadlineDay = d;
    }
  } else if (rule.kind === 'ratio') {
    if (rule.target !== null) target = rule.target;
    else if (!isBlank(targetCell)) {
      const raw = typeof targetCell === 'string' ? stripAtLeast(targetCell) : targetCell;
      const t = numberOf(raw, true);
      if (t !== t) return fail(res, 'target', failure(readRatio(raw, 'Chỉ tiêu')));
      if (t <= 0) return fail(res, 'target', `Chỉ tiêu "${showValue(targetCell)}" phải lớn hơn 0.`);
      target = t;
    }
    res.target = target;
  }

  if (actualBlank) return give(res, 0, rule.kind === 'deadline' || rule.kind === 'yesno' ? 'notDone' : null);

  const fractions = takesFractions(rule);
  if (fraction !== null && !fractions) {
    return fail(
      res,
      'actual',
      `${ACTUAL} "${showValue(actual)}" là một phân số, nhưng cách chấm ${RULE_NAME[rule.kind]} không tính theo tỷ lệ: phân số chỉ dùng với TỶ LỆ, KHẢO SÁT hoặc MỨC theo phần trăm.`,
    );
  }
  if (none) {
    res.nothingArose = true;
    if (rule.none === 'max') {
      res.reading = 'Không phát sinh: đạt điểm tối đa';
      return give(res, max, 'onTime');
    }
    res.reading = 'Không phát sinh: 0 điểm theo cách chấm';
    return give(res, 0, 'onTime');
  }

  // MỨC on percents, TỶ LỆ and KHẢO SÁT read the actual as a ratio: "96,5%", 0.965, a fraction "2634/2735",
  // or a plain number above 2 (and at most 100) as a percent. KHẢO SÁT checks its own range below.
  let v = 0;
  if (rule.kind === 'tiers' || rule.kind === 'ratio' || rule.kind === 'survey') {
    if (fraction !== null) {
      if (fraction.d === 0) {
        return fail(
          res,
          'actual',
          `${ACTUAL} "${showValue(actual)}" có mẫu số bằng 0: nếu không phát sinh hồ sơ nào, ghi 0/0 hoặc "Không phát sinh".`,
        );
      }
      v = fraction.n / fraction.d;
      res.reading = `${ACTUAL} ${formatNumber(fraction.n)}/${formatNumber(fraction.d)} = ${percent2(v)}`;
    } else {
      v = numberOf(actual, true);
      if (v !== v) {
        if (isDate(actual) && fractions) {
          return fail(
            res,
            'actual',
            `${ACTUAL} "${showValue(actual)}" là một ngày: có lẽ Sheets đã đổi phân số (ví dụ 3/4) thành ngày. Gõ '3/4 (có dấu nháy đơn ở đầu) hoặc định dạng ô là văn bản thuần túy, rồi nhập lại.`,
          );
        }
        return fail(res, 'actual', failure(readRatio(actual, ACTUAL)));
      }
      const plain = typeof actual === 'number' || (typeof actual === 'string' && !actual.includes('%'));
      if (plain && v > 2 + EPS && readsPercent(rule, target)) {
        if (v > 100 + EPS) {
          return fail(
            res,
            'actual',
            `${ACTUAL} "${showValue(actual)}" lớn hơn 100 nên không phải tỷ lệ: cần ${EXPECT_RATIO}, hoặc phân số như 2634/2735.`,
          );
        }
        res.reading = `${ACTUAL} ${formatNumber(v)} được hiểu là ${formatNumber(v)}%`;
        res.plainPercent = true;
        v = v / 100;
      }
    }
    if (v < 0 && rule.kind !== 'survey')
      return fail(res, 'actual', `${ACTUAL} "${showValue(actual)}" không được âm: cần ${EXPECT_RATIO}.`);
  }

  switch (rule.kind) {
    case 'yesno': {
      const r = yesNoOf(actual);
      if (r < 0) return fail(res, 'actual', failure(readYesNo(actual, ACTUAL)));
      return give(res, r === 1 ? max : 0, r === 1 ? 'onTime' : 'notDone');
    }
    case 'deadline': {
      if (typeof actual === 'string') {
        const word = normalizeText(actual);
        if (ON_TIME.has(word)) return give(res, max, 'onTime');
        if (LATE.has(word)) return give(res, max * rule.lateShare, 'late');
        if (NOT_DONE.has(word)) return give(res, 0, 'notDone');
      }
      const day = dayNumberOf(actual);
      if (day !== day) {
        const looksLikeDate = typeof actual === 'string' && /\d+\s*[/.-]\s*\d+/.test(actual);
        return fail(
          res,
          'actual',
          looksLikeDate || isDate(actual) || sheetsErrorOf(actual)
            ? failure(readDate(actual, ACTUAL))
            : `${ACTUAL} "${showValue(actual)}" không đọc được: cần ngày hoàn thành dạng dd/mm/yyyy (ví dụ 31/01/2024) hoặc Đúng hạn / Trễ hạn / Chưa.`,
        );
      }
      if (deadlineDay === null) {
        return fail(
          res,
          'target',
          `Có ngày hoàn thành "${showValue(actual)}" nhưng thiếu hạn: nhập hạn (dd/mm/yyyy) vào cột Chỉ tiêu hoặc cột Hạn.`,
        );
      }
      res.completionDay = day;
      const onTime = day <= deadlineDay; // calendar days: the deadline day itself is on time
      return give(res, onTime ? max : max * rule.lateShare, onTime ? 'onTime' : 'late');
    }
    case 'tiers': {
      let p = 0;
      for (const t of rule.tiers) {
        if (v >= t.threshold - EPS) {
          p = t.isShare ? t.points * max : t.points;
          break;
        }
      }
      return give(res, p, null, v);
    }
    case 'ratio': {
      let share = v / target;
      if (share > 1 - EPS) share = 1; // above target is taken as given, then capped
      return give(res, max * share, null, v);
    }
    case 'count':
    case 'deduct': {
      const n = numberOf(actual, false);
      const c = M.round(n);
      if (n !== n || n < 0 || M.abs(n - c) > EPS)
        return fail(res, 'actual', failure(readCount(actual, ACTUAL)));
      const p = rule.kind === 'count' ? M.min(c * rule.per, max) : M.max(max - c * rule.per, 0);
      return give(res, p, null, c);
    }
    case 'survey': {
      if (v < -EPS || v > 1 + EPS) {
        return fail(
          res,
          'actual',
          `${ACTUAL} khảo sát "${showValue(actual)}" phải là tỷ lệ từ 0 đến 100% (ví dụ 85% hoặc 0,85).`,
        );
      }
      return give(res, max * M.min(M.max(v, 0), 1), null, v);
    }
    case 'manual': {
      v = numberOf(actual, false);
      if (v !== v) return fail(res, 'actual', failure(readNumber(actual, ACTUAL)));
      if (v < -EPS || v > max + EPS) {
        return fail(
          res,
          'actual',
          `${ACTUAL} "${showValue(actual)}" là điểm tự chấm, phải từ 0 đến điểm tối đa ${formatNumber(max)}.`,
        );
      }
      return give(res, M.min(M.max(v, 0), max), null, v);
    }
  }
}

/** Rules whose result is a ratio, so a fraction n/d may be typed: TỶ LỆ, KHẢO SÁT, MỨC on percents. */
export function takesFractions(rule: Rule): boolean {
  if (rule.kind === 'ratio' || rule.kind === 'survey') return true;
  if (rule.kind !== 'tiers') return false;
  for (const t of rule.tiers) if (!t.thresholdIsPercent) return false;
  return true;
}

/** A plain number above 2 is a percent, unless TỶ LỆ measures against a count target ("6" activities). */
function readsPercent(rule: Rule, target: number): boolean {
  return takesFractions(rule) && !(rule.kind === 'ratio' && target > 1 + EPS);
}

/** A ratio as a percent with 2 decimals: 2634/2735 → "96,31%". */
function percent2(ratio: number): string {
  return `${fmtNumber('vi', ratio * 100, 2)}%`;
}

/** MỨC: the rule error of a tier worth more than max (a number above 0), else null. */
function tierAboveMax(rule: Rule, max: number): string | null {
  if (rule.kind === 'tiers' && max > 0) {
    for (const t of rule.tiers) {
      if (!t.isShare && t.points > max + EPS)
        return `Cách chấm MỨC: mức "${t.text}" cho ${formatNumber(t.points)} điểm, vượt điểm tối đa ${formatNumber(max)}.`;
    }
  }
  return null;
}

/** The message of a failed read (the fast path already knows it failed). */
function failure(r: { ok: boolean; message?: string }): string {
  return r.message ?? '';
}
