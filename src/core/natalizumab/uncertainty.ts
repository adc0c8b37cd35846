/**
 * The honest predictive distribution: the sources of uncertainty the published model leaves out
 * (models/natalizumab-forecast-uncertainty.ts), drawn per forecast draw from a seeded stream, and
 * the misfit scale from the patient's own residuals.
 */
import { createRng } from '../random';
import type { Observation } from '../types';
import { standardisedResidual } from '../fit/index';
import type { Analysis } from './analysis';
import type { PkParams } from '../pk/index';
import { NATALIZUMAB_FORECAST_UNCERTAINTY as U } from '../../../models/natalizumab-forecast-uncertainty';
import { NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';

/** Per forecast draw: log multiplier of future CL, Km, and the log laboratory bias. */
export interface ForecastTerms {
  /** The future occasions' own part of log CL: N(0, futureClSd(ω_IOV)²). */
  kappa: Float64Array;
  /** Share of the history's η_CL that carries into the future occasions (futureClShrink(ω_IOV)). */
  shrink: number;
  km: Float64Array;
  bias: Float64Array;
}

const OMEGA2_CL = M.omega2[0];

/**
 * Inter-occasion variability, the standard model (Karlsson & Sheiner 1993): log CL of an occasion
 * is η + κ, κ ~ N(0, ω_IOV²) per occasion, η ~ N(0, ω²) the patient's own. The troughs measured
 * show η + κ_history; the future occasion has κ_future of its own. Given η + κ_history = a, η is
 * normal with mean a·ω²/(ω² + ω_IOV²) (this share) and variance ω²ω_IOV²/(ω² + ω_IOV²), so a
 * clearance far from the typical one in the past is expected partly back toward it.
 */
export function futureClShrink(iov: number, occasions = 1): number {
  return OMEGA2_CL / (OMEGA2_CL + (iov * iov) / occasions);
}

/** SD of the future log CL given the history's: the conditional spread of η and the future κ. */
export function futureClSd(iov: number, occasions = 1): number {
  const v = (iov * iov) / occasions;
  return Math.sqrt(iov * iov + (OMEGA2_CL * v) / (OMEGA2_CL + v));
}

/**
 * The IOV allowance of a patient's forecast and the number of occasions its troughs average over.
 * Unmonitored: ω_IOV, the history counted as one occasion. Monitored (m troughs in a row agreeing
 * with the model): the conjugate (scaled-inverse-χ²) update of the patient's own IOV variance from
 * the population's ω_IOV² with ν0 prior degrees of freedom, by m occasions that show no more
 * scatter than the assay explains: ω_IOV·sqrt(ν0/(ν0 + m)); and those m occasions average the
 * history's κ (variance ω_IOV²/m).
 */
export function forecastIov(m: { monitored: boolean; troughs: number }, calibrated?: number): { iov: number; occasions: number } {
  // A spread calibrated on the clinic's own troughs (track-record.ts, calibration.ts) replaces the
  // published allowance and its monitored shrinkage: it already says how far such troughs carry.
  if (calibrated !== undefined) return { iov: calibrated, occasions: m.monitored ? m.troughs : 1 };
  if (!m.monitored) return { iov: U.iovCl, occasions: 1 };
  return { iov: U.iovCl * Math.sqrt(U.iovPriorDf / (U.iovPriorDf + m.troughs)), occasions: m.troughs };
}

/** n draws of the extra terms, for inter-occasion variability iov (same input, same output). */
export function drawForecastTerms(seed: number, n: number, iov: number = U.iovCl, occasions = 1): ForecastTerms {
  // Seeded by the options' seed alone, not the patient: two records with the same data get the
  // same draws (common random numbers), so they differ only by what differs in their data.
  const rng = createRng(Math.imul(seed + 7, 0x9e3779b1) | 0);
  const sdK = futureClSd(iov, occasions);
  const kappa = new Float64Array(n), km = new Float64Array(n), bias = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    kappa[r] = sdK * rng.normal();
    let k = M.km + U.kmSe * rng.normal();
    // Truncated normal by rejection (P(reject) ≈ 0.01).
    for (let tries = 0; k < U.kmFloor && tries < 50; tries++) k = M.km + U.kmSe * rng.normal();
    km[r] = Math.max(k, U.kmFloor);
    bias[r] = U.labBias * rng.normal();
  }
  return { kappa, shrink: futureClShrink(iov, occasions), km, bias };
}

