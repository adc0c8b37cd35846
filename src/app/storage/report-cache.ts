/**
 * Computed reports and track records kept in IndexedDB (issue 17, item 6), so that after a reload
 * every unchanged patient's report is shown at once instead of being computed again.
 *
 * Each entry is kept under its patient's id with the fingerprint it was computed for (the job key:
 * a hash of the patient's records, the settings it was computed with, the as-of rule, and the
 * engine's build and model versions, see use-reports.ts). An entry is used as current only when
 * its fingerprint is the one the patient has now; otherwise it is shown as computed on older data
 * while the new one is computed. A database of its own (not the patients' one), so its schema can
 * change without touching the record: it holds nothing that cannot be computed again.
 *
 * Entries of patients no longer on the list are deleted (retainIds). Storage that fails is
 * ignored: the app then computes everything, as before.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Computed } from '../worker-client';
import type { ClinicTrack, PatientTrack } from '../../core/natalizumab/clinic-track';

export const CACHE_DB_NAME = 'ms-interval-computed';

export interface CachedReport { id: string; key: string; computed: Computed }
export interface CachedTrack { id: string; key: string; track: PatientTrack | null }
export interface CachedClinic { key: string; fingerprint: string; clinic: ClinicTrack }

type CacheDb = Dexie & {
  reports: EntityTable<CachedReport, 'id'>;
  tracks: EntityTable<CachedTrack, 'id'>;
  clinic: EntityTable<CachedClinic, 'key'>;
};

function openCache(name: string): CacheDb {
  const db = new Dexie(name) as CacheDb;
  db.version(1).stores({ reports: 'id', tracks: 'id', clinic: 'key' });
  return db;
}

/** How long writes are gathered before one transaction writes them (ms). */
const WRITE_DELAY_MS = 300;

export class ReportCache {
  readonly reports = new Map<string, CachedReport>();
  readonly tracks = new Map<string, CachedTrack>();
  clinic: CachedClinic | null = null;
  /** Resolves once what was stored has been read (or storage failed). */
  readonly loaded: Promise<void>;
  private db: CacheDb | null = null;
  private pending = { reports: new Map<string, CachedReport>(), tracks: new Map<string, CachedTrack>(), clinic: null as CachedClinic | null, deleted: new Set<string>() };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(name = CACHE_DB_NAME) {
    this.loaded = this.load(name);
  }

  private async load(name: string): Promise<void> {
    try {
      if (typeof indexedDB === 'undefined') return;
      const db = openCache(name);
      await db.open();
      const [reports, tracks, clinic] = await Promise.all([db.reports.toArray(), db.tracks.toArray(), db.clinic.get('clinic')]);
      for (const r of reports) this.reports.set(r.id, r);
      for (const r of tracks) this.tracks.set(r.id, r);
      this.clinic = clinic ?? null;
      this.db = db;
    } catch {
      this.db = null; // nothing kept: everything is computed, as without the cache
    }
  }

  /** The stored report of a patient, when it was computed for exactly this fingerprint. */
  report(id: string, key: string): Computed | undefined {
    const r = this.reports.get(id);
    return r && r.key === key ? r.computed : undefined;
  }

  /** The stored report of a patient whatever it was computed for (shown as outdated). */
  anyReport(id: string): Computed | undefined {
    return this.reports.get(id)?.computed;
  }

  putReport(id: string, key: string, computed: Computed): void {
    const e = { id, key, computed };
    this.reports.set(id, e);
    this.pending.reports.set(id, e);
    this.pending.deleted.delete(id);
    this.schedule();
  }

  track(id: string, key: string): PatientTrack | null | undefined {
    const r = this.tracks.get(id);
    return r && r.key === key ? r.track : undefined;
  }

  /** The stored track record of a patient whatever it was computed for (its memos spare the troughs that did not change). */
  anyTrack(id: string): CachedTrack | undefined {
    return this.tracks.get(id);
  }

  putTrack(id: string, key: string, track: PatientTrack | null): void {
    const e = { id, key, track };
    this.tracks.set(id, e);
    this.pending.tracks.set(id, e);
    this.pending.deleted.delete(id);
    this.schedule();
  }

  clinicFor(fingerprint: string): ClinicTrack | undefined {
    return this.clinic && this.clinic.fingerprint === fingerprint ? this.clinic.clinic : undefined;
  }

  putClinic(fingerprint: string, clinic: ClinicTrack): void {
    this.clinic = { key: 'clinic', fingerprint, clinic };
    this.pending.clinic = this.clinic;
    this.schedule();
  }

  /** Delete what is kept for patients not in `ids` (deleted, replaced). */
  retainIds(ids: ReadonlySet<string>): void {
    for (const m of [this.reports, this.tracks] as Map<string, unknown>[]) {
      for (const id of m.keys()) {
        if (ids.has(id)) continue;
        m.delete(id);
        this.pending.reports.delete(id);
        this.pending.tracks.delete(id);
        this.pending.deleted.add(id);
      }
    }
    if (this.pending.deleted.size) this.schedule();
  }

  /** Write what is pending now (tests, and before a page is left). */
  flush(): Promise<void> {
    if (this.timer !== null) { clearTimeout(this.timer); this.timer = null; }
    const db = this.db;
    const p = this.pending;
    this.pending = { reports: new Map(), tracks: new Map(), clinic: null, deleted: new Set() };
    if (!db) return this.writing;
    this.writing = this.writing.then(() => db.transaction('rw', db.reports, db.tracks, db.clinic, async () => {
      if (p.deleted.size) { await db.reports.bulkDelete([...p.deleted]); await db.tracks.bulkDelete([...p.deleted]); }
      if (p.reports.size) await db.reports.bulkPut([...p.reports.values()]);
      if (p.tracks.size) await db.tracks.bulkPut([...p.tracks.values()]);
      if (p.clinic) await db.clinic.put(p.clinic);
    })).catch(() => { /* not kept: computed again after a reload */ });
    return this.writing;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => { this.timer = null; void this.loaded.then(() => this.flush()); }, WRITE_DELAY_MS);
  }
}

let shared: ReportCache | null = null;
/** The app's one cache. */
export function reportCache(): ReportCache {
  shared ??= new ReportCache();
  return shared;
}
