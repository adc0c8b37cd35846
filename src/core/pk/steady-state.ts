/**
 * Steady state of a repeated interval: the state just before a dose that one interval of dosing
 * maps back onto itself. Newton's method on the interval map (finite-difference Jacobian), from a
 * guess, with fixed-point iteration as a fallback.
 */
import { PkSolver, type PkParams } from './solver';

/** One dose repeated every interval, relative to the start of the interval. */
export interface RepeatedDose {
  /** Offset from the interval start (SC lag), days. */
  offset: number;
  amount: number;
  into: 'central' | 'depot';
  durationDays: number;
}

/** Apply one interval of dosing to the solver's state (time is reset to 0). */
export function stepInterval(s: PkSolver, dose: RepeatedDose, tau: number): void {
  s.t = 0;
  s.rate = 0;
  if (dose.into === 'depot') {
    if (dose.offset > 0) s.advance(dose.offset);
    s.a3 += dose.amount * s.f;
    s.advance(tau);
  } else if (dose.durationDays > 0) {
    const end = Math.min(dose.offset + dose.durationDays, tau);
    if (dose.offset > 0) s.advance(dose.offset);
    s.rate = dose.amount / dose.durationDays;
    s.advance(end);
    s.rate = 0;
    s.advance(tau);
  } else {
    if (dose.offset > 0) s.advance(dose.offset);
    s.a1 += dose.amount;
    s.advance(tau);
  }
}

export interface SteadyState {
  /** Trough concentration (just before the next dose), µg/mL. */
  trough: number;
  /** State just before a dose: central, peripheral, depot amounts (mg). */
  state: [number, number, number];
  iterations: number;
  converged: boolean;
}

const sx = new Float64Array(3);
const fx = new Float64Array(3);
const jac = new Float64Array(9);
const tmp = new Float64Array(3);

function applyMap(s: PkSolver, dose: RepeatedDose, tau: number, x0: number, x1: number, x2: number, out: Float64Array): void {
  s.a1 = x0; s.a2 = x1; s.a3 = x2;
  stepInterval(s, dose, tau);
  out[0] = s.a1; out[1] = s.a2; out[2] = s.a3;
}

/**
 * Steady state for `dose` every `tau` days with parameters p. `guess`: a state just before a dose
 * (e.g. the patient's current one). The solver's tolerance is used as is.
 */
export function steadyState(s: PkSolver, p: PkParams, dose: RepeatedDose, tau: number, guess?: ArrayLike<number>, relTol = 1e-7): SteadyState {
  s.setParams(p);
  const n = dose.into === 'depot' ? 3 : 2;
  let x0 = guess ? guess[0] : 0, x1 = guess ? guess[1] : 0, x2 = guess && n === 3 ? guess[2] : 0;
  // One application first: lands on the attracting set and gives a better start.
  applyMap(s, dose, tau, x0, x1, x2, fx);
  x0 = fx[0]; x1 = fx[1]; x2 = fx[2];
  let iterations = 1;
  let converged = false;
  const sq = Math.sqrt(s.rtol);
  // The map is only as exact as the integrator: amounts near its absolute tolerance (a washed-out
  // patient) cannot settle below it, so that floor is part of the test (10·atol: 1e-3 mg in the
  // posterior draws, 3e-4 µg/mL of trough) instead of 500 fruitless fixed-point iterations.
  const floor = 10 * s.atol;
  for (let it = 0; it < 12; it++) {
    applyMap(s, dose, tau, x0, x1, x2, fx);
    iterations++;
    const g0 = fx[0] - x0, g1 = fx[1] - x1, g2 = fx[2] - x2;
    const scale = Math.max(Math.abs(x0), Math.abs(x1), Math.abs(x2), 1e-3);
    if (Math.abs(g0) + Math.abs(g1) + Math.abs(g2) <= relTol * scale + floor) {
      x0 = fx[0]; x1 = fx[1]; x2 = fx[2];
      converged = true;
      break;
    }
    // Finite-difference Jacobian of G(x) = F(x) − x.
    sx[0] = x0; sx[1] = x1; sx[2] = x2;
    const f0 = fx[0], f1 = fx[1], f2 = fx[2];
    for (let j = 0; j < n; j++) {
      const dj = sq * 10 * Math.max(Math.abs(sx[j]), 1e-2 * scale);
      const y0 = j === 0 ? x0 + dj : x0, y1 = j === 1 ? x1 + dj : x1, y2 = j === 2 ? x2 + dj : x2;
      applyMap(s, dose, tau, y0, y1, y2, tmp);
      iterations++;
      jac[0 * 3 + j] = (tmp[0] - f0) / dj - (j === 0 ? 1 : 0);
      jac[1 * 3 + j] = (tmp[1] - f1) / dj - (j === 1 ? 1 : 0);
      jac[2 * 3 + j] = (tmp[2] - f2) / dj - (j === 2 ? 1 : 0);
    }
    let d0: number, d1: number, d2 = 0;
    if (n === 2) {
      const a = jac[0], b = jac[1], c = jac[3], d = jac[4];
      const det = a * d - b * c;
      if (!(Math.abs(det) > 0)) break;
      d0 = -(d * g0 - b * g1) / det;
      d1 = -(-c * g0 + a * g1) / det;
    } else {
      const m = jac;
      const det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
      if (!(Math.abs(det) > 0)) break;
      // Cramer's rule for J d = −g
      const r0 = -g0, r1 = -g1, r2 = -g2;
      d0 = (r0 * (m[4] * m[8] - m[5] * m[7]) - m[1] * (r1 * m[8] - m[5] * r2) + m[2] * (r1 * m[7] - m[4] * r2)) / det;
      d1 = (m[0] * (r1 * m[8] - m[5] * r2) - r0 * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * r2 - r1 * m[6])) / det;
      d2 = (m[0] * (m[4] * r2 - r1 * m[7]) - m[1] * (m[3] * r2 - r1 * m[6]) + r0 * (m[3] * m[7] - m[4] * m[6])) / det;
    }
    const nx0 = x0 + d0, nx1 = x1 + d1, nx2 = x2 + d2;
    if (nx0 < 0 || nx1 < 0 || nx2 < 0 || !Number.isFinite(nx0 + nx1 + nx2)) {
      // Newton left the feasible region: take the plain map step instead.
      x0 = f0; x1 = f1; x2 = f2;
    } else {
      x0 = nx0; x1 = nx1; x2 = nx2;
    }
  }
  if (!converged) {
    // Fallback: plain iteration (the map is a contraction).
    for (let it = 0; it < 500; it++) {
      applyMap(s, dose, tau, x0, x1, x2, fx);
      iterations++;
      const diff = Math.abs(fx[0] - x0) + Math.abs(fx[1] - x1) + Math.abs(fx[2] - x2);
      x0 = fx[0]; x1 = fx[1]; x2 = fx[2];
      if (diff <= relTol * Math.max(x0, x1, x2, 1e-3) + floor) { converged = true; break; }
    }
  }
  return { trough: x0 / p.vc, state: [x0, x1, x2], iterations, converged };
}
