/**
 * Ocrelizumab: fit → forecast → proposal → report, as named stages.
 *   analyse()  check and preprocess the record, fit the grid posterior of the cycle
 *   propose    re-dose date, next count date, the BLOOMS-style rule beside it, guards
 *   predict    the true count (noise excluded) with its 80 % interval at given times
 *
 * Re-dose: the last whole week after the infusion on or before the `redoseQuantile` (median) of
 * the predicted crossing (so the date never falls after it: late re-dosing is the costlier error),
 * at least ceil(minWeeks) = 22 weeks, at most maxWeeks, never before as-of. A count at or above
 * the threshold makes re-dosing due now (at the 5-month minimum if earlier). Next count: the
 * rounded `countQuantile` (10th percentile) week of the crossing, no later than the re-dose,
 * then at least `minCountGapWeeks` after the latest count and not before as-of.
 */
import type { Days, Interval80, Issue, PatientRecord, CurvePoint, TextParams } from '../types';
import type { OcrelizumabOptions, OcrelizumabReport, PointPrediction } from '../report/types';
import { REPORT_SCHEMA_VERSION } from '../report/types';
import { formatDate, formatDateTime, startOfDay } from '../time';
import { OCRELIZUMAB_BCELL, OCRELIZUMAB_MODEL } from '../../../models/ocrelizumab-bcell-logistic';
import { resolveOcrelizumabOptions } from './options';
import { cycleCounts, doseIssues, groupDoses, nonDepletionIssue, resolveBmax, type DoseGroup } from './cycles';
import { CROSSING_HORIZON_WEEKS, countQuantile, crossingQuantile, fitGrid, probCrossedBy, rateQuantile, type CountObs, type GridPosterior } from './posterior';
import { countTrend, countTrendIssue } from './trend';

const M = OCRELIZUMAB_BCELL;

/** Curve and probability-by-date horizon, weeks after the last dose (at least). */
export const CURVE_WEEKS = 60;

export interface OcrelizumabAnalysis {
  options: OcrelizumabOptions;
  /** The cycle planned from (its infusion time is `cycle.start`). */
  cycle: DoseGroup;
  previous: DoseGroup | null;
  current: CountObs[];
  previousCounts: CountObs[];
  bmax: number;
  bmaxFromPatient: boolean;
  basis: 'current-cycle' | 'previous-cycle' | 'population';
  posterior: GridPosterior;
  /** Crossing of the threshold, weeks after the infusion (Infinity: beyond the horizon). */
  crossing: { q10: number; q50: number; q90: number };
  issues: Issue[];
}

/** A count as text in cells/µL (the canonical unit), `<x` when censored: never the lab's raw text, whose unit may differ. */
const countText = (o: { value: number; censored: boolean }): string => `${o.censored ? '<' : ''}${Number(o.value.toPrecision(3))}`;
const fmt1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : `> ${CROSSING_HORIZON_WEEKS}`);

/**
 * Fit the cycle that contains `at` (default: the last cycle started on or before as-of), using
 * the record's rows up to as-of. Throws only on programmer errors (wrong drug, no dose).
 */
