/**
 * A sense check on a FHIR resource keeps its place (entry, resource, element path) in the Dutch
 * text too: the records module's Dutch sentences name a CSV line, a Bundle has entries instead.
 */
import { describe, expect, it } from 'vitest';
import { readFhirText } from '../../../../src/core/fhir/index';
import { issueText } from '../../../../src/i18n/sentences';
import { badBundle } from '../../../core/fhir/bad-bundle';

describe('FHIR issues in the app', () => {
  const r = readFhirText(JSON.stringify(badBundle()), { fileName: 'b.json', timeZone: 'Europe/Amsterdam' });
  const issue = r.patients.find((p) => p.id === 'bad')!.issues.find((i) => i.code === 'level_implausible')!;
  it('name entry, path and value in English (the core\'s message)', () => {
    expect(issueText(issue, 'en')).toBe('b.json: entry 9 Observation/obs-78 valueQuantity.value "24100" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (24100 ng/mL = 24.1 µg/mL)');
  });
  it('and in Dutch', () => {
    expect(issueText(issue, 'nl')).toBe('b.json: entry 9 Observation/obs-78 valueQuantity.value: waarde "24100" µg/mL van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens 500 µg/mL): misschien is de waarde in ng/mL; kies dan de eenheid ng/mL (24100 ng/mL = 24,1 µg/mL)');
  });
});

