// The clock (src/server/clock.ts): the as-of date written and read back in any time zone.
import { describe, test, expect } from '@jest/globals';
import { env, NOW } from '../support/env';
import { setupSample } from '../../src/server/setUpTab';
import { recompute } from '../../src/server/recompute';
import { dateSerial, showsDate } from '../../src/server/clock';

describe('the as-of date', () => {
  test("a new day is written as a date without asking the spreadsheet's time zone", () => {
    const standIn = env();
    setupSample(NOW);
    standIn.calls.reset();
    const july = new Date(2024, 6, 20, 9);
    expect(recompute(july).writes).toBe(1);
    expect(standIn.calls.byMethod()['Spreadsheet.getSpreadsheetTimeZone']).toBeUndefined();
    expect(standIn.sheet('Tiêu chí').getRange('T5').getValue()).toEqual(new Date(2024, 6, 20));
    expect(standIn.sheet('Tiêu chí').getRange('T5').getDisplayValue()).toBe('20/07/2024');
    // The date format lost: restored with the date.
    standIn.sheet('Tiêu chí').getRange('T5').setNumberFormat('0');
    recompute(new Date(2024, 6, 21, 9));
    expect(standIn.sheet('Tiêu chí').getRange('T5').getDisplayValue()).toBe('21/07/2024');
  });

  test('a date cell read back shows one calendar date whatever the zone, except at the edges (then the zone is asked)', () => {
    const midnight = (iso: string, zone: string) => {
      // Midnight of `iso` in `zone` (no DST in the zones used).
      const utc = Date.parse(`${iso}T00:00:00Z`);
      const off = Utilities.formatDate(new Date(utc), zone, 'Z');
      const sign = off.startsWith('-') ? -1 : 1;
      return new Date(utc - sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(-2))) * 60000);
    };
    let asked = 0;
    const zone = (z: string) => () => {
      asked++;
      return z;
    };
    for (const z of ['Asia/Ho_Chi_Minh', 'UTC', 'America/New_York', 'Asia/Kathmandu']) {
      expect(showsDate(midnight('2024-07-20', z), '2024-07-20', zone(z))).toBe(true);
      expect(showsDate(midnight('2024-07-19', z), '2024-07-20', zone(z))).toBe(false);
      expect(showsDate(midnight('2024-07-21', z), '2024-07-20', zone(z))).toBe(false);
    }
    expect(asked).toBe(0);
    for (const z of ['Pacific/Kiritimati', 'Pacific/Honolulu', 'Pacific/Tongatapu']) {
      expect(showsDate(midnight('2024-07-20', z), '2024-07-20', zone(z))).toBe(true);
      expect(showsDate(midnight('2024-07-19', z), '2024-07-20', zone(z))).toBe(false);
      expect(showsDate(midnight('2024-07-21', z), '2024-07-20', zone(z))).toBe(false);
    }
    expect(asked).toBeGreaterThan(0);
    expect(showsDate(dateSerial('2024-07-20'), '2024-07-20', zone('UTC'))).toBe(true);
    expect(showsDate('20/07/2024', '2024-07-20', zone('UTC'))).toBe(false);
    expect(dateSerial('1899-12-30')).toBe(0);
    expect(dateSerial('2024-07-20')).toBe(45493);
  });
});
