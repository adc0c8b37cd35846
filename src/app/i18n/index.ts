/**
 * The app's i18next, Dutch and English, over the one catalog (src/i18n): the engine's and the
 * records' namespaces (src/i18n/catalog.ts) beside the app's own (src/i18n/app: `app` and every
 * `<namespace>-<lang>.ts` pair there, picked up automatically, so `useTranslation('chart')` works
 * without touching this file). This module holds what only the browser has: the language the user
 * chose (local storage) or the browser's, React's binding, and the page's `lang`.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../lib/dates';
import { appFormatter } from '../../i18n/catalog';
import { APP_RESOURCES } from '../../i18n/app/index';

export const LANGS: Lang[] = ['en', 'nl'];
const STORAGE_KEY = 'ms-interval-lang';

// The one catalog's namespaces: the engines' and the records' (src/i18n) beside the app's own (src/i18n/app).
const resources = APP_RESOURCES;

/** The language to start in: the user's earlier choice, else the browser's, else English. */
export function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'nl') return saved;
  } catch { /* storage blocked: fall through */ }
  const langs = typeof navigator !== 'undefined' ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [];
  for (const l of langs) {
    const base = (l ?? '').slice(0, 2).toLowerCase();
    if (base === 'nl' || base === 'en') return base;
  }
  return 'en';
}

export function setLanguage(lang: Lang): void {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* not remembered */ }
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function initI18n(lang: Lang = initialLanguage()): typeof i18n {
  void i18n.use(appFormatter as unknown as Parameters<typeof i18n.use>[0]).use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    ns: Object.keys(resources.en),
    defaultNS: 'app',
    // Every number said in Dutch with a decimal comma (appFormatter).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
    initAsync: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return i18n;
}

export { i18n };
