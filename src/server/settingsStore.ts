// Document settings (class bands, near-deadline days, criteria tab, sector directory with emails…) live in
// document properties as one JSON value, validated by src/core/settings.ts on every read and write.
// A corrupt stored value falls back to the defaults with a warning the sidebar shows; reading never throws.
import { readStoredSettings, validateSettings, type FieldError, type Settings } from '../core/settings';
import { utf8Length, VALUE_LIMIT_BYTES } from './propertyChunks';

export const SETTINGS_KEY = 'cchc.settings';

export interface StoredSettings {
  settings: Settings;
  /** Set when the stored value was corrupt or invalid and defaults are (partly) in use. */
  warning: string | null;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** Reads the document's settings; falls back to defaults (with a warning) when they cannot be read. */
export function loadSettings(): StoredSettings {
  let json: string | null = null;
  try {
    json = properties().getProperty(SETTINGS_KEY);
  } catch {
    const fallback = readStoredSettings(null);
    return {
      settings: fallback.settings,
      warning: 'Không đọc được cài đặt của tài liệu; đang dùng cài đặt mặc định.',
    };
  }
  return settingsFromJson(json);
}

/** Settings from the stored JSON (null: none stored), for a caller that read the properties itself. */
export function settingsFromJson(json: string | null): StoredSettings {
  const read = readStoredSettings(json);
  return { settings: read.settings, warning: read.warning ?? null };
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

/** Fields that can grow with the commune's data, and what to do when they make the settings too large. */
const GROWING_FIELDS: { key: keyof Settings; fix: string }[] = [
  { key: 'sectors', fix: 'hãy bớt ngành hoặc rút gọn tên ngành, tên người phụ trách' },
  { key: 'leadership', fix: 'hãy bớt địa chỉ email lãnh đạo' },
  { key: 'bands', fix: 'hãy bớt mức xếp loại hoặc rút gọn tên' },
];

/**
 * Settings are one property value, which Apps Script caps at 9 KB: larger settings are refused with an
 * error on the field that grew, never a raw "Argument too large".
 */
export function sizeError(settings: Settings): FieldError | null {
  const bytes = utf8Length(JSON.stringify(settings));
  if (bytes <= VALUE_LIMIT_BYTES) return null;
  const size = (key: keyof Settings) => utf8Length(JSON.stringify(settings[key]));
  const biggest = [...GROWING_FIELDS].sort((a, b) => size(b.key) - size(a.key))[0];
  const kb = (n: number) => (Math.ceil((n / 1024) * 10) / 10).toString().replace('.', ',');
  return {
    path: biggest.key,
    message: `Cài đặt quá lớn để lưu (${kb(bytes)} KB; Google cho phép tối đa 9 KB): ${biggest.fix}.`,
  };
}

/** Validates settings (e.g. from the sidebar) and stores them; nothing is stored when they are invalid. */
export function saveSettings(input: unknown): SaveResult {
  const result = validateSettings(input);
  if (!result.ok) return result;
  const tooLarge = sizeError(result.settings);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  properties().setProperty(SETTINGS_KEY, JSON.stringify(result.settings));
  return { ok: true, settings: result.settings };
}

/** Changes some fields of the stored settings (keeping the others), e.g. the criteria tab after set-up. */
export function updateSettings(patch: Partial<Settings>): Settings {
  const current = loadSettings().settings;
  const saved = saveSettings({ ...current, ...patch });
  return saved.ok ? saved.settings : current;
}
