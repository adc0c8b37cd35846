/**
 * What the planning view shows per patient: next dose, next lab date and a status, derived from
 * the patient's report and today's date.
 */
import type { PatientError, PatientReport } from '../../core/report/types';
import { daysBetween } from '../../core/time';
import { plannedDose, type ChoiceLike, type PlannedDose } from './plan';

export type Status = 'error' | 'overdue' | 'review' | 'due' | 'lab' | 'warning' | 'ok' | 'empty' | 'pending';

/** Sort rank: what needs attention first. */
export const STATUS_RANK: Record<Status, number> = { error: 0, overdue: 1, review: 2, due: 3, lab: 4, warning: 5, ok: 6, empty: 7, pending: 8 };

/** A dose or lab date within this many days counts as due. */
export const DUE_WITHIN_DAYS = 7;

export interface PlanRow {
  status: Status;
  lastDose: string | null;
  nextDose: string | null;
  nextLab: string | null;
  warnings: number;
  /** The dose as planned (the choice, or the proposal); null until computed. */
  plan: PlannedDose | null;
}

export function isError(r: PatientReport | PatientError | undefined): r is PatientError {
  return !!r && 'error' in r;
}

/**
 * The planning line of a patient (report undefined: not computed yet). With a recorded choice the
 * next dose is the chosen one; a choice made beside an older proposal asks for review.
 */
export function planRow(report: PatientReport | PatientError | undefined, today: string, choice: ChoiceLike | null = null): PlanRow {
  if (!report) return { status: 'pending', lastDose: null, nextDose: null, nextLab: null, warnings: 0, plan: null };
  if (isError(report)) return { status: 'error', lastDose: null, nextDose: null, nextLab: null, warnings: report.issues.filter((i) => i.severity !== 'info').length, plan: null };
  const warnings = report.warnings.filter((w) => w.severity !== 'info').length;
  const plan = plannedDose(report, choice);
  const nextDose = plan.date;
  // Natalizumab: the trough is drawn just before the next infusion. Ocrelizumab: the next count.
  const nextLab = plan.lab;
  const toDose = daysBetween(today, nextDose);
  const toLab = nextLab ? daysBetween(today, nextLab) : Infinity;
  let status: Status = 'ok';
  // A late dose (its date had passed, the proposal moved to today: the card says "Overdue") is overdue, not merely due.
  if (toDose < 0 || report.late || (report.drug === 'ocrelizumab' && report.proposal.dueNow)) status = 'overdue';
  else if (plan.stale) status = 'review';
  else if (toDose <= DUE_WITHIN_DAYS) status = 'due';
  else if (report.drug === 'ocrelizumab' && toLab <= DUE_WITHIN_DAYS) status = 'lab';
  else if (report.drug === 'natalizumab' && report.observations.length === 0) status = 'lab';
  else if (warnings > 0) status = 'warning';
  return { status, lastDose: report.lastDose, nextDose, nextLab, warnings, plan };
}
