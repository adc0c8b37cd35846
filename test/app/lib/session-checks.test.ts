/**
 * Issue 15, item 10: a session or backup file gets a full check of every field before anything of
 * it is stored (src/app/lib/session.ts): the damaged files of the security probe (a note that is an
 * object, `issues: [null]`, a dose among the levels, `reports: [null]`, a report without a
 * proposal) are refused with their path, word for word in English and Dutch; fields the app does
 * not know are dropped; an empty patient list reads as nothing (the merge then changes nothing).
 */
import { describe, expect, it } from 'vitest';
import { buildSession, readSession } from '../../../src/app/lib/session';
import { sessionProblemIn } from '../../../src/app/lib/session-problems';
import { LIMITS } from '../../../src/app/lib/limits';
import type { StoredPatient } from '../../../src/app/storage/db';

const dose = { kind: 'dose', time: 19835.375, iso: '2024-04-22T09:00', amountMg: 300, route: 'iv', durationMin: 60 };
const level = { kind: 'level', time: 19863.364583333332, iso: '2024-05-20T08:45', value: 24.1, censored: false, unit: 'ug/mL', raw: '24.1' };
const patient: StoredPatient = {
  id: 'N', seq: 0, updatedAt: '2024-05-01T10:00', overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null,
  record: { id: 'N', drug: 'natalizumab', doses: [dose], levels: [level], bcells: [], weights: [], issues: [], order: 0 } as unknown as StoredPatient['record'],
};
const sessionWith = (record: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [{ ...patient, record: { ...patient.record, ...record } }], ...extra });

/** The problem of a refused file, in English and in Dutch. */
function refused(text: string): [string, string] {
  const r = readSession(text);
  if (!('problem' in r)) throw new Error('the file was read');
  return [r.error, sessionProblemIn(r.problem, 'nl')];
}

describe('a session file is checked field by field', () => {
  it('the sound file passes, and reads back the same patient', () => {
    const r = readSession(sessionWith({}));
    expect('session' in r && r.session.patients.map((p) => p.record)).toEqual([patient.record]);
  });

  it('a note that is an object is refused with its path', () => {
    expect(refused(sessionWith({ levels: [{ ...level, note: { x: 1 } }] }))).toEqual([
      'patients[0]: record.levels[0].note must be text', 'patients[0]: record.levels[0].note moet tekst zijn']);
  });

  it('issues: [null] is refused', () => {
    expect(refused(sessionWith({ issues: [null] }))).toEqual([
      'patients[0]: record.issues[0] must be an object', 'patients[0]: record.issues[0] moet een object zijn']);
  });

  it('a dose among the levels is refused', () => {
    expect(refused(sessionWith({ levels: [dose] }))[0]).toBe('patients[0]: record.levels[0] is a dose; levels holds only level rows');
    expect(refused(sessionWith({ levels: [dose] }))[1]).toMatch(/^patients\[0\]: record\.levels\[0\] is een gift; levels bevat alleen rijen van soort spiegel$/);
  });

  it('a number written as text, a route that is not iv or sc, a censored flag that is not true or false', () => {
    expect(refused(sessionWith({ doses: [{ ...dose, amountMg: '300' }] }))[0]).toBe('patients[0]: record.doses[0].amountMg must be a number');
    expect(refused(sessionWith({ doses: [{ ...dose, route: 'oral' }] }))[0]).toBe('patients[0]: record.doses[0].route must be iv or sc');
    expect(refused(sessionWith({ levels: [{ ...level, censored: 'no' }] }))[0]).toBe('patients[0]: record.levels[0].censored must be true or false');
  });

  it('reports: [null] and a report without a proposal are refused; a sound report passes', () => {
    expect(refused(sessionWith({}, { reports: [null] }))).toEqual([
      'reports[0] is not a report: an object with a patientId and a proposal or an error',
      'reports[0] is geen rapport: een object met een patientId en een voorstel of een fout']);
    expect(refused(sessionWith({}, { reports: [{ patientId: 'N', drug: 'natalizumab' }] }))[0]).toBe('reports[0] is not a report: an object with a patientId and a proposal or an error');
    expect(refused(sessionWith({}, { reports: 'x' }))[0]).toBe('reports[0] is not a report: an object with a patientId and a proposal or an error');
    expect('session' in readSession(sessionWith({}, { reports: [{ patientId: 'N', proposal: { nextDose: '2024-05-20' } }, { patientId: 'E', error: 'x' }] }))).toBe(true);
  });

  it('fields the app does not know are dropped, on the record and on its rows', () => {
    const r = readSession(sessionWith({ secret: 'x', levels: [{ ...level, script: '<img onerror=alert(1)>' }] }));
    if (!('session' in r)) throw new Error(r.error);
    const rec = r.session.patients[0].record as unknown as Record<string, unknown>;
    expect(rec.secret).toBeUndefined();
    expect((rec.levels as Record<string, unknown>[])[0].script).toBeUndefined();
    expect(r.session.patients[0].record).toEqual(patient.record);
  });

  it('more rows than a file may hold are refused before any record is read', () => {
    const many = Array.from({ length: LIMITS.rowsPerFile + 1 }, () => dose);
    expect(refused(sessionWith({ doses: many, levels: [] }))[0]).toBe(`the file holds ${LIMITS.rowsPerFile + 1} rows; at most ${LIMITS.rowsPerFile} are read at once`);
  });

  it('"patients": [] reads as a session with no patients (nothing to merge)', () => {
    const r = readSession(JSON.stringify({ format: 'ms-interval-session', formatVersion: 1, patients: [] }));
    expect('session' in r && r.session.patients).toEqual([]);
  });

  it('a file written by the app passes its own checks', () => {
    const s = buildSession({ appVersion: 't', savedAt: '', settings: { natalizumab: {}, ocrelizumab: {} }, asOfMode: 'last', patients: [patient], reports: [] });
    expect('session' in readSession(JSON.stringify(s))).toBe(true);
  });
});
