// Pure models of what leadership reads: the report, the per-sector view, the path to the next class and
// monthly snapshots. Built from an Evaluation; no Apps Script here (the report sheet, the emails and the
// demo all render these models).
import { statusLabel, TERMS } from './vocabulary';
import type { CriteriaRow, Evaluation, NextClass, Problem, RowResult, RowStatus } from './types';
import { roundScores, type RoundScores } from './roundScores';
import { EPS, round, roundPoints } from './values';

export { round } from './values';

// Sector names moved to sectors.ts; re-exported for the callers that import them from here.
export { isAllSectors, sectorKey, SectorResolver, splitSectorCell, type DirectorySector } from './sectors';
import { SectorResolver, type DirectorySector } from './sectors';

// ── Formatting (Vietnamese: decimal comma) and phrases shared by the report tab and the emails ──

/** The commune's name, or a placeholder until settings name it. */
export function communeLabel(m: { communeName: string }): string {
  return m.communeName.trim() || 'Xã (chưa đặt tên)';
}

/** Who owns a criterion: "Tất cả các ngành" for shared ones, else the sector cell as typed ("—" when blank). */
export function sectorsLabel(line: CriterionLine): string {
  return line.shared ? TERMS.allSectors.vi : line.sectorText || '—';
}

export const NO_RISK_TEXT = 'Không có tiêu chí nào cần xử lý.';
export const NO_INDEX_TEXT = `${TERMS.noData.vi}: chưa có tiêu chí áp dụng để xếp loại.`;

// ── Report model ──

export interface AreaLine {
  code: string;
  title: string;
  score: number;
  max: number;
  /** 0–100, null when the area has no applicable maximum. */
  percent: number | null;
}

/** One criterion as a sector or the at-risk list sees it. */
export interface CriterionLine {
  row: number;
  code: string;
  title: string;
  /** The sector cell as typed. */
  sectorText: string;
  /** A criterion of the 100-point part, or a bonus / penalty row. */
  kind: RowResult['kind'];
  /** Canonical sectors it belongs to. */
  sectors: string[];
  /** Belongs to every sector ("all" / "tất cả"). */
  shared: boolean;
  status: RowStatus;
  statusLabel: string;
  reasons: string[];
  score: number | null;
  max: number | null;
  pointsAtStake: number;
  /** Points a recovery would add to the total: min(points at stake, max − score). */
  recoverable: number;
  deadline: string | null;
  /** Needs action and has no Giải pháp (issue 14; never true when the sheet has no Giải pháp column). */
  noSolution: boolean;
  /** Giải pháp, Người thực hiện (text, null when blank or no column), Hạn khắc phục (yyyy-mm-dd or null). */
  solution: string | null;
  solutionOwner: string | null;
  solutionDue: string | null;
}

export interface SectorReport {
  name: string;
  head: string;
  email: string;
  inDirectory: boolean;
  /** Its criteria: losing first, then at risk, errors, secured, not applicable. */
  criteria: CriterionLine[];
  /** Leaf criteria owned (not-applicable ones included). */
  owned: number;
  /** Points secured on its applicable criteria. */
  secured: number;
  /** Σ applicable max of its criteria. */
  applicableMax: number;
  /** Σ points at stake of its at-risk and losing criteria. */
  atStake: number;
  /** Number of criteria at risk or losing. */
  atRiskCount: number;
  /** Of those, how many have no solution (Giải pháp) yet. */
  noSolutionCount: number;
}

export interface PathStep {
  line: CriterionLine;
  /** Total after this and every earlier step is recovered. */
  cumulativeTotal: number;
}

export interface PathToNextClass {
  target: NextClass;
  /** True when recovering the listed criteria reaches the next class. */
  reachable: boolean;
  /** Points that would still be missing after every step (0 when reachable). */
  shortfall: number;
  steps: PathStep[];
}

