// The rule reader: a row's official scoring prose ("Hướng dẫn chấm điểm") → a rule of the add-in's
// language, with a confidence and, when unsure, the reason. It is conservative by design: every clause that
// awards or takes points must be accounted for by the rule it proposes and the points must agree with the
// row's max; anything else becomes TỰ CHẤM (or the best guess) marked for review. A wrong rule read with
// confidence is the one outcome it must not produce.
import { parseRule } from '../rules';
import { EPS, formatNumber } from '../values';
import { clausesOf, fold, num, type Clause, type Points } from './clauses';
import { bareCountOf, thresholdOf, type Threshold } from './threshold';

export interface ProseReading {
  /** A rule cell text that parses (design.md, "Rule language"); `TỰ CHẤM` when the prose was not read. */
  rule: string;
  /** 0..1; rows under CONFIDENT are marked for review. */
  confidence: number;
  /** True when a person must check the rule (the `Cần xem lại` column). */
  review: boolean;
  /** Vietnamese: why it needs review; '' when read with confidence. */
  reason: string;
  /** Vietnamese: what was read ("3 mức theo tỷ lệ"), for the import report. */
  why: string;
}

/** Confidence from which a reading is taken without review. */
export const CONFIDENT = 0.8;

const MANUAL = 'TỰ CHẤM';

interface Candidate {
  rule: string;
  confidence: number;
  /** The highest award the rule implies, to compare with max (null: nothing to compare). */
  top: Points | null;
  /** Clauses the rule accounts for. */
  used: Set<Clause>;
  why: string;
  reason?: string;
}

/** Reads one row's scoring prose; `max` is the row's Điểm tối đa (null when missing or unreadable). */
export function readProse(prose: string, max: number | null): ProseReading {
  const text = prose.trim();
  if (text === '') return manual('Không có hướng dẫn chấm điểm: nhập cách chấm hoặc điểm tự chấm.', 0);
  const all = clausesOf(text);
  const whole = fold(text);

  // "Trường hợp không phát sinh…": the rule language gives full points by default when nothing arose.
  const arisingClauses = all.filter((c) =>
    /khong (?:co )?(?:[a-z]+ ){0,4}phat sinh|khong phat sinh/.test(c.text),
  );
  const clauses = all.filter((c) => !arisingClauses.includes(c));
  let arising: 'zero' | 'notApplicable' | null = null;
  for (const c of arisingClauses) {
    const na =
      /khong (?:tinh|cham|danh gia) (?:diem|tieu chi)|khong ap dung|loai (?:khoi|tru)|khong tinh vao/.test(
        c.text,
      );
    const full = c.points === 'max' || (max !== null && typeof c.points === 'number' && eq(c.points, max));
    if (na) arising = 'notApplicable';
    else if (!full && c.points === 0) arising = 'zero';
  }

  if (
    /hoi dong|tham dinh (?:quyet dinh|xem xet|danh gia)|do (?:co quan|don vi|ban chi dao)[a-z ]* (?:quyet dinh|danh gia|xem xet)|tuy (?:theo )?muc do|can cu (?:ket qua|muc do|tinh hinh) [a-z ]*danh gia/.test(
      whole,
    )
  ) {
    return manual('Điểm do cơ quan thẩm định quyết định: nhập điểm tự chấm.', 0.5);
  }

  const candidate =
    deduct(clauses) ??
    count(clauses, whole) ??
    formula(clauses, whole) ??
    deadline(clauses) ??
    tiers(clauses, max) ??
    yesNo(clauses, max);
  if (!candidate)
    return manual('Không nhận ra cách tính điểm trong hướng dẫn: chọn cách chấm cho dòng này.', 0);
  if (candidate.rule === MANUAL) {
    return {
      rule: MANUAL,
      confidence: candidate.confidence,
      review: true,
      reason: candidate.reason ?? '',
      why: candidate.why,
    };
  }

  const reasons: string[] = [];
  let confidence = candidate.confidence;
  if (candidate.reason) {
    reasons.push(candidate.reason);
    confidence = Math.min(confidence, 0.5);
  }
  const left = clauses.filter(
    (c) => !candidate.used.has(c) && (c.points !== null || /\btru\b|%/.test(c.text)),
  );
  if (left.length > 0) {
    reasons.push(`Có phần hướng dẫn chưa đọc được: "${left[0].original}".`);
    confidence = Math.min(confidence, 0.4);
  }
  if (max === null) {
    reasons.push('Dòng thiếu điểm tối đa nên không đối chiếu được với điểm trong hướng dẫn.');
    confidence = Math.min(confidence, 0.5);
  } else if (candidate.top !== null && candidate.top !== 'max' && !eq(candidate.top, max)) {
    reasons.push(
      `Điểm trong hướng dẫn (${formatNumber(candidate.top)}) khác điểm tối đa của dòng (${formatNumber(max)}).`,
    );
    confidence = Math.min(confidence, 0.3);
  }
  let rule = candidate.rule;
  if (arising) {
    // The rule language says what "không phát sinh" gives after the rule ("; KPS: 0", "; KPS: KAD").
    const option = `${rule}; KPS: ${arising === 'zero' ? '0' : 'KAD'}`;
    if (parseRule(option).ok) rule = option;
    else {
      reasons.push(
        `Hướng dẫn cho trường hợp không phát sinh ${arising === 'zero' ? '0 điểm' : 'không tính điểm'}, khác mặc định (điểm tối đa): kiểm tra lại.`,
      );
      confidence = Math.min(confidence, 0.6);
    }
  }
  const parsed = parseRule(rule);
  if (!parsed.ok) return manual(`Cách chấm đọc được "${rule}" không hợp lệ: ${parsed.message}`, 0);
  const review = confidence < CONFIDENT;
  return {
    rule,
    confidence: round2(confidence),
    review,
    reason: review ? reasons.join(' ') || 'Chưa chắc chắn: kiểm tra lại.' : '',
    why: candidate.why,
  };
}

