/**
 * Individual prediction (population when there is no level) with its 80 % interval at any times;
 * a time exactly at a dose is just before it. Doses after as-of are not assumed.
 *
 * `value` is the published model's MAP prediction. `low` and `high` come from the honest predictive
 * distribution: up to the last dose the posterior draws' history; after it, each draw runs on with
 * its own future clearance and Km, its laboratory bias and the patient's misfit scale, exactly as
 * the proposal's forecasts do (src/core/natalizumab/uncertainty.ts).
 */
import type { Days, PatientRecord } from '../types';
import type { NatalizumabOptions, PointPrediction } from '../report/types';
import { formatDateTime } from '../time';
import { weightedQuantiles } from '../stats/normal';
import { PkSolver, FAST } from '../pk/index';
import { analyse, resolveOptions, type Analysis } from './analysis';
import { forecastCurve } from './forecast';
import { drawForecastTerms, forecastIov, forecastParams, patientMisfit, scaleSpread, weightedDraws, widen } from './uncertainty';
import { monitoring } from './monitoring';
import { boundedEta } from './patient';

export function predictNatalizumab(patient: PatientRecord, asOf: Days, times: Days[], options: Partial<NatalizumabOptions> = {}): PointPrediction[] {
  const opts = resolveOptions(options);
  return predictionsOf(analyse(patient, asOf, opts, times), opts, times);
}

/**
 * The predictions at `times` from an analysis with those times as its outputs (analyse's, or the
 * proposal's continued to them: continued.ts), options resolved.
 */
export function predictionsOf(a: Analysis, opts: NatalizumabOptions, times: Days[]): PointPrediction[] {
  const m = times.length;
  const last = a.prep.lastDose ? a.prep.lastDose.time : null;
  // Times after the last dose (sorted, relative to it) get the honest forecast.
  const after = last === null ? [] : times.map((t, j) => ({ t: t - last, j })).filter((x) => x.t > 0).sort((x, y) => x.t - y.t);
  const honest = new Map<number, [number, number]>();
  if (after.length) {
    const { idx, w: wF } = weightedDraws(a.weights);
    const n = idx.length;
    const mon = monitoring(a);
    const { iov, occasions } = forecastIov(mon, opts.iovCl);
    const terms = drawForecastTerms(opts.seed, a.n, iov, occasions);
    const misfit = scaleSpread(terms, patientMisfit(a, mon.residualScale), opts.spreadScale);
    const rel = Float64Array.from(after, (x) => x.t);
    const out = new Float64Array(rel.length);
    const cols = after.map(() => new Float64Array(n));
    const solver = new PkSolver(FAST);
    const pF = { ...a.paramsMap };
    const horizon = rel[rel.length - 1] + 1;
    for (let r = 0; r < n; r++) {
      const s = idx[r];
      forecastParams(a.paramsSamples[s], boundedEta(a.etas[s * 3], 0), terms, s, pF);
      forecastCurve(solver, pF, a.snaps.subarray(s * 3, s * 3 + 3), a.prep.repeated, horizon, 1, rel, out);
      for (let k = 0; k < rel.length; k++) cols[k][r] = widen(out[k], a.outMap[after[k].j], misfit, terms.bias[s]);
    }
    after.forEach((x, k) => { const [lo, hi] = weightedQuantiles(cols[k], wF, [0.1, 0.9]); honest.set(x.j, [lo, hi]); });
  }
  const col = new Float64Array(a.n);
  return times.map((t, j) => {
    const v = a.outMap[j];
    let low: number, high: number;
    const h = honest.get(j);
    if (h) [low, high] = h;
    else {
      for (let s = 0; s < a.n; s++) col[s] = a.outSamples[s * m + j];
      [low, high] = weightedQuantiles(col, a.weights, [0.1, 0.9]);
    }
    return { time: formatDateTime(t), kind: 'level', value: v, low: Math.min(low, v), high: Math.max(high, v), unit: 'ug/mL' };
  });
}
