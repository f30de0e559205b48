// Per-leaf status, risks, short Vietnamese reasons and points at stake (domain.md, "What easily loses points").
//
// Status (decision):
//   losing  (red)   overdue (deadline passed, not done: label "Quá hạn"), or a recorded actual that scores
//                   below max — below the top tier or target, a deduction, late, not done ("Mất điểm");
//   atRisk  (amber) no data yet, deadline within N days and not done, points claimed without evidence,
//                   appraised score well below the self-score ("Nguy cơ");
//   secured (green) full points, evidence given, nothing pending ("Đạt");
//   notApplicable (grey), error (a cell of the row cannot be read: "Lỗi"), empty (nothing typed).
// "Not done" for deadlines: HẠN / CÓ/KHÔNG rows without a completion, other rows below full points.
// Points at stake = max − the score that is secured: a score without evidence is not secured, and an
// appraised score below the self-score secures only the appraised score.
import type { CellValue, RiskKind, RowStatus } from './types';
import type { CodeKind } from './criteria';
import type { RowScore } from './rules/score';
import type { Rule } from './rules/parser';
import {
  EPS,
  formatDay,
  formatNumber,
  formatPercent,
  formatPoints,
  isBlank,
  isNoneWord,
  normalizeText,
  dayNumberOf,
  readDate,
  readNumber,
  roundPoints,
} from './values';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;

export interface RiskInput {
  kind: CodeKind;
  scored: RowScore;
  evidence: CellValue;
  /** The Hạn column. */
  deadline: CellValue;
  appraised: CellValue;
  /** Điểm tự chấm: the unit's typed self-score, compared with the computed points (absent: no column). */
  selfScore?: CellValue;
  /** Giải pháp (undefined: the table has no such column, so no row lacks one). */
  solution?: CellValue;
  /** Hạn khắc phục: the solution's due date. */
  solutionDue?: CellValue;
}

export interface RiskOptions {
  /** Day number of the "as of" date (values.dayOfDate). */
  today: number;
  nearDays: number;
  /** Appraisal gap flagged above this share of max (default 0.1). */
  appraisalGapShare: number;
}

export interface SideProblem {
  column: 'deadline' | 'appraised' | 'selfScore' | 'solutionDue';
  message: string;
  fix: string;
}

export interface RiskResult {
  status: RowStatus;
  risks: RiskKind[];
  reasons: string[];
  pointsAtStake: number;
  /** Deadline day number (Hạn column, else the HẠN rule's deadline), or null. */
  deadlineDay: number | null;
  /** Unreadable Hạn / Điểm thẩm định cells (the score itself stays valid). */
  problems: SideProblem[];
  /** The message shown for an 'error' status. */
  error?: string;
  /** Hạn khắc phục as a day number, or null (blank or unreadable). */
  solutionDueDay: number | null;
}

const NO_EVIDENCE = new Set(['khong', 'chua', 'chua co', 'khong co', 'none', 'no', '-', '—', '0']);

/** True when the evidence cell names some evidence (not blank, not "không"/"chưa có"). */
export function hasEvidence(v: CellValue): boolean {
  if (isBlank(v)) return false;
  if (typeof v === 'boolean') return v;
  return !NO_EVIDENCE.has(normalizeText(`${v}`));
}

const lost = (n: number) => `(mất ${formatPoints(n)} điểm)`;
/** "1,5/2 điểm": points out of max. */
const outOf = (points: number, max: number) => `${formatPoints(points)}/${formatPoints(max)} điểm`;
const deducted = (n: number) => `Có vi phạm bị trừ ${formatPoints(n)} điểm`;

/** Fix of an unreadable Hạn cell (also used for the deadline column's problems). */
export const FIX_DEADLINE = 'Nhập hạn dạng dd/mm/yyyy, ví dụ 31/01/2024.';

// No closures, spreads or per-reason objects below: this runs once per row of 10,000-row tables, mostly
// before the JIT warms up, where such allocations cost more than the logic.
const NO_PROBLEMS: SideProblem[] = [];

// Reasons are collected in reused scratch arrays with counters, then copied out at their exact size:
// arrays grown by push() keep room for 17 items (10,000 rows keep two each), and resetting an array's
// length is a slow runtime call.
const scratchRisks: RiskKind[] = ['error', 'error', 'error', 'error', 'error', 'error', 'error', 'error'];
const scratchReasons: string[] = ['', '', '', '', '', '', '', ''];
let riskCount = 0;
let reasonCount = 0;

