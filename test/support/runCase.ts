// Runs one custom-function case against an implementation (src, or dist/Code.js in a vm context).
import { expect } from '@jest/globals';
import type { FnCase } from './functionCases';

/** Results from a vm context are arrays of another realm: compare plain copies. */
function plain(v: unknown): unknown {
  return Array.isArray(v) ? v.map(plain) : v;
}

export function runCase(c: FnCase, fn: (...args: unknown[]) => unknown): void {
  if (c.throws) {
    let message: string | null = null;
    try {
      fn(...c.args);
    } catch (e) {
      // Errors thrown in a vm context are not instances of this realm's Error: read the message.
      message = String((e as { message?: unknown }).message);
    }
    expect(message).not.toBeNull();
    expect(message).toMatch(c.throws);
    return;
  }
  const result = plain(fn(...c.args));
  if (c.approx) {
    expect(typeof result).toBe('number');
    expect(result as number).toBeCloseTo(c.expected as number, 12);
  } else {
    expect(result).toEqual(c.expected);
  }
}
