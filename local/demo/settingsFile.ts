// `npm run demo -- --settings FILE.json`: any subset of the settings, validated exactly as Cài đặt validates
// them (the same validator, src/core/settings.ts), pointsDecimals included. Unknown keys and bad values are
// refused naming the field, in one Vietnamese line (InputError: exit 2).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../../src/core/settings';
import { unreadable } from '../cli/main';
import { InputError } from './loadSheet';

/** The fields a settings file may set (every field of Cài đặt). */
export const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Where JSON.parse stopped, in Vietnamese ("lỗi ở dòng 3, cột 5"); its own message is English. */
function jsonProblem(text: string, error: unknown): string {
  const at = /position (\d+)/.exec(String((error as Error).message));
  if (!at) return text.trim() === '' ? 'tệp trống' : 'tệp kết thúc giữa chừng: thiếu dấu đóng } ] hoặc "';
  const before = text.slice(0, Number(at[1])).split('\n');
  return `lỗi ở dòng ${before.length}, cột ${before[before.length - 1].length + 1}`;
}

/** Reads and checks a settings file; returns the subset it sets (merged over the run's settings later). */
export function readSettingsFile(path: string): Partial<Settings> {
  if (!existsSync(path)) throw new InputError(`--settings: không tìm thấy tệp "${path}".`);
  if (statSync(path).isDirectory())
    throw new InputError(`--settings: "${path}" là thư mục, không phải tệp JSON.`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw unreadable(path, error);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`--settings: tệp "${path}" không phải JSON hợp lệ (${jsonProblem(text, error)}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError(
      `--settings: tệp "${path}" phải là một đối tượng JSON, ví dụ {"pointsDecimals": 2, "communeName": "Xã A"}.`,
    );
  }
  const given = raw as Record<string, unknown>;
  const unknown = Object.keys(given).filter((k) => !(SETTINGS_FIELDS as string[]).includes(k));
  if (unknown.length > 0) {
    throw new InputError(
      `--settings: trường "${unknown[0]}" không có trong cài đặt; các trường hợp lệ: ${SETTINGS_FIELDS.join(', ')}.`,
    );
  }
  // The rounds' dates may be written as in Cài đặt (dd/mm/yyyy): turned into the stored yyyy-mm-dd first,
  // as the sidebar's form does (src/ui/settingsForm.ts).
  if (typeof given.rounds === 'object' && given.rounds !== null && !Array.isArray(given.rounds)) {
    const rounds: Record<string, unknown> = { ...(given.rounds as Record<string, unknown>) };
    for (const [k, v] of Object.entries(rounds)) {
      const dmy = typeof v === 'string' ? /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(v) : null;
      if (dmy) rounds[k] = `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
    }
    given.rounds = rounds;
  }
  // Validated over the defaults, so a subset is checked field by field exactly as Cài đặt would save it.
  const checked = validateSettings({ ...DEFAULT_SETTINGS, ...given });
  if (!checked.ok) {
    const e = checked.errors[0];
    throw new InputError(`--settings: trường "${e.path || 'cài đặt'}" không hợp lệ: ${e.message}.`);
  }
  const subset: Partial<Settings> = {};
  for (const key of Object.keys(given) as (keyof Settings)[])
    (subset as Record<string, unknown>)[key] = checked.settings[key];
  return subset;
}
