// Calendar arithmetic in a named time zone (Intl), shared by Utilities.formatDate, cell display and the
// date serial numbers Sheets uses (days since 1899-12-30 in the spreadsheet's time zone).

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function isDate(value: unknown): value is Date {
  // Cross-realm safe: Dates from a vm context fail `instanceof Date`.
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True when `timeZone` is a zone Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((date.getTime() % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** Offset of `timeZone` from UTC at `date`, in minutes (Asia/Ho_Chi_Minh: +420). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - date.getTime()) / 60000);
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function fromWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let result = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  // Second pass settles DST edges.
  result = guess - offsetMinutes(new Date(result), timeZone) * 60000;
  return new Date(result);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Sheets' date serial number of `date` in `timeZone` (days since 1899-12-30, fraction = time of day). */
export function toSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wall - SERIAL_EPOCH) / DAY_MS;
}

export function fromSerial(serial: number, timeZone: string): Date {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  return fromWallClock(
    timeZone,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}

/** English month and weekday names, shared with cell display (spreadsheet/display.ts). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function zone(date: Date, timeZone: string, colon: boolean): string {
  const off = offsetMinutes(date, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/**
 * Formats like Java's SimpleDateFormat, which Utilities.formatDate uses: y M d H h m s S E a Z X and
 * 'quoted' literals.
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, 3).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday]!.slice(0, 3);
        break;
      case 'u':
        out += String(w.weekday === 0 ? 7 : w.weekday);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += zone(date, timeZone, false);
        break;
      case 'X':
        out += offsetMinutes(date, timeZone) === 0 ? 'Z' : zone(date, timeZone, n >= 3);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
