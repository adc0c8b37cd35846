/**
 * The clinic's local codes (spec/fhir.md: "every code list is configurable per clinic"): the
 * stored setting is checked before use (the app's settings and the SMART launch read the same key
 * through checkLocalCodes), a level under the lab's own code is read only when the clinic names it,
 * and a FHIR text is told apart from a CSV and from the app's own session file by content.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLocalCodes, fhirToRecords, isFhirJson, LOCAL_CODE_ROLES } from '../../../src/core/fhir/index';

const LAB = { system: 'urn:oid:2.16.528.1.1007.3.3.1234567', code: 'NATA-S' };

describe('checkLocalCodes', () => {
  it('keeps well-formed codings of the four roles, in order, without extra fields', () => {
    const value = {
      level: [{ ...LAB, display: 'Natalizumab (lab)' }, { system: 'http://loinc.org', code: '' }, { system: '', code: 'x' }, null, 'a|b', { system: 1, code: 'x' }],
      bcell: [{ system: 'http://loinc.org', code: '8116-6' }],
      natalizumab: 'not a list',
      ocrelizumab: [],
      weight: [{ system: 'http://loinc.org', code: '29463-7' }],
    };
    expect(checkLocalCodes(value)).toEqual({ level: [LAB], bcell: [{ system: 'http://loinc.org', code: '8116-6' }] });
    expect(LOCAL_CODE_ROLES).toEqual(['level', 'bcell', 'natalizumab', 'ocrelizumab']);
  });
  it('gives no codes for what is not an object', () => {
    for (const v of [undefined, null, 'level', 3, [LAB]]) expect(checkLocalCodes(v)).toEqual({});
  });
});

describe('a level under the lab\'s own code', () => {
  const patient = { resourceType: 'Patient', id: 'p', identifier: [{ system: 'urn:ms-interval:patient-id', value: 'LOC-1' }] };
  const dose = { resourceType: 'MedicationAdministration', id: 'd', status: 'completed', subject: { reference: 'Patient/p' },
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'L04AG03' }] }, effectiveDateTime: '2024-01-08T09:00:00+01:00',
    dosage: { dose: { value: 300, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } } };
  const level = { resourceType: 'Observation', id: 'o', status: 'final', subject: { reference: 'Patient/p' }, code: { coding: [LAB] },
    effectiveDateTime: '2024-02-05T08:45:00+01:00', valueQuantity: { value: 21.5, unit: 'ug/mL', system: 'http://unitsofmeasure.org', code: 'ug/mL' } };
  const opts = { fileName: 'lab.json', timeZone: 'Europe/Amsterdam' };

  it('is ignored and counted without the clinic\'s code', () => {
    const r = fhirToRecords([patient, dose, level], opts);
    expect(r.patients[0].levels).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual(['lab.json: 1 other observation ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)']);
  });
  it('is read as a level with it (as a level under the spec\'s code would be)', () => {
    const r = fhirToRecords([patient, dose, level], { ...opts, localCodes: { level: [LAB] } });
    expect(r.patients[0].levels.map((l) => [l.iso, l.value])).toEqual([['2024-02-05T08:45', 21.5]]);
    expect(r.issues).toEqual([]);
    // A code for a CD19 count does not make it a level.
    expect(fhirToRecords([patient, dose, level], { ...opts, localCodes: { bcell: [LAB] } }).patients[0].levels).toEqual([]);
  });
});

describe('isFhirJson', () => {
  it('is true for a Bundle or a list of resources, also after a byte-order mark and white space', () => {
    expect(isFhirJson(readFileSync('fixtures/fhir/hand-written.json', 'utf8'))).toBe(true);
    expect(isFhirJson('\ufeff  [{"resourceType":"Observation"}]')).toBe(true);
    expect(isFhirJson('{\n  "resourceType" : "Bundle", "type": "collection", "entry": []}')).toBe(true);
  });
  it('is false for a CSV, the app\'s session file and JSON naming no resource type near its start', () => {
    expect(isFhirJson(readFileSync('fixtures/fhir/hand-written.csv', 'utf8'))).toBe(false);
    expect(isFhirJson(JSON.stringify({ format: 'ms-interval-session', appVersion: '0.1.0', patients: [] }))).toBe(false);
    expect(isFhirJson(`{"patients": [${'0,'.repeat(5000)}0], "resourceType": "Bundle"}`)).toBe(false);
  });
});
