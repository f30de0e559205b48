// "Nhập bộ chỉ số chính thức" on the stand-in: the official appendix pasted into a tab becomes the criteria
// tab (codes, rules, prose, Cần xem lại, review rows coloured, set up and scored); an existing criteria tab is
// never written over without asking; the sidebar payload lists the rows to review.
import { describe, test, expect } from '@jest/globals';
import { env, fill, NOW, snapshot } from '../support/env';
import { importOfficial, REVIEW_BACKGROUND } from '../../src/server/importOfficial';
import { menuImportOfficialAction } from '../../src/server/menuActions';
import { sidebarImportOfficialAction } from '../../src/server/sidebarActions';
import { setupSample } from '../../src/server/setUpTab';
import { buildSidebarData } from '../../src/server/sidebarData';
import { loadSettings } from '../../src/server/settingsStore';
import { toScriptRunPayload } from '../../local/gas/index';
import { APPENDIX, appendixGrid } from '../import/appendix';

/** The appendix as pasted into a tab (text that Sheets would read as a formula keeps its apostrophe). */
function pasteAppendix(standIn: ReturnType<typeof env>, name = 'Phụ lục I') {
  const sheet = fill(
    standIn,
    name,
    appendixGrid().map((row) => row.map((v) => (/^[-+=]/.test(v) ? `'${v}` : v))),
  );
  sheet.activate();
  return sheet;
}

const HEADERS = [
  'Mã',
  'Tiêu chí',
  'Điểm tối đa',
  'Cách chấm',
  'Hướng dẫn chấm điểm',
  'Cần xem lại',
  'Tài liệu kiểm chứng',
  'Kết quả',
];

describe('import of the official set into a spreadsheet without a criteria tab', () => {
  test('builds the criteria tab: headers, codes, rules, prose, review reasons and colours; then scores it', () => {
    const standIn = env();
    pasteAppendix(standIn);
    const { result, state } = importOfficial('', false, NOW);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(
      /^Đã nhập 8 tiêu chí vào trang "Tiêu chí": 6 đọc được cách chấm, 2 cần xem lại/,
    );
    const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!;
    const values = sheet.getDataRange().getValues();
    expect(values[0].slice(0, HEADERS.length)).toEqual(HEADERS);
    const body = values.slice(1, 1 + APPENDIX.length);
    expect(body.map((r) => r[0])).toEqual(APPENDIX.map((a) => a.code));
    APPENDIX.forEach((a, i) => {
      expect(body[i][1]).toBe(a.title);
      expect(body[i][2]).toBe(a.max);
      expect(body[i][4]).toBe(a.prose.join('\n'));
      expect(body[i][5] !== '').toBe(a.review);
      if (a.rule === null) expect(body[i][3]).toBe('');
    });
    // The rows to review are coloured; the others keep the sheet's default.
    const colours = sheet.getRange(2, 1, APPENDIX.length, 6).getBackgrounds();
    APPENDIX.forEach((a, i) => expect(colours[i][3] === REVIEW_BACKGROUND).toBe(a.review));
    // Set up like an attached tab: the outputs are there and the table is evaluated.
    expect(state!.ok).toBe(true);
    expect(state!.layout!.columns.score).toBeGreaterThan(HEADERS.length);
    expect(state!.evaluation!.areas.map((x) => x.code)).toEqual(['1', '2']);
    expect(loadSettings().settings.criteriaSheetName).toBe('Tiêu chí');
  });

  test('the sidebar payload lists the rows to review with prose and proposed rule side by side', () => {
    const standIn = env();
    pasteAppendix(standIn);
    const r = sidebarImportOfficialAction('', false);
    expect(r.ok).toBe(true);
    const review = r.data!.importReview;
    expect(review.map((x) => x.code)).toEqual(APPENDIX.filter((a) => a.review).map((a) => a.code));
    const survey = review.find((x) => x.code === '2.4')!;
    expect(survey).toMatchObject({ prose: 'Điểm = chỉ số hài lòng × 1,5', rule: 'KHẢO SÁT' });
    expect(survey.reason).toMatch(/khác điểm tối đa của dòng/);
    expect(toScriptRunPayload(r)).toEqual(r);
    // Checked and cleared by the user: the row leaves the list on the next load.
    const sheet = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí')!;
    sheet.getRange(survey.row, 6).setValue('');
    expect(buildSidebarData(undefined, NOW).importReview.map((x) => x.code)).toEqual(['2.3']);
  });

  test('a table that cannot be read is refused with its message and nothing is written', () => {
    const standIn = env();
    fill(standIn, 'Dán', [
      ['STT', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm điểm'],
      ['1', 'A', '1', 'Có: 1 điểm'],
      ['2', 'B', '1', 'Có: 1 điểm'],
    ]).activate();
    const before = standIn.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    const r = sidebarImportOfficialAction('', false);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/chỉ có số thứ tự chạy/);
    expect(
      standIn.globals.SpreadsheetApp.getActiveSpreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(before);
  });
});

describe('an existing criteria tab is never written over without asking', () => {
  test('first call asks and writes nothing; confirmed, the set goes to a new tab and the old one is untouched', () => {
    const standIn = env();
    setupSample(NOW);
    const old = snapshot(standIn, 'Tiêu chí');
    pasteAppendix(standIn);
    const tabsBefore = standIn.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
    const asked = importOfficial('', false, NOW);
    expect(asked.result).toMatchObject({ ok: false, needsConfirm: true });
    expect(asked.result.message).toMatch(
      /Trang "Tiêu chí" đã có dữ liệu và sẽ được giữ nguyên.*"Tiêu chí \(chính thức\)"/,
    );
    expect(
      standIn.globals.SpreadsheetApp.getActiveSpreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(tabsBefore);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(old);

    const done = importOfficial('', true, NOW);
    expect(done.result.ok).toBe(true);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(old);
    expect(loadSettings().settings.criteriaSheetName).toBe('Tiêu chí (chính thức)');
    const data = buildSidebarData(undefined, NOW);
    expect(data.sheetName).toBe('Tiêu chí (chính thức)');
    expect(data.importReview).toHaveLength(2);
  });

  test('menu: the question is a Yes/No alert; No stops with nothing written, Yes imports and opens the sidebar', () => {
    const standIn = env();
    setupSample(NOW);
    const old = snapshot(standIn, 'Tiêu chí');
    pasteAppendix(standIn);
    standIn.ui.respond('NO');
    menuImportOfficialAction();
    expect(standIn.ui.alerts.at(-2)).toMatch(/đã có dữ liệu và sẽ được giữ nguyên/);
    expect(standIn.ui.alerts.at(-1)).toBe('Đã dừng: không ghi gì vào bảng tính.');
    expect(
      standIn.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tiêu chí (chính thức)'),
    ).toBeNull();
    expect(standIn.ui.sidebars).toHaveLength(0);

    standIn.ui.respond('YES');
    menuImportOfficialAction();
    expect(standIn.ui.alerts.at(-1)).toMatch(/^Đã nhập 8 tiêu chí vào trang "Tiêu chí \(chính thức\)"/);
    expect(standIn.ui.sidebars).toHaveLength(1);
    expect(snapshot(standIn, 'Tiêu chí')).toBe(old);
  });
});
