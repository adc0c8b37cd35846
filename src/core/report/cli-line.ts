/**
 * The command line's JSON objects (shared/spec/cli.md), built from the one report object. The
 * app's "copy as JSON" and the CLI both use these, so they say the same thing.
 */
import type { Issue } from '../types';
import type { ForecastCalibration, NatalizumabReport, OcrelizumabReport, PatientError, PatientReport, PointPrediction } from './types';
import type { WearingOffSummary } from '../wearing-off';

const sig = (x: number, digits = 4): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Every warning and note that applies (a censored trough, a forecast from the population, …). */
function warningTexts(issues: Issue[]): string[] {
  return issues.map((i) => i.message);
}

/** The forecast's calibrated spread (propose --calibrate): from how many troughs, and by how much. */
function calibrationField(c: ForecastCalibration): Record<string, unknown> {
  const r = (x: number | null, d = 1000) => (x === null ? null : Math.round(x * d) / d);
  return {
    troughs: c.troughs, patients: c.patients, iov: r(c.patientIov, 1e4), clinic_iov: r(c.clinicIov, 1e4), published_iov: c.publishedIov,
    factor: r(c.patientIov / c.publishedIov), scale: r(c.scale ?? 1), patient_troughs: c.patientTroughs, cover80: r(c.cover80), calibrated_cover80: r(c.calibratedCover80),
  };
}

/**
 * The `wearing_off` object (issue 19): how many reports of wearing-off, the predicted concentration
 * at the latest onset (`onset_concentration`: value, low, high of its 80 % interval) and those at
 * the earlier onsets (natalizumab), or the weeks since the dose and the predicted count at each
 * onset (ocrelizumab); the intervals with and without wearing-off and how the onset moved.
 */
function wearingOffLine(w: WearingOffSummary | undefined, drug: 'natalizumab' | 'ocrelizumab'): Record<string, unknown> {
  const reports = w?.reports ?? [];
  const at = (r: (typeof reports)[number]) => {
    const c = drug === 'natalizumab' ? r.concentration : r.count;
    return {
      onset: r.iso, score: r.score, weeks_since_dose: r.weeksSinceDose, interval_weeks: r.intervalWeeks,
      ...(c ? { value: sig(c.value), low: sig(c.low), high: sig(c.high) } : {}),
    };
  };
  const change = w?.change;
  const base = {
    reports: reports.length,
    intervals: w?.intervals ?? 0,
    intervals_with_wearing_off: w?.intervalsWithWearingOff ?? 0,
    intervals_without: w?.intervalsWithout ?? 0,
    change: change && change.kind !== 'too-few'
      ? { kind: change.kind, first_weeks_since_dose: change.first!.weeksSinceDose, latest_weeks_since_dose: change.latest!.weeksSinceDose, extended: change.extended }
      : { kind: 'too-few' },
  };
  if (drug === 'ocrelizumab') return { ...base, onsets: reports.map(at) };
  const latest = reports.length ? at(reports[reports.length - 1]) : null;
  return {
    ...base,
    onset_concentration: latest && latest.value !== undefined ? { value: latest.value, low: latest.low, high: latest.high, onset: latest.onset, unit: 'ug/mL' } : null,
    earlier_onset_concentrations: reports.slice(0, -1).map(at),
    floor: w?.floor ?? null,
    above_target: w?.aboveTarget ?? false,
  };
}

/** The `propose` line for one patient (field names fixed by the spec; extra fields allowed). */
export function proposeLine(r: PatientReport | PatientError): Record<string, unknown> {
  if ('error' in r) {
    return { patient_id: r.patientId, drug: r.drug, error: r.error, issues: r.issues.map((i) => i.message) };
  }
  return r.drug === 'natalizumab' ? natalizumabLine(r) : ocrelizumabLine(r);
}

