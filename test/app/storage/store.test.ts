import { describe, it, expect } from 'vitest';
import { Store } from '../../../src/app/storage/store';
import type { PatientRecord } from '../../../src/core/types';

const rec = (id: string, amountMg = 300): PatientRecord => ({
  id, drug: 'natalizumab', order: 0, issues: [], levels: [], bcells: [], weights: [],
  doses: [{ kind: 'dose', time: 19834.375, iso: '2024-04-22T09:00', amountMg, route: 'iv', durationMin: 60 }],
});

describe('store without IndexedDB (in memory, says so)', () => {
  it('reports storage as unavailable and still works, seeding the examples', async () => {
    const s = new Store();
    await s.load(async () => [rec('EX-1')]);
    expect(s.getState()).toMatchObject({ ready: true, storage: 'unavailable', storageError: 'Error: IndexedDB is not available in this browser' });
    expect(s.getState().patients.map((p) => p.id)).toEqual(['EX-1']);
  });
  it('imports (replacing by id, keeping choice and order), edits, deletes and undoes each step', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A'), rec('B')], 'import 1');
    await s.setChoice('A', { option: 'interval:5', reason: 'holiday', at: '' }, 'choice');
    await s.importRecords([rec('A', 600), rec('C')], 'import 2');
    let st = s.getState();
    expect(st.patients.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    expect(st.patients[0].record.doses[0].amountMg).toBe(600);
    expect(st.patients[0].choice?.reason).toBe('holiday');
    await s.updateRecord(rec('B', 150), 'edit B');
    await s.deletePatient('A', 'delete A');
    expect(s.getState().patients.map((p) => p.id)).toEqual(['B', 'C']);
    expect(s.getState().undoLabels).toEqual(['import 1', 'choice', 'import 2', 'edit B', 'delete A']);
    expect(await s.undo()).toBe('delete A');
    expect(s.getState().patients.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    expect(await s.undo()).toBe('edit B');
    expect(s.getState().patients[1].record.doses[0].amountMg).toBe(300);
    expect(await s.undo()).toBe('import 2');
    st = s.getState();
    expect(st.patients.map((p) => p.id)).toEqual(['A', 'B']);
    expect(st.patients[0].record.doses[0].amountMg).toBe(300);
    await s.setClinic({ natalizumab: { target: 5 }, ocrelizumab: {} }, 'clinic');
    expect(await s.undo()).toBe('clinic');
    expect(s.getState().clinic).toEqual({ natalizumab: {}, ocrelizumab: {} });
  });
  it('an import during start-up is not overwritten by the start-up read', async () => {
    const s = new Store();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const loading = s.load(async () => { await gate; return [rec('EX-1')]; });
    const importing = s.importRecords([rec('MINE')], 'import');
    release();
    await Promise.all([loading, importing]);
    expect(s.getState().patients.map((p) => p.id)).toEqual(['EX-1', 'MINE']);
  });
  it('replaces everything from a backup, undoably', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A')], 'import');
    const backup = [{ id: 'Z', record: rec('Z'), overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '', seq: 0 }];
    await s.replaceAll(backup, { natalizumab: { target: 5 }, ocrelizumab: {} }, 'restore');
    expect(s.getState().patients.map((p) => p.id)).toEqual(['Z']);
    expect(s.getState().clinic.natalizumab.target).toBe(5);
    await s.undo();
    expect(s.getState().patients.map((p) => p.id)).toEqual(['A']);
    expect(s.getState().clinic.natalizumab).toEqual({});
  });
});

describe('a patient started by hand', () => {
  const empty = (id: string): PatientRecord => ({ id, drug: 'natalizumab', order: 0, issues: [], levels: [], bcells: [], weights: [], doses: [] });
  it('is created empty at the end of the list with its weight waiting, refused when the id exists, undoable', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A')], 'import');
    await s.createPatient(empty('NEW-1'), '72.5', 'new patient NEW-1');
    const p = s.getState().patients.find((x) => x.id === 'NEW-1')!;
    expect(s.getState().patients.map((x) => x.id)).toEqual(['A', 'NEW-1']);
    expect(p).toMatchObject({ pendingWeightKg: '72.5', choice: null, record: { doses: [], weights: [] } });
    await expect(s.createPatient(empty('A'), undefined, 'again')).rejects.toThrow('patient A exists already');
    // The first doses saved with the weight as a row: the waiting weight is gone.
    await s.updateRecord({ ...rec('NEW-1'), weights: [{ kind: 'weight', time: 19834.375, iso: '2024-04-22T09:00', kg: 72.5 }] }, 'doses', true);
    expect(s.getState().patients.find((x) => x.id === 'NEW-1')!.pendingWeightKg).toBeUndefined();
    await s.undo();
    expect(s.getState().patients.find((x) => x.id === 'NEW-1')!.pendingWeightKg).toBe('72.5');
    await s.undo();
    expect(s.getState().patients.map((x) => x.id)).toEqual(['A']);
  });
  it('keeps the clinic\'s infusion time (HH:MM) and refuses anything else', async () => {
    const s = new Store();
    await s.load();
    expect(s.getState().infusionTime).toBe('09:00');
    await s.setInfusionTime('10:30');
    expect(s.getState().infusionTime).toBe('10:30');
    await expect(s.setInfusionTime('25:00')).rejects.toThrow('not a clock time: 25:00');
    expect(s.getState().infusionTime).toBe('10:30');
  });
});
