// The pure summary models: the path to the next class, report model and snapshots.
import { describe, test, expect } from '@jest/globals';
import {
  addMonths,
  buildReportModel,
  compareSnapshots,
  pathToNextClass,
  previousMonthSnapshot,
  snapshotOf,
  type CriterionLine,
  type Snapshot,
} from '../../src/core/summary';
import { area, evaluation, leaf } from '../support/mailFixtures';

const DIRECTORY = [
  { name: 'BPMC', head: 'Chị Lan', email: 'bpmc@xa.vn' },
  { name: 'Tư pháp – Hộ tịch (TP-HT)', head: 'Anh Minh', email: 'tp@xa.vn' },
  { name: 'đc-xd', head: 'Anh Hùng', email: '' },
];

function line(
  code: string,
  recoverable: number,
  deadline: string | null = null,
  pointsAtStake = recoverable,
): CriterionLine {
  return {
    row: Number(code.replace(/\D/g, '')) || 1,
    code,
    title: code,
    sectorText: '',
    kind: 'normal',
    sectors: [],
    shared: false,
    status: 'losing',
    statusLabel: 'Mất điểm',
    reasons: [],
    score: 0,
    max: recoverable,
    pointsAtStake,
    recoverable,
    deadline,
    noSolution: false,
    solution: null,
    solutionOwner: null,
    solutionDue: null,
  };
}

const next = (gapPoints: number) => ({ label: 'Xuất sắc', minPercent: 90, gapPoints });

describe('path to the next class', () => {
  test('takes the fewest criteria: the largest recoveries, in order', () => {
    const pool = [line('1', 1), line('2', 2), line('3', 0.5), line('4', 1.5), line('5', 1)];
    const p = pathToNextClass(pool, next(2.5), 80)!;
    expect(p.steps.map((s) => s.line.code)).toEqual(['2', '4']);
    expect(p.reachable).toBe(true);
    expect(p.steps.map((s) => s.cumulativeTotal)).toEqual([82, 83.5]);
  });

  test('one big criterion beats several small ones with nearer deadlines', () => {
    const pool = [
      line('1', 1, '2026-01-02'),
      line('2', 1, '2026-01-03'),
      line('3', 1, '2026-01-04'),
      line('4', 3, '2026-12-31'),
    ];
    expect(pathToNextClass(pool, next(3), 0)!.steps.map((s) => s.line.code)).toEqual(['4']);
  });

  test('equal points: the nearest deadline first, no deadline last', () => {
    const pool = [line('1', 1, null), line('2', 1, '2026-12-01'), line('3', 1, '2026-11-15')];
    expect(pathToNextClass(pool, next(1.5), 0)!.steps.map((s) => s.line.code)).toEqual(['3', '2']);
    expect(pathToNextClass(pool, next(3), 0)!.steps.map((s) => s.line.code)).toEqual(['3', '2', '1']);
  });

  test('unreachable: every candidate is listed with the shortfall', () => {
    const p = pathToNextClass([line('1', 1), line('2', 3)], next(10), 50)!;
    expect(p.reachable).toBe(false);
    expect(p.shortfall).toBeCloseTo(6);
    expect(p.steps).toHaveLength(2);
  });

  test('float noise at the boundary does not demand another criterion', () => {
    const p = pathToNextClass([line('1', 0.3), line('2', 0.2)], next(0.1 + 0.2), 0)!;
    expect(p.steps).toHaveLength(1);
    expect(p.reachable).toBe(true);
  });

  test('criteria with nothing to recover (points claimed, evidence missing) are not on the path', () => {
    const p = pathToNextClass([line('1', 0, null, 2), line('2', 1)], next(1), 0)!;
    expect(p.steps.map((s) => s.line.code)).toEqual(['2']);
  });

  test('top class: no path', () => {
    expect(pathToNextClass([line('1', 1)], null, 95)).toBeNull();
  });

  test('the set is minimal, checked against brute force on random pools', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 7);
      const pool = Array.from({ length: n }, (_, i) => line(String(i + 1), Math.round(rand() * 8) / 4));
      const gap = Math.round(rand() * 40) / 4 + 0.25;
      let best = Infinity;
      for (let mask = 1; mask < 1 << n; mask++) {
        let sum = 0;
        let count = 0;
        for (let i = 0; i < n; i++) if (mask & (1 << i)) ((sum += pool[i].recoverable), count++);
        if (sum >= gap - 1e-9) best = Math.min(best, count);
      }
      const p = pathToNextClass(pool, next(gap), 0)!;
      if (best === Infinity) expect(p.reachable).toBe(false);
      else {
        expect(p.reachable).toBe(true);
        expect(p.steps).toHaveLength(best);
      }
    }
  });
});

