// The README's headline figures of the sample (71,11 / 98,5 / 72,19% / Khá), pinned by a computation done
// by hand from the sample set (src/sheets/sample.ts) and the demo's mid-year results
// (local/demo/sampleResults.ts) as of 20/06/2024 — no code of the add-in is used to get the expected
// numbers. The demo (the built add-in on the stand-in) must print and write exactly these, and the README
// must show them.
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../local/demo/run';

// [code, points, applicable max] per scored row, worked out by hand; null max = not applicable.
const BY_HAND: Record<string, [string, number, number | null][]> = {
  '1': [
    ['1.1.1', 1, 1], // HẠN(50%), deadline 31/1, done 25/1: on time, full 1
    ['1.1.2', 0.75, 1.5], // MỨC(100%: 1,5; 80%: 0,75), 85%: the 80% tier
    ['1.2', 1, 1], // HẠN, "Đúng hạn"
    ['1.3', 0.5, 1], // MỨC(100%: 1; 50%: 0,5), 50%
    ['1.4', 1, 1.5], // ĐẾM(0,25), 4 items: 4 × 0,25 = 1
    ['1.5', 2.25, 2.5], // TRỪ(0,25), 1 violation: 2,5 − 0,25
    ['1.6', 0.75, 1.5], // TỰ CHẤM 0,75
  ],
  '2': [
    ['2.1', 0, null], // "Không áp dụng": leaves the maximum
    ['2.2.1', 0, 0.5], // HẠN, nothing typed
    ['2.2.2', 1.5, 1.5], // MỨC, 100%
    ['2.3.1', 0.5, 0.5], // HẠN 31/1, done 28/1
    ['2.3.2', 0, 1], // MỨC(100%: 1; 80%: 0,5), 60%: below every tier
    ['2.3.3', 0, 1], // CÓ/KHÔNG, "Chưa"
    ['2.4', 1, 1], // "Có"
    ['2.5', 1, 1], // MỨC(80%: 1; 60%: 0,5), 85%
  ],
  '3': [
    ['3.1.1', 1, 1], // TRỪ(0,25), 0 violations
    ['3.1.2', 1, 1], // "Có"
    ['3.2.1', 1, 1], // "Có"
    ['3.2.2', 1, 2], // MỨC(100%: 2; 95%: 1), "95 %"
    ['3.3.1', 2, 4], // MỨC(100%: 4; 98%: 3; 95%: 2; 90%: 1), 97%
    ['3.3.2', 1, 1], // "Có"
    ['3.3.3', 0, 1], // #N/A: a data error, 0 points, its max stays
    ['3.4.1', 2.1, 2.5], // TỶ LỆ, target 50%, 42%: 2,5 × 0,84
    ['3.4.2', 0.6, 1.5], // TỶ LỆ, target 30%, 12%: 1,5 × 0,4
    ['3.4.3', 1, 1], // TỶ LỆ, target 80%, 90%: capped at 1
    ['3.5.1', 2, 2], // MỨC(100%: 2; 80%: 1), 100%
    ['3.5.2', 0, 2], // MỨC(100%: 2; 80%: 1), 78%
  ],
  '4': [
    ['4.1', 1.5, 1.5],
    ['4.2', 1, 1],
    ['4.3', 1, 1],
    ['4.4', 0, 1.5], // nothing typed yet
  ],
  '5': [
    ['5.1', 2.5, 2.5], // TRỪ(1,5), 0
    ['5.2', 0, 1], // HẠN 15/12, nothing typed
    ['5.3', 1.5, 1.5], // MỨC, 100%
    ['5.4.1', 1, 1], // "Có"
    ['5.4.2', 2, 2], // TRỪ(1), 0
    ['5.4.3', 0, 1], // "không có vụ nào": a data error
    ['5.5', 0, 1], // HẠN 31/12, nothing typed
  ],
  '6': [
    ['6.1', 2, 2], // MỨC(100%: 2; 90%: 1), 102%
    ['6.2', 0, 3], // MỨC(98%: 3; 95%: 2; 90%: 1), 46%
    ['6.3', 0, 1.5], // "31/02/2024": no such date, a data error
    ['6.4', 1.5, 1.5], // "Có"
    ['6.5', 1, 1], // MỨC(100%: 1), 100%
  ],
  '7': [
    ['7.1', 3, 3], // MỨC(100%: 3; 90%: 2), 100%
    ['7.2', 1, 1], // "Có"
    ['7.3', 1, 2], // TỶ LỆ, target 12 (months), 6: 2 × 0,5
    ['7.4', 1, 1], // HẠN, "Đúng hạn"
    ['7.5', 1.76, 2], // TỶ LỆ, target 100%, 88%: 2 × 0,88
    ['7.6', 2, 2], // "Có"
    ['7.7', 2, 2], // TRỪ(1), 0
  ],
  '8': [
    ['8.1', 12.9, 15], // KHẢO SÁT 86%: 15 × 0,86
    ['8.2', 3, 3], // TỶ LỆ, target 95%, 97%: capped
    ['8.3', 2, 4], // MỨC(100%: 4; 80%: 2), 80%
    ['8.4', 2, 2], // "Đạt"
    ['8.5', 1, 1], // TRỪ(0,5), 0
  ],
};
const BONUS = 0; // "+": nothing claimed
const PENALTY = 0.5; // "-": TỰ CHẤM 0,5 deducted

const cents = (x: number) => Math.round(x * 100);
const areaScore = (code: string) => BY_HAND[code].reduce((t, [, p]) => t + cents(p), 0) / 100;
const areaMax = (code: string) => BY_HAND[code].reduce((t, [, , m]) => t + cents(m ?? 0), 0) / 100;

describe("the README's headline figures of the sample, by hand", () => {
  test('the hand computation gives 71,11 / 98,5 / 72,19% / Khá', () => {
    const codes = Object.keys(BY_HAND);
    const base = codes.reduce((t, c) => t + cents(areaScore(c)), 0) / 100;
    const max = codes.reduce((t, c) => t + cents(areaMax(c)), 0) / 100;
    const total = (cents(base) + cents(BONUS) - cents(PENALTY)) / 100;
    expect([base, total, max]).toEqual([71.61, 71.11, 98.5]);
    expect(Math.round((total / max) * 10000) / 100).toBe(72.19);
    // Khá is 70% up to 80% (the default bands): 72,19% is Khá.
  });

  test('the demo shows exactly these figures, per area too, and the README says so', async () => {
    const lines: string[] = [];
    const out = mkdtempSync(join(tmpdir(), 'cchc-headline-'));
    const { summary } = await runDemo({ out, print: (l) => lines.push(l) });
    expect(summary.total).toBeCloseTo(71.11, 9);
    expect(summary.applicableMax).toBeCloseTo(98.5, 9);
    expect(summary.indexPercent).toBeCloseTo((71.11 / 98.5) * 100, 4);
    expect(summary.classification).toBe('Khá');
    expect(summary.areas.map((a) => [a.code, cents(a.score) / 100, cents(a.max) / 100])).toEqual(
      Object.keys(BY_HAND).map((c) => [c, areaScore(c), areaMax(c)]),
    );
    const headline = 'Tổng điểm: 71,11 / 98,5 · Chỉ số: 72,19% · Xếp loại: Khá';
    expect(lines).toContain(headline);
    expect(readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')).toContain(headline);
  });
});
