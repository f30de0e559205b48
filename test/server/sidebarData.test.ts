import { describe, test, expect } from '@jest/globals';
import { env, NOW, typeResults, fill } from '../support/env';
import { setupSample } from '../../src/server/setUpTab';
import { recompute } from '../../src/server/recompute';
import { buildSidebarData, atRiskItems } from '../../src/server/sidebarData';
import { toScriptRunPayload } from '../../local/gas/index';
import { appendSnapshot, LAST_SNAPSHOT_KEY, readSnapshots } from '../../src/sheets/history';
import type { Snapshot } from '../../src/core/summary';

describe('sidebar data', () => {
  test('no criteria tab yet: set-up is offered with the reason, tab names listed', () => {
    const standIn = env();
    fill(standIn, 'Ghi chép', [['x']]);
    const data = buildSidebarData(undefined, NOW);
    expect(data.sheetFound).toBe(false);
    expect(data.sheetMessage).toContain('Thiết lập bảng tiêu chí mẫu');
    expect(data.dashboard).toBeNull();
    expect(data.sheetNames).toEqual(['Sheet1', 'Ghi chép']);
    expect(data.schedule.enabled).toBe(false);
    expect(toScriptRunPayload(data)).toEqual(data);
  });

  test('dashboard from evaluate(), at-risk list by points at stake, problems with A1 and header', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    standIn.sheet('Tiêu chí').getRange('F30').setValue('nhiều lắm'); // an unreadable result
    const state = recompute(NOW);
    const data = buildSidebarData(undefined, NOW);
    const e = state.evaluation!;
    expect(data.sheetFound).toBe(true);
    expect(data.sheetName).toBe('Tiêu chí');
    expect(data.dashboard).toMatchObject({
      year: 2024,
      asOf: '2024-06-15',
      classification: e.classification,
      sinceSnapshot: null,
    });
    expect(data.dashboard!.total).toBeCloseTo(e.total, 4);
    expect(data.dashboard!.indexPercent).toBeCloseTo(e.index! * 100, 4);
    expect(data.dashboard!.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // Rows with a data error first (their whole max at stake), then the others by points at stake.
    const errors = data.atRisk.filter((r) => r.status === 'error');
    const others = data.atRisk.filter((r) => r.status !== 'error');
    expect(data.atRisk).toEqual([...errors, ...others]);
    expect(errors.map((r) => r.code).sort()).toEqual(
      e.rows
        .filter((r) => r.isLeaf && r.status === 'error')
        .map((r) => r.code)
        .sort(),
    );
    for (const r of errors) expect(r.pointsAtStake).toBe(e.rows.find((x) => x.row === r.row)!.max);
    const stakes = others.map((r) => r.pointsAtStake);
    expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((r) => r.status === 'atRisk' || r.status === 'losing')).toBe(true);
    expect(others[0].pointsAtStake).toBe(
      Math.max(
        ...e.rows
          .filter((r) => r.isLeaf && (r.status === 'atRisk' || r.status === 'losing'))
          .map((r) => r.pointsAtStake),
      ),
    );
    const bad = data.problems.find((p) => p.a1 === 'F30');
    expect(bad).toMatchObject({ row: 30, column: 'actual', columnHeader: 'Kết quả', severity: 'error' });
    expect(data.sectorsInSheet).toEqual(expect.arrayContaining(['VP-TK', 'BPMC', 'TP-HT', 'CT/PCT']));
    expect(data.sectorsInSheet).not.toContain('Tất cả các ngành');
    // Parent rows label groups ("VP-TK (Nội vụ)" over leaves "VP-TK"): not a sector of their own.
    expect(e.rows.find((r) => r.code === '4')!.sector).toBe('VP-TK (Nội vụ)');
    expect(data.sectorsInSheet).not.toContain('VP-TK (Nội vụ)');
    expect(new Set(data.sectorsInSheet).size).toBe(data.sectorsInSheet.length);
    // google.script.run carries no Date: the payload survives the transport unchanged.
    expect(toScriptRunPayload(data)).toEqual(data);
    expect(atRiskItems(e)).toEqual(data.atRisk);
  });

  test('change since the last snapshot of the history tab', () => {
    const standIn = env();
    setupSample(NOW);
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    appendSnapshot(ss, {
      date: '2024-05-31',
      month: '2024-05',
      total: 1,
      applicableMax: 100,
      indexPercent: 1,
      classification: 'Yếu',
      atRiskCount: 3,
      areas: [],
    });
    typeResults(standIn);
    const data = buildSidebarData(undefined, NOW);
    const since = data.dashboard!.sinceSnapshot!;
    expect(since.date).toBe('2024-05-31');
    expect(since.totalDelta).toBeCloseTo(data.dashboard!.total - 1, 4);
    expect(since.indexPercentDelta).toBeCloseTo(data.dashboard!.indexPercent! - 1, 4);
  });

  const snapshot = (i: number): Snapshot => ({
    date: `2024-0${1 + (i % 5)}-2${i % 9}`,
    month: `2024-0${1 + (i % 5)}`,
    total: 40 + i * 3.25,
    applicableMax: 100,
    indexPercent: i % 3 === 2 ? null : 40 + i * 3.25,
    classification: 'Khá',
    atRiskCount: i,
    areas: [],
  });

  test('with a table: each new snapshot is followed from its record, without listing tabs or reading the history tab', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(buildSidebarData(undefined, NOW).dashboard!.sinceSnapshot).toBeNull();
    for (let i = 0; i < 6; i++) {
      appendSnapshot(ss, snapshot(i));
      standIn.calls.reset();
      const data = buildSidebarData(undefined, NOW);
      const calls = standIn.calls.byMethod();
      // The criteria tab's read only: no tab list, no second data range (the history tab's).
      expect(calls['Spreadsheet.getSheets']).toBeUndefined();
      expect(calls['Sheet.getDataRange']).toBe(1);
      expect(data.sheetNames).toEqual([]);
      expect(data.province).toBeNull();
      // The same figures as reading the history tab itself.
      const last = readSnapshots(ss).at(-1)!;
      expect(data.dashboard!.sinceSnapshot).toEqual({
        date: last.date,
        totalDelta: Math.round((data.dashboard!.total - last.total) * 1e4) / 1e4,
        indexPercentDelta:
          last.indexPercent === null
            ? null
            : Math.round((data.dashboard!.indexPercent! - last.indexPercent) * 1e4) / 1e4,
      });
    }
  });

  test('a snapshot of the as-of date itself gives no "since" line (it would compare the figures with themselves)', () => {
    const standIn = env();
    setupSample(NOW);
    typeResults(standIn);
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    const asOf = buildSidebarData(undefined, NOW).dashboard!.asOf;
    appendSnapshot(ss, { ...snapshot(1), date: asOf });
    expect(buildSidebarData(undefined, NOW).dashboard!.sinceSnapshot).toBeNull();
    appendSnapshot(ss, { ...snapshot(2), date: '2024-06-14' });
    expect(asOf > '2024-06-14').toBe(true);
    expect(buildSidebarData(undefined, NOW).dashboard!.sinceSnapshot!.date).toBe('2024-06-14');
  });

  test('no record (a document from before it, a copy without its properties): the history tab is looked up once, then recorded', () => {
    const standIn = env();
    setupSample(NOW);
    const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
    appendSnapshot(ss, snapshot(1));
    const props = standIn.globals.PropertiesService.getDocumentProperties();
    for (const raw of [null, '{"broken"', '{"date":1}']) {
      if (raw === null) props.deleteProperty(LAST_SNAPSHOT_KEY);
      else props.setProperty(LAST_SNAPSHOT_KEY, raw);
      standIn.calls.reset();
      expect(buildSidebarData(undefined, NOW).dashboard!.sinceSnapshot!.date).toBe(snapshot(1).date);
      expect(standIn.calls.byMethod()['Spreadsheet.getSheets']).toBe(1);
      standIn.calls.reset();
      expect(buildSidebarData(undefined, NOW).dashboard!.sinceSnapshot!.date).toBe(snapshot(1).date);
      expect(standIn.calls.byMethod()['Spreadsheet.getSheets']).toBeUndefined();
    }
  });
});
