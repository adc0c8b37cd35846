/**
 * Calibration of the forecast's inter-occasion spread from a clinic's own troughs (issue 17, item 3).
 *
 * The published model reports no inter-occasion variability (IOV) of clearance; the forecast
 * allows ω_IOV = 0.15 (models/natalizumab-forecast-uncertainty.ts), less for monitored patients.
 * One patient's troughs cannot tell a world with IOV from one without; a clinic's can. Each scored
 * trough of the track record (track-record.ts) is a residual r = ln(measured / forecast median)
 * with a predictive log-variance that depends on the spread ω through the future occasion's κ:
 *   V(ω) = rest + S²·futureClSd(ω, occasions)²
 * (rest: the posterior, Km, laboratory bias, misfit widening and the assay; S: d ln C / dκ of that
 * forecast; both read off the forecast's own draws). The clinic's τ = ω² is the posterior mode of
 *   Σ_troughs log N(r; 0, V(√τ))  (a censored trough: log Φ(r/√V))  −  (τ − ω_IOV²)² / (2·s0²),
 * on a grid of ω: empirical Bayes across patients with a normal prior on τ centred on the published
 * ω_IOV² (CLINIC_PRIOR_SD_TAU). One scored trough carries a Fisher information of about
 * 0.5·(S²/V)² ≈ 100–150 on τ, so the prior weighs as much as roughly 70–100 troughs: a clinic's
 * first weeks keep about the published spread, and hundreds of troughs move it where they point.
 *
 * A patient's own spread: the same posterior over that patient's own scored troughs with the prior
 * centred on the clinic's τ and a weaker SD (PATIENT_PRIOR_SD_TAU, about 15 troughs' worth), and
 * never below the clinic's: troughs that disagree more than the clinic's widen the forecast,
 * troughs that agree do not narrow it.
 */
import type { ForecastCalibration } from '../report/types';
import { logNormCdf } from '../stats/normal';
import { NATALIZUMAB_FORECAST_UNCERTAINTY as U } from '../../../models/natalizumab-forecast-uncertainty';
import { logVarianceAt, type TroughScore } from './track-record';

/** Prior SD of τ = ω² for the clinic: ω_IOV² = 0.0225 ± 0.01. */
export const CLINIC_PRIOR_SD_TAU = 0.01;
/** Prior SD of a patient's τ around the clinic's. */
export const PATIENT_PRIOR_SD_TAU = 0.01;
/**
 * Prior SD of ln λ, the scale of the whole concentration forecast's log-spread (posterior, Km,
 * laboratory bias, misfit widening and the future occasion's κ together), centred on ln 1 (the
 * widths as published). One trough's Fisher information on ln λ is 2·(C/V)² (C: the concentration's
 * log-variance, V: with the assay's), about 0.1–0.4 for a trough, so the prior weighs as much as
 * 30–150 troughs: as for ω, a clinic's first weeks keep about today's widths. (The assay's 21.9 %
 * dominates a measured trough, so the width is learnt slowly: several hundred troughs move it
 * only part of the way where it is truly narrower.)
 */
export const CLINIC_PRIOR_SD_LOG_SCALE = 0.3;
/** The grid of ω searched (log-SD): 0 to 0.4 by 0.0025. */
const OMEGAS = Array.from({ length: 161 }, (_, k) => k * 0.0025);
/** The grid of ln λ searched: −1 to 0.7 by 0.02 (λ 0.37 to 2.0). */
const LOG_SCALES = Array.from({ length: 86 }, (_, k) => -1 + k * 0.02);
/** z of the central 80 % interval. */
const Z80 = 1.2815515655446004;

/** Log-likelihood of the scored troughs had the forecast used spread ω (and its concentration spread scaled by λ). */
export function spreadLogLikelihood(scores: readonly TroughScore[], omega: number, scale = 1): number {
  let ll = 0;
  for (const s of scores) {
    const v = Math.max(logVarianceAt(s, omega, scale), 1e-6);
    const r = Math.log(s.measured / s.median);
    if (!Number.isFinite(r)) continue;
    ll += s.censored ? logNormCdf(r / Math.sqrt(v)) : -0.5 * (Math.log(v) + (r * r) / v);
  }
  return ll;
}

/** Posterior mode of ω over the grid, for a normal prior on ω² (centre tau0, SD sdTau), the concentration spread scaled by λ. */
export function posteriorSpread(scores: readonly TroughScore[], tau0: number, sdTau: number, scale = 1): number {
  let best = Math.sqrt(tau0), bestLp = -Infinity;
  for (const w of OMEGAS) {
    const lp = spreadLogLikelihood(scores, w, scale) - ((w * w - tau0) ** 2) / (2 * sdTau * sdTau);
    if (lp > bestLp) { bestLp = lp; best = w; }
  }
  return best;
}

