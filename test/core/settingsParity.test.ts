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
