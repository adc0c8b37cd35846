/**
 * Exact grid posterior over (ln T10, ln r) for one ocrelizumab cycle, and what follows from it:
 * crossing-time quantiles, the distribution of the true count at any time, P(count ≥ c by t).
 *
 * The grid is uniform in ln T10 (401 nodes, ≈ 0.16 week at 32 weeks) and ln r (48 nodes), over
 * ±4.5 prior SDs (T10) and ±4 prior SDs (r). Each node carries a cell; within a cell the mass is
 * spread uniformly in ln T10, so CDFs are piecewise linear rather than staircases. Everything
 * downstream (crossing quantiles, count quantiles, probabilities) is computed from per-row
 * cumulative sums over T10, in O(rows) per evaluation: no sampling, no approximation beyond the
 * grid.
 */
import { OCRELIZUMAB_BCELL } from '../../../models/ocrelizumab-bcell-logistic';

/** One count used in the fit: t in weeks since the cycle's infusion. */
export interface CountObs {
  t: number;
  /** Count in cells/µL; if censored, the limit (true count below it). */
  value: number;
  censored: boolean;
}

export interface FitInput {
  /** Counts of the current cycle (weeks since its infusion). */
  current: CountObs[];
  /** Counts of the previous cycle (weeks since the previous infusion). */
  previous: CountObs[];
  bmax: number;
  /** SDs of the cycle-to-cycle shift of ln T10 and ln r (defaults from the model). */
  cycleLogT10Sd?: number;
  cycleLogRSd?: number;
}

export interface GridPosterior {
  nT: number;
  nR: number;
  /** ln T10 of node 0 and the step. */
  logT0: number;
  dLogT: number;
  logR0: number;
  dLogR: number;
  /** Node values. */
  t10: Float64Array;
  r: Float64Array;
  /** Normalised weights, row-major: w[j·nT + i] for r node j and T10 node i. */
  w: Float64Array;
  /** Per-row cumulative weights over T10: cum[j·(nT+1) + i] = Σ_{i' < i} w[j·nT + i']. */
  cum: Float64Array;
  bmax: number;
  /** Posterior mass in the outermost nodes (the posterior leans against the grid's edge). */
  edgeMass: number;
}

const M = OCRELIZUMAB_BCELL;
export const GRID_NT = 401;
export const GRID_NR = 48;
/** The previous cycle's likelihood is computed and smoothed on every COARSE-th T10 node, then interpolated. */
const COARSE = 4;
const T_SPAN = 4.5;
const R_SPAN = 4;

/**
 * ln Φ(z) for the hot loop: Numerical Recipes' erfc (fractional error < 1.2e-7 everywhere), used
 * in log form so the far lower tail never underflows.
 */
export function logPhi(z: number): number {
  const x = -z / Math.SQRT2; // Φ(z) = erfc(x)/2
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.5 * ax);
  const lnErfcAbs = Math.log(t) - ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  if (x >= 0) return lnErfcAbs - Math.LN2;
  return Math.log1p(-0.5 * Math.exp(lnErfcAbs));
}

/**
 * Log-likelihood of counts at the grid nodes, added into `out` (row-major, nR·nT); only inside the
 * box [iLo, iHi] × [jLo, jHi] when given (nodes outside are left as they are).
 */
function addLogLik(out: Float64Array, obs: CountObs[], t10: Float64Array, r: Float64Array, bmax: number, box?: [number, number, number, number]): void {
  if (obs.length === 0) return;
  const nT = t10.length;
  const [iLo, iHi, jLo, jHi] = box ?? [0, nT - 1, 0, r.length - 1];
  const k = bmax / M.referenceCount - 1;
  const inv = 1 / M.obsSd;
  const nO = obs.length;
  const y = new Float64Array(nO);
  const cen = new Uint8Array(nO);
  for (let o = 0; o < nO; o++) {
    y[o] = Math.log(obs[o].value + 1);
    cen[o] = obs[o].censored ? 1 : 0;
  }
  const ert = new Float64Array(nO);
  for (let j = jLo; j <= jHi; j++) {
    const rj = r[j];
    for (let o = 0; o < nO; o++) ert[o] = k * Math.exp(-rj * obs[o].t);
    const base = j * nT;
    for (let i = iLo; i <= iHi; i++) {
      const a = Math.exp(rj * t10[i]);
      let ll = 0;
      for (let o = 0; o < nO; o++) {
        const mu = Math.log(bmax / (1 + ert[o] * a) + 1);
        const z = (y[o] - mu) * inv;
        ll += cen[o] ? logPhi(z) : -0.5 * z * z;
      }
      out[base + i] += ll;
    }
  }
}

