/**
 * Stage 6, decide: the interval and the reason. A settling guard keeps the standard interval (in
 * the guards' order); then a clearly falling trend, an a-priori prediction; otherwise the longest
 * interval whose forecasts reach the required probabilities (unmonitored: both the next and the
 * steady-state trough at `probability`; monitored: the next trough more, the steady state less).
 */
import type { TextParams } from '../../types';
import type { Analysis } from '../analysis';
import { PLAUSIBLE_WEIGHT_KG } from '../guards';
import { pctText } from '../trend';
import type { Analyses, Decision, Forecasts, Guards, Prepared, Spread } from './types';

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The reason when a guard settled the patient, or a falling trend or an a-priori prediction keeps the standard interval. */
function keptReason(std: number, g: Guards, an: Analyses, a: Analysis): Decision | null {
  const kept = (reasonCode: string, reason: string, params: TextParams = {}): Decision => ({ weeks: std, reason, reasonCode, reasonParams: { weeks: std, ...params } });
  const trend = an.trend;
  switch (g.settledBy) {
    case 'antibodies': return kept('nat-reason.antibodies', `kept at ${std} weeks: a very low trough on 4-weekly dosing suggests anti-drug antibodies or missed doses; test for antibodies before any extension`);
    case 'not-converged': return kept('nat-reason.not-converged', `kept at ${std} weeks: the individual fit did not converge`);
    case 'unexplained': return kept('nat-reason.unexplained', `kept at ${std} weeks: the model cannot explain a measured level; check the sample time, the dose history and the unit before any extension`);
    case 'weight': {
      const { min, max } = PLAUSIBLE_WEIGHT_KG;
      const kg = g.implausibleKg as number;
      return kept('nat-reason.weight', `kept at ${std} weeks: a weight of ${kg} kg cannot be right (outside ${min}–${max} kg); check it before any extension`, { kg, min, max });
    }
    case 'censored-only': return kept('nat-reason.censored-only', `kept at ${std} weeks: every level is reported only as below the lab's limit, which does not show the trough is high enough to extend; measure a trough the lab quantifies`);
    case 'overdue': {
      const gap = round1(g.overdue!.gapWeeks);
      return kept('nat-reason.gap', `kept at ${std} weeks: the dose is overdue (${gap} weeks since the last dose); give it now, continue ${std}-weekly and re-plan from the next trough`, { gap });
    }
    default: break;
  }
  if (trend?.falling) {
    const pct = pctText(trend.percentPerMonth);
    return kept('nat-reason.trend-falling', `kept at ${std} weeks: the troughs at a stable ${trend.intervalWeeks}-week interval are falling (${pct} % per month, model-free trend); no extension until the cause is known (anti-drug antibodies, weight gain, a change in clearance)`, { interval: trend.intervalWeeks, pct });
  }
  // NEXT-MS sets the interval from measured troughs: an a-priori prediction never extends.
  if (a.kind === 'population') return kept('nat-reason.population', `kept at ${std} weeks: no drug level measured yet, so the interval is not extended on an a-priori (population) prediction; measure two troughs on ${std}-weekly dosing`);
  return null;
}

/** Monitored: the next trough is measured before the next infusion, so it carries the risk. */
function monitoredReason(std: number, chosen: number, acceptable: number[], target: number, f: Forecasts, count: number): Decision {
  const ssPct = Math.round(f.requiredSteadyState * 100), nextPct = Math.round(f.requiredNext * 100);
  const why = `troughs were measured before each of the last ${count} infusions and agree with the model, so every interval is checked by its own trough`;
  // The first interval that falls short: the one after the standard, or the standard itself.
  const next = acceptable.length ? std + 1 : std;
  return chosen > std
    ? { weeks: chosen, reasonCode: 'nat-reason.extended-monitored', reasonParams: { weeks: chosen, target, nextPct, ssPct, count },
      reason: `${chosen} weeks is the longest interval whose next trough is predicted ≥ ${target} µg/mL with at least ${nextPct} % probability and its steady-state trough with at least ${ssPct} %: ${why}; measure the next one` }
    : { weeks: chosen, reasonCode: 'nat-reason.next-unsupported-monitored', reasonParams: { weeks: std, next, target, nextPct, ssPct, count },
      reason: `kept at ${std} weeks: at ${next} weeks the next trough is not predicted ≥ ${target} µg/mL with ${nextPct} % probability, or its steady-state trough with ${ssPct} % (${why})` };
}

/** The longest acceptable interval from the forecasts. */
function forecastReason(std: number, target: number, probability: number, f: Forecasts, sp: Spread): Decision {
  const acceptable = f.alternatives.filter((o) => o.acceptable).map((o) => o.weeks);
  const pct = Math.round(probability * 100);
  const monitored = sp.monitoring.monitored;
  if (acceptable.length === 0 && !monitored) {
    return { weeks: std, reasonCode: 'nat-reason.unsupported', reasonParams: { weeks: std, target, pct },
      reason: `kept at ${std} weeks: the data do not support an extension (even at ${std} weeks the trough is not predicted ≥ ${target} µg/mL with ${pct} % probability)` };
  }
  const chosen = acceptable.length ? Math.max(...acceptable) : std;
  if (monitored) return monitoredReason(std, chosen, acceptable, target, f, sp.monitoring.troughs);
  return chosen > std
    ? { weeks: chosen, reasonCode: 'nat-reason.extended', reasonParams: { weeks: chosen, target, pct },
      reason: `${chosen} weeks is the longest interval whose steady-state trough and next trough are both predicted ≥ ${target} µg/mL with at least ${pct} % probability` }
    : { weeks: std, reasonCode: 'nat-reason.next-unsupported', reasonParams: { weeks: std, next: std + 1, target, pct },
      reason: `kept at ${std} weeks: the data do not support an extension (at ${std + 1} weeks the trough is not predicted ≥ ${target} µg/mL with ${pct} % probability)` };
}

export function decide(p: Prepared, a: Analysis, g: Guards, sp: Spread, f: Forecasts, an: Analyses): Decision {
  const std = p.opts.standardIntervalWeeks;
  return keptReason(std, g, an, a) ?? forecastReason(std, p.opts.target, p.opts.probability, f, sp);
}
