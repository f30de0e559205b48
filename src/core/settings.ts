// Settings of one document: validated when read from properties and when received from the sidebar. A
// corrupt stored value falls back to the defaults with a warning, never a crash.
// Hand-written, not zod: every custom-function call loads the whole bundle, and zod/mini cost ~17 KB of it
// for this one schema. The rules follow zod's (test/core/settingsParity.test.ts runs both on generated
// input): a wrong type stops that field ("Invalid input"), every failed check of a field is listed, a
// whole-number check stops the range checks, and the checks across fields run only when no field has a
// wrong type.
import type { Band } from './types';

export const DEFAULT_BANDS: Band[] = [
  { label: 'Xuất sắc', minPercent: 90 },
  { label: 'Tốt', minPercent: 80 },
  { label: 'Khá', minPercent: 70 },
  { label: 'Trung bình', minPercent: 55 },
  { label: 'Yếu', minPercent: 0 },
];

// A pragmatic email check: one @, no spaces, a dot in the domain. Mail servers decide the rest.
const EMAIL_BODY = '[^\\s@<>(),;:"]+@[^\\s@<>(),;:"]+\\.[^\\s@<>(),;:".]{2,}';
const EMAIL = new RegExp(`^${EMAIL_BODY}$`);
// A sector's address may be left empty. Checked before trimming, so that only a truly empty cell counts as
// "no address" (spaces alone are still an invalid email).
const EMAIL_OR_EMPTY = new RegExp(`^(?:\\s*${EMAIL_BODY}\\s*)?$`);
const BAD_EMAIL = 'Email không hợp lệ';
/** The message of a value of the wrong type (zod's own, untranslated: the sidebar shows "invalid value"). */
const WRONG_TYPE = 'Invalid input';

export interface Settings {
  communeName: string;
  year: number;
  criteriaSheetName: string;
  nearDeadlineDays: number;
  bands: { label: string; minPercent: number }[];
  sectors: { name: string; head: string; email: string }[];
  leadership: string[];
  scheduleDay: number;
  scheduleHour: number;
  language: 'vi' | 'en';
  // Rounding of each criterion's points (the 766 portal rounds to 2); null: no rounding. Absent (settings
  // saved before it existed, an older sidebar) is null.
  pointsDecimals: number | null;
  // The year's rounds (issue 14): the last day of each, ISO yyyy-mm-dd, or null when not set. The inputs of
  // a round are locked from the day after its date (src/core/rounds.ts). Absent (older settings): all null.
  rounds: RoundDates;
  // Who may still edit locked inputs besides the spreadsheet's owner and whoever runs the lock.
  lockEditors: string[];
  // true: a lock only warns (anyone may edit after confirming); false: only lockEditors may edit.
  lockWarningOnly: boolean;
}
export type Sector = Settings['sectors'][number];

/** The last day of each round (ISO yyyy-mm-dd) or null. */
export interface RoundDates {
  /** Tự chấm đến: self-scoring ends. */
  selfScore: string | null;
  /** Thẩm định lần 1. */
  appraisal1: string | null;
  /** Giải trình đến: explanations end. */
  explanation: string | null;
  /** Thẩm định lần 2. */
  appraisal2: string | null;
}
export const ROUND_KEYS = ['selfScore', 'appraisal1', 'explanation', 'appraisal2'] as const;

type Path = (string | number)[];
interface Issue {
  path: Path;
  message: string;
  /** A wrong type: the checks across fields do not run. */
  fatal?: boolean;
}
/** Checks one value at `path`, pushing its issues; returns the (trimmed) value. */
type Check<T> = (value: unknown, path: Path, issues: Issue[]) => T;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function wrongType<T>(value: unknown, path: Path, issues: Issue[]): T {
  issues.push({ path, message: WRONG_TYPE, fatal: true });
  return value as T;
}

/** Each failed condition adds its message; all are tried (zod's refinements do not stop one another). */
function conditions<T>(value: T, path: Path, issues: Issue[], list: [boolean, string][]): T {
  for (const [ok, message] of list) if (!ok) issues.push({ path, message });
  return value;
}

const text =
  (max: number, tooLong: string, empty?: string): Check<string> =>
  (value, path, issues) => {
    if (typeof value !== 'string') return wrongType(value, path, issues);
    const s = value.trim();
    return conditions(s, path, issues, [
      ...(empty ? [[s !== '', empty] as [boolean, string]] : []),
      [s.length <= max, tooLong],
    ]);
  };

/** Trimmed text checked against an email pattern (before trimming, as written). */
const email =
  (pattern: RegExp): Check<string> =>
  (value, path, issues) => {
    if (typeof value !== 'string') return wrongType(value, path, issues);
    conditions(value, path, issues, [[pattern.test(value), BAD_EMAIL]]);
    return value.trim();
  };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const number =
  (type: string, min: number, max: number, low: string, high: string): Check<number> =>
  (value, path, issues) => {
    if (!isNumber(value)) {
      issues.push({ path, message: type, fatal: true });
      return value as number;
    }
    return conditions(value, path, issues, [
      [value >= min, low],
      [value <= max, high],
    ]);
  };