/** Gaussian smoothing of a (linear-scale) grid along T10 (per row) and r (per column), edges replicated. */
function smooth(src: Float64Array, nT: number, nR: number, sdT: number, sdR: number): Float64Array {
  let cur = src;
  if (sdT > 0) {
    // Riemann sum of the Gaussian kernel, with a stride so that at most about 8 taps span one SD.
    const stride = Math.max(1, Math.floor(sdT / 8));
    const half = Math.ceil((3.5 * sdT) / stride);
    const taps = new Float64Array(2 * half + 1);
    let tot = 0;
    for (let m = -half; m <= half; m++) { const v = Math.exp(-0.5 * ((m * stride) / sdT) ** 2); taps[m + half] = v; tot += v; }
    for (let m = 0; m < taps.length; m++) taps[m] /= tot;
    const out = new Float64Array(cur.length);
    for (let j = 0; j < nR; j++) {
      const base = j * nT;
      for (let i = 0; i < nT; i++) {
        let s = 0;
        for (let m = -half; m <= half; m++) {
          let ii = i + m * stride;
          ii = ii < 0 ? 0 : ii >= nT ? nT - 1 : ii;
          s += taps[m + half] * cur[base + ii];
        }
        out[base + i] = s;
      }
    }
    cur = out;
  }
  if (sdR > 0) {
    const half = Math.ceil(3.5 * sdR);
    const taps = new Float64Array(2 * half + 1);
    let tot = 0;
    for (let m = -half; m <= half; m++) { const v = Math.exp(-0.5 * (m / sdR) ** 2); taps[m + half] = v; tot += v; }
    for (let m = 0; m < taps.length; m++) taps[m] /= tot;
    const out = new Float64Array(cur.length);
    for (let j = 0; j < nR; j++) {
      for (let m = -half; m <= half; m++) {
        let jj = j + m;
        jj = jj < 0 ? 0 : jj >= nR ? nR - 1 : jj;
        const wgt = taps[m + half];
        const a = j * nT, b = jj * nT;
        for (let i = 0; i < nT; i++) out[a + i] += wgt * cur[b + i];
      }
    }
    cur = out;
  }
  return cur;
}

interface Grid { nT: number; nR: number; t10: Float64Array; r: Float64Array; dLogT: number; dLogR: number }

/** Adds the previous cycle's likelihood, smoothed by the cycle-to-cycle shift, to the log posterior `lp`. */
function addPreviousCycle(lp: Float64Array, input: FitInput, g: Grid): void {
  const { nT, nR, t10, r, dLogT, dLogR } = g;
  // On the coarse T10 grid (every COARSE-th node): the smoothed likelihood varies on the scale
  // of the cycle-to-cycle SD, far wider than the coarse step, so linear interpolation is exact enough.
  const nC = (nT - 1) / COARSE + 1;
  const t10c = new Float64Array(nC);
  for (let i = 0; i < nC; i++) t10c[i] = t10[i * COARSE];
  const llp = new Float64Array(nC * nR);
  addLogLik(llp, input.previous, t10c, r, input.bmax);
  let mx = -Infinity;
  for (let q = 0; q < llp.length; q++) if (llp[q] > mx) mx = llp[q];
  for (let q = 0; q < llp.length; q++) llp[q] = Math.exp(llp[q] - mx);
  const sdT = (input.cycleLogT10Sd ?? M.cycleLogT10Sd) / (dLogT * COARSE);
  const sdR = (input.cycleLogRSd ?? M.cycleLogRSd) / dLogR;
  const sm = smooth(llp, nC, nR, sdT, sdR);
  for (let q = 0; q < sm.length; q++) sm[q] = Math.log(sm[q] + 1e-300);
  // Linear interpolation of the log (smooth on this scale too).
  for (let j = 0; j < nR; j++) {
    const base = j * nT, cb = j * nC;
    for (let i = 0; i < nT; i++) {
      const ic = Math.floor(i / COARSE), f = (i - ic * COARSE) / COARSE;
      lp[base + i] += f === 0 ? sm[cb + ic] : (1 - f) * sm[cb + ic] + f * sm[cb + ic + 1];
    }
  }
}

