/**
 * Dates as the user sees and types them, and the app's clock. Files and the core use ISO
 * (`YYYY-MM-DD[THH:MM]`); every calculation on dates is the core's one date module
 * (src/core/time.ts). The screen shows one form per language: dd-mm-jjjj in Dutch and ISO in
 * English (`formatDisplayDate`, the core's `displayDate`); typing accepts both everywhere.
 */
import { displayDate, isIsoDate, isoInstant, wallClock, type DateLang } from '../../core/time';

export type Lang = DateLang;

const p2 = (n: number) => String(n).padStart(2, '0');

/** The app's clock: this browser's wall-clock minute now, `YYYY-MM-DDTHH:MM`. */
export function nowMinute(now: Date = new Date()): string {
  return wallClock(now.getTime());
}

/** Today's local date as `YYYY-MM-DD` (the app's clock; the core has none). */
export function todayIso(now: Date = new Date()): string {
  return nowMinute(now).slice(0, 10);
}

/** When a stored patient last changed (`updatedAt`): the UTC minute now, as it has always been kept. */
export function stampNow(now: Date = new Date()): string {
  return wallClock(now.getTime(), 'UTC');
}

/** The change history's stamp (`at`): this instant in UTC to the millisecond, `YYYY-MM-DDTHH:MM:SS.sssZ` (the app's clock, the core's `isoInstant`). */
export function instantNow(now: Date = new Date()): string {
  return isoInstant(now.getTime());
}

/** Show an ISO date or date-time in the user's format: `03-06-2024` (nl) or `2024-06-03` (en). */
export function formatDisplayDate(iso: string | null | undefined, lang: Lang): string {
  return displayDate(iso, lang);
}

/** The date-time of an event for an edit field: the time is left out when it is 09:00 (a date alone). */
export function formatEditableTime(iso: string, lang: Lang): string {
  const s = formatDisplayDate(iso, lang);
  return s.endsWith(' 09:00') ? s.slice(0, -6) : s;
}

const DATE_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ]+(\d{1,2})[:.](\d{2}))?$/;

/**
 * Read a typed date or date-time: ISO (`2024-06-03`, `2024-06-03T09:30`, `2024-06-03 09:30`) or
 * day first (`3-6-2024`, `03-06-2024 09:30`, `3/6/2024`, `3.6.2024`). Returns the canonical ISO
 * text (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) or null when it is not a possible date.
 */
export function parseDisplayDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number, h: string | undefined, mi: string | undefined;
  let r = DATE_FIRST.exec(s);
  if (r) { y = +r[1]; m = +r[2]; d = +r[3]; h = r[4]; mi = r[5]; }
  else {
    r = DAY_FIRST.exec(s);
    if (!r) return null;
    d = +r[1]; m = +r[2]; y = +r[3]; h = r[4]; mi = r[5];
  }
  const hh = h === undefined ? 0 : +h;
  const mm = mi === undefined ? 0 : +mi;
  const date = `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}`;
  if (hh > 23 || mm > 59 || !isIsoDate(date)) return null;
  return h === undefined ? date : `${date}T${p2(hh)}:${p2(mm)}`;
}

/** A number in the user's format (decimal comma in Dutch). */
export function formatNumber(x: number | null | undefined, lang: Lang, maxDigits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: maxDigits, useGrouping: false }).format(x);
}

/**
 * A typed number: accepts a decimal comma or point. Returns the text with a point. `1,000` (a
 * thousands separator, or a decimal comma?) is left as typed: the records check refuses it and
 * says what to type instead.
 */
export function normaliseDecimal(text: string): string {
  const t = text.trim();
  if (/^<?\s*-?[1-9]\d{0,2},\d{3}$/.test(t)) return t;
  return t.replace(/^(<?\s*-?\d*),(\d+)$/, '$1.$2');
}
