/**
 * The model-free trend's statistics against independent computations: the Theil–Sen slope as
 * the (lower) median of pairwise slopes worked out by hand, an exact exponential decay, the
 * Mahonian numbers behind Sen's interval, and the interval's coverage by simulation.
 */
import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, discordantPairsCdf, logTrend, pairwiseSlopes, percentPerMonth, scatterInterval, senInterval, studentTCdf, studentTQuantile } from '../../../src/core/stats/trend';
import { createRng } from '../../../src/core/random';

describe('Theil–Sen slope (ml-regression)', () => {
  it('is the median of the pairwise slopes worked out by hand (the lower middle one for an even count)', () => {
    // x = 0, 1, 3, 4; y = 1, 3, 2, 6. Slopes: (3−1)/1 = 2, (2−1)/3 = 1/3, (6−1)/4 = 1.25,
    // (2−3)/2 = −0.5, (6−3)/3 = 1, (6−2)/1 = 4 → −0.5, 1/3, 1, 1.25, 2, 4: lower median 1.
    const t = logTrend([0, 1, 3, 4], [1, 3, 2, 6], 0.1)!;
    expect(t.slope).toBe(1);
    // Intercept: median of y − x = 1, 2, −1, 2 → −1, 1, 2, 2: lower median 1.
    expect(t.intercept).toBe(1);
    expect(Array.from(pairwiseSlopes([0, 1, 3, 4], [1, 3, 2, 6]))).toEqual([-0.5, 1 / 3, 1, 1.25, 2, 4]);
    // Odd count: x = 0, 1, 2; y = 0, 5, 4 → slopes 5, 2, −1: median 2.
    expect(logTrend([0, 1, 2], [0, 5, 4], 0.1)!.slope).toBe(2);
  });

  it('recovers an exact exponential decay: troughs halving every 3 months fall 100·(2^(−1/3) − 1) % per month', () => {
    const days = [0, 28, 56, 84, 112, 140];
    const x = days.map((d) => d / DAYS_PER_MONTH);
    const y = days.map((d) => Math.log(40 * 2 ** (-d / (3 * DAYS_PER_MONTH))));
    const t = logTrend(x, y, 0.219)!;
    expect(percentPerMonth(t.slope)).toBeCloseTo(100 * (2 ** (-1 / 3) - 1), 10);
    expect(percentPerMonth(t.slope)).toBeCloseTo(-20.63, 2);
    // Every pairwise slope is the same: Sen's interval is that point; the assay's noise widens it.
    expect(t.sen!.low).toBeCloseTo(t.slope, 12);
    expect(t.sen!.high).toBeCloseTo(t.slope, 12);
    const sxx = x.reduce((s, v) => s + (v - x.reduce((a, b) => a + b) / x.length) ** 2, 0);
    expect(t.high - t.slope).toBeCloseTo(1.6448536 * 0.219 / Math.sqrt(sxx), 6);
    expect(t.low).toBeCloseTo(t.slope - (t.high - t.slope), 12);
  });
});

