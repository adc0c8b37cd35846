/**
 * The proposal's note (DocumentReference) in the language the writer is asked for: Dutch from a
 * Dutch screen (text, description, title word for word from the Dutch catalog, attachment
 * language `nl`), English by default, and the default (the command line's `tdm fhir`) byte for
 * byte what it was before the writer took a language.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../src/core/records/index';
import { computeReport, lastEventTime } from '../../../src/core/engine';
import { recordsToBundle, proposalResources, type FhirResource } from '../../../src/core/fhir/index';
import { proposalText } from '../../../src/core/fhir/text';
import type { PatientError, PatientReport } from '../../../src/core/report/types';

const NOW = Date.UTC(2026, 11, 7, 8, 0, 0);
const OPTS = { timeZone: 'Europe/Amsterdam', now: NOW, appVersion: '0.1.0' };
const csv = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'x.csv');
const reportOf = (id: string) => {
  const p = csv.patients.find((x) => x.id === id)!;
  const r = computeReport(p, lastEventTime(p));
  if ('error' in r) throw new Error(r.error);
  return r;
};
type Doc = { description: string; content: { attachment: { language: string; data: string; title: string; contentType: string } }[] };
const doc = (r: FhirResource) => r as unknown as Doc;
const decoded = (r: FhirResource) => Buffer.from(doc(r).content[0].attachment.data, 'base64').toString('utf8');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the note in Dutch', () => {
  it('natalizumab with a clinician\'s choice: every line, the description and the title from the Dutch catalog; attachment language nl', () => {
    const nat = reportOf('NAT-001');
    const choice = { nextDose: '2026-12-21', intervalWeeks: 6, reason: 'wens van de patiënt', label: '6 weken: 21-12-2026' };
    const r = proposalResources(nat, 'Patient/123', { ...OPTS, lang: 'nl' }, choice);
    const d = doc(r.documentReference);
    expect(d.content[0].attachment.language).toBe('nl');
    expect(d.content[0].attachment.contentType).toBe('text/plain; charset=utf-8');
    expect(d.description).toBe('Voorstel van MS Interval voor natalizumab: volgende gift 21-12-2026');
    expect(d.content[0].attachment.title).toBe('Voorstel van MS Interval NAT-001 09-11-2026');
    const text = decoded(r.documentReference);
    expect(text).toBe(r.text);
    expect(text).toBe(proposalText(nat, '0.1.0', choice, 'nl'));
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Voorstel van MS Interval voor patiënt NAT-001 (natalizumab), gepland op 09-11-2026; laatste gift 09-11-2026 09:00.',
      'Volgende gift (gekozen door de arts): 21-12-2026 (interval 6 weken): 6 weken: 21-12-2026.',
      'Reden voor de keuze: wens van de patiënt',
      'Het model stelde voor: volgende gift 14-12-2026 (interval 5 weken).',
      'Gekozen interval (6 weken herhaald): voorspelde dalspiegel op den duur 9,29 µg/mL (80 %-interval 3,92 tot 16,3 µg/mL); kans op of boven het streefniveau: 49 %.',
    ]);
    expect(lines.slice(-2)).toEqual(['Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel: de arts beslist.', '']);
    expect(lines.at(-3)).toMatch(/^Model: .+ \(.+\), versie .+; MS Interval 0\.1\.0\.$/);
    expect(text).not.toMatch(/\b(proposal|planned|Next dose|Warnings|version|decision support)\b/);
  });

  it('ocrelizumab: lines and attachment language nl; the Bundle writer passes the language on', () => {
    const ocr = reportOf('OCR-001');
    const bundle = recordsToBundle(csv.patients.filter((p) => p.id === 'OCR-001'), new Map<string, PatientReport | PatientError>([['OCR-001', ocr]]), { ...OPTS, lang: 'nl' });
    const dr = bundle.entry.map((e) => e.resource).find((x) => x.resourceType === 'DocumentReference')!;
    expect(doc(dr).content[0].attachment.language).toBe('nl');
    const lines = decoded(dr).split('\n');
    expect(lines[2]).toBe('Voorspeld bereiken van 10 cellen/µL: 31-12-2026 (80 %-interval 29-11-2026 tot 23-02-2027).');
    expect(lines).toContain('Drempel: hergift wanneer de CD19+-B-celtelling 10 cellen/µL bereikt.');
    expect(doc(dr).description).toMatch(/^Voorstel van MS Interval voor ocrelizumab: volgende gift \d\d-\d\d-\d{4}$/);
  });
});

type Req = { note: { text: string }[]; dosageInstruction: { text: string }[] };
type Prov = { agent: { who: { display: string } }[]; entity: { what: { identifier: { value: string }; display: string } }[] };
const NAT_MODEL = 'Natalizumab 2-compartment PK with parallel Michaelis–Menten elimination (van den Berg 2025) (natalizumab-vandenberg-2025)';
const OCR_MODEL = 'Ocrelizumab CD19+ B-cell repopulation, lagged logistic (T10, r) with grid posterior (ocrelizumab-bcell-logistic)';

describe('the MedicationRequest and Provenance texts in Dutch', () => {
  it('natalizumab, proposed and chosen: note, dosage text and the model display word for word; codes unchanged', () => {
    const nat = reportOf('NAT-001');
    const proposed = proposalResources(nat, 'Patient/123', { ...OPTS, lang: 'nl' });
    const mr = proposed.medicationRequest as unknown as Req;
    expect(mr.note).toEqual([{ text: `Voorgesteld door MS Interval 0.1.0, model ${NAT_MODEL} versie 1.1.0, gepland op 09-11-2026. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel.` }]);
    expect(mr.dosageInstruction[0].text).toBe('natalizumab 300 mg intraveneus op 14-12-2026, daarna elke 5 weken');
    const prov = proposed.provenance(['MedicationRequest/1', 'DocumentReference/2']) as unknown as Prov;
    expect(prov.entity[0].what.display).toBe(`model ${NAT_MODEL} versie 1.1.0`);
    expect(prov.entity[0].what.identifier.value).toBe('natalizumab-vandenberg-2025@1.1.0');
    expect(prov.agent[0].who.display).toBe('MS Interval 0.1.0');
    const chosen = proposalResources(nat, 'Patient/123', { ...OPTS, lang: 'nl' }, { nextDose: '2026-12-21', intervalWeeks: 6, reason: 'wens van de patiënt', label: '6 weken: 21-12-2026' });
    const mc = chosen.medicationRequest as unknown as Req;
    expect(mc.note[0].text).toBe(`Gekozen door de arts naast het voorstel van MS Interval 0.1.0, model ${NAT_MODEL} versie 1.1.0, gepland op 09-11-2026. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel.`);
    expect(mc.dosageInstruction[0].text).toBe('natalizumab 300 mg intraveneus op 21-12-2026, daarna elke 6 weken');
    // The codes (ATC, SNOMED route, UCUM) and the structure are the English write's: only the words differ.
    const en = proposalResources(nat, 'Patient/123', OPTS);
    const strip = (r: unknown) => { const x = structuredClone(r) as Req; x.note = []; x.dosageInstruction[0].text = ''; return x; };
    expect(strip(proposed.medicationRequest)).toEqual(strip(en.medicationRequest));
    const enProv = en.provenance(['MedicationRequest/1', 'DocumentReference/2']) as unknown as Prov;
    expect({ ...prov, entity: [] }).toEqual({ ...enProv, entity: [] });
    expect(enProv.entity[0].what.display).toBe(`model ${NAT_MODEL} version 1.1.0`);
  });

  it('subcutaneous natalizumab: subcutaan', () => {
    const sc = parseTdmCsv(readFileSync('fixtures/validation/natalizumab-sc.csv', 'utf8'), 'sc.csv');
    const p = sc.patients.find((x) => x.doses.length && x.doses[x.doses.length - 1].route === 'sc')!;
    const r = computeReport(p, lastEventTime(p)) as PatientReport;
    const mr = proposalResources(r, 'Patient/123', { ...OPTS, lang: 'nl' }).medicationRequest as unknown as Req;
    expect(mr.dosageInstruction[0].text).toMatch(/^natalizumab 300 mg subcutaan op \d\d-\d\d-\d{4}, daarna elke \d+ weken$/);
  });

  it('ocrelizumab in a Dutch Bundle: note, dosage text and the model display word for word', () => {
    const ocr = reportOf('OCR-001');
    const bundle = recordsToBundle(csv.patients.filter((p) => p.id === 'OCR-001'), new Map<string, PatientReport | PatientError>([['OCR-001', ocr]]), { ...OPTS, lang: 'nl' });
    const mr = bundle.entry.map((e) => e.resource).find((x) => x.resourceType === 'MedicationRequest') as unknown as Req;
    expect(mr.note[0].text).toBe(`Voorgesteld door MS Interval 0.1.0, model ${OCR_MODEL} versie 1.0.0, gepland op 02-11-2026. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel.`);
    expect(mr.dosageInstruction[0].text).toBe('ocrelizumab 600 mg intraveneus op 28-12-2026');
    const prov = bundle.entry.map((e) => e.resource).find((x) => x.resourceType === 'Provenance') as unknown as Prov;
    expect(prov.entity[0].what.display).toBe(`model ${OCR_MODEL} versie 1.0.0`);
  });
});

describe('English by default, unchanged', () => {
  it('no language and lang en write the same resources; attachment language en', () => {
    const nat = reportOf('NAT-001');
    const a = proposalResources(nat, 'Patient/123', OPTS);
    const b = proposalResources(nat, 'Patient/123', { ...OPTS, lang: 'en' });
    expect(JSON.stringify(b.documentReference)).toBe(JSON.stringify(a.documentReference));
    expect(doc(a.documentReference).content[0].attachment.language).toBe('en');
    expect(doc(a.documentReference).description).toBe('MS Interval natalizumab proposal: next dose 2026-12-14');
    expect(decoded(a.documentReference).split('\n')[0]).toBe('MS Interval proposal for patient NAT-001 (natalizumab), planned on 2026-11-09; last dose 2026-11-09 09:00.');
  });

  it('the Bundle of the example patients (as `tdm fhir` writes it) is byte for byte what it was before the writer took a language', () => {
    const reports = new Map<string, PatientReport | PatientError>(csv.patients.map((p) => [p.id, computeReport(p, lastEventTime(p))]));
    const text = JSON.stringify(recordsToBundle(csv.patients, reports, OPTS), null, 1);
    expect(JSON.stringify(recordsToBundle(csv.patients, reports, { ...OPTS, lang: 'en' }), null, 1)).toBe(text);
    // The sha-256 of this Bundle written by the writer before it took a language (commit bc9c7c4),
    // recomputed when the ocrelizumab protocol line said its threshold's unit (session 10: 'below 10 cells/µL').
    // A deliberate change of the English note or of the resources changes it: recompute it then.
    expect(sha(text)).toBe('293938ea023cae0dc079dd586ba13f212071e0204d81ecabdf74f73303bdd921');
  });
});
