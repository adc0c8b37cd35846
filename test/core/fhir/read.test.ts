/**
 * Reading FHIR (spec/fhir.md): what is accepted (Bundle types, a server's list of resources,
 * relative, urn:uuid and absolute references, Specimen as entry or contained, times in another
 * offset, local codes) and what is refused, each message asserted word for word.
 */
import { describe, expect, it } from 'vitest';
import { fhirToRecords, readFhirText, looksLikeJson, parseCodeToken } from '../../../src/core/fhir/index';
import { parseTdmCsv } from '../../../src/core/records/index';
import { computeReport, lastEventTime } from '../../../src/core/engine';
import { proposeLine } from '../../../src/core/report/cli-line';
import { badBundle } from './bad-bundle';

const read = (json: unknown, extra: Record<string, unknown> = {}) => fhirToRecords(JSON.parse(JSON.stringify(json)), { fileName: 'b.json', timeZone: 'Europe/Amsterdam', ...extra });
const endOfDay = (t: number) => Math.floor(t + 1e-9) + 1 - 1 / 86_400;

describe('bad resources: named by entry, resource, element path and value; other patients still read', () => {
  const r = read(badBundle());
  it('says each problem word for word', () => {
    expect(r.fatal).toBe(false);
    expect(r.issues.map((i) => `${i.severity}: ${i.message}`)).toEqual([
      'error: b.json: entry 8 Observation/obs-77 valueQuantity.unit "U/L" for a natalizumab level: use ug/mL, mg/L or ng/mL',
      'error: b.json: entry 9 Observation/obs-78 valueQuantity.value "24100" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (24100 ng/mL = 24.1 µg/mL)',
      'error: b.json: entry 10 Observation/obs-79 status "done" is not an Observation status: final, amended and corrected are read; registered, preliminary, cancelled, entered-in-error and unknown are skipped',
      'error: b.json: entry 11 Observation/obs-80 effectiveDateTime is missing: a natalizumab level needs its date and time',
      'error: b.json: entry 12 Observation/obs-81 subject.reference "urn:uuid:0b7c5d0e-3d55-4a8c-9d0f-3a6f7f2a1b99" is not the fullUrl of an entry of this Bundle: whose Observation it is cannot be known; it is not read',
      'error: b.json: entry 13 Observation/obs-82 valueQuantity.value "-3" for a level must be 0 or more',
      'error: b.json: entry 17 MedicationAdministration/b3 dosage.route "http://snomed.info/sct|26643006" is not a route this app reads: use SNOMED CT 47625008 (intravenous) or 34206005 (subcutaneous), or leave it out for intravenous',
      'info: b.json: 1 other observation ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)',
      'info: b.json: 1 Observation skipped for its status (1 preliminary)',
      'info: b.json: 1 Condition resource ignored',
    ]);
  });
  it('names the place and value as data too (for the app and the CLI)', () => {
    const unit = r.issues[0];
    expect(unit).toMatchObject({ code: 'fhir_unit', where: 'entry 8 Observation/obs-77 valueQuantity.unit', column: 'valueQuantity.unit', value: 'U/L', patientId: 'bad', file: 'b.json' });
    const high = r.issues[1];
    expect(high).toMatchObject({ code: 'level_implausible', where: 'entry 9 Observation/obs-78 valueQuantity.value', column: 'valueQuantity.value', value: '24100', patientId: 'bad' });
    expect(high.line).toBeUndefined();
  });
  it('the bad patient keeps its problems (so it is not planned on part of its record); the good one is planned as from a CSV', () => {
    const bad = r.patients.find((p) => p.id === 'bad')!;
    expect(bad.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['fhir_unit', 'level_implausible', 'fhir_status', 'fhir_time_missing', 'value_negative', 'fhir_route']);
    const good = r.patients.find((p) => p.id === 'GOOD-1')!;
    expect(good.issues).toEqual([]);
    const csv = parseTdmCsv([
      'patient_id,drug,kind,time,value,unit,route,duration_min',
      'GOOD-1,natalizumab,dose,2024-01-08T09:00,300,mg,,60',
      'GOOD-1,natalizumab,dose,2024-02-05T09:00,300,mg,,60',
      'GOOD-1,natalizumab,level,2024-03-04T08:45,24.1,ug/mL,,',
      'GOOD-1,natalizumab,dose,2024-03-04T09:00,300,mg,,60',
    ].join('\n'), 'g.csv').patients[0];
    const settings = { natalizumab: { curves: false }, ocrelizumab: {} };
    const a = proposeLine(computeReport(good, endOfDay(lastEventTime(good)), settings));
    const b = proposeLine(computeReport(csv, endOfDay(lastEventTime(csv)), settings));
    expect(a).toEqual(b);
    expect((a as { proposal: { next_dose: string } }).proposal.next_dose).toMatch(/^2024-/);
  });
});

