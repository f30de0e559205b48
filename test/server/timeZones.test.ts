// Time zones (issue 12, point 5): a spreadsheet whose zone is not the script's (Asia/Ho_Chi_Minh, the
// manifest's). Sheets hands date cells over as midnight in the spreadsheet's zone; read with the script's
// clock, a sheet east of UTC+7 would see every deadline a day early and one west of it a day late. The same
// typed table must give the same points, statuses, reasons and sidebar figures whatever the sheet's zone.
import { describe, expect, test } from '@jest/globals';
import type { SidebarData } from '../../src/server/api';
import { typeResults, TZ } from '../support/env';
import { distEnv } from '../support/distEnv';

const NOW = new Date(2024, 5, 15, 10, 0);

/** The sample with results, plus deadlines typed around the as-of date (15/06/2024). */
function scoredIn(timeZone: string) {
  const env = distEnv(NOW, { timeZone, scriptTimeZone: TZ });
  env.standIn.install(globalThis); // typeResults reads the table with src/ code
  env.call('menuSetupSample()');
  typeResults(env.standIn);
  const sheet = env.standIn.sheet('Tiêu chí');
  const values = sheet.getDataRange().getValues();
  const header = values.findIndex((r) => r.includes('Hạn'));
  const deadline = values[header]!.indexOf('Hạn') + 1;
  // Yesterday, today, in 5 days, in 14 and 15 days: each boundary a one-day shift would move.
  ['14/06/2024', '15/06/2024', '20/06/2024', '29/06/2024', '30/06/2024'].forEach((d, i) =>
    sheet.getRange(header + 2 + i * 3, deadline).setValue(d),
  );
  env.standIn.recalculate();
  const out = sheet
    .getDataRange()
    .getValues()
    .slice(header + 1);
  const data = env.call<SidebarData>('sidebarLoad()');
  return { env, out, data };
}

describe('the spreadsheet in another time zone than the script', () => {
  test.each(['Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati'])(
    '%s: the same table scores exactly as in Asia/Ho_Chi_Minh (sheet formulas and sidebar)',
    (zone) => {
      const home = scoredIn(TZ);
      const away = scoredIn(zone);
      expect(away.env.standIn.spreadsheet.getSpreadsheetTimeZone()).toBe(zone);
      // Every cell of the table, outputs included: points, statuses and reasons with their dates.
      const text = (rows: unknown[][]) =>
        rows.map((r) => r.map((v) => (v instanceof Date ? Utilities.formatDate(v, zone, 'dd/MM/yyyy') : v)));
      const homeText = home.out.map((r) =>
        r.map((v) => (v instanceof Date ? Utilities.formatDate(v, TZ, 'dd/MM/yyyy') : v)),
      );
      expect(text(away.out)).toEqual(homeText);
      expect(away.data.dashboard).toEqual(home.data.dashboard);
      // The deadlines typed above do show in the reasons (so a one-day shift could not hide).
      expect(homeText.flat().join('\n')).toMatch(/Hạn 20\/06\/2024 còn 5 ngày/);
    },
  );
});
