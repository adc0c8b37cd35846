/**
 * The app's own strings in the one catalog (src/i18n/app): every namespace has an English and a
 * Dutch file with exactly the same keys at every depth, and the compiler checks it (each Dutch
 * file is declared `Dutch<typeof xEn>`); the app's i18next serves them beside the engine's and
 * records' namespaces.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { APP_FILES, APP_STRINGS, type Strings } from '../../src/i18n/app/index';
import type { Dutch } from '../../src/i18n/app/dutch';
import fhirEn from '../../src/i18n/app/fhir-en';
import fhirNl from '../../src/i18n/app/fhir-nl';
import { initI18n } from '../../src/app/i18n/index';

const DIR = 'src/i18n/app';

/** Every key path (`export.done_one`) of a strings tree; a value that is not a string is named too. */
function keyPaths(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix];
  if (typeof tree !== 'object' || tree === null) return [`${prefix} (not a string: ${String(tree)})`];
  return Object.entries(tree).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** What the Dutch tree lacks (`missing x.y`) and what it has that English has not (`extra x.z`). */
function keyDifferences(en: unknown, nl: unknown): string[] {
  const e = new Set(keyPaths(en));
  const n = new Set(keyPaths(nl));
  return [...[...e].filter((k) => !n.has(k)).map((k) => `missing ${k}`), ...[...n].filter((k) => !e.has(k)).map((k) => `extra ${k}`)];
}

const placeholders = (t: string) => [...new Set([...t.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1]))].sort();
function leaves(tree: Strings, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`)));
}

describe('the app\'s namespaces in the catalog', () => {
  it('the key comparison finds a missing and an extra Dutch key at any depth', () => {
    expect(keyDifferences({ a: { b: 'x', c: 'y' }, d: 'z' }, { a: { b: 'x' }, d: 'z', e: 'w' })).toEqual(['missing a.c', 'extra e']);
    expect(keyDifferences({ a: { b: 'x' } }, { a: 'x' })).toEqual(['missing a.b', 'extra a']);
    expect(keyDifferences({ a: { b: 'x' } }, { a: { b: 'y' } })).toEqual([]);
  });

  it('every Dutch namespace has exactly the English keys, nested', () => {
    const namespaces = Object.keys(APP_STRINGS.en).sort();
    expect(Object.keys(APP_STRINGS.nl).sort()).toEqual(namespaces);
    expect(namespaces.length).toBeGreaterThanOrEqual(11);
    for (const ns of namespaces) expect(keyDifferences(APP_STRINGS.en[ns], APP_STRINGS.nl[ns]), ns).toEqual([]);
  });

  it('every Dutch sentence fills the same {{placeholders}} as its English one', () => {
    for (const ns of Object.keys(APP_STRINGS.en)) {
      const nl = new Map(leaves(APP_STRINGS.nl[ns]));
      for (const [key, en] of leaves(APP_STRINGS.en[ns])) expect(placeholders(nl.get(key) ?? ''), `${ns}:${key}`).toEqual(placeholders(en));
    }
  });

  it('every `<namespace>-<lang>.ts` file of the folder is picked up, in both languages', () => {
    const files = readdirSync(DIR).filter((f) => /^[a-z0-9_]+-(en|nl)\.ts$/i.test(f)).sort();
    const picked = [...Object.values(APP_FILES.en), ...Object.values(APP_FILES.nl)].map((p) => p.replace('./', '')).sort();
    expect(picked).toEqual([...files, 'en.ts', 'nl.ts'].sort());
    for (const f of files) expect(files, `${f} has its twin`).toContain(f.replace(/-(en|nl)\.ts$/, (_m, l: string) => (l === 'en' ? '-nl.ts' : '-en.ts')));
  });

  it('every Dutch file is declared Dutch<typeof its English file>, so the compiler checks its keys', () => {
    for (const [ns, path] of Object.entries(APP_FILES.nl)) {
      const src = readFileSync(`${DIR}/${path.replace('./', '')}`, 'utf8');
      const enFile = APP_FILES.en[ns].replace(/\.ts$/, '');
      const m = /^import type (\w+) from '([^']+)';$/m.exec(src);
      expect(m?.[2], `${path} imports the type of ${enFile}`).toBe(enFile);
      expect(src, path).toMatch(new RegExp(`^const \\w+: Dutch<typeof ${m![1]}> = \\{$`, 'm'));
      expect(src, `${path} exports that object`).toMatch(/^export default \w+;$/m);
    }
  });

  it('the compiler refuses a Dutch file with a key missing or a key of its own (tsc -b checks this file)', () => {
    const { button: _button, ...exportWithoutButton } = fhirNl.export;
    // @ts-expect-error: `export.button` is missing
    const missing: Dutch<typeof fhirEn> = { ...fhirNl, export: exportWithoutButton };
    // @ts-expect-error: `export.extra` is not an English key
    const extra: Dutch<typeof fhirEn> = { ...fhirNl, export: { ...fhirNl.export, extra: 'x' } };
    // @ts-expect-error: `export.button` must be a sentence, not a group
    const group: Dutch<typeof fhirEn> = { ...fhirNl, export: { ...fhirNl.export, button: { text: 'x' } } };
    const whole: Dutch<typeof fhirEn> = { ...fhirNl };
    expect(keyDifferences(fhirEn, missing)).toEqual(['missing export.button']);
    expect(keyDifferences(fhirEn, extra)).toEqual(['extra export.extra']);
    expect(keyDifferences(fhirEn, group)).toEqual(['missing export.button', 'extra export.button.text']);
    expect(keyDifferences(fhirEn, whole)).toEqual([]);
  });

  it('the app\'s i18next serves each namespace of the folder and the catalog\'s own, in both languages', () => {
    const i18n = initI18n('nl');
    expect(i18n.t('fhir:export.button')).toBe('Exporteren als FHIR');
    expect(i18n.t('app:nav.settings')).toBe('Instellingen');
    expect(i18n.t('fhir:export.button', { lng: 'en' })).toBe(fhirEn.export.button);
    for (const ns of [...Object.keys(APP_STRINGS.en), 'engine', 'records']) expect(i18n.hasLoadedNamespace(ns), ns).toBe(true);
  });
});