describe('files that are not FHIR: one line', () => {
  it.each([
    ['{"resourceType": "Bundle", "type": "collection", "entry": [', 'error: b.json: not JSON (Unexpected end of JSON input): give a FHIR R4 Bundle in JSON or a TDM CSV'],
    ['{"hello": 1}', 'error: b.json: JSON but not FHIR: expected a Bundle (resourceType "Bundle") or a list of resources, each with a resourceType'],
    ['[1, 2]', 'error: b.json: JSON but not FHIR: expected a Bundle (resourceType "Bundle") or a list of resources, each with a resourceType'],
    ['{"resourceType": "Bundle", "type": "history", "entry": []}', 'error: b.json: Bundle of type "history" is not read: give a Bundle of type collection, transaction, batch or searchset, or a list of resources'],
  ])('%s', (text, line) => {
    const r = readFhirText(text, { fileName: 'b.json' });
    expect(r.fatal).toBe(true);
    expect(r.issues.map((i) => `${i.severity}: ${i.message}`)).toEqual([line]);
  });
  it('tells JSON from a CSV by content', () => {
    expect(looksLikeJson('\uFEFF  {"resourceType":"Bundle"}')).toBe(true);
    expect(looksLikeJson('\n[ ]')).toBe(true);
    expect(looksLikeJson('patient_id,drug,kind,time,value,unit\n')).toBe(false);
  });
});

const P = { resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: '999999999' }, { system: 'urn:ms-interval:patient-id', value: 'NAT-9' }], name: [{ family: 'Never Read' }], birthDate: '1980-01-01' };
const admin = (id: string, ref: string, start: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationAdministration', id, status: 'completed', subject: { reference: ref }, effectiveDateTime: start,
  medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'L04AG03' }] },
  dosage: { dose: { value: 300, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }, ...extra,
});
const obs = (id: string, ref: string, time: string, code: { system: string; code: string }, q: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation', id, status: 'final', subject: { reference: ref }, effectiveDateTime: time, code: { coding: [code] }, valueQuantity: q, ...extra,
});
const NAT = { system: 'urn:ms-interval:code', code: 'natalizumab-serum' };

