import { describe, expect, it } from 'vitest';
import { normCdf, logNormCdf, normQuantile, weightedQuantile } from '../../../src/core/stats/index';
import { dataObjective, priorObjective, mapObjective, fitMap, nelderMead, type MapProblem } from '../../../src/core/fit/index';
import { preparePatient } from '../../../src/core/natalizumab/patient';
import { mapProblemFor } from '../../../src/core/natalizumab/analysis';
import { simulatePatient, level } from '../natalizumab/helpers';
import { parseIsoTime } from '../../../src/core/time';

describe('normal distribution', () => {
  it('CDF, log-CDF in the far tail and quantile', () => {
    expect(normCdf(0)).toBe(0.5);
    expect(normCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normCdf(-3)).toBeCloseTo(0.0013498980316300946, 15);
    expect(logNormCdf(-10)).toBeCloseTo(-53.23128515051247, 10);
    expect(logNormCdf(-40)).toBeCloseTo(-804.6084420137538, 8);
    expect(normQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 12);
  });
  it('weighted quantile', () => {
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.5)).toBe(2.5);
    expect(weightedQuantile([1, 2, 3], [0, 0, 1], 0.5)).toBe(3);
  });
});

describe('MAP objective', () => {
  it('is exactly Σ[(y−f)²/(σf)² + ln((σf)²)] + ηᵀΩ⁻¹η', () => {
    const y = [20, 25], f = [22, 24], s = 0.219;
    const expected = y.reduce((acc, yi, i) => acc + (yi - f[i]) ** 2 / (s * f[i]) ** 2 + Math.log((s * f[i]) ** 2), 0);
    expect(dataObjective(f, y, [0, 0], s)).toBeCloseTo(expected, 12);
    expect(priorObjective([0.1, -0.2, 0.3], [10, 5, 2])).toBeCloseTo(0.1 + 0.2 + 0.18, 12);
  });
  it('censored level (M3): −2 ln Φ((LLOQ − f)/(σf))', () => {
    const v = dataObjective([1.5], [1], [1], 0.219);
    expect(v).toBeCloseTo(-2 * Math.log(normCdf((1 - 1.5) / (0.219 * 1.5))), 12);
    // A prediction well below the limit costs almost nothing; far above it costs a lot.
    expect(dataObjective([0.2], [1], [1], 0.219)).toBeLessThan(1e-6);
    expect(dataObjective([5], [1], [1], 0.219)).toBeCloseTo(-2 * logNormCdf((1 - 5) / (0.219 * 5)), 12);
    expect(dataObjective([5], [1], [1], 0.219)).toBeGreaterThan(15);
  });
});

/** The engine's own MAP problem for a simulated patient (src/core/natalizumab/analysis.ts). */
const problemFor = (p: ReturnType<typeof simulatePatient>['patient']): MapProblem => mapProblemFor(preparePatient(p, Infinity));

describe('MAP fit', () => {
  it('finds the true optimum (agrees with a tight Nelder–Mead from several starts)', () => {
    for (const [eta, wt] of [[[0.3, -0.2, 0.1], 80], [[-0.5, 0.3, -0.3], 60], [[0.9, 0, 0], 70]] as [number[], number][]) {
      const sim = simulatePatient('X', eta, wt, { noise: 0.15, seed: 3 });
      const pb = problemFor(sim.patient);
      const fit = fitMap(pb, 3);
      expect(fit.converged).toBe(true);
      let best = Infinity;
      for (const x0 of [[0, 0, 0], [0.5, 0.5, -0.5], [-0.5, -0.5, 0.5]]) {
        best = Math.min(best, nelderMead((e) => mapObjective(pb, e), x0, { step: 0.3, ftol: 1e-12, xtol: 1e-8, maxEval: 5000 }).fx);
      }
      expect(fit.objective).toBeLessThanOrEqual(best + 1e-5);
      expect(fit.covariance).not.toBeNull();
    }
  });

  it('recovers simulated patients: individual predictions beat the population ones, η_CL recovered', () => {
    let errMap = 0, errPop = 0, errEta = 0;
    const etas = [[0.2, 0.1, -0.1], [-0.3, -0.2, 0.2], [0.1, 0.4, 0.3], [-0.1, 0, -0.4], [0.4, -0.3, 0.1], [-0.4, 0.2, 0.2]];
    etas.forEach((eta, k) => {
      const sim = simulatePatient(`R${k}`, eta, 60 + 8 * k, { noise: 0.05, seed: k + 1 });
      const pb = problemFor(sim.patient);
      const fit = fitMap(pb, 3);
      expect(fit.converged).toBe(true);
      mapObjective(pb, [0, 0, 0]);
      const pop = Array.from(pb.pred);
      mapObjective(pb, fit.eta);
      sim.trueTroughs.forEach((t, i) => { errMap += Math.abs(pb.pred[i] / t - 1); errPop += Math.abs(pop[i] / t - 1); });
      errEta += Math.abs(fit.eta[0] - eta[0]);
    });
    const n = etas.length * 2;
    expect(errMap / n).toBeLessThan(0.12);
    expect(errMap).toBeLessThan(0.5 * errPop);
    expect(errEta / etas.length).toBeLessThan(0.15);
  });

  it('uses a censored level through the M3 likelihood (optimum agrees with Nelder–Mead; η_CL moves up)', () => {
    const sim = simulatePatient('C', [1.2, 0, 0], 70);
    const t = parseIsoTime('2023-12-11T08:45')!;
    sim.patient.levels = [level(t, 1, true)];
    const pb = problemFor(sim.patient);
    const fit = fitMap(pb, 3);
    expect(fit.converged).toBe(true);
    expect(fit.eta[0]).toBeGreaterThan(0.05);
    const nm = nelderMead((e) => mapObjective(pb, e), [0, 0, 0], { step: 0.3, ftol: 1e-12, xtol: 1e-8, maxEval: 5000 });
    expect(fit.objective).toBeLessThanOrEqual(nm.fx + 1e-5);
    expect(fit.objective).toBeLessThan(mapObjective(pb, [0, 0, 0]));
  });

  it('finds the global optimum when the objective has two minima (two troughs below the limit)', () => {
    const sim = simulatePatient('ADA2', [1.6, 0, 0], 54);
    sim.patient.levels = sim.patient.levels.map((l) => level(l.time, 1, true));
    const pb = problemFor(sim.patient);
    const local = fitMap(pb, 3);
    const starts: number[][] = [];
    for (const c of [-0.8, -0.4, 0.4, 0.8, 1.2, 1.6, 2.0]) for (const v of [-0.5, 0, 0.5, 1.0]) starts.push([c, 0, v]);
    const global = fitMap(pb, 3, starts);
    const nm = nelderMead((e) => mapObjective(pb, e), [1.5, 0, 0], { step: 0.3, ftol: 1e-12, xtol: 1e-8, maxEval: 5000 });
    expect(global.objective).toBeLessThan(local.objective - 10);
    expect(global.objective).toBeLessThanOrEqual(nm.fx + 1e-4);
    mapObjective(pb, global.eta);
    expect(pb.pred[1]).toBeLessThan(1.5);
  });
});
