/**
 * The one date module: every date and time the app, the command line and the core read, write,
 * add, compare or show goes through here (issue 18, item 3).
 *
 * Two forms of the same thing:
 * - **Day numbers** (`Days`, see types.ts): naive local wall-clock time as days since 1970-01-01
 *   00:00, computed with Date.UTC so no zone or daylight-saving change ever enters a sum. The
 *   engines compute with these.
 * - **ISO text**: a date `YYYY-MM-DD` or a wall-clock minute `YYYY-MM-DDTHH:MM`, as the records,
 *   the reports and every file hold them. Calendar arithmetic on these (add days, days between,
 *   weekday) is by the proleptic Gregorian calendar, again free of zones.
 *
 * Zones enter only where an instant (a clock reading, a FHIR time with an offset) meets a wall
 * clock: `wallClock`, `offsetMinutes` (the runtime's Intl zone data, never a clock of our own).
 * The display of a date for a reader (`displayDate`) is here too, so the screen, print, calendar,
 * CSV exports and the message catalog show one form per language.
 *
 * Pure: no clock. A caller that needs "now" passes it in (the app: src/app/lib/dates.ts).
 */
import type { Days } from './types';

export const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

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
  return start === null ? null : endOfDay(start);
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

/** The last second of the day containing t (an as-of date covers the whole of its day). */
export function endOfDay(t: Days): Days {
  return startOfDay(t) + 1 - 1 / 86_400;
}

/** Weekday of t: 0 = Sunday … 6 = Saturday. */
export function weekday(t: Days): number {
  return parts(t).getUTCDay();
}

export const WEEK = 7;

/** Midnight UTC of the calendar date an ISO text starts with (its time of day ignored), in ms. */
function dateMs(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date YYYY-MM-DD: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function isoOfMs(ms: number): string {
  const t = new Date(ms);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())}`;
}

/** Whether a text is a possible calendar date `YYYY-MM-DD` (2024-02-30 is not). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseIsoTime(text) !== null;
}

/** The calendar date `days` whole days after (before, when negative) an ISO date; a time of day is dropped. */
export function addDays(iso: string, days: number): string {
  return isoOfMs(dateMs(iso) + Math.round(days) * MS_PER_DAY);
}

/** Whole calendar days from ISO date a to ISO date b (b − a); times of day are ignored. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateMs(b) - dateMs(a)) / MS_PER_DAY);
}

/** Weekday of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(dateMs(iso)).getUTCDay();
}

/** A wall-clock minute `YYYY-MM-DDTHH:MM` moved by whole minutes (rounded), on the same naive clock. */
export function addMinutes(isoMinute: string, minutes: number): string {
  const t = parseIsoTime(isoMinute);
  if (t === null || !/T\d{2}:\d{2}$/.test(isoMinute)) throw new Error(`not a local time YYYY-MM-DDTHH:MM: ${isoMinute}`);
  return new Date(Math.round(t * MS_PER_DAY) + Math.round(minutes) * 60_000).toISOString().slice(0, 16);
}

/** The languages dates are shown in. */
export type DateLang = 'en' | 'nl';

const DISPLAY = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/;

/**
 * An ISO date or date-time as a reader sees it, one form per language: `03-06-2024` (nl, dd-mm-jjjj)
 * or `2024-06-03` (en), with ` 09:30` after it when the text has a time. Seconds are dropped; a text
 * that is not ISO is given back as it is, and nothing as ''.
 */
export function displayDate(iso: string | null | undefined, lang: DateLang): string {
  if (!iso) return '';
  const m = DISPLAY.exec(iso);
  if (!m) return iso;
  const date = lang === 'nl' ? `${m[3]}-${m[2]}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
  return m[4] ? `${date} ${m[4]}` : date;
}

// Zones: the runtime's IANA data through Intl. ------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of instant `utcMs` in the zone, as ms of a naive UTC clock. */
export function wallClockMs(timeZone: string, utcMs: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The zone's offset from UTC at an instant, in minutes (Amsterdam in winter: 60). */
export function offsetMinutes(timeZone: string, utcMs: number): number {
  return Math.round((wallClockMs(timeZone, utcMs) - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The wall-clock minute `YYYY-MM-DDTHH:MM` of an instant in a zone (an IANA name, or 'UTC'); without
 * a zone, in the runtime's own zone (the browser's: the clinic's clock).
 */
export function wallClock(utcMs: number, timeZone?: string): string {
  if (timeZone === 'UTC') return new Date(utcMs).toISOString().slice(0, 16);
  if (timeZone !== undefined) return new Date(wallClockMs(timeZone, utcMs)).toISOString().slice(0, 16);
  const d = new Date(utcMs);
  return `${String(d.getFullYear()).padStart(4, '0')}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}`;
}

/**
 * An instant (ms since 1970-01-01 UTC: a clock reading the caller passes in, the core has no
 * clock) as ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`: the change history's stamp, the
 * calendar file's DTSTAMP.
 */
export function isoInstant(utcMs: number): string {
  return new Date(utcMs).toISOString();
}

/** The runtime's own IANA zone (the browser's or the machine's: the clinic's clock), 'UTC' when unknown. */
export function runtimeTimeZone(): string {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch { return 'UTC'; }
}
