/**
 * Stage 8, bands (only when a chart is asked for: the command line asks for none): the history's
 * 80 % band from an equal-weight resample of the posterior draws, and per candidate interval the
 * forecast band over three repeats of it, on the same weighted draws, future clearance, Km,
 * laboratory bias and misfit widening as the card's intervals (the band at the next trough is the
 * card's interval).
 */
import type { CurvePoint } from '../../types';
import { PkSolver, FIT, FAST } from '../../pk/index';
import { weightedQuantiles } from '../../stats/normal';
import { systematicResample } from '../../fit/index';
import type { Analysis } from '../analysis';
import { forecastCurve } from '../forecast';
import { boundedEta } from '../patient';
import { forecastParams, widen } from '../uncertainty';
import { buildGrid } from './grid';
import { sortedQuantiles } from './quantiles';
import type { Bands, Forecasts } from './types';

/** Equal-weight resample behind the history band. */
const HISTORY_BAND_SAMPLES = 100;
/** Doses shown after the last one in a forecast band. */
const BAND_DOSES = 3;

function historyBand(a: Analysis): CurvePoint[] {
  const k = a.curveTimes.length;
  const history: CurvePoint[] = [];
  const idxH = systematicResample(a.weights, Math.min(a.n, HISTORY_BAND_SAMPLES), 0.5);
  const col = new Float64Array(idxH.length);
  for (let j = 0; j < k; j++) {
    for (let r = 0; r < idxH.length; r++) col[r] = a.curveSamples[idxH[r] * k + j];
    const [low, high] = sortedQuantiles(col, 0.1, 0.9);
    const v = a.curveMap[j];
    history.push({ time: a.curveTimes[j], value: v, low: Math.min(low, v), high: Math.max(high, v) });
  }
  return history;
}

/** The forecast band of interval i (solver: the forecast's, which carries its step size on). */
function forecastBand(solver: PkSolver, a: Analysis, f: Forecasts, i: number): { weeks: number; points: CurvePoint[] } {
  const tau = f.taus[i], dose = a.prep.repeated, n = f.idx.length;
  const lastDoseTime = a.prep.lastDose ? a.prep.lastDose.time : a.prep.asOf;
  const times = buildGrid(0, BAND_DOSES * tau, 45, Array.from({ length: BAND_DOSES }, (_, d) => d * tau + (dose.into === 'central' ? dose.offset + dose.durationDays : 0)));
  const mapCurve = new Float64Array(times.length);
  solver.setTolerance(FIT);
  forecastCurve(solver, a.paramsMap, a.snapMap, dose, tau, BAND_DOSES, times, mapCurve);
  solver.setTolerance(FAST);
  const band = new Float64Array(times.length * n);
  const c = new Float64Array(times.length);
  const pF = { ...a.paramsMap };
  for (let r = 0; r < n; r++) {
    const s = f.idx[r];
    forecastParams(a.paramsSamples[s], boundedEta(a.etas[s * 3], 0), f.terms, s, pF);
    forecastCurve(solver, pF, a.snaps.subarray(s * 3, s * 3 + 3), dose, tau, BAND_DOSES, times, c);
    for (let j = 0; j < times.length; j++) band[j * n + r] = widen(c[j], mapCurve[j], f.misfit, f.terms.bias[s]);
  }
  return {
    weeks: f.weeks[i],
    points: Array.from(times, (t, j) => {
      const [low, high] = weightedQuantiles(band.subarray(j * n, (j + 1) * n), f.w, [0.1, 0.9]);
      return { time: lastDoseTime + t, value: mapCurve[j], low: Math.min(low, mapCurve[j]), high: Math.max(high, mapCurve[j]) };
    }),
  };
}

export function bands(a: Analysis, f: Forecasts & { solver: PkSolver }): Bands {
  return { history: historyBand(a), forecasts: f.weeks.map((_, i) => forecastBand(f.solver, a, f, i)) };
}