/**
 * The posterior mode of λ, the scale of the whole concentration forecast's log-spread, over the
 * grid, given the spread ω: V = λ²·(rest + S²·futureClSd(ω)²) + assay, with a normal prior on ln λ
 * (centre 0: the published widths; SD sdLogScale). Where ω says how far the troughs carry from one
 * interval to the next, λ says how wide the rest (the posterior, Km, laboratory bias, misfit
 * widening) truly is for the clinic's patients: in a world without inter-occasion variability ω
 * goes to 0 and the rest alone would still be as wide as published.
 */
export function posteriorScale(scores: readonly TroughScore[], omega: number, sdLogScale: number): number {
  const terms: { r: number; censored: boolean; c: number; assay: number }[] = [];
  for (const s of scores) {
    const r = Math.log(s.measured / s.median);
    if (Number.isFinite(r)) terms.push({ r, censored: s.censored, c: logVarianceAt(s, omega) - s.spread.assay, assay: s.spread.assay });
  }
  let best = 1, bestLp = -Infinity;
  for (const ls of LOG_SCALES) {
    const l2 = Math.exp(2 * ls);
    let lp = -(ls * ls) / (2 * sdLogScale * sdLogScale);
    for (const t of terms) {
      const v = Math.max(l2 * t.c + t.assay, 1e-6);
      lp += t.censored ? logNormCdf(t.r / Math.sqrt(v)) : -0.5 * (Math.log(v) + (t.r * t.r) / v);
    }
    if (lp > bestLp) { bestLp = lp; best = Math.exp(ls); }
  }
  return best;
}

/** Share of the scored troughs inside the 80 % interval the forecast would have had with spread ω. */
export function coverageAt(scores: readonly TroughScore[], omega: number, scale = 1): number | null {
  if (!scores.length) return null;
  let inside = 0;
  for (const s of scores) {
    const half = Z80 * Math.sqrt(logVarianceAt(s, omega, scale));
    const r = Math.log(s.measured / s.median);
    if (s.censored ? r > -half : Math.abs(r) <= half) inside++;
  }
  return inside / scores.length;
}

/** The clinic's calibrated spread from all its scored troughs. */
export interface ClinicCalibration {
  troughs: number;
  patients: number;
  iov: number;
  /** The scale λ of the concentration forecast's log-spread (1: the published widths). */
  scale: number;
  publishedIov: number;
  /** 80 % coverage of the scored troughs as forecast (the spreads then used), and with the clinic's (normal approximation). */
  cover80: number | null;
  calibratedCover80: number | null;
}

export function calibrateClinic(scores: readonly TroughScore[]): ClinicCalibration {
  const tau0 = U.iovCl * U.iovCl;
  const iov = scores.length ? posteriorSpread(scores, tau0, CLINIC_PRIOR_SD_TAU) : U.iovCl;
  const scale = scores.length ? posteriorScale(scores, iov, CLINIC_PRIOR_SD_LOG_SCALE) : 1;
  return {
    troughs: scores.length,
    patients: new Set(scores.map((s) => s.patientId)).size,
    iov,
    scale,
    publishedIov: U.iovCl,
    cover80: scores.length ? scores.filter((s) => s.inside[1]).length / scores.length : null,
    calibratedCover80: coverageAt(scores, iov, scale),
  };
}

/** A patient's spread: the clinic's, wider when the patient's own scored troughs say so (at the clinic's scale), never narrower. */
export function patientSpread(clinic: ClinicCalibration, own: readonly TroughScore[]): number {
  if (!own.length) return clinic.iov;
  return Math.max(clinic.iov, posteriorSpread(own, clinic.iov * clinic.iov, PATIENT_PRIOR_SD_TAU, clinic.scale));
}

/** The calibration a patient's forecast uses (NatalizumabOptions.iovCl, .spreadScale and .calibration). */
export function patientCalibration(clinic: ClinicCalibration, own: readonly TroughScore[]): { iovCl: number; spreadScale: number; calibration: ForecastCalibration } {
  const iov = patientSpread(clinic, own);
  return {
    iovCl: iov,
    spreadScale: clinic.scale,
    calibration: {
      troughs: clinic.troughs, patients: clinic.patients, clinicIov: clinic.iov, publishedIov: clinic.publishedIov,
      patientIov: iov, patientTroughs: own.length, scale: clinic.scale, cover80: clinic.cover80, calibratedCover80: clinic.calibratedCover80,
    },
  };
}
