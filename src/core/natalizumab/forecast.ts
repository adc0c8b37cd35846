/**
 * Forecasts from the state just before the last dose: the next trough for each candidate interval
 * (no further dose), the steady-state trough when the interval is repeated, and a curve.
 */
import { PkSolver, steadyState, type PkParams, type RepeatedDose } from '../pk/index';

/** Concentrations just before each time in `taus` (days after the last dose), with only the last dose given. */
export function nextTroughs(s: PkSolver, p: PkParams, snap: ArrayLike<number>, dose: RepeatedDose, taus: number[], out: Float64Array): void {
  s.setParams(p);
  s.a1 = snap[0]; s.a2 = snap[1]; s.a3 = snap[2];
  s.t = 0; s.rate = 0;
  // Same as stepInterval, but reading the concentration at several ends.
  let i = 0;
  const read = (upTo: number) => { s.advance(upTo); };
  if (dose.into === 'depot') { if (dose.offset > 0) read(dose.offset); s.a3 += dose.amount; }
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
    if (dose.into === 'depot') { if (dose.offset > 0) s.advance(t0 + dose.offset); s.a3 += dose.amount; }
    else if (dose.durationDays > 0) { if (dose.offset > 0) s.advance(t0 + dose.offset); s.rate = dose.amount / dose.durationDays; s.advance(t0 + dose.offset + dose.durationDays); s.rate = 0; }
    else { if (dose.offset > 0) s.advance(t0 + dose.offset); s.a1 += dose.amount; }
    s.advance((k + 1) * tau);
  }
  if (s.denseIdx < times.length) s.advance(times[times.length - 1]);
  s.denseTimes = null; s.denseOut = null;
}
