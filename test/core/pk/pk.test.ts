import { describe, expect, it } from 'vitest';
import { PkSolver, TIGHT, FAST, simulateConcentrations, steadyState, stepInterval, type PkDose, type PkParams } from '../../../src/core/pk/index';

const typ = (wt = 70): PkParams => ({ cl: 0.164 * (wt / 70) ** 0.6, vc: 3.48, vp: 3.48, q: 0.4, vmax: 2.86 * (wt / 70) ** 0.26, km: 0.875, ka: 0.25 });
const iv = { offset: 0, amount: 300, into: 'central' as const, durationDays: 1 / 24 };
const q4w = (n: number): PkDose[] => Array.from({ length: n }, (_, i) => ({ time: 28 * i, amount: 300, into: 'central', durationDays: 1 / 24 }));

/** Reference values are given to 3 significant figures: accept 0.5 % or half a unit of the last digit. */
function expectRef(actual: number, ref: number, digits = 1) {
  const tol = Math.max(0.005 * Math.abs(ref), 0.5 * 10 ** -digits);
  expect(Math.abs(actual - ref)).toBeLessThanOrEqual(tol);
}

describe('reference numbers (reference/natalizumab.md §3, typical 70 kg patient)', () => {
  it('troughs before doses 2–11 on Q4W from drug-naive', () => {
    const doses = q4w(11);
    const tr = simulateConcentrations(doses, typ(), doses.slice(1).map((d) => d.time), TIGHT);
    const ref = [10.6, 17.4, 21.1, 23.1, 24.2, 24.8, 25.2, 25.4, 25.5, 25.5];
    ref.forEach((r, i) => expectRef(tr[i], r));
    expect(tr[0]).toBeCloseTo(10.649, 2);
  });

  it('steady-state troughs Q4W–Q8W', () => {
    const s = new PkSolver(TIGHT);
    const ref: [number, number, number][] = [[4, 25.6, 1], [5, 14.6, 1], [6, 7.56, 2], [7, 3.11, 2], [8, 0.84, 2]];
    for (const [w, r, d] of ref) {
      const ss = steadyState(s, typ(), iv, 7 * w);
      expect(ss.converged).toBe(true);
      expectRef(ss.trough, r, d);
    }
  });

  it('first-dose peak 86 and steady-state peak 111 (end of infusion)', () => {
    expectRef(simulateConcentrations(q4w(1), typ(), [1 / 24], TIGHT)[0], 86, 0);
    const s = new PkSolver(TIGHT);
    const ss = steadyState(s, typ(), iv, 28);
    s.a1 = ss.state[0]; s.a2 = ss.state[1]; s.a3 = 0; s.t = 0; s.rate = 300 * 24;
    s.advance(1 / 24);
    expectRef(s.conc(), 111, 0);
  });

  it('switch from Q4W steady state to Q6W: successive troughs', () => {
    const s = new PkSolver(TIGHT);
    const ss = steadyState(s, typ(), iv, 28);
    s.a1 = ss.state[0]; s.a2 = ss.state[1]; s.a3 = 0;
    const got: number[] = [];
    for (let i = 0; i < 6; i++) { stepInterval(s, iv, 42); got.push(s.conc()); }
    [14.7, 10.4, 8.7, 8.0, 7.7, 7.6].forEach((r, i) => expectRef(got[i], r));
  });

  it('Q4W steady-state trough by weight and the interval giving a trough of 10 / 5 / 2', () => {
    const s = new PkSolver(TIGHT);
    const ssRef: [number, number][] = [[50, 37.1], [70, 25.6], [90, 18.7], [110, 14.1]];
    for (const [wt, r] of ssRef) expectRef(steadyState(s, typ(wt), iv, 28).trough, r);
    const ivRef: [number, number[]][] = [[50, [6.58, 7.58, 8.50]], [70, [5.60, 6.51, 7.38]], [90, [4.95, 5.80, 6.62]], [110, [4.48, 5.28, 6.06]]];
    for (const [wt, refs] of ivRef) {
      [10, 5, 2].forEach((target, k) => {
        let lo = 28, hi = 84;
        for (let i = 0; i < 40; i++) { const m = (lo + hi) / 2; if (steadyState(s, typ(wt), iv, m).trough >= target) lo = m; else hi = m; }
        expectRef(lo / 7, refs[k], 2);
      });
    }
  });
});

