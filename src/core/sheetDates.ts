// Dates read from a spreadsheet whose time zone differs from the script's. A date cell reaches the script
// as the instant of its midnight in the SPREADSHEET's zone, while the core reads calendar dates with local
// (script-zone) getters; "if the spreadsheet and the script use different time zones, the custom function
// will need to compensate" (https://developers.google.com/apps-script/guides/sheets/functions#data_types).
// Each Date is re-made with the same wall-clock date and time in the script's zone. Pure: the caller
// supplies the wall clock of an instant in the spreadsheet's zone ("yyyy-MM-dd HH:mm:ss").

// A Date from another realm fails instanceof, hence the tag; primitives (nearly every cell) skip it: the tag of
// a number or a string boxes it first, and every custom function walks all its argument cells here.
const isDateValue = (v: unknown): v is Date =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';

/** True when a value, a row or a grid holds a Date. */
export function containsDate(value: unknown): boolean {
  if (!Array.isArray(value)) return isDateValue(value);
  for (let i = 0; i < value.length; i++) if (containsDate(value[i])) return true;
  return false;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Copies `value` (a value, a row, a grid, or a list of arguments) with every Date re-made from its wall
 * clock in the spreadsheet's zone; a Date whose wall clock cannot be read is kept as it is.
 */
export function reanchorDates<T>(value: T, wallClock: (d: Date) => string): T {
  const memo = new Map<number, number>();
  const fix = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(fix);
    if (!isDateValue(v) || isNaN(v.getTime())) return v;
    const t = v.getTime();
    let local = memo.get(t);
    if (local === undefined) {
      const m = WALL.exec(wallClock(v));
      if (!m) local = t;
      else {
        const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        local = new Date(y, mo - 1, d, h, mi, s, v.getMilliseconds()).getTime();
      }
      memo.set(t, local);
    }
    return new Date(local);
  };
  return fix(value) as T;
}
