/**
 * The Dutch screen keeps to the glossary (docs/glossary.md, "one word for one thing"): no word of
 * its "not" column in any Dutch string the app or the core shows (the command line's own namespace
 * aside), and the lab's limit is "meetgrens" everywhere (session 9's walk found "labgrens" on the
 * chart, "Detectiegrens" and "Herhaaldosis" in the settings, "dosis" in the change list).
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { APP_STRINGS } from '../../src/i18n/app/index';
import { CATALOG } from '../../src/i18n/catalog';

type Tree = { [k: string]: string | Tree };
function leaves(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree as Tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** The glossary's "not" column: words the Dutch text must not use. */
function notWords(): string[] {
  const rows = readFileSync('docs/glossary.md', 'utf8').split('\n').filter((l) => l.startsWith('|') && !l.includes('---'));
  return rows.slice(1).flatMap((l) => (l.split('|')[3] ?? '').split(',')).map((w) => w.trim().toLowerCase()).filter(Boolean);
}

it('no Dutch string on screen uses a word the glossary rules out, and no other word for the lab\'s limit', () => {
  // "capillair" stays beside "vingerprik" as its technical name ("vingerprik (capillair)"), and in the FHIR messages about specimens.
  const banned = [...notWords().filter((w) => w !== 'capillair'), 'labgrens'];
  expect(banned).toContain('detectiegrens');
  const dutch: [string, string][] = [
    ...Object.entries(APP_STRINGS.nl as Record<string, unknown>).flatMap(([ns, tree]) => leaves(tree, ns)),
    ...Object.entries(CATALOG.nl).filter(([ns]) => ns !== 'cli').flatMap(([ns, tree]) => leaves(tree, ns)),
  ];
  const found: string[] = [];
  for (const [key, text] of dutch) {
    const lower = text.toLowerCase();
    for (const w of banned) if (new RegExp(`(^|[^\\p{L}-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(lower)) found.push(`${key}: "${w}" in "${text}"`);
  }
  expect(found).toEqual([]);
});
