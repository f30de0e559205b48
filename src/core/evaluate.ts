// The one entry of the core: the criteria table in, everything computed out (scores, roll-up, index, class,
// risks, problems). Used by the sheet adapter, the reports, the emails and the custom functions alike.
import { NOT_APPLICABLE_TEXT } from './vocabulary';
import type {
  ColumnKey,
  CriteriaRow,
  Evaluation,
  EvaluateOptions,
  Problem,
  RowResult,
  AreaResult,
} from './types';
import {
  analyseTable,
  DEFAULT_BONUS_CAP,
  DEFAULT_PENALTY_CAP,
  FIX_MAX,
  problem,
  type Entry,
} from './criteria';
import { assessRisk, FIX_DEADLINE, outcomeOnly, type RiskResult } from './risk';
import { RULE_LIST, type RuleKind } from './rules/parser';
import { scoreCells, type RowScore } from './rules/score';
import { classify, nextClass, rollUp, type LeafFigure } from './scoring';
import { dayOfDate, formatNumber, isDate, isoOfDay, roundPoints, sheetsErrorOf, showValue } from './values';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;

export const DEFAULT_NEAR_DAYS = 14;
export const DEFAULT_APPRAISAL_GAP_SHARE = 0.1;

/** Evaluates the whole table as of `options.today`. Never throws for user data. */
export function evaluate(rows: CriteriaRow[], options: EvaluateOptions): Evaluation {
  return evaluateTable(rows, options, true);
}

/**
 * evaluate() with risk assessment optional: CCHC_POINTS needs only the points, and skipping the risk view
 * halves its cost. Without it, leaf statuses only say error / notApplicable / empty / secured.
 */
