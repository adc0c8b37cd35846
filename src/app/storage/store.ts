/**
 * The app's state: patients, clinic settings and the planning mode, saved to IndexedDB on every
 * change. When storage is unavailable (private window, quota, blocked) the app keeps working in
 * memory and says so. Each change can be undone.
 */
import type { PatientRecord } from '../../core/types';
import type { EngineSettings } from '../../core/engine';
import { openDb, type AppDb, type ChangeAction, type Choice, type HistoryRow, type StoredPatient } from './db';
import { readLabel, type ChangeLabel, type StoredLabel } from './change-label';
import { conflictId, planImport, type ImportPlan, type IncomingBatch } from '../lib/import-plan';
import { applyConflicts, rowCount } from '../../core/records/merge';
import { hasOverrides } from '../lib/settings';
import { checkLocalCodes, type LocalCodes } from '../../core/fhir/codes';
import { instantNow, stampNow as nowIso } from '../lib/dates';

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
  /** Forecasts take the spread the clinic's own troughs show (issue 17; on unless turned off). */
  calibrate: boolean;
  /** Every import is previewed before it is saved, even one that only adds rows (issue 15; off: such a file is saved at once, with undo). */
  previewImports: boolean;
  /** The clinic's drug price per infusion, by drug (the outcomes view's cost avoided); empty: none entered. */
  prices?: Partial<Record<'natalizumab' | 'ocrelizumab', number>>;
  /** Labels of the changes that can be undone, newest last: codes with parameters (a sentence only if stored before codes). */
  undoLabels: StoredLabel[];
  /** The change history (kept in IndexedDB), oldest first, without the undo data. */
  changes: ChangeEntry[];
  /** The clinic's local lab codes read on FHIR import (src/core/fhir/codes.ts). */
  localCodes?: LocalCodes;
}

/** A change as the Changes view lists it. */
export type ChangeEntry = Omit<HistoryRow, 'before' | 'clinic'> & { seq: number };

interface UndoEntry {
  seq: number;
  label: StoredLabel;
  before: Map<string, StoredPatient | null>;
  clinic?: EngineSettings;
}

/** What a change is, for the history (the label is a code: said in the language of the screen when shown). */
export interface ChangeMeta {
  action: ChangeAction;
  detail?: string;
}

/** Changes that can be undone, also after a reload (the issue asks for at least 20). */
const MAX_UNDO = 50;
/** Changes kept in the history (older ones are dropped with their undo data). */
const MAX_HISTORY = 200;
/** A date alone in the TDM CSV means 09:00 (spec): the clinic's infusion time until it sets another. */
export const DEFAULT_INFUSION_TIME = '09:00';
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Only positive finite prices of the two drugs. */
function validPrices(v: Record<string, unknown>): Partial<Record<'natalizumab' | 'ocrelizumab', number>> {
  const out: Partial<Record<'natalizumab' | 'ocrelizumab', number>> = {};
  for (const d of ['natalizumab', 'ocrelizumab'] as const) { const x = v[d]; if (typeof x === 'number' && Number.isFinite(x) && x > 0) out[d] = x; }
  return out;
}

export function emptyOverrides(): EngineSettings {
  return { natalizumab: {}, ocrelizumab: {} };
}

