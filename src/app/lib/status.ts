/**
 * What the planning view shows per patient: next dose, next lab date and a status, derived from
 * the patient's report and today's date.
 */
import type { PatientError, PatientReport } from '../../core/report/types';
import { daysBetweenIso } from './dates';

export type Status = 'error' | 'overdue' | 'due' | 'lab' | 'warning' | 'ok' | 'pending';

/** Sort rank: what needs attention first. */
export const STATUS_RANK: Record<Status, number> = { error: 0, overdue: 1, due: 2, lab: 3, warning: 4, ok: 5, pending: 6 };

/** A dose or lab date within this many days counts as due. */
export const DUE_WITHIN_DAYS = 7;

export interface PlanRow {
  status: Status;
  lastDose: string | null;
  nextDose: string | null;
  nextLab: string | null;
  warnings: number;
}

export function isError(r: PatientReport | PatientError | undefined): r is PatientError {
  return !!r && 'error' in r;
}

/** The planning line of a patient (report undefined: not computed yet). */
export function planRow(report: PatientReport | PatientError | undefined, today: string): PlanRow {
  if (!report) return { status: 'pending', lastDose: null, nextDose: null, nextLab: null, warnings: 0 };
  if (isError(report)) return { status: 'error', lastDose: null, nextDose: null, nextLab: null, warnings: report.issues.filter((i) => i.severity !== 'info').length };
  const warnings = report.warnings.filter((w) => w.severity !== 'info').length;
  const nextDose = report.proposal.nextDose;
  // Natalizumab: the trough is drawn just before the next infusion. Ocrelizumab: the next count.
  const nextLab = report.drug === 'natalizumab' ? nextDose : report.proposal.nextBcellCheck;
  const toDose = daysBetweenIso(today, nextDose);
  const toLab = nextLab ? daysBetweenIso(today, nextLab) : Infinity;
  let status: Status = 'ok';
  if (toDose < 0 || (report.drug === 'ocrelizumab' && report.proposal.dueNow)) status = 'overdue';
  else if (toDose <= DUE_WITHIN_DAYS) status = 'due';
  else if (report.drug === 'ocrelizumab' && toLab <= DUE_WITHIN_DAYS) status = 'lab';
  else if (report.drug === 'natalizumab' && report.observations.length === 0) status = 'lab';
  else if (warnings > 0) status = 'warning';
  return { status, lastDose: report.lastDose, nextDose, nextLab, warnings };
}
