/**
 * Stage 7, overdue: when the dose is overdue, the next trough after a dose given on the first
 * possible day (the planning day, or the clinic's next infusion weekday), from the real (washed-out)
 * state (a second analysis of the record with that dose added), the warning, and the PDNMS rule
 * restarted at the standard interval. No date offered lies before the first possible day.
 */
import type { DoseEvent, PatientRecord } from '../../types';
import type { IntervalOption, NatalizumabReport } from '../../report/types';
import { formatDate, formatDateTime, parseIsoTime, WEEK } from '../../time';
import type { Days } from '../../types';
import { firstPossibleDay } from '../schedule';
import { weightedQuantiles, weightedProbabilityAtLeast } from '../../stats/normal';
import { analyse, continuedOutputs, type Analysis } from '../analysis';
import { preparePatient } from '../patient';
import type { Guards, Overdue, Prepared } from './types';
import { english, withEnglish } from '../../text';

/** The next trough (80 % interval, probability at or above the target) after a dose given on the first possible day (09:00). */
function restartTrough(p: Prepared, a: Analysis, firstDay: string): Pick<IntervalOption, 'nextTrough' | 'pNext'> {
  const { asOf, opts, patient } = p;
  const doseT = parseIsoTime(firstDay) as Days; // 09:00
  const restartDose: DoseEvent = { ...(a.prep.lastDose as DoseEvent), time: doseT, iso: formatDateTime(doseT), line: undefined };
  const restarted: PatientRecord = { ...patient, doses: [...patient.doses.filter((d) => d.time <= asOf), restartDose] };
  // The restart dose comes after every level: the patient's fit and draws are the proposal's, each
  // continued from just before the last dose (not fitted or simulated again); else analysed anew.
  const outTimes = [doseT + opts.standardIntervalWeeks * WEEK];
  const r = continuedOutputs(a, preparePatient(restarted, Math.max(asOf, doseT)), opts, outTimes)
    ?? analyse(restarted, Math.max(asOf, doseT), opts, outTimes, undefined, { reuse: a });
  const v = r.outMap[0];
  const [low, high] = weightedQuantiles(r.outSamples, r.weights, [0.1, 0.9]);
  return { nextTrough: { value: v, low: Math.min(low, v), high: Math.max(high, v) }, pNext: weightedProbabilityAtLeast(r.outSamples, r.weights, opts.target) };
}

/**
 * `required`: the probabilities the option must reach (the forecast's), so the restarted option's
 * `acceptable` is judged on its own next trough.
 */
export function overdue(p: Prepared, a: Analysis, g: Guards, chosen: IntervalOption, protocol: NatalizumabReport['protocol'], required: { steadyState: number; next: number }): Overdue {
  const firstDay = firstPossibleDay(p.asOf, p.opts.infusionWeekday);
  if (!g.overdue) return { chosen, issues: [], protocol, firstPossibleDay: firstDay, late: null };
  const std = p.opts.standardIntervalWeeks;
  const asOfDate = formatDate(p.asOf);
  const last = formatDate(g.overdue.lastDose);
  const due = chosen.nextDose;
  const issues = [withEnglish({
    code: 'dose-overdue', severity: 'warning' as const,
    params: { weeks: std, lastDose: last, due, asOf: asOfDate },
  })];
  const restarted = { ...chosen, nextDose: firstDay, ...restartTrough(p, a, firstDay) };
  restarted.acceptable = restarted.pSteadyState >= required.steadyState && restarted.pNext >= required.next;
  return {
    chosen: restarted,
    issues,
    firstPossibleDay: firstDay,
    late: { due },
    protocol: { ...protocol, intervalWeeks: std, nextDose: firstDay, rationale: english('pdnms.overdue', { weeks: std }), rationaleCode: 'pdnms.overdue', rationaleParams: { weeks: std } },
  };
}
