// summary.json, built only from what the add-in itself computed and showed: the sidebar payload
// (sidebarLoad) and the summary block its formulas filled in the sheet. Nothing is scored here; the
// block's figures are cross-checked against the sidebar's so a disagreement between the two paths of the
// add-in (core in a server call vs. custom functions in cells) shows up instead of hiding.
import type { SidebarData } from '../../src/server/api';
import { TERMS } from '../../src/core/vocabulary';
import { currentRound, passedRounds } from '../../src/core/rounds';
import type { CellValue } from '../../src/core/types';
import { BLOCK_LABELS } from '../../src/sheets/summaryBlock';

export interface SummaryError {
  /** 1-based sheet row, or null for a whole-table problem. */
  row: number | null;
  /** Header text of the column as it is in the sheet, or null. */
  column: string | null;
  message: string;
  a1: string | null;
  fix: string;
}

export interface Summary {
  /** yyyy-mm-dd the deadlines were judged against. */
  asOf: string;
  source: string;
  sheetName: string;
  communeName: string;
  year: number;
  total: number;
  applicableMax: number;
  indexPercent: number | null;
  classification: string;
  nextClass: { label: string; minPercent: number; gapPoints: number } | null;
  areas: { code: string; title: string; score: number; max: number }[];
  atRisk: {
    row: number;
    code: string;
    title: string;
    sector: string;
    status: string;
    pointsAtStake: number;
    reasons: string[];
    deadline: string | null;
    /** Giải pháp as typed, or null (blank, or the sheet has no Giải pháp column). */
    solution: string | null;
    /** Người thực hiện and Hạn khắc phục (yyyy-mm-dd), null when blank or absent. */
    solutionOwner: string | null;
    solutionDue: string | null;
  }[];
  errors: SummaryError[];
  warnings: SummaryError[];
  /** The figures the sheet's own summary block shows (custom-function formulas), as displayed. */
  sheetBlock: Record<string, string>;
  /** Differences between the block and the sidebar figures (empty when they agree). */
  crossCheck: string[];
  /**
   * The year's rounds (issue 14): the dates of the settings (yyyy-mm-dd or null), the round in progress and
   * the passed ones as of `asOf`, each locked unless someone unlocked it.
   */
  rounds: {
    dates: Record<string, string | null>;
    current: string | null;
    passed: { round: string; until: string; unlocked: boolean }[];
  };
  /** The index by the latest appraisal with figures, beside `indexPercent` (never in its place); null without. */
  appraised: { label: string; total: number; indexPercent: number | null } | null;
  /** What the add-in answered to each action, in order. */
  actions: { action: string; ok: boolean; message: string }[];
  mail: {
    /** Every message handed to MailApp, and its HTML body's file (out/mail/NN-….html). */
    sent: { to: string[]; subject: string; file: string }[];
    preview: { to: string[]; subject: string; sector: string | null }[];
  };
  files: string[];
  /** Things the demo did to the input before the add-in saw it (old output columns cleared, …). */
  notes: string[];
}

/** Reads the block's label → value pairs from the criteria tab's values and display values. */
export function readBlock(
  values: CellValue[][],
  display: string[][],
): { raw: Record<string, CellValue>; shown: Record<string, string> } {
  const labels = [
    BLOCK_LABELS.asOf,
    BLOCK_LABELS.nearDays,
    BLOCK_LABELS.total,
    BLOCK_LABELS.applicableMax,
    BLOCK_LABELS.index,
    BLOCK_LABELS.classification,
  ];
  const raw: Record<string, CellValue> = {};
  const shown: Record<string, string> = {};
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && (labels as string[]).includes(v) && !(v in raw)) {
        raw[v] = values[r][c + 1];
        shown[v] = display[r]?.[c + 1] ?? '';
      }
    }),
  );
  return { raw, shown };
}

function near(a: number, b: number, eps = 0.005): boolean {
  return Math.abs(a - b) <= eps;
}

export function buildSummary(
  data: SidebarData,
  block: { raw: Record<string, CellValue>; shown: Record<string, string> },
  extra: Pick<Summary, 'source' | 'actions' | 'mail' | 'files' | 'notes'>,
): Summary {
  const d = data.dashboard;
  if (!d) throw new Error(data.sheetMessage ?? 'Không tìm thấy bảng tiêu chí.');
  const toItem = (p: SidebarData['problems'][number]): SummaryError => ({
    row: p.row,
    column: p.columnHeader,
    message: p.message,
    a1: p.a1,
    fix: p.fix,
  });
  const crossCheck: string[] = [];
  const num = (v: CellValue) => (typeof v === 'number' ? v : null);
  const total = num(block.raw[BLOCK_LABELS.total]);
  const max = num(block.raw[BLOCK_LABELS.applicableMax]);
  const index = num(block.raw[BLOCK_LABELS.index]);
  const klass = block.raw[BLOCK_LABELS.classification];
  if (total === null || !near(total, d.total))
    crossCheck.push(
      `Tổng điểm: ô tổng hợp ${String(block.shown[BLOCK_LABELS.total] ?? '—')}, thanh bên ${d.total}`,
    );
  if (max === null || !near(max, d.applicableMax))
    crossCheck.push(
      `Điểm tối đa áp dụng: ô ${String(block.shown[BLOCK_LABELS.applicableMax] ?? '—')}, thanh bên ${d.applicableMax}`,
    );
  if (d.indexPercent !== null && (index === null || !near(index * 100, d.indexPercent, 0.01))) {
    crossCheck.push(
      `Chỉ số: ô ${String(block.shown[BLOCK_LABELS.index] ?? '—')}, thanh bên ${d.indexPercent}%`,
    );
  }
  // No index yet: the block says "Chưa có dữ liệu" where the sidebar has no class.
  const blockClass = d.indexPercent === null && klass === TERMS.noData.vi ? '' : String(klass ?? '');
  if (blockClass !== d.classification)
    crossCheck.push(`Xếp loại: ô "${String(klass ?? '')}", thanh bên "${d.classification}"`);
  return {
    asOf: d.asOf,
    source: extra.source,
    sheetName: data.sheetName,
    communeName: d.communeName,
    year: d.year,
    total: d.total,
    applicableMax: d.applicableMax,
    indexPercent: d.indexPercent,
    classification: d.classification,
    nextClass: d.nextClass,
    areas: d.areas.map((a) => ({ code: a.code, title: a.title, score: a.score, max: a.max })),
    atRisk: data.atRisk.map((r) => ({
      row: r.row,
      code: r.code,
      title: r.title,
      sector: r.sector,
      status: r.status,
      pointsAtStake: r.pointsAtStake,
      reasons: r.reasons,
      deadline: r.deadline,
      solution: r.solution ?? null,
      solutionOwner: r.solutionOwner ?? null,
      solutionDue: r.solutionDue ?? null,
    })),
    errors: data.problems.filter((p) => p.severity === 'error').map(toItem),
    warnings: data.problems.filter((p) => p.severity !== 'error').map(toItem),
    sheetBlock: block.shown,
    crossCheck,
    rounds: {
      dates: { ...data.settings.rounds },
      current: currentRound(data.settings.rounds, d.asOf),
      passed: passedRounds(data.settings.rounds, d.asOf).map((k) => ({
        round: k,
        until: data.settings.rounds[k] as string,
        unlocked: data.roundsUnlocked[k] === data.settings.rounds[k],
      })),
    },
    appraised: d.appraised ?? null,
    actions: extra.actions,
    mail: extra.mail,
    files: extra.files,
    notes: extra.notes,
  };
}