/** Adds the current cycle's likelihood to `lp`, exactly within the box where the posterior is within e^-30 of its peak. */
function addCurrentCycle(lp: Float64Array, input: FitInput, g: Grid): void {
  const { nT, nR, t10, r } = g;
  // Two passes: the likelihood on a coarse sub-grid (every 4th T10, every 2nd r node) finds the
  // box where the posterior is within e^-30 of its peak; the exact likelihood is then computed
  // in that box only, and nodes outside it get weight 0 (they hold < e^-30 of the peak each).
  const sT = 4, sR = 2;
  const nCt = (nT - 1) / sT + 1, nCr = Math.floor((nR - 1) / sR) + 1;
  const t10c = new Float64Array(nCt), rc = new Float64Array(nCr);
  for (let i = 0; i < nCt; i++) t10c[i] = t10[i * sT];
  for (let j = 0; j < nCr; j++) rc[j] = r[j * sR];
  const llc = new Float64Array(nCt * nCr);
  for (let j = 0; j < nCr; j++) for (let i = 0; i < nCt; i++) llc[j * nCt + i] = lp[j * sR * nT + i * sT];
  addLogLik(llc, input.current, t10c, rc, input.bmax);
  let mc = -Infinity;
  for (let q = 0; q < llc.length; q++) if (llc[q] > mc) mc = llc[q];
  let iLo = nT, iHi = -1, jLo = nR, jHi = -1;
  for (let j = 0; j < nCr; j++) for (let i = 0; i < nCt; i++) {
    if (llc[j * nCt + i] < mc - 30) continue;
    if (i * sT < iLo) iLo = i * sT;
    if (i * sT > iHi) iHi = i * sT;
    if (j * sR < jLo) jLo = j * sR;
    if (j * sR > jHi) jHi = j * sR;
  }
  iLo = Math.max(0, iLo - sT); iHi = Math.min(nT - 1, iHi + sT);
  jLo = Math.max(0, jLo - sR); jHi = Math.min(nR - 1, jHi + sR);
  for (let j = 0; j < nR; j++) {
    const inRow = j >= jLo && j <= jHi;
    for (let i = 0; i < nT; i++) if (!inRow || i < iLo || i > iHi) lp[j * nT + i] = -Infinity;
  }
  addLogLik(lp, input.current, t10, r, input.bmax, [iLo, iHi, jLo, jHi]);
}

/** Normalised weights, per-row cumulative sums in ln T10, and the mass on the grid's edge. */
function normalise(lp: Float64Array, nT: number, nR: number): { w: Float64Array; cum: Float64Array; edge: number } {
  const n = nT * nR;
  let mx = -Infinity;
  for (let q = 0; q < n; q++) if (lp[q] > mx) mx = lp[q];
  const w = new Float64Array(n);
  let tot = 0;
  for (let q = 0; q < n; q++) { const v = Math.exp(lp[q] - mx); w[q] = v; tot += v; }
  const cum = new Float64Array(nR * (nT + 1));
  let edge = 0;
  for (let j = 0; j < nR; j++) {
    const base = j * nT, cb = j * (nT + 1);
    let c = 0;
    for (let i = 0; i < nT; i++) {
      const v = w[base + i] / tot;
      w[base + i] = v;
      cum[cb + i] = c;
      c += v;
      if (i < 2 || i >= nT - 2 || j === 0 || j === nR - 1) edge += v;
    }
    cum[cb + nT] = c;
  }
  return { w, cum, edge };
}

/**
 * The grid posterior of the current cycle's (T10, r): population prior × the previous cycle's
 * likelihood smoothed by the cycle-to-cycle shift × the current cycle's likelihood.
 *
 * Hierarchical reading: θ_prev = θ_cur + δ, δ ~ N(0, diag(sdT², sdR²)) on (ln T10, ln r), so
 * p(θ_cur | data) ∝ p_pop(θ_cur) · ∫ L_prev(θ_cur + δ) N(δ) dδ · L_cur(θ_cur): the previous
 * cycle's information enters widened, and with sd → 0 its counts would count as the current ones.
 */
export function fitGrid(input: FitInput): GridPosterior {
  const nT = GRID_NT, nR = GRID_NR;
  const mT = Math.log(M.t10Median), sT = M.t10LogSd;
  const mR = Math.log(M.rMedian), sR = M.rLogSd;
  const logT0 = mT - T_SPAN * sT, dLogT = (2 * T_SPAN * sT) / (nT - 1);
  const logR0 = mR - R_SPAN * sR, dLogR = (2 * R_SPAN * sR) / (nR - 1);
  const logT = new Float64Array(nT), t10 = new Float64Array(nT), r = new Float64Array(nR);
  for (let i = 0; i < nT; i++) { logT[i] = logT0 + i * dLogT; t10[i] = Math.exp(logT[i]); }
  for (let j = 0; j < nR; j++) r[j] = Math.exp(logR0 + j * dLogR);

  const n = nT * nR;
  const lp = new Float64Array(n);
  // Population prior: normal in (ln T10, ln r); the grid is uniform in logs, so no Jacobian.
  const priT = new Float64Array(nT);
  for (let i = 0; i < nT; i++) priT[i] = -0.5 * ((logT[i] - mT) / sT) ** 2;
  for (let j = 0; j < nR; j++) {
    const pr = -0.5 * ((logR0 + j * dLogR - mR) / sR) ** 2;
    const base = j * nT;
    for (let i = 0; i < nT; i++) lp[base + i] = priT[i] + pr;
  }

  const g: Grid = { nT, nR, t10, r, dLogT, dLogR };
  if (input.previous.length > 0) addPreviousCycle(lp, input, g);
  if (input.current.length > 0) addCurrentCycle(lp, input, g);
  const { w, cum, edge } = normalise(lp, nT, nR);
  return { nT, nR, logT0, dLogT, logR0, dLogR, t10, r, w, cum, bmax: input.bmax, edgeMass: edge };
}