/** A whole number from min to max: `type` when it is not a whole number, `low` / `high` out of range. */
const int =
  (type: string, min: number, max: number, low: string, high = low): Check<number> =>
  (value, path, issues) => {
    // zod's `abort: true`: a stopped check also keeps the checks across fields from running.
    if (isNumber(value) && !Number.isInteger(value)) {
      issues.push({ path, message: type, fatal: true });
      return value;
    }
    return number(type, min, max, low, high)(value, path, issues);
  };

const array =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return wrongType(value, path, issues);
    return value.map((v, i) => item(v, [...path, i], issues));
  };

/** Only the listed fields, in this order; a missing field is checked as undefined (so it is refused). */
const object =
  <T>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> =>
  (value, path, issues) => {
    if (!isObject(value)) return wrongType(value, path, issues);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      const present = key in value;
      const before = issues.length;
      const v = fields[key](value[key], [...path, key], issues);
      if (present || (v !== undefined && issues.length === before)) out[key] = v;
    }
    return out as T;
  };

const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-11-15" (a real calendar date, 2000–2100) → itself; anything else null. Cài đặt turns the dd/mm/yyyy
 * people type into this form before validating (src/ui/settingsForm.ts).
 */
export function roundDateOf(text: string): string | null {
  const t = text.trim();
  const m = DATE_ISO.exec(t);
  if (!m) return null;
  const y = +m[1];
  const date = new Date(Date.UTC(y, +m[2] - 1, +m[3]));
  return y < 2000 || y > 2100 || date.toISOString().slice(0, 10) !== t ? null : t;
}

export const BAD_DATE = 'Ngày phải là dd/mm/yyyy';

/** A round's date: null, absent or empty text → null; a date as text → ISO; anything else refused. */
const roundDate: Check<string | null> = (value, path, issues) => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return wrongType(value, path, issues);
  if (value.trim() === '') return null;
  const iso = roundDateOf(value);
  // Like a whole-number check, a date that cannot be read stops the checks across fields (their order).
  if (iso === null) issues.push({ path, message: BAD_DATE, fatal: true });
  return iso ?? value;
};

const roundDates = object<RoundDates>({
  selfScore: roundDate,
  appraisal1: roundDate,
  explanation: roundDate,
  appraisal2: roundDate,
});

/** The set dates of the rounds never go back in time (a round may end the day the previous one ends). */
export function roundsAreOrdered(rounds: RoundDates): boolean {
  const set = ROUND_KEYS.map((k) => rounds[k]).filter((d): d is string => d !== null);
  return set.every((d, i) => i === 0 || set[i - 1] <= d);
}

const band = object<Band>({
  label: text(40, 'Tên xếp loại tối đa 40 ký tự', 'Tên xếp loại không được để trống'),
  minPercent: number('Ngưỡng phải là số', 0, 100, 'Ngưỡng phải từ 0', 'Ngưỡng không vượt quá 100'),
});

const sector = object<Sector>({
  name: text(80, 'Tên ngành tối đa 80 ký tự', 'Tên ngành không được để trống'),
  head: text(80, 'Tên người phụ trách tối đa 80 ký tự'),
  email: email(EMAIL_OR_EMPTY),
});

const fields = object<Settings>({
  communeName: text(120, 'Tên xã tối đa 120 ký tự'),
  year: int('Năm phải là số nguyên', 2000, 2100, 'Năm từ 2000 đến 2100'),
  criteriaSheetName: text(Infinity, '', 'Tên trang tiêu chí không được để trống'),
  nearDeadlineDays: int(
    'Số ngày phải là số nguyên',
    0,
    365,
    'Số ngày phải từ 0',
    'Số ngày không vượt quá 365',
  ),
  bands: (value, path, issues) => {
    const before = issues.length;
    const bands = array(band)(value, path, issues);
    if (!issues.slice(before).some((i) => i.fatal))
      conditions(bands, path, issues, [[bands.length >= 2, 'Cần ít nhất hai mức xếp loại']]);
    return bands;
  },
  sectors: array(sector),
  leadership: array((value, path, issues) =>
    email(EMAIL)(typeof value === 'string' ? value.trim() : value, path, issues),
  ),
  scheduleDay: int('Ngày gửi phải là số nguyên', 1, 28, 'Ngày gửi từ 1 đến 28'),
  scheduleHour: int('Giờ gửi phải là số nguyên', 0, 23, 'Giờ gửi từ 0 đến 23'),
  // zod's z.custom: its refusal, unlike a refinement's, keeps the checks across fields from running.
  language: (value, path, issues) => {
    if (value !== 'vi' && value !== 'en')
      issues.push({ path, message: 'Ngôn ngữ phải là vi hoặc en', fatal: true });
    return value as 'vi' | 'en';
  },
  pointsDecimals: (value, path, issues) =>
    value === undefined
      ? null
      : value === null
        ? null
        : int(
            'Số chữ số làm tròn phải là số nguyên',
            0,
            4,
            'Số chữ số làm tròn từ 0 đến 4',
          )(value, path, issues),
  rounds: (value, path, issues) => (value === undefined ? { ...NO_ROUNDS } : roundDates(value, path, issues)),
  // Absent (settings saved before it existed, an older sidebar): nobody listed.
  lockEditors: (value, path, issues) =>
    value === undefined
      ? []
      : array((v, p, i) => email(EMAIL)(typeof v === 'string' ? v.trim() : v, p, i))(value, path, issues),
  lockWarningOnly: (value, path, issues) =>
    value === undefined ? false : typeof value === 'boolean' ? value : wrongType(value, path, issues),
});

