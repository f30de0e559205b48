// --today: the add-in reads the date from `new Date()` (and the stand-in from its `now` option), so both
// get one clock that starts at the chosen instant and runs on in real time (a frozen clock would hang any
// wait loop that polls Date.now()).
import vm from 'node:vm';
import { fromWallClock } from '../gas/time';

export interface Clock {
  now(): Date;
  /** yyyy-mm-dd */
  iso: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses yyyy-mm-dd strictly; null when it is not a real calendar date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** A clock at 08:00 of `iso` in `timeZone` (a working morning), running on from there. */
export function clockAt(iso: string, timeZone: string): Clock {
  const p = parseIsoDate(iso);
  if (!p) throw new Error(`Ngày không hợp lệ: ${iso}`);
  const base = fromWallClock(timeZone, p.year, p.month, p.day, 8).getTime();
  const started = performance.now();
  return { iso, now: () => new Date(base + Math.floor(performance.now() - started)) };
}

/**
 * Replaces `Date` in a loaded bundle's context with one whose `new Date()` and `Date.now()` follow the
 * clock. Its prototype is the real Date.prototype, so the stand-in's Date values still pass `instanceof Date`.
 */
export function installClock(context: vm.Context, clock: Clock): void {
  const Real = Date;
  function ClockDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new Real(clock.now().getTime()).toString();
    if (args.length === 0) return new Real(clock.now().getTime());
    return new (Real as unknown as new (...a: unknown[]) => Date)(...args);
  }
  ClockDate.prototype = Real.prototype;
  Object.assign(ClockDate, { now: () => clock.now().getTime(), UTC: Real.UTC, parse: Real.parse });
  (context as Record<string, unknown>).Date = ClockDate;
}