export function analyseOcrelizumab(patient: PatientRecord, asOf: Days, partial: Partial<OcrelizumabOptions> = {}, at?: Days): OcrelizumabAnalysis {
  if (patient.drug !== 'ocrelizumab') throw new TypeError(`analyseOcrelizumab: patient ${patient.id} is a ${patient.drug} record`);
  const { options, issues } = resolveOcrelizumabOptions(partial);
  const doses = patient.doses.filter((d) => d.time <= asOf);
  if (doses.length === 0) throw new RangeError(`analyseOcrelizumab: patient ${patient.id} has no dose on or before as-of (computeReport checks this first)`);
  const groups = groupDoses(doses);
  let gi = groups.length - 1;
  if (at !== undefined) while (gi > 0 && groups[gi].start >= at) gi--;
  const cycle = groups[gi];
  const previous = gi > 0 ? groups[gi - 1] : null;
  const end = Math.min(asOf, gi + 1 < groups.length ? groups[gi + 1].start : Infinity);
  const bcells = patient.bcells.filter((o) => o.time <= asOf);

  issues.push(...doseIssues(groups));
  const b = resolveBmax(patient, groups[0].start, options.threshold);
  issues.push(...b.issues);
  const bmax = b.bmax;
  if (options.threshold >= bmax) {
    issues.push({ code: 'ocr-threshold-above-plateau', severity: 'warning', message: `threshold ${options.threshold} cells/µL is not below the plateau Bmax = ${bmax} cells/µL: the model never reaches it; the proposal falls back to the maximum interval`, params: { threshold: options.threshold, bmax } });
  }

  const cur = cycleCounts(bcells, cycle.start, end, options.labLimit);
  const prev = previous ? cycleCounts(bcells, previous.start, cycle.start, options.labLimit) : { used: [], usedObs: [], early: [] };
  for (const [c, which] of [[cur, 'this'], [prev, 'the previous']] as const) {
    for (const o of c.early) {
      issues.push({ code: 'ocr-count-before-depletion', severity: 'info', message: `CD19+ count ${countText(o)} cells/µL on ${formatDate(o.time)} was taken within ${M.depletionWeeks} weeks of the infusion (${which} cycle), before depletion is complete: not used in the forecast`, line: o.line, value: o.raw,
        params: { count: countText(o), date: formatDate(o.time), weeks: M.depletionWeeks, which: which === 'this' ? 'cycle-this' : 'cycle-previous' } });
    }
  }
  const nd = nonDepletionIssue(cur.used, cur.usedObs, cycle.start, options.threshold, 'this');
  if (nd) issues.push(nd);
  if (previous) {
    const ndp = nonDepletionIssue(prev.used, prev.usedObs, previous.start, options.threshold, 'the previous');
    if (ndp) issues.push(ndp);
  }
  for (const o of [...prev.usedObs, ...cur.usedObs]) {
    if (!o.censored && o.value > bmax) {
      issues.push({ code: 'ocr-count-above-model-range', severity: 'warning', message: `CD19+ count ${countText(o)} cells/µL on ${formatDate(o.time)} is above the model's plateau Bmax = ${bmax} cells/µL${b.fromPatient ? ' (the pre-treatment count)' : ''}: the model does not describe it; the forecast is not reliable`, line: o.line, value: o.raw,
        variant: b.fromPatient ? 'patient' : 'model', params: { count: countText(o), date: formatDate(o.time), bmax } });
    }
  }

  const basis = cur.used.length > 0 ? 'current-cycle' : prev.used.length > 0 ? 'previous-cycle' : 'population';
  if (basis !== 'current-cycle') {
    issues.push({
      code: 'ocr-no-count-this-cycle',
      severity: 'info',
      message: basis === 'previous-cycle'
        ? `no CD19+ count since the infusion of ${formatDate(cycle.start)}: the forecast rests on the previous cycle's ${prev.used.length} count(s) and the population prior`
        : `no CD19+ count since the infusion of ${formatDate(cycle.start)} and none from a previous cycle: the forecast is the population prior (typical patient)`,
      variant: basis === 'previous-cycle' ? 'previous' : 'population',
      params: basis === 'previous-cycle' ? { date: formatDate(cycle.start), n: prev.used.length } : { date: formatDate(cycle.start) },
    });
  }

  const posterior = fitGrid({ current: cur.used, previous: prev.used, bmax });
  if (posterior.edgeMass > 0.01) {
    const lo = Math.exp(posterior.logT0), hi = Math.exp(posterior.logT0 + (posterior.nT - 1) * posterior.dLogT);
    issues.push({ code: 'ocr-outside-model-range', severity: 'warning', message: `the counts are at the edge of what the model allows (T10 ${lo.toFixed(0)}–${hi.toFixed(0)} weeks, growth ${posterior.r[0].toFixed(3)}–${posterior.r[posterior.nR - 1].toFixed(1)} per week): the forecast is extrapolated; check the counts`,
      params: { tLow: lo.toFixed(0), tHigh: hi.toFixed(0), rLow: posterior.r[0].toFixed(3), rHigh: posterior.r[posterior.nR - 1].toFixed(1) } });
  }
  const c = options.threshold;
  const crossing = { q10: crossingQuantile(posterior, c, 0.1), q50: crossingQuantile(posterior, c, 0.5), q90: crossingQuantile(posterior, c, 0.9) };
  return { options, cycle, previous, current: cur.used, previousCounts: prev.used, bmax, bmaxFromPatient: b.fromPatient, basis, posterior, crossing, issues };
}

/** Weeks capped to the horizon (for numbers that must stay finite in JSON). */
const cap = (w: number) => Math.min(w, CROSSING_HORIZON_WEEKS);

