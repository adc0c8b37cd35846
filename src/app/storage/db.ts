/**
 * IndexedDB through Dexie: everything the user enters is saved as it changes.
 *
 * Schema history (never edit an old version; add a new one with its upgrade):
 *   1: patients (id), settings (key)
 *   2: patients gain `updatedAt`, `seq` and a `choice` field (null when none); a `meta` table
 *   3: a `history` table: every change with what is needed to undo it (undo survives a reload);
 *      a row's `label` is a code with parameters since session 8, a sentence before (both read)
 */
import { Dexie, type EntityTable } from 'dexie';
import type { PatientRecord } from '../../core/types';
import type { EngineSettings } from '../../core/engine';
import type { StoredLabel } from './change-label';

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
  /** An example patient (loaded from fixtures/examples on first start), not a real one: marked as such, off the clinic day. */
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

/** What a change did (language-independent: the Changes view says it in the user's language). */
export type ChangeAction =
  | 'import' | 'restore' | 'replace-all' | 'create' | 'add-rows' | 'edit-row' | 'delete-row' | 'set-aside'
  | 'delete-patient' | 'choice' | 'overrides' | 'settings' | 'remove-examples';

/** One change in the history: when, what, to whom, and the state before it (to undo it). */
export interface HistoryRow {
  /** Auto-increment key: the order of the changes. */
  seq?: number;
  /** When (ISO 8601 with zone, the app's clock). */
  at: string;
  action: ChangeAction;
  /**
   * What the change is called: a code with its parameters (./change-label.ts), said in the language
   * of the screen when shown. A change stored before codes has the sentence said in the language of
   * that moment: it is read and shown as it is (no upgrade needed: `label` is not indexed).
   */
  label: StoredLabel;
  /** Ids of the patients it touched. */
  patients: string[];
  /** A file name, a row count: what the view shows beside the action. */
  detail?: string;
  /** The patients before the change (null: the patient did not exist). */
  before: [string, StoredPatient | null][];
  /** The clinic settings before the change, when it changed them. */
  clinic?: EngineSettings;
  /** Set once the change has been undone. */
  undone?: boolean;
}

export const DB_NAME = 'ms-interval';
export const DB_VERSION = 3;

export type AppDb = Dexie & {
  patients: EntityTable<StoredPatient, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
  history: EntityTable<HistoryRow, 'seq'>;
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
  db.version(3).stores({ patients: 'id', settings: 'key', meta: 'key', history: '++seq' });
  return db;
}
