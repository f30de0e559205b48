// Shared set-up for the dist tests: dist/Code.js loaded in a vm with a fresh stand-in, on a clock the test moves.
import vm from 'node:vm';
import { createStandIn, type StandIn, type StandInOptions } from '../../local/gas/index';
import { loadBundle } from '../../local/gas/loadBundle';
import { TZ } from './env';

export interface DistEnv {
  standIn: StandIn;
  context: vm.Context;
  clock: { now: Date };
  /** Evaluates `src` in the bundle's global scope, as Apps Script calls a top-level function. */
  call: <T>(src: string) => T;
}

/** Loads the bundle with the clock at `now`; set `clock.now` to move time for the stand-in and the bundle. */
export function distEnv(now: Date, options: Omit<StandInOptions, 'now'> = {}): DistEnv {
  const clock = { now };
  const standIn = createStandIn({ timeZone: TZ, ...options, now: () => clock.now });
  const context = loadBundle(standIn);
  // `new Date()` inside the bundle reads the test's clock, as it would read Google's in Apps Script.
  const RealDate = Date;
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now.getTime());
      else super(...(args as [number]));
    }
    static override now(): number {
      return clock.now.getTime();
    }
  }
  (context as Record<string, unknown>).Date = ClockDate;
  const call = <T>(src: string): T => vm.runInContext(src, context) as T;
  return { standIn, context, clock, call };
}
