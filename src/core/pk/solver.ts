/**
 * The hot path: an adaptive Dormand–Prince 5(4) integrator specialised to the natalizumab model
 * (central, peripheral and SC depot amounts, mg; time in days). No allocation inside the step
 * loop; the right-hand side is written out inline.
 *
 *   C = A1/Vc
 *   dA1/dt = R(t) + ka·A3 − CL·C − Vmax·C/(Km + C) − Q·C + Q·A2/Vp
 *   dA2/dt = Q·C − Q·A2/Vp
 *   dA3/dt = −ka·A3
 */

/** Individual (already covariate- and η-adjusted) parameters. */
export interface PkParams {
  /** Linear clearance, L/day. */
  cl: number;
  /** Central volume, L. */
  vc: number;
  /** Peripheral volume, L. */
  vp: number;
  /** Inter-compartmental clearance, L/day. */
  q: number;
  /** Maximum saturable elimination rate, mg/day. */
  vmax: number;
  /** Michaelis–Menten constant, mg/L. */
  km: number;
  /** SC absorption rate constant, 1/day. */
  ka: number;
  /** SC bioavailability: the fraction of a depot dose that enters the depot (default 1). */
  f?: number;
}

/** Relative and absolute tolerances of the integrator (absolute in mg). */
export interface Tolerance {
  rtol: number;
  atol: number;
}

/** For reference numbers and tests. */
export const TIGHT: Tolerance = { rtol: 1e-10, atol: 1e-10 };
/** For the fit (smooth objective for the optimiser). */
export const FIT: Tolerance = { rtol: 1e-7, atol: 1e-7 };
/** For posterior samples (quantiles and probabilities: ~1e-3 relative is ample). */
export const FAST: Tolerance = { rtol: 1e-3, atol: 1e-4 };

// Dormand–Prince 5(4) coefficients.
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

/**
 * Why a simulation was stopped: the patient's work budget is spent ('work-budget'), one advance
 * needed more than MAX_STEPS_PER_ADVANCE steps ('too-many-steps': a stiff system), or the step
 * fell below MIN_STEP ('step-underflow').
 */
export class PkWorkError extends Error {
  constructor(readonly code: 'work-budget' | 'too-many-steps' | 'step-underflow', message: string, readonly steps: number) {
    super(message);
    this.name = 'PkWorkError';
  }
}

/**
 * A budget of integrator steps (accepted and rejected) shared by every solver while it is active:
 * deterministic and clock-free. `stop`, if given, is asked every STOP_CHECK_EVERY steps whether to
 * give up (e.g. a wall-clock deadline injected by the command line; the core never reads a clock).
 */
export interface WorkBudget {
  readonly total: number;
  left: number;
  stop?: () => boolean;
}

/** Steps of one advance beyond which the system is treated as stiff (a normal interval takes ~10). */
export const MAX_STEPS_PER_ADVANCE = 100_000;
/** Smallest step, days (about 1 ms): below it the integrator cannot make progress. */
export const MIN_STEP = 1e-8;
const STOP_CHECK_EVERY = 4096;

let activeBudget: WorkBudget | null = null;

export function workBudget(steps: number, stop?: () => boolean): WorkBudget {
  return { total: steps, left: steps, stop };
}

/** Run fn with `budget` counting every integrator step (nested calls: the innermost budget counts). */
export function withWorkBudget<T>(budget: WorkBudget, fn: () => T): T {
  const prev = activeBudget;
  activeBudget = budget;
  try {
    return fn();
  } finally {
    activeBudget = prev;
  }
}

function spendStep(b: WorkBudget): void {
  b.left--;
  if (b.left < 0) throw new PkWorkError('work-budget', `work budget of ${b.total} integrator steps spent`, b.total);
  if (b.stop !== undefined && b.left % STOP_CHECK_EVERY === 0 && b.stop()) {
    throw new PkWorkError('work-budget', `time limit reached after ${b.total - b.left} integrator steps`, b.total - b.left);
  }
}

export class PkSolver {
  cl = 0.164; vc = 3.48; vp = 3.48; q = 0.4; vmax = 0; km = 1; ka = 0; f = 1;
  /** Zero-order input into the central compartment, mg/day (sum of running infusions). */
  rate = 0;
  a1 = 0; a2 = 0; a3 = 0;
  t = 0;
  rtol: number;
  atol: number;
  /** Suggested next step (days), carried across segments. */
  h = 0.01;
  /** Counters for profiling. */
  steps = 0;
  rejected = 0;
  /** Maximum step, days. */
  hmax = 14;
  /**
   * Dense output (for curves): sorted times at which the central concentration is interpolated
   * (cubic Hermite on accepted steps) without forcing the integrator to stop there.
   */
  denseTimes: ArrayLike<number> | null = null;
  denseOut: Float64Array | null = null;
  denseIdx = 0;