describe('every FHIR mapping message has its Dutch text', () => {
  const ug = (value: unknown) => ({ value, unit: 'ug/mL', system: 'http://unitsofmeasure.org', code: 'ug/mL' });
  const obs = (id: string, extra: Record<string, unknown>) => ({ resourceType: 'Observation', id, status: 'final', subject: { reference: 'Patient/p' },
    code: { coding: [{ system: 'urn:ms-interval:code', code: 'natalizumab-serum' }] }, effectiveDateTime: '2024-03-04T08:45:00+01:00', valueQuantity: ug(20), ...extra });
  const cd19 = (id: string, extra: Record<string, unknown>) => obs(id, { code: { coding: [{ system: 'http://loinc.org', code: '8116-6' }] }, valueQuantity: { value: 3, unit: '/uL', system: 'http://unitsofmeasure.org', code: '/uL' }, ...extra });
  const dose = (id: string, extra: Record<string, unknown>) => ({ resourceType: 'MedicationAdministration', id, status: 'completed', subject: { reference: 'Patient/p' },
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'L04AG03' }] }, effectiveDateTime: '2024-01-08T09:00:00+01:00',
    dosage: { dose: { value: 300, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }, ...extra });
  const resources = [
    { resourceType: 'Patient', id: 'p', identifier: [{ system: 'urn:ms-interval:patient-id', value: 'P-1' }] },
    { resourceType: 'Patient', identifier: [{ system: 'urn:other', value: 'x' }] },
    {},
    dose('d1', {}),
    dose('d2', { status: undefined }),
    dose('d3', { status: 'paused' }),
    dose('d4', { effectiveDateTime: undefined, effectivePeriod: { start: '2024-02-05T09:00:00+01:00', end: '2024-02-05T08:00:00+01:00' } }),
    dose('d5', { effectiveDateTime: '2024-02' }),
    dose('d6', { effectiveDateTime: '5 Feb' }),
    dose('d7', { subject: undefined }),
    dose('d8', { subject: { reference: 'Specimen/s1' } }),
    dose('d9', { subject: { reference: '#p0' } }),
    dose('d10', { subject: 'p' }),
    dose('d11', { subject: {} }),
    dose('d12', { subject: { reference: 'not a ref' } }),
    dose('d14', { dosage: { dose: { value: 300, unit: 'mg' }, route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] } } }),
    obs('o13', { effectiveDateTime: undefined }),
    dose('d13', { dosage: { dose: { value: 300, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg', comparator: '<' } } }),
    { resourceType: 'MedicationAdministration', id: 'other', status: 'completed', medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'N02BE01' }] } },
    obs('o1', { status: undefined }),
    obs('o2', { valueQuantity: undefined }),
    obs('o3', { valueQuantity: { unit: 'ug/mL' } }),
    obs('o4', { valueQuantity: ug('twenty') }),
    obs('o5', { valueQuantity: { value: 20 } }),
    obs('o6', { valueQuantity: { ...ug(20), comparator: '>' } }),
    obs('o7', { specimen: { reference: 'Specimen/s9' } }),
    obs('o8', { specimen: { reference: '#s' }, contained: [{ resourceType: 'Specimen', id: 's', type: { coding: [{ system: 'http://snomed.info/sct', code: '119297000' }] } }] }),
    obs('o9', { specimen: { reference: '#zz' } }),
    obs('o10', { subject: { reference: 'urn:uuid:0b7c5d0e-3d55-4a8c-9d0f-3a6f7f2a1b99' } }),
    obs('o11', { status: 'entered-in-error' }),
    obs('o12', { valueQuantity: undefined, dataAbsentReason: { text: 'haemolysed' } }),
    cd19('c1', { valueQuantity: { value: 3, unit: 'cells', system: 'http://unitsofmeasure.org', code: 'cells' } }),
    { resourceType: 'Observation', id: 'wo', status: 'final', subject: { reference: 'Patient/p' }, code: { coding: [{ system: 'urn:ms-interval:code', code: 'wearing-off' }] }, effectiveDateTime: '2024-03-01T08:00:00+01:00', valueInteger: 'two' },
    { resourceType: 'Observation', id: 'wo2', status: 'final', subject: { reference: 'Patient/p' }, code: { coding: [{ system: 'urn:ms-interval:code', code: 'wearing-off' }] }, effectiveDateTime: '2024-03-01T08:00:00+01:00', valueQuantity: { value: 2 } },
    { resourceType: 'Observation', id: 'hb', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] } },
    { resourceType: 'Condition', id: 'c' }, { resourceType: 'Condition', id: 'c2' },
  ];
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource })) };
  const r = readFhirText(JSON.stringify(bundle), { fileName: 'x.json', timeZone: 'Europe/Amsterdam' });
  const all = [...r.issues, ...r.patients.flatMap((p) => p.issues)].filter((i) => i.code.startsWith('fhir_'));
  const fatal = [
    readFhirText('{"resourceType": "Bundle", "type": "document"}', { fileName: 'f.json' }),
    readFhirText('{"resourceType": "Bundle", "type": "collection", "entry": 3}', { fileName: 'f.json' }),
    readFhirText('{"patients": []}', { fileName: 'f.json' }),
    readFhirText('{"resourceType": "Bundle",', { fileName: 'f.json' }),
  ].flatMap((x) => x.issues);

  it('reaches every code of the mapping', () => {
    expect([...new Set([...all, ...fatal].map((i) => i.code))].sort()).toEqual([
      'fhir_bundle_type', 'fhir_comparator', 'fhir_entry_empty', 'fhir_ignored', 'fhir_not_fhir', 'fhir_not_json', 'fhir_patient_id', 'fhir_period',
      'fhir_reference', 'fhir_route', 'fhir_specimen_type', 'fhir_status', 'fhir_subject_missing', 'fhir_time_invalid', 'fhir_time_missing',
      'fhir_unit', 'fhir_unit_missing', 'fhir_value_missing', 'fhir_value_not_number',
    ]);
  });
  it.each([...all, ...fatal].map((i) => [i.message, i] as const))('%s', (_m, issue) => {
    const nl = issueText(issue, 'nl');
    expect(nl).not.toBe(issue.message);
    // Still names the place: the file, and the entry and path as written.
    expect(nl.startsWith(`${issue.file}: ${issue.where ?? ''}`)).toBe(true);
    expect(nl).not.toMatch(/\b(is missing|is not|for a|use |ignored|skipped|needs)\b/);
  });
  it('word for word, a few', () => {
    const byWhere = (w: string) => issueText(all.find((i) => i.where === w) ?? { code: 'x', severity: 'error', message: `no issue at ${w}: ${all.map((i) => i.where).join(' / ')}` }, 'nl');
    expect(byWhere('entry 20 Observation/o2 valueQuantity')).toBe('x.json: entry 20 Observation/o2 valueQuantity ontbreekt: een natalizumabspiegel heeft een waarde in ug/mL, mg/L of ng/mL nodig');
    expect(byWhere('entry 6 MedicationAdministration/d4 effectivePeriod.end')).toBe('x.json: entry 6 MedicationAdministration/d4 effectivePeriod.end "2024-02-05T08:00:00+01:00" ligt vóór effectivePeriod.start "2024-02-05T09:00:00+01:00": het einde van een infusie komt na het begin');
    expect(issueText(fatal[3], 'nl')).toMatch(/^f\.json: geen JSON \(.+\): geef een FHIR R4-Bundle in JSON of een TDM-CSV$/);
  });
});
