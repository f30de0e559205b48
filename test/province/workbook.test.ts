// Issue 17 end to end on the stand-in: several commune workbooks (the built add-in, each in its own vm like
// separate documents) with their export tab, and a province workbook built by "Thiết lập bảng tổng hợp
// tỉnh/xã" that imports them with IMPORTRANGE (local/gas/drive.ts). It shows the ranking and the weak
// criteria, lists every commune it cannot use with the reason, and stays live when a commune edits a cell.
import { beforeAll, describe, test, expect } from '@jest/globals';
import { communeObservations } from '../../local/demo/communeRows';
import { EXPORT_TAB, exportAreaOf } from '../../src/core/exportLayout';
import { rankKey } from '../../src/core/ranking';
import { weakCriteria } from '../../src/core/weakCriteria';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { PROVINCE_KEYS } from '../../src/server/provinceMail';
import { AREA_FIRST_COLUMN, PROVINCE_TABS } from '../../src/sheets/provinceWorkbook';
import { readTable } from '../../src/sheets/table';
import { NOW, SAMPLE_RESULTS } from '../support/env';
import { call, provinceDrive, type Doc } from '../support/provinceDocs';

const decode = (h: string) =>
  h
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const { drive, doc, provinceOfOne } = provinceDrive(() => NOW);

/** A commune on the sample set with the sample results, some rows changed by `tweak`. */
function commune(name: string, tweak: Record<string, unknown>): Doc {
  const d = doc(name);
  expect(call<ActionResult>(d, 'sidebarSetupSample').ok).toBe(true);
  const sheet = d.standIn.sheet('Tiêu chí');
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  for (const row of read.rows) {
    const code = String(row.code);
    const r = SAMPLE_RESULTS[code];
    if (r) {
      sheet.getRange(row.row, read.layout.columns.actual!).setValue(code in tweak ? tweak[code] : r[0]);
      sheet.getRange(row.row, read.layout.columns.evidence!).setValue(r[1]);
    }
  }
  return d;
}

const setActual = (d: Doc, code: string, value: unknown) => {
  const sheet = d.standIn.sheet('Tiêu chí');
  const read = readTable(sheet);
  if (!read.ok) throw new Error(read.message);
  const row = read.rows.find((r) => String(r.code) === code)!;
  sheet.getRange(row.row, read.layout.columns.actual!).setValue(value);
};

let A: Doc, B: Doc, C: Doc, other: Doc, province: Doc;
/** The address a commune copies from its browser (the stand-in's drive resolves it by the id). */
const googleUrl = (d: Doc) => `https://docs.google.com/spreadsheets/d/${d.ss.getId()}/edit#gid=0`;
const indexOf = (d: Doc) => call<SidebarData>(d, 'sidebarLoad').dashboard!.indexPercent!;

beforeAll(() => {
  A = commune('Xã A', {});
  B = commune('Xã B', { '3.3.1': 0.9, '6.2': 0.5 });
  C = commune('Phường C', { '3.3.1': 1, '7.1': 1, '6.2': 0.99 });
  other = doc('Xã không có tiện ích');
  province = doc('Tỉnh');
}, 120000);