/** Re-dose proposal, next count, BLOOMS-style rule, curve and probabilities for one patient. */
export function proposeOcrelizumab(patient: PatientRecord, asOf: Days, options: Partial<OcrelizumabOptions> = {}): OcrelizumabReport {
  const a = analyseOcrelizumab(patient, asOf, options);
  const o = a.options;
  const issues = a.issues;
  const start = a.cycle.start;
  const doseDay = startOfDay(start);
  const asOfDay = startOfDay(asOf);
  const dateAtWeek = (w: number) => formatDate(doseDay + 7 * w);
  const daysSince = asOfDay - doseDay;
  const minW = Math.ceil(o.minWeeks - 1e-9);
  const maxW = Math.floor(o.maxWeeks + 1e-9);
  const elapsedW = Math.max(0, Math.ceil(daysSince / 7 - 1e-9));
  const p = a.posterior;
  const thr = o.threshold;

  // Latest count of this cycle (censored or not).
  const curObs = patient.bcells.filter((b) => b.time > start && b.time <= asOf);
  const latest = curObs.length > 0 ? curObs[curObs.length - 1] : null;
  const dueNow = latest !== null && !latest.censored && latest.value >= thr;

  if (daysSince < o.minWeeks * 7) {
    issues.push({ code: 'ocr-before-minimum-interval', severity: 'info', message: `only ${(daysSince / 7).toFixed(1)} weeks since the last infusion (${formatDate(start)}): re-dosing is not advised before ${o.minWeeks} weeks (5 months, label); the earliest date is ${dateAtWeek(minW)}`,
      params: { weeks: (daysSince / 7).toFixed(1), date: formatDate(start), min: o.minWeeks, earliest: dateAtWeek(minW) } });
  }

  const { q10, q50, q90 } = a.crossing;
  const qRedose = o.redoseQuantile === 0.5 ? q50 : crossingQuantile(p, thr, o.redoseQuantile);
  const qCount = o.countQuantile === 0.1 ? q10 : crossingQuantile(p, thr, o.countQuantile);
  if (elapsedW > maxW) {
    issues.push({ code: 'ocr-past-maximum', severity: 'warning', message: `${(daysSince / 7).toFixed(1)} weeks since the last infusion (${formatDate(start)}), past the maximum interval of ${o.maxWeeks} weeks: re-dosing is overdue; the forecast is extrapolated beyond the data, count now`,
      params: { weeks: (daysSince / 7).toFixed(1), date: formatDate(start), max: o.maxWeeks } });
  } else if (!Number.isFinite(q50) || q50 > o.maxWeeks) {
    issues.push({ code: 'ocr-crossing-beyond-maximum', severity: 'warning', message: `predicted crossing of ${thr} cells/µL at week ${fmt1(q50)} is beyond the maximum interval of ${o.maxWeeks} weeks: the proposal is capped at week ${maxW}; the model is not validated that far, recount before deciding`,
      variant: 'capped', params: { threshold: thr, week: fmt1(q50), max: o.maxWeeks, capped: maxW } });
  } else if (!Number.isFinite(q90)) {
    issues.push({ code: 'ocr-crossing-beyond-maximum', severity: 'warning', message: `the 80 % interval of the crossing reaches beyond ${CROSSING_HORIZON_WEEKS} weeks: the upper bound is shown at the horizon, not extrapolated`,
      variant: 'horizon', params: { horizon: CROSSING_HORIZON_WEEKS } });
  }

  let weeks: number;
  let nextDose: string;
  let nextCheck: string;
  let reason: string;
  let reasonCode: string;
  let reasonParams: TextParams;
  let late: { due: string } | null = null;
  const crossingCode = `ocr-reason.crossing-${a.basis === 'current-cycle' ? (a.previousCounts.length ? 'current-previous' : 'current') : a.basis === 'previous-cycle' ? 'previous' : 'population'}`;
  const crossingParams: TextParams = { threshold: thr, week: fmt1(q50), low: fmt1(q10), high: fmt1(q90), n: a.current.length, previous: a.previousCounts.length };
  const crossingText = `predicted crossing of ${thr} cells/µL at week ${fmt1(q50)} (80 % interval ${fmt1(q10)}–${fmt1(q90)}), ${a.basis === 'current-cycle' ? `from ${a.current.length} count(s) of this cycle${a.previousCounts.length ? ` and ${a.previousCounts.length} of the previous` : ''}` : a.basis === 'previous-cycle' ? `from the previous cycle's ${a.previousCounts.length} count(s)` : 'from the population prior'}`;
  if (dueNow && latest) {
    const cnt = `latest count ${countText(latest)} cells/µL on ${formatDate(latest.time)} is at or above the threshold ${thr}`;
    const cntParams: TextParams = { count: countText(latest), date: formatDate(latest.time), threshold: thr };
    if (daysSince >= o.minWeeks * 7) {
      weeks = Math.floor(daysSince / 7);
      nextDose = formatDate(asOfDay);
      reason = `${cnt}: re-dosing is due now`;
      reasonCode = 'ocr-reason.due'; reasonParams = cntParams;
      issues.push({ code: 'ocr-redose-due', severity: 'warning', message: `${cnt}: re-dosing is due now (${formatDate(asOfDay)})`, line: latest.line, value: latest.raw,
        params: { ...cntParams, asOf: formatDate(asOfDay) } });
    } else {
      weeks = minW;
      nextDose = dateAtWeek(minW);
      reason = `${cnt}, but only ${(daysSince / 7).toFixed(1)} weeks have passed: re-dose at the 5-month minimum, week ${minW} (${nextDose})`;
      reasonCode = 'ocr-reason.due-before-minimum'; reasonParams = { ...cntParams, weeks: (daysSince / 7).toFixed(1), min: minW, nextDose };
      issues.push({ code: 'ocr-redose-due-before-minimum', severity: 'warning', message: `${cnt}, ${(daysSince / 7).toFixed(1)} weeks after the infusion: re-dosing is due but not advised before 5 months; proposed at the minimum, ${nextDose} (week ${minW})`, line: latest.line, value: latest.raw,
        params: { ...cntParams, weeks: (daysSince / 7).toFixed(1), nextDose, min: minW } });
    }
    const nextDoseDay = daysSince >= o.minWeeks * 7 ? asOfDay : doseDay + 7 * minW;
    nextCheck = formatDate(nextDoseDay + 7 * o.firstCountWeek);
  } else {
    weeks = Number.isFinite(qRedose) ? Math.floor(qRedose) : maxW;
    let why = `re-dose at week ${weeks} (the last whole week on or before the ${Math.round(o.redoseQuantile * 100)}th percentile of the crossing)`;
    let whyCode = 'ocr-reason.redose-quantile';
    const whyParams: TextParams = { redoseWeek: weeks, percentile: Math.round(o.redoseQuantile * 100) };
    if (weeks > maxW) { weeks = maxW; why = `re-dose at week ${maxW}, the maximum interval (the crossing is predicted later)`; whyCode = 'ocr-reason.redose-maximum'; }
    if (weeks < minW) { weeks = minW; why = `re-dose at week ${minW}, the 5-month minimum (the crossing is predicted earlier)`; whyCode = 'ocr-reason.redose-minimum'; }
    if (weeks < elapsedW) {
      // The re-dose as planned has passed: overdue, on the first whole week not before as-of.
      late = { due: dateAtWeek(weeks) };
      weeks = elapsedW;
      why = `re-dose now, at week ${elapsedW} (the first whole week not before today${elapsedW > maxW ? ', past the maximum interval' : ': the crossing has probably passed'})`;
      whyCode = elapsedW > maxW ? 'ocr-reason.redose-now-past-maximum' : 'ocr-reason.redose-now-passed';
    }
    whyParams.redoseWeek = weeks;
    nextDose = dateAtWeek(weeks);
    // Next count: at the count quantile of the crossing, at least minCountGapWeeks after the
    // latest count of this cycle and not before as-of, in whole weeks after the infusion.
    // A count after the re-dose date is of no use for this decision: at the latest on that day.
    let wc = Math.min(Number.isFinite(qCount) ? Math.round(qCount) : maxW, weeks);
    wc = Math.max(wc, elapsedW);
    if (latest) wc = Math.max(wc, Math.ceil((startOfDay(latest.time) + 7 * o.minCountGapWeeks - doseDay) / 7 - 1e-9));
    if (wc > weeks) {
      // The gap rule would put the count after the re-dose: the next count is then the first of
      // the next cycle, week firstCountWeek after the re-dose.
      nextCheck = dateAtWeek(weeks + o.firstCountWeek);
      reason = `${crossingText}; ${why}; next CD19+ count at week ${o.firstCountWeek} after the re-dose (${nextCheck})`;
      reasonCode = `${crossingCode};${whyCode};ocr-reason.next-count-next-cycle`;
      reasonParams = { ...crossingParams, ...whyParams, first: o.firstCountWeek, countDate: nextCheck };
    } else {
      nextCheck = dateAtWeek(wc);
      reason = `${crossingText}; ${why}; next CD19+ count at week ${wc} (${nextCheck})`;
      reasonCode = `${crossingCode};${whyCode};ocr-reason.next-count`;
      reasonParams = { ...crossingParams, ...whyParams, countWeek: wc, countDate: nextCheck };
    }
  }

  // BLOOMS-style rule beside the model.
  const protocol = bloomsRule(o, doseDay, asOfDay, latest ? { day: startOfDay(latest.time), raw: countText(latest), below: !dueNow } : null, maxW, minW);

  // Probability by date and curve, weekly from the infusion.
  const horizon = Math.max(CURVE_WEEKS, maxW + 8);
  const probabilityByDate: { date: string; probability: number }[] = [];
  const curve: CurvePoint[] = [];
  let last: CurvePoint | null = null;
  for (let k = 0; k <= horizon; k++) {
    probabilityByDate.push({ date: dateAtWeek(k), probability: probCrossedBy(p, thr, k) });
    const low = countQuantile(p, k, 0.1, last?.low);
    const value = countQuantile(p, k, 0.5, Math.max(low, last?.value ?? 0));
    const high = countQuantile(p, k, 0.9, Math.max(value, last?.high ?? 0));
    last = { time: start + 7 * k, value, low, high };
    curve.push(last);
  }

  // Model-free growth of this cycle's uncensored counts beside the fit; a note when they disagree.
  const trend = a.basis === 'current-cycle' ? countTrend(a.current, start, p, M.obsSd) : null;
  if (trend?.disagrees) issues.push(countTrendIssue(trend));

  const crossingWeeks: Interval80 = { value: cap(q50), low: cap(q10), high: cap(q90) };
  const growth: Interval80 = { value: rateQuantile(p, 0.5), low: rateQuantile(p, 0.1), high: rateQuantile(p, 0.9) };
  const at = (w: number) => formatDate(start + 7 * cap(w));
  return {
    drug: 'ocrelizumab',
    schemaVersion: REPORT_SCHEMA_VERSION,
    patientId: patient.id,
    asOf: formatDate(asOf),
    model: { id: OCRELIZUMAB_MODEL.id, version: OCRELIZUMAB_MODEL.version, name: OCRELIZUMAB_MODEL.name },
    options: o,
    threshold: { value: thr, unit: 'cells/uL' },
    lastDose: formatDateTime(start),
    // Re-doses fall on whole weeks after the infusion: the first such day not before as-of.
    firstPossibleDay: dateAtWeek(elapsedW),
    late,
    fit: {
      basis: a.basis,
      countsUsed: a.current.length,
      previousCycleCountsUsed: a.previousCounts.length,
      bmax: a.bmax,
      bmaxFromPatient: a.bmaxFromPatient,
      crossingWeeks,
      growthRatePerWeek: growth,
    },
    proposal: {
      nextDose,
      weeksSinceLastDose: weeks,
      predictedCrossing: at(q50),
      predictedCrossingLow: at(q10),
      predictedCrossingHigh: at(q90),
      nextBcellCheck: nextCheck,
      dueNow,
      reason,
      reasonCode,
      reasonParams,
    },
    protocol,
    countTrend: trend,
    probabilityByDate,
    warnings: issues,
    curve,
    observations: patient.bcells.filter((b) => b.time <= asOf),
    doses: patient.doses.filter((d) => d.time <= asOf).map((d) => ({ time: d.time, iso: d.iso, amountMg: d.amountMg })),
  };
}

