// The rule language of design.md: one rule per cell, keywords case-insensitive with optional diacritics,
// English aliases, arguments separated by ";", decimal comma or point. Parsed once per distinct text.
import type { CellValue } from '../types';
import { cached, EPS, formatNumber, normalizeText, readNumber, showValue, type Read } from '../values';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;

export interface Tier {
  /** A fraction when written with "%" (95% → 0.95), else the number as written (a count: 6). */
  threshold: number;
  thresholdIsPercent: boolean;
  /** Points, or a share of max (0..1) when `isShare`. */
  points: number;
  isShare: boolean;
  /** The tier as written, for messages. */
  text: string;
}

/**
 * What "Không phát sinh" (KPS, or a 0/0 fraction) gives under a rule: full points (the default, "trường hợp
 * không phát sinh thì đạt điểm tối đa"), 0, or not applicable (the row leaves the applicable max).
 */
export type NothingArose = 'max' | 'zero' | 'notApplicable';

/** A rule as written: its kind and arguments, plus what "không phát sinh" gives (`; KPS: 0`). */
export type Rule = BaseRule & { none: NothingArose };

type BaseRule =
  | { kind: 'yesno' }
  | { kind: 'deadline'; lateShare: number }
  /** Highest threshold first. */
  | { kind: 'tiers'; tiers: Tier[] }
  /** target from the argument; null: the Target column, else 100%. */
  | { kind: 'ratio'; target: number | null }
  | { kind: 'count'; per: number }
  | { kind: 'deduct'; per: number }
  | { kind: 'survey' }
  | { kind: 'manual' };

export type RuleKind = Rule['kind'];

/** How each rule is written in messages (the Vietnamese keyword). */
export const RULE_NAME: Record<RuleKind, string> = {
  yesno: 'CÓ/KHÔNG',
  deadline: 'HẠN',
  tiers: 'MỨC',
  ratio: 'TỶ LỆ',
  count: 'ĐẾM',
  deduct: 'TRỪ',
  survey: 'KHẢO SÁT',
  manual: 'TỰ CHẤM',
};

// Keywords with diacritics folded and spaces removed ("Tỷ lệ" → "tyle").
const KEYWORDS: Record<string, RuleKind> = {
  'co/khong': 'yesno',
  'co-khong': 'yesno',
  yesno: 'yesno',
  'yes/no': 'yesno',
  bool: 'yesno',
  boolean: 'yesno',
  han: 'deadline',
  deadline: 'deadline',
  muc: 'tiers',
  tier: 'tiers',
  tiers: 'tiers',
  tyle: 'ratio',
  tile: 'ratio',
  ratio: 'ratio',
  dem: 'count',
  count: 'count',
  tru: 'deduct',
  deduct: 'deduct',
  khaosat: 'survey',
  survey: 'survey',
  tucham: 'manual',
  manual: 'manual',
};

export const RULE_LIST =
  'CÓ/KHÔNG, HẠN(50%), MỨC(100%: 1,5; 80%: 0,75), TỶ LỆ, ĐẾM(0,25), TRỪ(0,25), KHẢO SÁT hoặc TỰ CHẤM';

export type ParsedRule = Read<Rule>;
type ParsedBase = Read<BaseRule>;

const parseCached = cached(parseWithOptions, 1000);

/** Parses a rule cell (cached per distinct text). A blank cell is an error here: callers check blanks first. */
export function parseRule(cell: CellValue): ParsedRule {
  return parseCached(typeof cell === 'string' ? cell : showValue(cell));
}

/** The message of a blank rule cell. */
export const MISSING_RULE = `Thiếu cách chấm: dùng một trong ${RULE_LIST}.`;

const ok = (value: BaseRule): ParsedBase => ({ ok: true, value });
/** A rule that does not parse: every message starts with "Cách chấm …". */
const fail = (detail: string): { ok: false; message: string } => ({
  ok: false,
  message: `Cách chấm ${detail}`,
});