describe('the commune export tab', () => {
  test('created at set-up: hidden, warning-protected, live figures equal to the sidebar', () => {
    const tab = A.ss.getSheetByName(EXPORT_TAB)!;
    expect(tab).not.toBeNull();
    expect(tab.isSheetHidden()).toBe(true);
    expect(
      tab.getProtections(A.standIn.globals.SpreadsheetApp.ProtectionType.SHEET)[0]?.isWarningOnly(),
    ).toBe(true);
    expect(tab.getRange('A1:B1').getValues()).toEqual([['CCHC_EXPORT', 2]]);
    const dash = call<SidebarData>(A, 'sidebarLoad').dashboard!;
    expect(tab.getRange('B5').getValue()).toBeCloseTo(dash.total, 3);
    expect(tab.getRange('B6').getValue()).toBeCloseTo(dash.applicableMax, 3);
    expect((tab.getRange('B7').getValue() as number) * 100).toBeCloseTo(dash.indexPercent!, 2);
    expect(tab.getRange('B8').getValue()).toBe(dash.classification);
    // The rows: code, title, max, points, status, sector of the criteria tab.
    const rows = tab.getRange('A15:F20').getValues();
    expect(rows[0].slice(0, 3)).toEqual(['1', 'Công tác chỉ đạo, điều hành CCHC', 10]);
    expect(A.ss.getActiveSheet().getName()).toBe('Tiêu chí');
  });

  test('version 2: every row with its area and its points at stake, as the sidebar counts them', () => {
    const tab = A.ss.getSheetByName(EXPORT_TAB)!;
    expect(tab.getRange('A14:H14').getValues()[0]).toEqual([
      'Mã',
      'Tiêu chí',
      'Điểm tối đa',
      'Điểm',
      'Trạng thái',
      'Ngành',
      'Lĩnh vực',
      'Điểm có thể mất',
    ]);
    const rows = tab
      .getRange('A15:H314')
      .getValues()
      .filter((r) => r[0] !== '');
    expect(rows.length).toBeGreaterThan(60);
    const atRisk = new Map(
      call<SidebarData>(A, 'sidebarLoad').atRisk.map((item) => [item.code, item.pointsAtStake]),
    );
    let checked = 0;
    for (const r of rows) {
      const [code, , , , status, , area, stake] = r;
      expect(area).toBe(exportAreaOf(code));
      if (status === 'Mất điểm' || status === 'Quá hạn' || status === 'Nguy cơ') {
        expect(atRisk.has(String(code))).toBe(true);
        expect(stake as number).toBeCloseTo(atRisk.get(String(code))!, 9);
        checked++;
      } else if (status === 'Đạt') expect(stake).toBe(0);
      else if (status === 'Không áp dụng' || status === 'Lỗi') expect(stake).toBe('');
    }
    expect(checked).toBeGreaterThan(3);
    // A parent: the sum over the leaves below it.
    const leaves = rows.filter((r) => typeof r[7] === 'number' && r[4] !== '');
    const area3 = rows.find((r) => String(r[0]) === '3')!;
    const below = leaves
      .filter((r) => String(r[0]).startsWith('3.'))
      .reduce((s, r) => s + (r[7] as number), 0);
    expect(area3[7] as number).toBeCloseTo(below, 9);
  });

  test('version 2: the points at stake follow the rounding setting (the rounding cell found by its label)', () => {
    const E = commune('Xã làm tròn', {});
    const stakeOf = () => {
      const tab = E.ss.getSheetByName(EXPORT_TAB)!;
      return new Map(
        tab
          .getRange('A15:H314')
          .getValues()
          .filter((r) => typeof r[7] === 'number' && r[4] !== '')
          .map((r) => [String(r[0]), r[7] as number]),
      );
    };
    const unrounded = stakeOf();
    const settings = call<SidebarData>(E, 'sidebarLoad').settings;
    expect(call<{ ok: boolean }>(E, 'sidebarSaveSettings', { ...settings, pointsDecimals: 0 }).ok).toBe(true);
    // The block's rounding cell is written by the next recompute (it moves below the bands).
    expect(call<ActionResult>(E, 'sidebarRecompute').ok).toBe(true);
    const rounded = stakeOf();
    const sidebar = call<SidebarData>(E, 'sidebarLoad').atRisk;
    for (const item of sidebar)
      if (rounded.has(item.code)) expect(rounded.get(item.code)).toBeCloseTo(item.pointsAtStake, 9);
    expect([...rounded].some(([code, x]) => Math.abs(x - unrounded.get(code)!) > 1e-9)).toBe(true);
  }, 60000);

  test('version 2 stays live: an edit changes the points at stake at once, with no execution of its own', () => {
    const tab = A.ss.getSheetByName(EXPORT_TAB)!;
    const rowOf = (code: string) =>
      15 +
      tab
        .getRange('A15:A314')
        .getValues()
        .findIndex((r) => String(r[0]) === code);
    const at = rowOf('2.3.3');
    expect(tab.getRange(at, 5).getValue()).toBe('Đạt');
    expect(tab.getRange(at, 8).getValue()).toBe(0);
    A.standIn.executions();
    setActual(A, '2.3.3', 'Không');
    const ran = A.standIn.executions().map((e) => e.name);
    // The criteria tab's call and the block's: the export reads the points at stake the first one spills.
    expect(ran.sort()).toEqual(['CCHC_OUTPUTS', 'CCHC_SUMMARY']);
    expect(tab.getRange(at, 5).getValue()).toBe('Mất điểm');
    expect(tab.getRange(at, 8).getValue()).toBe(tab.getRange(at, 3).getValue());
    setActual(A, '2.3.3', SAMPLE_RESULTS['2.3.3'][0]);
    expect(tab.getRange(at, 8).getValue()).toBe(0);
  });

  test('set-up again writes nothing to it; a damaged cell is repaired; an edit in the criteria tab shows at once', () => {
    const tab = A.ss.getSheetByName(EXPORT_TAB)!;
    const before = tab.getRange('A1:H314').getFormulas();
    A.standIn.calls.reset();
    expect(call<ActionResult>(A, 'sidebarSetupSample').ok).toBe(true);
    // The export is rewritten only through clearContent + setValues: neither happened.
    expect(A.standIn.calls.byMethod()['Range.clearContent'] ?? 0).toBe(0);
    expect(tab.getRange('A1:H314').getFormulas()).toEqual(before);
    tab.getRange('B5').setValue(99);
    tab.getRange('H15').setValue(0);
    expect(call<ActionResult>(A, 'sidebarSetupSample').ok).toBe(true);
    expect(tab.getRange('A1:H314').getFormulas()).toEqual(before);
    const total = tab.getRange('B5').getValue() as number;
    setActual(A, '2.3.3', 'Không');
    expect(tab.getRange('B5').getValue()).toBeCloseTo(total - 1, 9);
    setActual(A, '2.3.3', SAMPLE_RESULTS['2.3.3'][0]);
  });
});

