/**
 * Stage 4, forecast: for each candidate interval (the standard one alone when a guard has settled
 * the patient) the next trough and the steady-state trough, for the MAP and for every weighted
 * posterior draw with the uncertainty the published model leaves out (its own future clearance
 * with the spread's inter-occasion allowance, Km, laboratory bias), widened by the patient's misfit.
 */
import type { Issue } from '../../types';
import type { IntervalOption } from '../../report/types';
import { FORECAST_QUANTILE_LEVELS } from '../../report/types';
import { WEEK } from '../../time';
import { PkSolver, FIT, FAST, type RepeatedDose } from '../../pk/index';
import { weightedQuantiles, weightedProbabilityAtLeast } from '../../stats/normal';
import type { Analysis } from '../analysis';
import { nextTroughs, steadyTroughs, lineariseSteadyState, sampleSteadyTrough, type SsLinearisation } from '../forecast';
import { boundedEta, individualParams } from '../patient';
import { drawForecastTerms, forecastParams, futureClShift, patientMisfit, scaleSpread, weightedDraws, widen, type ForecastTerms } from '../uncertainty';
import { MONITORED_SS_PROBABILITY, monitoredNextProbability } from '../monitoring';
import { nextDoseDate } from '../schedule';
import { interval80 } from './quantiles';
import type { Forecasts, Guards, Prepared, Spread } from './types';
import { withEnglish } from '../../text';

/** The MAP's next and steady-state troughs, and the steady state linearised around it per interval. */
function mapForecasts(solver: PkSolver, a: Analysis, dose: RepeatedDose, taus: number[]) {
  const nw = taus.length;
  const mapNext = new Float64Array(nw), mapSs = new Float64Array(nw), states = new Float64Array(nw * 3);
  nextTroughs(solver, a.paramsMap, a.snapMap, dose, taus, mapNext);
  const converged = steadyTroughs(solver, a.paramsMap, dose, taus, mapSs, a.snapMap, states);
  const wt = a.prep.currentWeight;
  const lins = taus.map((tau, i) => lineariseSteadyState(solver, (e) => individualParams(wt, e), a.eta, dose, tau, states.subarray(i * 3, i * 3 + 3)));
  return { mapNext, mapSs, lins, converged };
}

interface DrawInput { a: Analysis; dose: RepeatedDose; taus: number[]; idx: Int32Array; terms: ForecastTerms; misfit: number; mapNext: Float64Array; mapSs: Float64Array; lins: SsLinearisation[] }

/** Every draw's next and steady-state trough per interval (interval-major: [i·n + r]). */
function drawForecasts(solver: PkSolver, d: DrawInput): { nextS: Float64Array; ssS: Float64Array; converged: boolean } {
  const { a, dose, taus, idx, terms, misfit } = d;
  const nw = taus.length, n = idx.length;
  const nextS = new Float64Array(nw * n), ssS = new Float64Array(nw * n), tmpN = new Float64Array(nw);
  const pF = { ...a.paramsMap };
  const etaF = [0, 0, 0];
  let converged = true;
  solver.setTolerance(FAST);
  for (let r = 0; r < n; r++) {
    const s = idx[r];
    // The history's η_CL as it sets the draw's CL (bounded), and the draw's future CL from it.
    const etaCl = boundedEta(a.etas[s * 3], 0);
    forecastParams(a.paramsSamples[s], etaCl, terms, s, pF);
    nextTroughs(solver, pF, a.snaps.subarray(s * 3, s * 3 + 3), dose, taus, tmpN);
    etaF[0] = etaCl + futureClShift(etaCl, terms, s); etaF[1] = a.etas[s * 3 + 1]; etaF[2] = a.etas[s * 3 + 2];
    for (let i = 0; i < nw; i++) {
      const res = sampleSteadyTrough(solver, pF, etaF, dose, d.lins[i]);
      converged = converged && res.converged;
      nextS[i * n + r] = widen(tmpN[i], d.mapNext[i], misfit, terms.bias[s]);
      ssS[i * n + r] = widen(res.trough, d.mapSs[i], misfit, terms.bias[s]);
    }
  }
  return { nextS, ssS, converged };
}

export function forecast(p: Prepared, a: Analysis, g: Guards, sp: Spread): Forecasts & { solver: PkSolver } {
  const { opts } = p;
  const std = opts.standardIntervalWeeks;
  const weeks: number[] = [];
  for (let w = std; w <= (g.settledBy ? std : opts.maxIntervalWeeks); w++) weeks.push(w);
  const taus = weeks.map((w) => w * WEEK);
  const dose = a.prep.repeated;
  const solver = new PkSolver(FIT);
  const map = mapForecasts(solver, a, dose, taus);
  const { idx, w } = weightedDraws(a.weights);
  const terms = drawForecastTerms(opts.seed, a.n, sp.iov, sp.occasions);
  const misfit = scaleSpread(terms, patientMisfit(a, sp.monitoring.residualScale), sp.scale);
  const draws = drawForecasts(solver, { a, dose, taus, idx, terms, misfit, mapNext: map.mapNext, mapSs: map.mapSs, lins: map.lins });
  const { nextS, ssS } = draws;
  const monitored = sp.monitoring.monitored;
  const requiredSteadyState = monitored ? Math.min(opts.probability, MONITORED_SS_PROBABILITY) : opts.probability;
  const requiredNext = monitored ? monitoredNextProbability(opts.probability) : opts.probability;
  const n = idx.length;
  const lastDoseTime = a.prep.lastDose ? a.prep.lastDose.time : p.asOf;
  const alternatives: IntervalOption[] = weeks.map((wk, i) => {
    const ssVals = ssS.subarray(i * n, (i + 1) * n), nxVals = nextS.subarray(i * n, (i + 1) * n);
    const pSteadyState = weightedProbabilityAtLeast(ssVals, w, opts.target);
    const pNext = weightedProbabilityAtLeast(nxVals, w, opts.target);
    return {
      weeks: wk, ssTrough: interval80(map.mapSs[i], ssVals, w), pSteadyState, nextTrough: interval80(map.mapNext[i], nxVals, w), pNext,
      nextDose: nextDoseDate(lastDoseTime, wk, opts.infusionWeekday),
      acceptable: pSteadyState >= requiredSteadyState && pNext >= requiredNext,
      ssQuantiles: weightedQuantiles(ssVals, w, FORECAST_QUANTILE_LEVELS),
      nextQuantiles: weightedQuantiles(nxVals, w, FORECAST_QUANTILE_LEVELS),
    };
  });
  const issues: Issue[] = map.converged && draws.converged ? [] : [withEnglish({ code: 'steady-state-not-converged', severity: 'warning', params: {} })];
  return { weeks, taus, mapNext: map.mapNext, mapSs: map.mapSs, idx, w, terms, misfit, requiredSteadyState, requiredNext, alternatives, issues, solver };
}
