/**
 * A model-free trend of a log-scale series against time (natalizumab troughs, ocrelizumab counts):
 * the Theil–Sen slope (ml-regression's TheilSenRegression: the median of the pairwise slopes) with
 * a 90 % interval that is the hull of two intervals:
 *
 * - Sen's distribution-free interval (Sen 1968; Hollander & Wolfe): order statistics of the
 *   pairwise slopes, the ranks taken from the exact null distribution of Kendall's statistic (the
 *   number of discordant pairs of n exchangeable values is a sum of independent uniforms on
 *   {0, …, k − 1}, k = 1…n). It exists from 4 points on at 90 % (with 3, even the most extreme
 *   ranks have probability 1/6 > 5 % in each tail): with 3 points it is unbounded.
 * - the interval the measurement's own stated noise alone allows: slope ± z·σ/√Sxx (σ the SD of
 *   the log-scale value, Sxx = Σ(x − x̄)²). A few points can lie on a line by chance, which makes
 *   Sen's interval narrow; a real measurement is never more precise than its assay.
 *
 * Pure and deterministic: no resampling, no randomness.
 */
import { TheilSenRegression } from 'ml-regression';
import { normQuantile } from './normal';

/** Days per month (365.25/12) for rates "per month". */
export const DAYS_PER_MONTH = 365.25 / 12;

export interface LogTrend {
  /** Number of points. */
  n: number;
  /** Theil–Sen slope and intercept (ml-regression), in the units of y per unit of x. */
  slope: number;
  intercept: number;
  /** Sen's distribution-free interval at `level`, or null when n is too small for one. */
  sen: { low: number; high: number } | null;
  /** slope ± z·σ/√Sxx at `level` (σ: the stated noise of y). */
  noise: { low: number; high: number };
  /** The interval reported: the hull of `sen` and `noise` (`noise` alone when `sen` is null). */
  low: number;
  high: number;
  /** Two-sided confidence level of the intervals. */
  level: number;
}

const inversionCache = new Map<number, Float64Array>();

/**
 * P(D ≤ m), m = 0 … n(n−1)/2, for D the number of discordant pairs among n exchangeable values
 * without ties (D = Σ_{k=1..n} U_k, U_k uniform on {0 … k−1}, independent; the Mahonian numbers / n!).
 */
export function discordantPairsCdf(n: number): Float64Array {
  const hit = inversionCache.get(n);
  if (hit) return hit;
  let p = new Float64Array([1]);
  for (let k = 2; k <= n; k++) {
    // Convolution with the uniform on {0 … k−1}: a sliding-window sum.
    const q = new Float64Array(p.length + k - 1);
    let window = 0;
    for (let i = 0; i < q.length; i++) {
      if (i < p.length) window += p[i];
      if (i - k >= 0) window -= p[i - k];
      q[i] = window / k;
    }
    p = q;
  }
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) { s += p[i]; cdf[i] = Math.min(1, s); }
  if (n <= 64) inversionCache.set(n, cdf);
  return cdf;
}

/**
 * Sen's distribution-free interval for the slope at a two-sided `level`: with the N pairwise
 * slopes sorted, [s₍ₘ₊₁₎, s₍N−m₎] (1-based), m the largest number of discordant pairs with
 * P(D ≤ m) ≤ (1 − level)/2 under no trend. Null when no such m exists (too few points).
 */
export function senInterval(sortedSlopes: ArrayLike<number>, n: number, level: number): { low: number; high: number } | null {
  const cdf = discordantPairsCdf(n);
  const tail = (1 - level) / 2;
  let m = -1;
  while (m + 1 < cdf.length && cdf[m + 1] <= tail + 1e-12) m++;
  const N = sortedSlopes.length;
  if (m < 0 || m >= N - 1 - m) return null;
  return { low: sortedSlopes[m], high: sortedSlopes[N - 1 - m] };
}

/** Pairwise slopes (pairs with equal x skipped, as ml-regression does), sorted ascending. */
export function pairwiseSlopes(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) for (let j = i + 1; j < x.length; j++) if (x[i] !== x[j]) out.push((y[j] - y[i]) / (x[j] - x[i]));
  return Float64Array.from(out).sort();
}

/**
 * Theil–Sen trend of y against x with its 90 % (or `level`) interval, for y with a stated noise SD
 * `sigma` (on y's scale). Needs at least 2 distinct x; returns null otherwise.
 */
export function logTrend(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number, level = 0.9): LogTrend | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const slopes = pairwiseSlopes(x, y);
  if (slopes.length === 0) return null;
  const ts = new TheilSenRegression(Array.from(x), Array.from(y));
  const slope = ts.slope, intercept = ts.intercept;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let sxx = 0;
  for (let i = 0; i < n; i++) sxx += (x[i] - mean) ** 2;
  const half = normQuantile(1 - (1 - level) / 2) * sigma / Math.sqrt(sxx);
  const noise = { low: slope - half, high: slope + half };
  const sen = senInterval(slopes, n, level);
  return {
    n, slope, intercept, sen, noise,
    low: sen ? Math.min(sen.low, noise.low) : noise.low,
    high: sen ? Math.max(sen.high, noise.high) : noise.high,
    level,
  };
}

/** A rate of ln(y) per month as percent per month: 100·(e^rate − 1). */
export function percentPerMonth(logRatePerMonth: number): number {
  return 100 * Math.expm1(logRatePerMonth);
}

/** ln Γ(x), x > 0 (Lanczos, g = 7, n = 9: ~15 digits). */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularised incomplete beta function (Lentz; Numerical Recipes' betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - (a + b) * x / (a + 1);
  d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const aa of [m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)), -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + aa * d; d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
      c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
      if (aa < 0 && Math.abs(d * c - 1) < 1e-15) return h;
    }
  }
  return h;
}

/** I_x(a, b), the regularised incomplete beta function. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? front * betaFraction(a, b, x) / a : 1 - front * betaFraction(b, a, 1 - x) / b;
}

/** Student's t distribution function with `df` degrees of freedom (df > 0, not necessarily whole). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile of Student's t (bisection on the distribution function to 1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0, hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The least-squares slope of y against x with its interval at `level` from the scatter of the points
 * about their line, the scale pooled with a stated noise `sigma` worth `priorDf` degrees of freedom:
 * s² = (priorDf·σ² + RSS)/(priorDf + n − 2), slope ± t(priorDf + n − 2)·s/√Sxx (the posterior of the
 * residual variance under a scaled-inverse-χ² prior centred on σ²). Points that scatter as the
 * assay says give about the assay's interval; points that lie closer to their line than that
 * narrow it, but never to nothing with few points; points that scatter more widen it.
 */
export function scatterInterval(x: ArrayLike<number>, y: ArrayLike<number>, sigma: number, priorDf: number, level = 0.9): { slope: number; low: number; high: number; scale: number } | null {
  const n = x.length;
  if (n < 2) return null;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) { sxx += (x[i] - mx) ** 2; sxy += (x[i] - mx) * (y[i] - my); }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - my - slope * (x[i] - mx)) ** 2;
  const df = priorDf + n - 2;
  if (!(df > 0)) return null;
  const scale = Math.sqrt((priorDf * sigma * sigma + rss) / df);
  const half = studentTQuantile(1 - (1 - level) / 2, df) * scale / Math.sqrt(sxx);
  return { slope, low: slope - half, high: slope + half, scale };
}
