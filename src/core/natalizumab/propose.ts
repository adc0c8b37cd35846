/**
 * The natalizumab proposal: for each whole-week interval from the standard one to the maximum,
 * the steady-state trough and the next trough with their 80 % intervals and the probability of
 * being at or above the target; the longest interval where both probabilities reach the required
 * one is proposed. Guards keep the standard interval where the data point at antibodies, missed
 * doses or a fit that cannot be trusted. The PDNMS rule is computed beside it.
 *
 * Read top to bottom: each stage is a function of its own in ./pipeline (types: ./pipeline/types.ts).
 */
import type { Days, PatientRecord } from '../types';
import type { NatalizumabOptions, NatalizumabReport } from '../report/types';
import type { Analysis } from './analysis';
import { protocolPdnms, latestTrough } from './guards';
import { prepare } from './pipeline/prepare';
import { fit } from './pipeline/fit';
import { guards } from './pipeline/guards';
import { spread } from './pipeline/spread';
import { forecast } from './pipeline/forecast';
import { analyses } from './pipeline/analyses';
import { decide } from './pipeline/decide';
import { overdue } from './pipeline/overdue';
import { bands } from './pipeline/bands';
import { report } from './pipeline/report';
import { nextDoseDate } from './schedule';

export { nextDoseDate };
export { apparentHalfLife } from './pipeline/report';
export { MONITORED_MIN_TROUGHS, MONITORED_MAX_MISFIT, MONITORED_SS_PROBABILITY, monitoredNextProbability } from './monitoring';

export function proposeNatalizumab(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions> = {}): NatalizumabReport {
  return proposeWithAnalysis(patient, asOf, options).report;
}

/**
 * The proposal and the fit it was made from (its MAP fit and posterior draws), for an analysis of
 * the same record, as-of and options that reads more from them (the wearing-off onsets:
 * wearing-off.ts); `checkpointBefore`: the time from which that analysis asks (pipeline/fit.ts).
 */
export function proposeWithAnalysis(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions> = {}, checkpointBefore?: Days): { report: NatalizumabReport; analysis: Analysis } {
  const p = prepare(patient, asOf, options);
  const a = fit(p, checkpointBefore);
  // Guards that settle the patient alone run before any forecast: then only the standard interval is forecast.
  const g = guards(p, a);
  const sp = spread(a, g, p.opts.iovCl, p.opts.spreadScale);
  const f = forecast(p, a, g, sp);
  const an = analyses(p, a, f);
  const d = decide(p, a, g, sp, f, an);
  const chosen = f.alternatives[f.weeks.indexOf(d.weeks)];
  const pdnms = protocolPdnms(a.prep.doses, latestTrough(a.prep.levels, a.prep.doses), p.opts.infusionWeekday);
  const o = overdue(p, a, g, chosen, pdnms, { steadyState: f.requiredSteadyState, next: f.requiredNext });
  const b = p.curves ? bands(a, f) : { history: [], forecasts: [] };
  return { report: report({ p, a, g, sp, f, an, d, o, bands: b }), analysis: a };
}