function done(
  status: RowStatus,
  atStake: number,
  deadlineDay: number | null,
  problems: SideProblem[],
): RiskResult {
  const risks = scratchRisks.slice(0, riskCount);
  const reasons = scratchReasons.slice(0, reasonCount);
  riskCount = 0;
  reasonCount = 0;
  if (problems.length > 0) {
    const error = problems.length === 1 ? problems[0].message : problems.map((p) => p.message).join(' ');
    risks.unshift('error');
    reasons.unshift(error);
    return {
      status: 'error',
      risks,
      reasons,
      pointsAtStake: 0,
      deadlineDay,
      problems,
      error,
      solutionDueDay: null,
    };
  }
  return {
    status,
    risks,
    reasons,
    pointsAtStake: atStake > 0 ? roundPoints(atStake) : 0,
    deadlineDay,
    problems,
    solutionDueDay: null,
  };
}

function addRisk(kind: RiskKind, reason: string): void {
  let seen = false;
  for (let i = 0; i < riskCount; i++) if (scratchRisks[i] === kind) seen = true;
  if (!seen && riskCount < scratchRisks.length) scratchRisks[riskCount++] = kind;
  if (reasonCount < scratchReasons.length) scratchReasons[reasonCount++] = reason;
}

/**
 * The result the outcome alone gives, without the risk view: an error (with the unreadable side cells), not
 * applicable, empty, or secured points.
 */
export function outcomeOnly(
  scored: RowScore,
  deadlineDay = scored.deadlineDay,
  problems = NO_PROBLEMS,
): RiskResult {
  const o = scored.outcome;
  if (scored.tracking) return tracking(deadlineDay);
  if (o.kind === 'error') {
    return {
      status: 'error',
      risks: ['error'],
      reasons: [o.message],
      pointsAtStake: 0,
      deadlineDay,
      problems,
      error: o.message,
      solutionDueDay: null,
    };
  }
  const status = o.kind === 'points' ? 'secured' : o.kind;
  const reasons = scored.reading === null ? [] : [scored.reading];
  return {
    status,
    risks: [],
    reasons,
    pointsAtStake: 0,
    deadlineDay,
    problems: NO_PROBLEMS,
    solutionDueDay: null,
  };
}

/** A tracking row (max 0): grey, never at risk, never an error. */
function tracking(deadlineDay: number | null): RiskResult {
  return {
    status: 'tracking',
    risks: [],
    reasons: [],
    pointsAtStake: 0,
    deadlineDay,
    problems: NO_PROBLEMS,
    solutionDueDay: null,
  };
}

/** The reasons of the solution view (issue 14): exact texts, matched by the sheet's colour rules. */
export const NO_SOLUTION_REASON = 'chưa có giải pháp';
export const SOLUTION_OVERDUE_REASON = 'giải pháp quá hạn';

/** Fix of an unreadable Hạn khắc phục cell. */
export const FIX_SOLUTION_DUE = 'Nhập hạn khắc phục dạng dd/mm/yyyy, ví dụ 30/09/2024 (hoặc để trống).';

/**
 * Assesses one leaf: the score's risk view, then the solution view. A row needing action (losing, at risk,
 * or a data error) with no Giải pháp gets "chưa có giải pháp" (only when the table has the column); one
 * whose Hạn khắc phục is before the as-of date gets "giải pháp quá hạn". Neither changes the status or the
 * points at stake: they say what the sector still owes, not what the criterion scores.
 */
export function assessRisk(input: RiskInput, opts: RiskOptions): RiskResult {
  let dueDay: number | null = null;
  let dueProblem: SideProblem | null = null;
  const due = input.solutionDue;
  if (due !== undefined && !isBlank(due)) {
    const d = dayNumberOf(due);
    if (d === d) dueDay = d;
    else {
      const message = (readDate(due, 'Hạn khắc phục') as { message: string }).message;
      dueProblem = { column: 'solutionDue', message, fix: FIX_SOLUTION_DUE };
    }
  }
  const res = assessScore(input, opts, dueProblem);
  res.solutionDueDay = dueDay;
  if (res.status !== 'losing' && res.status !== 'atRisk' && res.status !== 'error') return res;
  if (input.solution !== undefined && !hasEvidence(input.solution)) {
    res.risks = res.risks.concat('noSolution');
    res.reasons = res.reasons.concat(NO_SOLUTION_REASON);
  } else if (dueDay !== null && dueDay < opts.today && !isBlank(input.solution)) {
    res.risks = res.risks.concat('solutionOverdue');
    res.reasons = res.reasons.concat(SOLUTION_OVERDUE_REASON);
  }
  return res;
}

