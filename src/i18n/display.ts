/**
 * The catalog's display rules for parameters: an ISO date or date-time in the language's form (the
 * core date module's one display form, src/core/time.ts `displayDate`; English sentences keep the
 * ISO text as the command line writes it), and a number written as text with the language's
 * decimal mark. Pure; no Intl, no clock.
 */
import { displayDate } from '../core/time';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/;
const NUMBER_TEXT = /^([<>≤≥]?\s*[-−]?\d+)\.(\d+)$/;

/** `2024-06-03` → `03-06-2024` and `2024-06-03T09:00` → `03-06-2024 09:00` in Dutch; English as given. */
export function catalogDate(value: string, lang: 'en' | 'nl'): string {
  return lang === 'en' || !ISO.test(value) ? value : displayDate(value, 'nl');
}

/** `7.6` → `7,6`, `<0.5` → `<0,5` in Dutch; anything else (and English) as given. */
export function catalogNumberText(value: string, lang: 'en' | 'nl'): string {
  return lang === 'nl' ? value.replace(NUMBER_TEXT, '$1,$2') : value;
}
