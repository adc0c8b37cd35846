/**
 * Issue 18, item 2: the FHIR reader returns codes with parameters (no sentence of its own); its
 * English (the command line's) and Dutch come from the one catalog (namespace `fhirread`), with the
 * place (entry, resource, element path) kept as written. Before, the Dutch was a table of patterns
 * over the core's English, and what it did not know stayed English.
 */
import { describe, expect, it } from 'vitest';
import { readFhirText } from '../../src/core/fhir/index';
import type { Issue } from '../../src/core/types';
import { catalog } from '../../src/i18n/catalog';
import fhirreadEn from '../../src/i18n/fhirread-en';
import { fhirIssueText, fhirPlaced, fhirSentence } from '../../src/i18n/fhir-text';
import { issueText } from '../../src/i18n/sentences';

const U = 'http://unitsofmeasure.org';
const LEVEL = { coding: [{ system: 'urn:ms-interval:code', code: 'natalizumab-serum' }] };
const WEIGHT = { coding: [{ system: 'http://loinc.org', code: '29463-7' }] };
const HB = { coding: [{ system: 'http://loinc.org', code: '718-7' }] };
const NAT = { coding: [{ system: 'http://www.whocc.no/atc', code: 'L04AG03' }] };
const T = '2024-03-04T08:45:00+01:00';
const obs = (id: string, subject: string, code: object, extra: Record<string, unknown> = {}) =>
  ({ resourceType: 'Observation', id, status: 'final', subject: { reference: subject }, code, effectiveDateTime: T, ...extra });
const resources: Record<string, unknown>[] = [
  { resourceType: 'Patient', id: 'w', identifier: [{ system: 'urn:ms-interval:patient-id', value: 'W-1' }] },
  obs('w1', 'Patient/w', WEIGHT, { valueQuantity: { value: 70, unit: 'kg', system: U, code: 'kg' } }),
  { resourceType: 'Patient', id: 'q' },
  obs('q1', 'Patient/q', WEIGHT, { valueQuantity: { value: 70, unit: 'kg', system: U, code: 'kg', comparator: '<' } }),
  obs('q2', 'Patient/q', LEVEL, { valueQuantity: { value: 20, unit: 'mg/dL', system: U, code: 'mg/dL' } }),
  obs('q7', 'urn:uuid:e1', LEVEL),
  obs('q10', '#sp', LEVEL, { contained: [{ resourceType: 'Specimen', id: 'sp' }] }),
  obs('q12', 'urn:uuid:empty', LEVEL),
  obs('x1', 'Patient/q', LEVEL, { status: 'preliminary' }), obs('x2', 'Patient/q', LEVEL, { status: 'cancelled' }),
  obs('h1', 'Patient/q', HB), obs('h2', 'Patient/q', HB),
  { resourceType: 'MedicationAdministration', id: 'm6', status: 'completed', subject: { reference: 'Patient/q' }, medicationCodeableConcept: NAT, effectiveDateTime: T, dosage: { dose: { value: 300 } } },
  { resourceType: 'MedicationAdministration', id: 'm8', status: 'completed', subject: { reference: 'Patient/q' }, medicationCodeableConcept: NAT, effectivePeriod: { start: T, end: 'tomorrow' }, dosage: { dose: { value: 300, unit: 'mg', system: U, code: 'mg' } } },
  { resourceType: 'Encounter', id: 'e1' }, { resourceType: 'Encounter', id: 'e2' }, { resourceType: 'Condition', id: 'c' },
];
const entry = (r: Record<string, unknown>) => (r.id === 'empty' ? { fullUrl: 'urn:uuid:empty' } : { fullUrl: `urn:uuid:${String(r.id)}`, resource: r });
const bundle = { resourceType: 'Bundle', type: 'collection', entry: [...resources.map(entry), { fullUrl: 'urn:uuid:empty' }] };
const read = readFhirText(JSON.stringify(bundle), { fileName: 'e.json', timeZone: 'Europe/Amsterdam' });
const all: Issue[] = [...read.issues, ...read.patients.flatMap((p) => p.issues)].filter((i) => i.code.startsWith('fhir_'));
const at = (where: string) => all.find((i) => i.where === where) ?? (() => { throw new Error(`no issue at ${where}: ${all.map((i) => i.where).join(' / ')}`); })();
const ignored = (variant: string, type?: string) => all.find((i) => i.code === 'fhir_ignored' && i.variant === variant && (type === undefined || i.params?.type === type))!;

