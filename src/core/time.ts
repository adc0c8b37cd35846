/**
 * Naive local wall-clock times as day numbers (see types.ts). One module for every conversion.
 */
import type { Days } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parse `YYYY-MM-DD` (09:00 implied), `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
 * Returns null for anything else, including impossible dates such as 2024-02-30 or 25:00.
 */
export function parseIsoTime(text: string, dateOnlyHour = 9): Days | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const h = hasTime ? Number(m[4]) : dateOnlyHour;
  const mi = hasTime ? Number(m[5]) : 0;
  const s = m[6] !== undefined ? Number(m[6]) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

/** Parse a date only (`YYYY-MM-DD`) as the END of that day (for --as-of), or null. */
export function parseAsOfDate(text: string): Days | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return null;
  const start = parseIsoTime(text, 0);
  return start === null ? null : start + 1 - 1 / 86_400;
}

function parts(t: Days): Date {
  // Round to the second (day fractions are not exact in binary), then show whole minutes.
  return new Date(Math.round(t * 86_400) * 1000);
}
const p2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a time. */
export function formatDate(t: Days): string {
  const d = parts(t);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

/** `YYYY-MM-DDTHH:MM` of a time (rounded to the minute). */
export function formatDateTime(t: Days): string {
  const d = parts(t);
  return `${formatDate(t)}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/** Start (00:00) of the day containing t. */
export function startOfDay(t: Days): Days {
  return Math.floor(t + 1e-9);
}

/** Weekday of t: 0 = Sunday … 6 = Saturday. */
export function weekday(t: Days): number {
  return parts(t).getUTCDay();
}

export const WEEK = 7;
