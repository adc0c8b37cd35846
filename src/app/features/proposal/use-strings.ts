/**
 * Strings for the chart, card, print report and calendar, in the app's current language.
 * Uses the app's i18next instance (react-i18next context or the instance set by initReactI18next)
 * and adds our bundles to it when the shell has not merged them yet; with no i18next set up at all
 * (a test, a harness) a private English/Dutch instance is used, so the components always render text.
 */
import { useContext, useMemo } from 'react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nContext, getI18n, useTranslation } from 'react-i18next';
import chartEn from '../../../i18n/app/chart-en';
import chartNl from '../../../i18n/app/chart-nl';
import proposalEn from '../../../i18n/app/proposal-en';
import proposalNl from '../../../i18n/app/proposal-nl';
import walkEn from '../../../i18n/app/walk-en';
import walkNl from '../../../i18n/app/walk-nl';
import wearingEn from '../../../i18n/app/wearing-en';
import wearingNl from '../../../i18n/app/wearing-nl';

export type Namespace = 'chart' | 'proposal' | 'walk' | 'wearing';

const BUNDLES: Record<Namespace, { en: object; nl: object }> = {
  chart: { en: chartEn, nl: chartNl },
  proposal: { en: proposalEn, nl: proposalNl },
  walk: { en: walkEn, nl: walkNl },
  wearing: { en: wearingEn, nl: wearingNl },
};

/** Add the chart and proposal bundles to an i18next instance (idempotent). */
export function addBundles(i18n: I18n): void {
  for (const ns of Object.keys(BUNDLES) as Namespace[]) {
    for (const lng of ['en', 'nl'] as const) {
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, BUNDLES[ns][lng], true, false);
    }
  }
}

let fallback: I18n | null = null;
function fallbackInstance(): I18n {
  if (!fallback) {
    fallback = i18next.createInstance();
    void fallback.init({ lng: 'en', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false }, resources: {} });
    addBundles(fallback);
  }
  return fallback;
}

/** A translate function with plain string keys (the bundles are plain objects). */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface Strings {
  t: Translate;
  lang: string;
  i18n: I18n;
}

/** `t` for a namespace, and the current language code. */
export function useStrings(ns: Namespace): Strings {
  const ctx = useContext(I18nContext);
  const global = getI18n();
  const app = ctx?.i18n ?? global;
  const usable = !!app && app.isInitialized;
  const i18n = usable ? app : fallbackInstance();
  addBundles(i18n);
  // Subscribes to language changes when the app instance is in use.
  const { t: raw } = useTranslation(ns, { i18n });
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const t = useMemo<Translate>(() => (key, vars) => String((raw as unknown as (k: string, v?: object) => unknown)(key, vars)), [raw]);
  return { t, lang, i18n };
}