  constructor(tol: Tolerance = FIT) {
    this.rtol = tol.rtol;
    this.atol = tol.atol;
  }

  setTolerance(tol: Tolerance): void {
    this.rtol = tol.rtol;
    this.atol = tol.atol;
  }

  setParams(p: PkParams): void {
    this.cl = p.cl; this.vc = p.vc; this.vp = p.vp; this.q = p.q; this.vmax = p.vmax; this.km = p.km; this.ka = p.ka; this.f = p.f ?? 1;
  }

  reset(t: number): void {
    this.a1 = 0; this.a2 = 0; this.a3 = 0; this.rate = 0; this.t = t; this.h = 0.01;
  }

  /** Central concentration, mg/L = µg/mL. */
  conc(): number {
    return this.a1 / this.vc;
  }



  /**
   * Dense output inside the accepted step [t, t + hs]: the central amount at each requested time up
   * to tNew by cubic Hermite interpolation between the step's ends (amounts y1 → n1, slopes k1 → k7).
   */
  private dense(dt: ArrayLike<number>, tNew: number, t: number, hs: number, y1: number, k11: number, n1: number, k71: number, ivc: number): void {
    const out = this.denseOut!;
    while (this.denseIdx < dt.length && dt[this.denseIdx] <= tNew) {
      const th = (dt[this.denseIdx] - t) / hs;
      const th2 = th * th, th3 = th2 * th;
      const v = (2 * th3 - 3 * th2 + 1) * y1 + (th3 - 2 * th2 + th) * hs * k11 + (-2 * th3 + 3 * th2) * n1 + (th3 - th2) * hs * k71;
      out[this.denseIdx] = v * ivc;
      this.denseIdx++;
    }
  }

