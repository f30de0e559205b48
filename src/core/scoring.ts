// Roll-up of points and maxima through the hierarchy, the index and the classification.
//
// Bonus and penalty (decision; design.md only says they sit outside the 100 with a cap): rows coded "+" are
// bonus, "-"/"−" penalty. Each group is capped by the max of its "+"/"-" row (its header when it has
// sub-rows "+1", "+2"…), else by 2 (bonus) / 5 (penalty). total = base + bonus − penalty, and
// index = total / applicable maximum of the 100-point part, at most 100% (bonus and penalty never enter the
// denominator; bonus can make up lost points, not pass the maximum).
import type { Band, NextClass } from './types';
import type { TableModel } from './criteria';
import { EPS, roundPoints } from './values';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;

/** Bands highest minimum first (the input order does not matter). */
export function sortBands(bands: Band[]): Band[] {
  return [...bands].sort((a, b) => b.minPercent - a.minPercent);
}

/** The band an index (a fraction) falls in; boundaries are inclusive (exactly 90% is "≥ 90%"). */
export function bandOf(index: number, bands: Band[]): Band | null {
  for (const b of sortBands(bands)) if (index >= b.minPercent / 100 - EPS) return b;
  return null;
}

/** The class label of an index given as a fraction; "" for no index or when no band is reached. */
export function classify(index: number | null, bands: Band[]): string {
  if (index === null || !Number.isFinite(index)) return '';
  return bandOf(index, bands)?.label ?? '';
}

/** The class above the current one and the points still needed to reach it; null at the top or with no index. */
export function nextClass(total: number, applicableMax: number, bands: Band[]): NextClass | null {
  if (!(applicableMax > 0)) return null;
  const sorted = sortBands(bands);
  const current = bandOf(total / applicableMax, sorted);
  const at = current === null ? sorted.length : sorted.indexOf(current);
  if (at <= 0) return null;
  const next = sorted[at - 1];
  return {
    label: next.label,
    minPercent: next.minPercent,
    gapPoints: M.max(0, roundPoints((next.minPercent / 100) * applicableMax - total)),
  };
}

/** What a leaf contributes to its ancestors. */
export interface LeafFigure {
  /** Points (0 for an error or an empty row). */
  score: number;
  /** Max it adds to the applicable maximum (0 when unreadable). */
  max: number;
  applicable: boolean;
  /** True when the leaf is scored (points or error), false for a row with nothing typed. */
  hasData: boolean;
}

export interface RolledUp {
  score: number;
  /** Σ max of the applicable leaves below. */
  max: number;
  /** False only when every leaf below is not applicable. */
  applicable: boolean;
  /** True when some leaf below is scored. */
  hasData: boolean;
}

/** Sums leaf figures into every ancestor present in the table (figures indexed like model.entries). */
export function rollUp(model: TableModel, figures: (LeafFigure | null)[]): (RolledUp | null)[] {
  const entries = model.entries;
  const n = entries.length;
  const score = new Float64Array(n);
  const max = new Float64Array(n);
  const leafCount = new Int32Array(n);
  const naCount = new Int32Array(n);
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = figures[i];
    const e = entries[i];
    if (!f || !e.isLeaf || e.duplicateOf !== null) continue;
    for (let a = e.parent; a !== null; a = entries[a].parent) {
      leafCount[a]++;
      if (!f.applicable) {
        naCount[a]++;
        continue;
      }
      score[a] += f.score;
      max[a] += f.max;
      if (f.hasData) data[a] = 1;
    }
  }
  const out: (RolledUp | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (leafCount[i] === 0) continue;
    out[i] = {
      score: roundPoints(score[i]),
      max: roundPoints(max[i]),
      applicable: naCount[i] !== leafCount[i],
      hasData: data[i] === 1,
    };
  }
  return out;
}
