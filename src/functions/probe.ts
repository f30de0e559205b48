// CCHC_PROBE: what a custom function receives, in words. Used by "Kiểm tra môi trường" (server/selfCheck.ts)
// to see on a real account how Sheets passes error cells and dates to custom functions; harmless anywhere.

function describe(v: unknown): string {
  if (v === '' || v === null || v === undefined) return 'trống';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    const p = (n: number) => String(n).padStart(2, '0');
    return `ngày:${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }
  if (typeof v === 'number') return `số:${v}`;
  if (typeof v === 'boolean') return `đúng/sai:${v}`;
  return `chữ:${String(v)}`;
}

/** Each value received (a range row by row), as "kind:value", joined by " | ". */
export function cchcProbe(value: unknown): string {
  const flat: unknown[] = Array.isArray(value) ? (value as unknown[]).flat() : [value];
  return flat.map(describe).join(' | ');
}
