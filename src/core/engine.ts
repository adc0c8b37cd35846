/**
 * One call per patient, whatever the drug: the same function serves the CLI, the worker and the
 * app, so their answers cannot differ.
 */
import type { Days, PatientRecord } from './types';
import type { NatalizumabOptions, OcrelizumabOptions, PatientError, PatientReport, PointPrediction } from './report/types';
import { predictNatalizumab } from './natalizumab/index';
import { proposeOcrelizumab, predictOcrelizumab } from './ocrelizumab/index';
import { proposeNatalizumabWithWearingOff } from './natalizumab/wearing-off';
import { withOcrelizumabWearingOff } from './ocrelizumab/wearing-off';
import { PkWorkError, workBudget, withWorkBudget } from './pk/index';
import { parseAsOfDate } from './time';
import { firstPossibleDay, nextDoseDate } from './natalizumab/schedule';
import { resolveOptions } from './natalizumab/analysis';
import { englishText } from '../i18n/catalog';

export interface EngineSettings {
  natalizumab: Partial<NatalizumabOptions>;
  ocrelizumab: Partial<OcrelizumabOptions>;
  /**
   * Optional extra stop condition, asked every few thousand integrator steps (the command line
   * passes a wall-clock deadline; the core itself never reads a clock).
   */
  stop?: () => boolean;
  /**
   * The day the plan is made (`YYYY-MM-DD`) when later than the as-of day: the app passes today
   * (the core reads no clock). A next dose that would fall before it is overdue and proposed on the
   * first possible day; no option offers an earlier date. Absent: the as-of day (the command line).
   */
  notBefore?: string;
}

/**
 * The work budget of one patient, in integrator steps (deterministic: the same record stops at
 * the same step on any machine). A proposal takes ~60 000 steps for 13 doses (the most, an
 * antibody-like patient, ~400 000); the budget leaves a margin of 5× and more, and grows with the
 * history (every posterior draw simulates it). About 1 s of work for a typical history.
 */
export function stepBudgetFor(p: PatientRecord): number {
  return 2_000_000 + 50_000 * p.doses.length;
}

/** The one error text of a patient whose computation was stopped (code 'work-budget'). */
export function workBudgetError(p: PatientRecord, e: PkWorkError): PatientError {
  const steps = e.steps;
  return {
    drug: p.drug, patientId: p.id,
    error: englishText('engine', 'work-budget', { steps }),
    errorCode: 'work-budget', errorParams: { steps },
    issues: p.issues,
  };
}

/** Run one patient's computation under its work budget; a PkWorkError becomes the patient's error. */
function budgeted<T>(p: PatientRecord, settings: EngineSettings, fn: () => T): T | PatientError {
  try {
    return withWorkBudget(workBudget(stepBudgetFor(p), settings.stop), fn);
  } catch (e) {
    if (e instanceof PkWorkError) return workBudgetError(p, e);
    throw e;
  }
}

export const DEFAULT_SETTINGS: EngineSettings = { natalizumab: {}, ocrelizumab: {} };

/** The time of a patient's last row (the CLI's default as-of: plan from the patient's own last day). */
export function lastEventTime(p: PatientRecord): Days {
  let t = -Infinity;
  for (const list of [p.doses, p.levels, p.bcells, p.weights, p.wearingOff ?? []]) for (const e of list) if (e.time > t) t = e.time;
  return t;
}

function hasUsableData(p: PatientRecord): boolean {
  return p.doses.length + p.levels.length + p.bcells.length + p.weights.length > 0;
}

/**
 * A patient with rows that could not be used is not planned: a proposal that silently ignored
 * data would mislead. The CLI's and the app's answer for such a patient (so both say the same
 * for the same file); null when every row was read.
 */
export function refusedRowsError(p: PatientRecord): PatientError | null {
  const rowErrors = p.issues.filter((i) => i.severity === 'error');
  if (rowErrors.length === 0) return null;
  const rows = rowErrors.map((i) => i.message).join('; ');
  return {
    drug: p.drug, patientId: p.id, error: englishText('engine', 'rows-refused', { count: rowErrors.length, rows }),
    errorCode: 'rows-refused', errorParams: { count: rowErrors.length, rows }, issues: p.issues,
  };
}

