/**
 * Forecasts from the state just before the last dose: the next trough for each candidate interval
 * (no further dose), the steady-state trough when the interval is repeated, and a curve.
 */
import { PkSolver, steadyState, stepInterval, type PkParams, type RepeatedDose } from '../pk/index';

/** Concentrations just before each time in `taus` (days after the last dose), with only the last dose given. */
export function nextTroughs(s: PkSolver, p: PkParams, snap: ArrayLike<number>, dose: RepeatedDose, taus: number[], out: Float64Array): void {
  s.setParams(p);
  s.a1 = snap[0]; s.a2 = snap[1]; s.a3 = snap[2];
  s.t = 0; s.rate = 0;
  // Same as stepInterval, but reading the concentration at several ends.
  let i = 0;
  const read = (upTo: number) => { s.advance(upTo); };
  if (dose.into === 'depot') { if (dose.offset > 0) read(dose.offset); s.a3 += dose.amount * s.f; }
  else if (dose.durationDays > 0) { if (dose.offset > 0) read(dose.offset); s.rate = dose.amount / dose.durationDays; read(dose.offset + dose.durationDays); s.rate = 0; }
  else { if (dose.offset > 0) read(dose.offset); s.a1 += dose.amount; }
  for (; i < taus.length; i++) { read(taus[i]); out[i] = s.a1 / s.vc; }
}

/** Steady-state troughs for each interval in `taus` (days); `guess` states may be given per interval (3 each). */
export function steadyTroughs(s: PkSolver, p: PkParams, dose: RepeatedDose, taus: number[], out: Float64Array, guess: ArrayLike<number>, states?: Float64Array): boolean {
  let ok = true;
  for (let i = 0; i < taus.length; i++) {
    const g = guess.length === 3 ? guess : Array.prototype.slice.call(guess, i * 3, i * 3 + 3) as number[];
    const r = steadyState(s, p, dose, taus[i], g, 1e-6);
    out[i] = r.trough;
    if (states) { states[i * 3] = r.state[0]; states[i * 3 + 1] = r.state[1]; states[i * 3 + 2] = r.state[2]; }
    ok = ok && r.converged;
  }
  return ok;
}

/**
 * Curve after the last dose with the interval repeated `nDoses` times (first dose = the last dose),
 * concentrations at sorted `times` (days after the last dose) by dense output.
 */
export function forecastCurve(s: PkSolver, p: PkParams, snap: ArrayLike<number>, dose: RepeatedDose, tau: number, nDoses: number, times: Float64Array, out: Float64Array): void {
  s.setParams(p);
  s.a1 = snap[0]; s.a2 = snap[1]; s.a3 = snap[2];
  s.t = 0; s.rate = 0;
  s.denseTimes = times; s.denseOut = out; s.denseIdx = 0;
  for (let k = 0; k < nDoses; k++) {
    const t0 = k * tau;
    if (dose.into === 'depot') { if (dose.offset > 0) s.advance(t0 + dose.offset); s.a3 += dose.amount * s.f; }
    else if (dose.durationDays > 0) { if (dose.offset > 0) s.advance(t0 + dose.offset); s.rate = dose.amount / dose.durationDays; s.advance(t0 + dose.offset + dose.durationDays); s.rate = 0; }
    else { if (dose.offset > 0) s.advance(t0 + dose.offset); s.a1 += dose.amount; }
    s.advance((k + 1) * tau);
  }
  if (s.denseIdx < times.length) s.advance(times[times.length - 1]);
  s.denseTimes = null; s.denseOut = null;
}

/**
 * Linearisation of the steady state around the MAP for one interval: the MAP state, its
 * sensitivity to η, and the inverse Jacobian of G(x) = F(x) − x. Samples then start from a guess
 * exact to first order and converge in a few chord iterations (one simulation each).
 */
export interface SsLinearisation {
  tau: number;
  n: number;
  xMap: Float64Array;
  /** dx/dη, 3 × nEta (row i: state component). */
  sens: number[][];
  /** (DF − I)⁻¹, 3 × 3 (zero rows/cols beyond n). */
  jinv: number[][];
  etaMap: number[];
}

const LINEARISE = { rtol: 1e-5, atol: 1e-5 };

