import { describe, it, expect } from 'vitest';
import { checkSettings, effectiveSettings, hasOverrides, SHOWN_DEFAULTS, withShownDefaults } from '../../../src/app/lib/settings';
import { planRow } from '../../../src/app/lib/status';
import { buildSession, compareWithSaved, readSession } from '../../../src/app/lib/session';
import { sessionProblemIn } from '../../../src/app/lib/session-problems';
import { parseIsoTime } from '../../../src/core/time';
import { parseTdmCsv } from '../../../src/core/records/index';
import { readFileSync } from 'node:fs';
import { DEFAULT_OPTIONS } from '../../../src/core/natalizumab/index';
import { OCRELIZUMAB_DEFAULTS } from '../../../src/core/ocrelizumab/options';
import type { NatalizumabReport, OcrelizumabReport, PatientError } from '../../../src/core/report/types';
import type { StoredPatient } from '../../../src/app/storage/db';

describe('settings', () => {
  it('puts patient overrides over the clinic and ignores empty fields', () => {
    const s = effectiveSettings({ natalizumab: { target: 5, probability: 0.8 }, ocrelizumab: { threshold: 12 } },
      { natalizumab: { probability: 0.95, maxIntervalWeeks: undefined }, ocrelizumab: {} });
    expect(s).toEqual({ natalizumab: { target: 5, probability: 0.95 }, ocrelizumab: { threshold: 12 } });
    expect(hasOverrides({ natalizumab: {}, ocrelizumab: {} })).toBe(false);
    expect(hasOverrides({ natalizumab: { target: 5 }, ocrelizumab: {} })).toBe(true);
  });
  it('shows the same defaults as the engines use', () => {
    for (const [k, v] of Object.entries(SHOWN_DEFAULTS.natalizumab)) expect(DEFAULT_OPTIONS[k as keyof typeof DEFAULT_OPTIONS], k).toBe(v);
    for (const [k, v] of Object.entries(SHOWN_DEFAULTS.ocrelizumab)) expect(OCRELIZUMAB_DEFAULTS[k as keyof typeof OCRELIZUMAB_DEFAULTS], k).toBe(v);
    expect(withShownDefaults({ natalizumab: { target: 5 }, ocrelizumab: {} }).natalizumab.target).toBe(5);
  });
  it('checks settings read from a file', () => {
    expect(checkSettings({ natalizumab: { target: 5, infusionWeekday: null }, ocrelizumab: { threshold: 10 } }))
      .toEqual({ settings: { natalizumab: { target: 5, infusionWeekday: null }, ocrelizumab: { threshold: 10 } } });
    expect(checkSettings({ natalizumab: { maxIntervalWeeks: 20 } })).toMatchObject({ error: 'settings.natalizumab.maxIntervalWeeks must be a number from 4 to 12' });
    expect(checkSettings('x')).toMatchObject({ error: 'settings must be an object' });
    expect(checkSettings({ ocrelizumab: { redoseQuantile: 0.6, countQuantile: 0.2, maxWeeks: 40 } }))
      .toEqual({ settings: { natalizumab: {}, ocrelizumab: { redoseQuantile: 0.6, countQuantile: 0.2, maxWeeks: 40 } } });
    expect(checkSettings({ ocrelizumab: { redoseQuantile: 1.5 } })).toMatchObject({ error: 'settings.ocrelizumab.redoseQuantile must be a number from 0.05 to 0.95' });
  });
});

const nat = (nextDose: string, extra: Partial<NatalizumabReport> = {}) => ({
  drug: 'natalizumab', patientId: 'N', lastDose: '2024-04-22T09:00', proposal: { nextDose }, warnings: [], observations: [{}], ...extra,
}) as unknown as NatalizumabReport;
const ocr = (nextDose: string, nextBcellCheck: string, dueNow = false) => ({
  drug: 'ocrelizumab', patientId: 'O', lastDose: '2023-06-12T09:00', proposal: { nextDose, nextBcellCheck, dueNow }, warnings: [], observations: [],
}) as unknown as OcrelizumabReport;

describe('planning status', () => {
  it('says overdue, due, lab needed, warning or planned', () => {
    expect(planRow(nat('2024-06-03'), '2024-06-04').status).toBe('overdue');
    expect(planRow(nat('2024-06-03'), '2024-05-28').status).toBe('due');
    expect(planRow(nat('2024-06-03'), '2024-05-20').status).toBe('ok');
    expect(planRow(nat('2024-06-03', { observations: [] }), '2024-05-20').status).toBe('lab');
    expect(planRow(nat('2024-06-03', { warnings: [{ code: 'x', severity: 'warning', message: 'm' }] }), '2024-05-20')).toMatchObject({ status: 'warning', warnings: 1 });
    expect(planRow(ocr('2024-03-04', '2024-02-05'), '2024-02-01')).toMatchObject({ status: 'lab', nextLab: '2024-02-05', nextDose: '2024-03-04' });
    expect(planRow(ocr('2024-03-04', '2024-02-05', true), '2024-02-01').status).toBe('overdue');
    expect(planRow(undefined, '2024-02-01').status).toBe('pending');
    expect(planRow({ drug: null, patientId: 'E', error: 'no dose', issues: [] }, '2024-02-01').status).toBe('error');
  });
});

