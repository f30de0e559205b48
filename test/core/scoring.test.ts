import { describe, test, expect } from '@jest/globals';
import { analyseTable } from '../../src/core/criteria';
import { bandOf, classify, nextClass, rollUp, sortBands, type LeafFigure } from '../../src/core/scoring';
import { DEFAULT_BANDS } from '../../src/core/settings';

describe('classification', () => {
  test.each([
    [1, 'Xuất sắc'],
    [0.95, 'Xuất sắc'],
    [0.9, 'Xuất sắc'],
    [0.3 + 0.3 + 0.3, 'Xuất sắc'],
    [0.8999, 'Tốt'],
    [0.8, 'Tốt'],
    [0.75, 'Khá'],
    [0.7, 'Khá'],
    [0.55, 'Trung bình'],
    [0.5499, 'Yếu'],
    [0, 'Yếu'],
    [1.02, 'Xuất sắc'],
  ])('%d → %s (inclusive boundaries)', (index, label) => {
    expect(classify(index, DEFAULT_BANDS)).toBe(label);
  });
  test('no index → empty label; no band reached → empty label', () => {
    expect(classify(null, DEFAULT_BANDS)).toBe('');
    expect(
      classify(0.5, [
        { label: 'A', minPercent: 90 },
        { label: 'B', minPercent: 80 },
      ]),
    ).toBe('');
  });
  test('band order does not matter', () => {
    const shuffled = [
      DEFAULT_BANDS[3],
      DEFAULT_BANDS[0],
      DEFAULT_BANDS[4],
      DEFAULT_BANDS[1],
      DEFAULT_BANDS[2],
    ];
    expect(sortBands(shuffled).map((b) => b.label)).toEqual(DEFAULT_BANDS.map((b) => b.label));
    expect(classify(0.81, shuffled)).toBe('Tốt');
    expect(bandOf(0.81, shuffled)?.minPercent).toBe(80);
  });
});

describe('next class', () => {
  test('the band above and the points still needed', () => {
    expect(nextClass(85, 100, DEFAULT_BANDS)).toEqual({ label: 'Xuất sắc', minPercent: 90, gapPoints: 5 });
    expect(nextClass(60, 98.5, DEFAULT_BANDS)).toEqual({ label: 'Khá', minPercent: 70, gapPoints: 8.95 });
    expect(nextClass(10, 100, DEFAULT_BANDS)).toEqual({ label: 'Trung bình', minPercent: 55, gapPoints: 45 });
  });
  test('at the top or with nothing applicable: none', () => {
    expect(nextClass(90, 100, DEFAULT_BANDS)).toBeNull();
    expect(nextClass(0, 0, DEFAULT_BANDS)).toBeNull();
  });
  test('below every band: the lowest band is next', () => {
    expect(
      nextClass(50, 100, [
        { label: 'A', minPercent: 90 },
        { label: 'B', minPercent: 80 },
      ]),
    ).toEqual({
      label: 'B',
      minPercent: 80,
      gapPoints: 30,
    });
  });
});

describe('rollUp', () => {
  const model = analyseTable(
    ['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', '2.2'].map((code, i) => ({ row: i + 1, code, max: 1 })),
    100,
  );
  const fig = (score: number, max: number, applicable = true, hasData = true): LeafFigure => ({
    score,
    max,
    applicable,
    hasData,
  });
  test('sums applicable leaves into every ancestor; a parent whose leaves are all N/A is not applicable', () => {
    const figures: (LeafFigure | null)[] = [
      null,
      null,
      fig(0.5, 1),
      fig(0, 0, false),
      fig(0.1 + 0.2, 2),
      null,
      fig(0, 0, false),
      fig(0, 0, false),
    ];
    const up = rollUp(model, figures);
    expect(up[0]).toEqual({ score: 0.8, max: 3, applicable: true, hasData: true });
    expect(up[1]).toEqual({ score: 0.5, max: 1, applicable: true, hasData: true });
    expect(up[5]).toEqual({ score: 0, max: 0, applicable: false, hasData: false });
    expect(up[2]).toBeNull();
  });
  test('leaves without data leave the parent without data', () => {
    const up = rollUp(model, [
      null,
      null,
      fig(0, 1, true, false),
      fig(0, 1, true, false),
      fig(0, 1, true, false),
      null,
      null,
      null,
    ]);
    expect(up[0]).toEqual({ score: 0, max: 3, applicable: true, hasData: false });
  });
});
