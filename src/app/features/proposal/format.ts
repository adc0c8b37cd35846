/**
 * Locale formatting for the clinician's views: Dutch decimal commas and dd-mm-jjjj dates, English
 * ISO dates (the one display form per language, src/app/lib/dates.ts over the core's date module
 * src/core/time.ts). Report times are naive local day numbers, formatted in UTC, so no zone or DST
 * ever shifts a date.
 */
import type { Days } from '../../../core/types';
import { MS_PER_DAY, formatDate, parseIsoTime } from '../../../core/time';
import { formatDisplayDate, type Lang } from '../../lib/dates';

/** The app's two languages. */
export function langOf(lang: string | undefined): Lang {
  return lang && lang.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** BCP 47 locale for an i18next language code. */
export function localeOf(lang: string | undefined): string {
  return lang && lang.toLowerCase().startsWith('nl') ? 'nl-NL' : 'en-GB';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function fmt<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) { f = make(); cache.set(key, f); }
  return f;
}

/** Decimals that suit a clinical value: 0.84, 7.6, 25.6, 111. */
function decimalsFor(x: number): number {
  const a = Math.abs(x);
  return a < 1 ? 2 : a < 100 ? 1 : 0;
}

/** A number in the language's format (decimal comma in Dutch). `digits` fixes the decimals. */
export function formatNumber(x: number, lang: string | undefined, digits?: number): string {
  if (!Number.isFinite(x)) return '–';
  const d = digits ?? decimalsFor(x);
  const loc = localeOf(lang);
  return fmt(`n|${loc}|${d}`, () => new Intl.NumberFormat(loc, { minimumFractionDigits: 0, maximumFractionDigits: d })).format(x);
}

/**
 * A probability as a whole percentage: `92 %` / `92%`. A forecast from posterior draws never
 * shows certainty: from 99.5 % up it reads `> 99 %`, up to 0.5 % `< 1 %`.
 */
export function formatPercent(p: number, lang: string | undefined): string {
  if (!Number.isFinite(p)) return '–';
  const loc = localeOf(lang);
  const f = fmt(`p|${loc}`, () => new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 0 }));
  if (p >= 0.995) return `> ${f.format(0.99)}`;
  if (p <= 0.005) return `< ${f.format(0.01)}`;
  return f.format(p);
}

/** The date of a day number as the app shows dates: `03-06-2024` (nl) or `2024-06-03` (en). */
export function formatDay(t: Days, lang: string | undefined): string {
  if (!Number.isFinite(t)) return '–';
  return formatDisplayDate(formatDate(t), langOf(lang));
}

/** Short axis label: `03-06` / `3 Jun`, with the year when `withYear`. */
export function formatAxisDay(t: Days, lang: string | undefined, withYear: boolean): string {
  const loc = localeOf(lang);
  const f = fmt(`a|${loc}|${withYear}`, () => new Intl.DateTimeFormat(loc, loc === 'nl-NL'
    ? { day: '2-digit', month: '2-digit', ...(withYear ? { year: '2-digit' } : {}), timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', ...(withYear ? { year: '2-digit' } : {}), timeZone: 'UTC' }));
  return f.format(new Date(Math.round(t * MS_PER_DAY)));
}

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` → the date as the app shows it (time of day dropped). */
export function formatIso(iso: string | null | undefined, lang: string | undefined): string {
  if (!iso) return '–';
  return formatDisplayDate(iso.slice(0, 10), langOf(lang));
}

/** `YYYY-MM-DD` → day number (09:00, as the TDM CSV reads a date alone), or null. */
export function isoToDays(iso: string | null | undefined): Days | null {
  return iso ? parseIsoTime(iso) : null;
}
