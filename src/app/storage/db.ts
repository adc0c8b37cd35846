/**
 * IndexedDB through Dexie: everything the user enters is saved as it changes.
 *
 * Schema history (never edit an old version; add a new one with its upgrade):
 *   1: patients (id), settings (key)
 *   2: patients gain `updatedAt`, `seq` and a `choice` field (null when none); a `meta` table
 */
import { Dexie, type EntityTable } from 'dexie';
import type { PatientRecord } from '../../core/types';
import type { EngineSettings } from '../../core/engine';

/** The clinician's decision recorded beside the proposal (another option, with a reason). */
export interface Choice {
  option: string;
  reason: string;
  /** ISO date-time the choice was made (app clock). */
  at: string;
  /** The proposal the choice was made beside (plan day, next dose): when it moves, the choice asks for review. */
  basis?: { asOf: string; proposed: string };
}

export interface StoredPatient {
  id: string;
  record: PatientRecord;
  /** Per-patient overrides of the clinic settings. */
  overrides: EngineSettings;
  choice: Choice | null;
  updatedAt: string;
  /** Position in the planning list (order of arrival). */
  seq: number;
  /** A weight (kg, as typed) given with a new patient before any dose: dated at the first dose when one is entered. */
  pendingWeightKg?: string;
  /** One of the example patients loaded on first start (fixtures/examples): marked as such, off the clinic day. */
  example?: boolean;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'ms-interval';
export const DB_VERSION = 2;

export type AppDb = Dexie & {
  patients: EntityTable<StoredPatient, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export function openDb(name = DB_NAME): AppDb {
  const db = new Dexie(name) as AppDb;
  db.version(1).stores({ patients: 'id', settings: 'key' });
  db.version(2).stores({ patients: 'id', settings: 'key', meta: 'key' }).upgrade(async (tx) => {
    await tx.table('patients').toCollection().modify((p: Partial<StoredPatient>) => {
      if (p.choice === undefined) p.choice = null;
      if (p.overrides === undefined) p.overrides = { natalizumab: {}, ocrelizumab: {} };
      if (p.updatedAt === undefined) p.updatedAt = '1970-01-01T00:00';
      if (p.seq === undefined) p.seq = p.record?.order ?? 0;
    });
  });
  return db;
}
