/**
 * Normal distribution and weighted-sample helpers for the core (pure, no dependencies).
 */

/**
 * Complementary error function, near machine precision: the Maclaurin series of erf for |x| < 2
 * and the Lentz continued fraction of erfc beyond (accurate far into the tail, where censored
 * log-likelihoods need it).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  let r: number;
  if (z < 2) {
    // erf series: erf(z) = 2/sqrt(pi) * sum_{n} (-1)^n z^(2n+1) / (n! (2n+1))
    let sum = z, term = z;
    const z2 = z * z;
    for (let n = 1; n < 60; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    r = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // Lentz continued fraction: erfc(z) = exp(-z²)/sqrt(pi) · 1/(z + 1/2/(z + 1/(z + 3/2/(z + ...))))
    const tiny = 1e-300;
    let f = z, c = z, d = 0;
    for (let n = 1; n < 500; n++) {
      const an = n / 2;
      d = z + an * d; d = Math.abs(d) < tiny ? tiny : d; d = 1 / d;
      c = z + an / c; c = Math.abs(c) < tiny ? tiny : c;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    r = Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? r : 2 - r;
}

/** Standard normal cumulative distribution Φ(z). */
export function normCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** ln Φ(z), accurate in the far lower tail (no underflow to −∞ before z ≈ −1e150). */
export function logNormCdf(z: number): number {
  if (z > -5) return Math.log(normCdf(z));
  // Φ(z) = exp(-z²/2)/(|z| sqrt(2π)) · 1/cf; use the continued fraction of the Mills ratio.
  const x = -z;
  const tiny = 1e-300;
  let f = x, c = x, d = 0;
  for (let n = 1; n < 500; n++) {
    d = x + n * d; d = Math.abs(d) < tiny ? tiny : d; d = 1 / d;
    c = x + n / c; c = Math.abs(c) < tiny ? tiny : c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return -0.5 * x * x - 0.5 * Math.log(2 * Math.PI) - Math.log(f);
}

/** Standard normal density. */
export function normPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Quantile of the standard normal (Acklam's approximation refined by one Halley step; ~1e-15). */
export function normQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normQuantile: p must be in [0, 1], got ${p}`);
  }
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const plow = 0.02425;
  let x: number;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - plow) {
    const q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // Halley refinement
  const e = normCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** One weighted quantile (see weightedQuantiles). */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number {
  return weightedQuantiles(values, weights, [q])[0];
}

/**
 * Several weighted quantiles at once (sorts once; weights need not be normalised). Midpoint rule:
 * the k-th smallest value sits at cumulative (weight before it + half its own)/total, interpolated
 * between neighbours.
 */
export function weightedQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, qs: readonly number[]): number[] {
  const m = values.length;
  // Values of zero weight take no part: an importance weight of 0 is a draw the posterior rules
  // out, and it must not bend the interpolation between its neighbours.
  const key = Float64Array.from(values);
  const idx = new Int32Array(m);
  let n = 0;
  for (let i = 0; i < m; i++) if (weights[i] > 0) idx[n++] = i;
  if (n === 0) return qs.map(() => NaN);
  argsortStable(idx, n, key);
  let total = 0;
  for (let k = 0; k < n; k++) total += weights[idx[k]];
  const pos = new Float64Array(n);
  let cum = 0;
  for (let k = 0; k < n; k++) { const w = weights[idx[k]]; pos[k] = (cum + w / 2) / total; cum += w; }
  return qs.map((q) => {
    if (q <= pos[0]) return values[idx[0]];
    if (q >= pos[n - 1]) return values[idx[n - 1]];
    let lo = 0, hi = n - 1;
    while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (pos[mid] < q) lo = mid; else hi = mid; }
    const f = (q - pos[lo]) / (pos[hi] - pos[lo]);
    return values[idx[lo]] + f * (values[idx[hi]] - values[idx[lo]]);
  });
}

/**
 * Stable argsort of idx[0..n) by key[idx[·]]: insertion sort on runs of 16, then bottom-up merges.
 * The same order as Array.prototype.sort (stable) with (i, j) => key[i] − key[j], without a call
 * per comparison (weighted quantiles of every forecast draw sort 150 values 20 times a proposal).
 */
function argsortStable(idx: Int32Array, n: number, key: Float64Array): void {
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = idx[i], kx = key[x];
      let j = i - 1;
      while (j >= lo && key[idx[j]] > kx) { idx[j + 1] = idx[j]; j--; }
      idx[j + 1] = x;
    }
  }
  let src: Int32Array = idx, dst: Int32Array = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) dst[k++] = key[src[j]] < key[src[i]] ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src; src = dst; dst = t;
  }
  if (src !== idx) idx.set(src.subarray(0, n));
}

/** Σ w·[value ≥ threshold] / Σ w. */
export function weightedProbabilityAtLeast(values: ArrayLike<number>, weights: ArrayLike<number>, threshold: number): number {
  let num = 0, den = 0;
  for (let i = 0; i < values.length; i++) { den += weights[i]; if (values[i] >= threshold) num += weights[i]; }
  return den > 0 ? num / den : NaN;
}