const NO_ROUNDS: RoundDates = { selfScore: null, appraisal1: null, explanation: null, appraisal2: null };

export const DEFAULT_SETTINGS: Settings = {
  communeName: '',
  year: 2024,
  criteriaSheetName: 'Tiêu chí',
  nearDeadlineDays: 14,
  bands: DEFAULT_BANDS,
  sectors: [],
  leadership: [],
  scheduleDay: 1,
  scheduleHour: 7,
  language: 'vi',
  pointsDecimals: null,
  rounds: { ...NO_ROUNDS },
  lockEditors: [],
  lockWarningOnly: false,
};

/** Bands must be strictly decreasing by minimum (no overlap) and the lowest must start at 0. */
export function bandsAreOrdered(bands: Band[]): boolean {
  for (let i = 1; i < bands.length; i++) {
    if (!(bands[i].minPercent < bands[i - 1].minPercent)) return false;
  }
  return bands.length > 0 && bands[bands.length - 1].minPercent === 0;
}

function uniqueNames(names: string[]): boolean {
  const seen = new Set(names.map((n) => n.trim().toLowerCase()));
  return seen.size === names.length;
}

export const ROUNDS_ORDER = 'Các ngày phải theo thứ tự các vòng';

export interface FieldError {
  /** Dotted path of the field, e.g. "sectors.2.email" or "bands". */
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

/** Validates settings received from the sidebar (or anywhere untrusted). */
export function validateSettings(input: unknown): SettingsResult {
  const issues: Issue[] = [];
  const settings = fields(input, [], issues);
  if (!issues.some((i) => i.fatal)) {
    if (!bandsAreOrdered(settings.bands)) {
      issues.push({
        path: ['bands'],
        message: 'Các ngưỡng xếp loại phải giảm dần, không trùng nhau, và mức thấp nhất bắt đầu từ 0',
      });
    }
    if (!uniqueNames(settings.sectors.map((x) => x.name))) {
      issues.push({ path: ['sectors'], message: 'Tên ngành bị trùng' });
    }
    if (!roundsAreOrdered(settings.rounds)) {
      issues.push({ path: ['rounds'], message: ROUNDS_ORDER });
    }
  }
  if (issues.length === 0) return { ok: true, settings };
  return {
    ok: false,
    errors: issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/**
 * Reads settings stored as JSON. Missing → defaults, silently. Corrupt or invalid → defaults with a warning
 * (stored fields that are still valid are kept where possible: each field falls back on its own).
 */
export function readStoredSettings(json: string | null | undefined): {
  settings: Settings;
  warning?: string;
} {
  if (json == null || json === '') return { settings: cloneDefaults() };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {
      settings: cloneDefaults(),
      warning: 'Cài đặt đã lưu bị hỏng (không đọc được); đang dùng cài đặt mặc định.',
    };
  }
  const whole = validateSettings({ ...cloneDefaults(), ...(isObject(raw) ? raw : {}) });
  if (whole.ok && isObject(raw)) return { settings: whole.settings };
  // Fall back field by field so one bad value does not throw away the sector directory.
  const merged: Record<string, unknown> = { ...cloneDefaults() };
  const bad: string[] = [];
  if (isObject(raw)) {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in raw)) continue;
      const attempt = validateSettings({ ...merged, [key]: raw[key] });
      if (attempt.ok) merged[key] = attempt.settings[key];
      else bad.push(key);
    }
  }
  const final = validateSettings(merged);
  const settings = final.ok ? final.settings : cloneDefaults();
  return {
    settings,
    warning: `Cài đặt đã lưu không hợp lệ (${bad.join(', ') || 'toàn bộ'}); phần đó đang dùng giá trị mặc định.`,
  };
}

function cloneDefaults(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}
