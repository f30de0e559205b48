// The shared model of the pure core. Every layer (functions, sheets, mail, server, ui) speaks these types.
// Nothing here touches Apps Script; Dates cross google.script.run as ISO strings (see src/server/api.ts).

/** A value as Sheets hands it to a script or a custom function. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** Logical columns of the criteria table. Inputs are typed by users; outputs are written by the add-in only. */
export type InputColumn =
  | 'code'
  | 'title'
  | 'max'
  | 'rule'
  | 'target'
  | 'actual'
  | 'evidence'
  | 'sector'
  | 'deadline'
  | 'notes'
  | 'appraised'
  | 'selfScore'
  | 'appraisal1'
  | 'appraisal2'
  | 'solution'
  | 'solutionOwner'
  | 'solutionDue';
export type OutputColumn = 'score' | 'status' | 'reason';
export type ColumnKey = InputColumn | OutputColumn;

/** One row of the criteria table as read from the sheet (raw cell values, nothing parsed yet). */
export interface CriteriaRow {
  /** 1-based row number in the sheet. */
  row: number;
  code: CellValue;
  title: CellValue;
  max: CellValue;
  rule: CellValue;
  target: CellValue;
  actual: CellValue;
  evidence: CellValue;
  sector: CellValue;
  deadline: CellValue;
  notes: CellValue;
  appraised: CellValue;
  /** The unit's typed self-score (Điểm tự chấm); optional: tables without the column leave it out. */
  selfScore?: CellValue;
  /** Điểm thẩm định lần 1 / lần 2 (round columns, issue 14); optional like selfScore. */
  appraisal1?: CellValue;
  appraisal2?: CellValue;
  /**
   * Giải pháp: the sector's solution for a criterion needing action. undefined when the table has no such
   * column (then no row is ever "chưa có giải pháp"); blank when the column is there but nothing was typed.
   */
  solution?: CellValue;
  /** Người thực hiện: who carries the solution out (shown, never judged). */
  solutionOwner?: CellValue;
  /** Hạn khắc phục: the solution's due date (a date, dd/mm/yyyy text, or blank). */
  solutionDue?: CellValue;
}

/** Outcome of scoring one row with its rule. */
export type ScoreOutcome =
  | { kind: 'points'; points: number }
  | { kind: 'notApplicable' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/** A problem found in the table: a cell that cannot be read, a rule that does not parse, a structural issue. */
export interface Problem {
  /** 1-based sheet row, or null for whole-table problems (areas not summing to the total). */
  row: number | null;
  column: ColumnKey | null;
  severity: 'error' | 'warning';
  /** Vietnamese message naming the value and what was expected. */
  message: string;
  /** Vietnamese suggestion of how to fix it. */
  fix: string;
}

/** Kinds of risk of losing points (domain.md, "What easily loses points"). */
export type RiskKind =
  | 'belowTarget'
  | 'nearDeadline'
  | 'overdue'
  | 'noEvidence'
  | 'deduction'
  | 'appraisalGap'
  | 'selfScoreGap'
  | 'noData'
  | 'noSolution'
  | 'solutionOverdue'
  | 'error';

/**
 * Row status, which drives the live colours:
 * losing (red: losing points or overdue), atRisk (amber), secured (green), notApplicable (grey),
 * tracking (grey: max 0, "theo dõi, không tính điểm"), error (a cell cannot be read), parent (a roll-up row),
 * empty (nothing typed yet on a blank row).
 */
export type RowStatus =
  'secured' | 'atRisk' | 'losing' | 'notApplicable' | 'tracking' | 'error' | 'parent' | 'empty';

export interface RowResult {
  row: number;
  /** Normalised code text ("1.1.2"), or "+" / "-" for bonus / penalty rows. */
  code: string;
  title: string;
  sector: string;
  /** 0 for an area (code "1"), 1 for "1.1", 2 for "1.1.1". */
  level: number;
  isLeaf: boolean;
  kind: 'normal' | 'bonus' | 'penalty';
  /** Declared max (parsed), or null when missing / unreadable. For parents: the roll-up of the children. */
  max: number | null;
  /** Points of the row (leaf: its rule; parent: sum of its applicable leaves). null when not applicable or error. */
  score: number | null;
  applicable: boolean;
  status: RowStatus;
  /** Short Vietnamese reasons, most important first. */
  reasons: string[];
  risks: RiskKind[];
  /** Points the row may still lose (max − secured score) when at risk or losing; 0 otherwise. */
  pointsAtStake: number;
  /** Deadline parsed from the Hạn column (or the HẠN rule's target), ISO yyyy-mm-dd, or null. */
  deadline: string | null;
  /** The error message when status is 'error'. */
  error?: string;
  /**
   * The Giải pháp cell as text ('' when blank); absent when the table has no Giải pháp column. Set on leaves.
   */
  solution?: string;
  /** The Người thực hiện cell as text; absent without that column. */
  solutionOwner?: string;
  /** Hạn khắc phục as ISO yyyy-mm-dd, or null (blank or unreadable); absent without that column. */
  solutionDue?: string | null;
}

export interface AreaResult {
  code: string;
  title: string;
  score: number;
  /** Applicable maximum (not-applicable rows leave it). */
  max: number;
  /** Maximum as declared on the area row. */
  declaredMax: number | null;
  /** score / max as a fraction (0 when max is 0). */
  ratio: number;
}

/** A classification band: label and minimum percentage (0–100), inclusive. */
export interface Band {
  label: string;
  minPercent: number;
}

export interface NextClass {
  label: string;
  minPercent: number;
  /** Points still needed to reach it. */
  gapPoints: number;
}

export interface EvaluateOptions {
  /** The "as of" date for deadlines (local date, time ignored). */
  today: Date;
  /** A deadline is near within this many days (default 14). */
  nearDeadlineDays: number;
  /** Classification bands, highest first. */
  bands: Band[];
  /** Appraised score more than this share below self-score is flagged (default 0.1 = 10% of max). */
  appraisalGapShare?: number;
  /** Declared total of the indicator set (default 100). */
  declaredTotal?: number;
  /**
   * Rounds each leaf's points half up to this many decimals (0–4) before any roll-up, as the 766 portal does
   * (2); null or absent: no rounding.
   */
  pointsDecimals?: number | null;
}

/** Everything the core computes from the table. */
export interface Evaluation {
  rows: RowResult[];
  areas: AreaResult[];
  /** Σ leaf points of the 100-point part. */
  baseScore: number;
  /** Bonus points after their cap. */
  bonus: number;
  /** Penalty points after their cap (a positive number that is subtracted). */
  penalty: number;
  /** baseScore + bonus − penalty. */
  total: number;
  /** Σ applicable leaf max of the 100-point part. */
  applicableMax: number;
  /** total / applicableMax as a fraction; null when nothing is applicable. */
  index: number | null;
  classification: string;
  nextClass: NextClass | null;
  problems: Problem[];
}