function manual(reason: string, confidence: number): ProseReading {
  return { rule: MANUAL, confidence, review: true, reason, why: 'Tự chấm' };
}

function eq(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const share = (n: number) => `${formatNumber(n * 100)}%`;

/** Clauses that award points other than 0 or the max (the base a deduction starts from). */
function awards(clauses: Clause[]): Clause[] {
  return clauses.filter((c) => c.points !== null && c.points !== 0);
}

// ── TRỪ: "Mỗi văn bản ban hành trái pháp luật trừ 0,25 điểm" ──
function deduct(clauses: Clause[]): Candidate | null {
  const per = new RegExp(String.raw`(?:bi )?(?:tru|giam)\s*(?:di\s*)?${NUMBER}\s*(?:diem|d)(?![a-z])`);
  const perClauses = clauses.filter((c) => per.test(c.text));
  if (perClauses.length === 0) return null;
  const amounts = new Set(perClauses.map((c) => num(per.exec(c.text)![1])));
  const used = new Set(perClauses);
  const reasonParts: string[] = [];
  if (amounts.size > 1) reasonParts.push('Hướng dẫn trừ điểm theo nhiều mức khác nhau.');
  if (
    !perClauses.every((c) =>
      /\bmoi\b|\/|\b1 (?:lan|truong hop|vu|van ban|ho so|cuoc|dot)|tung|mot (?:lan|truong hop)/.test(c.text),
    )
  ) {
    reasonParts.push('Không rõ số điểm trừ là cho mỗi lần vi phạm.');
  }
  // A cap on the deduction below the max cannot be written with TRỪ (its floor is 0).
  const cap = new RegExp(
    String.raw`(?:tru|giam) (?:toi da|khong qua|khong vuot qua)\s*${NUMBER}|toi da (?:tru|giam)\s*${NUMBER}|tong (?:so )?diem (?:tru|bi tru) (?:toi da|khong qua)\s*${NUMBER}`,
  );
  let top: Points | null = 'max';
  for (const c of clauses) {
    const m = cap.exec(c.text);
    if (m) {
      used.add(c);
      reasonParts.push(
        `Hướng dẫn giới hạn số điểm trừ (${m[1] ?? m[2] ?? m[3]} điểm): TRỪ chỉ dừng ở 0 điểm.`,
      );
      continue;
    }
    if (used.has(c)) continue;
    if (
      /(?:tru|giam) (?:het|den (?:khi )?het|den 0|toi 0)|khong (?:con )?diem am|diem (?:thap nhat|toi thieu) (?:la|bang) 0/.test(
        c.text,
      ) &&
      c.points === null
    ) {
      used.add(c);
      continue;
    }
    if (c.points === 'max' || (typeof c.points === 'number' && c.points > 0)) {
      // The base: "Không có vi phạm: 1 điểm".
      if (/\btru\b|\bgiam\b/.test(c.condition)) continue;
      used.add(c);
      top = c.points;
    }
  }
  const m = per.exec(perClauses[0].text)!;
  const value = num(m[1]);
  const base = awards(clauses).filter((c) => used.has(c) && !perClauses.includes(c));
  if (base.length > 1) reasonParts.push('Hướng dẫn có nhiều mức điểm cùng với trừ điểm.');
  return {
    rule: `TRỪ(${formatNumber(value)})`,
    confidence: 0.9,
    top,
    used,
    why: `Trừ ${formatNumber(value)} điểm mỗi lần, thấp nhất 0 điểm`,
    reason: reasonParts.length > 0 ? reasonParts.join(' ') : undefined,
  };
}

// ── ĐẾM: "Mỗi sáng kiến được công nhận 0,5 điểm, tối đa 1 điểm" ──
const CAP = /(?:toi da|khong qua|khong vuot qua|nhung khong qua)\s*(?:la\s*)?\d+(?:[.,]\d+)?\s*(?:diem|d)?/g;
function count(clauses: Clause[], whole: string): Candidate | null {
  const perItem = clauses.filter(
    (c) =>
      c.points !== null &&
      c.points !== 'max' &&
      c.points > 0 &&
      (/\bmoi\b|\btung\b/.test(c.condition) ||
        new RegExp(String.raw`${NUMBER}\s*(?:diem|d)\s*\/\s*(?:01|1|mot)?\s*[a-z]`).test(c.text)) &&
      thresholdOf(c.condition.replace(CAP, '')) === null,
  );
  if (perItem.length === 0) return null;
  const used = new Set(perItem);
  const reasonParts: string[] = [];
  const amounts = new Set(perItem.map((c) => c.points));
  if (amounts.size > 1) reasonParts.push('Hướng dẫn cho điểm theo nhiều loại việc khác nhau.');
  const capRe = new RegExp(
    String.raw`(?:toi da|khong qua|khong vuot qua|nhung khong qua)\s*(?:la\s*)?${NUMBER}\s*(?:diem|d)(?![a-z])`,
  );
  let top: Points | null = null;
  for (const c of clauses) {
    const m = capRe.exec(c.text);
    if (m) {
      used.add(c);
      top = num(m[1]);
    } else if (
      !used.has(c) &&
      /toi da (?:bang |la )?diem toi da|khong qua diem toi da|khong vuot qua diem toi da/.test(c.text)
    ) {
      used.add(c);
      top = 'max';
    }
  }
  for (const c of clauses) {
    if (!used.has(c) && c.points === 0) used.add(c); // "Không có: 0 điểm"
  }
  if (/\btru\b/.test(whole)) reasonParts.push('Hướng dẫn vừa cộng vừa trừ điểm.');
  const per = perItem[0].points as number;
  return {
    rule: `ĐẾM(${formatNumber(per)})`,
    confidence: top === null ? 0.85 : 0.92,
    top,
    used,
    why: `${formatNumber(per)} điểm mỗi việc, tối đa bằng điểm tối đa`,
    reason: reasonParts.length > 0 ? reasonParts.join(' ') : undefined,
  };
}

// ── KHẢO SÁT / TỶ LỆ: "Điểm = chỉ số hài lòng × 15", "tỷ lệ × điểm tối đa/80%" ──
function formula(clauses: Clause[], whole: string): Candidate | null {
  const hasFormula =
    /\*|\sx\s*(?:\d|diem|\()|nhan voi\s*(?:\d|diem)|diem\s*=|=\s*\(|\/\s*\d+(?:[.,]\d+)?\s*%|ty le\s*(?:\*|x\s)|\(\s*so [a-z ]+\/|ty le thuan|ty le tuong ung|tinh theo ty le|quy doi/.test(
      whole,
    );
  if (!hasFormula) return null;
  const used = new Set<Clause>();
  const reasonParts: string[] = [];
  // The multiplier: "× 15" or "× điểm tối đa".
  let top: Points | null = null;
  const times = new RegExp(String.raw`(?:\*|\sx|nhan voi)\s*${NUMBER}(?!\s*%)`);
  const timesMax = /(?:\*|\sx|nhan voi)\s*(?:so )?diem toi da|diem toi da\s*(?:\*|x\s)/;
  for (const c of clauses) {
    const m = times.exec(c.text);
    if (m) {
      top = num(m[1]);
      used.add(c);
    } else if (timesMax.test(c.text)) {
      top = 'max';
      used.add(c);
    } else if (/ty le thuan|ty le tuong ung|tinh theo ty le|quy doi/.test(c.text)) {
      top = top ?? 'max';
      used.add(c);
    }
  }
  if (used.size === 0) {
    return {
      rule: MANUAL,
      confidence: 0.2,
      top: null,
      used,
      why: 'Công thức',
      reason: 'Hướng dẫn có công thức tính điểm chưa đọc được: chọn cách chấm cho dòng này.',
    };
  }
  if (/hai long|khao sat|sipas|xa hoi hoc|dieu tra/.test(whole) && !/\/\s*\d+(?:[.,]\d+)?\s*%/.test(whole)) {
    for (const c of clauses) if (c.points === 0) used.add(c);
    return { rule: 'KHẢO SÁT', confidence: 0.9, top, used, why: 'Điểm tối đa × kết quả khảo sát' };
  }
  // TỶ LỆ: the target is a divisor "/80%" or the share from which the max is given ("từ 80% trở lên: điểm tối đa").
  let target = 1;
  const divisor = /\/\s*(\d+(?:[.,]\d+)?)\s*%/.exec(whole);
  if (divisor) target = num(divisor[1]) / 100;
  for (const c of clauses) {
    if (used.has(c)) continue;
    const t = thresholdOf(c.condition);
    if (t && t.side === 'atLeast' && t.percent && c.points !== null) {
      if (divisor && !eq(t.value, target))
        reasonParts.push('Ngưỡng đạt điểm tối đa khác số chia trong công thức.');
      target = t.value;
      used.add(c);
      if (c.points !== 'max') top = top === null || top === 'max' ? c.points : top;
    } else if (c.points === 0) used.add(c);
  }
  if (target > 1 + EPS) reasonParts.push(`Chỉ tiêu ${share(target)} vượt 100%.`);
  return {
    rule: `TỶ LỆ(${share(target)})`,
    confidence: 0.9,
    top,
    used,
    why: `Điểm tối đa × tỷ lệ đạt / ${share(target)}, không quá điểm tối đa`,
    reason: reasonParts.length > 0 ? reasonParts.join(' ') : undefined,
  };
}

// ── HẠN: "Ban hành đúng thời hạn: 0,5 điểm; chậm: 0,25 điểm; không ban hành: 0 điểm" ──
const ON_TIME =
  /dung (?:thoi )?han|truoc ngay|dung thoi gian|dung tien do|truoc (?:thoi )?han|kip thoi|dung quy dinh ve thoi gian|trong thoi han|dung ngay/;
const LATE =
  /cham|tre|qua han|khong dung (?:thoi )?han|sau (?:thoi )?han|khong kip thoi|ngoai thoi han|khong dung thoi gian/;

function deadline(clauses: Clause[]): Candidate | null {
  const scored = clauses.filter((c) => c.points !== null);
  const onTime = scored.filter((c) => ON_TIME.test(c.condition) && !LATE.test(c.condition));
  const late = scored.filter((c) => LATE.test(c.condition));
  if (onTime.length === 0 || scored.some((c) => thresholdOf(c.condition)?.percent)) return null;
  const used = new Set<Clause>([...onTime, ...late]);
  for (const c of scored) if (!used.has(c) && c.points === 0) used.add(c);
  const reasonParts: string[] = [];
  if (onTime.length > 1) reasonParts.push('Hướng dẫn có nhiều mức cho trường hợp đúng hạn.');
  if (late.length > 1 && new Set(late.map((c) => c.points)).size > 1) {
    reasonParts.push('Hướng dẫn có nhiều mức cho trường hợp chậm: HẠN chỉ có một tỷ lệ khi trễ hạn.');
  }
  const top = onTime[0].points!;
  let lateShare = 0;
  if (late.length > 0) {
    const lp = late[0].points!;
    if (lp === 'max') lateShare = 1;
    else if (lp === 0) lateShare = 0;
    else if (top === 'max') {
      reasonParts.push('Không tính được tỷ lệ điểm khi trễ hạn vì hướng dẫn ghi "điểm tối đa".');
    } else lateShare = top > 0 ? lp / top : 0;
  } else if (scored.length === onTime.length) {
    // Only "đúng hạn: 1 điểm": late earns nothing, like not done.
    lateShare = 0;
  }
  if (lateShare > 1 + EPS) reasonParts.push('Điểm khi trễ hạn lớn hơn khi đúng hạn.');
  return {
    rule: `HẠN(${share(Math.min(lateShare, 1))})`,
    confidence: late.length > 0 ? 0.95 : 0.85,
    top,
    used,
    why: `Đúng hạn: điểm tối đa; trễ hạn: ${share(Math.min(lateShare, 1))} điểm tối đa; không thực hiện: 0`,
    reason: reasonParts.length > 0 ? reasonParts.join(' ') : undefined,
  };
}

// ── MỨC: "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm" ──
function tiers(clauses: Clause[], max: number | null): Candidate | null {
  const scored = clauses.filter((c) => c.points !== null);
  const read = scored.map((c) => ({ c, t: thresholdOf(c.condition) }));
  if (!read.some((r) => r.t !== null && r.t.side !== 'below')) return null;
  // "tổ chức 01 cuộc: 0,5 điểm" beside "từ 2 cuộc trở lên": a bare count among count tiers is a tier too.
  if (read.every((r) => r.t === null || !r.t.percent)) {
    for (const r of read) {
      const n = r.t === null && r.c.points !== 0 ? bareCountOf(r.c.condition) : null;
      if (n !== null) r.t = { value: n, percent: false, side: 'atLeast' };
    }
  }
  const withThreshold = read.filter((r) => r.t !== null) as { c: Clause; t: Threshold }[];
  // One bare share and nothing else ("Bảo đảm 100% cán bộ có tài khoản: 0,5 điểm; không: 0") is a yes/no
  // condition that happens to hold a number, not a scale.
  if (withThreshold.length === 1 && withThreshold[0].t.bare) return null;
  const used = new Set<Clause>(withThreshold.map((r) => r.c));
  const reasonParts: string[] = [];
  // Clauses with no threshold: "Không thực hiện: 0 điểm" is the floor; anything else is not a tier.
  for (const r of read) if (r.t === null && r.c.points === 0) used.add(r.c);
  const percent = withThreshold.filter((r) => r.t.value !== 0).map((r) => r.t.percent);
  if (new Set(percent).size > 1) reasonParts.push('Hướng dẫn trộn ngưỡng tỷ lệ (%) và ngưỡng số lượng.');
  const isPercent = percent.every((p) => p);

  // Bands: "từ X": X and up; "trên X": more than X; "dưới X": from the next lower "dưới" up to X.
  const bands: { threshold: number; points: Points }[] = [];
  const belows = withThreshold.filter((r) => r.t.side === 'below').sort((a, b) => a.t.value - b.t.value);
  for (const r of withThreshold) {
    const { t } = r;
    if (t.side === 'atLeast') bands.push({ threshold: t.value, points: r.c.points! });
    else if (t.side === 'above') {
      if (!t.percent && Number.isInteger(t.value))
        bands.push({ threshold: t.value + 1, points: r.c.points! });
      else {
        bands.push({ threshold: t.value, points: r.c.points! });
        reasonParts.push(
          `Ngưỡng "trên ${isPercent ? share(t.value) : formatNumber(t.value)}" (lớn hơn hẳn) được viết thành "từ … trở lên".`,
        );
      }
    } else if (t.side === 'atMost') {
      reasonParts.push('Hướng dẫn có ngưỡng "không quá" mà MỨC không diễn đạt được.');
    }
  }
  belows.forEach((r, i) => {
    bands.push({ threshold: i === 0 ? 0 : belows[i - 1].t.value, points: r.c.points! });
  });
  const values: { threshold: number; points: number }[] = [];
  for (const b of bands) {
    const p = b.points === 'max' ? max : b.points;
    if (p === null) {
      reasonParts.push('Dòng thiếu điểm tối đa mà hướng dẫn ghi "điểm tối đa".');
      continue;
    }
    const same = values.find((v) => eq(v.threshold, b.threshold));
    if (same) {
      if (!eq(same.points, p)) reasonParts.push('Hai mức cùng một ngưỡng với số điểm khác nhau.');
      continue;
    }
    values.push({ threshold: b.threshold, points: p });
  }
  values.sort((a, b) => b.threshold - a.threshold);
  for (let i = 1; i < values.length; i++) {
    if (values[i].points > values[i - 1].points + EPS) {
      reasonParts.push('Mức điểm không giảm dần theo ngưỡng.');
      break;
    }
  }
  while (values.length > 0 && eq(values[values.length - 1].points, 0)) values.pop();
  if (values.length === 0) return null;
  const unit = (x: number) => (isPercent ? share(x) : formatNumber(x));
  const rule = `MỨC(${values.map((v) => `${unit(v.threshold)}: ${formatNumber(v.points)}`).join('; ')})`;
  return {
    rule,
    confidence: 0.95,
    top: values[0].points,
    used,
    why: `${values.length} mức theo ${isPercent ? 'tỷ lệ' : 'số lượng'}`,
    reason: reasonParts.length > 0 ? reasonParts.join(' ') : undefined,
  };
}

// ── CÓ/KHÔNG: "Có: 0,5 điểm; không có: 0 điểm" ──
const NEGATIVE =
  /^(?:khong|chua|neu khong|truong hop khong)\b|\b(?:khong|chua) (?:co|ban hanh|thuc hien|dat|hoan thanh|to chuc|trien khai|xay dung|gui|bao cao)/;
const QUALITATIVE = /\b(?:tot|kha|trung binh|yeu|kem|xuat sac|mot phan|hieu qua|dat yeu cau|chat luong)\b/;

function yesNo(clauses: Clause[], max: number | null): Candidate | null {
  const scored = clauses.filter((c) => c.points !== null);
  if (scored.length === 0) return null;
  const positive = scored.filter((c) => c.points !== 0);
  const zero = scored.filter((c) => c.points === 0);
  if (positive.length === 0) return null;
  if (positive.length > 1) {
    const total = positive.reduce((s, c) => s + (c.points === 'max' ? (max ?? 0) : (c.points as number)), 0);
    const parts = max !== null && eq(total, max) && !positive.some((c) => QUALITATIVE.test(c.condition));
    return {
      rule: MANUAL,
      confidence: 0.3,
      top: null,
      used: new Set(scored),
      why: parts ? 'Nhiều phần độc lập' : 'Nhiều mức định tính',
      reason: parts
        ? `Tiêu chí gồm ${positive.length} phần độc lập, mỗi phần có điểm riêng: cách chấm một ô không diễn đạt được, nhập điểm tự chấm (hoặc tách thành tiêu chí con).`
        : 'Hướng dẫn có nhiều mức điểm theo đánh giá (ví dụ tốt / chưa tốt) mà cách chấm không diễn đạt được: nhập điểm tự chấm.',
    };
  }
  const yes = positive[0];
  const reasonParts: string[] = [];
  if (NEGATIVE.test(yes.condition)) reasonParts.push('Mức có điểm lại là trường hợp "không/chưa".');
  if (thresholdOf(yes.condition) || /%/.test(yes.condition))
    reasonParts.push('Điều kiện có số liệu chưa đọc được.');
  let confidence = zero.length > 0 ? 0.95 : 0.85;
  if (yes.condition === '') confidence = 0.6;
  return {
    rule: 'CÓ/KHÔNG',
    confidence,
    top: yes.points,
    used: new Set(scored),
    why: 'Có / đạt: điểm tối đa; không: 0',
    reason:
      reasonParts.length > 0
        ? reasonParts.join(' ')
        : confidence < CONFIDENT
          ? 'Hướng dẫn chỉ ghi số điểm, không ghi điều kiện.'
          : undefined,
  };
}
