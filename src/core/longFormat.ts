// The long-format export (docs/scale.md): one row per commune × month × criterion, the same figures the
// province view ranks. Loads as CSV into BigQuery with the schema below and is read back in Sheets
// through Connected Sheets for a national view; nothing here is specific to one province.
import type { CriterionObservation } from './weakCriteria';

/** Column name, BigQuery type and mode, in file order. */
export const LONG_FORMAT_SCHEMA: { name: string; type: string; mode: 'REQUIRED' | 'NULLABLE' }[] = [
  { name: 'month', type: 'DATE', mode: 'REQUIRED' }, // first day of the month: yyyy-mm-01
  { name: 'as_of', type: 'DATE', mode: 'REQUIRED' },
  { name: 'commune', type: 'STRING', mode: 'REQUIRED' },
  { name: 'commune_group', type: 'STRING', mode: 'NULLABLE' },
  { name: 'code', type: 'STRING', mode: 'REQUIRED' },
  { name: 'title', type: 'STRING', mode: 'NULLABLE' },
  { name: 'area', type: 'STRING', mode: 'REQUIRED' },
  { name: 'is_leaf', type: 'BOOL', mode: 'REQUIRED' },
  { name: 'max', type: 'NUMERIC', mode: 'NULLABLE' },
  { name: 'points', type: 'NUMERIC', mode: 'NULLABLE' },
  { name: 'applicable', type: 'BOOL', mode: 'REQUIRED' },
  { name: 'data_error', type: 'BOOL', mode: 'REQUIRED' },
  { name: 'points_lost', type: 'NUMERIC', mode: 'NULLABLE' },
  // The commune's index (0–100) as the add-in computed it, on each of its rows: a national ranking needs
  // it, and the leaf rows cannot rebuild it (bonus and penalty rows, the cap at 100%).
  { name: 'index_percent', type: 'NUMERIC', mode: 'NULLABLE' },
];

export interface LongMeta {
  /** yyyy-mm-dd of the figures; the month is taken from it. */
  asOf: string;
  /** Commune name → group. */
  groupOf?: (commune: string) => string;
  /** Commune name → its index in percent (null when nothing applies). */
  indexOf?: (commune: string) => number | null;
}

/** A number as BigQuery's NUMERIC loads it: at most 9 decimals (float noise removed). */
const numeric = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 1e9) / 1e9;

const csvField = (v: string | number | boolean | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The rows as CSV text (header first, comma-separated, decimal point, UTF-8, no BOM: BigQuery's defaults). */
export function longFormatCsv(observations: CriterionObservation[], meta: LongMeta): string {
  const month = `${meta.asOf.slice(0, 7)}-01`;
  const lines = [LONG_FORMAT_SCHEMA.map((c) => c.name).join(',')];
  for (const o of observations) {
    const max = o.max !== null && o.max > 0 ? o.max : o.max;
    const lost =
      !o.applicable || max === null ? null : o.error ? max : Math.max(0, max - Math.min(o.points ?? 0, max));
    lines.push(
      [
        month,
        meta.asOf,
        o.commune,
        meta.groupOf?.(o.commune) ?? '',
        o.code,
        o.title,
        o.code.split('.')[0],
        o.isLeaf,
        max,
        o.applicable && !o.error ? (o.points ?? 0) : null,
        o.applicable,
        o.error,
        numeric(lost),
        numeric(meta.indexOf?.(o.commune)),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