/** BLOOMS-style: first count at week `firstCountWeek`, then every `countEveryWeeks`; re-dose at the first count ≥ threshold. */
function bloomsRule(o: OcrelizumabOptions, doseDay: Days, asOfDay: Days, latest: { day: Days; raw: string; below: boolean } | null, maxW: number, minW: number): OcrelizumabReport['protocol'] {
  const name = `BLOOMS-style: count from week ${o.firstCountWeek}, every ${o.countEveryWeeks} weeks; re-dose at the first count ≥ ${o.threshold} cells/µL`;
  const names = { name, nameCode: 'blooms.name', nameParams: { first: o.firstCountWeek, every: o.countEveryWeeks, threshold: o.threshold } };
  if (latest && !latest.below) {
    const doseAt = Math.max(asOfDay, doseDay + 7 * minW);
    const later = doseAt > asOfDay;
    return {
      ...names, nextCount: formatDate(doseAt + 7 * o.firstCountWeek),
      rationale: `count ${latest.raw} cells/µL on ${formatDate(latest.day)} is at or above ${o.threshold}: re-dose now${later ? ` (at the 5-month minimum, ${formatDate(doseAt)})` : ''}; first count of the next cycle at week ${o.firstCountWeek} after it`,
      rationaleCode: later ? 'blooms.due-minimum' : 'blooms.due',
      rationaleParams: { count: latest.raw, date: formatDate(latest.day), threshold: o.threshold, doseDate: formatDate(doseAt), first: o.firstCountWeek },
    };
  }
  let w = o.firstCountWeek;
  while (doseDay + 7 * w < asOfDay || (latest && doseDay + 7 * w <= latest.day)) w += o.countEveryWeeks;
  const nextCount = formatDate(doseDay + 7 * w);
  if (w > maxW) {
    return {
      ...names, nextCount,
      rationale: `no count at or above ${o.threshold} yet and the next scheduled count (week ${w}) is past the maximum interval of ${maxW} weeks: re-dose at week ${maxW} (${formatDate(doseDay + 7 * maxW)})`,
      rationaleCode: 'blooms.past-maximum',
      rationaleParams: { threshold: o.threshold, week: w, max: maxW, doseDate: formatDate(doseDay + 7 * maxW) },
    };
  }
  const now = latest
    ? `latest count ${latest.raw} cells/µL on ${formatDate(latest.day)} is below ${o.threshold}: postpone re-dosing`
    : `no count yet in this cycle: do not re-dose yet`;
  return {
    ...names, nextCount, rationale: `${now}; next count at week ${w} (${nextCount})`,
    rationaleCode: `${latest ? 'blooms.below' : 'blooms.no-count'};blooms.next`,
    rationaleParams: latest ? { count: latest.raw, date: formatDate(latest.day), threshold: o.threshold, week: w, nextCount } : { week: w, nextCount },
  };
}

