/**
 * MAP Bayesian estimation of η: damped Newton from the prior mode (η = 0), Nelder–Mead as a
 * fallback and a restart from its answer, so the reported optimum is the true one.
 */
import { cholesky, cholSolve, dampedNewton, nelderMead, spdInverse } from './optimise';
import { dataObjective, mapObjective, predictObservations, priorObjective, type MapProblem } from './objective';
import { logNormCdf } from '../stats/normal';
import type { Tolerance } from '../pk/index';

export interface MapFit {
  eta: number[];
  objective: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Hessian of the objective at the optimum (finite differences). */
  hessian: number[][];
  /** Laplace covariance of η: 2·H⁻¹ (null if H is not positive definite). */
  covariance: number[][] | null;
  /** Which path found the optimum: Fisher scoring (the usual), or the fallback damped Newton, with Nelder–Mead first when Newton alone did not converge. */
  method?: 'fisher' | 'newton' | 'nelder-mead';
}

/** Iteration limits of the fit's stages (tests use them to exercise the fallback path). */
export interface FitLimits {
  /** Fisher-scoring iterations (0: skip straight to the fallback). */
  fisherIter: number;
  /** Iterations of the fallback's first damped Newton; when it does not converge, Nelder–Mead runs, then Newton again. */
  newtonIter: number;
}

const DEFAULT_LIMITS: FitLimits = { fisherIter: 60, newtonIter: 40 };

/** Per-observation first derivative and (expected / non-negative) second derivative of the objective with respect to the prediction f. */
function obsDerivatives(y: number, f: number, censored: boolean, sigma: number, addSd = 0, shift = 0): [number, number] {
  const ff = Math.max(f, 1e-9);
  if (addSd > 0 || shift !== 0) {
    // Mean f + shift, variance v = (σf)² + add²: term (y − μ)²/v + ln v; expected Hessian 2/v + v'²/v².
    const v = sigma * sigma * ff * ff + addSd * addSd;
    const dv = 2 * sigma * sigma * ff;
    if (!censored) {
      const e = y - ff - shift;
      return [-2 * e / v - e * e * dv / (v * v) + dv / v, 2 / v + dv * dv / (v * v)];
    }
    const termC = (x: number) => -2 * logNormCdf((y - x - shift) / Math.sqrt(sigma * sigma * x * x + addSd * addSd));
    const dc = 1e-4 * ff;
    const ac = termC(ff - dc), bc = termC(ff), cc = termC(ff + dc);
    return [(cc - ac) / (2 * dc), Math.max((cc - 2 * bc + ac) / (dc * dc), 0)];
  }
  if (!censored) {
    const r = (y - ff) / (sigma * ff);
    const g = -2 * r * y / (sigma * ff * ff) + 2 / ff;
    const h = 2 / (sigma * sigma * ff * ff) + 4 / (ff * ff);
    return [g, h];
  }
  const term = (x: number) => -2 * logNormCdf((y - x) / (sigma * x));
  const d = 1e-4 * ff;
  const a = term(ff - d), b = term(ff), c = term(ff + d);
  return [(c - a) / (2 * d), Math.max((c - 2 * b + a) / (d * d), 0)];
}

/**
 * Gauss–Newton / Fisher scoring with Levenberg damping: the Jacobian of the predictions by
 * forward differences (nEta + 1 simulations per iteration), the objective's derivatives with
 * respect to each prediction exactly. Returns null when it does not converge.
 */
/**
 * The coarse phase of Fisher scoring: its integrator tolerance, and the step norm below which it
 * hands over to the fit's own tolerance (29 % fewer integrator steps for fit + 20 draws; the
 * optimum moves by < 5e-4 relative, far inside the final convergence test's reach).
 */
const COARSE: Tolerance = { rtol: 1e-4, atol: 1e-4 };
const COARSE_UNTIL = 0.01;

