// docs/scale.md against the code: its cell figures are recomputed from the export and province layouts
// (and a province workbook the stand-in builds is counted cell by cell), its long-format schema table and
// `bq mk` schema are LONG_FORMAT_SCHEMA, and its SQL reads only columns of that schema. A layout or schema
// change that leaves the page stale fails here.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type vm from 'node:vm';
import { createStandIn, StandInDrive, type StandIn } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';
import { EXPORT_HEIGHT, EXPORT_ROWS, EXPORT_TAB, EXPORT_WIDTH } from '../../src/core/exportLayout';
import { LONG_FORMAT_SCHEMA } from '../../src/core/longFormat';
import { SNAPSHOT_FIRST_ROW } from '../../src/sheets/provinceSnapshot';
import { GATED_COLUMN, PROVINCE_TABS, SNAPSHOT_TAB } from '../../src/sheets/provinceWorkbook';
import { columnLetter } from '../../src/sheets/headers';
import { NOW, TZ } from '../support/env';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'scale.md'), 'utf8');
const oneLine = DOC.replace(/\s+/g, ' ');
const n = (x: number) => x.toLocaleString('en-US');

/** Sheets' new tab (the stand-in's too): 1,000 rows × 26 columns. */
const NEW_TAB = { rows: 1000, columns: 26 };
const LIMIT = 10_000_000;
const COUNTRY = 3321;
/** Cells of one commune's block in "Dữ liệu xã". */
const BLOCK = EXPORT_HEIGHT * GATED_COLUMN;
/** The whole province workbook of `communes` communes: the data tab, the list and ranking tabs (a header
 * and one row per commune, past Sheets' 1,000), the snapshot of last month's ranks (3 heading rows and one per
 * commune), the weak-criteria tab and the spreadsheet's first tab. */
const workbookCells = (communes: number) =>
  communes * BLOCK +
  2 * Math.max(NEW_TAB.rows, communes + 1) * NEW_TAB.columns +
  Math.max(NEW_TAB.rows, communes + SNAPSHOT_FIRST_ROW - 1) * NEW_TAB.columns +
  2 * NEW_TAB.rows * NEW_TAB.columns;

describe('docs/scale.md: the cell figures are the layout’s', () => {
  test('a commune’s import: the range and its cells', () => {
    const range = `A1:${columnLetter(EXPORT_WIDTH)}${EXPORT_HEIGHT}`;
    expect(oneLine).toContain(`'${EXPORT_TAB}'!${range}`);
    expect(oneLine).toContain(`**${n(EXPORT_WIDTH * EXPORT_HEIGHT)} cells per commune**`);
    expect(oneLine).toContain(`the ${EXPORT_ROWS} criteria rows`);
  });
  test('the province workbook: per commune, per size, the country, the largest list', () => {
    expect(oneLine).toContain(`${GATED_COLUMN} columns`);
    expect(oneLine).toContain(`**${n(BLOCK)} cells per commune**`);
    expect(oneLine).toContain(`(a new tab's 26 columns would make it ${n(EXPORT_HEIGHT * NEW_TAB.columns)}`);
    for (const communes of [100, 170, 1000, COUNTRY]) {
      const whole = workbookCells(communes);
      const share = `${((whole / LIMIT) * 100).toFixed(communes === COUNTRY ? 0 : 1)}%`;
      expect(DOC).toMatch(
        new RegExp(`\\| ${n(communes)}[^|]*\\| ${n(communes * BLOCK)} \\| ${n(whole)} \\| [^|]*${share}`),
      );
    }
    expect(workbookCells(COUNTRY)).toBeGreaterThan(LIMIT);
    let largest = 0;
    while (workbookCells(largest + 1) <= LIMIT) largest++;
    expect(oneLine).toContain(`**${n(largest)} communes**`);
    const perCommune = BLOCK + 3 * NEW_TAB.columns; // past 997 communes: a list, ranking and snapshot row more
    expect(oneLine).toContain(`(${n(perCommune)} cells each once the list passes 997 rows`);
    expect(oneLine).toContain(`plus ${n(workbookCells(2000) - 2000 * perCommune)} cells of the fixed tabs`);
  });
});

