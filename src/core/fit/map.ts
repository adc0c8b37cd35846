/**
 * MAP Bayesian estimation of η: damped Newton from the prior mode (η = 0), Nelder–Mead as a
 * fallback and a restart from its answer, so the reported optimum is the true one.
 */
import { dampedNewton, nelderMead, spdInverse } from './optimise';
import { mapObjective, type MapProblem } from './objective';

export interface MapFit {
  eta: number[];
  objective: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Hessian of the objective at the optimum (finite differences). */
  hessian: number[][];
  /** Laplace covariance of η: 2·H⁻¹ (null if H is not positive definite). */
  covariance: number[][] | null;
}

export function fitMap(pb: MapProblem, nEta: number): MapFit {
  const f = (eta: number[]) => mapObjective(pb, eta);
  const x0 = new Array<number>(nEta).fill(0);
  let res = dampedNewton(f, x0);
  let iterations = res.iterations, evaluations = res.evaluations;
  if (!res.converged) {
    const nm = nelderMead(f, res.fx < f(x0) ? res.x : x0, { step: 0.3, maxEval: 3000 });
    iterations += nm.iterations; evaluations += nm.evaluations + 1;
    res = dampedNewton(f, nm.x);
    iterations += res.iterations; evaluations += res.evaluations;
  }
  const hessian = res.last.hess;
  const inv = spdInverse(hessian);
  const covariance = inv ? inv.map((row) => row.map((v) => 2 * v)) : null;
  return { eta: res.x, objective: res.fx, iterations, evaluations, converged: res.converged && covariance !== null, hessian, covariance };
}
