// Documents of one stand-in Drive for the province tests: each is the built add-in in its own vm (a province
// workbook and the commune workbooks it reads with IMPORTRANGE), all on one clock the test may move.
import { expect } from '@jest/globals';
import type vm from 'node:vm';
import { createStandIn, StandInDrive, type StandIn } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';
import type { ActionResult } from '../../src/server/api';
import { PROVINCE_TABS } from '../../src/sheets/provinceWorkbook';
import { readTable } from '../../src/sheets/table';
import { TZ, typeResults } from './env';

export interface Doc {
  standIn: StandIn;
  context: vm.Context;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** Calls a top-level function of the document's bundle. */
export const call = <T>(d: Doc, name: string, ...args: unknown[]): T =>
  ((d.context as Record<string, unknown>)[name] as (...a: unknown[]) => T)(...args);

/** A Drive whose documents read `now` as their clock. */
export function provinceDrive(now: () => Date) {
  const drive = new StandInDrive();
  const doc = (name: string): Doc => {
    const standIn = createStandIn({ drive, now, timeZone: TZ, spreadsheetName: name });
    const context = loadBundle(standIn);
    return { standIn, context, ss: standIn.globals.SpreadsheetApp.getActiveSpreadsheet() };
  };
  /** A commune on the sample set with the sample results typed in. */
  const sampleCommune = (name: string): Doc => {
    const d = doc(name);
    expect(call<ActionResult>(d, 'sidebarSetupSample').ok).toBe(true);
    typeResults(d.standIn);
    return d;
  };
  /**
   * A province workbook whose "Danh sách xã" lists one commune: set up for the list, then allowed to read the
   * commune (the one-time "Cho phép truy cập").
   */
  const provinceOfOne = (name: string, communeName: string, commune: Doc) => {
    const province = doc(name);
    call(province, 'menuSetupProvince');
    const list = province.ss.getSheetByName(PROVINCE_TABS.list)!;
    list.getRange(2, 1, 1, 3).setValues([[communeName, commune.ss.getUrl(), 'Xã']]);
    call(province, 'menuSetupProvince');
    drive.allowAccess(province.ss, commune.ss);
    return { province, list };
  };
  return { drive, doc, sampleCommune, provinceOfOne };
}

/** Types `value` into the Kết quả cell of the criterion `code` of a commune's criteria tab. */
export function setActual(d: Doc, code: string, value: unknown): void {
  const sheet = d.standIn.sheet('Tiêu chí');
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  const row = read.rows.find((r) => String(r.code) === code)!;
  sheet.getRange(row.row, read.layout.columns.actual!).setValue(value);
}
