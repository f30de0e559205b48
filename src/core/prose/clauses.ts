// Official scoring prose cut into clauses, each with the points it awards and the condition it names.
// Everything here works on folded text (no diacritics, lower case: "Điểm" → "diem"), so the patterns are
// written without accents; numbers keep their decimal comma or point.
import { foldText } from '../values';

/** Points a clause gives: a number, or the row's max ("điểm tối đa"). */
export type Points = number | 'max';

export interface Clause {
  /** The clause as written (for messages). */
  original: string;
  /** Folded, single-spaced. */
  text: string;
  /** The text with the points mention taken out ("từ 80% trở lên: 1 điểm" → "tu 80% tro len"). */
  condition: string;
  /** The points it awards, null when it names none. */
  points: Points | null;
  /** How many points mentions it holds (more than one is a compound or a clause that failed to split). */
  mentions: number;
}

// "1 điểm", "0,5đ", "01 điểm", "1.0 diem": the number before "điểm"/"đ". "đ" must end the word.
const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const POINTS_NUMBER = new RegExp(String.raw`${NUMBER}\s*(?:diem|d)(?![a-z])`, 'g');
// The max named in words; "tối đa 1 điểm" (a cap) is a number, not this.
const POINTS_MAX =
  /(?:duoc |dat |tinh |cho )?(?:toan bo |du )?(?:so )?diem toi da(?: cua (?:tieu chi|chi so)(?: thanh phan)?(?: nay)?)?|(?:dat|duoc) (?:toan bo|du) (?:so )?diem|(?:dat|duoc) toi da(?! \d)/g;
const POINTS_ZERO = /khong (?:duoc |co |dat )?diem(?! toi)|khong cham diem|khong tinh diem/g;

/** Reads a number written with a decimal comma or point. */
export function num(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Folded, with the typographic variants of symbols made plain. */
export function fold(text: string): string {
  return foldText(text)
    .replace(/[\u2264\u2266]/g, '<=')
    .replace(/[\u2265\u2267]/g, '>=')
    .replace(/\uff1c/g, '<')
    .replace(/\uff1e/g, '>')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u00d7\u2715\u2716]/g, '*')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Mention {
  start: number;
  end: number;
  points: Points;
}

function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(POINTS_NUMBER)) {
    const before = text.slice(0, m.index);
    // "tối đa 1 điểm" / "không quá 1 điểm" is a cap and "trừ 0,25 điểm" a deduction, not an award.
    if (/(?:toi da|khong qua|khong vuot qua|tru|giam|bi tru)\s*$/.test(before)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, points: num(m[1]) });
  }
  for (const m of text.matchAll(POINTS_MAX)) {
    found.push({ start: m.index, end: m.index + m[0].length, points: 'max' });
  }
  for (const m of text.matchAll(POINTS_ZERO)) {
    found.push({ start: m.index, end: m.index + m[0].length, points: 0 });
  }
  found.sort((a, b) => a.start - b.start);
  // Overlaps ("đạt điểm tối đa 1 điểm") keep the first.
  return found.filter((m, i) => i === 0 || m.start >= found[i - 1].end);
}

/** The prose as clauses: lines, ";", sentence ends, and a "," or "và" between two awards. */
export function clausesOf(prose: string): Clause[] {
  const pieces = prose
    .split(/;|\n|\r|(?<!\d)\.(?!\d)|\.(?=\s|$)/)
    .map((p) =>
      p
        .trim()
        .replace(/^(?:[-+•*·]|[a-zđ]\)|\d+\)|\(\d+\))\s*/i, '')
        .trim(),
    )
    .filter((p) => p !== '');
  const out: Clause[] = [];
  for (const piece of pieces) {
    for (const part of splitAwards(piece)) out.push(clause(part));
  }
  return out;
}

/** A piece with two or more awards ("Có: 0,5 điểm, không có: 0 điểm") cut between them. */
function splitAwards(piece: string): string[] {
  const text = fold(piece);
  // Folding keeps the length for Vietnamese letters (one base letter per letter), so indexes match.
  if (text.length !== piece.trim().replace(/\s+/g, ' ').length) return [piece];
  const original = piece.trim().replace(/\s+/g, ' ');
  const ms = mentions(text);
  if (ms.length < 2) return [piece];
  const pointsFirst = ms[0].start <= 1;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i + 1 < ms.length; i++) {
    const gap = text.slice(ms[i].end, ms[i + 1].start);
    const seps = [...gap.matchAll(/,|\bva\b|\bcon\b|\bcac truong hop\b/g)];
    if (seps.length === 0) continue;
    const sep = pointsFirst ? seps[seps.length - 1] : seps[0];
    const cut = ms[i].end + sep.index;
    parts.push(original.slice(from, cut));
    from = cut + sep[0].length;
  }
  parts.push(original.slice(from));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function clause(original: string): Clause {
  const text = fold(original);
  const ms = mentions(text);
  let condition = text;
  for (let i = ms.length - 1; i >= 0; i--)
    condition = condition.slice(0, ms[i].start) + condition.slice(ms[i].end);
  for (let i = 0; i < 3; i++) {
    condition = condition
      .replace(/^[\s:=,-]+|[\s:=,.-]+$/g, '')
      .replace(/\s(?:thi|duoc|dat|cho|tinh|nhan|la)$/, '')
      .replace(/^(?:neu|khi|truong hop)\s/, '')
      .trim();
  }
  condition = condition.replace(/\s+/g, ' ');
  return {
    original,
    text,
    condition,
    points: ms.length > 0 ? ms[0].points : null,
    mentions: ms.length,
  };
}