describe('the province workbook', () => {
  beforeAll(() => {
    // First run: creates "Danh sách xã" and asks for the list.
    call(province, 'menuSetupProvince');
    expect(province.standIn.ui.alerts.at(-1) ?? '').toMatch(/nhập tên xã\/phường/);
    const list = province.ss.getSheetByName(PROVINCE_TABS.list)!;
    // Xã A and Phường C by the address Sheets shows (the province email links them), Xã B by the
    // stand-in's own URL (not a Google address: the email names it as plain text).
    list.getRange(2, 1, 5, 3).setValues([
      ['Xã A', googleUrl(A), 'Xã'],
      ['Xã B', B.ss.getUrl(), 'Xã'],
      ['Phường C', googleUrl(C), 'Phường'],
      ['Xã không có tiện ích', other.ss.getUrl(), 'Xã'],
      ['Xã gõ sai đường dẫn', 'https://docs.google.com/spreadsheets/d/khong-co/edit', 'Xã'],
    ]);
    call(province, 'menuSetupProvince');
    expect(province.standIn.ui.alerts.at(-1) ?? '').toMatch(/Đã thiết lập bảng tổng hợp cho 5 xã/);
  }, 120000);

  const states = () =>
    province.ss
      .getSheetByName(PROVINCE_TABS.list)!
      .getRange('D2:D6')
      .getValues()
      .map((r) => String(r[0]));

  test('before "Allow access" every commune is listed with the reason, none is ranked', () => {
    for (const s of states()) expect(s).toMatch(/Chưa đọc được|Cho phép truy cập/);
    const ranks = province.ss.getSheetByName(PROVINCE_TABS.ranking)!.getRange('A2:A6').getValues();
    expect(ranks.flat().every((r) => r === '')).toBe(true);
  });

  test('after allowing access: ranking, group ranks, reasons for the communes it cannot use', () => {
    for (const d of [A, B, C, other]) drive.allowAccess(province.ss, d.ss);
    const s = states();
    expect(s.slice(0, 3)).toEqual(['OK', 'OK', 'OK']);
    // Sheets shows the same #REF! for a missing tab as for a missing permission: the reason names both.
    expect(s[3]).toMatch(/Chưa đọc được.*trang "CCHC Xuất dữ liệu"/);
    expect(s[4]).toMatch(/Chưa đọc được/);

    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const rows = ranking.getRange('A2:L6').getValues();
    const communes = [A, B, C];
    const idx = communes.map(indexOf);
    communes.forEach((d, i) => {
      expect(rows[i][2]).toBe(['Xã A', 'Xã B', 'Phường C'][i]);
      expect((rows[i][4] as number) * 100).toBeCloseTo(idx[i], 2);
      const better = idx.filter((x) => rankKey(x) > rankKey(idx[i])).length;
      expect(rows[i][0]).toBe(better + 1);
      expect(rows[i][11]).toBe('OK');
    });
    // Within groups: Phường C is alone in its group; the two xã are ranked 1 and 2 between themselves.
    expect(rows[2][1]).toBe(1);
    expect([rows[0][1], rows[1][1]].sort()).toEqual([1, 2]);
    // The communes it cannot use: no rank, their reason in the row.
    expect(rows[3][0]).toBe('');
    expect(rows[4][11]).toMatch(/Chưa đọc được/);
  });

  test('per-area scores: each commune’s share of every area, headed by the area, coloured as a heat map', () => {
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const first = AREA_FIRST_COLUMN; // column M: after Hạng … Tình trạng
    const communes = [A, B, C];
    const areas = call<SidebarData>(A, 'sidebarLoad').dashboard!.areas;
    expect(areas.length).toBeGreaterThan(3);
    const header = ranking.getRange(1, first, 1, areas.length).getValues()[0];
    areas.forEach((a, k) => expect(String(header[k])).toContain(a.title));
    let colours = 0;
    communes.forEach((d, i) => {
      const own = call<SidebarData>(d, 'sidebarLoad').dashboard!.areas;
      const cells = ranking.getRange(i + 2, first, 1, own.length).getValues()[0];
      own.forEach((a, k) => {
        const share = a.score / a.max;
        expect(cells[k] as number).toBeCloseTo(share, 3); // the sidebar rounds points to 2 decimals
        // Red below 50%, amber below 80%, green from 80% (the conditional formats of the ranking tab).
        const want = share < 0.5 ? '#e67c73' : share < 0.8 ? '#ffd666' : '#57bb8a';
        const ref = `'${PROVINCE_TABS.ranking}'!${String.fromCharCode(64 + first + k)}${i + 2}`;
        expect(province.standIn.formatAt(ref).background).toBe(want);
        colours |= want === '#57bb8a' ? 1 : want === '#ffd666' ? 2 : 4;
      });
    });
    expect(colours).toBeGreaterThanOrEqual(3); // at least two of the three colours occur
  });

  test('weak criteria: the same figures and titles as the core over the communes’ own sheets', () => {
    const weak = province.ss.getSheetByName(PROVINCE_TABS.weak)!;
    const expected = weakCriteria(
      [A, B, C].flatMap((d, i) =>
        communeObservations(d.standIn.sheet('Tiêu chí') as never, ['Xã A', 'Xã B', 'Phường C'][i]),
      ),
    );
    expect(weak.getRange('A1:F1').getValues()[0]).toEqual([
      'Mã',
      'Tiêu chí',
      'Số xã mất điểm',
      'Tổng điểm mất',
      'Tỷ lệ điểm đạt bình quân',
      'Số xã áp dụng',
    ]);
    // One formula (one CCHC_WEAK execution) fills the whole table, titles included.
    expect(weak.getRange('A2').getFormula()).toMatch(/^=CCHC_WEAK\(/);
    expect(weak.getRange('B2').getFormula()).toBe('');
    const got = weak.getRange(2, 1, expected.length, 6).getValues();
    expect(got.map((r) => String(r[0]))).toEqual(expected.map((k) => k.code));
    got.forEach((r, i) => {
      expect(expected[i].title.length).toBeGreaterThan(3);
      expect(r[1]).toBe(expected[i].title);
      expect(r[2]).toBe(expected[i].communesLosing);
      expect(r[3]).toBeCloseTo(expected[i].pointsLost, 9);
      expect(r[4]).toBeCloseTo(expected[i].averageShare, 9);
      expect(r[5]).toBe(expected[i].communesApplicable);
    });
    // Class distribution beside it (H:I): the three communes read, by class; the chart draws it.
    const bands = call<SidebarData>(province, 'sidebarLoad').settings.bands;
    const classes = weak.getRange(1, 8, bands.length + 1, 2).getValues();
    expect(classes[0]).toEqual(['Xếp loại', 'Số xã']);
    expect(classes.slice(1).map((r) => r[0])).toEqual(bands.map((b) => b.label));
    expect(classes.slice(1).reduce((s, r) => s + (r[1] as number), 0)).toBe(3);
    const charts = weak.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0].getRanges().map((r) => r.getA1Notation())).toEqual([`H1:I${bands.length + 1}`]);
  });

  test('the titles stay live: a commune renames a criterion, the province tab follows', () => {
    const weak = province.ss.getSheetByName(PROVINCE_TABS.weak)!;
    const code = String(weak.getRange('A2').getValue());
    const sheet = A.standIn.sheet('Tiêu chí');
    const read = readTable(sheet);
    if (!read.ok) throw new Error(read.message);
    const row = read.rows.find((r) => String(r.code) === code)!;
    const cell = sheet.getRange(row.row, read.layout.columns.title!);
    const before = String(cell.getValue());
    expect(weak.getRange('B2').getValue()).toBe(before);
    cell.setValue(`${before} (sửa)`);
    expect(weak.getRange('B2').getValue()).toBe(`${before} (sửa)`);
    cell.setValue(before);
    expect(weak.getRange('B2').getValue()).toBe(before);
  });

  test('stays live: a commune edits a result, the province ranking and weak list follow', () => {
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const weak = province.ss.getSheetByName(PROVINCE_TABS.weak)!;
    const lostOn331 = () =>
      weak
        .getRange('A2:D80')
        .getValues()
        .find((r) => String(r[0]) === '3.3.1')?.[3] as number;
    const lostBefore = lostOn331();
    const before = ranking.getRange('E3').getValue() as number;
    setActual(B, '3.3.1', 1);
    expect(lostOn331()).toBeLessThan(lostBefore);
    const after = ranking.getRange('E3').getValue() as number;
    expect(after).toBeGreaterThan(before);
    expect(after * 100).toBeCloseTo(indexOf(B), 2);
  });

  test('a commune on another indicator set is refused with the reason', () => {
    const D = doc('Xã bộ khác');
    const sheet = D.ss.getSheets()[0];
    sheet.setName('Tiêu chí');
    sheet.getRange(1, 1, 3, 6).setValues([
      ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng'],
      ['1', 'Lĩnh vực', 2, '', '', ''],
      ['1.1', 'Một tiêu chí', 2, 'CÓ/KHÔNG', 'Có', 'QĐ'],
    ]);
    expect(call<ActionResult>(D, 'sidebarAttachSheet', 'Tiêu chí').ok).toBe(true);
    const list = province.ss.getSheetByName(PROVINCE_TABS.list)!;
    list.getRange(7, 1, 1, 3).setValues([['Xã bộ khác', D.ss.getUrl(), 'Xã']]);
    call(province, 'menuSetupProvince');
    drive.allowAccess(province.ss, D.ss);
    expect(list.getRange('D7').getValue()).toMatch(/bộ chỉ số khác/);
  });

  test('an older export version is ranked and named as old; a version it cannot read is refused with the reason', () => {
    const old = commune('Xã bản cũ', {});
    const newer = commune('Xã bản mới hơn', {});
    // What set-up wrote before version 2: the same cells, without the two columns on the right.
    const v1 = old.ss.getSheetByName(EXPORT_TAB)!;
    v1.getRange('B1').setValue(1);
    v1.getRange('G14:H314').clearContent();
    newer.ss.getSheetByName(EXPORT_TAB)!.getRange('B1').setValue(3);
    const list = province.ss.getSheetByName(PROVINCE_TABS.list)!;
    list.getRange(8, 1, 2, 3).setValues([
      ['Xã bản cũ', old.ss.getUrl(), 'Xã'],
      ['Xã bản mới hơn', newer.ss.getUrl(), 'Xã'],
    ]);
    call(province, 'menuSetupProvince');
    for (const d of [A, B, C, other, old, newer]) drive.allowAccess(province.ss, d.ss);
    expect(list.getRange('D2').getValue()).toBe('OK');
    expect(list.getRange('D8').getValue()).toMatch(
      /^OK – trang xuất dữ liệu phiên bản 1 \(cũ\).*Thiết lập bảng tiêu chí/,
    );
    expect(list.getRange('D9').getValue()).toMatch(/phiên bản 3, bảng tổng hợp này đọc phiên bản 1, 2/);
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const [oldRow, newerRow] = ranking.getRange('A8:L9').getValues();
    expect(typeof oldRow[0]).toBe('number');
    expect((oldRow[4] as number) * 100).toBeCloseTo(indexOf(old), 2);
    expect(newerRow[0]).toBe('');
    expect(newerRow[11]).toMatch(/phiên bản 3/);
    // The old export's rows reach the weak list: its points on 3.3.1 count like anyone's.
    const weak = province.ss.getSheetByName(PROVINCE_TABS.weak)!;
    const applying = (code: string) =>
      weak
        .getRange('A2:F80')
        .getValues()
        .find((r) => String(r[0]) === code)?.[5];
    // A, B, C and the old export; not the one it cannot read, nor the other indicator set.
    expect(applying('3.3.1')).toBe(4);
  }, 120000);

  test("the monthly province email: sent once to the PAR office, then this month's ranks become last month's", () => {
    const settings = call<SidebarData>(province, 'sidebarLoad').settings;
    expect(
      call<{ ok: boolean }>(province, 'sidebarSaveSettings', {
        ...settings,
        leadership: ['cchc@sonoivu.example.com'],
      }).ok,
    ).toBe(true);
    const sentBefore = province.standIn.mail.sent.length;
    call(province, 'menuSendProvinceEmail');
    const mails = province.standIn.mail.sent.slice(sentBefore);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as unknown as {
      to: string;
      subject: string;
      htmlBody?: string;
      options?: { htmlBody?: string };
    };
    expect(JSON.stringify(mail)).toContain('cchc@sonoivu.example.com');
    expect(JSON.stringify(mail)).toContain('Chỉ số CCHC các xã, phường');
    // The communes it could not read are in the email with their reason.
    expect(JSON.stringify(mail)).toContain('Xã gõ sai đường dẫn');
    // The weakest criteria are named by their title, as the weak tab's Tiêu chí column shows it.
    const [weakest, shown] = province.ss
      .getSheetByName(PROVINCE_TABS.weak)!
      .getRange('A2:B2')
      .getValues()[0]
      .map(String);
    const read = readTable(A.standIn.sheet('Tiêu chí'));
    if (!read.ok) throw new Error(read.message);
    const title = String(read.rows.find((r) => String(r.code) === weakest)!.title);
    expect(title.length).toBeGreaterThan(5);
    expect(shown).toBe(title);
    expect(JSON.stringify(mail)).toContain(JSON.stringify(`${weakest} ${title}`).slice(1, -1));
    // Links: back to the ranking tab, and every commune it names to its own spreadsheet when "Danh sách
    // xã" gives a Google address; the others (here the stand-in's own URLs) are plain text.
    const html = String(mail.htmlBody ?? mail.options?.htmlBody ?? '');
    const anchors = [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({
      href: decode(m[1]),
      text: decode(m[2]),
    }));
    const rankingTab = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    expect(anchors.map((a) => a.href)).toContain(
      `https://docs.google.com/spreadsheets/d/${province.ss.getId()}/edit#gid=${rankingTab.getSheetId()}`,
    );
    const listed = province.ss
      .getSheetByName(PROVINCE_TABS.list)!
      .getRange('A2:B9')
      .getValues()
      .map(([name, url]) => ({ name: String(name), url: String(url) }));
    const named = listed.filter((c) => decode(html).includes(c.name));
    // The bottom communes and the communes not read, with Google URLs and without.
    expect(named.filter((c) => c.url.startsWith('https://docs.google.com/')).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(named.filter((c) => !c.url.startsWith('https://docs.google.com/')).length).toBeGreaterThanOrEqual(
      2,
    );
    for (const c of named) {
      const own = anchors.filter((a) => a.text.includes(c.name));
      if (c.url.startsWith('https://docs.google.com/')) {
        expect(own.length).toBeGreaterThan(0);
        for (const a of own) expect(a.href).toBe(c.url);
      } else expect(own).toEqual([]);
    }
    const ranking = province.ss.getSheetByName(PROVINCE_TABS.ranking)!;
    const rows = ranking.getRange('A2:J4').getValues();
    for (const r of rows) {
      expect(r[8]).toBe(r[0]); // Hạng tháng trước = this month's rank
      expect(r[9]).toBe(0); // no change yet
    }
    // Once per month: a second run sends nothing.
    call(province, 'menuSendProvinceEmail');
    expect(province.standIn.mail.sent.length).toBe(sentBefore + 1);
    expect(province.standIn.ui.alerts.at(-1) ?? '').toMatch(/đã gửi/);
  });
});