describe('session file', () => {
  const patient: StoredPatient = {
    id: 'N', seq: 0, updatedAt: '2024-05-01T10:00', overrides: { natalizumab: { target: 5 }, ocrelizumab: {} }, choice: { option: 'interval:5', reason: 'holiday', at: '2024-05-01T10:00' },
    record: { id: 'N', drug: 'natalizumab', doses: [{ kind: 'dose', time: 19835.375, iso: '2024-04-22T09:00', amountMg: 300, route: 'iv', durationMin: 60 }], levels: [], bcells: [], weights: [], issues: [], order: 0 },
  };
  const report = { ...nat('2024-06-03'), model: { id: 'm', version: '1.2', name: 'M' } } as NatalizumabReport;
  it('writes app and model versions and reads back the same patients', () => {
    const s = buildSession({ appVersion: '0.1.0', savedAt: '2024-05-01T10:00', settings: { natalizumab: {}, ocrelizumab: { threshold: 12 } }, asOfMode: 'last', patients: [patient], reports: [report, undefined] });
    expect(s.models).toEqual([{ id: 'm', version: '1.2', name: 'M' }]);
    const back = readSession(JSON.stringify(s));
    expect('session' in back && back.session.patients).toEqual([patient]);
    expect('session' in back && back.session.settings).toEqual({ natalizumab: {}, ocrelizumab: { threshold: 12 } });
  });
  it('says what is wrong with a bad file', () => {
    expect(readSession('{oops')).toMatchObject({ error: expect.stringMatching(/^not a JSON file/) });
    expect(readSession('{"format":"x"}')).toMatchObject({ error: 'not an MS Interval session file (expected "format": "ms-interval-session")' });
    expect(readSession('{"format":"ms-interval-session","formatVersion":99,"patients":[]}')).toMatchObject({ error: 'session format version 99 is newer than this app understands (1)' });
    const bad = { format: 'ms-interval-session', formatVersion: 1, patients: [{ record: { ...patient.record, drug: 'aspirin' } }] };
    expect(readSession(JSON.stringify(bad))).toMatchObject({ error: 'patients[0]: drug must be natalizumab or ocrelizumab' });
    const twice = { format: 'ms-interval-session', formatVersion: 1, patients: [patient, patient] };
    expect(readSession(JSON.stringify(twice))).toMatchObject({ error: 'patients[1]: patient N appears twice' });
  });
  it('applies the sense checks of typing and importing to every record, naming patient, row and what is accepted', () => {
    const file = (record: Record<string, unknown>) => JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [{ record: { ...patient.record, ...record } }] });
    const level = (value: number, raw: string) => ({ kind: 'level', time: parseIsoTime('2024-05-20T08:38')!, iso: '2024-05-20T08:38', value, censored: false, unit: 'ug/mL', raw });
    // A level in ng/mL stored as µg/mL: refused as when typed.
    expect(readSession(file({ levels: [level(24100, '24100')] }))).toMatchObject({ error: 'patients[0] (patient N), row of 2024-05-20T08:38: value "24100" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (24100 ng/mL = 24.1 µg/mL)' });
    // A weight no adult has.
    expect(readSession(file({ weights: [{ kind: 'weight', time: 19835, iso: '2024-04-22T00:00', kg: 0.4 }] }))).toMatchObject({ error: expect.stringMatching(/^patients\[0\] \(patient N\), row of 2024-04-22T00:00: weight of 0.4 kg is not an adult's weight: write the weight in kg, from 20 to 300$/) });
    // A value that is not what its written form says (edited by hand).
    expect(readSession(file({ levels: [level(2410, '24.1')] }))).toMatchObject({ error: 'patients[0] (patient N), level of 2024-05-20T08:38: the stored value (2410) is not what its written form says (24.1); the file was changed by hand or damaged' });
    // A time that is not its date.
    const shifted = { doses: [{ ...(patient.record.doses[0]), time: 19834.375 }] };
    expect(readSession(file(shifted))).toMatchObject({ error: 'patients[0] (patient N), dose of 2024-04-22T09:00: the stored time is not that date and time; the file was changed by hand or damaged' });
    // A sound level passes.
    expect('session' in readSession(file({ levels: [level(24.1, '24.1')] }))).toBe(true);
  });
  it('says what is wrong in Dutch too, word for word, with the records checks in Dutch', () => {
    const file = (record: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [{ record: { ...patient.record, ...record }, ...extra }] });
    const level = (value: number, raw: string) => ({ kind: 'level', time: parseIsoTime('2024-05-20T08:38')!, iso: '2024-05-20T08:38', value, censored: false, unit: 'ug/mL', raw });
    const nl = (text: string) => {
      const r = readSession(text);
      if (!('problem' in r)) throw new Error('the file was read');
      // English stays what it was, for the same problem.
      expect(sessionProblemIn(r.problem, 'en')).toBe(r.error);
      return sessionProblemIn(r.problem, 'nl');
    };
    expect(nl('{"format":"x"}')).toBe('geen sessiebestand van MS Interval (verwacht: "format": "ms-interval-session")');
    expect(nl('{"format":"ms-interval-session","formatVersion":99,"patients":[]}')).toBe('sessieformaat versie 99 is nieuwer dan deze app begrijpt (1)');
    expect(nl(JSON.stringify({ format: 'ms-interval-session', formatVersion: 1 }))).toBe('het bestand heeft geen patiëntenlijst');
    expect(nl(JSON.stringify({ format: 'ms-interval-session', patients: [] }))).toBe('het bestand heeft geen "formatVersion" (een getal; deze app leest versie 1)');
    expect(readSession(JSON.stringify({ format: 'ms-interval-session', formatVersion: '1', patients: [] }))).toMatchObject({ error: 'the file has no "formatVersion" (a number; this app reads version 1)' });
    expect(nl(file({ drug: 'aspirin' }))).toBe('patients[0]: drug moet natalizumab of ocrelizumab zijn');
    expect(nl(JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [patient, patient] }))).toBe('patients[1]: patiënt N staat er twee keer in');
    expect(nl(file({}, { overrides: { natalizumab: { maxIntervalWeeks: 20 } } }))).toBe('patients[0]: settings.natalizumab.maxIntervalWeeks moet een getal van 4 tot 12 zijn');
    expect(nl(JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [], settings: { ocrelizumab: { redoseQuantile: 1.5 } } }))).toBe('settings.ocrelizumab.redoseQuantile moet een getal van 0,05 tot 0,95 zijn');
    expect(nl(file({}, { choice: { option: 'interval:5' } }))).toBe('patients[0]: een keuze moet een optie en een reden hebben');
    // The records module's own check, in its Dutch words.
    expect(nl(file({ levels: [level(24100, '24100')] }))).toBe('patients[0] (patiënt N), rij van 20-05-2024 08:38: waarde "24100" µg/mL van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens 500 µg/mL): misschien is de waarde in ng/mL; kies dan de eenheid ng/mL (24100 ng/mL = 24,1 µg/mL)');
    expect(nl(file({ levels: [level(2410, '24.1')] }))).toBe('patients[0] (patiënt N), spiegel van 20-05-2024 08:38: de opgeslagen waarde (2410) is niet wat de geschreven vorm zegt (24,1); het bestand is met de hand veranderd of beschadigd');
    expect(nl(file({ doses: [{ ...(patient.record.doses[0]), time: 19834.375 }] }))).toBe('patients[0] (patiënt N), gift van 22-04-2024 09:00: het opgeslagen tijdstip is niet die datum en tijd; het bestand is met de hand veranderd of beschadigd');
  });
  it('reads back every record of the example, validation and rare-sentence files (no false refusals)', () => {
    const files = ['fixtures/examples/example-patients.csv', 'fixtures/validation/natalizumab-virtual.csv', 'fixtures/validation/natalizumab-misspec.csv', 'fixtures/validation/natalizumab-sc.csv', 'fixtures/validation/ocrelizumab-virtual.csv', 'test/app/features/proposal/data/rare-sentences.csv'];
    let n = 0;
    for (const f of files) {
      const patients: StoredPatient[] = parseTdmCsv(readFileSync(f, 'utf8'), f).patients.map((record, i) => ({ id: record.id, record, overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '', seq: i }));
      const back = readSession(JSON.stringify(buildSession({ appVersion: 't', savedAt: '', settings: { natalizumab: {}, ocrelizumab: {} }, asOfMode: 'last', patients, reports: [] })));
      expect(back, f).not.toHaveProperty('error');
      if ('session' in back) expect(back.session.patients.map((p) => p.record)).toEqual(patients.map((p) => p.record));
      n += patients.length;
    }
    expect(n).toBeGreaterThan(250);
  });
  it('lists patients whose recomputed next dose differs', () => {
    const err: PatientError = { drug: null, patientId: 'E', error: 'x', issues: [] };
    expect(compareWithSaved([report, err], new Map([['N', nat('2024-06-03')]]))).toEqual([]);
    expect(compareWithSaved([report], new Map([['N', nat('2024-06-10')]]))).toEqual(['N']);
  });
});
