/**
 * The one message catalog: every sentence the core stands behind, English and Dutch, by namespace:
 * `engine` (the engines' warnings, reasons and protocols), `records` (the records module's row and
 * file messages), `fhirread` (the FHIR reader's), `fhirnote` (what the FHIR writer puts into the
 * record in words), `session` (what is wrong with a session or backup file) and `cli` (the command
 * line's own messages: usage, option and file errors); rendered by
 * i18next for the app (screen, card, print, exports), the worker and the command line alike. The
 * app's own strings are the namespaces of ./app.
 * The core returns codes with parameters (`Issue.code/variant/params`, `reasonCode/reasonParams`,
 * …); this module says them in a language. Outside src/app and free of React and the DOM, so the
 * CLI and the core's English `message` fields use it too.
 *
 * Parameters are shown in the language's form unless a template says otherwise: a `YYYY-MM-DD`
 * date (or `YYYY-MM-DDTHH:MM`) as dd-mm-jjjj in Dutch, a number (or a number written as text,
 * `7.6`, `<0.5`) with a decimal comma in Dutch; English shows them as given. Named formats:
 * `raw` (as written), `typed` (a number to type, in the file's dialect), `term` (a key of the engine's `terms`), `kind`, `hint`, `units` (the
 * records' words for a record kind), `lineref`/`otherline` (a line reference, or nothing), `what`
 * (the FHIR reader's words for what a resource was read as), `list` (`a|b|c` as `a, b or c`),
 * `expected` (what a session file's field must be), `spaced` (a date-time with a space for the `T`),
 * `month` (`YYYY-MM`, mm-jjjj in Dutch).
 */
import i18next, { type i18n as I18n } from 'i18next';
import engineEn from './engine-en';
import engineNl from './engine-nl';
import recordsEn from './records-en';
import recordsNl from './records-nl';
import fhirreadEn from './fhirread-en';
import fhirreadNl from './fhirread-nl';
import sessionEn from './session-en';
import sessionNl from './session-nl';
import fhirnoteEn from './fhirnote-en';
import fhirnoteNl from './fhirnote-nl';
import cliEn from './cli-en';
import cliNl from './cli-nl';
import { catalogDate, catalogNumberText, unitLabel } from './display';

export type CatalogLang = 'en' | 'nl';
/** Parameters of a sentence: dates `YYYY-MM-DD`, numbers as numbers or as the text shown. */
export type Params = Record<string, string | number | undefined>;

/** The catalog's resources by language and namespace (also merged into the app's i18next). */
export const CATALOG = {
  en: { engine: engineEn, records: recordsEn, fhirread: fhirreadEn, session: sessionEn, fhirnote: fhirnoteEn, cli: cliEn },
  nl: { engine: engineNl, records: recordsNl, fhirread: fhirreadNl, session: sessionNl, fhirnote: fhirnoteNl, cli: cliNl },
} as const;
export type CatalogNamespace = keyof (typeof CATALOG)['en'];

