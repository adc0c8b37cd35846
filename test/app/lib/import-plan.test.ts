import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../src/core/records/index';
import { changesNothing, needsDecision, planImport, planTotals, conflictId } from '../../../src/app/lib/import-plan';
import { dataLines, fileTooLarge, LIMITS, recordTooLarge } from '../../../src/app/lib/limits';
import type { StoredPatient } from '../../../src/app/storage/db';
import type { PatientRecord } from '../../../src/core/types';

const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\n';
const read = (rows: string, file = 'f.csv') => parseTdmCsv(HEAD + rows, file);
const stored = (r: PatientRecord, seq = 0): StoredPatient => ({ id: r.id, record: r, overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '', seq });
const ON = read('A,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\nA,natalizumab,level,2025-02-03T08:45,22.6,ug/mL,,,\n').patients[0];

describe('planImport', () => {
  it('per patient: new, merged (added / same / conflicts), refused rows and refused patients', () => {
    const file = read([
      'A,natalizumab,level,2025-02-03T08:45,22.4,ug/mL,,,',
      'A,natalizumab,level,2025-03-03T08:45,19,ug/mL,,,',
      'A,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,',
      'B,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,',
      'B,natalizumab,level,2025-02-03T08:45,-3,ug/mL,,,',
    ].join('\n') + '\n');
    const plan = planImport([stored(ON)], { source: 'f.csv', kind: 'csv', patients: file.patients.map((record) => ({ record })), issues: file.issues });
    expect(plan.patients.map((p) => [p.id, p.status, p.merge.added.length, p.merge.same.length, p.merge.conflicts.length, p.refusedRows.length]))
      .toEqual([['A', 'merge', 1, 1, 1, 0], ['B', 'new', 1, 0, 0, 1]]);
    expect(planTotals(plan)).toEqual({ patients: 2, newPatients: 1, added: 2, same: 1, conflicts: 1, refused: 1, refusedPatients: 0 });
    expect(needsDecision(plan)).toBe(true);
    expect(conflictId('A', plan.patients[0].merge.conflicts[0])).toMatch(/^A\|levels\|level@\d+$/);
  });

  it('a file that only adds (or repeats) rows needs no decision', () => {
    const lab = read('A,natalizumab,level,2025-03-03T08:45,19,ug/mL,,,\nA,natalizumab,level,2025-02-03T08:45,22.6,ug/mL,,,\n');
    const plan = planImport([stored(ON)], { source: 'lab.csv', kind: 'csv', patients: lab.patients.map((record) => ({ record })) });
    expect(needsDecision(plan)).toBe(false);
    expect(planTotals(plan)).toMatchObject({ added: 1, same: 1, conflicts: 0 });
  });

  it('a patient of another drug, or one grown past the row limit, is refused whole', () => {
    const ocr = read('A,ocrelizumab,dose,2025-01-06T09:00,600,mg,iv,210,\n').patients[0];
    const plan = planImport([stored(ON)], { source: 'o.csv', kind: 'csv', patients: [{ record: ocr }] });
    expect(plan.patients[0]).toMatchObject({ status: 'refused', refusedWhy: { code: 'drug', existing: 'natalizumab', incoming: 'ocrelizumab' } });
    const many = { ...ON, levels: Array.from({ length: LIMITS.rowsPerPatient + 1 }, (_, i) => ({ ...ON.levels[0], time: ON.levels[0].time + i, iso: `x${i}` })) };
    expect(planImport([], { source: 'm.json', kind: 'session', patients: [{ record: many }] }).patients[0].refusedWhy)
      .toEqual({ code: 'size', problem: { code: 'rows-per-patient', rows: LIMITS.rowsPerPatient + 2, max: LIMITS.rowsPerPatient } });
  });
});