describe("Sen's distribution-free interval", () => {
  it('uses the exact null distribution of discordant pairs (Mahonian numbers / n!)', () => {
    const cum = (xs: number[], n: number) => { let s = 0; return xs.map((v) => (s += v) / n); };
    const close = (a: Float64Array, b: number[]) => { expect(a.length).toBe(b.length); a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 12)); };
    close(discordantPairsCdf(3), cum([1, 2, 2, 1], 6));
    close(discordantPairsCdf(4), cum([1, 3, 5, 6, 5, 3, 1], 24));
    close(discordantPairsCdf(5), cum([1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1], 120));
  });

  it('takes the order statistics the tables give: none with 3 points, the extremes with 4, the 2nd with 5 (90 %)', () => {
    expect(senInterval(Float64Array.from([1, 2, 3]), 3, 0.9)).toBeNull();
    expect(senInterval(Float64Array.from([1, 2, 3, 4, 5, 6]), 4, 0.9)).toEqual({ low: 1, high: 6 });
    expect(senInterval(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5, 0.9)).toEqual({ low: 2, high: 9 });
    // 95 %: 4 points are not enough (1/24 > 2.5 %), 5 are (1/120).
    expect(senInterval(Float64Array.from([1, 2, 3, 4, 5, 6]), 4, 0.95)).toBeNull();
    expect(senInterval(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5, 0.95)).toEqual({ low: 1, high: 10 });
  });

  it('covers the true slope at least 90 % of the time (2000 seeded series with heavy-tailed noise)', () => {
    const rng = createRng(2024);
    let covered = 0, width = 0;
    const trials = 2000;
    for (let k = 0; k < trials; k++) {
      const n = 5 + (k % 6);
      const x = Array.from({ length: n }, (_, i) => i + 0.3 * rng.uniform());
      // Student-t-like noise (normal / sqrt of a uniform): the interval needs no normality.
      const y = x.map((v) => 0.3 * v + rng.normal() / Math.sqrt(0.2 + rng.uniform()));
      const s = senInterval(pairwiseSlopes(x, y), n, 0.9)!;
      if (s.low <= 0.3 && 0.3 <= s.high) covered++;
      width += s.high - s.low;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.9);
    expect(covered / trials).toBeLessThan(0.98);
    expect(width / trials).toBeGreaterThan(0);
  });
});

describe("Student's t and the scatter interval (issue 17's falling rule)", () => {
  it('t quantiles and distribution function match the printed tables', () => {
    // Tables of Student's t (e.g. Abramowitz & Stegun 26.10): one-sided 0.95 and 0.975 points.
    for (const [p, df, ref] of [[0.95, 1, 6.313752], [0.95, 2, 2.919986], [0.95, 5, 2.015048], [0.95, 10, 1.812461], [0.975, 3, 3.182446], [0.975, 30, 2.042272]]) {
      expect(studentTQuantile(p, df), `t(${p}, ${df})`).toBeCloseTo(ref, 5);
    }
    expect(studentTQuantile(0.05, 5)).toBeCloseTo(-2.015048, 5);
    // df = 2 has a closed form: F(t) = 1/2 + t / (2 √(t² + 2)).
    expect(studentTCdf(2, 2)).toBeCloseTo(0.5 + 2 / (2 * Math.sqrt(6)), 8);
    expect(studentTCdf(2, 4)).toBeCloseTo(0.9419417, 6);
    expect(studentTCdf(-2, 4)).toBeCloseTo(1 - 0.9419417, 6);
  });

  it('with no prior weight it is the classical least-squares interval; a noise-free line gets the stated noise shrunk by its degrees of freedom', () => {
    // x = 0 … 3, y = 0, 1.1, 1.9, 3.2: slope Sxy/Sxx = 5.2/5 = 1.04; residuals −0.04 … RSS by hand.
    const x = [0, 1, 2, 3], y = [0, 1.1, 1.9, 3.2];
    const slope = 1.04, icpt = 1.55 - slope * 1.5;
    const rss = y.reduce((a, v, i) => a + (v - icpt - slope * x[i]) ** 2, 0);
    const half = 2.919986 * Math.sqrt(rss / 2) / Math.sqrt(5);
    const c = scatterInterval(x, y, 0.3, 0, 0.9)!;
    expect(c.slope).toBeCloseTo(slope, 12);
    expect(c.low).toBeCloseTo(slope - half, 5);
    expect(c.high).toBeCloseTo(slope + half, 5);
    // On a line (RSS 0) with the prior worth 3 df: scale σ·√(3 / (3 + n − 2)), t with 3 + n − 2 df.
    const line = scatterInterval(x, x.map((v) => 2 - 0.5 * v), 0.3, 3, 0.9)!;
    expect(line.scale).toBeCloseTo(0.3 * Math.sqrt(3 / 5), 12);
    expect(line.high - line.slope).toBeCloseTo(2.015048 * 0.3 * Math.sqrt(3 / 5) / Math.sqrt(5), 5);
    expect(scatterInterval([1], [1], 0.3, 3)).toBeNull();
    expect(scatterInterval([1, 1], [1, 2], 0.3, 3)).toBeNull();
  });
});
