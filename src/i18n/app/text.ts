/**
 * The app's sentences outside React, for the files the app writes (the `.ics` calendar file): an
 * i18next over the same resources and the same number rule as the screen's (src/app/i18n/index.ts),
 * so a file says a thing word for word as the screen does, in the user's language. Values are put
 * in as given (no HTML escaping: these are files, not markup); a number gets a decimal comma in
 * Dutch (the catalog's `appFormatter`).
 */
import i18next, { type TFunction } from 'i18next';
import { appFormatter, catalogLang } from '../catalog';
import { APP_RESOURCES } from './index';

/** The instance (exported for tests that change a sentence and see the file follow). */
export const appI18n = i18next.createInstance();
appI18n.use(appFormatter as unknown as Parameters<typeof appI18n.use>[0]);
void appI18n.init({
  resources: APP_RESOURCES,
  lng: 'en',
  fallbackLng: 'en',
  ns: Object.keys(APP_RESOURCES.en),
  defaultNS: 'app',
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof appI18n.init>[0]);

/** The app's `t` in a language (`nl` for any Dutch tag, else English): `appText('nl')('proposal:ics.infusion', { id })`. */
export function appText(lang: string | undefined): TFunction {
  return appI18n.getFixedT(catalogLang(lang));
}
