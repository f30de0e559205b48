// The settings schema as it was written with zod/mini, kept only as the reference that
// test/core/settingsParity.test.ts compares the hand-written validator of src/core/settings.ts against.
import * as z from 'zod/mini';
import {
  BAD_DATE,
  bandsAreOrdered,
  roundDateOf,
  roundsAreOrdered,
  ROUNDS_ORDER,
} from '../../src/core/settings';

// zod probes `new Function` to decide whether it may JIT; Apps Script and strict CSPs dislike that.
z.config({ jitless: true });

// A pragmatic email check: one @, no spaces, a dot in the domain. Mail servers decide the rest.
const EMAIL_BODY = '[^\\s@<>(),;:"]+@[^\\s@<>(),;:"]+\\.[^\\s@<>(),;:".]{2,}';
const EMAIL = new RegExp(`^${EMAIL_BODY}$`);
// A sector's address may be left empty. Checked before trimming, so that only a truly empty cell counts as
// "no address" (spaces alone are still an invalid email).
const EMAIL_OR_EMPTY = new RegExp(`^(?:\\s*${EMAIL_BODY}\\s*)?$`);
const BAD_EMAIL = 'Email không hợp lệ';

// Schemas are built on first use, not at load time: building them costs ~10 ms, and every custom-function
// call loads (runs the top level of) the whole bundle. Only zod's base kinds are used (string, number,
// object, array, custom) with trim and refinements: each dedicated check or kind (int, enum, union,
// min/max, regex) adds its own code to the bundle, and the messages here are all custom anyway.
function buildSettingsSchema() {
  const rule = <T>(ok: (v: T) => boolean, message: string) => z.refine<T>(ok, message);
  const between = (min: number, max: number, low: string, high = low) => [
    rule((n: number) => n >= min, low),
    rule((n: number) => n <= max, high),
  ];
  const text = (max: number, tooLong: string, empty?: string) =>
    z.string().check(
      z.trim(),
      ...(empty ? [rule((s: string) => s !== '', empty)] : []),
      rule((s: string) => s.length <= max, tooLong),
    );
  /** A whole number from min to max: `type` when it is not a whole number, `low` / `high` out of range. */
  const int = (type: string, min: number, max: number, low: string, high = low) =>
    z
      .number(type)
      .check(z.refine(Number.isInteger, { message: type, abort: true }), ...between(min, max, low, high));
  const email = (pattern: RegExp) => rule((s: string) => pattern.test(s), BAD_EMAIL);

  // A round's date: null / absent / empty → null; dd/mm/yyyy or yyyy-mm-dd → ISO; else refused (abort).
  const roundDate = z._default(
    z.nullable(
      z.pipe(
        z.string().check(
          z.trim(),
          z.refine((s: string) => s === '' || roundDateOf(s) !== null, { message: BAD_DATE, abort: true }),
        ),
        z.transform((s: string) => (s === '' ? null : roundDateOf(s))),
      ),
    ),
    null,
  );
  const noRounds = { selfScore: null, appraisal1: null, explanation: null, appraisal2: null };

  const bandSchema = z.object({
    label: text(40, 'Tên xếp loại tối đa 40 ký tự', 'Tên xếp loại không được để trống'),
    minPercent: z
      .number('Ngưỡng phải là số')
      .check(...between(0, 100, 'Ngưỡng phải từ 0', 'Ngưỡng không vượt quá 100')),
  });

  const sectorSchema = z.object({
    name: text(80, 'Tên ngành tối đa 80 ký tự', 'Tên ngành không được để trống'),
    head: text(80, 'Tên người phụ trách tối đa 80 ký tự'),
    email: z.string().check(email(EMAIL_OR_EMPTY), z.trim()),
  });

  return z
    .object({
      communeName: text(120, 'Tên xã tối đa 120 ký tự'),
      year: int('Năm phải là số nguyên', 2000, 2100, 'Năm từ 2000 đến 2100'),
      criteriaSheetName: z.string().check(
        z.trim(),
        rule((s: string) => s !== '', 'Tên trang tiêu chí không được để trống'),
      ),
      nearDeadlineDays: int(
        'Số ngày phải là số nguyên',
        0,
        365,
        'Số ngày phải từ 0',
        'Số ngày không vượt quá 365',
      ),
      bands: z.array(bandSchema).check(rule((b: unknown[]) => b.length >= 2, 'Cần ít nhất hai mức xếp loại')),
      sectors: z.array(sectorSchema),
      leadership: z.array(z.string().check(z.trim(), email(EMAIL))),
      scheduleDay: int('Ngày gửi phải là số nguyên', 1, 28, 'Ngày gửi từ 1 đến 28'),
      scheduleHour: int('Giờ gửi phải là số nguyên', 0, 23, 'Giờ gửi từ 0 đến 23'),
      language: z.custom<'vi' | 'en'>((v) => v === 'vi' || v === 'en', 'Ngôn ngữ phải là vi hoặc en'),
      // Rounding of each criterion's points (the 766 portal rounds to 2); null: no rounding. Absent (settings
      // saved before it existed, an older sidebar) is null.
      pointsDecimals: z._default(
        z.nullable(int('Số chữ số làm tròn phải là số nguyên', 0, 4, 'Số chữ số làm tròn từ 0 đến 4')),
        null,
      ),
      rounds: z._default(
        z.object({
          selfScore: roundDate,
          appraisal1: roundDate,
          explanation: roundDate,
          appraisal2: roundDate,
        }),
        noRounds,
      ),
      lockEditors: z._default(z.array(z.string().check(z.trim(), email(EMAIL))), []),
      lockWarningOnly: z._default(z.boolean(), false),
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
      z.refine((s) => roundsAreOrdered(s.rounds), { message: ROUNDS_ORDER, path: ['rounds'] }),
    );
}

function uniqueNames(names: string[]): boolean {
  return new Set(names.map((n) => n.trim().toLowerCase())).size === names.length;
}

const schema = buildSettingsSchema();

/** The same result shape as validateSettings, computed by zod. */
export function zodValidateSettings(input: unknown) {
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return { ok: true as const, settings: parsed.data };
  return {
    ok: false as const,
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