// Exact solution of the linear two-compartment model (Vmax = 0) with zero-order infusions.
function linearExact(p: PkParams, doses: { time: number; amount: number; dur: number }[], times: number[]): number[] {
  const k10 = p.cl / p.vc, k12 = p.q / p.vc, k21 = p.q / p.vp;
  const K = [[-(k10 + k12), k21], [k12, -k21]];
  const tr = K[0][0] + K[1][1], det = K[0][0] * K[1][1] - K[0][1] * K[1][0];
  const disc = Math.sqrt(tr * tr / 4 - det);
  const l1 = tr / 2 + disc, l2 = tr / 2 - disc;
  // e^{Kt} = (e^{l1 t}(K − l2 I) − e^{l2 t}(K − l1 I)) / (l1 − l2)
  const expK = (t: number) => {
    const a = Math.exp(l1 * t), b = Math.exp(l2 * t);
    return [0, 1].map((i) => [0, 1].map((j) => (a * (K[i][j] - (i === j ? l2 : 0)) - b * (K[i][j] - (i === j ? l1 : 0))) / (l1 - l2)));
  };
  // Response to a constant rate R into compartment 1 over [0, t]: K⁻¹(e^{Kt} − I)·[R, 0].
  const infResp = (t: number, R: number) => {
    const E = expK(t);
    const m = [[E[0][0] - 1, E[0][1]], [E[1][0], E[1][1] - 1]];
    const inv = [[K[1][1] / det, -K[0][1] / det], [-K[1][0] / det, K[0][0] / det]];
    const col = [m[0][0] * R, m[1][0] * R];
    return [inv[0][0] * col[0] + inv[0][1] * col[1], inv[1][0] * col[0] + inv[1][1] * col[1]];
  };
  return times.map((t) => {
    let a1 = 0;
    for (const d of doses) {
      if (d.time >= t) continue;
      const R = d.amount / d.dur;
      const on = Math.min(t - d.time, d.dur);
      const [x1, x2] = infResp(on, R);
      const E = expK(t - d.time - on);
      a1 += E[0][0] * x1 + E[0][1] * x2;
    }
    return a1 / p.vc;
  });
}

describe('solver against exact solutions', () => {
  it('Vmax = 0 matches the linear two-compartment closed form to 1e-6 relative', () => {
    const p = { ...typ(), vmax: 0 };
    const doses = [{ time: 0, amount: 300, dur: 1 / 24 }, { time: 30.2, amount: 300, dur: 2 / 24 }, { time: 61, amount: 150, dur: 0.5 }, { time: 100, amount: 300, dur: 1 / 24 }];
    const times = [0.01, 1 / 24, 0.5, 3, 10, 30.2, 30.25, 45, 61.2, 70, 99.99, 100.04, 140];
    const exact = linearExact(p, doses, times);
    const got = simulateConcentrations(doses.map((d) => ({ time: d.time, amount: d.amount, into: 'central' as const, durationDays: d.dur })), p, times, TIGHT);
    times.forEach((_, i) => expect(Math.abs(got[i] / exact[i] - 1)).toBeLessThan(1e-6));
  });

  it('one-compartment limit (Q = 0, Vmax = 0) is a mono-exponential after a bolus', () => {
    const p = { ...typ(), vmax: 0, q: 0 };
    const got = simulateConcentrations([{ time: 0, amount: 300, into: 'central', durationDays: 0 }], p, [1, 7, 28, 60], TIGHT);
    [1, 7, 28, 60].forEach((t, i) => expect(Math.abs(got[i] / (300 / 3.48 * Math.exp(-p.cl / p.vc * t)) - 1)).toBeLessThan(1e-8));
  });

  it('SC depot: first-order absorption (Q = 0, CL = 0, Vmax = 0 → amount absorbed F·D·(1 − e^{−ka t}))', () => {
    const p = { ...typ(), vmax: 0, q: 0, cl: 0 };
    const got = simulateConcentrations([{ time: 0, amount: 252, into: 'depot', durationDays: 0 }], p, [1, 6, 20], TIGHT);
    [1, 6, 20].forEach((t, i) => expect(Math.abs(got[i] / (252 * (1 - Math.exp(-0.25 * t)) / 3.48) - 1)).toBeLessThan(1e-8));
  });

  it('a sample timed exactly at a dose start is before the dose; the fast tolerance stays within 0.2 %', () => {
    const doses = q4w(3);
    const [atDose, justAfter] = simulateConcentrations(doses, typ(), [28, 28 + 1e-6], TIGHT);
    expect(atDose).toBeCloseTo(10.649, 2);
    expect(justAfter - atDose).toBeLessThan(0.01);
    const fast = simulateConcentrations(doses, typ(), [28, 56, 60], FAST);
    const tight = simulateConcentrations(doses, typ(), [28, 56, 60], TIGHT);
    fast.forEach((v, i) => expect(Math.abs(v / tight[i] - 1)).toBeLessThan(2e-3));
  });

  it('steady state agrees with simulating the interval until it settles', () => {
    const s = new PkSolver(TIGHT);
    for (const tau of [28, 42, 56]) {
      const ss = steadyState(s, typ(), iv, tau);
      s.a1 = 0; s.a2 = 0; s.a3 = 0;
      for (let i = 0; i < 60; i++) stepInterval(s, iv, tau);
      expect(Math.abs(s.conc() / ss.trough - 1)).toBeLessThan(1e-6);
    }
  });
});
