import { describe, test, expect } from '@jest/globals';
import { sampleRows, sampleGrid, SAMPLE_MARK } from '../../src/sheets/sample';

const SAMPLE_ROWS = sampleRows();
import { parseRule } from '../../src/core/rules';
import { ruleFamily } from '../../src/sheets/validation';
import { evaluate } from '../../src/core/evaluate';
import { DEFAULT_BANDS } from '../../src/core/settings';
import { tableFromGrid } from '../../src/sheets/table';

const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe('the embedded sample set', () => {
  test('72 rows in 8 areas, plus a bonus and a penalty row', () => {
    const normal = SAMPLE_ROWS.filter((r) => /^\d/.test(r.code));
    expect(normal).toHaveLength(72);
    expect(SAMPLE_ROWS.filter((r) => /^\d+$/.test(r.code)).map((r) => r.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    expect(SAMPLE_ROWS.slice(-2).map((r) => r.code)).toEqual(['+', '-']);
    expect(new Set(SAMPLE_ROWS.map((r) => r.code)).size).toBe(SAMPLE_ROWS.length);
  });

  test('children sum to their parents and the areas sum to 100', () => {
    const codes = SAMPLE_ROWS.filter((r) => /^\d/.test(r.code));
    for (const parent of codes) {
      const children = codes.filter(
        (c) =>
          c.code.startsWith(parent.code + '.') &&
          c.code.split('.').length === parent.code.split('.').length + 1,
      );
      if (children.length) {
        near(
          children.reduce((s, c) => s + c.max, 0),
          parent.max,
        );
        expect(parent.rule).toBe('');
      } else {
        expect(parent.rule).not.toBe('');
      }
    }
    near(
      codes.filter((r) => /^\d+$/.test(r.code)).reduce((s, r) => s + r.max, 0),
      100,
    );
  });

  test('every rule is written in the rule language and parses', () => {
    for (const r of SAMPLE_ROWS.filter((x) => x.rule !== '')) {
      const parsed = parseRule(r.rule);
      expect({ code: r.code, ok: parsed.ok }).toEqual({ code: r.code, ok: true });
      expect(ruleFamily(r.rule)).not.toBeNull();
    }
    const used = new Set(SAMPLE_ROWS.map((r) => r.rule.replace(/\(.*$/, '')).filter(Boolean));
    for (const k of ['CÓ/KHÔNG', 'HẠN', 'MỨC', 'TỶ LỆ', 'ĐẾM', 'TRỪ', 'KHẢO SÁT', 'TỰ CHẤM'])
      expect(used).toContain(k);
  });

  test('the grid: titled as a sample, header found, deadlines in the year, results empty', () => {
    const g = sampleGrid(2025);
    expect(String(g.values[1][0])).toContain(SAMPLE_MARK);
    expect(String(g.values[0][0])).toContain('2025');
    const read = tableFromGrid(
      { values: g.values, formulas: null, rows: g.values.length, columns: g.values[0].length },
      'Tiêu chí',
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.layout.headerRow).toBe(g.headerRow);
    expect(read.rows).toHaveLength(74);
    const r111 = read.rows.find((r) => r.code === '1.1.1')!;
    expect(r111.deadline).toEqual(new Date(2025, 0, 31));
    expect(r111.target).toEqual(new Date(2025, 0, 31));
    for (const r of read.rows) {
      expect([r.actual, r.evidence, r.notes, r.appraised]).toEqual(['', '', '', '']);
    }
    const evaluation = evaluate(read.rows, {
      today: new Date(2025, 5, 1),
      nearDeadlineDays: 14,
      bands: DEFAULT_BANDS,
    });
    expect(evaluation.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(evaluation.applicableMax).toBeCloseTo(100, 9);
    expect(evaluation.areas.map((a) => a.declaredMax)).toEqual([10, 8, 20, 5, 10, 9, 13, 25]);
  });
});
