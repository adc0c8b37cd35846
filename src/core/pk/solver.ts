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
  cl = 0.164; vc = 3.48; vp = 3.48; q = 0.4; vmax = 0; km = 1; ka = 0;
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
  // stage derivatives (3 states × 7 stages)
  private k = new Float64Array(21);
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
    this.cl = p.cl; this.vc = p.vc; this.vp = p.vp; this.q = p.q; this.vmax = p.vmax; this.km = p.km; this.ka = p.ka;
  }

  reset(t: number): void {
    this.a1 = 0; this.a2 = 0; this.a3 = 0; this.rate = 0; this.t = t; this.h = 0.01;
  }

  /** Central concentration, mg/L = µg/mL. */
  conc(): number {
    return this.a1 / this.vc;
  }

  private deriv(a1: number, a2: number, a3: number, off: number): void {
    const c = a1 / this.vc;
    const c2 = a2 / this.vp;
    const dist = this.q * (c - c2);
    const abs = this.ka * a3;
    const k = this.k;
    k[off] = this.rate + abs - this.cl * c - this.vmax * c / (this.km + c) - dist;
    k[off + 1] = dist;
    k[off + 2] = -abs;
  }

  /** Integrate from this.t to tEnd (exactly), with the current rate and parameters. */
  advance(tEnd: number): void {
    let t = this.t;
    if (!(tEnd > t)) return;
    const k = this.k;
    const rtol = this.rtol, atol = this.atol;
    let y1 = this.a1, y2 = this.a2, y3 = this.a3;
    let h = Math.min(this.h, this.hmax);
    const budget = activeBudget;
    let n = 0;
    this.deriv(y1, y2, y3, 0);
    for (;;) {
      if (budget !== null) spendStep(budget);
      if (++n > MAX_STEPS_PER_ADVANCE) {
        throw new PkWorkError('too-many-steps', `the integrator needed more than ${MAX_STEPS_PER_ADVANCE} steps for ${(tEnd - this.t).toPrecision(3)} days (a stiff system)`, n);
      }
      let last = false;
      let hs = h;
      if (t + hs >= tEnd - 1e-12 * Math.max(1, Math.abs(tEnd))) { hs = tEnd - t; last = true; }
      // stage 2
      this.deriv(y1 + hs * A21 * k[0], y2 + hs * A21 * k[1], y3 + hs * A21 * k[2], 3);
      this.deriv(
        y1 + hs * (A31 * k[0] + A32 * k[3]),
        y2 + hs * (A31 * k[1] + A32 * k[4]),
        y3 + hs * (A31 * k[2] + A32 * k[5]), 6);
      this.deriv(
        y1 + hs * (A41 * k[0] + A42 * k[3] + A43 * k[6]),
        y2 + hs * (A41 * k[1] + A42 * k[4] + A43 * k[7]),
        y3 + hs * (A41 * k[2] + A42 * k[5] + A43 * k[8]), 9);
      this.deriv(
        y1 + hs * (A51 * k[0] + A52 * k[3] + A53 * k[6] + A54 * k[9]),
        y2 + hs * (A51 * k[1] + A52 * k[4] + A53 * k[7] + A54 * k[10]),
        y3 + hs * (A51 * k[2] + A52 * k[5] + A53 * k[8] + A54 * k[11]), 12);
      this.deriv(
        y1 + hs * (A61 * k[0] + A62 * k[3] + A63 * k[6] + A64 * k[9] + A65 * k[12]),
        y2 + hs * (A61 * k[1] + A62 * k[4] + A63 * k[7] + A64 * k[10] + A65 * k[13]),
        y3 + hs * (A61 * k[2] + A62 * k[5] + A63 * k[8] + A64 * k[11] + A65 * k[14]), 15);
      const n1 = y1 + hs * (B1 * k[0] + B3 * k[6] + B4 * k[9] + B5 * k[12] + B6 * k[15]);
      const n2 = y2 + hs * (B1 * k[1] + B3 * k[7] + B4 * k[10] + B5 * k[13] + B6 * k[16]);
      const n3 = y3 + hs * (B1 * k[2] + B3 * k[8] + B4 * k[11] + B5 * k[14] + B6 * k[17]);
      this.deriv(n1, n2, n3, 18);
      const e1 = hs * (E1 * k[0] + E3 * k[6] + E4 * k[9] + E5 * k[12] + E6 * k[15] + E7 * k[18]);
      const e2 = hs * (E1 * k[1] + E3 * k[7] + E4 * k[10] + E5 * k[13] + E6 * k[16] + E7 * k[19]);
      const e3 = hs * (E1 * k[2] + E3 * k[8] + E4 * k[11] + E5 * k[14] + E6 * k[17] + E7 * k[20]);
      const s1 = atol + rtol * Math.max(Math.abs(y1), Math.abs(n1));
      const s2 = atol + rtol * Math.max(Math.abs(y2), Math.abs(n2));
      const s3 = atol + rtol * Math.max(Math.abs(y3), Math.abs(n3));
      const r1 = e1 / s1, r2 = e2 / s2, r3 = e3 / s3;
      const err = Math.sqrt((r1 * r1 + r2 * r2 + r3 * r3) / 3);
      if (err <= 1) {
        this.steps++;
        const tNew = last ? tEnd : t + hs;
        const dt = this.denseTimes;
        if (dt !== null && this.denseIdx < dt.length && dt[this.denseIdx] <= tNew) {
          const out = this.denseOut!;
          const vc = this.vc;
          while (this.denseIdx < dt.length && dt[this.denseIdx] <= tNew) {
            const th = (dt[this.denseIdx] - t) / hs;
            const th2 = th * th, th3 = th2 * th;
            const v = (2 * th3 - 3 * th2 + 1) * y1 + (th3 - 2 * th2 + th) * hs * k[0] + (-2 * th3 + 3 * th2) * n1 + (th3 - th2) * hs * k[18];
            out[this.denseIdx] = v / vc;
            this.denseIdx++;
          }
        }
        t = tNew;
        y1 = n1; y2 = n2; y3 = n3;
        k[0] = k[18]; k[1] = k[19]; k[2] = k[20];
        const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
        // A truncated last step says little about the natural step: keep the larger.
        h = last ? Math.max(h, hs * fac) : hs * fac;
        if (h > this.hmax) h = this.hmax;
        if (last) break;
      } else {
        this.rejected++;
        h = hs * Math.max(0.2, 0.9 * Math.pow(err, -0.2));
        if (!(h >= MIN_STEP)) throw new PkWorkError('step-underflow', `the integrator step fell below ${MIN_STEP} days at t = ${t.toPrecision(6)}`, n);
      }
    }
    this.a1 = y1; this.a2 = y2; this.a3 = y3; this.t = tEnd; this.h = h;
  }
}
