// The state every stand-in object shares: clock, time zone, call counter, the current execution mode
// and how errors are made (in the realm of the code that catches them, see loadBundle.ts).
import type { CallCounter } from './counter';

/** 'script': menu, sidebar or test code; 'trigger': a time-driven trigger; 'customFunction': a formula. */
export type ExecutionMode = 'script' | 'trigger' | 'customFunction';

export interface StandInContext {
  readonly calls: CallCounter;
  now(): Date;
  readonly timeZone: string;
  mode: ExecutionMode;
  /** An Error as Apps Script throws it (`name` "Exception"). */
  error(message: string): Error;
}

export function createContext(
  calls: CallCounter,
  now: () => Date,
  timeZone: string,
): StandInContext & {
  errorConstructor: ErrorConstructor;
} {
  return {
    calls,
    now,
    timeZone,
    mode: 'script',
    errorConstructor: Error,
    error(message: string): Error {
      const error = new this.errorConstructor(message);
      error.name = 'Exception';
      return error;
    },
  };
}

/**
 * The stand-in behind an object the script passes back (a Range, Sheet, rule...): it must be one this
 * stand-in handed out; anything else is refused as Apps Script refuses a foreign object.
 */
export function ownObject<T>(
  cls: abstract new (...args: never[]) => T,
  value: unknown,
  argument: string,
  ctx: StandInContext,
): T {
  if (value instanceof cls) return value;
  throw ctx.error(`Invalid argument: ${argument}`);
}

/** Runs `fn` in another execution mode and restores the previous one. */
export function inMode<T>(ctx: StandInContext, mode: ExecutionMode, fn: () => T): T {
  const previous = ctx.mode;
  ctx.mode = mode;
  try {
    return fn();
  } finally {
    ctx.mode = previous;
  }
}
