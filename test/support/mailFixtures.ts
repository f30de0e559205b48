// Hand-built evaluations for the pure summary / email tests (no engine, no stand-in): every number is chosen
// so the expected report can be worked out by hand.
import type { AreaResult, Evaluation, NextClass, RiskKind, RowResult, RowStatus } from '../../src/core/types';

export interface RowSpec {
  code: string;
  title?: string;
  sector?: string;
  max?: number | null;
  score?: number | null;
  status?: RowStatus;
  risks?: RiskKind[];
  reasons?: string[];
  pointsAtStake?: number;
  deadline?: string | null;
  kind?: RowResult['kind'];
  isLeaf?: boolean;
}

let nextRow = 5;

export function leaf(spec: RowSpec): RowResult {
  const status = spec.status ?? 'secured';
  const max = spec.max === undefined ? 1 : spec.max;
  const score = spec.score === undefined ? (status === 'secured' ? max : 0) : spec.score;
  const atRisk = status === 'atRisk' || status === 'losing';
  return {
    row: nextRow++,
    code: spec.code,
    title: spec.title ?? `Tiêu chí ${spec.code}`,
    sector: spec.sector ?? '',
    level: spec.code.split('.').length - 1,
    isLeaf: spec.isLeaf ?? true,
    kind: spec.kind ?? 'normal',
    max,
    score: status === 'notApplicable' ? null : score,
    applicable: status !== 'notApplicable',
    status,
    reasons: spec.reasons ?? (atRisk ? [`Lý do ${spec.code}`] : []),
    risks: spec.risks ?? (atRisk ? ['belowTarget'] : []),
    pointsAtStake: spec.pointsAtStake ?? (atRisk && max != null ? max - (score ?? 0) : 0),
    deadline: spec.deadline ?? null,
  };
}

export function area(code: string, score: number, max: number, title = `Lĩnh vực ${code}`): AreaResult {
  return { code, title, score, max, declaredMax: max, ratio: max > 0 ? score / max : 0 };
}

export function evaluation(rows: RowResult[], extra: Partial<Evaluation> = {}): Evaluation {
  const leaves = rows.filter((r) => r.isLeaf && r.applicable && r.kind === 'normal');
  const total = leaves.reduce((a, r) => a + (r.score ?? 0), 0);
  const applicableMax = leaves.reduce((a, r) => a + (r.max ?? 0), 0);
  const index = applicableMax > 0 ? total / applicableMax : null;
  const bands = [
    { label: 'Xuất sắc', minPercent: 90 },
    { label: 'Tốt', minPercent: 80 },
    { label: 'Khá', minPercent: 70 },
    { label: 'Trung bình', minPercent: 55 },
    { label: 'Yếu', minPercent: 0 },
  ];
  const pct = (index ?? 0) * 100;
  const i = bands.findIndex((b) => pct >= b.minPercent - 1e-9);
  const nextClass: NextClass | null =
    i > 0
      ? {
          label: bands[i - 1].label,
          minPercent: bands[i - 1].minPercent,
          gapPoints: (bands[i - 1].minPercent / 100) * applicableMax - total,
        }
      : null;
  return {
    rows,
    areas: [],
    baseScore: total,
    bonus: 0,
    penalty: 0,
    total,
    applicableMax,
    index,
    classification: index == null ? '' : bands[i].label,
    nextClass,
    problems: [],
    ...extra,
  };
}
