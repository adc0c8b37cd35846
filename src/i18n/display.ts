/**
 * The catalog's own small display rules for parameters (until the app's display formatter per
 * language, issue 18 item 3, is shared): an ISO date or date-time in the language's form, and a
 * number written as text with the language's decimal mark. Pure; no Intl, no clock.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/;
const NUMBER_TEXT = /^([<>≤≥]?\s*[-−]?\d+)\.(\d+)$/;

/** `2024-06-03` → `03-06-2024` and `2024-06-03T09:00` → `03-06-2024 09:00` in Dutch; English as given. */
export function catalogDate(value: string, lang: 'en' | 'nl'): string {
  if (lang === 'en') return value;
  const m = ISO.exec(value);
  if (!m) return value;
  return `${m[3]}-${m[2]}-${m[1]}${m[4] ? ` ${m[4]}` : ''}`;
}

/** `7.6` → `7,6`, `<0.5` → `<0,5` in Dutch; anything else (and English) as given. */
export function catalogNumberText(value: string, lang: 'en' | 'nl'): string {
  return lang === 'nl' ? value.replace(NUMBER_TEXT, '$1,$2') : value;
}
