/**
 * The SMART write-back's note in the screen's language: a Dutch write carries the Dutch note
 * (attachment language nl), and a Dutch and an English write of the same proposal (and choice)
 * have one key, so the server holds one document, not two (If-None-Exist on the identifier).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../src/core/records/index';
import { computeReport, lastEventTime } from '../../../src/core/engine';
import { proposalText } from '../../../src/core/fhir/text';
import { buildProposal } from '../../../src/app/smart/adapter';
import { writeBack, type FhirJson } from '../../../src/app/smart/write-back';
import { hashText } from '../../../src/app/lib/hash';
import type { PatientReport } from '../../../src/core/report/types';

const csv = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'x.csv');
const p = csv.patients.find((x) => x.id === 'NAT-001')!;
const report = computeReport(p, lastEventTime(p)) as PatientReport;
const OPTS = { appVersion: '0.1.0', now: Date.UTC(2026, 11, 7, 8), timeZone: 'Europe/Amsterdam' };
type Doc = { content: { attachment: { language: string; data: string } }[] };
type Req = { note: { text: string }[]; dosageInstruction: { text: string }[] };
type Prov = { entity: { what: { display: string } }[] };
const noteOf = (r: FhirJson) => Buffer.from((r as unknown as Doc).content[0].attachment.data, 'base64').toString('utf8');

describe('the write-back\'s note in the screen\'s language', () => {
  const en = { nextDose: '2026-12-21', intervalWeeks: 6, reason: 'wish of the patient', label: '6 weeks: 2026-12-21' };
  const nl = { ...en, label: '6 weken: 21-12-2026' };

  it('Dutch: the Dutch note, attachment language nl; English by default', () => {
    const built = buildProposal(report, 'Patient/1', en, {}, OPTS, { lang: 'nl', choice: nl });
    const dr = built.resources.documentReference as unknown as Doc;
    expect(dr.content[0].attachment.language).toBe('nl');
    expect(noteOf(built.resources.documentReference)).toBe(proposalText(report, '0.1.0', nl, 'nl'));
    expect(noteOf(built.resources.documentReference).split('\n')[1]).toBe('Volgende gift (gekozen door de arts): 21-12-2026 (interval 6 weken): 6 weken: 21-12-2026.');
    const plain = buildProposal(report, 'Patient/1', en, {}, OPTS);
    expect((plain.resources.documentReference as unknown as Doc).content[0].attachment.language).toBe('en');
    expect(noteOf(plain.resources.documentReference)).toBe(proposalText(report, '0.1.0', en));
    // The MedicationRequest's note and dosage text and the Provenance's model display follow the language too.
    const mr = built.resources.medicationRequest as unknown as Req;
    expect(mr.note[0].text).toMatch(/^Gekozen door de arts naast het voorstel van MS Interval 0\.1\.0, model .+ versie 1\.1\.0, gepland op 09-11-2026\. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel\.$/);
    expect(mr.dosageInstruction[0].text).toBe('natalizumab 300 mg intraveneus op 21-12-2026, daarna elke 6 weken');
    expect((built.resources.provenance(['MedicationRequest/1']) as unknown as Prov).entity[0].what.display).toMatch(/^model .+ versie 1\.1\.0$/);
    const mrEn = plain.resources.medicationRequest as unknown as Req;
    expect(mrEn.note[0].text).toMatch(/^Chosen by the clinician beside the proposal of MS Interval 0\.1\.0, model .+ version 1\.1\.0, planned on 2026-11-09\./);
    expect(mrEn.dosageInstruction[0].text).toBe('natalizumab 300 mg intravenously on 2026-12-21, then every 6 weeks');
  });

  it('a Dutch and an English write of one proposal: one key, one document on the server', async () => {
    const a = buildProposal(report, 'Patient/1', en, {}, OPTS, { lang: 'nl', choice: nl });
    const b = buildProposal(report, 'Patient/1', en, {}, OPTS, { lang: 'en', choice: en });
    const c = buildProposal(report, 'Patient/1', en, {}, OPTS);
    expect(a.key).toBe(c.key);
    expect(b.key).toBe(c.key);
    // Another choice is another proposal.
    expect(buildProposal(report, 'Patient/1', { ...en, nextDose: '2026-12-28' }, {}, OPTS, { lang: 'nl', choice: { ...nl, nextDose: '2026-12-28' } }).key).not.toBe(c.key);
    const held: { resource: FhirJson; query: string }[] = [];
    let n = 0;
    const create = async (resource: FhirJson, query: string) => {
      const found = held.find((h) => h.resource.resourceType === resource.resourceType && h.query === query);
      if (found) return found.resource;
      const r = { ...resource, id: String(++n) };
      held.push({ resource: r, query });
      return r;
    };
    expect((await writeBack(a.resources, hashText(a.key), create, null)).ok).toBe(true);
    expect((await writeBack(c.resources, hashText(c.key), create, null)).ok).toBe(true);
    expect((await writeBack(b.resources, hashText(b.key), create, null)).ok).toBe(true);
    // One MedicationRequest, one DocumentReference and one Provenance: the Dutch ones, written first.
    expect(held.map((h) => h.resource.resourceType)).toEqual(['MedicationRequest', 'DocumentReference', 'Provenance']);
    expect((held[1].resource as unknown as Doc).content[0].attachment.language).toBe('nl');
    expect((held[0].resource as unknown as Req).dosageInstruction[0].text).toBe('natalizumab 300 mg intraveneus op 21-12-2026, daarna elke 6 weken');
    expect((held[2].resource as unknown as Prov).entity[0].what.display).toMatch(/ versie 1\.1\.0$/);
    // The English write, when it comes first, is the one kept: the language does not make a second set either way.
    const heldEn: typeof held = [];
    const createEn = async (resource: FhirJson, query: string) => {
      const found = heldEn.find((h) => h.resource.resourceType === resource.resourceType && h.query === query);
      if (found) return found.resource;
      const r = { ...resource, id: String(++n) };
      heldEn.push({ resource: r, query });
      return r;
    };
    expect((await writeBack(b.resources, hashText(b.key), createEn, null)).ok).toBe(true);
    expect((await writeBack(a.resources, hashText(a.key), createEn, null)).ok).toBe(true);
    expect(heldEn.map((h) => h.resource.resourceType)).toEqual(['MedicationRequest', 'DocumentReference', 'Provenance']);
    expect((heldEn[0].resource as unknown as Req).dosageInstruction[0].text).toBe('natalizumab 300 mg intravenously on 2026-12-21, then every 6 weeks');
    expect(heldEn.slice(0, 2).map((h) => h.query)).toEqual(held.slice(0, 2).map((h) => h.query));
  });
});
