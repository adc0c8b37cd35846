/**
 * Natalizumab wearing-off (issue 19): each report's predicted concentration at its onset, with
 * its 80 % interval, from the same prediction as `tdm predict` at that time (predictNatalizumab
 * with the same record, as-of and options), so the card, the chart and the command line say what
 * the engine says there. The patient's own floor is the median of those concentrations; when it
 * lies above the target, the warning `wearing-off-above-target` says so with the concentration.
 * The proposal is not changed: choosing the floor as a personal target is the clinician's call.
 *
 * The patient is not fitted twice (issue 19, speed): the onsets are asked of the proposal's own fit
 * and posterior draws, continued from before the first onset (continued.ts), which gives the numbers
 * predictNatalizumab gives there, bit for bit.
 */
import type { Days, Issue, PatientRecord } from '../types';
import type { NatalizumabOptions, NatalizumabReport } from '../report/types';
import { formatDate } from '../time';
import { median, reportsUpTo, sig4, wearingOffIntervals, type WearingOffSummary } from '../wearing-off';
import { predictNatalizumab, predictionsOf } from './predict';
import { resolveOptions, type Analysis } from './analysis';
import { continuedAnalysis } from './continued';
import { proposeWithAnalysis } from './propose';
import { english } from '../text';

/**
 * A concentration as the messages show it: one decimal, rounded half up from its decimal digits
 * as the screen's number format rounds (`toFixed` would give 26.6 for 26.65, the screen 26.7).
 */
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const conc = (x: number) => ONE_DECIMAL.format(x);
const sig3 = (x: number) => Number(x.toPrecision(3));

/**
 * The predictions at the onsets: from `fitted`, the analysis of the same record, as-of and options
 * (the proposal's), continued to them when it can be; else as `tdm predict` makes them.
 */
function predictAtOnsets(patient: PatientRecord, asOf: Days, times: Days[], options: Partial<NatalizumabOptions>, fitted?: Analysis) {
  const continued = fitted && continuedAnalysis(fitted, times);
  return continued ? predictionsOf(continued, resolveOptions(options), times) : predictNatalizumab(patient, asOf, times, options);
}

/**
 * The wearing-off summary of a patient as of a time, and its warning; null without any report.
 * `fitted`: the analysis of the same record, as-of and options already made (the proposal's), if any.
 */
export function natalizumabWearingOff(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>, target: number, fitted?: Analysis): { summary: WearingOffSummary; warnings: Issue[] } | null {
  const reports = reportsUpTo(patient, asOf);
  if (reports.length === 0) return null;
  const doses = patient.doses.filter((d) => d.time <= asOf);
  const summary = wearingOffIntervals(reports, doses);
  const warnings: Issue[] = [];
  if (summary.reports.length === 0) return { summary, warnings };
  const predictions = predictAtOnsets(patient, asOf, summary.reports.map((r) => r.time), options, fitted);
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

/**
 * The report with its wearing-off summary and warning added (unchanged without any report).
 * `fitted`: the analysis the report was made from (proposeWithAnalysis), if at hand.
 */
export function withNatalizumabWearingOff(report: NatalizumabReport, patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>, fitted?: Analysis): NatalizumabReport {
  const w = natalizumabWearingOff(patient, asOf, options, report.target.value, fitted);
  if (!w) return report;
  return { ...report, wearingOff: w.summary, warnings: [...report.warnings, ...w.warnings] };
}

/**
 * The earliest onset of wearing-off (intensity 1–3, after the first dose) up to as-of, or undefined:
 * where the proposal's runs keep their state for the onsets (any earlier time would do as well).
 */
function firstOnset(patient: PatientRecord, asOf: Days): Days | undefined {
  const firstDose = Math.min(...patient.doses.filter((d) => d.time <= asOf).map((d) => d.time));
  const onsets = reportsUpTo(patient, asOf).filter((r) => r.score > 0 && r.time > firstDose).map((r) => r.time);
  return onsets.length ? Math.min(...onsets) : undefined;
}

/**
 * The proposal with its wearing-off summary and warning (the engine's natalizumab report): the
 * onsets read from the proposal's own fit and draws. The same report as
 * withNatalizumabWearingOff(proposeNatalizumab(…), …), in about the time of the proposal alone.
 */
export function proposeNatalizumabWithWearingOff(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions>): NatalizumabReport {
  const { report, analysis } = proposeWithAnalysis(patient, asOf, options, firstOnset(patient, asOf));
  return withNatalizumabWearingOff(report, patient, asOf, options, analysis);
}