export interface ReportModel {
  communeName: string;
  year: number;
  /** yyyy-mm-dd: the date deadlines were judged against. */
  asOf: string;
  /** When the report was produced, as the caller wants it shown ("dd/MM/yyyy HH:mm"). */
  generatedAt: string;
  total: number;
  baseScore: number;
  bonus: number;
  penalty: number;
  applicableMax: number;
  indexPercent: number | null;
  classification: string;
  nextClass: NextClass | null;
  areas: AreaLine[];
  sectors: SectorReport[];
  /** Criteria with no sector (or only "—"). */
  unassigned: CriterionLine[];
  /** Sector names used in the sheet but missing from the directory. */
  unknownSectors: string[];
  /** At-risk and losing criteria, points at stake desc, then nearest deadline. */
  atRisk: CriterionLine[];
  /** null when already in the top class. */
  path: PathToNextClass | null;
  /** Number of problems of severity error in the table. */
  errorCount: number;
  /** Those problems, in sheet order (the emails list them near the top). */
  dataErrors: Problem[];
  /**
   * The rounds' score columns side by side and the appraised index beside the computed one (issue 14);
   * null when the table has no Điểm tự chấm / Điểm thẩm định column (or the rows were not given).
   */
  rounds: RoundScores | null;
  /** The sheet has a Giải pháp column: the emails then say which criteria still lack a solution. */
  solutionColumn: boolean;
}

export interface ReportContext {
  /** The table's rows, for the rounds' score columns (roundScores.ts); left out, there are none. */
  rows?: CriteriaRow[];
  communeName: string;
  year: number;
  sectors: DirectorySector[];
  asOf: string;
  generatedAt: string;
}

// Rows with a data error come first: nothing of theirs counts until they are fixed.
const STATUS_ORDER: Record<RowStatus, number> = {
  error: 0,
  losing: 1,
  atRisk: 2,
  secured: 3,
  notApplicable: 4,
  tracking: 5,
  empty: 6,
  parent: 7,
};

/** A row someone must act on: a data error to fix, points being lost, or a risk of losing them. */
export function needsAction(r: { status: RowStatus }): boolean {
  return r.status === 'error' || r.status === 'losing' || r.status === 'atRisk';
}

/** What orders the list of criteria needing action (report, emails, sidebar). */
export type UrgencyFields = Pick<CriterionLine, 'status' | 'pointsAtStake' | 'deadline' | 'row'>;

/** Data errors first, then points at stake desc, then nearest deadline (none last), then sheet order. */
export function byUrgency(a: UrgencyFields, b: UrgencyFields): number {
  return (
    Number(b.status === 'error') - Number(a.status === 'error') ||
    b.pointsAtStake - a.pointsAtStake ||
    compareDeadlines(a.deadline, b.deadline) ||
    a.row - b.row
  );
}

function compareDeadlines(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return a < b ? -1 : 1;
}

function byStatusThenUrgency(a: CriterionLine, b: CriterionLine): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byUrgency(a, b);
}

/** Leaf criteria of the table (parents are roll-ups; blank rows carry nothing). */
function criteriaRows(evaluation: Evaluation): RowResult[] {
  return evaluation.rows.filter(
    (r) => r.isLeaf && r.status !== 'parent' && r.status !== 'empty' && r.code !== '',
  );
}

function lineOf(r: RowResult, resolver: SectorResolver): CriterionLine {
  const { sectors, shared } = resolver.resolve(r.sector);
  const atRisk = needsAction(r);
  const recoverable =
    atRisk && r.max != null && r.kind === 'normal'
      ? Math.max(0, Math.min(r.pointsAtStake, r.max - (r.score ?? 0)))
      : 0;
  return {
    row: r.row,
    code: r.code,
    title: r.title,
    sectorText: r.sector,
    kind: r.kind,
    sectors,
    shared,
    status: r.status,
    statusLabel: r.status === 'error' ? TERMS.fixData.vi : statusLabel(r.status, r.risks),
    reasons: r.reasons,
    score: r.score,
    max: r.max,
    pointsAtStake: atRisk ? r.pointsAtStake : 0,
    recoverable,
    deadline: r.deadline,
    noSolution: atRisk && r.risks.includes('noSolution'),
    solution: r.solution || null,
    solutionOwner: r.solutionOwner || null,
    solutionDue: r.solutionDue ?? null,
  };
}

/**
 * The path to the next class: the smallest set of at-risk criteria whose recovery lifts the total by the gap.
 * Taking the k largest recoveries maximises what k criteria can add, so the smallest k whose top-k sum
 * covers the gap is the minimum; ties are broken, and the steps ordered, by points at stake (desc) then
 * nearest deadline. When even every at-risk criterion is not enough, all of them are listed and the
 * shortfall is given.
 */
