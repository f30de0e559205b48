// Settings of one document: validated with zod (mini build: every custom-function call loads the bundle,
// and zod/mini is ~12 KB against ~80 KB for the classic API) when read from properties and when received
// from the sidebar. A corrupt stored value falls back to the defaults with a warning, never a crash.
import * as z from 'zod/mini';
import type { Band } from './types';

// zod probes `new Function` to decide whether it may JIT; Apps Script and strict CSPs dislike that.
z.config({ jitless: true });

export const DEFAULT_BANDS: Band[] = [
  { label: 'Xuất sắc', minPercent: 90 },
  { label: 'Tốt', minPercent: 80 },
  { label: 'Khá', minPercent: 70 },
  { label: 'Trung bình', minPercent: 55 },
  { label: 'Yếu', minPercent: 0 },
];

// A pragmatic email check: one @, no spaces, a dot in the domain. Mail servers decide the rest.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

// Schemas are built on first use, not at load time: building them costs ~10 ms, and every custom-function
// call loads (runs the top level of) the whole bundle.
function buildSettingsSchema() {
  const email = z.string().check(z.trim(), z.regex(EMAIL, 'Email không hợp lệ'));

  const bandSchema = z.object({
    label: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Tên xếp loại không được để trống'),
        z.maxLength(40, 'Tên xếp loại tối đa 40 ký tự'),
      ),
    minPercent: z
      .number('Ngưỡng phải là số')
      .check(z.gte(0, 'Ngưỡng phải từ 0'), z.lte(100, 'Ngưỡng không vượt quá 100')),
  });

  const sectorSchema = z.object({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Tên ngành không được để trống'),
        z.maxLength(80, 'Tên ngành tối đa 80 ký tự'),
      ),
    head: z.string().check(z.trim(), z.maxLength(80, 'Tên người phụ trách tối đa 80 ký tự')),
    email: z.union([z.literal(''), email]),
  });

  return z
    .object({
      communeName: z.string().check(z.trim(), z.maxLength(120, 'Tên xã tối đa 120 ký tự')),
      year: z
        .int('Năm phải là số nguyên')
        .check(z.gte(2000, 'Năm từ 2000 đến 2100'), z.lte(2100, 'Năm từ 2000 đến 2100')),
      criteriaSheetName: z.string().check(z.trim(), z.minLength(1, 'Tên trang tiêu chí không được để trống')),
      nearDeadlineDays: z
        .int('Số ngày phải là số nguyên')
        .check(z.gte(0, 'Số ngày phải từ 0'), z.lte(365, 'Số ngày không vượt quá 365')),
      bands: z.array(bandSchema).check(z.minLength(2, 'Cần ít nhất hai mức xếp loại')),
      sectors: z.array(sectorSchema),
      leadership: z.array(email),
      scheduleDay: z
        .int('Ngày gửi phải là số nguyên')
        .check(z.gte(1, 'Ngày gửi từ 1 đến 28'), z.lte(28, 'Ngày gửi từ 1 đến 28')),
      scheduleHour: z
        .int('Giờ gửi phải là số nguyên')
        .check(z.gte(0, 'Giờ gửi từ 0 đến 23'), z.lte(23, 'Giờ gửi từ 0 đến 23')),
      language: z.enum(['vi', 'en'], 'Ngôn ngữ phải là vi hoặc en'),
    })
    .check(
      z.refine((s) => bandsAreOrdered(s.bands), {
        message: 'Các ngưỡng xếp loại phải giảm dần, không trùng nhau, và mức thấp nhất bắt đầu từ 0',
        path: ['bands'],
      }),
      z.refine((s) => uniqueNames(s.sectors.map((x) => x.name)), {
        message: 'Tên ngành bị trùng',
        path: ['sectors'],
      }),
    );
}

let settingsSchema: ReturnType<typeof buildSettingsSchema> | null = null;

function getSettingsSchema(): ReturnType<typeof buildSettingsSchema> {
  return (settingsSchema ??= buildSettingsSchema());
}

export type Settings = z.infer<ReturnType<typeof buildSettingsSchema>>;
export type Sector = Settings['sectors'][number];

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

export interface FieldError {
  /** Dotted path of the field, e.g. "sectors.2.email" or "bands". */
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

/** Validates settings received from the sidebar (or anywhere untrusted). */
export function validateSettings(input: unknown): SettingsResult {
  const parsed = z.safeParse(getSettingsSchema(), input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
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
  const merged: Record<string, unknown> = cloneDefaults();
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