/** Mass of row j with ln T10 ≤ x (cell-uniform in ln T10). */
function rowCdfLog(p: GridPosterior, j: number, x: number): number {
  const pos = (x - p.logT0) / p.dLogT + 0.5; // cell i spans [i − 0.5, i + 0.5] in index units
  const cb = j * (p.nT + 1);
  if (pos <= 0) return 0;
  if (pos >= p.nT) return p.cum[cb + p.nT];
  const i = Math.floor(pos);
  const f = pos - i;
  return p.cum[cb + i] + f * (p.cum[cb + i + 1] - p.cum[cb + i]);
}

/** ln((Bmax/θ − 1)/(Bmax/c − 1)): the crossing of count c lies this/r weeks after T10. */
function shiftFor(p: GridPosterior, c: number): number {
  if (c >= p.bmax) return Infinity;
  return Math.log((p.bmax / M.referenceCount - 1) / (p.bmax / c - 1));
}

/**
 * P(true count ≥ c at t weeks) = P(the curve has crossed c by t) = Σ_j P_j(T10 ≤ t − D(c)/r_j).
 */
export function probCrossedBy(p: GridPosterior, c: number, t: number): number {
  const d = shiftFor(p, c);
  if (d === Infinity) return 0;
  let s = 0;
  const stride = p.nT + 1;
  for (let j = 0; j < p.nR; j++) {
    if (p.cum[j * stride + p.nT] < 1e-15) continue; // rows without mass
    const x = t - d / p.r[j];
    if (x <= 0) continue;
    s += rowCdfLog(p, j, Math.log(x));
  }
  return Math.min(1, Math.max(0, s));
}

/** Bisection for an increasing function f on [lo, hi] reaching level q (returns the boundary if outside). */
function invert(f: (x: number) => number, q: number, lo: number, hi: number, tol: number): number {
  if (f(lo) >= q) return lo;
  if (f(hi) < q) return hi;
  while (hi - lo > tol) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) >= q) hi = mid; else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/** Latest week the crossing distribution is resolved to; a quantile beyond it is reported as Infinity. */
export const CROSSING_HORIZON_WEEKS = 200;

/** Quantile q of the crossing week of count c (Infinity when beyond the horizon or never reached). */
export function crossingQuantile(p: GridPosterior, c: number, q: number): number {
  const f = (t: number) => probCrossedBy(p, c, t);
  if (f(CROSSING_HORIZON_WEEKS) < q) return Infinity;
  return invert(f, q, 0, CROSSING_HORIZON_WEEKS, 1e-4);
}

/**
 * Quantile q of the true count (noise excluded) at t weeks: the c with P(count < c) = q,
 * found on ln c. 0 when the quantile is below 0.01 cells/µL.
 */
export function countQuantile(p: GridPosterior, t: number, q: number, atLeast = 0): number {
  // P(count < c) = 1 − P(crossed c by t): increasing in c. `atLeast`: a known lower bound of the
  // answer (e.g. the same quantile at an earlier time: the true count only grows), to narrow the search.
  const f = (lc: number) => 1 - probCrossedBy(p, Math.exp(lc), t);
  let lo = Math.log(Math.max(0.01, atLeast * (1 - 1e-3)));
  const top = Math.log(p.bmax * (1 - 1e-9));
  if (f(lo) >= q) return atLeast > 0.01 ? Math.exp(lo) : 0;
  if (atLeast > 0.01) {
    // Expand upward from the known lower bound (weekly steps move the count little).
    let step = 0.25;
    for (let hi = lo + step; hi < top; hi = lo + step) {
      if (f(hi) >= q) return Math.exp(invert(f, q, lo, hi, 1e-3));
      lo = hi; step *= 2;
    }
  }
  return Math.exp(invert(f, q, lo, top, 1e-3));
}

/** Quantile q of the marginal posterior of r (per week), cell-uniform in ln r. */
export function rateQuantile(p: GridPosterior, q: number): number {
  let c = 0;
  for (let j = 0; j < p.nR; j++) {
    const m = p.cum[j * (p.nT + 1) + p.nT];
    if (c + m >= q) {
      const f = m > 0 ? (q - c) / m : 0.5;
      return Math.exp(p.logR0 + (j - 0.5 + f) * p.dLogR);
    }
    c += m;
  }
  return Math.exp(p.logR0 + (p.nR - 0.5) * p.dLogR);
}
