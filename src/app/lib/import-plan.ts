/**
 * What an import will do, before anything is saved: per patient, the rows it adds, those already
 * on record, those that conflict (another value at a kind and time on record) and those refused.
 * One entry point for every source of patient records (TDM CSV, session or backup file, FHIR
 * Bundle): the source reads its file into `IncomingBatch`, and `offerImport` (offer.ts) hands it to
 * the import panel, which shows this plan and saves it through the store's `applyImport`.
 * Pure (no DOM, no clock): the merge itself is the core's (`src/core/records/merge.ts`).
 */
import type { Issue, PatientRecord } from '../../core/types';
import type { EngineSettings } from '../../core/engine';
import { emptyLike, merge, rowCount, type MergeResult, type RowConflict } from '../../core/records/merge';
import type { Choice, StoredPatient } from '../storage/db';
import { LIMITS, recordTooLarge, type SizeProblem } from './limits';
import { personalId, type PersonalIdKind } from './id-privacy';
import { hasOverrides } from './settings';

/** One patient as a source brings it (a session file also brings the choice and the overrides). */
export interface Incoming {
  record: PatientRecord;
  choice?: Choice | null;
  overrides?: EngineSettings;
  pendingWeightKg?: string;
}

export type SourceKind = 'csv' | 'session' | 'fhir';

/** Patient records read from one file (any source), ready to be planned and offered. */
export interface IncomingBatch {
  /** File name (or another name of the source) shown to the user and in the change history. */
  source: string;
  kind: SourceKind;
  patients: Incoming[];
  /** Problems of the file as a whole (no patient), shown with the preview. */
  issues?: Issue[];
  /** A session or backup file: its clinic settings and planning mode (for "replace everything"). */
  settings?: EngineSettings;
  asOfMode?: 'last' | 'today';
}

export type PatientPlanStatus = 'new' | 'merge' | 'refused';

export interface PatientPlan {
  id: string;
  status: PatientPlanStatus;
  /** The merge with what is on record (for a new patient: with an empty record). */
  merge: MergeResult;
  /** Rows of the file the records module refused (kept with the patient, shown until set aside). */
  refusedRows: Issue[];
  /** Why the whole patient is refused: another drug than on record, or too large. */
  refusedWhy?: { code: 'drug'; existing: string; incoming: string } | { code: 'size'; problem: SizeProblem };
  incoming: Incoming;
  /** A new patient whose id looks like a name, a date of birth or a BSN: warned in the preview before it is saved. */
  personal?: PersonalIdKind;
  /** A patient on record that has no choice (or no own settings) takes the session file's: something to save besides rows. */
  takes?: true;
}

export interface ImportPlan {
  batch: IncomingBatch;
  patients: PatientPlan[];
}

/** A conflict's identity across re-planning (patient, list, kind and time). */
export const conflictId = (patientId: string, c: RowConflict) => `${patientId}|${c.list}|${c.key}`;

const errorsOf = (r: PatientRecord) => r.issues.filter((i) => i.severity === 'error');

/** Plan a batch against the patients on record. */
export function planImport(current: readonly StoredPatient[], batch: IncomingBatch): ImportPlan {
  const byId = new Map(current.map((p) => [p.id, p]));
  const patients: PatientPlan[] = batch.patients.map((inc) => {
    const r = inc.record;
    const prev = byId.get(r.id);
    const refusedRows = errorsOf(r);
    const tooLarge = (problem: SizeProblem): PatientPlan => ({
      id: r.id, status: 'refused', merge: { record: prev?.record ?? r, added: [], same: [], conflicts: [] }, refusedRows, refusedWhy: { code: 'size', problem }, incoming: inc,
    });
    const size = recordTooLarge(r);
    if (size) return tooLarge(size);
    const m = prev ? merge(prev.record, r) : merge(emptyLike(r), r);
    if (m.drugDiffers) return { id: r.id, status: 'refused', merge: m, refusedRows, refusedWhy: { code: 'drug', ...m.drugDiffers }, incoming: inc };
    const merged = rowCount(m.record);
    if (merged > LIMITS.rowsPerPatient) return tooLarge({ code: 'rows-per-patient', rows: merged, max: LIMITS.rowsPerPatient });
    const personal = prev ? null : personalId(r.id);
    const takes = !!prev && ((!prev.choice && !!inc.choice) || (!hasOverrides(prev.overrides) && !!inc.overrides && hasOverrides(inc.overrides)));
    return { id: r.id, status: prev ? 'merge' : 'new', merge: m, refusedRows, incoming: inc, ...(personal ? { personal } : {}), ...(takes ? { takes: true as const } : {}) };
  });
  return { batch, patients };
}

export interface PlanTotals { patients: number; newPatients: number; added: number; same: number; conflicts: number; refused: number; refusedPatients: number }

export function planTotals(plan: ImportPlan): PlanTotals {
  const t: PlanTotals = { patients: plan.patients.length, newPatients: 0, added: 0, same: 0, conflicts: 0, refused: 0, refusedPatients: 0 };
  for (const p of plan.patients) {
    if (p.status === 'refused') { t.refusedPatients++; continue; }
    if (p.status === 'new') t.newPatients++;
    t.added += p.merge.added.length;
    t.same += p.merge.same.length;
    t.conflicts += p.merge.conflicts.length;
  }
  // Refused rows once each: the file's list and its patients' lists name the same rows.
  const refused = new Set<string>();
  for (const i of [...(plan.batch.issues ?? []), ...plan.patients.filter((p) => p.status !== 'refused').flatMap((p) => p.refusedRows)]) {
    if (i.severity === 'error') refused.add(`${i.file}|${i.line}|${i.message}`);
  }
  t.refused = refused.size;
  return t;
}

/**
 * Whether saving the plan would change nothing on record: no row to add, no conflict, no new
 * patient, nothing refused or to warn about, no choice or settings taken from a session file. Such
 * a file is said ("nothing new") without a preview; every other import is previewed and saved only
 * on the user's confirm (ImportPanel.tsx).
 */
export function changesNothing(plan: ImportPlan): boolean {
  const t = planTotals(plan);
  return t.added === 0 && t.conflicts === 0 && t.newPatients === 0 && t.refused === 0 && t.refusedPatients === 0
    && !plan.patients.some((p) => p.personal !== undefined || p.takes);
}

/**
 * Whether the user must decide before anything is saved: a conflict, a refused row or patient, or
 * a new patient whose id looks personal (name, date of birth, BSN). (Every import that changes
 * something is previewed and saved only on the user's confirm; this says whether the preview asks
 * for more than a confirm.)
 */
export function needsDecision(plan: ImportPlan): boolean {
  const t = planTotals(plan);
  return t.conflicts > 0 || t.refused > 0 || t.refusedPatients > 0 || plan.patients.some((p) => p.personal !== undefined);
}

export { LIMITS };