/** `nl` for any Dutch language tag, else `en`. */
export function catalogLang(lang: string | undefined): CatalogLang {
  return lang && lang.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

const ex = (dialect: unknown, dotted: string) => (dialect === 'semicolon' ? dotted.replace('.', ',') : dotted);

/**
 * Formats that need a phrase of the catalog (a kind, a hint, a line reference) take it from a
 * second i18next over the same resources: i18next's interpolation is not re-entrant, so a phrase
 * must not be rendered by the instance that is in the middle of a sentence.
 */
function formatValue(instance: I18n, value: unknown, format: string | undefined, lng: string | undefined, options: Record<string, unknown>): unknown {
  const l = catalogLang(lng);
  switch (format) {
    case undefined:
      if (value === undefined || value === null) return undefined;
      if (l === 'en') return String(value);
      if (typeof value === 'number') return String(value).replace('.', ',');
      return catalogNumberText(catalogDate(String(value), l), l);
    case 'raw': return value === undefined || value === null ? undefined : String(value);
    // A number to type: with a decimal comma where the file (or the Dutch form) takes one.
    case 'typed': return value === undefined || value === null ? undefined : ex(options.dialect, String(value));
    case 'term': return termText(instance, value, l);
    case 'kind': return value === undefined ? undefined : instance.t(`records:kinds.${String(value)}`, { lng: l, defaultValue: String(value) });
    case 'hint': {
      if (value === undefined) return undefined;
      const example = ex(options.dialect, value === 'level' ? '24.1' : '71.5');
      return instance.t(`records:hints.${String(value)}`, { lng: l, example, interpolation: { escapeValue: false } });
    }
    case 'units': return value === undefined ? undefined : instance.t(`records:units.${String(value)}`, { lng: l });
    case 'unit': return value === undefined ? undefined : unitText(String(value), l);
    // The FHIR reader's: what a resource was read as, and a list of units (`a|b|c` → `a, b or c`).
    case 'what': return value === undefined ? undefined : instance.t(`fhirread:what.${String(value)}`, { lng: l, defaultValue: String(value) });
    case 'list': {
      if (value === undefined) return undefined;
      const items = String(value).split('|');
      return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')}${instance.t('fhirread:list-or', { lng: l })}${items[items.length - 1]}`;
    }
    // A month `YYYY-MM` (as given in English; mm-jjjj in Dutch, as its dates).
    case 'month': return value === undefined ? undefined : l === 'en' ? String(value) : String(value).replace(/^(\d{4})-(\d{2})$/, '$2-$1');
    // A date and time with a space for the `T` (`2024-06-03 09:00`; dd-mm-jjjj uu:mm in Dutch).
    case 'spaced': return value === undefined ? undefined : l === 'en' ? String(value).replace('T', ' ') : catalogDate(String(value), l);
    // What a session file's field must be (a key of the session namespace's `expected`).
    case 'expected': return value === undefined ? undefined : instance.t(`session:expected.${String(value)}`, { lng: l, defaultValue: String(value) });
    // A line reference (`entries`: a FHIR Bundle's rows are its entries, named so).
    case 'lineref': case 'otherline': case 'linelabel':
      if (value === undefined || value === null || value === '') return format === 'linelabel' ? undefined : '';
      return instance.t(`records:${format}${options.entries ? '_entry' : ''}`, { lng: l, line: String(value) });
    default: return undefined;
  }
}

function termText(instance: I18n, value: unknown, l: CatalogLang): string | undefined {
  if (value === undefined) return undefined;
  const key = `engine:terms.${String(value)}`;
  return instance.exists(key, { lng: l, fallbackLng: false }) ? instance.t(key, { lng: l }) : undefined;
}

/** A unit as a Dutch clinic writes it (µ, not u; cellen); English as given. */
export function unitText(unit: string, lang: string | undefined): string {
  return catalogLang(lang) === 'en' ? unit : unitLabel(unit, 'nl');
}

function createCatalog(phrases?: I18n): I18n {
  const instance = i18next.createInstance();
  // i18next's formatter module: every parameter goes through `formatValue` (alwaysFormat).
  instance.use({
    type: 'formatter',
    init: () => undefined,
    add: () => undefined,
    addCached: () => undefined,
    format: (value: unknown, format: string | undefined, lng: string | undefined, options: Record<string, unknown>) =>
      formatValue(phrases ?? instance, value, format, lng, options ?? {}),
  } as unknown as Parameters<I18n['use']>[0]);
  void instance.init({
    resources: CATALOG as unknown as Record<string, Record<string, object>>,
    lng: 'en',
    fallbackLng: false,
    ns: Object.keys(CATALOG.en),
    defaultNS: 'engine',
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    showSupportNotice: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
  } as Parameters<I18n['init']>[0]);
  return instance;
}

/**
 * The app's i18next formatter (src/app/i18n/index.ts): every number a Dutch sentence is given
 * gets a decimal comma (`Gewicht {{kg}} kg` with 68.5 → `Gewicht 68,5 kg`); text parameters,
 * already formatted by the caller, stay as given.
 */
export const appFormatter = {
  type: 'formatter' as const,
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format: string | undefined, lng: string | undefined): unknown =>
    typeof value === 'number' && catalogLang(lng) === 'nl' ? String(value).replace('.', ',') : value,
};

/** The catalog's own i18next (the app's i18next holds the same resources as namespaces too). */
export const catalog: I18n = createCatalog(createCatalog());

/**
 * Whether the catalog has a sentence (a template, not a group) at `ns:key` in the language: the
 * key itself, its `key_context` (i18next's context) or its plural forms.
 */
export function hasText(ns: CatalogNamespace, key: string, lang: string | undefined, context?: unknown): boolean {
  const l = catalogLang(lang);
  const is = (k: string) => typeof catalog.getResource(l, ns, k) === 'string';
  return is(key) || is(`${key}_other`) || (context !== undefined && is(`${key}_${String(context)}`));
}

/**
 * The sentence at `ns:key` with `params` in the language, or null when the key is missing or a
 * parameter it needs is not given (so a caller can fall back to the text it has).
 */
export function renderText(ns: CatalogNamespace, key: string, params: Params | undefined, lang: string | undefined): string | null {
  if (!hasText(ns, key, lang, params?.context)) return null;
  let missing = false;
  const p: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined) p[k] = v;
  const text = catalog.t(key, {
    ...p,
    ns,
    lng: catalogLang(lang),
    missingInterpolationHandler: () => { missing = true; return ''; },
  } as Record<string, unknown>) as unknown as string;
  // i18next gives the key back when no form fits (a plural-looking key `x_other` without its count): no sentence.
  return missing || text === key ? null : text;
}

/** The English sentence at `ns:key` (the core's `message`, the CLI's `reason`); throws when a parameter is missing. */
export function englishText(ns: CatalogNamespace, key: string, params: Params): string {
  const text = renderText(ns, key, params, 'en');
  if (text === null) throw new Error(`catalog: no English text for ${ns}:${key} with ${JSON.stringify(params)}`);
  return text;
}