export function lineariseSteadyState(s: PkSolver, paramsOf: (eta: number[]) => PkParams, etaMap: number[], dose: RepeatedDose, tau: number, xMap: ArrayLike<number>): SsLinearisation {
  const n = dose.into === 'depot' ? 3 : 2;
  // A guide for the samples' iterations, not a result: a coarse tolerance (and finite-difference
  // steps to match) is enough; each sample still iterates to its own steady state.
  const rtol = s.rtol, atol = s.atol;
  s.setTolerance(LINEARISE);
  const sens: number[][] = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const d = 1e-2;
  for (let j = 0; j < etaMap.length; j++) {
    const e = etaMap.slice(); e[j] += d;
    const r = steadyState(s, paramsOf(e), dose, tau, xMap, 1e-7);
    for (let i = 0; i < 3; i++) sens[i][j] = xMap[i] > 0 ? Math.log(r.state[i] / xMap[i]) / d : 0;
  }
  // Jacobian of the interval map at xMap.
  s.setParams(paramsOf(etaMap));
  const base = mapOnce(s, dose, tau, xMap[0], xMap[1], xMap[2]);
  const J = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (let j = 0; j < n; j++) {
    // In log coordinates: ∂ln F_i/∂ln x_j − δ_ij.
    const h = 1e-2;
    const y = [xMap[0], xMap[1], xMap[2]]; y[j] *= Math.exp(h);
    const fy = mapOnce(s, dose, tau, y[0], y[1], y[2]);
    for (let i = 0; i < n; i++) J[i][j] = Math.log(fy[i] / base[i]) / h - (i === j ? 1 : 0);
  }
  s.setTolerance({ rtol, atol });
  return { tau, n, xMap: Float64Array.from(xMap), sens, jinv: invert(J, n), etaMap: etaMap.slice() };
}

function mapOnce(s: PkSolver, dose: RepeatedDose, tau: number, a: number, b: number, c: number): [number, number, number] {
  s.a1 = a; s.a2 = b; s.a3 = c;
  stepInterval(s, dose, tau);
  return [s.a1, s.a2, s.a3];
}

function invert(J: number[][], n: number): number[][] {
  const out = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  if (n === 2) {
    const det = J[0][0] * J[1][1] - J[0][1] * J[1][0];
    out[0][0] = J[1][1] / det; out[0][1] = -J[0][1] / det; out[1][0] = -J[1][0] / det; out[1][1] = J[0][0] / det;
    return out;
  }
  const m = J;
  const det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  out[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
  out[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
  out[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
  out[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
  out[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
  out[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
  out[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
  out[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
  out[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
  return out;
}

/**
 * Steady-state trough for a sample: first-order guess from the linearisation, then chord
 * iterations with the MAP Jacobian until the correction is below relTol; full Newton if that fails.
 * relTol 2e-2 (sum of the log-state corrections of the last step; the chord contracts about 5-fold
 * per step, so the error left is ~0.4 % at most) against a forecast spread of 20 % and more: 11 %
 * fewer interval simulations than 1e-2 (2.82 instead of 3.17 per draw and interval), about 9 %
 * less CPU per proposal; 1e-2 in turn saved 10 % on 5e-3.
 */
export function sampleSteadyTrough(s: PkSolver, p: PkParams, eta: ArrayLike<number>, dose: RepeatedDose, lin: SsLinearisation, relTol = 2e-2, maxIter = 10): { trough: number; converged: boolean } {
  const { sens, jinv, xMap, etaMap, tau, n } = lin;
  // Log coordinates: the steady state depends on η nearly exponentially.
  let l0 = Math.log(xMap[0]), l1 = Math.log(xMap[1]), l2 = n === 3 ? Math.log(xMap[2]) : 0;
  for (let j = 0; j < etaMap.length; j++) {
    const de = eta[j] - etaMap[j];
    l0 += sens[0][j] * de; l1 += sens[1][j] * de; if (n === 3) l2 += sens[2][j] * de;
  }
  s.setParams(p);
  if (Number.isFinite(l0 + l1 + l2)) {
    for (let it = 0; it < maxIter; it++) {
      s.a1 = Math.exp(l0); s.a2 = Math.exp(l1); s.a3 = n === 3 ? Math.exp(l2) : 0;
      stepInterval(s, dose, tau);
      const g0 = Math.log(s.a1) - l0, g1 = Math.log(s.a2) - l1, g2 = n === 3 ? Math.log(s.a3) - l2 : 0;
      const d0 = -(jinv[0][0] * g0 + jinv[0][1] * g1 + jinv[0][2] * g2);
      const d1 = -(jinv[1][0] * g0 + jinv[1][1] * g1 + jinv[1][2] * g2);
      const d2 = -(jinv[2][0] * g0 + jinv[2][1] * g1 + jinv[2][2] * g2);
      l0 += d0; l1 += d1; l2 += d2;
      if (!Number.isFinite(l0 + l1 + l2)) break;
      if (Math.abs(d0) + Math.abs(d1) + Math.abs(d2) <= relTol) return { trough: Math.exp(l0) / p.vc, converged: true };
    }
  }
  const r = steadyState(s, p, dose, tau, xMap, 1e-6);
  return { trough: r.trough, converged: r.converged };
}