function assessScore(input: RiskInput, opts: RiskOptions, dueProblem: SideProblem | null): RiskResult {
  const scored = input.scored;
  let problems = dueProblem === null ? NO_PROBLEMS : [dueProblem];

  // Deadline: the Hạn column, else the HẠN rule's own deadline (its target).
  let deadlineDay: number | null = scored.deadlineDay;
  if (!isBlank(input.deadline) && scored.errorColumn !== 'deadline' && !isNoneWord(input.deadline)) {
    const d = dayNumberOf(input.deadline);
    if (d === d) deadlineDay = d;
    else {
      const message = (readDate(input.deadline, 'Hạn') as { message: string }).message;
      problems = [{ column: 'deadline', message, fix: FIX_DEADLINE }, ...problems];
    }
  }

  const outcome = scored.outcome;
  if (scored.tracking) return tracking(deadlineDay);
  if (outcome.kind !== 'points') return outcomeOnly(scored, deadlineDay, problems);

  let appraised: number | null = null;
  if (!isBlank(input.appraised) && !isNoneWord(input.appraised)) {
    const a = readNumber(input.appraised, 'Điểm thẩm định');
    if (a.ok) appraised = a.value;
    else {
      if (problems === NO_PROBLEMS) problems = [];
      problems.push({
        column: 'appraised',
        message: a.message,
        fix: 'Nhập điểm thẩm định là một số, ví dụ 1,25.',
      });
    }
  }

  // The unit's own self-score: read, and flagged when it differs from the computed points by more than
  // 10% of max (the total stays the computed one).
  let selfScore: number | null = null;
  if (!isBlank(input.selfScore) && !isNoneWord(input.selfScore)) {
    const s = readNumber(input.selfScore, 'Điểm tự chấm');
    if (s.ok) selfScore = s.value;
    else {
      if (problems === NO_PROBLEMS) problems = [];
      problems.push({
        column: 'selfScore',
        message: s.message,
        fix: 'Nhập điểm tự chấm là một số, ví dụ 1,25 (hoặc để trống).',
      });
    }
  }

  const points = outcome.points;
  const max = scored.max ?? 0;
  riskCount = 0;
  reasonCount = 0;
  const rule = scored.rule;
  // How the result was read (a fraction, a plain number taken as a percent, "không phát sinh") comes first.
  if (scored.reading !== null) scratchReasons[reasonCount++] = scored.reading;

  if (input.kind === 'penalty') {
    const lostPoints = rule !== null && rule.kind === 'deduct' ? roundPoints(max - points) : points;
    if (scored.actualBlank) return done('empty', 0, deadlineDay, problems);
    if (lostPoints <= EPS) return done('secured', 0, deadlineDay, problems);
    addRisk('deduction', deducted(lostPoints));
    return done('losing', lostPoints, deadlineDay, problems);
  }

  // Evidence and appraisal decide how much of the score is secured.
  // Survey results come from the upper level: the commune holds no evidence for them.
  const noEvidence =
    points > EPS && (rule === null || rule.kind !== 'survey') && !hasEvidence(input.evidence);
  const gap = appraised !== null && points - appraised > opts.appraisalGapShare * max + EPS;
  let secured = noEvidence ? 0 : points;
  if (gap) secured = M.min(secured, M.max(appraised as number, 0));

  if (input.kind === 'bonus') {
    // Bonus is optional: nothing claimed is not a risk, and no deadline applies.
    if (scored.actualBlank || points <= EPS) return done('empty', 0, deadlineDay, problems);
    addProof(noEvidence, gap, points, appraised);
    addSelfScore(selfScore, points, max, opts.appraisalGapShare);
    return done(riskCount > 0 ? 'atRisk' : 'secured', points - secured, deadlineDay, problems);
  }

  const full = points >= max - EPS;
  // A HẠN task finished late is done (its loss is recorded); any other row is done at full points.
  const isDone =
    scored.nothingArose ||
    (rule !== null && rule.kind === 'deadline'
      ? scored.completion === 'onTime' || scored.completion === 'late'
      : full);

  // Most important first: overdue, the recorded loss, near deadline, no data, evidence, appraisal.
  let overdue = false;
  let nearReason: string | null = null;
  if (deadlineDay !== null && !isDone) {
    const days = deadlineDay - opts.today;
    if (days < 0) {
      overdue = true;
      addRisk('overdue', `Quá hạn ${formatDay(deadlineDay)}, chưa hoàn thành`);
    } else if (days <= opts.nearDays) {
      nearReason =
        days === 0
          ? `Hạn ${formatDay(deadlineDay)} là hôm nay, chưa hoàn thành`
          : `Hạn ${formatDay(deadlineDay)} còn ${days} ngày, chưa hoàn thành`;
    }
  }
  const recordedLoss = !scored.actualBlank && !full;
  // "Quá hạn …, chưa hoàn thành" already says what a recorded "Chưa" would.
  if (recordedLoss && !(overdue && scored.completion === 'notDone')) {
    addRisk(
      rule !== null && rule.kind === 'deduct' ? 'deduction' : 'belowTarget',
      cachedLoss(scored, points, max),
    );
  }
  if (nearReason !== null) addRisk('nearDeadline', nearReason);
  if (scored.actualBlank) addRisk('noData', 'Chưa có số liệu');
  addProof(noEvidence, gap, points, appraised);
  addSelfScore(selfScore, points, max, opts.appraisalGapShare);

  if (overdue || recordedLoss) return done('losing', max - secured, deadlineDay, problems);
  if (riskCount > 0) return done('atRisk', max - secured, deadlineDay, problems);
  return done('secured', 0, deadlineDay, problems);
}

