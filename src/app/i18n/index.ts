/**
 * i18next with Dutch and English. The app's strings are the `app` namespace (en.ts, nl.ts).
 * Other features add their own namespaces as files named `<namespace>-<lang>.ts` in this folder
 * (e.g. `chart-en.ts`, `chart-nl.ts`), default-exporting a (nested) object of strings; they are
 * picked up here automatically, so `useTranslation('chart')` works without touching this file.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import nl from './nl';
import type { Lang } from '../lib/dates';
import { appFormatter, CATALOG } from '../../i18n/catalog';

export const LANGS: Lang[] = ['en', 'nl'];
const STORAGE_KEY = 'ms-interval-lang';

type Strings = { [k: string]: string | Strings };
// The one catalog's namespaces (engine, records: src/i18n) beside the app's own.
const resources: Record<Lang, Record<string, Strings>> = { en: { app: en, ...CATALOG.en }, nl: { app: nl, ...CATALOG.nl } };

const modules = import.meta.glob<Record<string, unknown>>('./*-*.ts', { eager: true });
for (const [path, mod] of Object.entries(modules)) {
  const m = /\.\/([a-z0-9_]+)-(en|nl)\.ts$/i.exec(path);
  if (!m) continue;
  const [, ns, lang] = m;
  const value = (mod.default ?? mod[lang] ?? Object.values(mod).find((x) => typeof x === 'object')) as Strings | undefined;
  if (value) resources[lang as Lang][ns] = value;
}

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
