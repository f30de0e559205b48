// The threshold a tier clause names: "từ 80% đến dưới 100%", "80% - dưới 100%", "≥ 80%", "từ 80% trở
// lên", "đạt và vượt kế hoạch", "từ 4 tin, bài trở lên", "dưới 80%", "trên 90%". Works on folded text.
import { num } from './clauses';

export interface Threshold {
  /** A fraction when written with "%" (80% → 0.8), else the count as written. */
  value: number;
  percent: boolean;
  /** atLeast: value and up; below: under value; above: strictly more; atMost: value and under. */
  side: 'atLeast' | 'below' | 'above' | 'atMost';
  /** Read from a bare percentage with no "từ", "≥", "trở lên" ("100% hồ sơ đúng hạn"). */
  bare?: boolean;
}

const N = String.raw`(\d+(?:[.,]\d+)?)\s*(%?)`;
// Numbers that are dates, years or days are not thresholds ("trước ngày 31/12", "năm 2025").
const NOT_A_QUANTITY = /(?:ngay|thang|nam|quy|tuan|gio)\s*$/;

function make(value: string, percent: string, side: Threshold['side'], otherPercent = ''): Threshold {
  const isPercent = percent === '%' || otherPercent === '%';
  return { value: isPercent ? num(value) / 100 : num(value), percent: isPercent, side };
}

const BETWEEN = new RegExp(
  String.raw`(?:^|\s|tu\s*|>=\s*)${N}\s*(?:den|toi|-|~)\s*(?:duoi|<|nho hon|it hon|thap hon)?\s*${N}`,
);
const AT_LEAST_AFTER = new RegExp(String.raw`${N}\s*(?:tro len|tro di|tro len tren)`);
const AT_LEAST_BEFORE = new RegExp(
  String.raw`(?:>=|=>|khong (?:thap|it|nho) hon|toi thieu|it nhat|tu|dat va vuot|dat|hoan thanh|bang|=|co|duoc)\s*(?:muc\s*)?${N}`,
);
const BELOW = new RegExp(String.raw`(?:<|duoi|it hon|thap hon|nho hon|khong dat|chua dat)\s*(?:muc\s*)?${N}`);
const AT_MOST = new RegExp(String.raw`(?:<=|=<|khong (?:qua|vuot qua|lon hon|cao hon)|toi da)\s*${N}`);
const ABOVE = new RegExp(String.raw`(?:>|tren|lon hon|cao hon|nhieu hon)\s*(?:muc\s*)?${N}`);
const FULL_PLAN =
  /(?:dat va vuot|hoan thanh(?: dung| du| day du)?|dat(?: du)?)\s*(?:100%\s*)?(?:ke hoach|chi tieu|muc tieu)/;

/** The threshold of a condition, or null when it names none. */
export function thresholdOf(condition: string): Threshold | null {
  const c = condition.replace(/\s+/g, ' ');
  const quantity = (m: RegExpExecArray | null) => m !== null && !NOT_A_QUANTITY.test(c.slice(0, m.index));
  let m = BETWEEN.exec(c);
  if (quantity(m) && m) return make(m[1], m[2], 'atLeast', m[4]);
  m = AT_LEAST_AFTER.exec(c);
  if (quantity(m) && m) return make(m[1], m[2], 'atLeast');
  m = AT_MOST.exec(c);
  if (quantity(m) && m) return make(m[1], m[2], 'atMost');
  m = BELOW.exec(c);
  if (quantity(m) && m) return make(m[1], m[2], 'below');
  m = ABOVE.exec(c);
  if (quantity(m) && m) return make(m[1], m[2], 'above');
  m = AT_LEAST_BEFORE.exec(c);
  if (quantity(m) && m) return make(m[1], m[2], 'atLeast');
  if (FULL_PLAN.test(c)) return { value: 1, percent: true, side: 'atLeast' };
  // A bare percentage ("100% hồ sơ đúng hạn") is the share reached.
  m = new RegExp(N).exec(c);
  if (m && m[2] === '%' && quantity(m)) return { ...make(m[1], m[2], 'atLeast'), bare: true };
  return null;
}

/** A bare count in a condition ("tổ chức 01 cuộc"), not a date, year or code; for tiers on counts. */
export function bareCountOf(condition: string): number | null {
  const m = /(?:^|\s)(\d+)\s+(?!%)[a-z]/.exec(condition);
  if (!m || NOT_A_QUANTITY.test(condition.slice(0, m.index))) return null;
  if ((condition.match(/\d+/g) ?? []).length !== 1) return null;
  return Number(m[1]);
}
