/**
 * Calibration of predictive distributions given as quantiles (natalizumab options carry them at
 * FORECAST_QUANTILE_LEVELS): coverage of central intervals and the probability integral
 * transform (PIT). A calibrated forecaster puts the truth inside its p % interval p % of the time,
 * and its PIT values are uniform on [0, 1].
 */

/** Central intervals scored, as [lower level, upper level]. */
export const CENTRAL_INTERVALS = { 50: [0.25, 0.75], 80: [0.1, 0.9], 95: [0.025, 0.975] } as const;

/**
 * PIT of `x` under the distribution whose quantiles at `levels` are `q` (both ascending): the CDF
 * interpolated linearly between the quantile points. Below the lowest quantile the PIT is 0 and
 * above the highest it is 1 (the tails beyond 2.5 / 97.5 % are not reported, so they are not
 * spread out). A value equal to tied quantiles gets the middle of their levels.
 */
export function pitFromQuantiles(q: readonly number[], levels: readonly number[], x: number): number {
  const n = q.length;
  if (n === 0 || n !== levels.length) throw new Error(`pitFromQuantiles: ${n} quantiles for ${levels.length} levels`);
  if (!(x >= q[0])) return 0;
  if (x > q[n - 1]) return 1;
  // Tied quantiles equal to x: the middle of their levels.
  let first = -1, last = -1;
  for (let i = 0; i < n; i++) if (q[i] === x) { if (first < 0) first = i; last = i; }
  if (first >= 0) return (levels[first] + levels[last]) / 2;
  let i = 0;
  while (q[i + 1] < x) i++;
  return levels[i] + (levels[i + 1] - levels[i]) * (x - q[i]) / (q[i + 1] - q[i]);
}

/** Whether x lies in the central interval [quantile at lo, quantile at hi] (inclusive). */
export function inInterval(q: readonly number[], levels: readonly number[], lo: number, hi: number, x: number): boolean {
  const a = levels.findIndex((l) => Math.abs(l - lo) < 1e-12);
  const b = levels.findIndex((l) => Math.abs(l - hi) < 1e-12);
  if (a < 0 || b < 0) throw new Error(`inInterval: levels ${lo} and ${hi} are not among the quantile levels ${levels.join(', ')}`);
  return q[a] <= x && x <= q[b];
}

/**
 * Kolmogorov–Smirnov distance between the empirical distribution of u and the uniform on [0, 1],
 * taken over [lo, hi]: sup |F_n(x) − x| for lo ≤ x ≤ hi. Calibration uses [0.025, 0.975], where
 * the quantiles define the CDF (outside it the PIT is clamped to 0 or 1, which would otherwise
 * add a jump of about 0.025 even for a calibrated forecast).
 */
export function ksUniform(u: readonly number[], lo = 0, hi = 1): number {
  const s = [...u].sort((a, b) => a - b);
  const n = s.length;
  const cdf = (x: number) => s.filter((v) => v <= x).length / n;
  let d = Math.max(Math.abs(cdf(lo) - lo), Math.abs(cdf(hi) - hi));
  for (let i = 0; i < n; i++) if (s[i] >= lo && s[i] <= hi) d = Math.max(d, (i + 1) / n - s[i], s[i] - i / n);
  return d;
}

export interface Calibration {
  n: number;
  /** Share of truths inside the 50, 80 and 95 % central intervals. */
  cov50: number;
  cov80: number;
  cov95: number;
  /** PIT mean (0.5 if calibrated) and SD (0.289 = 1/√12 if calibrated; above: intervals too narrow). */
  pitMean: number;
  pitSd: number;
  /** KS distance of the PITs from uniform over [0.025, 0.975] (see ksUniform). */
  ks: number;
  /** Share of PITs in [0, 0.1), [0.1, 0.2), …, [0.9, 1] (0.1 each if calibrated). */
  deciles: number[];
}

/** Calibration of forecasts (quantiles at `levels`) against the true values. */
export function calibration(pairs: { q: readonly number[]; truth: number }[], levels: readonly number[]): Calibration {
  const n = pairs.length;
  if (n === 0) return { n: 0, cov50: NaN, cov80: NaN, cov95: NaN, pitMean: NaN, pitSd: NaN, ks: NaN, deciles: Array(10).fill(NaN) };
  const cov = (c: readonly [number, number]) => pairs.filter((p) => inInterval(p.q, levels, c[0], c[1], p.truth)).length / n;
  const u = pairs.map((p) => pitFromQuantiles(p.q, levels, p.truth));
  const mean = u.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(u.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, n - 1));
  const deciles = Array(10).fill(0);
  for (const x of u) deciles[Math.min(9, Math.floor(x * 10))]++;
  return {
    n,
    cov50: cov(CENTRAL_INTERVALS[50]), cov80: cov(CENTRAL_INTERVALS[80]), cov95: cov(CENTRAL_INTERVALS[95]),
    pitMean: mean, pitSd: sd, ks: ksUniform(u, levels[0], levels[levels.length - 1]), deciles: deciles.map((c) => c / n),
  };
}