describe('the FHIR reader says a problem by code', () => {
  it('with a variant and params, its English message being the catalog\'s', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const i of all) {
      expect(i.params, i.message).toBeTypeOf('object');
      expect(fhirIssueText(i, 'en'), i.message).toBe(i.message);
      expect(fhirPlaced(i.file!, i.where, fhirSentence(i.code, i.variant, i.params!, 'en')!)).toBe(i.message);
    }
  });

  it('word for word in English (as the command line writes it) and in Dutch', () => {
    const cases: [Issue, string, string][] = [
      [at('entry 1 Observation/w1'),
        'e.json: entry 1 Observation/w1: a body weight of patient "W-1", who has no natalizumab or ocrelizumab administration, level or CD19 count: not read',
        'e.json: entry 1 Observation/w1: een lichaamsgewicht van patiënt "W-1", die geen toediening, spiegel of CD19-telling van natalizumab of ocrelizumab heeft: niet gelezen'],
      [at('entry 3 Observation/q1 valueQuantity.comparator'),
        'e.json: entry 3 Observation/q1 valueQuantity.comparator "<" for a body weight is not read: no comparator is accepted',
        'e.json: entry 3 Observation/q1 valueQuantity.comparator "<" voor een lichaamsgewicht wordt niet gelezen: geen vergelijkingsteken wordt geaccepteerd'],
      [at('entry 4 Observation/q2 valueQuantity.unit'),
        'e.json: entry 4 Observation/q2 valueQuantity.unit "mg/dL" for a natalizumab level: use ug/mL, mg/L or ng/mL',
        'e.json: entry 4 Observation/q2 valueQuantity.unit "mg/dL" voor een natalizumabspiegel: gebruik ug/mL, mg/L of ng/mL'],
      [at('entry 5 Observation/q7 subject.reference'),
        'e.json: entry 5 Observation/q7 subject.reference "urn:uuid:e1" is a Encounter, not a Patient: whose Observation it is cannot be known; it is not read',
        'e.json: entry 5 Observation/q7 subject.reference "urn:uuid:e1" is een Encounter, geen Patient: van wie deze Observation is, is niet te weten; hij wordt niet gelezen'],
      [at('entry 6 Observation/q10 subject.reference'),
        'e.json: entry 6 Observation/q10 subject.reference "#sp" is a Specimen, not a Patient: whose Observation it is cannot be known; it is not read',
        'e.json: entry 6 Observation/q10 subject.reference "#sp" is een Specimen, geen Patient: van wie deze Observation is, is niet te weten; hij wordt niet gelezen'],
      [at('entry 12 MedicationAdministration/m6 dosage.dose.unit'),
        'e.json: entry 12 MedicationAdministration/m6 dosage.dose.unit is missing: a natalizumab dose needs mg (UCUM)',
        'e.json: entry 12 MedicationAdministration/m6 dosage.dose.unit ontbreekt: een natalizumabgift heeft mg nodig (UCUM)'],
      [at('entry 13 MedicationAdministration/m8 effectivePeriod.end'),
        'e.json: entry 13 MedicationAdministration/m8 effectivePeriod.end "tomorrow" is not a date and time: write YYYY-MM-DDThh:mm:ss with the zone offset, e.g. 2024-03-05T09:30:00+01:00',
        'e.json: entry 13 MedicationAdministration/m8 effectivePeriod.end "tomorrow" is geen datum en tijd: schrijf JJJJ-MM-DDTuu:mm:ss met de tijdzoneverschuiving, bijv. 2024-03-05T09:30:00+01:00'],
      [ignored('status'),
        'e.json: 2 Observation resources skipped for their status (1 preliminary, 1 cancelled)',
        'e.json: 2 Observation-resources overgeslagen vanwege de status (1 preliminary, 1 cancelled)'],
      [ignored('other-observations'),
        'e.json: 2 other observations ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)',
        'e.json: 2 andere observaties genegeerd (codes niet gekoppeld aan een natalizumabspiegel, een CD19-telling, een lichaamsgewicht of een melding van wearing-off)'],
      [ignored('type', 'Condition'), 'e.json: 1 Condition resource ignored', 'e.json: 1 Condition-resource genegeerd'],
      [ignored('type', 'Encounter'), 'e.json: 2 Encounter resources ignored', 'e.json: 2 Encounter-resources genegeerd'],
    ];
    for (const [issue, en, nl] of cases) {
      expect(issue.message).toBe(en);
      expect(issueText(issue, 'en')).toBe(en);
      expect(issueText(issue, 'nl')).toBe(nl);
    }
    const empty = all.find((i) => i.where === 'entry 7 Observation/q12 subject.reference')!;
    expect(issueText(empty, 'nl')).toBe('e.json: entry 7 Observation/q12 subject.reference "urn:uuid:empty" is een entry zonder resource, geen Patient: van wie deze Observation is, is niet te weten; hij wordt niet gelezen');
  });

  it('a file that cannot be read at all, in both languages', () => {
    const type = readFhirText('{"resourceType": "Bundle", "type": "document"}', { fileName: 'f.json' }).issues[0];
    expect([type.code, type.variant, type.params]).toEqual(['fhir_bundle_type', 'type', { type: 'document' }]);
    expect(type.message).toBe('f.json: Bundle of type "document" is not read: give a Bundle of type collection, transaction, batch or searchset, or a list of resources');
    expect(issueText(type, 'nl')).toBe('f.json: een Bundle van type "document" wordt niet gelezen: geef een Bundle van type collection, transaction, batch of searchset, of een lijst resources');
    const notFhir = readFhirText('{"patients": []}', { fileName: 'f.json' }).issues[0];
    expect(issueText(notFhir, 'nl')).toBe('f.json: JSON, maar geen FHIR: verwacht een Bundle (resourceType "Bundle") of een lijst resources, elk met een resourceType');
  });

  it('an issue saved before the codes (params { where, text }) is shown as it was written', () => {
    const old: Issue = { code: 'fhir_unit', severity: 'error', message: 'b.json: entry 2 Observation/o valueQuantity.unit "U/L" for a natalizumab level: use ug/mL, mg/L or ng/mL', file: 'b.json', where: 'entry 2 Observation/o valueQuantity.unit', params: { where: 'entry 2 Observation/o valueQuantity.unit', text: '"U/L" for a natalizumab level: use ug/mL, mg/L or ng/mL' } };
    expect(issueText(old, 'nl')).toBe(old.message);
    expect(issueText({ ...old, code: 'fhir_status' }, 'nl')).toBe(old.message);
  });

  it('the catalog has every FHIR sentence in both languages with the same parameters', () => {
    const leaves = (tree: object, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
    const keys = leaves(fhirreadEn);
    expect(keys.length).toBeGreaterThan(40);
    const params = (t: string) => [...t.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
    for (const k of keys) {
      const en = catalog.getResource('en', 'fhirread', k) as string;
      const nl = catalog.getResource('nl', 'fhirread', k) as unknown;
      expect(nl, k).toBeTypeOf('string');
      expect(params(nl as string), k).toEqual(params(en));
    }
  });

  it('a records check on a resource names the other resource as an entry, in Dutch too (not "regel")', () => {
    const dose = (id: string, t: string) => ({ resourceType: 'MedicationAdministration', id, status: 'completed', subject: { reference: 'Patient/p' }, medicationCodeableConcept: NAT, effectiveDateTime: t, dosage: { dose: { value: 300, unit: 'mg', system: U, code: 'mg' } } });
    const level = (id: string, v: number) => obs(id, 'Patient/p', LEVEL, { effectiveDateTime: '2024-03-04T08:45:00+01:00', valueQuantity: { value: v, unit: 'ug/mL', system: U, code: 'ug/mL' } });
    const rs = [{ resourceType: 'Patient', id: 'p', identifier: [{ system: 'urn:ms-interval:patient-id', value: 'P-1' }] },
      dose('d1', '2024-01-08T09:00:00+01:00'), dose('d2', '2024-01-08T09:00:00+01:00'), dose('d3', '2024-02-05T09:00:00+01:00'), level('l1', 20), level('l2', 25)];
    const r = readFhirText(JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: rs.map((x) => ({ fullUrl: `urn:uuid:${x.id}`, resource: x })) }), { fileName: 'r.json', timeZone: 'Europe/Amsterdam' });
    const issues = r.patients[0].issues;
    const dup = issues.find((i) => i.code === 'dose_duplicate')!;
    expect(dup.message).toBe('r.json: entry 2 MedicationAdministration/d2: a second dose at 2024-01-08T09:00 for this patient (the first is on entry 1): two doses cannot start at the same time; remove the duplicate or correct the time');
    expect(issueText(dup, 'nl')).toBe('r.json: entry 2 MedicationAdministration/d2 effectiveDateTime: een tweede gift op 08-01-2024 09:00 bij deze patiënt (de eerste staat op entry 1): twee giften kunnen niet op hetzelfde moment beginnen; verwijder de dubbele of verbeter het tijdstip');
    const two = issues.find((i) => i.code === 'sample_duplicate')!;
    expect(two.message).toBe('r.json: entry 5 Observation/l2: two levels at 2024-03-04T08:45 (the other is on entry 4) with different values: both are used; check whether one is a mistake');
    expect(issueText(two, 'nl')).toBe('r.json: entry 5 Observation/l2 effectiveDateTime: twee spiegels op 04-03-2024 08:45 (de andere staat op entry 4) met verschillende waarden: beide worden gebruikt; controleer of er een vergissing is');
  });
});