describe('changesNothing (only such a file skips the preview; every other import waits for the confirm)', () => {
  const batch = (rows: string, kind: 'csv' | 'session' = 'csv') => ({ source: 'f', kind, patients: read(rows).patients.map((record) => ({ record })) });
  it('a file whose every row is on record changes nothing; one new row, a new patient or a conflict does', () => {
    const on = [stored(ON)];
    expect(changesNothing(planImport(on, batch('A,natalizumab,level,2025-02-03T08:45,22.6,ug/mL,,,\n')))).toBe(true);
    expect(changesNothing(planImport(on, batch('A,natalizumab,level,2025-03-03T08:45,19,ug/mL,,,\n')))).toBe(false);
    expect(changesNothing(planImport(on, batch('B,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,\n')))).toBe(false);
    expect(changesNothing(planImport(on, batch('A,natalizumab,level,2025-02-03T08:45,22.4,ug/mL,,,\n')))).toBe(false);
    expect(changesNothing(planImport(on, { source: 'e.json', kind: 'session', patients: [] }))).toBe(true);
  });
  it('a refused row, or a session file bringing a choice or own settings the browser lacks, is previewed', () => {
    const on = [stored(ON)];
    expect(changesNothing(planImport(on, batch('A,natalizumab,level,2025-02-03T08:45,22.6,ug/mL,,,\nA,natalizumab,level,2025-03-03T08:45,abc,ug/mL,,,\n')))).toBe(false);
    const choice = { nextDose: '2025-03-03', code: 'interval:4', reason: 'x', at: '2025-02-04T10:00' } as unknown as StoredPatient['choice'];
    const same = { record: ON };
    expect(changesNothing(planImport(on, { source: 's.json', kind: 'session', patients: [{ ...same, choice }] }))).toBe(false);
    expect(changesNothing(planImport(on, { source: 's.json', kind: 'session', patients: [{ ...same, overrides: { natalizumab: { target: 5 }, ocrelizumab: {} } }] }))).toBe(false);
    expect(changesNothing(planImport(on, { source: 's.json', kind: 'session', patients: [{ ...same, overrides: { natalizumab: {}, ocrelizumab: {} } }] }))).toBe(true);
    // The browser's own choice is kept: the file's is not taken, so nothing changes.
    expect(changesNothing(planImport([{ ...stored(ON), choice }], { source: 's.json', kind: 'session', patients: [{ ...same, choice }] }))).toBe(true);
  });
});

describe('limits', () => {
  it('counts data lines after the header, with or without a last line end', () => {
    expect(dataLines('h\na\nb\n')).toBe(2);
    expect(dataLines('h\na\nb')).toBe(2);
    expect(dataLines('h')).toBe(0);
  });
  it('refuses a file over the byte or row limit, on each side of it', () => {
    expect(fileTooLarge(LIMITS.fileBytes)).toBeNull();
    expect(fileTooLarge(LIMITS.fileBytes + 1)).toEqual({ code: 'file-bytes', bytes: LIMITS.fileBytes + 1, max: LIMITS.fileBytes });
    const rows = (n: number) => 'h\n' + 'x\n'.repeat(n);
    expect(fileTooLarge(10, rows(LIMITS.rowsPerFile))).toBeNull();
    expect(fileTooLarge(10, rows(LIMITS.rowsPerFile + 1))).toEqual({ code: 'rows-per-file', rows: LIMITS.rowsPerFile + 1, max: LIMITS.rowsPerFile });
  });
  it('refuses a field or an id over its length, naming the row', () => {
    const note = (n: number) => ({ ...ON, levels: [{ ...ON.levels[0], note: 'x'.repeat(n) }] });
    expect(recordTooLarge(note(LIMITS.fieldLength))).toBeNull();
    expect(recordTooLarge(note(LIMITS.fieldLength + 1))).toEqual({ code: 'field-length', field: 'note', at: '2025-02-03T08:45', length: LIMITS.fieldLength + 1, max: LIMITS.fieldLength });
    expect(recordTooLarge({ ...ON, id: 'x'.repeat(LIMITS.idLength + 1) })).toMatchObject({ code: 'id-length' });
  });
});
