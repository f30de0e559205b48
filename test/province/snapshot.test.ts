// "Change since the previous month's snapshot", kept robustly (issue 17): a province workbook on the stand-in
// built from three commune workbooks (the built add-in, each document in its own vm). The month's province
// email takes a snapshot {month, name → rank, index} in the hidden tab "Xếp hạng đã gửi"; the ranking tab's
// "Hạng tháng trước", "Thay đổi hạng" and "Thay đổi chỉ số" read it by commune name. It survives set-up run
// again (the README's refresh after "Cho phép truy cập"), follows each commune when the list is re-sorted,
// tracks the index change, and a workbook of the previous layout (ranks in column I) keeps its ranks.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { PROVINCE_KEYS } from '../../src/server/provinceMail';
import { SNAPSHOT_FIRST_ROW } from '../../src/sheets/provinceSnapshot';
import { PROVINCE_TABS, SNAPSHOT_TAB } from '../../src/sheets/provinceWorkbook';
import { call, provinceDrive, setActual, type Doc } from '../support/provinceDocs';

const clock = { now: new Date(2024, 5, 20, 9, 0) };
const { drive, doc, sampleCommune: commune } = provinceDrive(() => clock.now);

let A: Doc, B: Doc, C: Doc, province: Doc;
const NAMES = ['Xã A', 'Xã B', 'Xã C'];
const list = () => province.ss.getSheetByName(PROVINCE_TABS.list)!;
const setup = () => call(province, 'menuSetupProvince');

/** The ranking tab by commune name: rank, index, last month's rank, rank change, index change. */
function rankingByName(): Map<
  string,
  { rank: unknown; index: unknown; prev: unknown; change: unknown; indexChange: unknown }
> {
  const rows = province.ss.getSheetByName(PROVINCE_TABS.ranking)!.getRange('A2:K4').getValues();
  return new Map(
    rows.map((r) => [
      String(r[2]),
      { rank: r[0], index: r[4], prev: r[8], change: r[9], indexChange: r[10] },
    ]),
  );
}
function snapshotRows(): unknown[][] {
  const tab = province.ss.getSheetByName(SNAPSHOT_TAB)!;
  return tab.getRange(SNAPSHOT_FIRST_ROW, 1, 3, 3).getValues();
}
function send(): string {
  call(province, 'menuSendProvinceEmail');
  return JSON.stringify(province.standIn.mail.sent.at(-1));
}

beforeAll(() => {
  A = commune('Xã A');
  B = commune('Xã B');
  C = commune('Xã C');
  setActual(B, '3.3.1', 0.9); // A > B > C
  setActual(C, '3.3.1', '50%');
  setActual(C, '2.3.3', 'Không');
  province = doc('Tỉnh');
  setup();
  list()
    .getRange(2, 1, 3, 3)
    .setValues(NAMES.map((n, i) => [n, [A, B, C][i].ss.getUrl(), 'Xã']));
  setup();
  for (const d of [A, B, C]) drive.allowAccess(province.ss, d.ss);
  const settings = call<SidebarData>(province, 'sidebarLoad').settings;
  expect(
    call<ActionResult>(province, 'sidebarSaveSettings', {
      ...settings,
      leadership: ['cchc@sonoivu.example.com'],
    }).ok,
  ).toBe(true);
}, 180000);

