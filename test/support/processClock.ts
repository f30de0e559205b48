// The process's Date held at a test's instant. The server's actions read the real clock (new Date()) where
// Apps Script gives no other, so a test that compares their month or day with a fixture's must move this
// clock too, or it fails on the days the real month differs (it did from 1/12/2026, Vietnam time).
import { jest } from '@jest/globals';

/** Every timer but Date stays real (jest's fake timers would stall the stand-in's waits and Chromium). */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** `new Date()` and `Date.now()` return `when` (and what setProcessDate sets) until jest.useRealTimers(). */
export function holdProcessDate(when: Date): void {
  jest.useFakeTimers({ now: when, doNotFake: [...REAL_TIMERS] });
}

export function setProcessDate(when: Date): void {
  jest.setSystemTime(when);
}
