// Ranking communes by their index (design.md, "--province"): communes whose index is equal at 2 decimals
// of a percent share a rank, and the next rank skips (competition ranking 1, 1, 3). Ranks are also given
// within each group (communes are ranked among their own group: xã, phường, …).

/** One commune to rank: its index as a percent (0–100), or null when nothing is applicable. */
export interface RankInput {
  name: string;
  indexPercent: number | null;
  /** Group (xã, phường, đặc khu…); blank = no group. */
  group?: string;
}

export interface Ranked {
  /** Competition rank over all communes; null when the commune has no index. */
  rank: number | null;
  /** Competition rank within the commune's group; null without an index. */
  groupRank: number | null;
}

/**
 * The ranking key: the percent in hundredths, rounded half up after removing float noise
 * (72.185 → 7219, 72.18499999999 → 7218 only when it really is below the half).
 */
export function rankKey(percent: number): number {
  return Math.round(Number((percent * 100).toPrecision(12)));
}

/** Competition ranks, highest value first; null values get null. Equal keys share a rank. */
export function competitionRanks(keys: (number | null)[]): (number | null)[] {
  const order = keys
    .map((k, i) => ({ k, i }))
    .filter((x): x is { k: number; i: number } => x.k !== null)
    .sort((a, b) => b.k - a.k);
  const ranks: (number | null)[] = keys.map(() => null);
  order.forEach((x, pos) => {
    ranks[x.i] = pos > 0 && order[pos - 1].k === x.k ? ranks[order[pos - 1].i] : pos + 1;
  });
  return ranks;
}

const groupKey = (g: string | undefined) => (g ?? '').trim().toLowerCase();

/**
 * Ranks communes by index; returns them sorted by rank (ties by name, Vietnamese order), communes without
 * an index last.
 */
export function rankCommunes<T extends RankInput>(items: T[]): (T & Ranked)[] {
  const keys = items.map((c) =>
    c.indexPercent === null || !Number.isFinite(c.indexPercent) ? null : rankKey(c.indexPercent),
  );
  const ranks = competitionRanks(keys);
  const groupRanks: (number | null)[] = items.map(() => null);
  const groups = new Map<string, number[]>();
  items.forEach((c, i) => {
    const g = groupKey(c.group);
    const members = groups.get(g);
    if (members) members.push(i);
    else groups.set(g, [i]);
  });
  for (const members of groups.values()) {
    const inGroup = competitionRanks(members.map((i) => keys[i]));
    members.forEach((i, k) => (groupRanks[i] = inGroup[k]));
  }
  return items
    .map((c, i) => ({ ...c, rank: ranks[i], groupRank: groupRanks[i] }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'vi'));
}