  /** Integrate from this.t to tEnd (exactly), with the current rate and parameters. */
  advance(tEnd: number): void {
    let t = this.t;
    if (!(tEnd > t)) return;
    const rtol = this.rtol, atol = this.atol;
    // The right-hand side written out with every stage in a local (the hot loop of the engine:
    // no calls, no array traffic), as in the header: C = A1/Vc, dA1 = R + ka·A3 − CL·C − Vmax·C/(Km + C) − Q·(C − A2/Vp).
    const cl = this.cl, vmax = this.vmax, km = this.km, q = this.q, ka = this.ka, rate = this.rate;
    const ivc = 1 / this.vc, ivp = 1 / this.vp;
    let y1 = this.a1, y2 = this.a2, y3 = this.a3;
    let h = Math.min(this.h, this.hmax);
    const budget = activeBudget;
    let n = 0;
    // Stage 1 (FSAL: the last stage of an accepted step is the next step's first).
    let c = y1 * ivc, dist = q * (c - y2 * ivp), ab = ka * y3;
    let k11 = rate + ab - cl * c - vmax * c / (km + c) - dist, k12 = dist, k13 = -ab;
    for (;;) {
      if (budget !== null) spendStep(budget);
      if (++n > MAX_STEPS_PER_ADVANCE) {
        throw new PkWorkError('too-many-steps', `the integrator needed more than ${MAX_STEPS_PER_ADVANCE} steps for ${(tEnd - this.t).toPrecision(3)} days (a stiff system)`, n);
      }
      let last = false;
      let hs = h;
      if (t + hs >= tEnd - 1e-12 * Math.max(1, Math.abs(tEnd))) { hs = tEnd - t; last = true; }
      let u1 = y1 + hs * A21 * k11, u2 = y2 + hs * A21 * k12, u3 = y3 + hs * A21 * k13;
      c = u1 * ivc; dist = q * (c - u2 * ivp); ab = ka * u3;
      const k21 = rate + ab - cl * c - vmax * c / (km + c) - dist, k22 = dist, k23 = -ab;
      u1 = y1 + hs * (A31 * k11 + A32 * k21); u2 = y2 + hs * (A31 * k12 + A32 * k22); u3 = y3 + hs * (A31 * k13 + A32 * k23);
      c = u1 * ivc; dist = q * (c - u2 * ivp); ab = ka * u3;
      const k31 = rate + ab - cl * c - vmax * c / (km + c) - dist, k32 = dist, k33 = -ab;
      u1 = y1 + hs * (A41 * k11 + A42 * k21 + A43 * k31); u2 = y2 + hs * (A41 * k12 + A42 * k22 + A43 * k32); u3 = y3 + hs * (A41 * k13 + A42 * k23 + A43 * k33);
      c = u1 * ivc; dist = q * (c - u2 * ivp); ab = ka * u3;
      const k41 = rate + ab - cl * c - vmax * c / (km + c) - dist, k42 = dist, k43 = -ab;
      u1 = y1 + hs * (A51 * k11 + A52 * k21 + A53 * k31 + A54 * k41);
      u2 = y2 + hs * (A51 * k12 + A52 * k22 + A53 * k32 + A54 * k42);
      u3 = y3 + hs * (A51 * k13 + A52 * k23 + A53 * k33 + A54 * k43);
      c = u1 * ivc; dist = q * (c - u2 * ivp); ab = ka * u3;
      const k51 = rate + ab - cl * c - vmax * c / (km + c) - dist, k52 = dist, k53 = -ab;
      u1 = y1 + hs * (A61 * k11 + A62 * k21 + A63 * k31 + A64 * k41 + A65 * k51);
      u2 = y2 + hs * (A61 * k12 + A62 * k22 + A63 * k32 + A64 * k42 + A65 * k52);
      u3 = y3 + hs * (A61 * k13 + A62 * k23 + A63 * k33 + A64 * k43 + A65 * k53);
      c = u1 * ivc; dist = q * (c - u2 * ivp); ab = ka * u3;
      const k61 = rate + ab - cl * c - vmax * c / (km + c) - dist, k62 = dist, k63 = -ab;
      const n1 = y1 + hs * (B1 * k11 + B3 * k31 + B4 * k41 + B5 * k51 + B6 * k61);
      const n2 = y2 + hs * (B1 * k12 + B3 * k32 + B4 * k42 + B5 * k52 + B6 * k62);
      const n3 = y3 + hs * (B1 * k13 + B3 * k33 + B4 * k43 + B5 * k53 + B6 * k63);
      c = n1 * ivc; dist = q * (c - n2 * ivp); ab = ka * n3;
      const k71 = rate + ab - cl * c - vmax * c / (km + c) - dist, k72 = dist, k73 = -ab;
      const e1 = hs * (E1 * k11 + E3 * k31 + E4 * k41 + E5 * k51 + E6 * k61 + E7 * k71);
      const e2 = hs * (E1 * k12 + E3 * k32 + E4 * k42 + E5 * k52 + E6 * k62 + E7 * k72);
      const e3 = hs * (E1 * k13 + E3 * k33 + E4 * k43 + E5 * k53 + E6 * k63 + E7 * k73);
      const r1 = e1 / (atol + rtol * Math.max(Math.abs(y1), Math.abs(n1)));
      const r2 = e2 / (atol + rtol * Math.max(Math.abs(y2), Math.abs(n2)));
      const r3 = e3 / (atol + rtol * Math.max(Math.abs(y3), Math.abs(n3)));
      const err = Math.sqrt((r1 * r1 + r2 * r2 + r3 * r3) / 3);
      if (err <= 1) {
        this.steps++;
        const tNew = last ? tEnd : t + hs;
        const dt = this.denseTimes;
        if (dt !== null && this.denseIdx < dt.length && dt[this.denseIdx] <= tNew) this.dense(dt, tNew, t, hs, y1, k11, n1, k71, ivc);
        t = tNew;
        y1 = n1; y2 = n2; y3 = n3;
        k11 = k71; k12 = k72; k13 = k73;
        // Step-size controller err^(−1/4) by two square roots: Math.pow with a fractional exponent
        // was half the cost of a whole step. (The textbook 5(4) exponent is −1/5; the controller only
        // proposes the next step, the error test above decides, so accuracy is unchanged.)
        const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 / Math.sqrt(Math.sqrt(err))));
        // A truncated last step says little about the natural step: keep the larger.
        h = last ? Math.max(h, hs * fac) : hs * fac;
        if (h > this.hmax) h = this.hmax;
        if (last) break;
      } else {
        this.rejected++;
        h = hs * Math.max(0.2, 0.9 / Math.sqrt(Math.sqrt(err)));
        if (!(h >= MIN_STEP)) throw new PkWorkError('step-underflow', `the integrator step fell below ${MIN_STEP} days at t = ${t.toPrecision(6)}`, n);
      }
    }
    this.a1 = y1; this.a2 = y2; this.a3 = y3; this.t = tEnd; this.h = h;
  }

}
