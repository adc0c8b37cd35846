/**
 * The planning as a table (one row per patient: the dose as planned, whether it is the model's or
 * the clinician's choice, the reason, the model's own proposal, next lab, status and warnings),
 * for the planning CSV and the session file. The CSV text itself is written by the core's one
 * writer (records/write.ts: writeCsvTable), with its formula guard.
 */
import type { PatientError, PatientReport } from '../../core/report/types';
import type { StoredPatient } from '../storage/db';
import { planRow } from './status';

export const PLANNING_COLUMNS = [
  'patient_id', 'drug', 'last_dose', 'planned_dose', 'planned_by', 'option', 'reason', 'chosen_on_older_data',
  'model_next_dose', 'next_lab', 'status', 'warnings', 'choice_probability_percent', 'required_probability_percent',
] as const;

export interface PlanEntry {
  patientId: string;
  drug: string;
  lastDose: string | null;
  plannedDose: string | null;
  plannedBy: 'model' | 'clinician' | null;
  option: string | null;
  reason: string | null;
  chosenOnOlderData: boolean;
  modelNextDose: string | null;
  nextLab: string | null;
  status: string;
  warnings: string[];
  /** A choice below the required probability: its chance and the one required (fractions). */
  risk: { probability: number; required: number } | null;
}

/** One entry per patient, in list order; a patient not computed yet has status `pending`. */
export function planEntries(patients: StoredPatient[], reports: Map<string, PatientReport | PatientError | undefined>, today: string): PlanEntry[] {
  return patients.map((p) => {
    const report = reports.get(p.id);
    const row = planRow(report, today, p.choice);
    const plan = row.plan;
    const warnings = report && !('error' in report) ? report.warnings.filter((w) => w.severity !== 'info').map((w) => w.message)
      : report && 'error' in report ? [report.error] : [];
    return {
      patientId: p.id, drug: p.record.drug, lastDose: row.lastDose, plannedDose: plan?.date ?? null,
      plannedBy: plan ? (plan.chosen ? 'clinician' : 'model') : null, option: plan?.code ?? null, reason: plan?.reason ?? null,
      chosenOnOlderData: !!plan?.stale, modelNextDose: plan?.proposed ?? null, nextLab: row.nextLab, status: row.status, warnings, risk: plan?.risk ?? null,
    };
  });
}

/** The entries as CSV cells (columns PLANNING_COLUMNS). */
export function planCells(entries: PlanEntry[]): string[][] {
  return entries.map((e) => [
    e.patientId, e.drug, e.lastDose ?? '', e.plannedDose ?? '', e.plannedBy ?? '', e.option ?? '', e.reason ?? '', e.chosenOnOlderData ? 'yes' : 'no',
    e.modelNextDose ?? '', e.nextLab ?? '', e.status, e.warnings.join('; '),
    // A choice below the required probability says so in numbers (whole percent: no decimal separator to misread).
    e.risk ? String(Math.round(e.risk.probability * 100)) : '', e.risk ? String(Math.round(e.risk.required * 100)) : '',
  ]);
}