function natalizumabLine(r: NatalizumabReport): Record<string, unknown> {
  return {
    patient_id: r.patientId,
    drug: r.drug,
    as_of: r.asOf,
    target: { value: r.target.value, unit: 'ug/mL' },
    last_dose: r.lastDose,
    proposal: natalizumabProposal(r.proposal),
    alternatives: r.alternatives.map((a) => ({
      interval_weeks: a.weeks,
      next_dose: a.nextDose,
      predicted_trough: sig(a.ssTrough.value),
      predicted_trough_low: sig(a.ssTrough.low),
      predicted_trough_high: sig(a.ssTrough.high),
      probability_above_target: r3(a.pSteadyState),
      next_trough: sig(a.nextTrough.value),
      probability_next_above_target: r3(a.pNext),
    })),
    protocol: { name: r.protocol.name, interval_weeks: r.protocol.intervalWeeks, next_dose: r.protocol.nextDose },
    trend: r.trend ? {
      interval_weeks: r.trend.intervalWeeks, troughs: r.trend.troughs.length, censored_left_out: r.trend.censoredLeftOut,
      percent_per_month: sig(r.trend.percentPerMonth, 3), low: sig(r.trend.low, 3), high: sig(r.trend.high, 3), level: r.trend.level,
      distribution_free: r.trend.distributionFree, falling: r.trend.falling,
      // A falling trend: the month its fitted line crosses the target, and how far from the latest trough.
      ...(r.trend.targetCrossing ? { target_month: r.trend.targetCrossing.month, months_to_target: r.trend.targetCrossing.monthsFromLatest } : {}),
    } : null,
    individual: {
      clearance_L_per_day: sig(r.fit.individual.clearance_L_per_day),
      volume_L: sig(r.fit.individual.volume_L),
      half_life_days: sig(r.fit.individual.half_life_days, 3),
      peripheral_volume_L: sig(r.fit.individual.vp_L),
      vmax_mg_per_day: sig(r.fit.individual.vmax_mg_per_day),
    },
    fit: { kind: r.fit.kind, converged: r.fit.converged, objective: sig(r.fit.objective, 6), weight_kg: r.fit.weightKg, weight_given: r.fit.weightGiven },
    model: { id: r.model.id, version: r.model.version },
    wearing_off: wearingOffLine(r.wearingOff, 'natalizumab'),
    warnings: warningTexts(r.warnings),
    warning_codes: r.warnings.map((i) => i.code),
    ...(r.options.calibration ? { calibration: calibrationField(r.options.calibration) } : {}),
  };
}

function natalizumabProposal(p: NatalizumabReport['proposal']): Record<string, unknown> {
  return {
    interval_weeks: p.intervalWeeks,
    next_dose: p.nextDose,
    predicted_trough: sig(p.predictedTrough.value),
    predicted_trough_low: sig(p.predictedTrough.low),
    predicted_trough_high: sig(p.predictedTrough.high),
    probability_above_target: r3(p.probabilityAboveTarget),
    next_trough: sig(p.nextTrough.value),
    next_trough_low: sig(p.nextTrough.low),
    next_trough_high: sig(p.nextTrough.high),
    probability_next_above_target: r3(p.probabilityNextAboveTarget),
    // What each chance had to reach: when troughs are measured before every infusion and agree
    // with the model (monitored), the next trough more and the steady state less.
    required_probability_above_target: p.requiredSteadyState,
    required_probability_next_above_target: p.requiredNext,
    monitored_troughs: p.monitoredTroughs,
    monitored: p.monitored,
    // A guard keeps the standard interval: the longer ones were not forecast (alternatives: it alone).
    longer_not_forecast: p.longerNotForecast,
    extended: p.extended,
    reason: p.reason,
  };
}

function ocrelizumabLine(r: OcrelizumabReport): Record<string, unknown> {
  const p = r.proposal;
  return {
    patient_id: r.patientId,
    drug: r.drug,
    as_of: r.asOf,
    threshold: { value: r.threshold.value, unit: 'cells/uL' },
    last_dose: r.lastDose,
    proposal: {
      next_dose: p.nextDose,
      weeks_since_last_dose: p.weeksSinceLastDose,
      predicted_crossing: p.predictedCrossing,
      predicted_crossing_low: p.predictedCrossingLow,
      predicted_crossing_high: p.predictedCrossingHigh,
      next_bcell_check: p.nextBcellCheck,
      due_now: p.dueNow,
      reason: p.reason,
    },
    crossing_weeks: { value: sig(r.fit.crossingWeeks.value, 3), low: sig(r.fit.crossingWeeks.low, 3), high: sig(r.fit.crossingWeeks.high, 3) },
    protocol: { name: r.protocol.name, next_count: r.protocol.nextCount },
    count_trend: r.countTrend ? {
      counts: r.countTrend.counts.length, censored_left_out: r.countTrend.censoredLeftOut,
      rate_per_week: sig(r.countTrend.ratePerWeek, 3), low: sig(r.countTrend.low, 3), high: sig(r.countTrend.high, 3), level: r.countTrend.level,
      distribution_free: r.countTrend.distributionFree, fitted_rate_per_week: sig(r.countTrend.fittedRatePerWeek, 3), disagrees: r.countTrend.disagrees,
    } : null,
    wearing_off: wearingOffLine(r.wearingOff, 'ocrelizumab'),
    fit: { basis: r.fit.basis, counts_used: r.fit.countsUsed, previous_cycle_counts_used: r.fit.previousCycleCountsUsed, bmax: sig(r.fit.bmax, 3) },
    model: { id: r.model.id, version: r.model.version },
    warnings: warningTexts(r.warnings),
    warning_codes: r.warnings.map((i) => i.code),
  };
}

/** The `predict` line for one patient and time. */
export function predictLine(patientId: string, p: PointPrediction): Record<string, unknown> {
  return { patient_id: patientId, time: p.time, kind: p.kind, value: sig(p.value), low: sig(p.low), high: sig(p.high), unit: p.unit };
}