export function pathToNextClass(
  candidates: CriterionLine[],
  nextClass: NextClass | null,
  currentTotal: number,
): PathToNextClass | null {
  if (!nextClass) return null;
  const pool = candidates.filter((c) => c.recoverable > EPS).sort(byRecovery);
  const steps: PathStep[] = [];
  let gained = 0;
  for (const line of pool) {
    if (gained >= nextClass.gapPoints - EPS) break;
    gained += line.recoverable;
    steps.push({ line, cumulativeTotal: round(currentTotal + gained, 6) });
  }
  const shortfall = Math.max(0, nextClass.gapPoints - gained);
  return {
    target: nextClass,
    reachable: shortfall <= EPS,
    shortfall: shortfall <= EPS ? 0 : shortfall,
    steps,
  };
}

function byRecovery(a: CriterionLine, b: CriterionLine): number {
  return b.recoverable - a.recoverable || byUrgency(a, b);
}

/** Builds the report model from an evaluation and the document's settings. */
export function buildReportModel(evaluation: Evaluation, ctx: ReportContext): ReportModel {
  const rows = criteriaRows(evaluation);
  const resolver = new SectorResolver(
    ctx.sectors,
    rows.map((r) => r.sector),
  );
  const lines = rows.map((r) => lineOf(r, resolver));
  const directory = new Map(ctx.sectors.map((s) => [s.name.trim(), s]));

  const sectors: SectorReport[] = resolver.names.map((name) => {
    const own = lines.filter((l) => l.sectors.includes(name)).sort(byStatusThenUrgency);
    const d = directory.get(name);
    return {
      name,
      head: d?.head ?? '',
      email: d?.email ?? '',
      inDirectory: resolver.isInDirectory(name),
      criteria: own,
      ...figuresOf(own),
    };
  });

  const atRisk = lines.filter(needsAction).sort(byUrgency);
  const index = evaluation.index;
  const scores = ctx.rows ? roundScores(ctx.rows, evaluation) : null;
  const rounds = scores && scores.columns.length > 0 ? scores : null;
  // Unreadable round figures are data errors like any other (in sheet order).
  const dataErrors = [...evaluation.problems, ...(rounds?.problems ?? [])]
    .filter((p) => p.severity === 'error')
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const { rows: _rows, ...context } = ctx;
  void _rows;
  return {
    ...context, // communeName, year, asOf, generatedAt (its directory `sectors` is replaced below)
    total: evaluation.total,
    baseScore: evaluation.baseScore,
    bonus: evaluation.bonus,
    penalty: evaluation.penalty,
    applicableMax: evaluation.applicableMax,
    indexPercent: index == null ? null : index * 100,
    classification: evaluation.classification,
    nextClass: evaluation.nextClass,
    areas: evaluation.areas.map((a) => ({
      code: a.code,
      title: a.title,
      score: a.score,
      max: a.max,
      percent: a.max > 0 ? (a.score / a.max) * 100 : null,
    })),
    sectors,
    unassigned: lines.filter((l) => l.sectors.length === 0).sort(byStatusThenUrgency),
    unknownSectors: resolver.unknown,
    atRisk,
    path: pathToNextClass(atRisk, evaluation.nextClass, evaluation.total),
    errorCount: dataErrors.length,
    dataErrors,
    rounds,
    solutionColumn: rows.some((r) => r.solution !== undefined),
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/**
 * The figures of a group of criteria (a sector, or those with no sector), with the commune's denominators:
 * the applicable maximum counts every applicable criterion of the 100-point part, rows in error included
 * (they are 0 until fixed), and never a bonus or penalty row (their max is a cap, not earnable points).
 * Secured counts the points of every row, a penalty's deduction as negative.
 */
export function figuresOf(
  own: CriterionLine[],
): Pick<SectorReport, 'owned' | 'secured' | 'applicableMax' | 'atStake' | 'atRiskCount' | 'noSolutionCount'> {
  const applicable = own.filter((l) => l.status !== 'notApplicable');
  const risky = own.filter(needsAction);
  return {
    owned: own.length,
    secured: roundPoints(sum(applicable.map((l) => l.score ?? 0))),
    applicableMax: roundPoints(sum(applicable.filter((l) => l.kind === 'normal').map((l) => l.max ?? 0))),
    atStake: roundPoints(sum(risky.map((l) => l.pointsAtStake))),
    atRiskCount: risky.length,
    noSolutionCount: risky.filter((l) => l.noSolution).length,
  };
}

/** One line of the per-sector table of the report and the leadership email. */
export interface SectorFigures {
  name: string;
  owned: number;
  secured: number;
  applicableMax: number;
  atStake: number;
  atRiskCount: number;
  noSolutionCount: number;
}

/**
 * The per-sector table every text shows: sectors owning criteria, then "Chưa phân ngành" for criteria with
 * no sector (when there are some).
 */
export function sectorTable(m: ReportModel): SectorFigures[] {
  const lines: SectorFigures[] = m.sectors
    .filter((s) => s.owned > 0)
    .map((s) => ({
      name: s.name,
      owned: s.owned,
      secured: s.secured,
      applicableMax: s.applicableMax,
      atStake: s.atStake,
      atRiskCount: s.atRiskCount,
      noSolutionCount: s.noSolutionCount,
    }));
  if (m.unassigned.length > 0) lines.push({ name: TERMS.noSector.vi, ...figuresOf(m.unassigned) });
  return lines;
}

// ── Snapshots (the history tab) ──

export interface Snapshot {
  /** yyyy-mm-dd (the as-of date of the snapshot). */
  date: string;
  /** yyyy-MM the snapshot belongs to. */
  month: string;
  total: number;
  applicableMax: number;
  /** 0–100, null when nothing was applicable. */
  indexPercent: number | null;
  classification: string;
  atRiskCount: number;
  /** Points per area, by area code. */
  areas: { code: string; score: number }[];
}

/** The snapshot of the current evaluation on `date` (yyyy-mm-dd). */
export function snapshotOf(model: ReportModel, date: string): Snapshot {
  return {
    date,
    month: date.slice(0, 7),
    total: round(model.total, 4),
    applicableMax: round(model.applicableMax, 4),
    indexPercent: model.indexPercent == null ? null : round(model.indexPercent, 4),
    classification: model.classification,
    atRiskCount: model.atRisk.length,
    areas: model.areas.map((a) => ({ code: a.code, score: round(a.score, 4) })),
  };
}

export interface SnapshotComparison {
  from: Snapshot;
  to: Snapshot;
  totalDelta: number;
  indexPercentDelta: number | null;
  classChanged: boolean;
  atRiskDelta: number;
  /** Every area code present in either snapshot, in the later snapshot's order. */
  areas: { code: string; from: number | null; to: number | null; delta: number | null }[];
}

/** Compares two snapshots (e.g. last month and now, or the 6-month review: January and June). */
export function compareSnapshots(from: Snapshot, to: Snapshot): SnapshotComparison {
  const codes = [...new Set([...to.areas.map((a) => a.code), ...from.areas.map((a) => a.code)])];
  const score = (s: Snapshot, code: string) => s.areas.find((a) => a.code === code)?.score ?? null;
  return {
    from,
    to,
    totalDelta: round(to.total - from.total, 6),
    indexPercentDelta:
      to.indexPercent == null || from.indexPercent == null
        ? null
        : round(to.indexPercent - from.indexPercent, 6),
    classChanged: to.classification !== from.classification,
    atRiskDelta: to.atRiskCount - from.atRiskCount,
    areas: codes.map((code) => {
      const a = score(from, code);
      const b = score(to, code);
      return { code, from: a, to: b, delta: a == null || b == null ? null : round(b - a, 6) };
    }),
  };
}

/** The latest snapshot (by date; the later row on a tie) among those `keep` accepts, or null. */
function latestSnapshot(snapshots: Snapshot[], keep: (s: Snapshot) => boolean): Snapshot | null {
  let best: Snapshot | null = null;
  for (const s of snapshots) if (keep(s) && (!best || s.date >= best.date)) best = s;
  return best;
}

/** The latest snapshot taken in a month before `month` (yyyy-MM), or null. */
export function previousMonthSnapshot(snapshots: Snapshot[], month: string): Snapshot | null {
  return latestSnapshot(snapshots, (s) => s.month < month);
}

/** The latest snapshot of `month`, or null (the 6-month review compares two of these). */
export function snapshotForMonth(snapshots: Snapshot[], month: string): Snapshot | null {
  return latestSnapshot(snapshots, (s) => s.month === month);
}

/** The latest snapshot of each month, oldest first: the trend's points. */
export function monthlySnapshots(snapshots: Snapshot[]): Snapshot[] {
  const months = [...new Set(snapshots.map((s) => s.month))].sort();
  return months.map((month) => snapshotForMonth(snapshots, month) as Snapshot);
}

/** yyyy-MM shifted by n months (negative: back). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}
