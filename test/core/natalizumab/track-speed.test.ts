/**
 * The track record's shortcuts (issue 17, item 6): the forecast of a scored trough reads only the
 * MAP's concentration at the draw, so the posterior draws stop at the history's end, and the
 * mixture's CDF skips the normal CDF where it is exactly 0 or 1 in double precision (both exact:
 * the same numbers); the quantiles are found by Newton's method instead of a bisection (the same
 * to 1e-6 relative, the bisection's own tolerance).
 */
import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../src/core/index';
import { normCdf } from '../../../src/core/stats/normal';
import { analyse, resolveOptions } from '../../../src/core/natalizumab/analysis';
import { forecastCdf, forecastQuantile, measurementForecast, patientTrackRecord, scorableTroughs, scoreMeasurement, PHI_ONE, PHI_ZERO, type MeasurementForecast } from '../../../src/core/natalizumab/track-record';
import { simulateClinic, IOV_WORLD } from '../../../scripts/simulate-clinic';

describe('the mixture CDF\'s tails', () => {
  it('Φ is exactly 1 from PHI_ONE on and exactly 0 below PHI_ZERO (and not yet just inside)', () => {
    for (let z = PHI_ONE; z < 1e6; z = z * 1.05 + 0.01) expect(normCdf(z)).toBe(1);
    for (let z = PHI_ZERO; z > -1e6; z = z * 1.05 - 0.01) expect(normCdf(z)).toBe(0);
    // The thresholds are where the series is still needed a little further in.
    expect(normCdf(8)).toBeLessThan(1);
    expect(normCdf(-38)).toBeGreaterThan(0);
  });
  it('gives the sum term by term, tails and all', () => {
    const n = 7;
    const f: MeasurementForecast = {
      mean: Float64Array.of(1, 5, 10, 20, 40, 80, 160), sd: Float64Array.of(0.1, 0.5, 1, 2, 4, 8, 16),
      weights: Float64Array.of(0.1, 0.2, 0.15, 0.15, 0.1, 0.2, 0.1), logConc: new Float64Array(n), kappa: new Float64Array(n), iov: 0, occasions: 1,
    };
    for (const x of [0, 0.5, 3, 9.9, 10, 25, 70, 100, 1e4]) {
      let p = 0;
      for (let r = 0; r < n; r++) p += f.weights[r] * normCdf((x - f.mean[r]) / f.sd[r]);
      expect(forecastCdf(f, x)).toBe(Math.min(1, Math.max(0, p)));
    }
  });
});

