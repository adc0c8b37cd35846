/**
 * The MAP objective, NONMEM/mapbayr style (−2 log posterior up to a constant):
 *   Σ_uncensored [ (y − f)²/(σf)² + ln((σf)²) ] + Σ_censored −2 ln Φ((LLOQ − f)/(σf)) + ηᵀΩ⁻¹η
 * with a proportional residual error σ and a diagonal Ω (its inverse is passed in, PKPDmap-style).
 */
import { logNormCdf } from '../stats/normal';
import { PkSolver, runTimeline, type PkParams, type Timeline, type Tolerance } from '../pk/index';

export interface MapProblem {
  /** History with the observation times as outputs (indices 0..nObs−1). */
  timeline: Timeline;
  obsValue: Float64Array;
  obsCensored: Uint8Array;
  /** Proportional residual error (fraction). */
  sigma: number;
  /** Diagonal of Ω⁻¹ (1/ω²). */
  omegaInv: Float64Array;
  /** Per-segment parameters for η (may reuse and return the same array). */
  paramsFor(eta: ArrayLike<number>): PkParams[];
  solver: PkSolver;
  tol: Tolerance;
  /** Scratch: predictions at the observations. */
  pred: Float64Array;
  /**
   * Optional per-observation measurement terms beside the proportional error: an additive SD and
   * a shift of the mean (a capillary sample reads f + shift with SD sqrt((σf)² + add²)).
   */
  obsAddSd?: Float64Array;
  obsShift?: Float64Array;
}

/** Smallest prediction used in the residual model (a zero prediction has zero variance). */
const F_FLOOR = 1e-9;

/**
 * −2 log-likelihood of the observations given predictions. With `addSd`/`shift` (per observation,
 * e.g. capillary samples) an observation is normal with mean f + shift and variance
 * (σf)² + addSd²; otherwise proportional error alone.
 */
export function dataObjective(pred: ArrayLike<number>, obsValue: ArrayLike<number>, obsCensored: ArrayLike<number>, sigma: number, addSd?: ArrayLike<number>, shift?: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < obsValue.length; i++) {
    const f = Math.max(pred[i], F_FLOOR);
    const a = addSd ? addSd[i] : 0;
    const mu = shift ? f + shift[i] : f;
    const sd = a > 0 ? Math.sqrt(sigma * sigma * f * f + a * a) : sigma * f;
    if (obsCensored[i]) s += -2 * logNormCdf((obsValue[i] - mu) / sd);
    else { const r = (obsValue[i] - mu) / sd; s += r * r + Math.log(sd * sd); }
  }
  return s;
}

export function priorObjective(eta: ArrayLike<number>, omegaInv: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < omegaInv.length; j++) s += eta[j] * eta[j] * omegaInv[j];
  return s;
}

/** Predictions at the observations for η (written into pb.pred). */
export function predictObservations(pb: MapProblem, eta: ArrayLike<number>, tol: Tolerance = pb.tol): Float64Array {
  runTimeline(pb.solver, pb.timeline, pb.paramsFor(eta), pb.pred, tol);
  return pb.pred;
}

/** The full objective at η. */
export function mapObjective(pb: MapProblem, eta: ArrayLike<number>, tol: Tolerance = pb.tol): number {
  const pred = predictObservations(pb, eta, tol);
  return dataObjective(pred, pb.obsValue, pb.obsCensored, pb.sigma, pb.obsAddSd, pb.obsShift) + priorObjective(eta, pb.omegaInv);
}

/** Standardised residual of one observation: (y − f − shift)/sqrt((σf)² + add²) (for a censored one, with y = the limit). */
export function standardisedResidual(y: number, f: number, sigma: number, addSd = 0, shift = 0): number {
  const ff = Math.max(f, F_FLOOR);
  return (y - ff - shift) / Math.sqrt(sigma * sigma * ff * ff + addSd * addSd);
}