describe('a province workbook set up by the previous round', () => {
  test('its weak tab (no Tiêu chí column, classes in F:G) still mails with titles; set-up again brings the new layout and moves its chart, a chart of the province stays', () => {
    const weak = province.ss.getSheetByName(PROVINCE_TABS.weak)!;
    const bands = call<SidebarData>(province, 'sidebarLoad').settings.bands;
    const now = weak.getRange(1, 1, weak.getLastRow(), 6).getValues();
    const classes = weak.getRange(1, 8, bands.length + 1, 2).getValues();
    // What the previous round wrote: A:E without titles, the classes in F:G, its chart over them.
    weak.getRange(1, 1, weak.getMaxRows(), 9).clearContent();
    weak.getRange(1, 1, now.length, 5).setValues(now.map((r) => [r[0], r[2], r[3], r[4], r[5]]));
    weak.getRange(1, 6, classes.length, 2).setValues(classes);
    for (const c of weak.getCharts()) weak.removeChart(c);
    const chart = (a1: string, title: string) =>
      weak.insertChart(
        weak
          .newChart()
          .setChartType(province.standIn.globals.Charts.ChartType.COLUMN)
          .addRange(weak.getRange(a1))
          .setPosition(1, 12, 0, 0)
          .setOption('title', title)
          .build(),
      );
    chart(`F1:G${classes.length}`, 'Phân bố xếp loại');
    chart('C1:D5', 'Biểu đồ của tỉnh');
    // The email reads that tab by its headers: figures and titles as before.
    province.standIn.properties.document.delete(PROVINCE_KEYS.progress);
    const sent = province.standIn.mail.sent.length;
    call(province, 'menuSendProvinceEmail');
    const mail = JSON.stringify(province.standIn.mail.sent.slice(sent));
    const [code, title, , lost] = now[1];
    expect(String(title).length).toBeGreaterThan(5);
    expect(mail).toContain(JSON.stringify(`${code} ${title}`).slice(1, -1));
    expect(mail).toContain(`tổng mất ${String(lost).replace('.', ',')} điểm`);
    // Set-up again: the new layout, our chart over H:I, the province's own chart kept.
    call(province, 'menuSetupProvince');
    expect(weak.getRange('A1:F1').getValues()[0][1]).toBe('Tiêu chí');
    expect(weak.getRange(1, 1, now.length, 6).getValues()).toEqual(now);
    expect(weak.getRange(1, 8, classes.length, 2).getValues()).toEqual(classes);
    const charts = weak.getCharts().map((c) => ({
      title: c.getOptions().get('title'),
      ranges: c.getRanges().map((r) => r.getA1Notation()),
    }));
    expect(charts).toEqual(
      expect.arrayContaining([
        { title: 'Biểu đồ của tỉnh', ranges: ['C1:D5'] },
        { title: 'Phân bố xếp loại', ranges: [`H1:I${classes.length}`] },
      ]),
    );
    expect(charts).toHaveLength(2);
  });
});

