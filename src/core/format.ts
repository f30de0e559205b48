// The one way the add-in writes numbers, percents, changes, dates and months into text it composes: the
// sidebar, the report tab's texts, the emails, the demo's console, the reasons and server messages. Number
// cells keep number formats instead (Sheets shows them in the spreadsheet's locale).
//
// Vietnamese: decimal comma, "." between thousands, "−" (U+2212) for minus: "−1.234,5".
// English: decimal point, "," between thousands, the same "−": "−1,234.5".
// Dates are dd/mm/yyyy and months mm/yyyy in both languages (the British order the English UI also uses).

export type Lang = 'vi' | 'en';

/** The minus sign of every composed text (not the ASCII hyphen). */
export const MINUS = '−';
/** What a figure that does not exist shows (no index yet, no date). */
export const NO_FIGURE = '—';

/** Decimals of every percentage figure (index, area shares): the summary block's `0.00%`. */
export const PERCENT_DECIMALS = 2;

// Read once: in a vm sandbox every global lookup goes through an interceptor (see values.ts).
const M = Math;

function digits(lang: Lang, value: number, decimals: number, keepZeros: boolean): string {
  if (!Number.isFinite(value)) return NO_FIGURE;
  const factor = M.pow(10, decimals);
  // Half away from zero, float noise first (1.005 → 1.01).
  const rounded = M.round(M.abs(value) * factor + 1e-9) / factor;
  let [whole, frac = ''] = rounded.toFixed(decimals).split('.');
  if (!keepZeros) frac = frac.replace(/0+$/, '');
  const group = lang === 'en' ? ',' : '.';
  const decimal = lang === 'en' ? '.' : ',';
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = value < 0 && rounded !== 0;
  return (negative ? MINUS : '') + whole + (frac ? decimal + frac : '');
}

/** A number with at most `maxDecimals` decimals, trailing zeros dropped: "1.234,5", "12", "−0,25". */
export function formatNumber(lang: Lang, value: number, maxDecimals = 2): string {
  return digits(lang, value, maxDecimals, false);
}

/** A number with exactly `decimals` decimals: "72,19", "80,00". */
export function formatFixed(lang: Lang, value: number, decimals = 2): string {
  return digits(lang, value, decimals, true);
}

/** Points as every text shows them (at most 2 decimals): "71,11", "1,5", "12". */
export function formatPoints(lang: Lang, value: number): string {
  return formatNumber(lang, value, 2);
}

/** A percentage figure 0–100 with a fixed number of decimals: "72,19%"; null → "—". */
export function formatPercent(lang: Lang, percent: number | null, decimals = PERCENT_DECIMALS): string {
  return percent === null || !Number.isFinite(percent)
    ? NO_FIGURE
    : `${formatFixed(lang, percent, decimals)}%`;
}

/** A ratio as typed or measured (a fraction) shown as a percent, up to 4 decimals: 0.975 → "97,5%". */
export function formatShare(lang: Lang, fraction: number): string {
  return `${formatNumber(lang, fraction * 100, 4)}%`;
}

/** A change with its sign: "+2,5", "−1", "0" (then `unit`, e.g. " điểm %"). */
export function formatDelta(lang: Lang, value: number, maxDecimals = 2, unit = ''): string {
  const text = formatNumber(lang, value, maxDecimals);
  const zero = text === '0';
  return (value > 0 && !zero ? '+' : '') + text + unit;
}

/** yyyy-mm-dd (or a full ISO string) → dd/mm/yyyy; null or "" → ""; anything else as given. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** yyyy-MM → "06/2024"; anything else as given. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}