/**
 * A calibrated scale λ of the concentration forecast's log-spread (NatalizumabOptions.spreadScale,
 * calibration.ts): every draw's log deviation from the MAP is λ times as wide, the laboratory bias
 * included (the misfit scale times λ, and this on the terms' bias, in place). λ = 1 changes nothing.
 */
export function scaleSpread(terms: ForecastTerms, misfit: number, scale = 1): number {
  if (scale === 1) return misfit;
  for (let r = 0; r < terms.bias.length; r++) terms.bias[r] *= scale;
  return misfit * scale;
}

/** Log multiplier from the history's CL of posterior draw r (its η_CL: etaCl) to its future CL. */
export function futureClShift(etaCl: number, terms: ForecastTerms, r: number): number {
  return (terms.shrink - 1) * etaCl + terms.kappa[r];
}

/** Forecast parameters of draw r: the posterior draw's parameters with its own future CL and Km. */
export function forecastParams(p: PkParams, etaCl: number, terms: ForecastTerms, r: number, out: PkParams): PkParams {
  out.cl = p.cl * Math.exp(futureClShift(etaCl, terms, r));
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

/** Standardised residual of a level, with the capillary bias and additive error where it applies. */
export function levelResidual(l: Observation, pred: number): number {
  return l.sample === 'capillary'
    ? standardisedResidual(l.value, pred, M.sigmaProp, M.capillaryAddSd, M.capillaryShift)
    : standardisedResidual(l.value, pred, M.sigmaProp);
}

/** Standardised residuals of an analysed patient's levels at the MAP (NaN for censored ones). */
export function standardisedResiduals(a: Analysis): number[] {
  return a.prep.levels.map((l, i) => (l.censored ? NaN : levelResidual(l, a.predAtLevels[i])));
}

/**
 * The spread scale of an analysed patient's forecast (1 for an a-priori answer: no residuals): the
 * misfit scale of its residuals (misfitScale, computed by the caller: monitoring) times the information lost to capillary sampling, sqrt(mean of v_capillary /
 * v_venous) over the levels (v: the measurement variance at the fitted level), so that the same
 * troughs given as finger-pricks never give a narrower forecast than given as venous draws.
 */
export function patientMisfit(a: Analysis, misfit: number): number {
  if (a.kind !== 'map') return 1;
  const levels = a.prep.levels;
  let ratio = 0;
  for (let i = 0; i < levels.length; i++) {
    const f = Math.max(a.predAtLevels[i], 1e-9);
    const v = (M.sigmaProp * f) ** 2;
    ratio += levels[i].sample === 'capillary' ? (v + M.capillaryAddSd ** 2) / v : 1;
  }
  return levels.length ? misfit * Math.sqrt(ratio / levels.length) : misfit;
}

/** A draw whose importance weight is below this share of an equal one is left out of the forecast. */
export const WEIGHT_FLOOR = 0.02;

/**
 * The posterior draws the forecasts run on, with their importance weights (renormalised): every
 * draw that carries weight, not a resample, so quantiles and probabilities change continuously
 * with the data (two records that differ a little get forecasts that differ a little, e.g. the same
 * trough given as capillary or venous). Draws under WEIGHT_FLOOR/n together carry a negligible share.
 */
export function weightedDraws(weights: ArrayLike<number>): { idx: Int32Array; w: Float64Array } {
  const n = weights.length;
  const floor = WEIGHT_FLOOR / n;
  const keep: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) if (weights[i] > floor) { keep.push(i); sum += weights[i]; }
  const w = Float64Array.from(keep, (i) => weights[i] / sum);
  return { idx: Int32Array.from(keep), w };
}
