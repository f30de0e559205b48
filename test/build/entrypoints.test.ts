// The build derives Apps Script's top-level wrappers from src/index.ts; these cases prove it fails loudly
// when an export cannot be wrapped and that it keeps JSDoc and real parameter names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, expect } from '@jest/globals';
// @ts-expect-error plain ESM helper of the build, without type declarations
import { describeEntry, splitParams, BuildError } from '../../scripts/entrypoints.mjs';

describe('describeEntry', () => {
  test('keeps the JSDoc and the real parameter names, including optional and typed ones', () => {
    const source = `
/**
 * Points of one criterion.
 * @param {string} rule the rule
 * @param {number} max the maximum
 * @param target (tùy chọn) target
 * @customfunction
 */
export function CCHC_SCORE(rule: unknown, max: Record<string, [number, number]>, target?: unknown): unknown {
  return 1;
}`;
    const entry = describeEntry(source, 'CCHC_SCORE');
    expect(entry.params).toEqual(['rule', 'max', 'target']);
    expect(entry.jsdoc).toContain('@customfunction');
    expect(entry.jsdoc.startsWith('/**')).toBe(true);
  });

  test('other entry points carry no JSDoc into the bundle (only Sheets reads it, of custom functions)', () => {
    const entry = describeEntry(
      '/**\n * Opens the sidebar.\n */\nexport function menuShow(): void {}',
      'menuShow',
    );
    expect(entry).toEqual({ name: 'menuShow', params: [], isCustom: false, jsdoc: '' });
  });

  test('an export that is not a function declaration fails the build', () => {
    const source = `export const onOpen = () => 1;`;
    expect(() => describeEntry(source, 'onOpen')).toThrow(BuildError);
    expect(() => describeEntry(source, 'onOpen')).toThrow(/top-level function declarations/);
  });

  test('a function without a JSDoc block fails the build', () => {
    expect(() => describeEntry('export function menuX(): void {}', 'menuX')).toThrow(/JSDoc/);
  });

  test('a custom function without @customfunction or with an undocumented parameter fails the build', () => {
    const noTag = '/** Adds. @param a first */\nexport function CCHC_ADD(a: number) { return a; }';
    expect(() => describeEntry(noTag, 'CCHC_ADD')).toThrow(/@customfunction/);
    const missingParam =
      '/**\n * Adds.\n * @param a first\n * @customfunction\n */\nexport function CCHC_ADD(a: number, b: number) { return a + b; }';
    expect(() => describeEntry(missingParam, 'CCHC_ADD')).toThrow(/"b" has no @param/);
  });

  test('an optional custom-function parameter says "(tùy chọn)", never "[name]" (Sheets shows both as written)', () => {
    const doc = (line: string) =>
      `/**\n * Adds.\n * @param {number} a first\n${line}\n * @customfunction\n */\nexport function CCHC_ADD(a: number, b?: number) { return a; }`;
    expect(() => describeEntry(doc(' * @param {number} [b] second'), 'CCHC_ADD')).toThrow(
      /instead of "\[b\]"/,
    );
    expect(() => describeEntry(doc(' * @param {number} b second'), 'CCHC_ADD')).toThrow(
      /needs "\(tùy chọn\)"/,
    );
    expect(describeEntry(doc(' * @param {number} b (tùy chọn) second'), 'CCHC_ADD').params).toEqual([
      'a',
      'b',
    ]);
    const required =
      '/**\n * Adds.\n * @param {number} a (tùy chọn) first\n * @customfunction\n */\nexport function CCHC_ONE(a: number) { return a; }';
    expect(() => describeEntry(required, 'CCHC_ONE')).toThrow(/is required in the code/);
    const withDefault =
      '/**\n * Adds.\n * @param {number} a first\n * @customfunction\n */\nexport function CCHC_ONE(a: number = 1) { return a; }';
    expect(() => describeEntry(withDefault, 'CCHC_ONE')).toThrow(/needs "\(tùy chọn\)"/);
  });

  test('every optional parameter of the shipped custom functions says so in dist/Code.js', () => {
    const source = readFileSync(join(__dirname, '../../src/index.ts'), 'utf8');
    const names = [...source.matchAll(/export function (CCHC_\w+)\(/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(5);
    for (const n of names) expect(() => describeEntry(source, n)).not.toThrow();
    expect(source).not.toMatch(/@param\s+\{[^}]*\}\s+\[/);
    expect(source).toContain('(tùy chọn)');
  });

  test('splitParams splits only at top-level commas', () => {
    expect(
      splitParams('a: Map<string, number>, b: (x: number, y: number) => void, ...rest: unknown[]'),
    ).toHaveLength(3);
  });
});