describe('the snapshot of the month’s province email', () => {
  test('before any email: the tab exists, hidden and empty; no last month’s rank, no change', () => {
    const tab = province.ss.getSheetByName(SNAPSHOT_TAB)!;
    expect(tab.isSheetHidden()).toBe(true);
    expect(
      snapshotRows()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    const by = rankingByName();
    expect(NAMES.map((n) => by.get(n)!.rank)).toEqual([1, 2, 3]);
    for (const n of NAMES)
      expect([by.get(n)!.prev, by.get(n)!.change, by.get(n)!.indexChange]).toEqual(['', '', '']);
  });

  test('the email takes {month, name → rank, index}; the ranking reads it back: no change yet', () => {
    send();
    const tab = province.ss.getSheetByName(SNAPSHOT_TAB)!;
    expect(String(tab.getRange('B1').getValue())).toBe('2024-06');
    const by = rankingByName();
    expect(snapshotRows()).toEqual(NAMES.map((n) => [n, by.get(n)!.rank, by.get(n)!.index]));
    for (const n of NAMES) {
      expect(by.get(n)!.prev).toBe(by.get(n)!.rank);
      expect(by.get(n)!.change).toBe(0);
      expect(by.get(n)!.indexChange).toBe(0);
    }
  });

  test('set-up run again (the refresh after "Cho phép truy cập") keeps last month’s ranks', () => {
    const before = snapshotRows();
    setup();
    expect(snapshotRows()).toEqual(before);
    const by = rankingByName();
    expect(NAMES.map((n) => by.get(n)!.prev)).toEqual([1, 2, 3]);
    expect(NAMES.map((n) => by.get(n)!.change)).toEqual([0, 0, 0]);
  });

  test('re-sorting the list moves every commune with its own last month’s rank, with or without set-up', () => {
    const rows = list().getRange('A2:C4').getValues();
    list().getRange('A2:C4').setValues([rows[2], rows[0], rows[1]]); // C, A, B
    const check = () => {
      const names = province.ss.getSheetByName(PROVINCE_TABS.ranking)!.getRange('C2:C4').getValues().flat();
      expect(names).toEqual(['Xã C', 'Xã A', 'Xã B']);
      const by = rankingByName();
      expect(NAMES.map((n) => by.get(n)!.rank)).toEqual([1, 2, 3]);
      expect(NAMES.map((n) => by.get(n)!.prev)).toEqual([1, 2, 3]);
    };
    check();
    setup();
    check();
  });

  test('the index change: a commune’s edit shows in "Thay đổi chỉ số" and the next month’s email', () => {
    const june = snapshotRows();
    const snapshotIndexB = june.find((r) => r[0] === 'Xã B')![2] as number;
    setActual(B, '3.3.1', 1); // B overtakes A
    const by = rankingByName();
    const b = by.get('Xã B')!;
    expect(b.rank).toBe(1);
    expect(b.change).toBe(1);
    expect(b.index as number).toBeGreaterThan(snapshotIndexB);
    expect(b.indexChange as number).toBeCloseTo((b.index as number) - snapshotIndexB, 12);
    expect(by.get('Xã A')!.change).toBe(-1);
    expect(by.get('Xã C')!.indexChange).toBe(0);
    // July's email: B's move and its index change since June, in percentage points.
    clock.now = new Date(2024, 6, 1, 9, 0);
    const mail = send();
    const points = ((b.index as number) - snapshotIndexB) * 100;
    const text = `Xã B | 1 | 2 | ↑ 1 | `;
    expect(mail).toContain(text);
    expect(mail).toContain(`(+${points.toFixed(2).replace('.', ',').replace(/,?0+$/, '')} điểm %)`);
    // July's snapshot is the latest (what the ranking reads); June's is kept beside it.
    const tab = province.ss.getSheetByName(SNAPSHOT_TAB)!;
    expect(String(tab.getRange('B1').getValue())).toBe('2024-07');
    expect(String(tab.getRange('F1').getValue())).toBe('2024-06');
    expect(tab.getRange('E4:F6').getValues()).toEqual(june.map((r) => [r[0], r[1]]));
    expect(rankingByName().get('Xã B')!.prev).toBe(1);
  });

  test('sent again the same month (its record cleared): still compared with last month, not with itself', () => {
    province.standIn.properties.document.delete(PROVINCE_KEYS.progress);
    const mail = send();
    expect(mail).toContain('Xã B | 1 | 2 | ↑ 1 | ');
    const tab = province.ss.getSheetByName(SNAPSHOT_TAB)!;
    expect([tab.getRange('B1').getValue(), tab.getRange('F1').getValue()].map(String)).toEqual([
      '2024-07',
      '2024-06',
    ]);
  });
});

describe('a workbook of the previous layout (last month’s ranks as values in column I)', () => {
  test('set-up turns them into the snapshot, by the name on the same row, before rewriting the tab', () => {
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    // What the previous version left: no snapshot tab, plain ranks in column I, the last complete send.
    province.ss.deleteSheet(province.ss.getSheetByName(SNAPSHOT_TAB)!);
    const names = ranking.getRange('C2:C4').getValues().flat();
    ranking.getRange('I2:I4').setValues([[3], [1], [2]]);
    expect(province.standIn.properties.document.get(PROVINCE_KEYS.progress)).toContain('"2024-07"');
    setup();
    const tab = province.ss.getSheetByName(SNAPSHOT_TAB)!;
    expect(String(tab.getRange('B1').getValue())).toBe('2024-07');
    expect(snapshotRows()).toEqual(names.map((n, i) => [n, [3, 1, 2][i], '']));
    const by = rankingByName();
    names.forEach((n, i) => expect(by.get(String(n))!.prev).toBe([3, 1, 2][i]));
  });
});
