import { describe, test, expect } from '@jest/globals';
import { codesFromStt } from '../../src/core/stt';
import { analyseTable } from '../../src/core/criteria';
import type { CellValue } from '../../src/core/types';

// A small seeded generator: the same tables on every run, many shapes.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Node {
  children: Node[];
}

function tree(rand: () => number, depth: number, maxDepth: number, width: number): Node[] {
  const n = depth === 0 ? 1 + Math.floor(rand() * 5) : Math.floor(rand() * (width + 1));
  const out: Node[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ children: depth + 1 < maxDepth ? tree(rand, depth + 1, maxDepth, width) : [] });
  }
  return out;
}

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV'];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n'];
const PLAIN_LETTERS = 'abcdefghijklmn'.split('');

type Style = (depth: number, position: number, running: number, path: number[]) => CellValue;

/** Rows of a tree in the given numbering style, with the dotted code each must get (from the tree). */
function render(nodes: Node[], style: Style, rand: () => number) {
  const stt: CellValue[] = [];
  const expected: string[] = [];
  const running = [0, 0, 0, 0];
  const walk = (list: Node[], path: number[]) => {
    list.forEach((node, i) => {
      const p = [...path, i + 1];
      running[path.length]++;
      stt.push(style(path.length, i + 1, running[path.length], p));
      expected.push(p.join('.'));
      // Blank STT rows (notes, continuation lines) keep no code and do not break the numbering.
      if (rand() < 0.1) {
        stt.push(rand() < 0.5 ? '' : null);
        expected.push('');
      }
      walk(node.children, p);
    });
  };
  walk(nodes, []);
  return { stt, expected };
}

const decorate = (text: string, rand: () => number) => {
  const r = rand();
  return r < 0.2 ? `${text}.` : r < 0.3 ? ` ${text} ` : text;
};

describe('codesFromStt: nested numbering becomes dotted codes (generated tables)', () => {
  const styles: [string, number, (rand: () => number) => Style][] = [
    [
      'I / 1 / a / i, Arabic restarting under each area',
      4,
      (rand) => (depth, position) =>
        depth === 0
          ? decorate(ROMANS[position - 1], rand)
          : depth === 1
            ? rand() < 0.5
              ? position
              : decorate(`${position}`, rand)
            : depth === 2
              ? rand() < 0.5
                ? `${LETTERS[position - 1]})`
                : LETTERS[position - 1]
              : ['i', 'ii', 'iii', 'iv', 'v', 'vi'][position - 1],
    ],
    [
      'I / 1 / a, Arabic running across areas',
      3,
      (rand) => (depth, position, running) =>
        depth === 0
          ? ROMANS[position - 1]
          : depth === 1
            ? decorate(`${running}`, rand)
            : PLAIN_LETTERS[position - 1],
    ],
    [
      'I / 1 / 1.1 (dotted under Arabic, inside roman areas)',
      3,
      () => (depth, position, _running, path) =>
        depth === 0 ? ROMANS[position - 1] : depth === 1 ? `${position}` : `${path[1]}.${path[2]}`,
    ],
    [
      'A / I / 1 / a (letters for the parts)',
      4,
      () => (depth, position) =>
        depth === 0
          ? 'ABCDE'[position - 1]
          : depth === 1
            ? ROMANS[position - 1]
            : depth === 2
              ? `${position}`
              : `(${PLAIN_LETTERS[position - 1]})`,
    ],
  ];
  for (const [name, depth, makeStyle] of styles) {
    test(name, () => {
      for (let seed = 1; seed <= 60; seed++) {
        const rand = rng(seed * 7919 + depth);
        const nodes = tree(rand, 0, depth, depth === 4 ? 4 : 13);
        const { stt, expected } = render(nodes, makeStyle(rand), rand);
        const got = codesFromStt(stt);
        expect(got).toEqual({ ok: true, codes: expected, renumbered: true });
      }
    });
  }

  test('dotted codes are kept as written, gaps included', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = rng(seed);
      const nodes = tree(rand, 0, 3, 5);
      const { stt, expected } = render(
        nodes,
        (_d, _p, _r, path) => (path.length === 1 && rand() < 0.5 ? path[0] : path.join('.')),
        rand,
      );
      const got = codesFromStt(stt);
      const nested = expected.some((c) => c.includes('.'));
      const plain = expected.filter((c) => c !== '').length;
      if (nested || plain === 1) expect(got).toEqual({ ok: true, codes: expected, renumbered: false });
      else expect(got).toMatchObject({ ok: false, message: expect.stringContaining('số thứ tự chạy') });
    }
    const gaps = codesFromStt(['1', '1.1', '1.3', '1.3.2', '4', '4.1', '1,5', '2.3.', 3.2]);
    expect(gaps).toEqual({
      ok: true,
      codes: ['1', '1.1', '1.3', '1.3.2', '4', '4.1', '1.5', '2.3', '3.2'],
      renumbered: false,
    });
  });

  test('the codes make the hierarchy the criteria table reads (leaves and parents)', () => {
    const got = codesFromStt(['I', '1', 'a', 'b', '2', 'II', '1', 'a', 'b', 'c']);
    if (!got.ok) throw new Error(got.message);
    const model = analyseTable(got.codes.map((code, i) => ({ row: i + 2, code, max: 1 })));
    expect(model.entries.filter((e) => e.isLeaf).map((e) => e.code)).toEqual([
      '1.1.1',
      '1.1.2',
      '1.2',
      '2.1.1',
      '2.1.2',
      '2.1.3',
    ]);
  });
});

