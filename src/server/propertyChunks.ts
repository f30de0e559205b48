// Records larger than one property value. Apps Script holds at most 9 KB per property value
// (https://developers.google.com/apps-script/guides/services/quotas: "Properties value size 9 KB / val");
// a longer value throws "Argument too large". A record that may grow with the number of recipients (the
// monthly send progress) is split into pieces written with one setProperties call (all or nothing), under
// a head value that says how many pieces there are and how long the whole is, so a missing or stale piece
// is detected rather than read as a shorter record.

/** UTF-16 code units per stored piece: each is at most 3 bytes in UTF-8, so ≤ 9,000 bytes (limit 9,216). */
export const PIECE_UNITS = 3000;
/** The per-value limit (bytes). */
export const VALUE_LIMIT_BYTES = 9 * 1024;

const HEAD = 'chunks:';

/** UTF-8 length of a string (Apps Script has no TextEncoder or Buffer). */
export function utf8Length(s: string): number {
  return s
    .replace(/[\ud800-\udbff][\udc00-\udfff]/g, '____')
    .replace(/[\u0800-\uffff]/g, '___')
    .replace(/[\u0080-\u07ff]/g, '__').length;
}

/** Splits `s` into pieces of at most `units` UTF-16 code units, never inside a surrogate pair. */
export function splitUnits(s: string, units: number = PIECE_UNITS): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < s.length;) {
    let end = Math.min(i + units, s.length);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last < 0xdc00) end--;
    pieces.push(s.slice(i, end));
    i = end;
  }
  return pieces;
}

function pieceKey(key: string, n: number): string {
  return `${key}#${n}`;
}

/**
 * Stores `value` under `key`, in pieces when it is too long for one property value; `extra` values are
 * written in the same call (all or nothing). Pieces left over from a longer earlier value are deleted.
 */
export function writeChunked(
  props: GoogleAppsScript.Properties.Properties,
  key: string,
  value: string,
  extra: Record<string, string> = {},
): number {
  const before = readHead(props.getProperty(key));
  const previousPieces = before ? before.count : 0;
  const pieces = value.length <= PIECE_UNITS ? [] : splitUnits(value);
  const all: Record<string, string> = { ...extra };
  if (pieces.length === 0) all[key] = value;
  else {
    all[key] = `${HEAD}${pieces.length}:${value.length}`;
    pieces.forEach((p, i) => (all[pieceKey(key, i + 1)] = p));
  }
  props.setProperties(all);
  for (let n = pieces.length + 1; n <= previousPieces; n++) props.deleteProperty(pieceKey(key, n));
  return pieces.length;
}

function readHead(head: string | null): { count: number; length: number } | null {
  const m = head == null ? null : /^chunks:(\d+):(\d+)$/.exec(head);
  return m ? { count: Number(m[1]), length: Number(m[2]) } : null;
}

export type ChunkedRead =
  { state: 'none' } | { state: 'ok'; value: string; pieces: number } | { state: 'corrupt'; pieces: number };

/** Reads a value stored by writeChunked; a missing or short piece reads as corrupt. */
export function readChunked(props: GoogleAppsScript.Properties.Properties, key: string): ChunkedRead {
  const head = props.getProperty(key);
  if (head == null || head === '') return { state: 'none' };
  if (!head.startsWith(HEAD)) return { state: 'ok', value: head, pieces: 0 };
  const h = readHead(head);
  if (!h) return { state: 'corrupt', pieces: 0 };
  const count = h.count;
  let value = '';
  for (let n = 1; n <= count; n++) {
    const piece = props.getProperty(pieceKey(key, n));
    if (piece == null) return { state: 'corrupt', pieces: count };
    value += piece;
  }
  if (value.length !== h.length) return { state: 'corrupt', pieces: count };
  return { state: 'ok', value, pieces: count };
}

/** Deletes a value stored by writeChunked, pieces included. */
export function deleteChunked(props: GoogleAppsScript.Properties.Properties, key: string): void {
  const read = readChunked(props, key);
  const pieces = read.state === 'none' ? 0 : read.pieces;
  for (let n = 1; n <= pieces; n++) props.deleteProperty(pieceKey(key, n));
  props.deleteProperty(key);
}
