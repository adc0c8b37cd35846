/**
 * Stage 6, decide: the interval and the reason. A settling guard keeps the standard interval (in
 * the guards' order); then a clearly falling trend, an a-priori prediction; otherwise the longest
 * interval whose forecasts reach the required probabilities (unmonitored: both the next and the
 * steady-state trough at `probability`; monitored: the next trough more, the steady state less).
 */
import type { TextParams } from '../../types';
import { english } from '../../text';
import type { Analysis } from '../analysis';
import { PLAUSIBLE_WEIGHT_KG } from '../guards';
import { pctText } from '../trend';
import type { Analyses, Decision, Forecasts, Guards, Prepared, Spread } from './types';

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A decision with its reason as a code and params, its English from the one catalog. */
const decision = (weeks: number, reasonCode: string, reasonParams: TextParams): Decision => ({ weeks, reasonCode, reasonParams, reason: english(reasonCode, reasonParams) });

/** The reason when a guard settled the patient, or a falling trend or an a-priori prediction keeps the standard interval. */
function keptReason(std: number, g: Guards, an: Analyses, a: Analysis): Decision | null {
  const kept = (reasonCode: string, params: TextParams = {}): Decision => decision(std, reasonCode, { weeks: std, ...params });
  const trend = an.trend;
  switch (g.settledBy) {
    case 'antibodies': return kept('nat-reason.antibodies');
    case 'not-converged': return kept('nat-reason.not-converged');
    case 'unexplained': return kept('nat-reason.unexplained');
    case 'weight': {
      const { min, max } = PLAUSIBLE_WEIGHT_KG;
      const kg = g.implausibleKg as number;
      return kept('nat-reason.weight', { kg, min, max });
    }
    case 'censored-only': return kept('nat-reason.censored-only');
    case 'overdue': {
      const gap = round1(g.overdue!.gapWeeks);
      return kept('nat-reason.gap', { gap });
    }
    default: break;
  }
  if (trend?.falling) {
    const pct = pctText(trend.percentPerMonth);
    return kept('nat-reason.trend-falling', { interval: trend.intervalWeeks, pct });
  }
  // NEXT-MS sets the interval from measured troughs: an a-priori prediction never extends.
  if (a.kind === 'population') return kept('nat-reason.population');
  return null;
}

/** Monitored: the next trough is measured before the next infusion, so it carries the risk. */
function monitoredReason(std: number, chosen: number, acceptable: number[], target: number, f: Forecasts, count: number): Decision {
  const ssPct = Math.round(f.requiredSteadyState * 100), nextPct = Math.round(f.requiredNext * 100);
  // The first interval that falls short: the one after the standard, or the standard itself.
  const next = acceptable.length ? std + 1 : std;
  return chosen > std
    ? decision(chosen, 'nat-reason.extended-monitored', { weeks: chosen, target, nextPct, ssPct, count })
    : decision(chosen, 'nat-reason.next-unsupported-monitored', { weeks: std, next, target, nextPct, ssPct, count });
}

/** The longest acceptable interval from the forecasts. */
function forecastReason(std: number, target: number, probability: number, f: Forecasts, sp: Spread): Decision {
  const acceptable = f.alternatives.filter((o) => o.acceptable).map((o) => o.weeks);
  const pct = Math.round(probability * 100);
  const monitored = sp.monitoring.monitored;
  if (acceptable.length === 0 && !monitored) {
    return decision(std, 'nat-reason.unsupported', { weeks: std, target, pct });
  }
  const chosen = acceptable.length ? Math.max(...acceptable) : std;
  if (monitored) return monitoredReason(std, chosen, acceptable, target, f, sp.monitoring.troughs);
  return chosen > std
    ? decision(chosen, 'nat-reason.extended', { weeks: chosen, target, pct })
    : decision(std, 'nat-reason.next-unsupported', { weeks: std, next: std + 1, target, pct });
}

export function decide(p: Prepared, a: Analysis, g: Guards, sp: Spread, f: Forecasts, an: Analyses): Decision {
  const std = p.opts.standardIntervalWeeks;
  return keptReason(std, g, an, a) ?? forecastReason(std, p.opts.target, p.opts.probability, f, sp);
}
