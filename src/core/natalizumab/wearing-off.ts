/**
 * Natalizumab wearing-off (issue 19): each report's predicted concentration at its onset, with
 * its 80 % interval, from the same prediction as `tdm predict` at that time (predictNatalizumab
 * with the same record, as-of and options), so the card, the chart and the command line say what
 * the engine says there. The patient's own floor is the median of those concentrations; when it
 * lies above the target, the warning `wearing-off-above-target` says so with the concentration.
 * The proposal is not changed: choosing the floor as a personal target is the clinician's call.
 */
import type { Days, Issue, PatientRecord } from '../types';
import type { NatalizumabOptions, NatalizumabReport } from '../report/types';
import { formatDate } from '../time';
import { median, reportsUpTo, sig4, wearingOffIntervals, type WearingOffSummary } from '../wearing-off';
import { predictNatalizumab } from './predict';
import { english } from '../text';

/**
 * A concentration as the messages show it: one decimal, rounded half up from its decimal digits
 * as the screen's number format rounds (`toFixed` would give 26.6 for 26.65, the screen 26.7).
 */
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const conc = (x: number) => ONE_DECIMAL.format(x);
const sig3 = (x: number) => Number(x.toPrecision(3));

/** The wearing-off summary of a patient as of a time, and its warning; null without any report. */
export function natalizumabWearingOff(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>, target: number): { summary: WearingOffSummary; warnings: Issue[] } | null {
  const reports = reportsUpTo(patient, asOf);
  if (reports.length === 0) return null;
  const doses = patient.doses.filter((d) => d.time <= asOf);
  const summary = wearingOffIntervals(reports, doses);
  const warnings: Issue[] = [];
  if (summary.reports.length === 0) return { summary, warnings };
  const predictions = predictNatalizumab(patient, asOf, summary.reports.map((r) => r.time), options);
  summary.reports.forEach((r, i) => { r.concentration = { value: sig4(predictions[i].value), low: sig4(predictions[i].low), high: sig4(predictions[i].high) }; });
  const floor = sig3(median(summary.reports.map((r) => r.concentration!.value)));
  summary.floor = floor;
  summary.aboveTarget = floor > target;
  if (summary.aboveTarget) {
    const latest = summary.reports[summary.reports.length - 1];
    const c = latest.concentration!;
    const params = {
      value: conc(c.value), low: conc(c.low), high: conc(c.high), date: formatDate(latest.time),
      n: summary.reports.length, floor: conc(floor), target: conc(target),
    };
    warnings.push({
      code: 'wearing-off-above-target', severity: 'warning', params,
      message: english('wearing-off-above-target', params),
    });
  }
  return { summary, warnings };
}

/** The report with its wearing-off summary and warning added (unchanged without any report). */
export function withNatalizumabWearingOff(report: NatalizumabReport, patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>): NatalizumabReport {
  const w = natalizumabWearingOff(patient, asOf, options, report.target.value);
  if (!w) return report;
  return { ...report, wearingOff: w.summary, warnings: [...report.warnings, ...w.warnings] };
}
