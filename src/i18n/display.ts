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

/**
 * A unit code of the records (the TDM CSV's `unit`) as a reader sees it: µ where a file writes u,
 * and the language's word (`cells/µL`, `cellen/µL`). The file, the store and every export keep the
 * code (`ug/mL`, `cells/uL`); this is the label only. Codes without another form as given.
 */
export function unitLabel(unit: string, lang: 'en' | 'nl'): string {
  switch (unit) {
    case 'ug/mL': case 'µg/mL': return 'µg/mL';
    case 'cells/uL': case 'cells/µL': case '/uL': return lang === 'nl' ? 'cellen/µL' : 'cells/µL';
    default: return unit;
  }
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** A month `2024-01` as the language shows dates: `01-2024` in Dutch (as dd-mm-jjjj), `2024-01` in English (as ISO); anything else as given. */
export function displayMonth(month: string, lang: 'en' | 'nl'): string {
  const m = MONTH.exec(month);
  return m && lang === 'nl' ? `${m[2]}-${m[1]}` : month;
}
