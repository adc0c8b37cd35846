/**
 * Issue 18, item 1: the core writes no sentence. The sentences it used to write inline (the
 * ocrelizumab crossing reasons, the falling-trough warning, the no-count-this-cycle note, a track
 * record stopped by its work budget, a file that is not text, a local code that is not
 * `system|code`, the FHIR note and the resources' texts) are codes with parameters whose English and Dutch come from the one catalog: asserted here
 * word for word in both languages; and a scan of src/core fails on any new English sentence
 * written there.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { sentenceLiterals } from './sentence-scan';
import { computeReport, lastEventTime, parseTdmCsv, parseIsoTime, type OcrelizumabReport, type TroughTrend } from '../../src/core/index';
import { trendFallingIssue } from '../../src/core/natalizumab/trend';
import { trackPatient } from '../../src/core/natalizumab/clinic-track';
import { parseCodeToken } from '../../src/core/fhir/codes';
import { DISCLAIMER, noteText, proposalText } from '../../src/core/fhir/text';
import { fhirSentence } from '../../src/i18n/fhir-text';
import { engineText, errorText, issueText, reasonText } from '../../src/i18n/sentences';
import { calibrateClinic, calibratedOptions, clinicTrackRecord } from '../../src/cli/track-record';
import { proposeLine } from '../../src/core/report/cli-line';
import type { NatalizumabReport } from '../../src/core/report/types';

const examples = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'example-patients.csv');
const report = (id: string) => {
  const p = examples.patients.find((x) => x.id === id)!;
  const r = computeReport(p, lastEventTime(p));
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('the ocrelizumab crossing reason', () => {
  it('is three parts by code (crossing, re-dose, next count) whose English is the CLI\'s and whose Dutch is the catalog\'s', () => {
    const r = report('OCR-001') as OcrelizumabReport;
    expect(r.proposal.reasonCode).toBe('ocr-reason.crossing-current-previous;ocr-reason.redose-quantile;ocr-reason.next-count');
    // As `npm run -s tdm -- propose fixtures/examples/example-patients.csv` wrote it before the move.
    expect(r.proposal.reason).toBe('predicted crossing of 10 cells/µL at week 32.5 (80 % interval 27.8–40.2), from 1 count(s) of this cycle and 2 of the previous; re-dose at week 32 (the last whole week on or before the 50th percentile of the crossing); next CD19+ count at week 28 (2026-11-30)');
    expect(reasonText(r, 'en')).toBe(r.proposal.reason);
    expect(reasonText(r, 'nl')).toBe('voorspeld bereiken van 10 cellen/µL in week 32,5 (80%-interval 27,8–40,2), op basis van 1 telling(en) van deze cyclus en 2 van de vorige; hergift in week 32 (de laatste hele week op of vóór het 50e percentiel van het bereiken van de drempel); volgende CD19+-telling in week 28 (30-11-2026)');
  });

  it('says each re-dose rule and the next cycle\'s first count in both languages', () => {
    const p = { threshold: 10, week: '30.0', low: '25.1', high: '38.0', n: 2, previous: 0, redoseWeek: 36, percentile: 50, first: 12, countDate: '2027-03-01' };
    const code = 'ocr-reason.crossing-population;ocr-reason.redose-now-past-maximum;ocr-reason.next-count-next-cycle';
    expect(engineText(code, p, '(none)', 'en')).toBe('predicted crossing of 10 cells/µL at week 30.0 (80 % interval 25.1–38.0), from the population prior; re-dose now, at week 36 (the first whole week not before today, past the maximum interval); next CD19+ count at week 12 after the re-dose (2027-03-01)');
    expect(engineText(code, p, '(none)', 'nl')).toBe('voorspeld bereiken van 10 cellen/µL in week 30,0 (80%-interval 25,1–38,0), op basis van de populatieverdeling; hergift nu, in week 36 (de eerste hele week niet vóór vandaag, na het maximale interval); volgende CD19+-telling in week 12 na de hergift (01-03-2027)');
    expect(engineText('ocr-reason.redose-minimum', p, '(none)', 'en')).toBe('re-dose at week 36, the 5-month minimum (the crossing is predicted earlier)');
    expect(engineText('ocr-reason.redose-maximum', p, '(none)', 'nl')).toBe('hergift in week 36, het maximale interval (de drempel wordt later voorspeld)');
  });

  it('notes a cycle without its own count in Dutch too', () => {
    const r = report('OCR-001');
    const csv = 'patient_id,drug,kind,time,value,unit\nO-1,ocrelizumab,dose,2024-01-08T09:00,600,mg\nO-1,ocrelizumab,bcell,2024-05-06T09:00,2,cells/uL\nO-1,ocrelizumab,dose,2024-07-08T09:00,600,mg\n';
    const p = parseTdmCsv(csv, 'o.csv').patients[0];
    const o = computeReport(p, lastEventTime(p));
    if ('error' in o) throw new Error(o.error);
    const w = o.warnings.find((x) => x.code === 'ocr-no-count-this-cycle')!;
    expect(w.variant).toBe('previous');
    expect(w.message).toBe("no CD19+ count since the infusion of 2024-07-08: the forecast rests on the previous cycle's 1 count(s) and the population prior");
    expect(issueText(w, 'nl')).toBe('geen CD19+-telling sinds de infusie van 08-07-2024: de voorspelling berust op 1 telling(en) van de vorige cyclus en de populatieverdeling');
    expect(r.drug).toBe('ocrelizumab');
  });
});

describe('the falling-trough warning', () => {
  const day = (iso: string) => parseIsoTime(iso)!;
  const trend = (crossing: boolean): TroughTrend => ({
    intervalWeeks: 4,
    troughs: [day('2025-01-06T08:45'), day('2025-02-03T08:45'), day('2025-03-03T08:45'), day('2025-03-31T08:45'), day('2025-04-28T08:45')].map((time, i) => ({ time, value: 30 - 4 * i })),
    censoredLeftOut: 0, percentPerMonth: -16.4, low: -21.2, high: -11.6, level: 0.9, distributionFree: true, line: [], falling: true,
    targetCrossing: crossing ? { target: 10, month: '2025-09', monthsFromLatest: 4.6 } : null,
  });

  it('with where the fitted trend reaches the target: variant crossing, English and Dutch', () => {
    const w = trendFallingIssue(trend(true));
    expect([w.code, w.variant]).toEqual(['trough-trend-falling', 'crossing']);
    expect(w.message).toBe('the 5 troughs at a stable 4-week interval from 2025-01-06 to 2025-04-28 are falling: -16 % per month (90 % interval -21 to -12; Theil–Sen, model-free); the fitted trend crosses 10 µg/mL in 2025-09: anti-drug antibodies, weight gain or a change in clearance? No extension; test for antibodies and measure the next trough');
    expect(issueText(w, 'en')).toBe(w.message);
    expect(issueText(w, 'nl')).toBe('de 5 dalspiegels bij een stabiel interval van 4 weken van 06-01-2025 tot 28-04-2025 dalen: -16 % per maand (90 %-interval -21 tot -12; Theil–Sen, zonder model); de trendlijn kruist 10 µg/mL in 09-2025: antistoffen tegen het middel, gewichtstoename of een veranderde klaring? Niet verlengen; test op antistoffen en meet de volgende dalspiegel');
  });

  it('without it (no target given): variant plain, English as the core wrote it inline, and Dutch', () => {
    const w = trendFallingIssue(trend(false));
    expect([w.code, w.variant]).toEqual(['trough-trend-falling', 'plain']);
    expect(w.message).toBe('the 5 troughs at a stable 4-week interval from 2025-01-06 to 2025-04-28 are falling: -16 % per month (90 % interval -21 to -12; Theil–Sen, model-free): anti-drug antibodies, weight gain or a change in clearance? No extension; test for antibodies and measure the next trough');
    expect(issueText(w, 'nl')).toBe('de 5 dalspiegels bij een stabiel interval van 4 weken van 06-01-2025 tot 28-04-2025 dalen: -16 % per maand (90 %-interval -21 tot -12; Theil–Sen, zonder model): antistoffen tegen het middel, gewichtstoename of een veranderde klaring? Niet verlengen; test op antistoffen en meet de volgende dalspiegel');
  });
});

describe('a track record stopped by its work budget', () => {
  it('says so by code, in English as the CLI did and in Dutch', () => {
    const p = examples.patients.find((x) => x.id === 'NAT-006')!; // four troughs: two are scored
    const t = trackPatient(p, {}, () => true);
    if (!t || !('error' in t)) throw new Error('expected the track record to be stopped');
    expect(t.errorCode).toBe('track-stopped');
    const steps = t.errorParams!.steps;
    expect(t.error).toBe(`the computation was stopped after ${steps} integrator steps`);
    expect(errorText({ error: t.error, errorCode: t.errorCode, errorParams: t.errorParams }, 'nl')).toBe(`de berekening is gestopt na ${steps} rekenstappen`);
  });
});

describe('a file that is not text', () => {
  it('is a context of file_not_text (no English reason parsed back), said in both languages', () => {
    const zip = parseTdmCsv('PK\u0003\u0004rest', 'book.xlsx').issues[0];
    expect(zip.params).toEqual({ context: 'zip' });
    expect(zip.message).toBe('book.xlsx: not a text file (it is a zip archive, such as an Excel .xlsx workbook: save it as "CSV UTF-8")');
    expect(issueText(zip, 'nl')).toBe('book.xlsx: geen tekstbestand (het is een zip-archief, zoals een Excel-werkmap (.xlsx): sla het op als "CSV UTF-8")');
    const bin = parseTdmCsv('a\u0001b\u0002c\u0003d\u0004e', 'x.csv').issues[0];
    expect(bin.params).toEqual({ context: 'control', count: '4', of: '9' });
    expect(bin.message).toBe('x.csv: not a text file (it contains 4 control characters in its first 9 characters: binary data)');
  });
});

describe('a local code that is not system|code', () => {
  it('is the catalog\'s, in English (the CLI\'s option error) and Dutch', () => {
    expect(parseCodeToken('8116-6')).toBe('code "8116-6" is not system|code: write the code system\'s URI, a bar and the code, e.g. http://loinc.org|8116-6 or urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1|12345');
    expect(parseCodeToken('http://x y|1')).toBe('code "http://x y|1" is not system|code: the system is a URI without spaces and the code is not empty');
    expect(fhirSentence('code-token', 'parts', { text: 'http://x y|1' }, 'nl')).toBe('code "http://x y|1" is geen systeem|code: het systeem is een URI zonder spaties en de code is niet leeg');
  });
});

describe('the FHIR note (DocumentReference) and the resources\' texts', () => {
  it('are the catalog\'s: English as the CLI writes them, and Dutch for a caller that asks', () => {
    const nat = report('NAT-001');
    const en = proposalText(nat, '0.1.0').split('\n');
    expect(en[0]).toBe('MS Interval proposal for patient NAT-001 (natalizumab), planned on 2026-11-09; last dose 2026-11-09 09:00.');
    expect(en[1]).toBe('Next dose: 2026-12-14 (interval 5 weeks, proposed by the model).');
    expect(en.at(-2)).toBe(DISCLAIMER);
    const choice = { nextDose: '2026-12-21', intervalWeeks: 6, reason: 'wish of the patient', label: '6 weken: 21-12-2026' };
    const nl = proposalText(nat, '0.1.0', choice, 'nl').split('\n');
    expect(nl.slice(0, 5)).toEqual([
      'Voorstel van MS Interval voor patiënt NAT-001 (natalizumab), gepland op 09-11-2026; laatste gift 09-11-2026 09:00.',
      'Volgende gift (gekozen door de arts): 21-12-2026 (interval 6 weken): 6 weken: 21-12-2026.',
      'Reden voor de keuze: wish of the patient',
      'Het model stelde voor: volgende gift 14-12-2026 (interval 5 weken).',
      'Gekozen interval (6 weken herhaald): voorspelde dalspiegel op den duur 9,29 µg/mL (80 %-interval 3,92 tot 16,3 µg/mL); kans op of boven het streefniveau: 49 %.',
    ]);
    expect(nl.at(-2)).toBe('Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel: de arts beslist.');
    const ocr = proposalText(report('OCR-001'), '0.1.0', undefined, 'nl').split('\n');
    expect(ocr[2]).toBe('Voorspeld bereiken van 10 cellen/µL: 31-12-2026 (80 %-interval 29-11-2026 tot 23-02-2027).');
    expect(noteText('dosage.natalizumab-sc', { drug: 'natalizumab', mg: 300, nextDose: '2026-12-14', weeks: 5 })).toBe('natalizumab 300 mg subcutaneously on 2026-12-14, then every 5 weeks');
    expect(noteText('dosage.natalizumab-sc', { drug: 'natalizumab', mg: 300, nextDose: '2026-12-14', weeks: 5 }, 'nl')).toBe('natalizumab 300 mg subcutaan op 14-12-2026, daarna elke 5 weken');
  });
});

describe('the FHIR note says which forecast spread was used (the card\'s calibration note)', () => {
  const SPREAD_EN = /^Forecast spread/;
  const SPREAD_NL = /^Spreiding van de voorspelling/;
  it('the published model\'s, when the forecast is not calibrated (tdm fhir, tdm propose without --calibrate)', () => {
    const nat = report('NAT-001') as NatalizumabReport;
    expect(nat.options.calibration).toBeUndefined();
    const en = proposalText(nat, '0.1.0').split('\n');
    expect(en.filter((l) => SPREAD_EN.test(l))).toEqual(['Forecast spread: the published model\'s allowances (not calibrated on this clinic\'s troughs).']);
    // After the forecasts' intervals it qualifies, before the reason.
    expect(en[4]).toMatch(SPREAD_EN);
    expect(en[5]).toMatch(/^Why: /);
    const nl = proposalText(nat, '0.1.0', undefined, 'nl').split('\n');
    expect(nl.filter((l) => SPREAD_NL.test(l))).toEqual(['Spreiding van de voorspelling: de marges van het gepubliceerde model (niet gekalibreerd op de dalspiegels van deze kliniek).']);
    // Ocrelizumab has no such spread: no line.
    expect(proposalText(report('OCR-001'), '0.1.0').split('\n').filter((l) => SPREAD_EN.test(l))).toEqual([]);
  });
  it('the clinic\'s, calibrated as tdm propose --calibrate does, with the numbers of its calibration field', () => {
    const p = examples.patients.find((x) => x.id === 'NAT-006')!;
    const tr = clinicTrackRecord(examples.patients, {}, 'example-patients.csv');
    const options = calibratedOptions(calibrateClinic(tr.all), tr)(p.id);
    const r = computeReport(p, lastEventTime(p), { natalizumab: options, ocrelizumab: {} });
    if ('error' in r || r.drug !== 'natalizumab') throw new Error('not computed');
    // The propose line's field (cli.md): the same numbers as the note says.
    expect((proposeLine(r) as { calibration: unknown }).calibration).toEqual({ troughs: 2, patients: 1, iov: 0.1475, clinic_iov: 0.1475, published_iov: 0.15, factor: 0.983, scale: 0.942, patient_troughs: 2, cover80: 1, calibrated_cover80: 1 });
    expect(proposalText(r, '0.1.0').split('\n').filter((l) => SPREAD_EN.test(l))).toEqual([
      'Forecast spread from 2 troughs of this clinic: inter-occasion log-SD 0.148 (published 0.15), the whole forecast\'s width × 0.94 of the published; 80 % intervals held 1 of the scored troughs.',
    ]);
    expect(proposalText(r, '0.1.0', undefined, 'nl').split('\n').filter((l) => SPREAD_NL.test(l))).toEqual([
      'Spreiding van de voorspelling uit 2 dalspiegels van deze kliniek: inter-occasiespreiding log-SD 0,148 (gepubliceerd 0,15), de breedte van de hele voorspelling × 0,94 van de gepubliceerde; 80 %-intervallen hielden 1 van de beoordeelde dalspiegels.',
    ]);
  });
  it('widened for a patient whose own troughs disagree more, and without a share held when none was scored', () => {
    const nat = report('NAT-001') as NatalizumabReport;
    const calibration = { troughs: 812, patients: 97, clinicIov: 0.0812, publishedIov: 0.15, patientIov: 0.1234, patientTroughs: 4, scale: 0.8412, cover80: 0.71, calibratedCover80: 0.7912 };
    const wider = { ...nat, options: { ...nat.options, calibration } };
    expect(proposalText(wider, '0.1.0').split('\n')[4]).toBe('Forecast spread from 812 troughs of this clinic: inter-occasion log-SD 0.123 (published 0.15), widened from the clinic\'s 0.081 because this patient\'s own troughs disagree more, the whole forecast\'s width × 0.84 of the published; 80 % intervals held 0.79 of the scored troughs.');
    expect(proposalText(wider, '0.1.0', undefined, 'nl').split('\n')[4]).toBe('Spreiding van de voorspelling uit 812 dalspiegels van deze kliniek: inter-occasiespreiding log-SD 0,123 (gepubliceerd 0,15), verbreed van 0,081 van de kliniek omdat de eigen dalspiegels van deze patiënt meer afwijken, de breedte van de hele voorspelling × 0,84 van de gepubliceerde; 80 %-intervallen hielden 0,79 van de beoordeelde dalspiegels.');
    const unheld = { ...nat, options: { ...nat.options, calibration: { ...calibration, patientIov: 0.0812, cover80: null, calibratedCover80: null } } };
    expect(proposalText(unheld, '0.1.0').split('\n')[4]).toBe('Forecast spread from 812 troughs of this clinic: inter-occasion log-SD 0.081 (published 0.15), the whole forecast\'s width × 0.84 of the published.');
    expect(proposalText(unheld, '0.1.0', undefined, 'nl').split('\n')[4]).toBe('Spreiding van de voorspelling uit 812 dalspiegels van deze kliniek: inter-occasiespreiding log-SD 0,081 (gepubliceerd 0,15), de breedte van de hele voorspelling × 0,84 van de gepubliceerde.');
  });
});

// ------------------------------------------------------------------ no English sentence in src/core


/**
 * What src/core still writes in words, by file, and why it may: the FHIR codes' display names
 * (the code systems' own words, written into the record as FHIR asks) and the provenance of the
 * sense limits (documentation, never shown).
 */
const ALLOWED: Record<string, number> = {
  'src/core/fhir/codes.ts': 5, // code display names and a code's provenance note (the code systems' words)
  'src/core/records/plausible.ts': 3, // the sense limits' sources (documentation)
};

describe('the core writes no sentence', () => {
  const files = readdirSync('src/core', { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => `src/core/${f.replaceAll('\\', '/')}`);
  const found = files.flatMap(sentenceLiterals);

  it('finds a sentence where one is written (the scan can fail)', () => {
    const probe = 'test/i18n/core-sentences.test.ts';
    expect(sentenceLiterals(probe).some((s) => s.includes('is three parts by code'))).toBe(true);
  });

  it('in any module but the FHIR codes\' display names and the sense limits\' provenance', () => {
    const outside = found.filter((s) => !Object.keys(ALLOWED).some((f) => s.startsWith(`${f}:`)));
    expect(outside).toEqual([]);
    for (const [f, n] of Object.entries(ALLOWED)) expect(found.filter((s) => s.startsWith(`${f}:`)).length, f).toBeLessThanOrEqual(n);
  });
});
