// Bộ chỉ số 766 through what ships (dist/Code.js on the stand-in): "Thiết lập bảng tiêu chí mẫu" offers it
// beside the sample; a 766 sheet filled with one unit's published fractions shows the portal's points and
// total in the sheet's own formulas (CCHC_OUTPUTS, CCHC_SUMMARY with the block's rounding cell), and the
// sidebar agrees. Data: test/data/README.md.
import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SidebarData } from '../../src/server/api';
import { BLOCK_LABELS } from '../../src/core/sheetLayout';
import { BANDS_766, MARK_766, rows766 } from '../../src/sheets/template766';
import { distEnv } from '../support/distEnv';

interface Published {
  unit: string;
  total: number;
  metric: string;
  actual: string;
  score: string;
}

/** unitCode, total, metric, "n/d" (or the percent), score; the unit name (quoted, with commas) is skipped. */
function published(): Published[] {
  const lines = readFileSync(join(__dirname, '..', 'data', '766-dak-lak-departments.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  return lines.map((line) => {
    const unit = line.slice(0, line.indexOf(','));
    // The fields after the name: portalTotal,group,metricCode,numerator,denominator,ratioPercent,score,maxScore
    const tail = line.split(',').slice(-8);
    const [total, , metric, n, d, percent, score] = tail;
    return { unit, total: Number(total), metric, actual: n !== '' ? `${n}/${d}` : `${percent}%`, score };
  });
}

/** The portal metric of each template row, by code (the template's own mapping). */
const METRIC_BY_CODE = new Map(rows766().map((r) => [r.code, r.metric]));

describe('dist: Bộ chỉ số 766 set up from the menu and filled with a unit’s fractions', () => {
  const env = distEnv(new Date(2026, 9, 10, 9, 0));
  const { standIn, call } = env;
  call('onOpen({ authMode: ScriptApp.AuthMode.NONE })');

  test('the set-up menu offers both embedded sets', () => {
    const items = standIn.ui.menus.at(-1)!.items.map((i: { functionName?: string }) => i.functionName);
    expect(items).toEqual(expect.arrayContaining(['menuSetupSample', 'menuSetup766']));
  });

  test('menuSetup766 creates the tab, its bands and the 2-decimal rounding; no data error', () => {
    call('menuSetup766()');
    expect(standIn.ui.alerts.join('\n')).toContain('Bộ chỉ số 766');
    const settings = JSON.parse(standIn.properties.document.get('cchc.settings')!);
    expect(settings.criteriaSheetName).toBe(MARK_766);
    expect(settings.bands).toEqual(BANDS_766);
    expect(settings.pointsDecimals).toBe(2);
    const data = call<SidebarData>('sidebarLoad()');
    expect(data.sheetName).toBe(MARK_766);
    expect(data.dashboard!.applicableMax).toBe(100);
    const values = standIn.sheet(MARK_766).getDataRange().getValues();
    const header = values.findIndex((r) => r[0] === 'Mã');
    expect(values.slice(header + 1).filter((r) => r[0] !== '')).toHaveLength(rows766().length);
    expect(data.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test.each(['H15.15', 'H15.16', 'H15.03', 'H15.52'])(
    'unit %s: the sheet shows the portal’s points and total, the sidebar agrees',
    (unit) => {
      const rows = published().filter((p) => p.unit === unit);
      const sheet = standIn.sheet(MARK_766);
      const values = sheet.getDataRange().getValues();
      const header = values.findIndex((r) => r[0] === 'Mã');
      const col = (name: string) => values[header].indexOf(name) + 1;
      const codes = values.slice(header + 1).map((r) => String(r[0]));
      // The clerk types each result as the portal publishes it (the Kết quả column is plain text).
      const metricByCode = new Map(codes.map((code) => [code, METRIC_BY_CODE.get(code) ?? '']));
      const byMetric = new Map(rows.map((r) => [r.metric, r]));
      const typed = codes.map((code) => [byMetric.get(metricByCode.get(code) ?? '')?.actual ?? '']);
      sheet.getRange(header + 2, col('Kết quả'), codes.length, 1).setValues(typed);

      const after = sheet.getDataRange().getValues();
      const points = new Map(codes.map((code, i) => [code, after[header + 1 + i][col('Điểm') - 1]]));
      let compared = 0;
      for (const [code, metric] of metricByCode) {
        const p = byMetric.get(metric);
        if (!p || p.score === '') continue;
        expect({ code, points: points.get(code) }).toEqual({ code, points: Number(p.score) });
        compared++;
      }
      expect(compared).toBe(18);
      const total = valueRightOf(after, BLOCK_LABELS.total) as number;
      expect(Math.abs(total - rows[0].total)).toBeLessThanOrEqual(0.01 + 1e-9);
      const data = call<SidebarData>('sidebarLoad()');
      expect(data.dashboard!.total).toBe(total);
      expect(valueRightOf(after, BLOCK_LABELS.classification)).toBe(data.dashboard!.classification);
    },
  );

  test('set-up adds the solution columns at the right of the inputs, as the sample; they are read', () => {
    const values = standIn.sheet(MARK_766).getDataRange().getValues();
    const header = values.findIndex((r) => r[0] === 'Mã');
    const names = values[header].map(String);
    // The sample's header (set up in its own document) has the same columns in the same order.
    const sample = distEnv(new Date(2026, 9, 10, 9, 0));
    sample.call('menuSetupSample()');
    const sampleValues = sample.standIn.sheet('Tiêu chí').getDataRange().getValues();
    const sampleNames = sampleValues[sampleValues.findIndex((r) => r[0] === 'Mã')].map(String);
    const inputs = (row: string[]) => row.slice(0, row.indexOf('Điểm'));
    expect(inputs(names)).toEqual(inputs(sampleNames));
    expect(inputs(names).slice(-4)).toEqual([
      'Điểm thẩm định',
      'Giải pháp',
      'Người thực hiện',
      'Hạn khắc phục',
    ]);
    // Read as the solution columns: a criterion losing points (H15.52's figures are typed) says
    // "chưa có giải pháp" until its sector types one into its Giải pháp cell.
    const sheet = standIn.sheet(MARK_766);
    const col = (name: string) => names.indexOf(name) + 1;
    const losing = values.findIndex(
      (r, i) => i > header && String(r[col('Lý do') - 1]).includes('chưa có giải pháp'),
    );
    expect(losing).toBeGreaterThan(header);
    sheet.getRange(losing + 1, col('Giải pháp')).setValue('Nhắc bộ phận Một cửa số hóa hồ sơ');
    const reason = sheet.getRange(losing + 1, col('Lý do')).getValue();
    expect(String(reason)).not.toContain('chưa có giải pháp');
    const item = call<SidebarData>('sidebarLoad()').atRisk.find((a) => a.row === losing + 1);
    expect(item?.solution).toBe('Nhắc bộ phận Một cửa số hóa hồ sơ');
  });
});

function valueRightOf(values: unknown[][], label: string): unknown {
  for (const row of values) {
    const at = row.indexOf(label);
    if (at >= 0) return row[at + 1];
  }
  throw new Error(`no "${label}" in the sheet`);
}