describe('codesFromStt: ambiguous letters and roman numerals', () => {
  test('"I" after "H" is the letter; "I" opening a list is the roman one', () => {
    const letters = 'ABCDEFGHIK'.split('');
    const got = codesFromStt(['I', ...letters.flatMap((l) => [l, '1'])]);
    expect(got).toEqual({
      ok: true,
      codes: ['1', ...letters.flatMap((_, i) => [`1.${i + 1}`, `1.${i + 1}.1`])],
      renumbered: true,
    });
  });

  test('"C", "D" continue a letter list, "V" continues a roman one', () => {
    expect(codesFromStt(['A', 'I', 'II', 'III', 'IV', 'V', 'B', 'I', 'C', 'D', 'Đ'])).toEqual({
      ok: true,
      codes: ['1', '1.1', '1.2', '1.3', '1.4', '1.5', '2', '2.1', '3', '4', '5'],
      renumbered: true,
    });
  });

  test('lower-case "i" after "h" is a letter, "i" under a letter is a roman sub-item', () => {
    const h = 'abcdefgh'.split('');
    expect(codesFromStt(['I', '1', ...h, 'i', 'k'])).toEqual({
      ok: true,
      codes: ['1', '1.1', ...h.map((_, i) => `1.1.${i + 1}`), '1.1.9', '1.1.10'],
      renumbered: true,
    });
    expect(codesFromStt(['I', '1', 'a', 'i', 'ii', 'iii', 'b'])).toEqual({
      ok: true,
      codes: ['1', '1.1', '1.1.1', '1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.2'],
      renumbered: true,
    });
  });

  test('bonus and penalty groups keep their codes and number their rows', () => {
    expect(codesFromStt(['I', '1', '2', '+', '1', '2', '-', '1', '+3'])).toEqual({
      ok: true,
      codes: ['1', '1.1', '1.2', '+', '+1', '+2', '-', '-1', '+3'],
      renumbered: true,
    });
  });
});

describe('codesFromStt: refusals say what to change', () => {
  test('running numbers with no hierarchy are refused with the two ways to fix them', () => {
    for (const column of [
      [1, 2, 3, 4, 5],
      ['1', '2', '', '3'],
      ['1.', '2.', '3.', '1.', '2.'],
    ]) {
      const got = codesFromStt(column, { column: 'TT' });
      expect(got.ok).toBe(false);
      if (got.ok) continue;
      expect(got.message).toContain('Cột TT chỉ có số thứ tự chạy');
      expect(got.message).toContain('ghi số La Mã (I, II, III…) ở các dòng lĩnh vực');
      expect(got.message).toContain('thêm cột "Mã"');
    }
    // One area with its criteria in dotted form is a hierarchy, not a running list.
    expect(codesFromStt([1, 1.1, 1.2]).ok).toBe(true);
    // A single row has nothing to nest.
    expect(codesFromStt(['1']).ok).toBe(true);
  });

  test('a cell that is no numbering is refused naming its row and value', () => {
    const got = codesFromStt(['I', '1', 'Tổng cộng', '2'], { firstRow: 6 });
    expect(got).toEqual({
      ok: false,
      index: 2,
      message: expect.stringMatching(/^Dòng 8, cột STT: "Tổng cộng" không phải số thứ tự .* xóa nó nếu dòng/),
    });
    for (const bad of ['1a', '0', 'x1', '*', true, new Date(2025, 0, 1), -1, 'IIII']) {
      const r = codesFromStt(['I', bad]);
      expect(r.ok).toBe(false);
    }
  });
});
