import { describe, it, expect } from 'vitest';
import { Store } from '../../../src/app/storage/store';
import { changeLabel } from '../../../src/app/storage/change-label';
import type { PatientRecord } from '../../../src/core/types';

/** Labels as the app records them: a code with parameters. */
const imp = (file: string) => changeLabel('change.import', { file });
const choice = (id: string) => changeLabel('change.choice', { id });
const edit = (id: string) => changeLabel('change.editRow', { id });
const del = (id: string) => changeLabel('change.deletePatient', { id });
const clinic = changeLabel('change.settings');

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
  it('imports by merging (a file never removes a row; another value waits for a yes), edits, deletes and undoes each step', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A'), rec('B')], imp('one.csv'));
    await s.setChoice('A', { option: 'interval:5', reason: 'holiday', at: '' }, choice('A'));
    // A's dose again with another amount: a conflict, not applied; C is new.
    const plan = await s.importRecords([rec('A', 600), rec('C')], imp('two.csv'));
    expect(plan.patients.map((p) => [p.id, p.status, p.merge.conflicts.length])).toEqual([['A', 'merge', 1], ['C', 'new', 0]]);
    let st = s.getState();
    expect(st.patients.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    expect(st.patients[0].record.doses.map((d) => d.amountMg)).toEqual([300]);
    expect(st.patients[0].choice?.reason).toBe('holiday');
    await s.updateRecord(rec('B', 150), edit('B'));
    await s.deletePatient('A', del('A'));
    expect(s.getState().patients.map((p) => p.id)).toEqual(['B', 'C']);
    expect(s.getState().undoLabels).toEqual([imp('one.csv'), choice('A'), imp('two.csv'), edit('B'), del('A')]);
    expect(s.getState().changes.map((c) => c.action)).toEqual(['import', 'choice', 'import', 'edit-row', 'delete-patient']);
    expect(await s.undo()).toEqual(del('A'));
    expect(s.getState().patients.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    expect(await s.undo()).toEqual(edit('B'));
    expect(s.getState().patients[1].record.doses[0].amountMg).toBe(300);
    expect(await s.undo()).toEqual(imp('two.csv'));
    st = s.getState();
    expect(st.patients.map((p) => p.id)).toEqual(['A', 'B']);
    expect(st.patients[0].record.doses[0].amountMg).toBe(300);
    expect(st.changes.filter((c) => c.undone).map((c) => c.label)).toEqual([imp('two.csv'), edit('B'), del('A')]);
    await s.setClinic({ natalizumab: { target: 5 }, ocrelizumab: {} }, clinic);
    expect(await s.undo()).toEqual(clinic);
    expect(s.getState().clinic).toEqual({ natalizumab: {}, ocrelizumab: {} });
  });
  it('a conflict chosen in the preview is applied; a file with nothing new is not a change', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A')], imp('one.csv'));
    const batch = { source: 'f.csv', kind: 'csv' as const, patients: [{ record: rec('A', 600) }] };
    const plan = await s.applyImport(batch, new Set(), imp('no.csv'));
    expect(s.getState().patients[0].record.doses[0].amountMg).toBe(300);
    const key = `A|doses|${plan.patients[0].merge.conflicts[0].key}`;
    await s.applyImport(batch, new Set([key]), imp('yes.csv'));
    expect(s.getState().patients[0].record.doses[0].amountMg).toBe(600);
    await s.applyImport(batch, new Set(), imp('again.csv'));
    expect(s.getState().undoLabels).toEqual([imp('one.csv'), imp('yes.csv')]);
  });
  it('a session merges patient by patient: a patient only here stays, its choice is taken only where none is recorded', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A'), rec('HAND')], imp('a.csv'));
    const choice = { option: 'interval:6', reason: 'from file', at: '' };
    await s.applyImport({ source: 'backup.json', kind: 'session', patients: [{ record: rec('A'), choice }, { record: rec('Z'), choice }] }, new Set(), changeLabel('change.restore', { file: 'backup.json' }));
    const st = s.getState();
    expect(st.patients.map((p) => p.id)).toEqual(['A', 'HAND', 'Z']);
    expect(st.patients.map((p) => p.choice?.reason ?? null)).toEqual(['from file', null, 'from file']);
    expect(st.changes.at(-1)).toMatchObject({ action: 'restore', detail: 'backup.json', patients: ['A', 'Z'] });
    // An empty session changes nothing.
    await s.applyImport({ source: 'empty.json', kind: 'session', patients: [] }, new Set(), changeLabel('change.restore', { file: 'empty.json' }));
    expect(s.getState().patients).toEqual(st.patients);
    expect(s.getState().undoLabels.at(-1)).toEqual({ code: 'change.restore', params: { file: 'backup.json' } });
  });
  it('removes the example patients in one undoable change', async () => {
    const s = new Store();
    await s.load(async () => [rec('EX-1'), rec('EX-2')]);
    await s.importRecords([rec('MINE')], imp('mine.csv'));
    expect(await s.removeExamples(changeLabel('change.removeExamples'))).toBe(2);
    expect(s.getState().patients.map((p) => p.id)).toEqual(['MINE']);
    expect(s.getState().changes.at(-1)).toMatchObject({ action: 'remove-examples', patients: ['EX-1', 'EX-2'] });
    await s.undo();
    expect(s.getState().patients.map((p) => p.id)).toEqual(['EX-1', 'EX-2', 'MINE']);
  });
  it('an import during start-up is not overwritten by the start-up read', async () => {
    const s = new Store();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const loading = s.load(async () => { await gate; return [rec('EX-1')]; });
    const importing = s.importRecords([rec('MINE')], imp('mine.csv'));
    release();
    await Promise.all([loading, importing]);
    expect(s.getState().patients.map((p) => p.id)).toEqual(['EX-1', 'MINE']);
  });
  it('replaces everything from a backup, undoably', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A')], imp('a.csv'));
    const backup = [{ id: 'Z', record: rec('Z'), overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '', seq: 0 }];
    await s.replaceAll(backup, { natalizumab: { target: 5 }, ocrelizumab: {} }, changeLabel('change.replaceAll', { file: 'backup.json' }));
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
    await s.importRecords([rec('A')], imp('a.csv'));
    await s.createPatient(empty('NEW-1'), '72.5', changeLabel('change.newPatient', { id: 'NEW-1' }));
    const p = s.getState().patients.find((x) => x.id === 'NEW-1')!;
    expect(s.getState().patients.map((x) => x.id)).toEqual(['A', 'NEW-1']);
    expect(p).toMatchObject({ pendingWeightKg: '72.5', choice: null, record: { doses: [], weights: [] } });
    await expect(s.createPatient(empty('A'), undefined, changeLabel('change.newPatient', { id: 'A' }))).rejects.toThrow('patient A exists already');
    // The first doses saved with the weight as a row: the waiting weight is gone.
    await s.updateRecord({ ...rec('NEW-1'), weights: [{ kind: 'weight', time: 19834.375, iso: '2024-04-22T09:00', kg: 72.5 }] }, changeLabel('change.addDoses', { count: 1, id: 'NEW-1' }), true);
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
