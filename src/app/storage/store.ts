/**
 * The app's state: patients, clinic settings and the planning mode, saved to IndexedDB on every
 * change. When storage is unavailable (private window, quota, blocked) the app keeps working in
 * memory and says so. Each change can be undone.
 */
import type { PatientRecord } from '../../core/types';
import type { EngineSettings } from '../../core/engine';
import { openDb, type AppDb, type Choice, type StoredPatient } from './db';

export type AsOfMode = 'last' | 'today';

export interface AppState {
  /** False until storage has been read. */
  ready: boolean;
  storage: 'ok' | 'unavailable';
  storageError: string | null;
  patients: StoredPatient[];
  clinic: EngineSettings;
  asOfMode: AsOfMode;
  /** The clinic's usual infusion clock time (`HH:MM`): the default of a dosing schedule typed in. */
  infusionTime: string;
  /** Labels of the changes that can be undone, newest last. */
  undoLabels: string[];
}

interface UndoEntry {
  label: string;
  before: Map<string, StoredPatient | null>;
  clinic?: EngineSettings;
}

const MAX_UNDO = 50;
/** A date alone in the TDM CSV means 09:00 (spec): the clinic's infusion time until it sets another. */
export const DEFAULT_INFUSION_TIME = '09:00';
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const nowIso = () => new Date().toISOString().slice(0, 16);

export function emptyOverrides(): EngineSettings {
  return { natalizumab: {}, ocrelizumab: {} };
}

export class Store {
  private state: AppState = {
    ready: false, storage: 'ok', storageError: null, patients: [], clinic: emptyOverrides(), asOfMode: 'last', infusionTime: DEFAULT_INFUSION_TIME, undoLabels: [],
  };
  private listeners = new Set<() => void>();
  private undoStack: UndoEntry[] = [];
  private db: AppDb | null = null;

  getState = (): AppState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  private storageFailed(e: unknown): void {
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    this.db = null;
    this.set({ storage: 'unavailable', storageError: msg });
  }

  private loading: Promise<void> | null = null;

  /** Changes wait until storage has been read, so nothing done during start-up is overwritten. */
  private async settled(): Promise<void> {
    if (this.loading) await this.loading.catch(() => undefined);
  }

  /** Open the database and read everything; `seed` is called with no patients stored yet. Runs once. */
  load(seed?: () => Promise<PatientRecord[]>, dbName?: string): Promise<void> {
    if (!this.loading) this.loading = this.doLoad(seed, dbName);
    return this.loading;
  }

  private async doLoad(seed?: () => Promise<PatientRecord[]>, dbName?: string): Promise<void> {
    let patients: StoredPatient[] = [];
    let clinic = emptyOverrides();
    let asOfMode: AsOfMode = 'last';
    let infusionTime = DEFAULT_INFUSION_TIME;
    let seeded = false;
    try {
      if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
      const db = openDb(dbName);
      await db.open();
      this.db = db;
      patients = await db.patients.toArray();
      const c = await db.settings.get('clinic');
      if (c?.value) clinic = c.value as EngineSettings;
      const m = await db.settings.get('asOfMode');
      if (m?.value === 'today' || m?.value === 'last') asOfMode = m.value;
      const it = await db.settings.get('infusionTime');
      if (typeof it?.value === 'string' && CLOCK.test(it.value)) infusionTime = it.value;
      seeded = !!(await db.meta.get('seeded'))?.value;
    } catch (e) {
      this.storageFailed(e);
    }
    patients.sort((a, b) => a.seq - b.seq);
    this.set({ patients, clinic, asOfMode, infusionTime });
    if (patients.length === 0 && !seeded && seed) {
      try {
        const records = await seed();
        if (records.length) {
          this.state = { ...this.state, patients: records.map((r, i) => ({ ...this.wrap(r, i), example: true })) };
          await this.persist(this.state.patients.map((p) => p.id));
        }
        await this.db?.meta.put({ key: 'seeded', value: true });
      } catch (e) {
        if (!(e instanceof Error && /IndexedDB|Dexie|Database/i.test(e.name + e.message))) throw e;
        this.storageFailed(e);
      }
    }
    this.set({ ready: true });
  }

  private wrap(record: PatientRecord, seq: number, prev?: StoredPatient): StoredPatient {
    return { id: record.id, record, overrides: prev?.overrides ?? emptyOverrides(), choice: prev?.choice ?? null, updatedAt: nowIso(), seq: prev?.seq ?? seq, ...(prev?.example ? { example: true } : {}) };
  }

  private async persist(ids: string[]): Promise<void> {
    if (!this.db) return;
    const byId = new Map(this.state.patients.map((p) => [p.id, p]));
    const puts = ids.map((id) => byId.get(id)).filter((p): p is StoredPatient => !!p);
    const dels = ids.filter((id) => !byId.has(id));
    try {
      await this.db.transaction('rw', this.db.patients, async () => {
        if (puts.length) await this.db!.patients.bulkPut(puts);
        if (dels.length) await this.db!.patients.bulkDelete(dels);
      });
    } catch (e) {
      this.storageFailed(e);
    }
  }

  private async persistClinic(): Promise<void> {
    if (!this.db) return;
    try { await this.db.settings.put({ key: 'clinic', value: this.state.clinic }); } catch (e) { this.storageFailed(e); }
  }