export function fisherScoring(pb: MapProblem, nEta: number, x0: number[], maxIter = 60): (MapFit & { gnHessian: number[][] }) | null {
  const nObs = pb.obsValue.length;
  const ofvOf = (pred: ArrayLike<number>, eta: ArrayLike<number>) => dataObjective(pred, pb.obsValue, pb.obsCensored, pb.sigma, pb.obsAddSd, pb.obsShift) + priorObjective(eta, pb.omegaInv);
  let eta = x0.slice();
  // Coarse phase: while the steps are large, predictions at a looser tolerance (with a wider
  // finite-difference step to match) cost much less; the final iterations run at pb.tol, so the
  // optimum, its convergence test and its Hessian are those of the exact objective.
  let coarse = true;
  const predict = (e: ArrayLike<number>) => predictObservations(pb, e, coarse ? COARSE : pb.tol);
  let f0 = Float64Array.from(predict(eta));
  let ofv = ofvOf(f0, eta);
  let evaluations = 1;
  let lambda = 1e-3;
  const J = Array.from({ length: nObs }, () => new Array<number>(nEta).fill(0));
  let H: number[][] = [];
  for (let it = 1; it <= maxIter; it++) {
    const delta = coarse ? 3e-3 : 1e-4;
    for (let j = 0; j < nEta; j++) {
      const e = eta.slice(); e[j] += delta;
      const fj = predict(e); evaluations++;
      for (let i = 0; i < nObs; i++) J[i][j] = (fj[i] - f0[i]) / delta;
    }
    const G = eta.map((v, j) => 2 * pb.omegaInv[j] * v);
    H = Array.from({ length: nEta }, (_, a) => Array.from({ length: nEta }, (_, b) => (a === b ? 2 * pb.omegaInv[a] : 0)));
    for (let i = 0; i < nObs; i++) {
      const [g, h] = obsDerivatives(pb.obsValue[i], f0[i], pb.obsCensored[i] === 1, pb.sigma, pb.obsAddSd ? pb.obsAddSd[i] : 0, pb.obsShift ? pb.obsShift[i] : 0);
      for (let a = 0; a < nEta; a++) {
        G[a] += g * J[i][a];
        for (let b = 0; b < nEta; b++) H[a][b] += h * J[i][a] * J[i][b];
      }
    }
    let accepted = false;
    let stepNorm = 0, df = 0;
    for (let tries = 0; tries < 25; tries++) {
      const A = H.map((row, a) => row.map((v, b) => (a === b ? v * (1 + lambda) : v)));
      const l = cholesky(A);
      if (!l) { lambda *= 10; continue; }
      let d = cholSolve(l, G.map((g) => -g));
      const norm = Math.sqrt(d.reduce((s, v) => s + v * v, 0));
      if (norm > 1) d = d.map((v) => v / norm);
      const en = eta.map((v, j) => v + d[j]);
      const fn = Float64Array.from(predict(en)); evaluations++;
      const ofvN = ofvOf(fn, en);
      if (Number.isFinite(ofvN) && ofvN <= ofv + 1e-10) {
        df = ofv - ofvN; stepNorm = Math.min(norm, 1);
        eta = en; f0 = fn; ofv = ofvN; accepted = true;
        lambda = Math.max(lambda / 10, 1e-7);
        break;
      }
      lambda *= 10;
    }
    if (coarse && (!accepted || stepNorm < COARSE_UNTIL)) {
      // Close to the optimum (or stuck at the coarse accuracy): continue at the fit's tolerance.
      coarse = false;
      f0 = Float64Array.from(predict(eta)); evaluations++;
      ofv = ofvOf(f0, eta);
      lambda = 1e-3;
      continue;
    }
    if (!accepted) {
      // No descent along the damped direction: at the optimum if the gradient is tiny.
      const gn = Math.sqrt(G.reduce((s, v) => s + v * v, 0));
      if (gn < 1e-3) return { eta, objective: ofv, iterations: it, evaluations, converged: true, hessian: H, covariance: inv2(H), gnHessian: H, method: 'fisher' };
      return null;
    }
    if (stepNorm < 1e-4 || (df < 1e-8 && stepNorm < 1e-3)) {
      return { eta, objective: ofv, iterations: it, evaluations, converged: true, hessian: H, covariance: inv2(H), gnHessian: H, method: 'fisher' };
    }
  }
  return null;
}

function inv2(h: number[][]): number[][] | null {
  const inv = spdInverse(h);
  return inv ? inv.map((row) => row.map((v) => 2 * v)) : null;
}

/**
 * MAP fit. The objective can have more than one local minimum (e.g. levels below the limit fit
 * both "typical" and "very high clearance" patients), so besides the prior mode the optimiser
 * also starts from the best of `starts` (screened with the objective at the sampling tolerance)
 * when that point already beats the prior mode's answer, and keeps the lower optimum. Screening
 * runs only when the prior-mode answer leaves a level censored or more than 2 SD off.
 */
export function fitMap(pb: MapProblem, nEta: number, starts: number[][] = [], screenTol?: MapProblem['tol'], limits: FitLimits = DEFAULT_LIMITS, warm?: readonly number[]): MapFit {
  const x0 = new Array<number>(nEta).fill(0);
  let best: MapFit | null = null;
  // `warm`: Fisher scoring starts there instead of the prior mode (a nearby problem's optimum: the
  // track record's previous trough); the screening and the fallback are the same.
  const fs = fisherScoring(pb, nEta, warm ? warm.slice() : x0, limits.fisherIter);
  if (fs && fs.covariance) best = fs;
  // Screen other starts only when the prior-mode answer leaves a level poorly explained (or censored).
  let needScreen = !best;
  if (best) {
    const pred = predictObservations(pb, best.eta);
    for (let i = 0; i < pred.length; i++) {
      const f = Math.max(pred[i], 1e-9);
      if (pb.obsCensored[i] || Math.abs((pb.obsValue[i] - f) / (pb.sigma * f)) > 2) needScreen = true;
    }
  }
  if (starts.length && needScreen) {
    let bx: number[] | null = null, bf = Infinity;
    for (const st of starts) {
      const v = mapObjective(pb, st, screenTol ?? pb.tol);
      if (v < bf) { bf = v; bx = st; }
    }
    if (bx && (!best || bf < best.objective - 1e-3)) {
      const alt = fisherScoring(pb, nEta, bx, limits.fisherIter);
      if (alt && alt.covariance && (!best || alt.objective < best.objective)) {
        alt.iterations += best ? best.iterations : 0;
        alt.evaluations += (best ? best.evaluations : 0) + starts.length;
        best = alt;
      }
    }
  }
  if (best) return best;
  const f = (eta: number[]) => mapObjective(pb, eta);
  let res = dampedNewton(f, x0, { maxIter: limits.newtonIter });
  let iterations = res.iterations, evaluations = res.evaluations;
  let method: MapFit['method'] = 'newton';
  if (!res.converged) {
    method = 'nelder-mead';
    const nm = nelderMead(f, res.fx < f(x0) ? res.x : x0, { step: 0.3, maxEval: 3000 });
    iterations += nm.iterations; evaluations += nm.evaluations + 1;
    res = dampedNewton(f, nm.x);
    iterations += res.iterations; evaluations += res.evaluations;
  }
  const hessian = res.last.hess;
  const inv = spdInverse(hessian);
  const covariance = inv ? inv.map((row) => row.map((v) => 2 * v)) : null;
  return { eta: res.x, objective: res.fx, iterations, evaluations, converged: res.converged && covariance !== null, hessian, covariance, method };
}
