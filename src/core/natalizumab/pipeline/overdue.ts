/**
 * Stage 7, overdue: when the dose is overdue, the next trough after a dose given on the planning
 * day, from the real (washed-out) state (a second analysis of the record with that dose added),
 * the warning, and the PDNMS rule restarted at the standard interval.
 */
import type { DoseEvent, PatientRecord } from '../../types';
import type { IntervalOption, NatalizumabReport } from '../../report/types';
import { formatDate, formatDateTime, WEEK } from '../../time';
import { weightedQuantiles, weightedProbabilityAtLeast } from '../../stats/normal';
import { analyse, type Analysis } from '../analysis';
import type { Guards, Overdue, Prepared } from './types';

/** The next trough (80 % interval, probability at or above the target) after a dose given on the as-of day. */
function restartTrough(p: Prepared, a: Analysis): Pick<IntervalOption, 'nextTrough' | 'pNext'> {
  const { asOf, opts, patient } = p;
  const doseT = Math.floor(asOf + 1e-9) + 9 / 24;
  const restartDose: DoseEvent = { ...(a.prep.lastDose as DoseEvent), time: doseT, iso: formatDateTime(doseT), line: undefined };
  const restarted: PatientRecord = { ...patient, doses: [...patient.doses.filter((d) => d.time <= asOf), restartDose] };
  const r = analyse(restarted, Math.max(asOf, doseT), opts, [doseT + opts.standardIntervalWeeks * WEEK]);
  const v = r.outMap[0];
  const [low, high] = weightedQuantiles(r.outSamples, r.weights, [0.1, 0.9]);
  return { nextTrough: { value: v, low: Math.min(low, v), high: Math.max(high, v) }, pNext: weightedProbabilityAtLeast(r.outSamples, r.weights, opts.target) };
}

export function overdue(p: Prepared, a: Analysis, g: Guards, chosen: IntervalOption, protocol: NatalizumabReport['protocol']): Overdue {
  if (!g.overdue) return { chosen, issues: [], protocol };
  const std = p.opts.standardIntervalWeeks;
  const asOfDate = formatDate(p.asOf);
  const last = formatDate(g.overdue.lastDose);
  const due = chosen.nextDose;
  const issues = [{
    code: 'dose-overdue', severity: 'warning' as const,
    message: `the dose is overdue: ${std} weeks after the last dose (${last}) was ${due}, before ${asOfDate}; give it as soon as possible and re-plan from that infusion`,
    params: { weeks: std, lastDose: last, due, asOf: asOfDate },
  }];
  return {
    chosen: { ...chosen, nextDose: asOfDate, ...restartTrough(p, a) },
    issues,
    protocol: { ...protocol, intervalWeeks: std, nextDose: asOfDate, rationale: `the dose is overdue: give it now and restart at ${std} weeks`, rationaleCode: 'pdnms.overdue', rationaleParams: { weeks: std } },
  };
}
