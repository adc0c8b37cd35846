/**
 * The honest predictive distribution: the sources of uncertainty the published model leaves out
 * (models/natalizumab-forecast-uncertainty.ts), drawn per forecast draw from a seeded stream, and
 * the misfit scale from the patient's own residuals.
 */
import { createRng, seedFrom } from '../random';
import type { PkParams } from '../pk/index';
import { NATALIZUMAB_FORECAST_UNCERTAINTY as U } from '../../../models/natalizumab-forecast-uncertainty';
import { NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';

/** Per forecast draw: log multiplier of future CL, Km, and the log laboratory bias. */
export interface ForecastTerms {
  kappa: Float64Array;
  km: Float64Array;
  bias: Float64Array;
}

/** n draws of the extra terms, seeded by the patient id (same input, same output). */
export function drawForecastTerms(patientId: string, seed: number, n: number): ForecastTerms {
  const rng = createRng((seedFrom(patientId) ^ Math.imul(seed + 7, 0x9e3779b1)) | 0);
  const kappa = new Float64Array(n), km = new Float64Array(n), bias = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    kappa[r] = U.iovCl * rng.normal();
    let k = M.km + U.kmSe * rng.normal();
    // Truncated normal by rejection (P(reject) ≈ 0.01).
    for (let tries = 0; k < U.kmFloor && tries < 50; tries++) k = M.km + U.kmSe * rng.normal();
    km[r] = Math.max(k, U.kmFloor);
    bias[r] = U.labBias * rng.normal();
  }
  return { kappa, km, bias };
}

/** Forecast parameters of draw r: the posterior draw's parameters with its own future CL and Km. */
export function forecastParams(p: PkParams, terms: ForecastTerms, r: number, out: PkParams): PkParams {
  out.cl = p.cl * Math.exp(terms.kappa[r]);
  out.vc = p.vc; out.vp = p.vp; out.q = p.q; out.vmax = p.vmax; out.ka = p.ka; out.f = p.f;
  out.km = terms.km[r];
  return out;
}

/**
 * Misfit scale s = sqrt((ν0 + Σz²)/(ν0 + n)), at least 1 and at most misfitMax: the posterior
 * mean of the residual-variance scale under a scaled-inverse-χ² prior with ν0 degrees of freedom
 * centred on the model's own residual error.
 */
export function misfitScale(standardised: ArrayLike<number>): number {
  let ss = 0, n = 0;
  for (let i = 0; i < standardised.length; i++) {
    const z = standardised[i];
    if (Number.isFinite(z)) { ss += z * z; n++; }
  }
  const s = Math.sqrt((U.misfitPriorDf + ss) / (U.misfitPriorDf + n));
  return Math.min(U.misfitMax, Math.max(1, s));
}

/** Widen a draw's log deviation from the MAP value by the misfit scale, then add its laboratory bias. */
export function widen(value: number, mapValue: number, scale: number, logBias: number): number {
  if (!(value > 0) || !(mapValue > 0)) return value;
  return mapValue * Math.exp(scale * Math.log(value / mapValue) + logBias);
}