/**
 * Fit and propose for one patient as of a time (end of the as-of day). With `settings.notBefore`
 * later than the as-of day (the app plans on today from the rows up to the last entry): when the
 * dose as planned (ocrelizumab: or its next count) falls before that day, the patient is late and
 * is planned as of that day instead, exactly as the command line's `--as-of` that day plans it
 * (the dose overdue, on the first possible day); otherwise the plan as of the last entry stands,
 * and its first possible day is that day (no option before it is offered).
 */
export function computeReport(p: PatientRecord, asOf: Days, settings: EngineSettings = DEFAULT_SETTINGS): PatientReport | PatientError {
  const day = settings.notBefore;
  const dayT = day === undefined ? null : parseAsOfDate(day);
  if (dayT !== null && day !== undefined && dayT > asOf && certainlyLate(p, asOf, day, settings)) {
    // The plan as of the last entry cannot but fall before the day (issue 17, item 6: a list last
    // seen months ago is not planned twice): the answer is the plan as of the day, unless the plan
    // as of the last entry is an error, which is then the answer, as below.
    const late = computeAsOf(p, dayT, settings);
    if (!('error' in late)) return late;
    const first = computeAsOf(p, asOf, settings);
    return 'error' in first ? first : late;
  }
  const r = computeAsOf(p, asOf, settings);
  if (dayT === null || day === undefined || dayT <= asOf || 'error' in r) return r;
  const late = r.drug === 'natalizumab' ? r.proposal.nextDose < day
    : r.proposal.nextDose < day || r.proposal.nextBcellCheck < day || r.protocol.nextCount < day;
  if (late) return computeAsOf(p, dayT, settings);
  const first = r.drug === 'natalizumab' ? firstPossibleDay(dayT, r.options.infusionWeekday) : day;
  return { ...r, firstPossibleDay: r.firstPossibleDay && r.firstPossibleDay > first ? r.firstPossibleDay : first };
}

/**
 * Whether a natalizumab plan as of `asOf` proposes its next dose before `day` whatever the data
 * say: no proposal's next dose lies after the later of the last dose plus the longest interval
 * (moved back to the infusion weekday) and the first possible day after `asOf` (an overdue dose).
 */
export function certainlyLate(p: PatientRecord, asOf: Days, day: string, settings: EngineSettings): boolean {
  if (p.drug !== 'natalizumab') return false;
  let last = -Infinity;
  for (const d of p.doses) if (d.time <= asOf && d.time > last) last = d.time;
  if (last === -Infinity) return false;
  const opts = resolveOptions(settings.natalizumab);
  const longest = nextDoseDate(last, opts.maxIntervalWeeks, opts.infusionWeekday);
  const restart = firstPossibleDay(asOf, opts.infusionWeekday);
  return (longest > restart ? longest : restart) < day;
}

function computeAsOf(p: PatientRecord, asOf: Days, settings: EngineSettings): PatientReport | PatientError {
  const errors = p.issues.filter((i) => i.severity === 'error');
  if (!hasUsableData(p)) {
    // Said in any language from the one catalog: the first refused row (code 'row-error'), or that there is none.
    return errors[0]
      ? { drug: p.drug, patientId: p.id, error: errors[0].message, errorCode: 'row-error', errorParams: {}, issues: p.issues }
      : { drug: p.drug, patientId: p.id, error: englishText('engine', 'no-usable-rows', {}), errorCode: 'no-usable-rows', errorParams: {}, issues: p.issues };
  }
  if (p.doses.filter((d) => d.time <= asOf).length === 0) {
    return { drug: p.drug, patientId: p.id, error: englishText('engine', 'no-dose-before-as-of', { drug: p.drug }), errorCode: 'no-dose-before-as-of', errorParams: { drug: p.drug }, issues: p.issues };
  }
  // Wearing-off reports (issue 19) are set against the curve after the proposal, which they never change.
  return p.drug === 'natalizumab'
    ? budgeted(p, settings, () => proposeNatalizumabWithWearingOff(p, asOf, settings.natalizumab))
    : withOcrelizumabWearingOff(proposeOcrelizumab(p, asOf, settings.ocrelizumab), p, asOf, settings.ocrelizumab);
}

/** Predicted level or count with its 80 % interval at each time (or the patient's error). */
export function predictPatient(p: PatientRecord, asOf: Days, times: Days[], settings: EngineSettings = DEFAULT_SETTINGS): PointPrediction[] | PatientError {
  return p.drug === 'natalizumab'
    ? budgeted(p, settings, () => predictNatalizumab(p, asOf, times, settings.natalizumab))
    : predictOcrelizumab(p, asOf, times, settings.ocrelizumab);
}
