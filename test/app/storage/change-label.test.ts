/**
 * A change of the record is stored as a code with parameters, never as a sentence (so the Undo
 * button and the Changes view say it in the language of the screen); a change stored before
 * codes, with its sentence, is still read and kept as it was written, and undone as before.
 */
import { describe, expect, it } from 'vitest';
import { Store } from '../../../src/app/storage/store';
import { changeLabel, readLabel } from '../../../src/app/storage/change-label';
import type { HistoryRow, StoredPatient } from '../../../src/app/storage/db';
import type { PatientRecord } from '../../../src/core/types';

const rec = (id: string, amountMg = 300): PatientRecord => ({
  id, drug: 'natalizumab', order: 0, issues: [], levels: [], bcells: [], weights: [],
  doses: [{ kind: 'dose', time: 19834.375, iso: '2024-04-22T09:00', amountMg, route: 'iv', durationMin: 60 }],
});
const stored = (id: string, seq: number, amountMg = 300): StoredPatient => ({ id, record: rec(id, amountMg), overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '2026-01-01T09:00', seq });

/** The history rows as the Store reads them from IndexedDB at start (its private step after the read). */
function readHistory(s: Store, rows: HistoryRow[]): void {
  (s as unknown as { restoreHistory(r: HistoryRow[]): void }).restoreHistory(rows);
}

describe('a change is stored as a code with parameters', () => {
  it('changeLabel keeps the code and the parameters (none: no params)', () => {
    expect(changeLabel('change.import', { file: 'lab.csv' })).toEqual({ code: 'change.import', params: { file: 'lab.csv' } });
    expect(changeLabel('change.settings')).toEqual({ code: 'change.settings' });
    expect(changeLabel('change.settings', {})).toEqual({ code: 'change.settings' });
  });

  it('the store keeps the code and parameters in the undo stack and the history, with no sentence in any language', async () => {
    const s = new Store();
    await s.load();
    await s.importRecords([rec('A')], changeLabel('change.import', { file: 'lab.csv' }));
    await s.updateRecord(rec('A', 150), changeLabel('change.addDoses', { count: 3, id: 'A' }));
    await s.setClinic({ natalizumab: { target: 5 }, ocrelizumab: {} }, changeLabel('change.settings'));
    const st = s.getState();
    expect(st.undoLabels).toEqual([
      { code: 'change.import', params: { file: 'lab.csv' } },
      { code: 'change.addDoses', params: { count: 3, id: 'A' } },
      { code: 'change.settings' },
    ]);
    expect(st.changes.map((c) => c.label)).toEqual(st.undoLabels);
    expect(JSON.stringify(st.changes)).not.toMatch(/import of|import van|adding|toevoegen|clinic settings|kliniekinstellingen/);
    expect(await s.undo()).toEqual({ code: 'change.settings' });
    expect(s.getState().changes.at(-1)).toMatchObject({ label: { code: 'change.settings' }, undone: true });
  });
});

describe('changes stored before codes (a sentence as the label)', () => {
  it('readLabel keeps a sentence as it is, a code with its well-formed parameters, and reads anything else as an unknown change', () => {
    expect(readLabel('import van lab.csv')).toBe('import van lab.csv');
    expect(readLabel('')).toBe('');
    expect(readLabel({ code: 'change.import', params: { file: 'lab.csv' } })).toEqual({ code: 'change.import', params: { file: 'lab.csv' } });
    expect(readLabel({ code: 'change.addDoses', params: { count: 2, id: 'A', on: { date: '2026-03-01' }, bad: null, nan: Number.NaN, obj: { x: 1 } } }))
      .toEqual({ code: 'change.addDoses', params: { count: 2, id: 'A', on: { date: '2026-03-01' } } });
    expect(readLabel({ code: 'change.later', params: 'x' })).toEqual({ code: 'change.later' });
    expect(readLabel(undefined)).toEqual({ code: '?' });
    expect(readLabel(null)).toEqual({ code: '?' });
    expect(readLabel(42)).toEqual({ code: '?' });
    expect(readLabel({ label: 'x' })).toEqual({ code: '?' });
  });

  it('a history of sentence labels beside code labels is read whole: each shown as stored, undone in order', async () => {
    const s = new Store();
    await s.load();
    // What IndexedDB holds from before codes (two sentences, one Dutch, one English), then a coded change.
    const rows: HistoryRow[] = [
      { seq: 1, at: '2026-01-05T08:00:00.000Z', action: 'import', label: 'import van his.csv', patients: ['A'], detail: 'his.csv', before: [['A', null]] },
      { seq: 2, at: '2026-01-05T08:01:00.000Z', action: 'edit-row', label: 'editing a row of A', patients: ['A'], before: [['A', stored('A', 0)]], undone: true },
      { seq: 3, at: '2026-01-05T08:02:00.000Z', action: 'import', label: 'import of lab.csv', patients: ['A'], detail: 'lab.csv', before: [['A', stored('A', 0)]] },
      { seq: 4, at: '2026-01-05T08:03:00.000Z', action: 'choice', label: { code: 'change.choice', params: { id: 'A' } }, patients: ['A'], before: [['A', stored('A', 0, 600)]] },
    ];
    readHistory(s, rows);
    const st = s.getState();
    expect(st.changes.map((c) => c.label)).toEqual(['import van his.csv', 'editing a row of A', 'import of lab.csv', { code: 'change.choice', params: { id: 'A' } }]);
    expect(st.changes.map((c) => [c.seq, c.action, c.detail, c.undone ?? false])).toEqual([[1, 'import', 'his.csv', false], [2, 'edit-row', undefined, true], [3, 'import', 'lab.csv', false], [4, 'choice', undefined, false]]);
    // The undone one is not on the stack; the rest in order, newest last.
    expect(st.undoLabels).toEqual(['import van his.csv', 'import of lab.csv', { code: 'change.choice', params: { id: 'A' } }]);
    // A new change goes on after them, as a code.
    await s.deletePatient('A', changeLabel('change.deletePatient', { id: 'A' }));
    expect(s.getState().changes.at(-1)).toMatchObject({ seq: 5, label: { code: 'change.deletePatient', params: { id: 'A' } } });
    expect(await s.undo()).toEqual({ code: 'change.deletePatient', params: { id: 'A' } });
    expect(await s.undo()).toEqual({ code: 'change.choice', params: { id: 'A' } });
    expect(s.getState().patients[0].record.doses[0].amountMg).toBe(600);
    expect(await s.undo()).toBe('import of lab.csv');
    expect(s.getState().patients[0].record.doses[0].amountMg).toBe(300);
    expect(await s.undo()).toBe('import van his.csv');
    expect(s.getState().patients).toEqual([]);
    expect(await s.undo()).toBeNull();
    expect(s.getState().changes.map((c) => c.undone ?? false)).toEqual([true, true, true, true, true]);
  });

  it('a damaged label does not break the history: read as an unknown change', () => {
    const s = new Store();
    readHistory(s, [{ seq: 7, at: '2026-01-05T08:00:00.000Z', action: 'settings', label: null as unknown as string, patients: [], before: [] }]);
    expect(s.getState().undoLabels).toEqual([{ code: '?' }]);
    expect(s.getState().changes[0]).toMatchObject({ seq: 7, label: { code: '?' } });
  });
});
