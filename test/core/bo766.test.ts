// Bộ chỉ số 766 against the portal: the embedded template, filled with each department's published fractions,
// must reproduce the portal's per-criterion points and totals to the cent. Data: test/data/README.md.
// The payment group is published only as part of the total (its three rows have no score): the portal rounds
// it as one group, so there, and only there, 0,01 per unit is allowed.
import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../../src/core/evaluate';
import type { CriteriaRow } from '../../src/core/types';
import { BANDS_766, POINTS_DECIMALS_766, rows766, EVIDENCE_766 } from '../../src/sheets/template766';

interface PortalRow {
  unitCode: string;
  unitName: string;
  portalTotal: number;
  group: string;
  metricCode: string;
  numerator: string;
  denominator: string;
  ratioPercent: string;
  score: string;
  maxScore: string;
}

/** RFC 4180 lines (quoted fields may hold commas), enough for this file. */
function readCsv(path: string): PortalRow[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = head.split(',');
  return lines.map((line) => {
    const cells: string[] = [];
    let at = 0;
    while (at <= line.length) {
      if (line[at] === '"') {
        const close = line.indexOf('"', at + 1);
        cells.push(line.slice(at + 1, close));
        at = close + 2;
      } else {
        const comma = line.indexOf(',', at);
        const end = comma < 0 ? line.length : comma;
        cells.push(line.slice(at, end));
        at = end + 1;
      }
    }
    const o = Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
    return { ...o, portalTotal: Number(o.portalTotal) } as PortalRow;
  });
}

const DATA = readCsv(join(__dirname, '..', 'data', '766-dak-lak-departments.csv'));
const units = [...new Set(DATA.map((r) => r.unitCode))];

/** Kết quả as a clerk types it from the portal: "n/d", or the published percent when there is no fraction. */
function actualOf(r: PortalRow): string {
  if (r.numerator !== '' && r.denominator !== '') return `${r.numerator}/${r.denominator}`;
  return `${r.ratioPercent}%`;
}

function unitTable(unit: string): { rows: CriteriaRow[]; byCode: Map<string, PortalRow> } {
  const published = new Map(DATA.filter((r) => r.unitCode === unit).map((r) => [r.metricCode, r]));
  const byCode = new Map<string, PortalRow>();
  const rows = rows766().map((t, i): CriteriaRow => {
    const p = t.metric ? published.get(t.metric) : undefined;
    if (p) byCode.set(t.code, p);
    return {
      row: 5 + i,
      code: t.code,
      title: t.title,
      max: t.max,
      rule: t.rule,
      target: '',
      actual: p ? actualOf(p) : '',
      evidence: t.rule ? EVIDENCE_766 : '',
      sector: 'Bộ phận Một cửa',
      deadline: '',
      notes: '',
      appraised: '',
    };
  });
  return { rows, byCode };
}

const options = {
  today: new Date(2026, 9, 10),
  nearDeadlineDays: 14,
  bands: BANDS_766,
  pointsDecimals: POINTS_DECIMALS_766,
};

describe('Bộ chỉ số 766: the template', () => {
  test('6 groups of 18/20/12/22/10/18 = 100 points, each the sum of its criteria', () => {
    const groups = rows766().filter((r) => !r.code.includes('.'));
    expect(groups.map((g) => [g.code, g.max])).toEqual([
      ['1', 18],
      ['2', 20],
      ['3', 12],
      ['4', 22],
      ['5', 10],
      ['6', 18],
    ]);
    for (const g of groups) {
      const sum = rows766()
        .filter((r) => r.code.startsWith(`${g.code}.`))
        .reduce((s, r) => s + r.max, 0);
      expect(sum).toBe(g.max);
    }
  });
  test('every scored metric the portal publishes has its row (the informational overdue share has none)', () => {
    const metrics = new Set(rows766().map((r) => r.metric));
    const published = new Set(DATA.map((r) => r.metricCode));
    expect([...published].filter((m) => !metrics.has(m))).toEqual(['PROGRESS_OVERDUE']);
  });
  test('the empty template evaluates with no error and no structural warning', () => {
    const { rows } = unitTable('none');
    const ev = evaluate(rows, options);
    expect(ev.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ev.problems.filter((p) => p.row === null)).toEqual([]);
  });
});

describe.each(units)('Bộ chỉ số 766: unit %s reproduces the portal to the cent', (unit) => {
  const { rows, byCode } = unitTable(unit);
  const ev = evaluate(rows, options);
  const result = new Map(ev.rows.map((r) => [r.code, r]));
  const portalTotal = DATA.find((r) => r.unitCode === unit)!.portalTotal;

  test('every published criterion score, exactly', () => {
    let compared = 0;
    for (const [code, p] of byCode) {
      if (p.score === '') continue; // the payment rows: published only inside the total
      expect({ code, score: result.get(code)!.score }).toEqual({ code, score: Number(p.score) });
      compared++;
    }
    expect(compared).toBe(18);
  });
  test('no row is an error; tracking rows score 0', () => {
    expect(ev.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.get('6.4')!.status).toBe('tracking');
    expect(result.get('6.5')!.status).toBe('tracking');
  });
  test('the payment group within 0,01 of the portal (its own rounding), and the total likewise', () => {
    const others = [...byCode]
      .filter(([code]) => !code.startsWith('5.'))
      .reduce((s, [, p]) => s + Number(p.score), 0);
    const portalPayment = Math.round((portalTotal - others) * 100) / 100;
    const payment = ev.areas.find((a) => a.code === '5')!.score;
    expect(Math.abs(payment - portalPayment)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(Math.abs(ev.total - portalTotal)).toBeLessThanOrEqual(0.01 + 1e-9);
    // Every other group is the sum of its published scores, exactly.
    for (const area of ev.areas.filter((a) => a.code !== '5')) {
      const published = [...byCode]
        .filter(([code]) => code.startsWith(`${area.code}.`))
        .reduce((s, [, p]) => s + Number(p.score), 0);
      expect(area.score).toBeCloseTo(published, 9);
    }
  });
  test('the applicable maximum is 100 and the class follows the 766 bands', () => {
    expect(ev.applicableMax).toBe(100);
    const t = ev.total;
    const expected =
      t >= 90 ? 'Xuất sắc' : t >= 80 ? 'Tốt' : t >= 70 ? 'Khá' : t >= 50 ? 'Trung bình' : 'Yếu';
    expect(ev.classification).toBe(expected);
  });
});

describe('Bộ chỉ số 766: without per-criterion rounding the points are not the portal’s', () => {
  test('unrounded, most published criterion scores are missed (the setting matters)', () => {
    let missed = 0;
    for (const unit of units) {
      const { rows, byCode } = unitTable(unit);
      const ev = evaluate(rows, { ...options, pointsDecimals: null });
      for (const [code, p] of byCode) {
        if (p.score !== '' && ev.rows.find((r) => r.code === code)!.score !== Number(p.score)) missed++;
      }
    }
    expect(missed).toBeGreaterThan(50);
  });
});
