/**
 * Minimisers for small smooth problems (a handful of η): damped Newton with finite-difference
 * gradient and Hessian (converges in a few iterations and leaves the Hessian for the Laplace
 * approximation), and Nelder–Mead as a derivative-free fallback. Both report convergence.
 */

export interface MinimiseResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface HessianResult {
  f0: number;
  grad: number[];
  hess: number[][];
}

/** Central-difference gradient (step h) and Hessian (step hh), 2n + n(n−1)/2·4 + 1 evaluations. */
export function fdGradHess(f: (x: number[]) => number, x: number[], h = 1e-3, hh = 1e-2): HessianResult & { evals: number } {
  const n = x.length;
  let evals = 0;
  const ev = (y: number[]) => { evals++; return f(y); };
  const f0 = ev(x);
  const grad = new Array<number>(n).fill(0);
  const hess = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const fp = new Array<number>(n), fm = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const y = x.slice();
    y[i] = x[i] + hh; fp[i] = ev(y);
    y[i] = x[i] - hh; fm[i] = ev(y);
    hess[i][i] = (fp[i] - 2 * f0 + fm[i]) / (hh * hh);
    if (h === hh) grad[i] = (fp[i] - fm[i]) / (2 * hh);
    else {
      y[i] = x[i] + h; const a = ev(y);
      y[i] = x[i] - h; const b = ev(y);
      grad[i] = (a - b) / (2 * h);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const y = x.slice();
      y[i] = x[i] + hh; y[j] = x[j] + hh; const pp = ev(y);
      y[i] = x[i] + hh; y[j] = x[j] - hh; const pm = ev(y);
      y[i] = x[i] - hh; y[j] = x[j] + hh; const mp = ev(y);
      y[i] = x[i] - hh; y[j] = x[j] - hh; const mm = ev(y);
      hess[i][j] = hess[j][i] = (pp - pm - mp + mm) / (4 * hh * hh);
    }
  }
  return { f0, grad, hess, evals };
}

/** Cholesky factor L (lower) of a symmetric matrix, or null if not positive definite. */
export function cholesky(a: number[][]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) { if (!(s > 0)) return null; l[i][i] = Math.sqrt(s); } else l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/** Solve (L Lᵀ) x = b. */
export function cholSolve(l: number[][], b: number[]): number[] {
  const n = b.length;
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) { let s = b[i]; for (let k = 0; k < i; k++) s -= l[i][k] * y[k]; y[i] = s / l[i][i]; }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) { let s = y[i]; for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k]; x[i] = s / l[i][i]; }
  return x;
}

/** Inverse of a symmetric positive-definite matrix (null if not). */
export function spdInverse(a: number[][]): number[][] | null {
  const l = cholesky(a);
  if (!l) return null;
  const n = a.length;
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0); e[j] = 1;
    const col = cholSolve(l, e);
    for (let i = 0; i < n; i++) inv[i][j] = col[i];
  }
  return inv;
}

/**
 * Damped Newton (Levenberg-style: H + λ·diag) with finite-difference derivatives.
 * Converged when the Newton step is below `xtol` and the objective changes less than `ftol`.
 */
export function dampedNewton(f: (x: number[]) => number, x0: number[], opts: { maxIter?: number; xtol?: number; ftol?: number; maxStep?: number } = {}): MinimiseResult & { last: HessianResult } {
  const maxIter = opts.maxIter ?? 40, xtol = opts.xtol ?? 1e-5, ftol = opts.ftol ?? 1e-7, maxStep = opts.maxStep ?? 1;
  let x = x0.slice();
  let evaluations = 0;
  let lambda = 1e-3;
  let converged = false;
  let iterations = 0;
  let gh = fdGradHess(f, x); evaluations += gh.evals;
  let fx = gh.f0;
  for (; iterations < maxIter; iterations++) {
    let accepted = false;
    let stepNorm = 0;
    let fnew = fx;
    for (let tries = 0; tries < 30; tries++) {
      const a = gh.hess.map((row, i) => row.map((v, j) => (i === j ? v + lambda * Math.max(Math.abs(v), 1) : v)));
      const l = cholesky(a);
      if (!l) { lambda = Math.max(lambda * 10, 1e-3); continue; }
      let d = cholSolve(l, gh.grad.map((g) => -g));
      const norm = Math.sqrt(d.reduce((s, v) => s + v * v, 0));
      if (norm > maxStep) d = d.map((v) => v * maxStep / norm);
      const xn = x.map((v, i) => v + d[i]);
      fnew = f(xn); evaluations++;
      if (Number.isFinite(fnew) && fnew <= fx + 1e-12 * Math.abs(fx)) {
        stepNorm = Math.min(norm, maxStep);
        x = xn;
        accepted = true;
        lambda = Math.max(lambda / 10, 1e-9);
        break;
      }
      lambda = Math.max(lambda * 10, 1e-3);
    }
    if (!accepted) { converged = gh.grad.every((g) => Math.abs(g) < 1e-3); break; }
    const df = fx - fnew;
    fx = fnew;
    gh = fdGradHess(f, x); evaluations += gh.evals;
    fx = gh.f0;
    if (stepNorm < xtol || (df < ftol && stepNorm < 1e-3)) { converged = true; iterations++; break; }
  }
  return { x, fx, iterations, evaluations, converged, last: gh };
}

/** Nelder–Mead (standard coefficients), from x0 with initial simplex steps `step`. */
export function nelderMead(f: (x: number[]) => number, x0: number[], opts: { step?: number; maxEval?: number; ftol?: number; xtol?: number } = {}): MinimiseResult {
  const n = x0.length;
  const step = opts.step ?? 0.2, maxEval = opts.maxEval ?? 2000, ftol = opts.ftol ?? 1e-9, xtol = opts.xtol ?? 1e-7;
  let evaluations = 0;
  const ev = (x: number[]) => { evaluations++; const v = f(x); return Number.isFinite(v) ? v : Infinity; };
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) { const y = x0.slice(); y[i] += step; simplex.push(y); }
  let values = simplex.map(ev);
  let iterations = 0;
  let converged = false;
  while (evaluations < maxEval) {
    iterations++;
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]); values = order.map((i) => values[i]);
    const spread = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, i) => Math.abs(v - simplex[0][i])))));
    if (values[n] - values[0] <= ftol * (Math.abs(values[0]) + 1e-10) && spread < xtol * 100 || spread < xtol) { converged = true; break; }
    const c = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) c[i] += simplex[k][i] / n;
    const worst = simplex[n];
    const xr = c.map((v, i) => v + (v - worst[i]));
    const fr = ev(xr);
    if (fr < values[0]) {
      const xe = c.map((v, i) => v + 2 * (v - worst[i]));
      const fe = ev(xe);
      if (fe < fr) { simplex[n] = xe; values[n] = fe; } else { simplex[n] = xr; values[n] = fr; }
    } else if (fr < values[n - 1]) {
      simplex[n] = xr; values[n] = fr;
    } else {
      const outside = fr < values[n];
      const xc = outside ? c.map((v, i) => v + 0.5 * (xr[i] - v)) : c.map((v, i) => v + 0.5 * (worst[i] - v));
      const fc = ev(xc);
      if (fc < (outside ? fr : values[n])) { simplex[n] = xc; values[n] = fc; } else {
        for (let k = 1; k <= n; k++) { simplex[k] = simplex[k].map((v, i) => simplex[0][i] + 0.5 * (v - simplex[0][i])); values[k] = ev(simplex[k]); }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], fx: values[best], iterations, evaluations, converged };
}
