// "Tiêu chí dễ mất điểm" across a province (design.md, "--province"): for every leaf criterion, matched by
// code across communes, how many communes lose points on it, the points lost in all, and the average share
// of max achieved. Leaf rows only (never areas or other parents); bonus and penalty rows excluded;
// pointsLost = Σ (max − points) over applicable rows, a row with a data error losing its whole max;
// averageShare is over the communes where the row applies. A criterion that applies nowhere is left out
// (nobody can lose points on it).
import { codeKind, parentCode } from './criteria';
import { EPS, roundPoints } from './values';

/** One commune's row of one criterion, as scored by the add-in. */
export interface CriterionObservation {
  /** The commune it belongs to (a name or any id): a code counts once per commune. */
  commune: string;
  /** Normalised code ("3.3.1"). */
  code: string;
  title: string;
  /** Declared max; null when unreadable (such a row can lose nothing measurable). */
  max: number | null;
  /** Points scored; null for an error or an empty row. */
  points: number | null;
  applicable: boolean;
  /** True when the row has a data error: it loses its whole max. */
  error: boolean;
  /** False for areas and other parents. */
  isLeaf: boolean;
}

export interface WeakCriterion {
  code: string;
  title: string;
  /** Communes whose applicable row scored below its max (an error row counts). */
  communesLosing: number;
  /** Σ (max − points) over the applicable rows. */
  pointsLost: number;
  /** Mean of points / max over the communes where the row applies (a 0-point tracking row counts as 1). */
  averageShare: number;
  /** Communes where the row applies. */
  communesApplicable: number;
}

/** Codes in reading order: "2" < "2.1" < "2.10" < "10". */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = Number(pa[i]);
    const nb = Number(pb[i]);
    const c = Number.isFinite(na) && Number.isFinite(nb) ? na - nb : pa[i].localeCompare(pb[i], 'vi');
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

interface Acc {
  code: string;
  title: string;
  losing: number;
  lost: number;
  shareSum: number;
  applicable: number;
  /** Ordinal of the last commune counted on this code (communes are visited one after another). */
  lastCommune: number;
}

/**
 * Each observation's commune ordinal (communes numbered as they first appear) and, unless the rows already
 * come commune after commune (every caller lists a commune's rows together), their positions in that order.
 * Linear: a repeated code is then told by one number per code, not by a set of communes per code.
 */
function communeOrder(observations: CriterionObservation[]): { order: number[] | null; ordinal: number[] } {
  const ids = new Map<string, number>();
  const ordinal = observations.map((o) => {
    let k = ids.get(o.commune);
    if (k === undefined) ids.set(o.commune, (k = ids.size));
    return k;
  });
  // A new commune's number is above every earlier one: grouped rows never go back to a lower number.
  if (ordinal.every((k, i) => i === 0 || k >= ordinal[i - 1])) return { order: null, ordinal };
  const rows: number[][] = [];
  ordinal.forEach((k, i) => (rows[k] || (rows[k] = [])).push(i));
  return { order: rows.flat(), ordinal };
}

/** Aggregates the observations of many communes; sorted by points lost, most first. */
export function weakCriteria(observations: CriterionObservation[]): WeakCriterion[] {
  return aggregate(observations, communeOrder(observations));
}

/**
 * The same when every observation is a different commune's row, whatever its `commune` says (CCHC_WEAK: a
 * code counts once per row): nothing to group, and the custom function's bundle leaves the grouping out.
 */
export function weakCriteriaOfRows(observations: CriterionObservation[]): WeakCriterion[] {
  return aggregate(observations, { order: null, ordinal: null });
}

function aggregate(
  observations: CriterionObservation[],
  { order, ordinal }: { order: number[] | null; ordinal: number[] | null },
): WeakCriterion[] {
  // A code that is a parent anywhere (flagged, or an ancestor of another code) is never listed. Ancestors
  // are walked once per distinct code, not once per commune.
  const codes = new Set<string>();
  const parents = new Set<string>();
  for (const o of observations) {
    if (!o.isLeaf) parents.add(o.code);
    codes.add(o.code);
  }
  for (const code of codes) for (let p = parentCode(code); p !== null; p = parentCode(p)) parents.add(p);
  const byCode = new Map<string, Acc>();
  for (let n = 0; n < observations.length; n++) {
    const i = order === null ? n : order[n];
    const o = observations[i];
    if (o.code === '' || parents.has(o.code) || codeKind(o.code) !== 'normal') continue;
    let acc = byCode.get(o.code);
    if (!acc) {
      acc = { code: o.code, title: '', losing: 0, lost: 0, shareSum: 0, applicable: 0, lastCommune: -1 };
      byCode.set(o.code, acc);
    }
    const commune = ordinal === null ? i : ordinal[i];
    if (acc.lastCommune === commune) continue; // a repeated code in one commune counts once (the first row)
    acc.lastCommune = commune;
    if (!acc.title && o.title) acc.title = o.title;
    if (!o.applicable) continue;
    const max = o.max !== null && o.max > 0 ? o.max : 0;
    const points = o.error ? 0 : Math.min(Math.max(o.points ?? 0, 0), max);
    const lost = max - points;
    acc.applicable++;
    acc.lost += lost;
    if (lost > EPS) acc.losing++;
    acc.shareSum += max > 0 ? points / max : o.error ? 0 : 1;
  }
  return [...byCode.values()]
    .filter((a) => a.applicable > 0)
    .map((a) => ({
      code: a.code,
      title: a.title,
      communesLosing: a.losing,
      pointsLost: roundPoints(a.lost),
      averageShare: Math.min(1, roundPoints(a.shareSum / a.applicable)),
      communesApplicable: a.applicable,
    }))
    .sort(
      (x, y) =>
        y.pointsLost - x.pointsLost ||
        y.communesLosing - x.communesLosing ||
        x.averageShare - y.averageShare ||
        compareCodes(x.code, y.code),
    );
}
