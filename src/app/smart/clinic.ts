/**
 * The clinic's settings for a launched patient, read (never written) from the app's own
 * IndexedDB database when this browser has one: the targets, limits and local lab codes a clinic
 * set in the settings apply to a patient from the record as to any other. A browser without the
 * database gets the defaults, and no database is created.
 */
import { Dexie } from 'dexie';
import type { EngineSettings } from '../../core/engine';
import { checkLocalCodes, type LocalCodes } from '../../core/fhir/index';
import { DB_NAME, openDb } from '../storage/db';
import { DEFAULT_INFUSION_TIME, emptyOverrides, type AsOfMode } from '../storage/store';

export interface LaunchSettings {
  clinic: EngineSettings;
  asOfMode: AsOfMode;
  infusionTime: string;
  /** The clinic's local lab and medication codes (settings key `fhirLocalCodes`, written by the app's settings). */
  localCodes: LocalCodes;
}

export async function readClinicSettings(): Promise<LaunchSettings> {
  const out: LaunchSettings = { clinic: emptyOverrides(), asOfMode: 'last', infusionTime: DEFAULT_INFUSION_TIME, localCodes: {} };
  try {
    if (typeof indexedDB === 'undefined' || !(await Dexie.exists(DB_NAME))) return out;
    const db = openDb();
    try {
      await db.open();
      const c = await db.settings.get('clinic');
      if (c?.value) out.clinic = c.value as EngineSettings;
      const m = await db.settings.get('asOfMode');
      if (m?.value === 'today' || m?.value === 'last') out.asOfMode = m.value;
      const it = await db.settings.get('infusionTime');
      if (typeof it?.value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(it.value)) out.infusionTime = it.value;
      out.localCodes = checkLocalCodes((await db.settings.get('fhirLocalCodes'))?.value);
    } finally { db.close(); }
  } catch { /* storage blocked or unreadable: the defaults */ }
  return out;
}
