/**
 * mathjs as the independent oracle (issue 8, item 6) for the core's own linear algebra (Cholesky,
 * SPD inverse, solve: src/core/fit/optimise.ts) and the special function behind the normal CDF
 * (erfc: src/core/stats/normal.ts); and weightedQuantiles against computations done here from
 * their definitions (item 7).
 */
import { describe, expect, it } from 'vitest';
import { det, erf, inv, lusolve, multiply, transpose } from 'mathjs';
import { cholesky, cholSolve, spdInverse } from '../../../src/core/fit/index';
import { erfc, logNormCdf, normCdf, weightedQuantiles } from '../../../src/core/stats/normal';
import { createRng } from '../../../src/core/random';

/** A random symmetric positive-definite n × n matrix: B·Bᵀ + n·I. */
function spd(n: number, seed: number): number[][] {
  const rng = createRng(seed);
  const b = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
  const a = multiply(b, transpose(b)) as number[][];
  return a.map((row, i) => row.map((v, j) => (i === j ? v + n : v)));
}

const relClose = (x: number, y: number, tol: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(y)));

describe('linear algebra against mathjs', () => {
  it('Cholesky: L lower-triangular with a positive diagonal, L·Lᵀ = A, and det A = Π L_ii²', () => {
    for (let n = 1; n <= 6; n++) {
      for (let seed = 1; seed <= 5; seed++) {
        const a = spd(n, 100 * n + seed);
        const l = cholesky(a)!;
        expect(l).not.toBeNull();
        for (let i = 0; i < n; i++) {
          expect(l[i][i]).toBeGreaterThan(0);
          for (let j = i + 1; j < n; j++) expect(l[i][j]).toBe(0);
        }
        const llt = multiply(l, transpose(l)) as number[][];
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) relClose(llt[i][j], a[i][j], 1e-12);
        const prodDiag = l.reduce((s, row, i) => s * row[i], 1);
        relClose(prodDiag * prodDiag, det(a), 1e-10);
      }
    }
  });

  it('the inverse and the solve agree with mathjs inv and lusolve', () => {
    for (let n = 1; n <= 6; n++) {
      const a = spd(n, 7 * n);
      const mine = spdInverse(a)!;
      const theirs = inv(a) as number[][];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) relClose(mine[i][j], theirs[i][j], 1e-10);
      const b = Array.from({ length: n }, (_, i) => i - 1.5);
      const x = cholSolve(cholesky(a)!, b);
      const ref = (lusolve(a, b) as number[][]).map((r) => r[0]);
      for (let i = 0; i < n; i++) relClose(x[i], ref[i], 1e-10);
    }
  });

  it('an indefinite matrix (negative determinant by mathjs) has no Cholesky factor and no SPD inverse', () => {
    const a = [[1, 2], [2, 1]];
    expect(det(a)).toBeLessThan(0);
    expect(cholesky(a)).toBeNull();
    expect(spdInverse(a)).toBeNull();
  });
});

describe('erfc and the normal CDF against mathjs erf', () => {
  it('erfc(x) = 1 − erf(x) on [−5, 5]', () => {
    for (let x = -5; x <= 5.0001; x += 0.05) expect(Math.abs(erfc(x) - (1 - erf(x)))).toBeLessThan(1e-15);
  });
  it('Φ(z) = (1 + erf(z/√2))/2 on [−8, 8], and ln Φ where Φ is not tiny', () => {
    for (let z = -8; z <= 8.0001; z += 0.1) {
      const ref = 0.5 * (1 + erf(z / Math.SQRT2));
      expect(Math.abs(normCdf(z) - ref)).toBeLessThan(1e-15);
      if (ref > 1e-6) expect(Math.abs(logNormCdf(z) - Math.log(ref))).toBeLessThan(1e-9);
    }
  });
  it('in the far tail, where 1 − erf cancels, erfc keeps its relative accuracy (closed form erfc(x) ~ e^(−x²)/(x√π)·(1 − 1/(2x²) + 3/(4x⁴)))', () => {
    for (const x of [8, 12, 20]) {
      const asym = Math.exp(-x * x) / (x * Math.sqrt(Math.PI)) * (1 - 1 / (2 * x * x) + 3 / (4 * x ** 4) - 15 / (8 * x ** 6));
      expect(Math.abs(erfc(x) / asym - 1)).toBeLessThan(105 / (16 * x ** 8));
    }
  });
});

/** Hazen (R type 5) quantile of equal-weight values, written from its definition: h = n·q + ½. */
function hazen(values: number[], q: number): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const h = n * q + 0.5; // 1-based position
  if (h <= 1) return x[0];
  if (h >= n) return x[n - 1];
  const lo = Math.floor(h);
  return x[lo - 1] + (h - lo) * (x[lo] - x[lo - 1]);
}

/** Φ⁻¹ by bisection on mathjs erf (independent of the core's normQuantile). */
function probit(p: number): number {
  let lo = -10, hi = 10;
  for (let i = 0; i < 200; i++) { const m = (lo + hi) / 2; if (0.5 * (1 + erf(m / Math.SQRT2)) < p) lo = m; else hi = m; }
  return (lo + hi) / 2;
}

describe('weightedQuantiles', () => {
  const qs = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975];

  it('with equal weights is the Hazen quantile (R type 5)', () => {
    const rng = createRng(11);
    for (const n of [2, 5, 30, 97]) {
      const v = Array.from({ length: n }, () => Math.exp(rng.normal()));
      const got = weightedQuantiles(v, new Float64Array(n).fill(1 / n), qs);
      qs.forEach((q, i) => expect(got[i]).toBeCloseTo(hazen(v, q), 12));
    }
  });

  it('with importance weights recovers the quantiles of the weighted distribution', () => {
    // A fine grid on [−9, 9] weighted by the N(μ, 1) density: the weighted quantiles are μ + Φ⁻¹(q).
    const mu = 0.7, n = 18001;
    const v: number[] = [], w: number[] = [];
    for (let i = 0; i < n; i++) { const x = -9 + 18 * i / (n - 1); v.push(x); w.push(Math.exp(-0.5 * (x - mu) ** 2)); }
    // Unsorted input: the function must sort.
    const order = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const got = weightedQuantiles(order.map((i) => v[i]), order.map((i) => w[i]), qs);
    qs.forEach((q, i) => expect(Math.abs(got[i] - (mu + probit(q)))).toBeLessThan(2e-5));
  });

  it('a value with zero weight does not move any quantile', () => {
    const v = [1, 2.9, 3, 4, 10], w = [1, 0, 1, 2, 0.5];
    const without = weightedQuantiles([1, 3, 4, 10], [1, 1, 2, 0.5], qs);
    expect(weightedQuantiles(v, w, qs)).toEqual(without);
    // Checked by hand at q = 0.4: positions 0.5/4.5 (1), 1.5/4.5 (3), 3/4.5 (4), 4.25/4.5 (10).
    const [q40] = weightedQuantiles(v, w, [0.4]);
    expect(q40).toBeCloseTo(3 + (0.4 - 1.5 / 4.5) / (3 / 4.5 - 1.5 / 4.5) * (4 - 3), 12);
  });
});