describe('what is read', () => {
  it('a server\'s resources (a list): the pseudonymous identifier only, relative references, UTC times as the clinic\'s clock, a contained capillary Specimen', () => {
    const r = read([
      P,
      admin('a1', 'Patient/p1', '2024-01-08T08:00:00Z'),
      admin('a2', 'Patient/p1', '2024-02-05T08:00:00Z', { effectiveDateTime: undefined, effectivePeriod: { start: '2024-02-05T09:00:00+01:00', end: '2024-02-05T10:30:00+01:00' }, note: [{ text: 'slow' }] }),
      obs('o1', 'Patient/p1', '2024-03-04T07:00:00Z', NAT, { value: 18300, unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' }, {
        contained: [{ resourceType: 'Specimen', id: 'sp', type: { coding: [{ system: 'http://snomed.info/sct', code: '122554006' }] } }], specimen: { reference: '#sp' },
      }),
      obs('o2', 'Patient/p1', '2024-03-04T07:30:00+01:00', NAT, { value: 0.5, comparator: '<', unit: 'mg/L' }),
    ]);
    expect(r.issues).toEqual([]);
    const p = r.patients[0];
    expect(p.id).toBe('NAT-9');
    expect(p.doses.map((d) => [d.iso, d.durationMin, d.route, d.note])).toEqual([['2024-01-08T09:00', 60, 'iv', undefined], ['2024-02-05T09:00', 90, 'iv', 'slow']]);
    expect(p.levels.map((o) => [o.iso, o.value, o.censored, o.sample])).toEqual([['2024-03-04T07:30', 0.5, true, undefined], ['2024-03-04T08:00', 18.3, false, 'capillary']]);
    expect(JSON.stringify(p)).not.toContain('Never Read');
  });

  it('a transaction Bundle with urn:uuid and absolute references, a Specimen entry, a Patient without our identifier (its id), a local lab code', () => {
    const base = 'https://fhir.example/R4';
    const r = read({
      resourceType: 'Bundle', type: 'transaction', entry: [
        { fullUrl: `${base}/Patient/77`, resource: { resourceType: 'Patient', id: '77' } },
        { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', resource: { resourceType: 'Specimen', type: { coding: [{ system: 'http://snomed.info/sct', code: '122555007' }] } } },
        { resource: admin('a1', `${base}/Patient/77`, '2024-01-08T09:00:00+01:00') },
        { resource: obs('o1', 'Patient/77', '2024-02-05T08:45:00+01:00', { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1', code: 'NATA' }, { value: 30, unit: 'ug/mL' }, { specimen: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' } }) },
      ],
    }, { localCodes: { level: [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1', code: 'NATA' }] } });
    expect(r.issues).toEqual([]);
    expect(r.patients.map((p) => [p.id, p.doses.length, p.levels.map((o) => o.value)])).toEqual([['77', 1, [30]]]);
    // Without the local code the level is not the app's: counted, not an error.
    const without = read({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: obs('o1', 'Patient/77', '2024-02-05T08:45:00+01:00', { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1', code: 'NATA' }, { value: 30, unit: 'ug/mL' }) }] });
    expect(without.issues.map((i) => i.message)).toEqual(['b.json: 1 other observation ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)']);
  });

  it('skips administrations and results by status and counts them; reads back the proposal resources it writes silently', () => {
    const r = read({ resourceType: 'Bundle', type: 'collection', entry: [
      { resource: P },
      { resource: admin('a1', 'Patient/p1', '2024-01-08T09:00:00+01:00') },
      { resource: admin('a2', 'Patient/p1', '2024-02-05T09:00:00+01:00', { status: 'entered-in-error' }) },
      { resource: admin('a3', 'Patient/p1', '2024-02-06T09:00:00+01:00', { status: 'not-done' }) },
      { resource: admin('a4', 'Patient/p1', '2024-02-07T09:00:00+01:00', { medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'N02BE01' }] } }) },
      { resource: obs('o1', 'Patient/p1', '2024-02-05T08:45:00+01:00', NAT, { value: 30, unit: 'ug/mL' }, { status: 'cancelled' }) },
      { resource: obs('o2', 'Patient/p1', '2024-02-05T08:46:00+01:00', NAT, undefined as unknown as Record<string, unknown>, { dataAbsentReason: { text: 'haemolysed' } }) },
      { resource: { resourceType: 'MedicationRequest', status: 'draft' } },
      { resource: { resourceType: 'Provenance' } },
      { resource: { resourceType: 'Encounter' } },
      { resource: { resourceType: 'Encounter' } },
    ] });
    expect(r.patients[0].doses).toHaveLength(1);
    expect(r.issues.map((i) => i.message)).toEqual([
      'b.json: 1 administration of other medications ignored',
      'b.json: 2 MedicationAdministration resources skipped for their status (1 entered-in-error, 1 not-done)',
      'b.json: 1 Observation skipped for its status (1 cancelled)',
      'b.json: 1 result without a value (dataAbsentReason) skipped',
      'b.json: 2 Encounter resources ignored',
    ]);
  });

  it('refuses a comparator other than <, a value that is not a number, a date without a time of day is 09:00 as in the CSV', () => {
    const r = read([
      P,
      admin('a1', 'Patient/p1', '2024-01-08'),
      obs('o1', 'Patient/p1', '2024-02-05T08:45:00+01:00', NAT, { value: 300, comparator: '>', unit: 'ug/mL' }),
      obs('o2', 'Patient/p1', '2024-02-05T08:46:00+01:00', NAT, { value: '24,1', unit: 'ug/mL' }),
      obs('o3', 'Patient/p1', '2024-02', NAT, { value: 24, unit: 'ug/mL' }),
      obs('o4', 'Patient/p1', '2024-02-05T08:47:00+01:00', { system: 'http://loinc.org', code: '8116-6' }, { value: 3, unit: '/uL', comparator: '<' }),
    ]);
    expect(r.patients[0].doses[0].iso).toBe('2024-01-08T09:00');
    expect(r.issues.map((i) => i.message)).toEqual([
      'b.json: entry 2 Observation/o1 valueQuantity.comparator ">" for a natalizumab level is not read: only < (a result below the lab\'s limit) is accepted',
      'b.json: entry 3 Observation/o2 valueQuantity.value "24,1" for a natalizumab level is not a number: write a JSON number such as 24.1',
      'b.json: entry 4 Observation/o3 effectiveDateTime "2024-02" is not a date and time: write YYYY-MM-DDThh:mm:ss with the zone offset, e.g. 2024-03-05T09:30:00+01:00 (a year or month alone is not enough)',
      'b.json: entry 5 Observation/o4: a bcell row for a natalizumab patient is kept but not used: the natalizumab model reads levels',
    ]);
  });

  it('the same whole-patient checks as the CSV: a level before the first dose, a second dose at the same time', () => {
    const r = read([
      P,
      obs('o0', 'Patient/p1', '2024-01-01T08:45:00+01:00', NAT, { value: 3, unit: 'ug/mL' }),
      admin('a1', 'Patient/p1', '2024-01-08T09:00:00+01:00'),
      admin('a2', 'Patient/p1', '2024-01-08T09:00:00+01:00'),
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      'b.json: entry 1 Observation/o0: level on 2024-01-01T08:45 is dated before this patient\'s first natalizumab dose (2024-01-08T09:00, entry 2): check the date, or add the earlier doses',
      'b.json: entry 3 MedicationAdministration/a2: a second dose at 2024-01-08T09:00 for this patient (the first is on entry 2): two doses cannot start at the same time; remove the duplicate or correct the time',
    ]);
  });
});

describe('local codes as typed (settings, command line)', () => {
  it('system|code', () => {
    expect(parseCodeToken(' http://loinc.org|8116-6 ')).toEqual({ system: 'http://loinc.org', code: '8116-6' });
    expect(parseCodeToken('8116-6')).toBe('code "8116-6" is not system|code: write the code system\'s URI, a bar and the code, e.g. http://loinc.org|8116-6 or urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1|12345');
  });
});
