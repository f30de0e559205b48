// The province view's model: communes ranked (overall and within their group), the change since the
// previous month's ranking, the class distribution, the bottom communes and the weakest criteria. One model
// feeds the province workbook's tabs, the province email and the local --province run.
import { rankCommunes } from './ranking';
import { sortBands } from './scoring';
import type { Band } from './types';
import { weakCriteria, type CriterionObservation, type WeakCriterion } from './weakCriteria';

/** One commune's standing, as its own criteria workbook computed it. */
export interface CommuneStanding {
  name: string;
  /** xã / phường / …; blank when the province uses no groups. */
  group: string;
  total: number;
  applicableMax: number;
  /** 0–100, or null when nothing is applicable. */
  indexPercent: number | null;
  classification: string;
  areas: { code: string; title: string; score: number; max: number }[];
  /** The commune's spreadsheet as "Danh sách xã" gives it (the email links it when it is a Google URL). */
  url?: string;
}

/** A commune's place in an earlier ranking (last month's snapshot). */
export interface PreviousStanding {
  name: string;
  rank: number | null;
  indexPercent: number | null;
}

export interface RankedCommune extends CommuneStanding {
  rank: number | null;
  groupRank: number | null;
  previousRank: number | null;
  /** Places gained since the previous ranking (positive = moved up); null without a previous rank. */
  rankChange: number | null;
  /** Index points gained since the previous ranking. */
  indexChange: number | null;
}

/** A commune that could not be read, with the reason (never dropped silently). */
export interface CommuneError {
  name: string;
  message: string;
  url?: string;
}

export interface ProvinceReport {
  provinceName: string;
  /** yyyy-mm-dd of the figures. */
  asOf: string;
  communes: RankedCommune[];
  criteria: WeakCriterion[];
  errors: CommuneError[];
  /** Every band (highest first) and "Chưa xếp loại", with how many communes are in it. */
  classCounts: { label: string; count: number }[];
  averageIndexPercent: number | null;
  /** Area codes and titles across all communes, in code order (the heat map's columns). */
  areas: { code: string; title: string }[];
  /** Communes whose rank changed since the previous ranking, biggest moves first. */
  movers: RankedCommune[];
  /** The lowest-ranked communes, lowest last. */
  bottom: RankedCommune[];
  /** The criteria that lost most points. */
  weakest: WeakCriterion[];
  /** The province workbook's ranking tab, when the report comes from one (the email links back to it). */
  rankingUrl?: string;
}

export interface ProvinceInput {
  provinceName: string;
  asOf: string;
  communes: CommuneStanding[];
  /** Every commune's leaf rows (commune = the commune's name). */
  observations: CriterionObservation[];
  errors: CommuneError[];
  bands: Band[];
  previous?: PreviousStanding[];
  rankingUrl?: string;
  /** How many bottom communes and weakest criteria the summary lists (defaults 5 and 10). */
  bottomCount?: number;
  weakCount?: number;
}

export const UNCLASSIFIED = 'Chưa xếp loại';

// Names as Sheets' TRIM leaves them (the snapshot tab's lookup), without case.
const nameKey = (s: string) => s.replace(/ +/g, ' ').trim().toLowerCase();

export function buildProvinceReport(input: ProvinceInput): ProvinceReport {
  const previous = new Map((input.previous ?? []).map((p) => [nameKey(p.name), p]));
  const ranked: RankedCommune[] = rankCommunes(input.communes).map((c) => {
    const before = previous.get(nameKey(c.name));
    const previousRank = before?.rank ?? null;
    return {
      ...c,
      previousRank,
      rankChange: previousRank !== null && c.rank !== null ? previousRank - c.rank : null,
      indexChange:
        before?.indexPercent != null && c.indexPercent !== null ? c.indexPercent - before.indexPercent : null,
    };
  });
  const criteria = weakCriteria(input.observations);
  const labels = sortBands(input.bands).map((b) => b.label);
  const classCounts = [...labels, UNCLASSIFIED].map((label) => ({
    label,
    count: ranked.filter((c) =>
      label === UNCLASSIFIED ? !labels.includes(c.classification) : c.classification === label,
    ).length,
  }));
  const indexed = ranked.filter((c) => c.indexPercent !== null);
  const areas = new Map<string, string>();
  for (const c of ranked) for (const a of c.areas) if (!areas.has(a.code)) areas.set(a.code, a.title);
  const withIndex = ranked.filter((c) => c.rank !== null);
  return {
    provinceName: input.provinceName,
    asOf: input.asOf,
    communes: ranked,
    criteria,
    errors: input.errors,
    classCounts,
    averageIndexPercent: indexed.length
      ? indexed.reduce((s, c) => s + c.indexPercent!, 0) / indexed.length
      : null,
    areas: [...areas].map(([code, title]) => ({ code, title })).sort((a, b) => cmpCode(a.code, b.code)),
    movers: ranked
      .filter((c) => c.rankChange !== null && c.rankChange !== 0)
      .sort((a, b) => Math.abs(b.rankChange!) - Math.abs(a.rankChange!) || a.rank! - b.rank!),
    bottom: bottomCommunes(withIndex, input.bottomCount ?? 5),
    weakest: criteria.slice(0, input.weakCount ?? 10),
    rankingUrl: input.rankingUrl,
  };
}

/**
 * The last `count` ranked communes, at most the lower half (in a small province the "bottom" must not list
 * the top), and never cutting through a tie: every commune sharing the cut rank is listed, so the list may
 * be longer than `count`. When the cut rank is 1 (all tie for first) nobody is at the bottom.
 */
export function bottomCommunes(ranked: RankedCommune[], count: number): RankedCommune[] {
  const k = Math.min(count, Math.floor(ranked.length / 2));
  if (k <= 0) return [];
  const cut = ranked[ranked.length - k].rank!;
  return cut <= 1 ? [] : ranked.filter((c) => c.rank! >= cut);
}

function cmpCode(a: string, b: string): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}