/** A typed self-score more than the gap share of max away from the computed points: a reason to check. */
function addSelfScore(selfScore: number | null, points: number, max: number, share: number): void {
  if (selfScore === null || M.abs(selfScore - points) <= share * max + EPS) return;
  addRisk(
    'selfScoreGap',
    `Điểm tự chấm ${formatPoints(selfScore)} khác điểm tính theo cách chấm ${formatPoints(points)} (lệch ${formatPoints(M.abs(selfScore - points))} điểm)`,
  );
}

function addProof(noEvidence: boolean, gap: boolean, points: number, appraised: number | null): void {
  if (noEvidence) addRisk('noEvidence', 'Có điểm nhưng thiếu minh chứng');
  if (gap) {
    const lower = formatPoints(points - (appraised as number));
    addRisk('appraisalGap', `Điểm thẩm định thấp hơn tự chấm ${lower} điểm`);
  }
}

// The same rule text (one parsed Rule object) with the same value and max gives the same reason: build each
// text once. Rows whose reason also depends on a target column or dates are not cached.
const lossCache = new Map<Rule, Map<number, Map<number, string>>>();
let lossCacheSize = 0;

function cachedLoss(scored: RowScore, points: number, max: number): string {
  const rule = scored.rule;
  if (
    rule === null ||
    rule.kind === 'deadline' ||
    (rule.kind === 'ratio' && rule.target === null) ||
    scored.nothingArose
  ) {
    return describeLoss(scored, points, max);
  }
  const value = scored.value ?? -1;
  let byValue = lossCache.get(rule);
  if (byValue === undefined) lossCache.set(rule, (byValue = new Map()));
  let byMax = byValue.get(value);
  if (byMax === undefined) byValue.set(value, (byMax = new Map()));
  let reason = byMax.get(max);
  if (reason === undefined) {
    if (lossCacheSize > 5000) {
      lossCache.clear();
      lossCacheSize = 0;
    }
    reason = describeLoss(scored, points, max);
    byMax.set(max, reason);
    lossCacheSize++;
  }
  return reason;
}

/** The reason a recorded actual scores below max (a deduction for TRỪ rows, below target otherwise). */
function describeLoss(scored: RowScore, points: number, max: number): string {
  const missing = roundPoints(max - points);
  const rule = scored.rule;
  const v = scored.value;
  if (scored.nothingArose) return `Cách chấm cho 0 điểm khi không phát sinh ${lost(missing)}`;
  switch (rule?.kind) {
    case 'tiers': {
      const top = rule.tiers[0];
      const fmt = (x: number) => (top.thresholdIsPercent ? formatPercent(x) : formatNumber(x));
      if (v !== null && v < top.threshold - EPS)
        return `Dưới mức cao nhất: ${fmt(v)} < ${fmt(top.threshold)} ${lost(missing)}`;
      return `Mức cao nhất chỉ cho ${outOf(points, max)} ${lost(missing)}`;
    }
    case 'ratio': {
      const t = scored.target ?? 1;
      const fmt = (x: number) => (t <= 1 + EPS ? formatPercent(x) : formatNumber(x));
      return `Dưới chỉ tiêu: ${fmt(v ?? 0)} < ${fmt(t)} ${lost(missing)}`;
    }
    case 'count':
      return `Mới có ${formatNumber(v ?? 0)} lần, được ${outOf(points, max)} ${lost(missing)}`;
    case 'deduct':
      return deducted(missing);
    case 'survey':
      return `Kết quả khảo sát ${formatPercent(v ?? 0)} ${lost(missing)}`;
    case 'manual':
      return `Tự chấm ${outOf(points, max)} ${lost(missing)}`;
    case 'yesno':
      return `Chưa đạt ${lost(missing)}`;
    case 'deadline':
      if (scored.completion !== 'late') return `Chưa hoàn thành ${lost(missing)}`;
      if (scored.completionDay !== null && scored.deadlineDay !== null) {
        return `Hoàn thành trễ hạn: ${formatDay(scored.completionDay)} sau hạn ${formatDay(scored.deadlineDay)} ${lost(missing)}`;
      }
      return `Trễ hạn ${lost(missing)}`;
    default:
      return `Được ${outOf(points, max)} ${lost(missing)}`;
  }
}
