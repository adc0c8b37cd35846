/**
 * Issue 18, item 1: what is wrong with a session or backup file is said from the one catalog
 * (namespace `session`), English and Dutch by i18next, instead of an English switch beside a
 * hand-written Dutch twin in the app. Word for word in both languages, from a real file where one
 * is at hand.
 */
import { describe, expect, it } from 'vitest';
import { readSession } from '../../src/app/lib/session';
import { sessionProblemIn, sessionProblemText, settingsProblemIn, type SessionProblem } from '../../src/app/lib/session-problems';
import { catalog } from '../../src/i18n/catalog';
import sessionEn from '../../src/i18n/session-en';

const both = (p: SessionProblem) => [sessionProblemIn(p, 'en'), sessionProblemIn(p, 'nl')];

describe('a session file\'s problems', () => {
  it('from a real file: not JSON, not a session, a newer version', () => {
    const notSession = readSession('{"format": "other"}');
    if (!('error' in notSession)) throw new Error('expected an error');
    expect(notSession.error).toBe('not an MS Interval session file (expected "format": "ms-interval-session")');
    expect(sessionProblemIn(notSession.problem, 'nl')).toBe('geen sessiebestand van MS Interval (verwacht: "format": "ms-interval-session")');
    const newer = readSession('{"format": "ms-interval-session", "formatVersion": 99, "patients": []}');
    if (!('error' in newer)) throw new Error('expected an error');
    expect(newer.error).toBe(sessionProblemText(newer.problem));
    expect(sessionProblemIn(newer.problem, 'nl')).toMatch(/^sessieformaat versie 99 is nieuwer dan deze app begrijpt \(\d+\)$/);
  });

  it('word for word in English and Dutch', () => {
    expect(both({ code: 'settings', problem: { code: 'settings-range', drug: 'natalizumab', field: 'target', min: 2.5, max: 40 } })).toEqual([
      'settings.natalizumab.target must be a number from 2.5 to 40', 'settings.natalizumab.target moet een getal van 2,5 tot 40 zijn']);
    expect(both({ code: 'overrides', where: 'patients[1]', problem: { code: 'settings-reason', max: 500 } })).toEqual([
      'patients[1]: settings.natalizumab.targetReason must be text of 1 to 500 characters', 'patients[1]: settings.natalizumab.targetReason moet tekst van 1 tot 500 tekens zijn']);
    const issue = { code: 'value_negative', severity: 'error' as const, message: 'session:3: value "-3" for a level must be 0 or more', file: 'session', line: 3, params: { context: 'measured', value: '-3', kind: 'level' } };
    expect(both({ code: 'refused', where: 'patients[0]', id: 'P-1', at: '2024-03-04', issue })).toEqual([
      'patients[0] (patient P-1), row of 2024-03-04: value "-3" for a level must be 0 or more',
      'patients[0] (patiënt P-1), rij van 04-03-2024: waarde "-3" van een spiegel moet 0 of meer zijn']);
    expect(both({ code: 'refused', where: 'patients[0]', id: 'P-1', issue })).toEqual([
      'patients[0] (patient P-1): value "-3" for a level must be 0 or more', 'patients[0] (patiënt P-1): waarde "-3" van een spiegel moet 0 of meer zijn']);
    expect(both({ code: 'stored-value', where: 'patients[0]', id: 'P-1', kind: 'level', at: '2024-03-04', stored: { of: 'measured-capillary', lt: '', value: '24.1' }, written: { of: 'measured', lt: '', value: '24.5' } })).toEqual([
      'patients[0] (patient P-1), level of 2024-03-04: the stored value (24.1 capillary) is not what its written form says (24.5); the file was changed by hand or damaged',
      'patients[0] (patiënt P-1), spiegel van 04-03-2024: de opgeslagen waarde (24,1 capillair) is niet wat de geschreven vorm zegt (24,5); het bestand is met de hand veranderd of beschadigd']);
    expect(both({ code: 'stored-value', where: 'patients[0]', id: 'P-1', kind: 'dose', at: '2024-03-04T09:00', stored: { of: 'dose', mg: '300', route: 'iv', min: '60' }, written: { of: 'dose', mg: '300', route: 'sc', min: '1.5' } })).toEqual([
      'patients[0] (patient P-1), dose of 2024-03-04T09:00: the stored value (300 mg iv 60 min) is not what its written form says (300 mg sc 1.5 min); the file was changed by hand or damaged',
      'patients[0] (patiënt P-1), gift van 04-03-2024 09:00: de opgeslagen waarde (300 mg iv 60 min) is niet wat de geschreven vorm zegt (300 mg sc 1,5 min); het bestand is met de hand veranderd of beschadigd']);
    expect(both({ code: 'field', where: 'patients[0]', path: 'record.levels[0].sample', expected: 'sample' })).toEqual([
      'patients[0]: record.levels[0].sample must be venous or capillary', 'patients[0]: record.levels[0].sample moet venous (veneus) of capillary (vingerprik) zijn']);
    expect(both({ code: 'kind-in-list', where: 'patients[0]', path: 'record.levels[1]', kind: 'dose', list: 'levels', expected: 'level' })).toEqual([
      'patients[0]: record.levels[1] is a dose; levels holds only level rows', 'patients[0]: record.levels[1] is een gift; levels bevat alleen rijen van soort spiegel']);
    expect(both({ code: 'too-large', rows: 200001, max: 100000 })).toEqual([
      'the file holds 200001 rows; at most 100000 are read at once', 'het bestand bevat 200001 rijen; er worden er hoogstens 100000 tegelijk gelezen']);
    expect(settingsProblemIn({ code: 'settings-sample' }, 'nl')).toBe('settings.natalizumab.nextTroughSample moet venous (veneus) of capillary (vingerprik) zijn');
  });

  it('every sentence of the namespace has a Dutch one with the same parameters', () => {
    const leaves = (tree: object, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
    const params = (t: string) => [...t.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
    const keys = leaves(sessionEn);
    expect(keys.length).toBeGreaterThan(30);
    for (const k of keys) {
      const nl = catalog.getResource('nl', 'session', k) as unknown;
      expect(nl, k).toBeTypeOf('string');
      expect(params(nl as string), k).toEqual(params(catalog.getResource('en', 'session', k) as string));
      // A place and its problem, and a row's values (numbers and units), read the same in both.
      if (!/^(overrides|meaning\.(?!measured-capillary))/.test(k)) expect(nl, k).not.toBe(catalog.getResource('en', 'session', k));
    }
  });
});