describe('the ranking headers', () => {
  test('the area names come from the first commune it can read, even when the first one listed cannot be', () => {
    const list = province.ss.getSheetByName(PROVINCE_TABS.list)!;
    const rows = list.getRange('A2:C6').getValues();
    // The commune whose URL is wrong first, Xã A last.
    list.getRange('A2:C6').setValues([rows[4], rows[1], rows[2], rows[3], rows[0]]);
    call(province, 'menuSetupProvince');
    expect(list.getRange('D2').getValue()).toMatch(/Chưa đọc được/);
    const areas = call<SidebarData>(B, 'sidebarLoad').dashboard!.areas;
    const header = province.ss
      .getSheetByName(PROVINCE_TABS.ranking)!
      .getRange(1, AREA_FIRST_COLUMN, 1, 10)
      .getValues()[0]
      .map(String);
    expect(header.slice(0, areas.length)).toEqual(areas.map((a) => `${a.code}. ${a.title}`));
    // Columns beyond the set's areas stay empty.
    expect(header.slice(areas.length).every((h) => h === '')).toBe(true);
  });
});

describe('a commune whose criteria table is longer than its export carries', () => {
  test('a table grown past the export since the commune’s set-up is caught live, before set-up runs again', () => {
    const G = doc('Xã thêm dòng');
    const sheet = G.ss.getSheets()[0];
    sheet.setName('Tiêu chí');
    const leaf = (i: number) => [`1.1.${i}`, `Tiêu chí ${i}`, 0.1, 'CÓ/KHÔNG', 'Có', 'QĐ'];
    sheet
      .getRange(1, 1, 293, 6)
      .setValues([
        ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng'],
        ['1', 'Lĩnh vực', 31, '', '', ''],
        ['1.1', 'Nhóm tiêu chí', 31, '', '', ''],
        ...Array.from({ length: 290 }, (_, i) => leaf(i + 1)),
      ]);
    expect(call<ActionResult>(G, 'sidebarAttachSheet', 'Tiêu chí').ok).toBe(true);
    const exported = G.ss.getSheetByName(EXPORT_TAB)!;
    expect(exported.getRange('B9').getValue()).toBe(292);
    const { province: P, list } = provinceOfOne('Tỉnh có xã thêm dòng', 'Xã thêm dòng', G);
    expect(list.getRange('D2').getValue()).toBe('OK');
    // The commune types 20 more rows; nobody runs set-up: B9 still says 292, the export's last row is used.
    sheet.getRange(294, 1, 20, 6).setValues(Array.from({ length: 20 }, (_, i) => leaf(291 + i)));
    expect(exported.getRange('B9').getValue()).toBe(292);
    expect(exported.getRange(314, 1).getValue()).toBe('1.1.298');
    expect(String(list.getRange('D2').getValue())).toMatch(
      /^Bảng tiêu chí của xã đã thêm dòng từ lần chạy "Thiết lập bảng tiêu chí" gần nhất và nay có từ 300 dòng trở lên/,
    );
    expect(P.ss.getSheetByName(PROVINCE_TABS.ranking)!.getRange('A2').getValue()).toBe('');
    // Set-up run again at the commune: the count is written anew, and the reason names it.
    expect(call<ActionResult>(G, 'sidebarAttachSheet', 'Tiêu chí').ok).toBe(true);
    expect(exported.getRange('B9').getValue()).toBe(312);
    expect(String(list.getRange('D2').getValue())).toMatch(/^Bảng tiêu chí của xã có 312 dòng/);
  }, 120000);

  test('its state says so with the row count, and it is neither ranked nor in the weak list', () => {
    const L = doc('Xã bảng dài');
    const sheet = L.ss.getSheets()[0];
    sheet.setName('Tiêu chí');
    const leaves = Array.from({ length: 305 }, (_, i) => [
      `1.1.${i + 1}`,
      `Tiêu chí ${i + 1}`,
      0.1,
      'CÓ/KHÔNG',
      'Có',
      'QĐ',
    ]);
    // Three-level codes stay text in Sheets (1.1.10 is not the number 1.1).
    sheet
      .getRange(1, 1, leaves.length + 3, 6)
      .setValues([
        ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả', 'Minh chứng'],
        ['1', 'Lĩnh vực', 30.5, '', '', ''],
        ['1.1', 'Nhóm tiêu chí', 30.5, '', '', ''],
        ...leaves,
      ]);
    expect(call<ActionResult>(L, 'sidebarAttachSheet', 'Tiêu chí').ok).toBe(true);
    // What the export carries: 300 rows of a 307-row table (the table's row count in B9).
    const exported = L.ss.getSheetByName(EXPORT_TAB)!;
    expect(exported.getRange('B9').getValue()).toBe(307);
    expect(exported.getRange(15 + 299, 1).getValue()).toBe('1.1.298');
    const { province: P, list } = provinceOfOne('Tỉnh có xã bảng dài', 'Xã bảng dài', L);
    expect(list.getRange('D2').getValue()).toBe(
      'Bảng tiêu chí của xã có 307 dòng, nhưng trang "CCHC Xuất dữ liệu" chỉ mang 300 dòng đầu: các tiêu chí ' +
        'sau dòng 300 sẽ bị bỏ sót, nên xã chưa được xếp hạng. Xóa các dòng trống hoặc không cần trong bảng ' +
        'tiêu chí của xã (còn tối đa 300 dòng), rồi chạy lại "Thiết lập bảng tiêu chí" ở xã',
    );
    expect(P.ss.getSheetByName(PROVINCE_TABS.ranking)!.getRange('A2').getValue()).toBe('');
    // None of its rows reaches the weak list: its gated codes (data tab, column K) are empty.
    const gated = P.ss.getSheetByName(PROVINCE_TABS.data)!.getRange(1, 11, 314, 1).getValues().flat();
    expect(gated.every((c) => c === '')).toBe(true);
  }, 120000);
});