describe('the province workbook the stand-in builds has the cells docs/scale.md counts', () => {
  interface Doc {
    standIn: StandIn;
    context: vm.Context;
  }
  let province: Doc;
  const communes = 6;
  beforeAll(() => {
    const standIn = createStandIn({
      drive: new StandInDrive(),
      now: () => NOW,
      timeZone: TZ,
      spreadsheetName: 'Tỉnh',
    });
    province = { standIn, context: loadBundle(standIn) };
    const menu = () => (province.context as Record<string, () => void>).menuSetupProvince();
    menu(); // creates "Danh sách xã" and asks for the list
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    const list = ss.getSheetByName(PROVINCE_TABS.list)!;
    list
      .getRange(2, 1, communes, 3)
      .setValues(
        Array.from({ length: communes }, (_, i) => [
          `Xã ${i + 1}`,
          `https://docs.google.com/spreadsheets/d/xa-${i + 1}/edit`,
          'Xã',
        ]),
      );
    menu();
    expect(standIn.ui.alerts.at(-1) ?? '').toMatch(new RegExp(`cho ${communes} xã`));
  }, 120000);

  const grid = () =>
    province.standIn.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => ({ name: s.getName(), rows: s.getMaxRows(), columns: s.getMaxColumns() }));

  test('"Dữ liệu xã" is n × 314 rows × 11 columns; the whole workbook = the page’s formula', () => {
    const data = grid().find((s) => s.name === PROVINCE_TABS.data)!;
    expect(data).toEqual({ name: PROVINCE_TABS.data, rows: communes * EXPORT_HEIGHT, columns: GATED_COLUMN });
    expect(grid().map((t) => t.name)).toEqual(
      expect.arrayContaining([PROVINCE_TABS.list, PROVINCE_TABS.ranking, PROVINCE_TABS.weak, SNAPSHOT_TAB]),
    );
    expect(grid()).toHaveLength(6); // and the spreadsheet's first tab
    expect(grid().reduce((s, t) => s + t.rows * t.columns, 0)).toBe(workbookCells(communes));
  });

  test('set-up again keeps a column past K that has something in it', () => {
    const ss = province.standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    const data = ss.getSheetByName(PROVINCE_TABS.data)!;
    data.insertColumnsAfter(GATED_COLUMN, 2);
    data.getRange(3, GATED_COLUMN + 2).setValue('ghi chú của tỉnh');
    (province.context as Record<string, () => void>).menuSetupProvince();
    expect(data.getMaxColumns()).toBe(GATED_COLUMN + 2);
    expect(data.getRange(3, GATED_COLUMN + 2).getValue()).toBe('ghi chú của tỉnh');
    data.getRange(3, GATED_COLUMN + 2).clearContent();
    (province.context as Record<string, () => void>).menuSetupProvince();
    expect(data.getMaxColumns()).toBe(GATED_COLUMN);
  });
});

describe('docs/scale.md: the long format is LONG_FORMAT_SCHEMA', () => {
  test('the schema table, in file order', () => {
    const rows = [...DOC.matchAll(/^\| `([a-z_]+)` \| ([A-Z]+) \| (REQUIRED|NULLABLE) \|/gm)].map((m) => ({
      name: m[1],
      type: m[2],
      mode: m[3],
    }));
    expect(rows).toEqual(LONG_FORMAT_SCHEMA);
  });
  test('the bq mk schema', () => {
    const schema = LONG_FORMAT_SCHEMA.map((c) => `${c.name}:${c.type}`).join(',');
    expect(DOC).toContain(` cchc.criteria_monthly ${schema}\n`);
  });

  // The SQL's words: keywords and functions of the two queries, the table, the aliases they define.
  const SQL_WORDS = new Set(
    (
      'select from where group by order having as and or not is null desc asc distinct over partition ' +
      'if countif sum avg any_value least greatest starts_with rank round lower trim'
    ).split(' '),
  );
  const sqlBlocks = [...DOC.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
  test('two queries, and every column they read is in the schema', () => {
    expect(sqlBlocks).toHaveLength(2);
    const columns = new Set(LONG_FORMAT_SCHEMA.map((c) => c.name));
    for (const sql of sqlBlocks) {
      const code = sql.replace(/--.*$/gm, '').replace(/'[^']*'/g, "''");
      const aliases = new Set([...code.matchAll(/\bAS\s+([a-z_]+)/gi)].map((m) => m[1].toLowerCase()));
      const words = [...code.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)].map((m) => m[0]);
      const unknown = words.filter(
        (w) =>
          w !== 'cchc.criteria_monthly' &&
          !SQL_WORDS.has(w.toLowerCase()) &&
          !aliases.has(w) &&
          !columns.has(w),
      );
      expect(unknown).toEqual([]);
      expect(code).toContain('FROM cchc.criteria_monthly');
    }
    expect(sqlBlocks.join('\n')).toContain('index_percent');
  });
});
