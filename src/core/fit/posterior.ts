/**
 * Posterior around the MAP: Laplace approximation (covariance 2·H⁻¹ of the −2 log posterior), a
 * multivariate-t proposal with that scale, then importance re-weighting against the true posterior.
 */
import type { Rng } from '../random';
import { cholesky } from './optimise';

export interface ProposalDraws {
  /** n × d, row-major. */
  etas: Float64Array;
  /** log proposal density (up to a constant). */
  logq: Float64Array;
  n: number;
  d: number;
}

/**
 * n draws from a multivariate t (df degrees of freedom; df = Infinity: normal) centred at `mean`
 * with scale matrix `cov`. Returns null when cov is not positive definite.
 */
export function drawMultivariateT(rng: Rng, mean: number[], cov: number[][], n: number, df = 5): ProposalDraws | null {
  const d = mean.length;
  const l = cholesky(cov);
  if (!l) return null;
  const etas = new Float64Array(n * d);
  const logq = new Float64Array(n);
  const z = new Array<number>(d);
  for (let s = 0; s < n; s++) {
    let zz = 0;
    for (let j = 0; j < d; j++) { z[j] = rng.normal(); zz += z[j] * z[j]; }
    let scale = 1;
    if (Number.isFinite(df)) {
      let chi = 0;
      for (let k = 0; k < df; k++) { const g = rng.normal(); chi += g * g; }
      scale = Math.sqrt(df / chi);
    }
    for (let i = 0; i < d; i++) {
      let v = 0;
      for (let j = 0; j <= i; j++) v += l[i][j] * z[j];
      etas[s * d + i] = mean[i] + scale * v;
    }
    const m = zz * scale * scale; // Mahalanobis distance²
    logq[s] = Number.isFinite(df) ? -0.5 * (df + d) * Math.log(1 + m / df) : -0.5 * m;
  }
  return { etas, logq, n, d };
}

/** Normalised importance weights from log target and log proposal densities; also the effective sample size. */
export function importanceWeights(logTarget: ArrayLike<number>, logq: ArrayLike<number>): { weights: Float64Array; ess: number } {
  const n = logTarget.length;
  const lw = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) { lw[i] = logTarget[i] - logq[i]; if (lw[i] > max) max = lw[i]; }
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) { w[i] = Number.isFinite(lw[i]) ? Math.exp(lw[i] - max) : 0; sum += w[i]; }
  let sq = 0;
  for (let i = 0; i < n; i++) { w[i] /= sum; sq += w[i] * w[i]; }
  return { weights: w, ess: 1 / sq };
}

/**
 * Systematic resampling: m indices drawn in proportion to the weights (for equal-weight subsets,
 * e.g. chart bands).
 */
export function systematicResample(weights: ArrayLike<number>, m: number, u0: number): Int32Array {
  const idx = new Int32Array(m);
  let cum = weights[0], i = 0;
  for (let k = 0; k < m; k++) {
    const u = (k + u0) / m;
    while (u > cum && i < weights.length - 1) { i++; cum += weights[i]; }
    idx[k] = i;
  }
  return idx;
}
