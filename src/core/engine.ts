/**
 * One call per patient, whatever the drug: the same function serves the CLI, the worker and the
 * app, so their answers cannot differ.
 */
import type { Days, PatientRecord } from './types';
import type { NatalizumabOptions, OcrelizumabOptions, PatientError, PatientReport, PointPrediction } from './report/types';
import { proposeNatalizumab, predictNatalizumab } from './natalizumab/index';
import { proposeOcrelizumab, predictOcrelizumab } from './ocrelizumab/index';

export interface EngineSettings {
  natalizumab: Partial<NatalizumabOptions>;
  ocrelizumab: Partial<OcrelizumabOptions>;
}

export const DEFAULT_SETTINGS: EngineSettings = { natalizumab: {}, ocrelizumab: {} };

/** The time of a patient's last row (the CLI's default as-of: plan from the patient's own last day). */
export function lastEventTime(p: PatientRecord): Days {
  let t = -Infinity;
  for (const list of [p.doses, p.levels, p.bcells, p.weights]) for (const e of list) if (e.time > t) t = e.time;
  return t;
}

function hasUsableData(p: PatientRecord): boolean {
  return p.doses.length + p.levels.length + p.bcells.length + p.weights.length > 0;
}

/** Fit and propose for one patient as of a time (end of the as-of day). */
export function computeReport(p: PatientRecord, asOf: Days, settings: EngineSettings = DEFAULT_SETTINGS): PatientReport | PatientError {
  const errors = p.issues.filter((i) => i.severity === 'error');
  if (!hasUsableData(p)) {
    return { drug: p.drug, patientId: p.id, error: errors[0]?.message ?? 'no usable rows', issues: p.issues };
  }
  if (p.doses.filter((d) => d.time <= asOf).length === 0) {
    return { drug: p.drug, patientId: p.id, error: `no ${p.drug} dose on or before the as-of date: nothing to plan from`, errorCode: 'no-dose-before-as-of', errorParams: { drug: p.drug }, issues: p.issues };
  }
  return p.drug === 'natalizumab'
    ? proposeNatalizumab(p, asOf, settings.natalizumab)
    : proposeOcrelizumab(p, asOf, settings.ocrelizumab);
}

/** Predicted level or count with its 80 % interval at each time. */
export function predictPatient(p: PatientRecord, asOf: Days, times: Days[], settings: EngineSettings = DEFAULT_SETTINGS): PointPrediction[] {
  return p.drug === 'natalizumab'
    ? predictNatalizumab(p, asOf, times, settings.natalizumab)
    : predictOcrelizumab(p, asOf, times, settings.ocrelizumab);
}