export function evaluateTable(rows: CriteriaRow[], options: EvaluateOptions, withRisk: boolean): Evaluation {
  const declaredTotal = options.declaredTotal ?? 100;
  const decimals = pointsDecimalsOf(options.pointsDecimals);
  const model = analyseTable(rows, declaredTotal);
  const entries = model.entries;
  const n = entries.length;
  const problems: Problem[] = model.problems.slice();
  const today =
    isDate(options.today) && !Number.isNaN(options.today.getTime()) ? dayOfDate(options.today) : 0;
  const riskOptions = {
    today,
    nearDays:
      Number.isFinite(options.nearDeadlineDays) && options.nearDeadlineDays >= 0
        ? options.nearDeadlineDays
        : DEFAULT_NEAR_DAYS,
    appraisalGapShare: options.appraisalGapShare ?? DEFAULT_APPRAISAL_GAP_SHARE,
  };

  // Pass 1, leaves: score, assess, and build their results at once, so the intermediate objects die young
  // (10,000 rows run mostly before the JIT warms up; garbage that survives is what costs).
  const results: RowResult[] = new Array(n);
  const figures: (LeafFigure | null)[] = new Array(n).fill(null);
  let baseScore = 0;
  let applicableMax = 0;
  let bonusSum = 0;
  let penaltySum = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    const r = rows[e.index];
    const res = newResult(e, r, e.isLeaf && e.duplicateOf === null);
    results[i] = res;
    if (e.duplicateOf !== null) {
      const message = `Mã "${showValue(e.code)}" bị trùng với một dòng phía trên; dòng này không được tính.`;
      res.status = 'error';
      res.reasons = [message];
      res.risks = ['error'];
      res.error = message;
      res.pointsAtStake = errorAtStake(e.kind, e.max);
      continue;
    }
    if (!e.isLeaf) continue;
    const scored = scoreCells(
      r.rule,
      r.max,
      r.actual,
      r.target,
      r.deadline,
      e.kind === 'normal' ? undefined : (e.max ?? undefined),
      decimals,
    );
    const risk = withRisk
      ? assessRisk(
          {
            kind: e.kind,
            scored,
            evidence: r.evidence,
            deadline: r.deadline,
            appraised: r.appraised,
            selfScore: r.selfScore,
            solution: r.solution,
            solutionDue: r.solutionDue,
          },
          riskOptions,
        )
      : outcomeOnly(scored);
    const o = scored.outcome;
    const isPoints = o.kind === 'points';
    const applicable = o.kind !== 'notApplicable';
    const points = isPoints ? o.points : 0;
    // Penalty rows count their deduction: a DEDUCT rule's lost points, any other rule's points.
    const counted =
      e.kind === 'penalty' && isPoints && scored.rule?.kind === 'deduct'
        ? roundPoints((scored.max ?? 0) - points)
        : points;
    const score = e.kind === 'penalty' ? -counted : counted;
    // An error row keeps its max in the denominator (0 points): fixing it can only raise the index.
    const max = applicable ? (scored.max ?? e.max ?? 0) : 0;
    figures[i] = { score, max, applicable, hasData: isPoints || o.kind === 'error' };
    if (e.kind === 'normal') {
      if (applicable) {
        baseScore += score;
        applicableMax += max;
      }
    } else if (isPoints) {
      if (e.kind === 'bonus') bonusSum += counted;
      else penaltySum += counted;
    }
    res.max = scored.max ?? e.max;
    res.score = isPoints ? score : null;
    res.applicable = applicable;
    res.status = risk.status;
    res.reasons = risk.reasons;
    res.risks = risk.risks;
    // A row whose data cannot be read secures nothing: its whole max is at stake until it is fixed.
    res.pointsAtStake =
      risk.status === 'error' ? errorAtStake(e.kind, scored.max ?? e.max) : risk.pointsAtStake;
    res.deadline = risk.deadlineDay === null ? null : isoOfDay(risk.deadlineDay);
    if (risk.error !== undefined) res.error = risk.error;
    // The solution columns, as shown beside the row (sidebar, emails, summary.json); absent without them.
    if (r.solution !== undefined) res.solution = text(r.solution);
    if (r.solutionOwner !== undefined) res.solutionOwner = text(r.solutionOwner);
    if (r.solutionDue !== undefined)
      res.solutionDue = risk.solutionDueDay === null ? null : isoOfDay(risk.solutionDueDay);
    if (
      o.kind !== 'points' ||
      risk.problems.length > 0 ||
      scored.rule?.kind === 'tiers' ||
      scored.plainPercent
    ) {
      const extra = leafProblems(e, r, scored, risk);
      for (let k = 0; k < extra.length; k++) problems.push(extra[k]);
    }
  }

  // Totals of the 100-point part, and the capped bonus / penalty groups.
  const capOf = (code: '+' | '-', fallback: number): number => {
    const at = model.byCode.get(code);
    const m = at === undefined ? null : entries[at].max;
    return m ?? fallback;
  };
  const bonus = roundPoints(M.min(bonusSum, capOf('+', DEFAULT_BONUS_CAP)));
  const penalty = roundPoints(M.min(penaltySum, capOf('-', DEFAULT_PENALTY_CAP)));
  baseScore = roundPoints(baseScore);
  applicableMax = roundPoints(applicableMax);
  const total = roundPoints(baseScore + bonus - penalty);
  // The index is a share of the applicable maximum: bonus points can make up lost points, never pass 100%;
  // penalties larger than the points secured make it 0, never negative (said in the problems).
  const index = applicableMax > 0 ? M.min(M.max(total / applicableMax, 0), 1) : null;
  if (applicableMax > 0 && total < 0) {
    problems.push(
      problem(
        null,
        null,
        'warning',
        `Điểm trừ (${formatNumber(penalty)}) lớn hơn số điểm đạt được (${formatNumber(roundPoints(baseScore + bonus))}): tổng điểm là ${formatNumber(total)} nhưng chỉ số được tính là 0%, không âm.`,
        'Kiểm tra các dòng điểm trừ và kết quả các tiêu chí.',
      ),
    );
  }

  // Pass 2, parents: the roll-up of their applicable leaves ("+" / "-" headers: the capped group).
  const rolled = rollUp(model, figures);
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    if (e.isLeaf || e.duplicateOf !== null) continue;
    const res = results[i];
    const up = rolled[i];
    res.applicable = up ? up.applicable : true;
    res.max = up ? up.max : 0;
    res.score = res.applicable ? (up ? up.score : 0) : null;
    if (e.code === '+') {
      res.score = bonus;
      res.max = e.max;
    } else if (e.code === '-') {
      res.score = -penalty;
      res.max = e.max;
    }
  }

  const areas: AreaResult[] = [];
  model.entries.forEach((e, i) => {
    if (e.kind !== 'normal' || e.level !== 0 || e.duplicateOf !== null) return;
    const f = figures[i];
    const up = rolled[i];
    const score = f ? (f.applicable ? f.score : 0) : (up?.score ?? 0);
    const max = f ? f.max : (up?.max ?? 0);
    areas.push({
      code: e.code,
      title: results[i].title,
      score,
      max,
      declaredMax: e.maxBlank ? null : e.max,
      ratio: max > 0 ? score / max : 0,
    });
  });

  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    rows: results,
    areas,
    baseScore,
    bonus,
    penalty,
    total,
    applicableMax,
    index,
    classification: classify(index, options.bands),
    nextClass: index === null ? null : nextClass(total, applicableMax, options.bands),
    problems,
  };
}

/** pointsDecimals as a whole number 0–4, or null (anything else: no rounding). */
export function pointsDecimalsOf(d: unknown): number | null {
  return typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 4 ? d : null;
}

/**
 * Points at stake of a row in error: its whole max (a bonus row its bonus); a penalty row has nothing to
 * earn. Unknown max → 0.
 */
function errorAtStake(kind: Entry['kind'], max: number | null): number {
  return kind === 'penalty' || max === null || !(max > 0) ? 0 : max;
}

