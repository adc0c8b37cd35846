/**
 * The app's own strings in the one catalog: the shell's namespace `app` (en.ts, nl.ts) and every
 * pair of files named `<namespace>-en.ts` / `<namespace>-nl.ts` in this folder, picked up
 * automatically, so a new pair works with `useTranslation('<namespace>')` without touching this
 * file. Each file default-exports a (nested) object of strings; the Dutch file is declared
 * `Dutch<typeof xEn>` (./dutch.ts), so the compiler refuses a Dutch file that lacks an English key
 * or has one of its own. The app's i18next (src/app/i18n/index.ts) loads these beside the
 * engine's and records' namespaces (../catalog.ts). Vite's `import.meta.glob`: for the app and its
 * tests, not the command line (which needs only ../catalog.ts).
 */
import { CATALOG } from '../catalog';
import en from './en';
import nl from './nl';

export type AppLang = 'en' | 'nl';
export type Strings = { [k: string]: string | Strings };

/** The namespace pairs found in this folder, by file name. */
const modules = import.meta.glob<{ default?: Strings }>('./*-*.ts', { eager: true });

/** The app's namespaces by language: `app` and one per `<namespace>-<lang>.ts` file. */
export const APP_STRINGS: Record<AppLang, Record<string, Strings>> = { en: { app: en }, nl: { app: nl } };

/** Each namespace file's path by language and namespace (for the test that every pair is complete). */
export const APP_FILES: Record<AppLang, Record<string, string>> = { en: { app: './en.ts' }, nl: { app: './nl.ts' } };

for (const [path, mod] of Object.entries(modules)) {
  const m = /^\.\/([a-z0-9_]+)-(en|nl)\.ts$/i.exec(path);
  if (!m || !mod.default) continue;
  const [, ns, lang] = m as unknown as [string, string, AppLang];
  APP_STRINGS[lang][ns] = mod.default;
  APP_FILES[lang][ns] = path;
}

/** Every namespace the app's i18next holds, by language: the app's own beside the catalog's (engine, records). */
export const APP_RESOURCES: Record<AppLang, Record<string, Strings>> = {
  en: { ...APP_STRINGS.en, ...CATALOG.en },
  nl: { ...APP_STRINGS.nl, ...CATALOG.nl },
};
