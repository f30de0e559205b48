// The province's indicator set when nobody typed one: the set most communes use, a tie going to the commune
// read first (the local --province run's rule, README "Bảng tổng hợp tỉnh").
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { commonSetKey } from '../../src/core/communeStates';

describe('commonSetKey', () => {
  test('examples: majority, tie to the first read, none', () => {
    expect(commonSetKey(['B', 'A', 'A'])).toBe('A');
    expect(commonSetKey(['B', 'A'])).toBe('B');
    expect(commonSetKey(['A', 'B', 'B', 'A', 'C'])).toBe('A');
    expect(commonSetKey([])).toBeNull();
  });

  test('property: the key no other key outnumbers, the earliest of those that share the top count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<string>('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 30 }),
        (keys) => {
          const got = commonSetKey(keys)!;
          const count = (k: string) => keys.filter((x) => x === k).length;
          for (const k of keys) {
            expect(count(k)).toBeLessThanOrEqual(count(got));
            if (count(k) === count(got)) expect(keys.indexOf(got)).toBeLessThanOrEqual(keys.indexOf(k));
          }
        },
      ),
    );
  });
});