/** A result with the fields every row has; pass 1 and 2 fill in the rest. */
function newResult(e: Entry, r: CriteriaRow, leaf: boolean): RowResult {
  return {
    row: e.row,
    code: e.code,
    title: text(r.title),
    sector: text(r.sector),
    level: e.level,
    isLeaf: e.isLeaf,
    kind: e.kind,
    max: e.max,
    score: null,
    applicable: true,
    status: 'parent',
    // Leaves get the risk view's arrays: no need to allocate two more per row.
    reasons: leaf ? NONE : [],
    risks: leaf ? (NONE as RowResult['risks']) : [],
    pointsAtStake: 0,
    deadline: null,
  };
}

const NONE: string[] = [];

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : `${v}`.trim();
}

/** Problems of one scored leaf: its scoring error, unreadable side cells, a missing rule, likely slips. */
function leafProblems(e: Entry, r: CriteriaRow, scored: RowScore, risk: RiskResult): Problem[] {
  const out: Problem[] = [];
  const o = scored.outcome;
  if (o.kind === 'error' && scored.errorColumn) {
    const column = scored.errorColumn;
    const raw = r[column];
    const fix = sheetsErrorOf(raw)
      ? 'Sửa công thức hoặc giá trị gây lỗi trong ô này.'
      : fixFor(column, scored.rule?.kind ?? null);
    out.push(problem(e.row, column, 'error', o.message, fix));
  }
  for (const p of risk.problems) out.push(problem(e.row, p.column, 'error', p.message, p.fix));
  if (o.kind === 'empty' && e.kind === 'normal') {
    out.push(
      problem(
        e.row,
        'rule',
        'warning',
        `Tiêu chí "${showValue(e.code)}" chưa có cách chấm và điểm tối đa.`,
        `Nhập điểm tối đa và cách chấm (${RULE_LIST}), hoặc ghi "${NOT_APPLICABLE_TEXT}" vào cột Kết quả.`,
      ),
    );
  }
  // A plain number in a ratio rule: "96,5" is read as 96,5% (the Lý do says so); "2" stays 200% in a tier on
  // percentages. Either way the data check names the cell, so a slip never passes silently.
  if (o.kind === 'points' && scored.value !== null && scored.plainPercent) {
    const v = formatNumber(scored.value * 100);
    out.push(
      problem(
        e.row,
        'actual',
        'warning',
        `Kết quả ${v} được hiểu là ${v}% (tỷ lệ gõ không có dấu %).`,
        `Nhập tỷ lệ kèm dấu %, ví dụ ${v}%, để không phải đoán.`,
      ),
    );
  } else if (
    o.kind === 'points' &&
    scored.rule?.kind === 'tiers' &&
    scored.rule.tiers.every((t) => t.thresholdIsPercent) &&
    scored.value !== null &&
    scored.value >= 2 - 1e-9 &&
    scored.reading === null &&
    !(typeof r.actual === 'string' && r.actual.includes('%'))
  ) {
    const v = formatNumber(scored.value);
    out.push(
      problem(
        e.row,
        'actual',
        'warning',
        `Kết quả ${v} được hiểu là ${formatNumber(scored.value * 100)}%; nếu ý là ${v}%, hãy nhập ${v}%.`,
        `Nhập tỷ lệ kèm dấu %, ví dụ ${v}%.`,
      ),
    );
  }
  return out;
}

const OR_NOT_APPLICABLE = `(hoặc "${NOT_APPLICABLE_TEXT}").`;

function fixFor(column: ColumnKey, rule: RuleKind | null): string {
  switch (column) {
    case 'rule':
      return `Sửa cách chấm theo một trong các mẫu: ${RULE_LIST}.`;
    case 'max':
      return FIX_MAX;
    case 'target':
      return rule === 'deadline'
        ? 'Nhập hạn dạng dd/mm/yyyy vào cột Chỉ tiêu (hoặc cột Hạn).'
        : 'Nhập chỉ tiêu là một tỷ lệ hoặc số lớn hơn 0, ví dụ 50%.';
    case 'deadline':
      return FIX_DEADLINE;
    case 'actual':
      switch (rule) {
        case 'yesno':
          return `Nhập Có hoặc Không ${OR_NOT_APPLICABLE}`;
        case 'deadline':
          return `Nhập ngày hoàn thành dạng dd/mm/yyyy, hoặc Đúng hạn / Trễ hạn / Chưa ${OR_NOT_APPLICABLE}`;
        case 'count':
        case 'deduct':
          return `Nhập số lần là số nguyên từ 0, ví dụ 3 ${OR_NOT_APPLICABLE}`;
        case 'survey':
          return 'Nhập kết quả khảo sát là tỷ lệ từ 0 đến 100%, ví dụ 85% hoặc 0,85.';
        case 'manual':
          return 'Nhập số điểm từ 0 đến điểm tối đa, ví dụ 1,25.';
        default:
          return `Nhập tỷ lệ hoặc số, ví dụ 95% hoặc 0,95 ${OR_NOT_APPLICABLE}`;
      }
    default:
      return 'Sửa giá trị của ô này.';
  }
}
