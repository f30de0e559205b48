// Utilities: date formatting in a named time zone (Java SimpleDateFormat patterns), sleep (recorded,
// no waiting), UUIDs, formatString and base64 of strings.
import { randomUUID } from 'node:crypto';
import type { StandInContext } from './context';
import { counted } from './counter';
import { makeEnum } from './enums';
import { formatSimpleDate, isDate, isValidTimeZone } from './time';

type GasUtilities = GoogleAppsScript.Utilities.Utilities;
type U = typeof GoogleAppsScript.Utilities;

const UTILITIES_METHODS = [
  'base64Encode',
  'base64EncodeWebSafe',
  'formatDate',
  'formatString',
  'getUuid',
  'sleep',
] as const;
type UtilitiesMember = (typeof UTILITIES_METHODS)[number] | 'Charset';

export class StandInUtilities implements Pick<GasUtilities, UtilitiesMember> {
  readonly Charset = makeEnum<U['Charset']>(['US_ASCII', 'UTF_8']);

  constructor(
    readonly ctx: StandInContext,
    /** Every Utilities.sleep duration, in ms. */
    readonly sleeps: number[],
  ) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || Number.isNaN(date.getTime())) throw this.ctx.error('Invalid argument: date');
    // Apps Script falls back to GMT for an unknown zone; a typo here is a bug worth seeing.
    if (!isValidTimeZone(timeZone)) throw this.ctx.error(`Invalid argument: timeZone (${timeZone})`);
    try {
      return formatSimpleDate(date as unknown as Date, timeZone, format);
    } catch (e) {
      throw this.ctx.error(`Invalid argument: format (${(e as Error).message})`);
    }
  }

  /** sprintf-like: %s, %d, %i, %f, %.Nf, %%. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%(\.\d+)?([sdif%])/g, (m, precision: string | undefined, type: string) => {
      if (type === '%') return '%';
      const v = args[i++];
      if (type === 's') return String(v);
      if (type === 'd' || type === 'i') return String(Math.trunc(Number(v)));
      return precision ? Number(v).toFixed(Number(precision.slice(1))) : String(Number(v));
    });
  }

  getUuid(): string {
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    this.sleeps.push(milliseconds);
  }

  base64Encode(data: string | number[]): string {
    return Buffer.from(
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Uint8Array.from(data, (b) => b & 0xff),
    ).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[]): string {
    return this.base64Encode(data).replace(/\+/g, '-').replace(/\//g, '_');
  }
}

counted(StandInUtilities, 'Utilities', 'Utilities', UTILITIES_METHODS);
