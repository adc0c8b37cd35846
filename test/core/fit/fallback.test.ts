/**
 * The MAP fit's fallback path (issue 8, item 7): when Fisher scoring does not deliver, damped
 * Newton runs, and when that does not converge either, Nelder–Mead and Newton again. Each path is
 * forced here through the iteration limits and must land on the same optimum, which is checked
 * independently: the objective's central-difference gradient vanishes there.
 */
import { describe, expect, it } from 'vitest';
import { fitMap, mapObjective, type MapProblem } from '../../../src/core/fit/index';
import { preparePatient } from '../../../src/core/natalizumab/patient';
import { mapProblemFor } from '../../../src/core/natalizumab/analysis';
import { simulatePatient, level } from '../natalizumab/helpers';

/** The engine's own MAP problem for a simulated patient (src/core/natalizumab/analysis.ts). */
const problemFor = (p: ReturnType<typeof simulatePatient>['patient']): MapProblem => mapProblemFor(preparePatient(p, Infinity));

/** Central-difference gradient of the objective (step 1e-4), computed here. */
function gradNorm(pb: MapProblem, eta: number[]): number {
  let s = 0;
  for (let j = 0; j < eta.length; j++) {
    const a = eta.slice(), b = eta.slice();
    a[j] += 1e-4; b[j] -= 1e-4;
    const g = (mapObjective(pb, a) - mapObjective(pb, b)) / 2e-4;
    s += g * g;
  }
  return Math.sqrt(s);
}

describe('MAP fit fallback', () => {
  const cases: [string, number[], number, boolean][] = [
    ['typical', [0.3, -0.2, 0.1], 80, false],
    ['high clearance, a censored trough', [0.9, 0.2, 0.6], 65, true],
  ];
  for (const [name, eta, wt, censor] of cases) {
    it(`${name}: Newton alone and Nelder–Mead then Newton find Fisher scoring's optimum`, () => {
      const sim = simulatePatient(name, eta, wt, { noise: 0.15, seed: 5 });
      if (censor) sim.patient.levels[0] = level(sim.patient.levels[0].time, 5, true);
      const pb = problemFor(sim.patient);
      const fisher = fitMap(pb, 3);
      expect(fisher.method).toBe('fisher');
      expect(fisher.converged).toBe(true);

      const newton = fitMap(pb, 3, [], undefined, { fisherIter: 0, newtonIter: 40 });
      expect(newton.method).toBe('newton');
      const nm = fitMap(pb, 3, [], undefined, { fisherIter: 0, newtonIter: 1 });
      expect(nm.method).toBe('nelder-mead');
      for (const f of [newton, nm]) {
        expect(f.converged).toBe(true);
        expect(f.covariance).not.toBeNull();
        expect(Math.abs(f.objective - fisher.objective)).toBeLessThan(1e-5);
        f.eta.forEach((e, j) => expect(Math.abs(e - fisher.eta[j])).toBeLessThan(2e-3));
        // An optimum: the gradient is ~0 there, and far from 0 at the prior mode.
        expect(gradNorm(pb, f.eta)).toBeLessThan(0.05);
        // The Laplace covariances (full Hessian vs Gauss–Newton) agree on the clearance's variance.
        expect(f.covariance![0][0] / fisher.covariance![0][0]).toBeGreaterThan(0.5);
        expect(f.covariance![0][0] / fisher.covariance![0][0]).toBeLessThan(2);
      }
      expect(gradNorm(pb, [0, 0, 0])).toBeGreaterThan(1);
      // One Newton iteration could not finish: Nelder–Mead's iterations are counted too.
      expect(nm.iterations).toBeGreaterThan(1);
    });
  }
});