/** How the "không phát sinh" option is written, for messages. */
export const NOTHING_AROSE_SYNTAX =
  '"; KPS: 0" (không điểm), "; KPS: KAD" (không áp dụng) hoặc "; KPS: tối đa"';

// The option's name and values, folded ("Không phát sinh" → "khong phat sinh"; English aliases).
const NONE_NAMES = new Set(['kps', 'khong phat sinh', 'none', 'if none', 'nothing arose']);
const NONE_VALUES: Record<string, NothingArose> = {
  '0': 'zero',
  'khong diem': 'zero',
  zero: 'zero',
  kad: 'notApplicable',
  'khong ap dung': 'notApplicable',
  'n/a': 'notApplicable',
  na: 'notApplicable',
  'not applicable': 'notApplicable',
  'toi da': 'max',
  'diem toi da': 'max',
  'du diem': 'max',
  '100%': 'max',
  max: 'max',
  full: 'max',
};

/**
 * Splits "RULE(args); KPS: 0" at the semicolons outside parentheses: the rule, then options. The only option
 * is what "không phát sinh" gives: `KPS: 0`, `KPS: KAD` or `KPS: tối đa` (English `NONE: 0 | N/A | MAX`).
 */
function parseWithOptions(raw: string): ParsedRule {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ';' && depth === 0) {
      parts.push(raw.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(raw.slice(from));
  const base = parseText(parts[0]);
  if (!base.ok) return base;
  let none: NothingArose = 'max';
  for (const option of parts.slice(1)) {
    if (option.trim() === '') continue;
    const colon = option.indexOf(':');
    const name = colon < 0 ? '' : normalizeText(option.slice(0, colon));
    const value =
      colon < 0 ? undefined : NONE_VALUES[normalizeText(option.slice(colon + 1)).replace(/ %$/, '%')];
    if (!NONE_NAMES.has(name) || value === undefined) {
      return fail(
        `"${raw.trim()}": phần "${option.trim()}" không đọc được; sau cách chấm chỉ có thể ghi ${NOTHING_AROSE_SYNTAX}.`,
      );
    }
    none = value;
  }
  return { ok: true, value: { ...base.value, none } };
}

function parseText(raw: string): ParsedBase {
  const text = raw.trim();
  if (text === '') return { ok: false, message: MISSING_RULE };
  const open = text.indexOf('(');
  let head = text;
  let args: string | null = null;
  if (open >= 0) {
    const close = text.lastIndexOf(')');
    if (close < open) return fail(`"${showValue(text)}" thiếu dấu ")" đóng ngoặc.`);
    if (text.slice(close + 1).trim() !== '') {
      return fail(`"${showValue(text)}" có chữ thừa sau dấu ")".`);
    }
    head = text.slice(0, open);
    args = text.slice(open + 1, close);
  }
  const kind = KEYWORDS[normalizeText(head).replace(/ /g, '')];
  if (!kind) return fail(`"${showValue(text)}" không có trong danh sách: dùng ${RULE_LIST}.`);
  const parts =
    args === null
      ? []
      : args
          .split(';')
          .map((a) => a.trim())
          .filter((a) => a !== '');
  const name = RULE_NAME[kind];

  switch (kind) {
    case 'yesno':
    case 'survey':
    case 'manual':
      if (parts.length > 0)
        return fail(`${name} không nhận tham số: viết ${name}, không có "(${showValue(args)})".`);
      return ok({ kind });
    case 'deadline': {
      if (parts.length > 1) return fail(`HẠN nhận một tham số (tỷ lệ điểm khi trễ hạn), ví dụ HẠN(50%).`);
      if (parts.length === 0) return ok({ kind, lateShare: 0.5 });
      const share = readShare(parts[0]);
      if (share === null || share < -EPS || share > 1 + EPS) {
        return fail(
          `HẠN: tỷ lệ điểm khi trễ hạn "${showValue(parts[0])}" phải từ 0 đến 100%, ví dụ HẠN(50%).`,
        );
      }
      return ok({ kind, lateShare: clamp01(share) });
    }
    case 'ratio': {
      if (parts.length > 1) return fail(`TỶ LỆ nhận một tham số (chỉ tiêu), ví dụ TỶ LỆ(98%).`);
      if (parts.length === 0) return ok({ kind, target: null });
      const n = readNumber(stripAtLeast(parts[0]), 'Chỉ tiêu', { percent: true });
      if (!n.ok || n.value <= 0) {
        return fail(
          `TỶ LỆ: chỉ tiêu "${showValue(parts[0])}" phải là một tỷ lệ lớn hơn 0, ví dụ TỶ LỆ(98%).`,
        );
      }
      return ok({ kind, target: n.value });
    }
    case 'count':
    case 'deduct': {
      const example = `${name}(0,25)`;
      if (parts.length !== 1)
        return fail(`${name} cần đúng một tham số là số điểm cho mỗi lần, ví dụ ${example}.`);
      const n = readNumber(parts[0], 'Điểm mỗi lần');
      if (!n.ok || n.value <= 0) {
        return fail(
          `${name}: số điểm mỗi lần "${showValue(parts[0])}" phải là một số lớn hơn 0, ví dụ ${example}.`,
        );
      }
      return ok({ kind, per: n.value });
    }
    case 'tiers':
      return parseTiers(parts);
  }
}

/** "50%" → 0.5; a bare fraction "0,5" → 0.5; a bare number above 1 is not a share. */
function readShare(text: string): number | null {
  const n = readNumber(text, 'Tỷ lệ', { percent: true });
  return n.ok ? n.value : null;
}

function clamp01(x: number): number {
  return M.min(1, M.max(0, x));
}

/** "≥ 50%" / ">= 50%" → "50%" (a threshold or target may say "at least"). */
export function stripAtLeast(text: string): string {
  return text.replace(/^\s*(?:≥|>=)\s*/, '');
}

const TIER_FORM = 'dạng ngưỡng: điểm, ví dụ MỨC(100%: 1,5; 80%: 0,75); các mức cách nhau bằng dấu ";"';

function parseTiers(parts: string[]): ParsedBase {
  if (parts.length === 0) return fail(`MỨC cần ít nhất một mức, ${TIER_FORM}.`);
  const tiers: Tier[] = [];
  for (const part of parts) {
    const colon = part.split(':');
    if (colon.length !== 2) return fail(`MỨC: mức "${showValue(part)}" không đúng ${TIER_FORM}.`);
    const [left, right] = colon.map((s) => s.trim());
    const thresholdText = stripAtLeast(left);
    const t = readNumber(thresholdText, 'Ngưỡng', { percent: true });
    if (!t.ok)
      return fail(
        `MỨC: ngưỡng "${showValue(left)}" của mức "${showValue(part)}" không phải số hay tỷ lệ; cần ${TIER_FORM}.`,
      );
    const isShare = right.endsWith('%');
    const p = readNumber(right, 'Điểm', { percent: true });
    if (!p.ok)
      return fail(
        `MỨC: điểm "${showValue(right)}" của mức "${showValue(part)}" không phải số; cần ${TIER_FORM}.`,
      );
    if (p.value < 0) return fail(`MỨC: điểm của mức "${showValue(part)}" không được âm.`);
    if (isShare && p.value > 1 + EPS) {
      return fail(
        `MỨC: mức "${showValue(part)}" cho ${formatNumber(p.value * 100)}% điểm tối đa, vượt quá 100%.`,
      );
    }
    const thresholdIsPercent = thresholdText.trim().endsWith('%');
    if (tiers.some((x) => M.abs(x.threshold - t.value) <= EPS)) {
      return fail(`MỨC: ngưỡng "${showValue(left)}" xuất hiện hai lần.`);
    }
    tiers.push({
      threshold: t.value,
      thresholdIsPercent,
      points: isShare ? M.min(p.value, 1) : p.value,
      isShare,
      text: part,
    });
  }
  tiers.sort((a, b) => b.threshold - a.threshold);
  return ok({ kind: 'tiers', tiers });
}