  /** Apply a change to some patients (null removes), remembering the old values for undo. */
  private async change(label: string, next: Map<string, StoredPatient | null>): Promise<void> {
    await this.settled();
    const cur = new Map(this.state.patients.map((p) => [p.id, p]));
    const before = new Map<string, StoredPatient | null>();
    for (const id of next.keys()) before.set(id, cur.get(id) ?? null);
    this.pushUndo({ label, before });
    this.applyPatients(next);
    await this.persist([...next.keys()]);
  }

  private applyPatients(next: Map<string, StoredPatient | null>): void {
    const list = this.state.patients.filter((p) => !next.has(p.id) || next.get(p.id) !== null)
      .map((p) => next.get(p.id) ?? p);
    const have = new Set(list.map((p) => p.id));
    for (const [id, p] of next) if (p && !have.has(id)) list.push(p);
    list.sort((a, b) => a.seq - b.seq);
    this.set({ patients: list });
  }

  private pushUndo(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    this.set({ undoLabels: this.undoStack.map((u) => u.label) });
  }

  /** Save imported patients: a patient whose id exists is replaced (its choice and overrides kept). */
  async importRecords(records: PatientRecord[], label: string): Promise<void> {
    await this.settled();
    const cur = new Map(this.state.patients.map((p) => [p.id, p]));
    let seq = this.state.patients.reduce((m, p) => Math.max(m, p.seq + 1), 0);
    const next = new Map<string, StoredPatient | null>();
    for (const r of records) {
      const prev = cur.get(r.id);
      next.set(r.id, this.wrap(r, prev ? prev.seq : seq++, prev));
    }
    await this.change(label, next);
  }

  /** Replace one patient's record (after an edit was validated); `usedPendingWeight`: the new patient's weight is now a row. */
  async updateRecord(record: PatientRecord, label: string, usedPendingWeight = false): Promise<void> {
    const prev = this.state.patients.find((p) => p.id === record.id);
    if (!prev) throw new Error(`no patient ${record.id}`);
    const next: StoredPatient = { ...prev, record: { ...record, order: prev.record.order }, updatedAt: nowIso() };
    if (usedPendingWeight) delete next.pendingWeightKg;
    await this.change(label, new Map([[record.id, next]]));
  }

  /** A patient started by hand (an empty record, perhaps a weight waiting for the first dose); undoable. */
  async createPatient(record: PatientRecord, pendingWeightKg: string | undefined, label: string): Promise<void> {
    await this.settled();
    if (this.state.patients.some((p) => p.id === record.id)) throw new Error(`patient ${record.id} exists already`);
    const seq = this.state.patients.reduce((m, p) => Math.max(m, p.seq + 1), 0);
    const p = this.wrap({ ...record, order: seq }, seq);
    if (pendingWeightKg) p.pendingWeightKg = pendingWeightKg;
    await this.change(label, new Map([[record.id, p]]));
  }

  async deletePatient(id: string, label: string): Promise<void> {
    await this.change(label, new Map([[id, null]]));
  }

  async setChoice(id: string, choice: Choice | null, label: string): Promise<void> {
    const prev = this.state.patients.find((p) => p.id === id);
    if (!prev) return;
    await this.change(label, new Map([[id, { ...prev, choice, updatedAt: nowIso() }]]));
  }

  async setOverrides(id: string, overrides: EngineSettings, label: string): Promise<void> {
    const prev = this.state.patients.find((p) => p.id === id);
    if (!prev) return;
    await this.change(label, new Map([[id, { ...prev, overrides, updatedAt: nowIso() }]]));
  }

  async setClinic(clinic: EngineSettings, label: string): Promise<void> {
    await this.settled();
    this.pushUndo({ label, before: new Map(), clinic: this.state.clinic });
    this.set({ clinic });
    await this.persistClinic();
  }

  /** The clinic's infusion clock time (`HH:MM`, 24 h). */
  async setInfusionTime(infusionTime: string): Promise<void> {
    if (!CLOCK.test(infusionTime)) throw new Error(`not a clock time: ${infusionTime}`);
    await this.settled();
    this.set({ infusionTime });
    try { await this.db?.settings.put({ key: 'infusionTime', value: infusionTime }); } catch (e) { this.storageFailed(e); }
  }

  async setAsOfMode(asOfMode: AsOfMode): Promise<void> {
    await this.settled();
    this.set({ asOfMode });
    try { await this.db?.settings.put({ key: 'asOfMode', value: asOfMode }); } catch (e) { this.storageFailed(e); }
  }

  /** Replace everything (restore from a backup); undoable. */
  async replaceAll(patients: StoredPatient[], clinic: EngineSettings, label: string): Promise<void> {
    await this.settled();
    const next = new Map<string, StoredPatient | null>();
    for (const p of this.state.patients) next.set(p.id, null);
    patients.forEach((p, i) => next.set(p.id, { ...p, seq: i }));
    this.pushUndo({ label, before: new Map([...next.keys()].map((id) => [id, this.state.patients.find((p) => p.id === id) ?? null])), clinic: this.state.clinic });
    this.set({ clinic });
    this.applyPatients(next);
    await this.persist([...next.keys()]);
    await this.persistClinic();
  }

  /** Undo the latest change; returns its label or null. */
  async undo(): Promise<string | null> {
    await this.settled();
    const u = this.undoStack.pop();
    if (!u) return null;
    this.set({ undoLabels: this.undoStack.map((x) => x.label) });
    if (u.clinic) { this.set({ clinic: u.clinic }); await this.persistClinic(); }
    if (u.before.size) {
      this.applyPatients(u.before);
      await this.persist([...u.before.keys()]);
    }
    return u.label;
  }
}