export class Store {
  private state: AppState = {
    ready: false, storage: 'ok', storageError: null, patients: [], clinic: emptyOverrides(), asOfMode: 'last', infusionTime: DEFAULT_INFUSION_TIME, calibrate: true, previewImports: false, undoLabels: [], changes: [],
  };
  private nextSeq = 1;
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
    let calibrate = true;
    let previewImports = false;
    let seeded = false;
    let history: HistoryRow[] = [];
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
      const cal = await db.settings.get('calibrate');
      if (typeof cal?.value === 'boolean') calibrate = cal.value;
      const pv = await db.settings.get('previewImports');
      if (typeof pv?.value === 'boolean') previewImports = pv.value;
      const pr = await db.settings.get('prices');
      if (pr?.value && typeof pr.value === 'object') this.state = { ...this.state, prices: validPrices(pr.value as Record<string, unknown>) };
      seeded = !!(await db.meta.get('seeded'))?.value;
      history = await db.history.orderBy('seq').toArray();
      const lc = await db.settings.get('fhirLocalCodes');
      if (lc?.value && typeof lc.value === 'object') this.state = { ...this.state, localCodes: checkLocalCodes(lc.value) };
    } catch (e) {
      this.storageFailed(e);
    }
    patients.sort((a, b) => a.seq - b.seq);
    this.restoreHistory(history);
    this.set({ patients, clinic, asOfMode, infusionTime, calibrate, previewImports });
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
  private async change(label: ChangeLabel, next: Map<string, StoredPatient | null>, meta: ChangeMeta): Promise<void> {
    await this.settled();
    const cur = new Map(this.state.patients.map((p) => [p.id, p]));
    const before = new Map<string, StoredPatient | null>();
    for (const id of next.keys()) before.set(id, cur.get(id) ?? null);
    await this.pushUndo(label, before, meta);
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

  /** The history read at start: the changes not undone (newest MAX_UNDO) can be undone. */
  private restoreHistory(rows: HistoryRow[]): void {
    const kept = rows.filter((r): r is HistoryRow & { seq: number } => typeof r.seq === 'number');
    this.nextSeq = kept.reduce((m, r) => Math.max(m, r.seq + 1), 1);
    this.undoStack = kept.filter((r) => !r.undone).slice(-MAX_UNDO)
      .map((r) => ({ seq: r.seq, label: readLabel(r.label), before: new Map(r.before), ...(r.clinic ? { clinic: r.clinic } : {}) }));
    this.state = { ...this.state, changes: kept.map(entryOf), undoLabels: this.undoStack.map((u) => u.label) };
  }

  /** Record a change: in the undo stack and in the history (IndexedDB), before it is applied. */
  private async pushUndo(label: ChangeLabel, before: Map<string, StoredPatient | null>, meta: ChangeMeta, clinic?: EngineSettings): Promise<void> {
    const row: HistoryRow = {
      at: instantNow(), action: meta.action, label, patients: [...before.keys()],
      ...(meta.detail ? { detail: meta.detail } : {}), before: [...before], ...(clinic ? { clinic } : {}),
    };
    let seq = this.nextSeq;
    if (this.db) {
      try {
        seq = await this.db.history.add(row) as number;
        const old = seq - MAX_HISTORY;
        if (old > 0) await this.db.history.where('seq').belowOrEqual(old).delete();
      } catch (e) { this.storageFailed(e); }
    }
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
    this.undoStack.push({ seq, label, before, ...(clinic ? { clinic } : {}) });
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    const changes = [...this.state.changes, entryOf({ ...row, seq })].slice(-MAX_HISTORY);
    this.set({ undoLabels: this.undoStack.map((u) => u.label), changes });
  }

  /**
   * Save imported patients by merging (src/core/records/merge.ts): a patient on record keeps every
   * row; the file's new rows are added; a conflict is applied only when its id (`conflictId`) is in
   * `chosen`. A session file's choice and settings of a patient are taken only where the browser
   * has none. Returns the plan as applied (re-planned against what is on record now).
   */
  async applyImport(batch: IncomingBatch, chosen: ReadonlySet<string>, label: ChangeLabel): Promise<ImportPlan> {
    await this.settled();
    const plan = planImport(this.state.patients, batch);
    const cur = new Map(this.state.patients.map((p) => [p.id, p]));
    let seq = this.state.patients.reduce((m, p) => Math.max(m, p.seq + 1), 0);
    const next = new Map<string, StoredPatient | null>();
    for (const p of plan.patients) {
      if (p.status === 'refused' || next.has(p.id)) continue;
      const record = applyConflicts(p.merge.record, p.merge.conflicts.filter((c) => chosen.has(conflictId(p.id, c))));
      const inc = p.incoming;
      const prev = cur.get(p.id);
      if (!prev) {
        const w = this.wrap(record, seq++);
        next.set(p.id, {
          ...w, ...(inc.choice ? { choice: inc.choice } : {}), ...(inc.overrides ? { overrides: inc.overrides } : {}),
          ...(inc.pendingWeightKg && rowCount(record) === 0 ? { pendingWeightKg: inc.pendingWeightKg } : {}),
        });
        continue;
      }
      const choice = prev.choice ?? inc.choice ?? null;
      const overrides = hasOverrides(prev.overrides) || !inc.overrides ? prev.overrides : inc.overrides;
      if (record === prev.record && choice === prev.choice && overrides === prev.overrides) continue;
      next.set(p.id, { ...prev, record: { ...record, order: prev.record.order }, choice, overrides, updatedAt: nowIso() });
    }
    if (next.size) await this.change(label, next, { action: batch.kind === 'session' ? 'restore' : 'import', detail: batch.source });
    return plan;
  }

  /** Import records as from a file (merging, no conflict applied). */
  async importRecords(records: PatientRecord[], label: ChangeLabel, source = 'import'): Promise<ImportPlan> {
    return this.applyImport({ source, kind: 'csv', patients: records.map((record) => ({ record })) }, new Set(), label);
  }

  /** Replace one patient's record (after an edit was validated); `usedPendingWeight`: the new patient's weight is now a row. */
  async updateRecord(record: PatientRecord, label: ChangeLabel, usedPendingWeight = false): Promise<void> {
    const prev = this.state.patients.find((p) => p.id === record.id);
    if (!prev) throw new Error(`no patient ${record.id}`);
    const next: StoredPatient = { ...prev, record: { ...record, order: prev.record.order }, updatedAt: nowIso() };
    if (usedPendingWeight) delete next.pendingWeightKg;
    await this.change(label, new Map([[record.id, next]]), { action: recordAction(prev.record, record) });
  }

  /** A patient started by hand (an empty record, perhaps a weight waiting for the first dose); undoable. */
  async createPatient(record: PatientRecord, pendingWeightKg: string | undefined, label: ChangeLabel): Promise<void> {
    await this.settled();
    if (this.state.patients.some((p) => p.id === record.id)) throw new Error(`patient ${record.id} exists already`);
    const seq = this.state.patients.reduce((m, p) => Math.max(m, p.seq + 1), 0);
    const p = this.wrap({ ...record, order: seq }, seq);
    if (pendingWeightKg) p.pendingWeightKg = pendingWeightKg;
    await this.change(label, new Map([[record.id, p]]), { action: 'create' });
  }

  async deletePatient(id: string, label: ChangeLabel): Promise<void> {
    await this.change(label, new Map([[id, null]]), { action: 'delete-patient' });
  }

  /** Remove every example patient (those loaded from fixtures/examples on first start), undoably. */
  async removeExamples(label: ChangeLabel): Promise<number> {
    await this.settled();
    const ids = this.state.patients.filter((p) => p.example).map((p) => p.id);
    if (ids.length) await this.change(label, new Map(ids.map((id) => [id, null])), { action: 'remove-examples', detail: String(ids.length) });
    return ids.length;
  }

  async setChoice(id: string, choice: Choice | null, label: ChangeLabel): Promise<void> {
    const prev = this.state.patients.find((p) => p.id === id);
    if (!prev) return;
    await this.change(label, new Map([[id, { ...prev, choice, updatedAt: nowIso() }]]), { action: 'choice' });
  }

  async setOverrides(id: string, overrides: EngineSettings, label: ChangeLabel): Promise<void> {
    const prev = this.state.patients.find((p) => p.id === id);
    if (!prev) return;
    await this.change(label, new Map([[id, { ...prev, overrides, updatedAt: nowIso() }]]), { action: 'overrides' });
  }

  async setClinic(clinic: EngineSettings, label: ChangeLabel): Promise<void> {
    await this.settled();
    await this.pushUndo(label, new Map(), { action: 'settings' }, this.state.clinic);
    this.set({ clinic });
    await this.persistClinic();
  }

  /** The clinic's local lab codes for FHIR import (an app setting, kept like the infusion time). */
  async setLocalCodes(localCodes: LocalCodes): Promise<void> {
    const clean = checkLocalCodes(localCodes);
    await this.settled();
    this.set({ localCodes: clean });
    try { await this.db?.settings.put({ key: 'fhirLocalCodes', value: clean }); } catch (e) { this.storageFailed(e); }
  }

  /** The clinic's infusion clock time (`HH:MM`, 24 h). */
  async setInfusionTime(infusionTime: string): Promise<void> {
    if (!CLOCK.test(infusionTime)) throw new Error(`not a clock time: ${infusionTime}`);
    await this.settled();
    this.set({ infusionTime });
    try { await this.db?.settings.put({ key: 'infusionTime', value: infusionTime }); } catch (e) { this.storageFailed(e); }
  }

  /** Calibration of the natalizumab forecasts from the clinic's troughs, on or off. */
  async setCalibrate(calibrate: boolean): Promise<void> {
    await this.settled();
    this.set({ calibrate });
    try { await this.db?.settings.put({ key: 'calibrate', value: calibrate }); } catch (e) { this.storageFailed(e); }
  }

  /** Preview every import before saving it (on), or only those with something to decide (off). */
  async setPreviewImports(previewImports: boolean): Promise<void> {
    await this.settled();
    this.set({ previewImports });
    try { await this.db?.settings.put({ key: 'previewImports', value: previewImports }); } catch (e) { this.storageFailed(e); }
  }

  /** The clinic's price per infusion by drug (positive numbers; a drug left out has none). */
  async setPrices(prices: Partial<Record<'natalizumab' | 'ocrelizumab', number>>): Promise<void> {
    const clean = validPrices(prices);
    await this.settled();
    this.set({ prices: clean });
    try { await this.db?.settings.put({ key: 'prices', value: clean }); } catch (e) { this.storageFailed(e); }
  }

  async setAsOfMode(asOfMode: AsOfMode): Promise<void> {
    await this.settled();
    this.set({ asOfMode });
    try { await this.db?.settings.put({ key: 'asOfMode', value: asOfMode }); } catch (e) { this.storageFailed(e); }
  }

  /**
   * Replace everything with a backup's patients and settings: the explicit action beside the
   * merging restore (the page names what goes and asks first); undoable.
   */
  async replaceAll(patients: StoredPatient[], clinic: EngineSettings, label: ChangeLabel, detail?: string): Promise<void> {
    await this.settled();
    const next = new Map<string, StoredPatient | null>();
    for (const p of this.state.patients) next.set(p.id, null);
    patients.forEach((p, i) => next.set(p.id, { ...p, seq: i }));
    await this.pushUndo(label, new Map([...next.keys()].map((id) => [id, this.state.patients.find((p) => p.id === id) ?? null])), { action: 'replace-all', ...(detail ? { detail } : {}) }, this.state.clinic);
    this.set({ clinic });
    this.applyPatients(next);
    await this.persist([...next.keys()]);
    await this.persistClinic();
  }

  /** Undo the latest change; returns its label or null. */
  async undo(): Promise<StoredLabel | null> {
    await this.settled();
    const u = this.undoStack.pop();
    if (!u) return null;
    const changes = this.state.changes.map((c) => (c.seq === u.seq ? { ...c, undone: true } : c));
    this.set({ undoLabels: this.undoStack.map((x) => x.label), changes });
    try { await this.db?.history.update(u.seq, { undone: true }); } catch (e) { this.storageFailed(e); }
    if (u.clinic) { this.set({ clinic: u.clinic }); await this.persistClinic(); }
    if (u.before.size) {
      this.applyPatients(u.before);
      await this.persist([...u.before.keys()]);
    }
    return u.label;
  }
}

function entryOf(r: HistoryRow & { seq: number }): ChangeEntry {
  const { before: _b, clinic: _c, ...rest } = r;
  return { ...rest, label: readLabel(rest.label) };
}

/** What an edit of a record did: rows added, removed, changed, or the import's refused rows set aside. */
export function recordAction(before: PatientRecord, after: PatientRecord): ChangeAction {
  const a = rowCount(before), b = rowCount(after);
  if (b > a) return 'add-rows';
  if (b < a) return 'delete-row';
  const errs = (r: PatientRecord) => r.issues.filter((i) => i.severity === 'error').length;
  if (errs(after) < errs(before) && JSON.stringify({ ...before, issues: [] }) === JSON.stringify({ ...after, issues: [] })) return 'set-aside';
  return 'edit-row';
}
