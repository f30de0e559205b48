// The hand-written settings validator (src/core/settings.ts, written to keep zod out of the bundle) gives
// exactly what the zod/mini schema it replaced gives: the same verdict, the same cleaned settings and the
// same errors in the same order, on generated settings that mix valid, out-of-range and wrong-typed fields.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, readStoredSettings, validateSettings } from '../../src/core/settings';
import { zodValidateSettings } from '../support/zodSettingsSchema';

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(NaN),
  fc.constant(Infinity),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);
const text = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.constantFrom('', '   ', ' Tốt ', 'a'.repeat(41), 'b'.repeat(81), 'c'.repeat(121)),
);
const num = fc.oneof(
  fc.integer({ min: -5, max: 2200 }),
  fc.double({ min: -10, max: 400, noNaN: true }),
  fc.constantFrom(0, 1, 2, 4, 5, 23, 24, 28, 29, 100, 101, 365, 366, 2000, 2100, 2101),
);
const email = fc.constantFrom('', ' ', 'a@b.vn', ' a@b.vn ', 'x@y', 'bad', 'a b@c.de');
const field = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: junk });
const band = field(fc.record({ label: field(text), minPercent: field(num) }, { requiredKeys: [] }));
const sector = field(
  fc.record({ name: field(text), head: field(text), email: field(email) }, { requiredKeys: [] }),
);
const date = fc.constantFrom(
  '2026-11-15',
  '15/11/2026',
  ' 1/12/2026 ',
  '2026-12-20',
  '31/12/2026',
  '2027-01-10',
  '',
  '  ',
  '30/02/2026',
  '2026-13-01',
  '15-11-2026',
  '1999-01-01',
  'mai',
);
const rounds = field(
  fc.record(
    {
      selfScore: field(fc.oneof(date, fc.constant(null))),
      appraisal1: field(fc.oneof(date, fc.constant(null))),
      explanation: field(fc.oneof(date, fc.constant(null))),
      appraisal2: field(fc.oneof(date, fc.constant(null))),
      extra: fc.string({ maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
);
const settings = fc.record(
  {
    communeName: field(text),
    year: field(num),
    criteriaSheetName: field(text),
    nearDeadlineDays: field(num),
    bands: field(
      fc.oneof(
        fc.array(band, { maxLength: 5 }),
        fc.constant(DEFAULT_SETTINGS.bands),
        fc.constant([...DEFAULT_SETTINGS.bands].reverse()),
      ),
    ),
    sectors: field(fc.array(sector, { maxLength: 3 })),
    leadership: field(fc.array(field(email), { maxLength: 3 })),
    scheduleDay: field(num),
    scheduleHour: field(num),
    language: fc.constantFrom('vi', 'en', 'fr', undefined, 1),
    pointsDecimals: field(fc.oneof(num, fc.constant(null))),
    rounds,
    lockEditors: field(fc.array(field(email), { maxLength: 3 })),
    lockWarningOnly: field(fc.boolean()),
    extra: fc.string(),
  },
  { requiredKeys: [] },
);

describe('settings validator matches the zod schema it replaced', () => {
  it('on generated settings, mostly valid fields on top of the defaults', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const input = { ...DEFAULT_SETTINGS, ...s };
        expect(validateSettings(input)).toEqual(zodValidateSettings(input));
      }),
      { numRuns: 800 },
    );
  });

  it('on generated settings with any field missing, and on values that are no object', () => {
    fc.assert(
      fc.property(fc.oneof(settings, junk, fc.string(), fc.array(fc.integer())), (s) => {
        expect(validateSettings(s)).toEqual(zodValidateSettings(s));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts the defaults and cleans what it accepts (trims, drops unknown fields, null decimals)', () => {
    const input = {
      ...DEFAULT_SETTINGS,
      communeName: '  Xã A  ',
      leadership: [' a@b.vn '],
      sectors: [{ name: ' VP ', head: '', email: '', note: 'x' }],
      extra: 1,
      pointsDecimals: undefined,
    };
    const result = validateSettings(input);
    expect(result).toEqual(zodValidateSettings(input));
    expect(result).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_SETTINGS,
        communeName: 'Xã A',
        leadership: ['a@b.vn'],
        sectors: [{ name: 'VP', head: '', email: '' }],
        pointsDecimals: null,
      },
    });
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('stops at a wrong type but lists every failed check of the other fields', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, year: 1999.5, bands: [], sectors: 'x' })).toEqual({
      ok: false,
      errors: [
        { path: 'year', message: 'Năm phải là số nguyên' },
        { path: 'bands', message: 'Cần ít nhất hai mức xếp loại' },
        { path: 'sectors', message: 'Invalid input' },
      ],
    });
    expect(readStoredSettings('{"year": "2024", "communeName": "X"}')).toEqual({
      settings: { ...DEFAULT_SETTINGS, communeName: 'X' },
      warning: 'Cài đặt đã lưu không hợp lệ (year); phần đó đang dùng giá trị mặc định.',
    });
  });
});

describe('rounds and lock settings', () => {
  it('takes yyyy-mm-dd dates, refuses unreal ones, other forms and rounds out of order, naming the field', () => {
    const input = {
      ...DEFAULT_SETTINGS,
      rounds: { selfScore: '2026-11-15', appraisal1: ' 2026-12-01 ', explanation: '', appraisal2: null },
      lockEditors: [' vp@xa.vn '],
      lockWarningOnly: true,
    };
    expect(validateSettings(input)).toEqual(zodValidateSettings(input));
    expect(validateSettings(input)).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_SETTINGS,
        rounds: { selfScore: '2026-11-15', appraisal1: '2026-12-01', explanation: null, appraisal2: null },
        lockEditors: ['vp@xa.vn'],
        lockWarningOnly: true,
      },
    });
    for (const text of ['2026-02-30', '30/02/2026', '15/11/2026', '2026-1-5']) {
      const refused = { ...DEFAULT_SETTINGS, rounds: { ...DEFAULT_SETTINGS.rounds, appraisal1: text } };
      expect(validateSettings(refused)).toEqual(zodValidateSettings(refused));
      expect(validateSettings(refused).ok).toBe(false);
    }
    const bad = { ...DEFAULT_SETTINGS, rounds: { ...DEFAULT_SETTINGS.rounds, appraisal1: '2026-02-30' } };
    expect(validateSettings(bad)).toEqual({
      ok: false,
      errors: [{ path: 'rounds.appraisal1', message: 'Ngày phải là dd/mm/yyyy' }],
    });
    const unordered = {
      ...DEFAULT_SETTINGS,
      rounds: { selfScore: '2026-12-02', appraisal1: '2026-12-01', explanation: null, appraisal2: null },
    };
    expect(validateSettings(unordered)).toEqual(zodValidateSettings(unordered));
    expect(validateSettings(unordered)).toMatchObject({ ok: false, errors: [{ path: 'rounds' }] });
    // Settings saved before rounds existed read as no rounds, strict locks, no extra editors.
    const { rounds, lockEditors, lockWarningOnly, ...older } = DEFAULT_SETTINGS;
    void rounds;
    void lockEditors;
    void lockWarningOnly;
    expect(readStoredSettings(JSON.stringify(older))).toEqual({ settings: DEFAULT_SETTINGS });
  });
});
