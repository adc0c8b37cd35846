/**
 * What the header and the views do to the stored patients, each one undoable change with its label
 * (a code with parameters, said in the screen's language wherever it is shown):
 * every import (CSV, session, FHIR) merged, a session file replacing everything (asked first in the
 * import panel), a new patient, a patient or the example patients deleted, and undo.
 */
import { useCallback } from 'react';
import type { PatientRecord } from '../../core/types';
import type { IncomingBatch } from '../lib/import-plan';
import { emptyOverrides, type Store } from '../storage/store';
import type { StoredPatient } from '../storage/db';
import { changeLabel } from '../storage/change-label';
import { sayChange } from '../features/changes/say-change';
import { forgetPatientKeys } from '../use-reports';
import { stampNow } from '../lib/dates';
import type { Target } from './navigation';
import type { Say } from './use-messages';

export interface PatientActionsInput {
  store: Store;
  selected: StoredPatient | null;
  go: (t: Target) => void;
  flash: (m: string | Say, hintPatient?: string | null) => void;
}

export function usePatientActions({ store, selected, go, flash }: PatientActionsInput) {
  /** Every import (CSV, session, FHIR) is saved here: merged, one undoable change. */
  const applyImport = useCallback((b: IncomingBatch, chosen: ReadonlySet<string>) =>
    store.applyImport(b, chosen, changeLabel(b.kind === 'session' ? 'change.restore' : 'change.import', { file: b.source })), [store]);

  /** The explicit "replace everything" with a session file (the panel has named what goes and asked). */
  const replaceAll = useCallback(async (b: IncomingBatch) => {
    const now = stampNow();
    const list = b.patients.map((p, i) => ({
      id: p.record.id, record: p.record, overrides: p.overrides ?? emptyOverrides(), choice: p.choice ?? null, updatedAt: now, seq: i,
      ...(p.pendingWeightKg ? { pendingWeightKg: p.pendingWeightKg } : {}),
    }));
    await store.replaceAll(list, b.settings ?? store.getState().clinic, changeLabel('change.replaceAll', { file: b.source }), b.source);
    if (b.asOfMode) await store.setAsOfMode(b.asOfMode);
    go({ page: 'planning', patient: null });
  }, [go, store]);

  const undo = async () => {
    const label = await store.undo();
    // Said when shown, in the screen's language (also after a switch while it is on the screen).
    if (label) flash((tt, lang) => tt('undo.done', { ns: 'app', label: sayChange(label, tt, lang) }));
  };

  /** Delete a patient (asked first, in the view) and what the browser keeps under its id (first: the list shows the patient gone only after both). */
  const deletePatient = async (id: string) => {
    forgetPatientKeys(id);
    await store.deletePatient(id, changeLabel('change.deletePatient', { id }));
    go({ page: 'planning', patient: null });
    flash((tt) => tt('patient.deleted', { ns: 'app', id }));
  };

  const removeExamples = async () => {
    const n = await store.removeExamples(changeLabel('change.removeExamples'));
    if (selected?.example) go({ page: 'planning', patient: null });
    flash((tt) => tt('examples.removed', { ns: 'safety', count: n }));
  };

  /** A patient started by hand, then opened with the hint to enter the doses given so far. */
  const createPatient = async (record: PatientRecord, kg: string | undefined) => {
    await store.createPatient(record, kg, changeLabel('change.newPatient', { id: record.id }));
    go({ page: 'planning', patient: record.id });
    flash((tt) => tt('newPatient.created', { ns: 'clinic', id: record.id }), record.id);
  };

  return { applyImport, replaceAll, undo, deletePatient, removeExamples, createPatient };
}
