/**
 * The calibration a launched patient's natalizumab forecast takes (issue 17, item 3, in the SMART
 * view): the clinic's calibration from its own troughs as the clinic's app keeps it in this
 * browser (aggregate numbers only: ω, λ, counts, coverages), applied to the launched patient with
 * its own troughs from the record (patientCalibration), exactly as the app and
 * `tdm propose --calibrate` do for a patient of the clinic. When the clinic's setting is off, or
 * this browser holds no calibration for the clinic's current list, the published spread is used
 * and the view says why (never silently different from the clinic's app).
 *
 * Only read: nothing is written to storage here, and no database is created. The stored
 * calibration is used only when it was computed for the clinic's list as it is now (the same
 * fingerprint the app keeps it under, use-track-record.ts): a stale one is not used.
 */
import { Dexie } from 'dexie';
import type { EngineSettings } from '../../core/engine';
import type { NatalizumabOptions } from '../../core/report/types';
import type { ClinicCalibration } from '../../core/natalizumab/calibration';
import { patientCalibration } from '../../core/natalizumab/calibration';
import type { ClinicTrack } from '../../core/natalizumab/clinic-track';
import type { TroughScore } from '../../core/natalizumab/track-record';
import { nothingToScore } from '../../core/natalizumab/scorable';
import { DB_NAME, openDb, type StoredPatient } from '../storage/db';
import { CACHE_DB_NAME } from '../storage/report-cache';
import { counted, trackKey } from '../use-track-record';
import { hashText } from '../lib/hash';

/**
 * What the launched patient's forecast is calibrated with:
 * - `clinic`: the clinic's calibration stored in this browser for its current list;
 * - `off`: the clinic's setting is off (the published spread, as the clinic's app);
 * - `no-troughs`: the clinic has no trough that can be scored yet (the app is not calibrated either);
 * - `none`: this browser has never run the clinic's app (no settings, no calibration);
 * - `not-current`: the app is used here, but no calibration is stored for the clinic's list as it is now.
 */
export type LaunchCalibration =
  | { kind: 'clinic'; clinic: ClinicCalibration }
  | { kind: 'off' }
  | { kind: 'no-troughs' }
  | { kind: 'none' }
  | { kind: 'not-current' };

/** What was found in this browser's storage (null fields: not there). */
export interface StoredClinic {
  /** The app's database exists on this origin (the clinic's app has run in this browser). */
  app: boolean;
  /** The clinic's setting "calibrate the forecasts" (the app's default, on, when never set). */
  calibrate: boolean;
  /** The fingerprint of the clinic's current list (as the app computes it), and whether none of its patients has a trough to score. */
  fingerprint: string | null;
  nothingScorable: boolean;
  /** The calibration the app stored, with the fingerprint of the list it was computed for. */
  stored: { fingerprint: string; clinic: ClinicTrack } | null;
}

/** The choice, from what is stored (pure: unit-tested). */
export function chooseCalibration(s: StoredClinic): LaunchCalibration {
  if (!s.app) return { kind: 'none' };
  if (!s.calibrate) return { kind: 'off' };
  if (s.stored && s.fingerprint !== null && s.stored.fingerprint === s.fingerprint) {
    const c = s.stored.clinic;
    // No trough scored anywhere: the app calibrates nobody (calibratedOptionsFor gives {}).
    return c.patients && c.clinic.troughs > 0 ? { kind: 'clinic', clinic: c.clinic } : { kind: 'no-troughs' };
  }
  // The app does not store the calibration of a clinic with nothing to score: it is empty for certain.
  if (s.nothingScorable) return { kind: 'no-troughs' };
  return { kind: 'not-current' };
}

/** The options the launched patient's forecast takes: the clinic's spread, widened by its own scored troughs; {} when not calibrated. */
export function launchedOptions(c: LaunchCalibration, own: readonly TroughScore[]): Partial<NatalizumabOptions> {
  return c.kind === 'clinic' ? patientCalibration(c.clinic, own) : {};
}

/** The fingerprint under which the app keeps the clinic's calibration (use-track-record.ts): its counted patients' track keys in list order. */
export function clinicFingerprint(patients: readonly StoredPatient[], clinic: EngineSettings): string {
  const list = [...patients].sort((a, b) => a.seq - b.seq).filter(counted);
  return hashText(list.map((p) => trackKey(p, clinic)).join('\n'));
}

/** Read (never write) what this browser keeps of the clinic: its setting, its list's fingerprint, the stored calibration. */
export async function readStoredClinic(clinic: EngineSettings): Promise<StoredClinic> {
  const out: StoredClinic = { app: false, calibrate: true, fingerprint: null, nothingScorable: false, stored: null };
  try {
    if (typeof indexedDB === 'undefined' || !(await Dexie.exists(DB_NAME))) return out;
    out.app = true;
    const db = openDb();
    try {
      await db.open();
      const cal = await db.settings.get('calibrate');
      if (typeof cal?.value === 'boolean') out.calibrate = cal.value;
      const patients = await db.patients.toArray();
      out.fingerprint = clinicFingerprint(patients, clinic);
      out.nothingScorable = patients.filter(counted).every((p) => nothingToScore(p.record));
    } finally { db.close(); }
    if (!(await Dexie.exists(CACHE_DB_NAME))) return out;
    // Opened as it is (no schema declared here): the app's cache owns its schema.
    const cache = new Dexie(CACHE_DB_NAME);
    try {
      await cache.open();
      const row = cache.tables.some((t) => t.name === 'clinic') ? await cache.table('clinic').get('clinic') as { fingerprint?: unknown; clinic?: ClinicTrack } | undefined : undefined;
      if (row && typeof row.fingerprint === 'string' && row.clinic?.clinic) out.stored = { fingerprint: row.fingerprint, clinic: row.clinic };
    } finally { cache.close(); }
  } catch { /* storage blocked or unreadable: what was read so far (no calibration) */ }
  return out;
}
