import { describe, expect, it } from 'vitest';
import { erf } from 'mathjs';
import { calibration, inInterval, ksUniform, pitFromQuantiles } from '../../scripts/calibration';
import { FORECAST_QUANTILE_LEVELS } from '../../src/core/report/types';
import { createRng } from '../../src/core/random';

const L = FORECAST_QUANTILE_LEVELS;
// Standard normal quantiles at L (tables: 1.959964, 1.644854, 1.281552, 0.674490).
const Z = [-1.959964, -1.644854, -1.281552, -0.674490, 0, 0.674490, 1.281552, 1.644854, 1.959964];
const phi = (x: number) => 0.5 * (1 + (erf(x / Math.SQRT2) as number));

describe('pitFromQuantiles', () => {
  it('gives the level at each quantile and interpolates linearly between them', () => {
    Z.forEach((z, i) => expect(pitFromQuantiles(Z, L, z)).toBeCloseTo(L[i], 12));
    expect(pitFromQuantiles(Z, L, 0.674490 / 2)).toBeCloseTo(0.625, 12);
    expect(pitFromQuantiles(Z, L, (-1.959964 - 1.644854) / 2)).toBeCloseTo(0.0375, 12);
  });
  it('is close to the normal CDF inside the quantile range', () => {
    for (const x of [-1.8, -1, -0.3, 0.3, 1, 1.8]) expect(Math.abs(pitFromQuantiles(Z, L, x) - phi(x))).toBeLessThan(0.015);
  });
  it('is 0 below the lowest quantile and 1 above the highest', () => {
    expect(pitFromQuantiles(Z, L, -2)).toBe(0);
    expect(pitFromQuantiles(Z, L, 2)).toBe(1);
  });
  it('gives tied quantiles the middle of their levels', () => {
    const q = [1, 2, 3, 3, 3, 4, 5, 6, 7];
    expect(pitFromQuantiles(q, L, 3)).toBeCloseTo((0.1 + 0.5) / 2, 12);
  });
  it('refuses quantiles and levels of different lengths', () => {
    expect(() => pitFromQuantiles([1, 2], L, 1)).toThrow('pitFromQuantiles: 2 quantiles for 9 levels');
  });
});

describe('inInterval', () => {
  it('uses the quantiles at the interval\'s levels, inclusive', () => {
    expect(inInterval(Z, L, 0.1, 0.9, 1.281552)).toBe(true);
    expect(inInterval(Z, L, 0.1, 0.9, 1.3)).toBe(false);
    expect(inInterval(Z, L, 0.025, 0.975, 1.3)).toBe(true);
  });
  it('refuses levels that were not reported', () => {
    expect(() => inInterval(Z, L, 0.2, 0.8, 0)).toThrow('inInterval: levels 0.2 and 0.8 are not among the quantile levels 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975');
  });
});

describe('ksUniform', () => {
  it('matches the closed form', () => {
    expect(ksUniform([0.5])).toBeCloseTo(0.5, 12);
    const n = 40;
    expect(ksUniform(Array.from({ length: n }, (_, i) => (i + 0.5) / n))).toBeCloseTo(0.5 / n, 12);
    expect(ksUniform([0, 0, 0, 0])).toBeCloseTo(1, 12);
  });
  it('over [lo, hi] ignores the clamped tails but not a misplaced mass inside', () => {
    // 2.5 % at 0, uniform in between, 2.5 % at 1: the clamped PITs of a calibrated forecast.
    const n = 1000;
    const u = Array.from({ length: n }, (_, i) => (i < 25 ? 0 : i >= n - 25 ? 1 : 0.025 + 0.95 * (i - 25 + 0.5) / (n - 50)));
    expect(ksUniform(u)).toBeGreaterThanOrEqual(0.025);
    expect(ksUniform(u, 0.025, 0.975)).toBeLessThan(0.002);
    // Everything at 0.5: F jumps from 0 to 1 there.
    expect(ksUniform([0.5, 0.5], 0.025, 0.975)).toBeCloseTo(0.5, 12);
  });
});

describe('calibration', () => {
  // Truths drawn from N(0, 1) (seeded); forecasts state N(0, s²) through its quantiles.
  const rng = createRng(20261202);
  const truths = Array.from({ length: 20000 }, () => rng.normal());
  const forecast = (s: number) => truths.map((x) => ({ q: Z.map((z) => z * s), truth: x }));

  it('a calibrated forecast covers 50/80/95 % and has uniform PITs', () => {
    const c = calibration(forecast(1), L);
    expect(c.n).toBe(20000);
    expect(c.cov50).toBeCloseTo(0.5, 1);
    expect(c.cov80).toBeCloseTo(0.8, 1);
    expect(c.cov95).toBeCloseTo(0.95, 1);
    expect(Math.abs(c.cov80 - 0.8)).toBeLessThan(0.015);
    expect(Math.abs(c.pitMean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(c.pitSd - 1 / Math.sqrt(12))).toBeLessThan(0.01);
    expect(c.ks).toBeLessThan(0.02);
    for (const d of c.deciles) expect(Math.abs(d - 0.1)).toBeLessThan(0.015);
  });
  it('a forecast half as wide as the truth covers too little, and its PITs crowd the ends', () => {
    const c = calibration(forecast(0.5), L);
    // P(|X| ≤ 1.281552 / 2) for X ~ N(0, 1).
    expect(Math.abs(c.cov80 - (2 * phi(1.281552 / 2) - 1))).toBeLessThan(0.015);
    expect(c.pitSd).toBeGreaterThan(0.35);
    expect(c.deciles[0] + c.deciles[9]).toBeGreaterThan(0.4);
  });
  it('an empty set gives NaN scores, not zeros', () => {
    const c = calibration([], L);
    expect(c.n).toBe(0);
    expect(c.cov80).toBeNaN();
  });
});