/** Predicted true count (noise excluded), median with 80 % interval, at each time. */
export function predictOcrelizumab(patient: PatientRecord, asOf: Days, times: Days[], options: Partial<OcrelizumabOptions> = {}): PointPrediction[] {
  const cache = new Map<Days, OcrelizumabAnalysis>();
  const firstDose = patient.doses.length > 0 ? patient.doses[0].time : Infinity;
  return times.map((time) => {
    const iso = formatDateTime(time);
    if (!(time > firstDose)) {
      // Before (or at) the first infusion: the pre-treatment plateau.
      const pre = analyseOcrelizumabCached(patient, asOf, options, undefined, cache);
      const known = pre.bmaxFromPatient;
      return { time: iso, kind: 'bcell', value: pre.bmax, low: known ? pre.bmax : 90, high: known ? pre.bmax : 500, unit: 'cells/uL' };
    }
    const a = analyseOcrelizumabCached(patient, asOf, options, time, cache);
    const t = (time - a.cycle.start) / 7;
    return { time: iso, kind: 'bcell', value: countQuantile(a.posterior, t, 0.5), low: countQuantile(a.posterior, t, 0.1), high: countQuantile(a.posterior, t, 0.9), unit: 'cells/uL' };
  });
}

function analyseOcrelizumabCached(patient: PatientRecord, asOf: Days, options: Partial<OcrelizumabOptions>, at: Days | undefined, cache: Map<Days, OcrelizumabAnalysis>): OcrelizumabAnalysis {
  const groups = groupDoses(patient.doses.filter((d) => d.time <= asOf));
  let gi = groups.length - 1;
  if (at !== undefined) while (gi > 0 && groups[gi].start >= at) gi--;
  const key = groups[gi]?.start ?? -Infinity;
  let a = cache.get(key);
  if (!a) { a = analyseOcrelizumab(patient, asOf, options, at); cache.set(key, a); }
  return a;
}
