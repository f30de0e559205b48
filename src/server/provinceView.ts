// The province card of the sidebar: how many communes the province workbook lists, how many it ranks, which
// it cannot use and why (their "Tình trạng"), and the last month its email went out. Read only when the
// spreadsheet has the "Danh sách xã" tab (the tab list the payload already holds says so: no extra call
// for a commune's workbook).
import { PROVINCE_TABS, STATE_OK } from '../sheets/provinceWorkbook';
import type { ProvinceView } from './api';
import { provinceSentMonth } from './provinceMail';

const MAX_WAITING = 20;

export function provinceView(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tabNames: string[],
): ProvinceView | null {
  if (!tabNames.includes(PROVINCE_TABS.list)) return null;
  const list = ss.getSheetByName(PROVINCE_TABS.list);
  if (!list) return null;
  const last = list.getLastRow();
  const rows = last < 2 ? [] : list.getRange(2, 1, last - 1, 4).getValues();
  const listed = rows.filter((r) => String(r[0]).trim() !== '' || String(r[1]).trim() !== '');
  const built = tabNames.includes(PROVINCE_TABS.ranking) && tabNames.includes(PROVINCE_TABS.weak);
  const ready = built ? listed.filter((r) => String(r[3]).startsWith(STATE_OK)) : [];
  const waiting = built
    ? listed
        .filter((r) => !String(r[3]).startsWith(STATE_OK))
        .map((r) => ({ name: String(r[0]).trim() || String(r[1]).trim(), state: String(r[3]) }))
    : [];
  return {
    built,
    communes: listed.length,
    ready: ready.length,
    waiting: waiting.slice(0, MAX_WAITING),
    emailMonth: provinceSentMonth(),
  };
}
