// Logger and console: both write into StandIn.logs (not to the terminal), so tests stay quiet and can
// assert on what a script logged.
import type { StandInContext } from './context';
import { counted } from './counter';

type GasLogger = GoogleAppsScript.Base.Logger;

function render(format: unknown, values: unknown[]): string {
  if (typeof format !== 'string' || values.length === 0) return stringify(format);
  let i = 0;
  const text = format.replace(/%[sdifoO]/g, (m) => (i < values.length ? stringify(values[i++]) : m));
  return [text, ...values.slice(i).map(stringify)].join(' ');
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

const LOGGER_METHODS = ['clear', 'getLog', 'log'] as const;

export class StandInLogger implements Pick<GasLogger, (typeof LOGGER_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    private readonly logs: string[],
  ) {}

  log(data: unknown, ...values: unknown[]): GasLogger {
    this.logs.push(render(data, values));
    return this as unknown as GasLogger;
  }

  getLog(): string {
    return this.logs.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.logs.length = 0;
  }
}

counted(StandInLogger, 'Logger', 'Logger', LOGGER_METHODS);

export interface StandInConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  time(label: string): void;
  timeEnd(label: string): void;
}

/** Apps Script's console (Cloud logging); records "[LEVEL] message" lines. Not counted as service calls. */
export function createConsole(logs: string[], now: () => Date): StandInConsole {
  const timers = new Map<string, number>();
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      logs.push(`[${level}] ${render(args[0], args.slice(1))}`);
    };
  return {
    log: write('INFO'),
    info: write('INFO'),
    warn: write('WARNING'),
    error: write('ERROR'),
    time: (label) => void timers.set(label, now().getTime()),
    timeEnd: (label) => {
      const start = timers.get(label);
      if (start !== undefined) logs.push(`[INFO] ${label}: ${now().getTime() - start}ms`);
      timers.delete(label);
    },
  };
}