describe('the quantile by Newton\'s method inside a bracket', () => {
  it('is the quantile to 1e-6 relative, as the plain bisection over the whole sum found it', () => {
    // The mixture's CDF summed to the end, and a bisection from the draws' ±9 SD to `tol` relative.
    const cdf = (f: MeasurementForecast, x: number) => {
      let p = 0;
      for (let r = 0; r < f.mean.length; r++) p += f.weights[r] * normCdf((x - f.mean[r]) / f.sd[r]);
      return Math.min(1, Math.max(0, p));
    };
    const bisection = (f: MeasurementForecast, q: number, tol: number) => {
      let lo = Infinity, hi = -Infinity;
      for (let r = 0; r < f.mean.length; r++) { lo = Math.min(lo, f.mean[r] - 9 * f.sd[r]); hi = Math.max(hi, f.mean[r] + 9 * f.sd[r]); }
      for (let k = 0; k < 200 && hi - lo > tol * Math.max(1, Math.abs(hi)); k++) {
        const mid = (lo + hi) / 2;
        if (cdf(f, mid) < q) lo = mid; else hi = mid;
      }
      return (lo + hi) / 2;
    };
    let seed = 7;
    const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    for (let t = 0; t < 40; t++) {
      const n = 5 + Math.floor(rnd() * 120);
      const mean = Float64Array.from({ length: n }, () => 2 + 40 * rnd() ** 2);
      const sd = Float64Array.from(mean, (m) => m * (0.05 + 0.3 * rnd()));
      const raw = Float64Array.from({ length: n }, () => rnd() ** 3);
      const tot = raw.reduce((a, b) => a + b, 0);
      const f: MeasurementForecast = { mean, sd, weights: raw.map((w) => w / tot), logConc: new Float64Array(n), kappa: new Float64Array(n), iov: 0, occasions: 1 };
      for (const q of [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975]) {
        const exact = bisection(f, q, 1e-14);
        const x = forecastQuantile(f, q);
        expect(Math.abs(x - exact)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(exact)));
        // As close as the bisection it replaced (which stopped at 1e-6 of the bracket's upper end).
        expect(Math.abs(x - bisection(f, q, 1e-6))).toBeLessThanOrEqual(2e-6 * Math.max(1, Math.abs(exact)) + 1e-6 * 60);
      }
    }
  });
  it('a two-humped mixture with a flat stretch between: still the quantile (bisection steps where Newton\'s leave the bracket)', () => {
    const f: MeasurementForecast = {
      mean: Float64Array.of(2, 40), sd: Float64Array.of(0.1, 2), weights: Float64Array.of(0.5, 0.5),
      logConc: new Float64Array(2), kappa: new Float64Array(2), iov: 0, occasions: 1,
    };
    // Half the weight below 2 and half below 40 (each hump's median); Φ = 0.2 in the first hump at 0.1.
    expect(forecastQuantile(f, 0.25)).toBeCloseTo(2, 5);
    expect(forecastQuantile(f, 0.75)).toBeCloseTo(40, 4);
    expect(forecastQuantile(f, 0.1)).toBeCloseTo(2 - 0.1 * 0.8416212335729143, 5);
    const mid = forecastQuantile(f, 0.5);
    expect(mid).toBeGreaterThan(2.3);
    expect(mid).toBeLessThan(34);
  });
});

describe('the draws stop at the history\'s end when only the MAP\'s output is read', () => {
  it('the same fit, draws, weights and snapshots, and the MAP\'s concentration at the time', () => {
    const opts = resolveOptions({ curves: false });
    for (const p of parseTdmCsv(simulateClinic(IOV_WORLD, 3, 17).csv, 'c.csv').patients) {
      const last = p.levels[p.levels.length - 1].time;
      const asOf = last - 1 / 1440;
      const full = analyse(p, asOf, opts, [last]);
      const short = analyse(p, asOf, opts, [last], undefined, { mapOutOnly: true });
      expect(short.outSamples.length).toBe(0);
      expect(full.outSamples.length).toBe(full.n);
      const { outSamples: _a, ...fullRest } = full;
      const { outSamples: _b, ...shortRest } = short;
      expect(shortRest).toEqual(fullRest);
    }
  });
});

describe('each trough\'s fit starts from the previous trough\'s (warm start)', () => {
  it('finds the optimum a start from the prior mode finds, and scores the troughs as it does (within the fit\'s tolerance)', () => {
    const opts = resolveOptions({ curves: false });
    for (const p of parseTdmCsv(simulateClinic(IOV_WORLD, 6, 17).csv, 'c.csv').patients) {
      const warmScores = patientTrackRecord(p);
      let warm: number[] | undefined;
      const troughs = scorableTroughs(p);
      expect(warmScores.length).toBe(troughs.length);
      troughs.forEach((obs, i) => {
        const asOf = obs.time - 1 / 1440;
        const cold = analyse(p, asOf, opts, [obs.time], undefined, { mapOutOnly: true });
        const fromWarm = analyse(p, asOf, opts, [obs.time], undefined, { mapOutOnly: true, warm });
        expect(Math.abs(fromWarm.objective - cold.objective)).toBeLessThan(1e-3);
        const f = measurementForecast(p, asOf, obs.time, false, opts);
        const coldScore = scoreMeasurement(f!, obs, p.id);
        expect(Math.abs(warmScores[i].median / coldScore.median - 1)).toBeLessThan(0.01);
        expect(Math.abs(warmScores[i].pit - coldScore.pit)).toBeLessThan(0.01);
        warm = fromWarm.kind === 'map' && fromWarm.converged ? fromWarm.eta : undefined;
      });
    }
  });
});
