/**
 * Dates as the user sees and types them. Files and the core use ISO (`YYYY-MM-DD[THH:MM]`);
 * the screen shows dd-mm-jjjj in Dutch and ISO in English. Typing accepts both everywhere.
 */
export type Lang = 'en' | 'nl';

const p2 = (n: number) => String(n).padStart(2, '0');

/** Today's local date as `YYYY-MM-DD` (the app's clock; the core has none). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${p2(now.getMonth() + 1)}-${p2(now.getDate())}`;
}

/** Add whole days to an ISO date. */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())}`;
}

/** Whole days from ISO date a to ISO date b (b − a). */
export function daysBetweenIso(a: string, b: string): number {
  const f = (s: string) => { const [y, m, d] = s.slice(0, 10).split('-').map(Number); return Date.UTC(y, m - 1, d); };
  return Math.round((f(b) - f(a)) / 86_400_000);
}

/** Show an ISO date or date-time in the user's format: `03-06-2024` (nl) or `2024-06-03` (en). */
export function formatDisplayDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  const date = lang === 'nl' ? `${m[3]}-${m[2]}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
  return m[4] ? `${date} ${m[4]}` : date;
}

/** The date-time of an event for an edit field: the time is left out when it is 09:00 (a date alone). */
export function formatEditableTime(iso: string, lang: Lang): string {
  const s = formatDisplayDate(iso, lang);
  return s.endsWith(' 09:00') ? s.slice(0, -6) : s;
}

const DATE_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ]+(\d{1,2})[:.](\d{2}))?$/;

function valid(y: number, m: number, d: number, h: number, mi: number): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

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
  if (!valid(y, m, d, hh, mm)) return null;
  const date = `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}`;
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
