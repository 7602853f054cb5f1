/** Publication dates as pages write them -> YYYY-MM-DD. */

/** True when y-m-d is a day of the Gregorian calendar (2025-02-30 is not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A strict YYYY-MM-DD that names a real day (for --published). */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * The day a date string names, or null. An ISO timestamp keeps the calendar day it was written
 * in (2025-12-15T23:30:00-05:00 is the 15th, as the outlet dated it), not its UTC day.
 */
export function normaliseDate(raw: string): string | null {
  const value = raw.trim().slice(0, 100);
  const parts =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(value) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d])/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})(?:$|[T\s])/.exec(value);
  if (parts) {
    const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    return plausibleYear(y) && isRealDate(y, m, d) ? ymd(y, m, d) : null;
  }
  // Unix time in seconds or milliseconds.
  if (/^\d{10}$|^\d{13}$/.test(value)) {
    const ms = value.length === 10 ? Number(value) * 1000 : Number(value);
    return fromTimestamp(ms);
  }
  // Anything else Date can read ("Mon, 15 Dec 2025 10:00:00 GMT", "December 15, 2025").
  // Without a zone Date reads local time, so the local calendar day is the one written.
  const ms = Date.parse(value);
  const zoned = /(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})$/i.test(value);
  return Number.isNaN(ms) ? null : fromTimestamp(ms, !zoned);
}

function fromTimestamp(ms: number, local = false): string | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const [y, m, day] = local
    ? [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    : [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return plausibleYear(y) ? ymd(y, m, day) : null;
}

function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}
