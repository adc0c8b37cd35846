/**
 * Ocrelizumab: analyse → timing → guards → decide → protocol → curve → analyses → report, each
 * stage a function of its own (./pipeline; types: ./pipeline/types.ts).
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
import type { Days, Issue, PatientRecord } from '../types';
import type { OcrelizumabOptions, OcrelizumabReport, PointPrediction } from '../report/types';
import { formatDate, formatDateTime, startOfDay } from '../time';
import { OCRELIZUMAB_BCELL } from '../../../models/ocrelizumab-bcell-logistic';
import { resolveOcrelizumabOptions } from './options';
import { cycleCounts, doseIssues, groupDoses, nonDepletionIssue, resolveBmax, type DoseGroup } from './cycles';
import { countQuantile, crossingQuantile, fitGrid, type CountObs, type GridPosterior } from './posterior';
import { countTrend, countTrendIssue } from './trend';
import { timing } from './pipeline/timing';
import { windowIssues } from './pipeline/guards';
import { decideOcrelizumab } from './pipeline/decide';
import { bloomsRule } from './pipeline/protocol';
import { curve } from './pipeline/curve';
import { ocrelizumabReport } from './pipeline/report';
import { countText } from './pipeline/format';
import { withEnglish } from '../text';

const M = OCRELIZUMAB_BCELL;

export { CURVE_WEEKS } from './pipeline/curve';

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
    issues.push(withEnglish({ code: 'ocr-threshold-above-plateau', severity: 'warning', params: { threshold: options.threshold, bmax } }));
  }

  const cur = cycleCounts(bcells, cycle.start, end, options.labLimit);
  const prev = previous ? cycleCounts(bcells, previous.start, cycle.start, options.labLimit) : { used: [], usedObs: [], early: [] };
  for (const [c, which] of [[cur, 'this'], [prev, 'the previous']] as const) {
    for (const o of c.early) {
      issues.push(withEnglish({ code: 'ocr-count-before-depletion', severity: 'info', line: o.line, value: o.raw,
        params: { count: countText(o), date: formatDate(o.time), weeks: M.depletionWeeks, which: which === 'this' ? 'cycle-this' : 'cycle-previous' } }));
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
      issues.push(withEnglish({ code: 'ocr-count-above-model-range', severity: 'warning', line: o.line, value: o.raw,
        variant: b.fromPatient ? 'patient' : 'model', params: { count: countText(o), date: formatDate(o.time), bmax } }));
    }
  }

  const basis = cur.used.length > 0 ? 'current-cycle' : prev.used.length > 0 ? 'previous-cycle' : 'population';
  if (basis !== 'current-cycle') {
    issues.push(withEnglish({
      code: 'ocr-no-count-this-cycle',
      severity: 'info',
      variant: basis === 'previous-cycle' ? 'previous' : 'population',
      params: basis === 'previous-cycle' ? { date: formatDate(cycle.start), n: prev.used.length } : { date: formatDate(cycle.start) },
    }));
  }

  const posterior = fitGrid({ current: cur.used, previous: prev.used, bmax });
  if (posterior.edgeMass > 0.01) {
    const lo = Math.exp(posterior.logT0), hi = Math.exp(posterior.logT0 + (posterior.nT - 1) * posterior.dLogT);
    issues.push(withEnglish({ code: 'ocr-outside-model-range', severity: 'warning', params: { tLow: lo.toFixed(0), tHigh: hi.toFixed(0), rLow: posterior.r[0].toFixed(3), rHigh: posterior.r[posterior.nR - 1].toFixed(1) } }));
  }
  const c = options.threshold;
  const crossing = { q10: crossingQuantile(posterior, c, 0.1), q50: crossingQuantile(posterior, c, 0.5), q90: crossingQuantile(posterior, c, 0.9) };
  return { options, cycle, previous, current: cur.used, previousCounts: prev.used, bmax, bmaxFromPatient: b.fromPatient, basis, posterior, crossing, issues };
}

/** Re-dose proposal, next count, BLOOMS-style rule, curve and probabilities for one patient. */
export function proposeOcrelizumab(patient: PatientRecord, asOf: Days, options: Partial<OcrelizumabOptions> = {}): OcrelizumabReport {
  const a = analyseOcrelizumab(patient, asOf, options);
  const t = timing(patient, asOf, a);
  const issues = a.issues;
  issues.push(...windowIssues(t, a));
  const { decision: d, issues: decisionIssues } = decideOcrelizumab(t, a);
  issues.push(...decisionIssues);
  const latest = t.latest ? { day: startOfDay(t.latest.time), raw: countText(t.latest), below: !t.dueNow } : null;
  const protocol = bloomsRule(a.options, t.doseDay, t.asOfDay, latest, t.maxW, t.minW);
  const { probabilityByDate, curve: points } = curve(t, a);
  // Model-free growth of this cycle's uncensored counts beside the fit; a note when they disagree.
  const trend = a.basis === 'current-cycle' ? countTrend(a.current, t.start, a.posterior, M.obsSd) : null;
  if (trend?.disagrees) issues.push(countTrendIssue(trend));
  return ocrelizumabReport({ patient, asOf, a, t, d, protocol, trend, issues, probabilityByDate, curve: points });
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
