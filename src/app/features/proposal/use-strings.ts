/**
 * Strings for the chart, card, print report and calendar, in the app's current language.
 * Uses the app's i18next instance (react-i18next context or the instance set by initReactI18next)
 * and adds the app's namespaces of the catalog to it when the shell has not merged them yet; with no
 * i18next set up at all (a test, a harness) the catalog's own instance (src/i18n/app/text.ts) is
 * used, so the components always render text.
 */
import { useContext, useMemo } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nContext, getI18n, useTranslation } from 'react-i18next';
import { APP_STRINGS } from '../../../i18n/app/index';
import { appI18n } from '../../../i18n/app/text';

export type Namespace = 'chart' | 'proposal' | 'walk' | 'walk2' | 'wearing';

/** Add the app's namespaces of the catalog (src/i18n/app) to an i18next instance that lacks them (idempotent). */
export function addBundles(i18n: I18n): void {
  for (const lng of ['en', 'nl'] as const) {
    for (const [ns, strings] of Object.entries(APP_STRINGS[lng])) {
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, strings, true, false);
    }
  }
}

/** With no i18next set up (a test, a harness): the catalog's own instance, every namespace, the same number rule. */
function fallbackInstance(): I18n {
  return appI18n;
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