describe('report model', () => {
  const rows = [
    leaf({ code: '1', isLeaf: false, status: 'parent', max: 6, score: 3 }),
    leaf({ code: '1.1', sector: 'BPMC', max: 2, status: 'losing', score: 0, deadline: '2026-12-01' }),
    leaf({ code: '1.2', sector: 'bpmc, TP-HT', max: 2, status: 'atRisk', score: 1, deadline: '2026-11-20' }),
    leaf({ code: '1.3', sector: 'all sectors', max: 2, status: 'secured' }),
    leaf({ code: '2.1', sector: '', max: 3, status: 'losing', score: 1 }),
    leaf({ code: '2.2', sector: 'Công an xã', status: 'notApplicable', max: 1 }),
  ];
  const ev = evaluation(rows, { areas: [area('1', 3, 6), area('2', 1, 3)] });
  const model = buildReportModel(ev, {
    communeName: 'Xã A',
    year: 2026,
    sectors: DIRECTORY,
    asOf: '2026-11-01',
    generatedAt: '01/11/2026 07:00',
  });

  test('totals, index and the next class come from the evaluation', () => {
    expect(model.total).toBe(4);
    expect(model.applicableMax).toBe(9);
    expect(model.indexPercent).toBeCloseTo(44.44, 1);
    expect(model.classification).toBe('Yếu');
    expect(model.nextClass?.label).toBe('Trung bình');
    expect(model.areas.map((a) => [a.code, a.percent])).toEqual([
      ['1', 50],
      ['2', (1 / 3) * 100],
    ]);
  });

  test('sectors: owned, secured, at stake and at-risk counts; shared criteria counted for each', () => {
    const bpmc = model.sectors.find((s) => s.name === 'BPMC')!;
    expect([bpmc.owned, bpmc.secured, bpmc.atStake, bpmc.atRiskCount]).toEqual([3, 3, 3, 2]);
    expect(bpmc.criteria.map((c) => c.code)).toEqual(['1.1', '1.2', '1.3']);
    const tp = model.sectors.find((s) => s.name.includes('TP-HT'))!;
    expect(tp.criteria.map((c) => c.code)).toEqual(['1.2', '1.3']);
    const dc = model.sectors.find((s) => s.name === 'đc-xd')!;
    expect(dc.criteria.map((c) => c.code)).toEqual(['1.3']);
    expect(dc.criteria[0].shared).toBe(true);
    expect(model.unknownSectors).toEqual(['Công an xã']);
    expect(model.unassigned.map((c) => c.code)).toEqual(['2.1']);
  });

  test('at-risk list: points at stake first, then the nearest deadline', () => {
    expect(model.atRisk.map((c) => [c.code, c.pointsAtStake])).toEqual([
      ['1.1', 2],
      ['2.1', 2],
      ['1.2', 1],
    ]);
    expect(model.path?.steps.map((s) => s.line.code)).toEqual(['1.1']);
  });

  test('no at-risk criteria: empty list, no path when in the top class', () => {
    const fine = buildReportModel(evaluation([leaf({ code: '1.1', sector: 'BPMC' })]), {
      communeName: '',
      year: 2026,
      sectors: DIRECTORY,
      asOf: '2026-11-01',
      generatedAt: '',
    });
    expect(fine.atRisk).toEqual([]);
    expect(fine.path).toBeNull();
    expect(fine.classification).toBe('Xuất sắc');
  });

  test('snapshots compare field by field (the 6-month review)', () => {
    const now = snapshotOf(model, '2026-11-01');
    expect(now).toMatchObject({
      month: '2026-11',
      total: 4,
      atRiskCount: 3,
      areas: [
        { code: '1', score: 3 },
        { code: '2', score: 1 },
      ],
    });
    const before: Snapshot = {
      ...now,
      date: '2026-05-01',
      month: '2026-05',
      total: 2.5,
      indexPercent: 30,
      classification: 'Yếu',
      atRiskCount: 5,
      areas: [
        { code: '1', score: 2 },
        { code: '9', score: 1 },
      ],
    };
    const c = compareSnapshots(before, now);
    expect(c.totalDelta).toBe(1.5);
    expect(c.indexPercentDelta).toBeCloseTo(14.44, 1);
    expect(c.classChanged).toBe(false);
    expect(c.atRiskDelta).toBe(-2);
    expect(c.areas).toEqual([
      { code: '1', from: 2, to: 3, delta: 1 },
      { code: '2', from: null, to: 1, delta: null },
      { code: '9', from: 1, to: null, delta: null },
    ]);
    expect(previousMonthSnapshot([before, now], '2026-11')).toBe(before);
    expect(previousMonthSnapshot([now], '2026-11')).toBeNull();
    expect(addMonths('2026-11', -6)).toBe('2026-05');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
