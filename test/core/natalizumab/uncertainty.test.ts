/**
 * The honest predictive distribution: each extra term against its closed form, and its effect on
 * a forecast checked against the engine run without it.
 */
import { describe, expect, it } from 'vitest';
import { drawForecastTerms, forecastIov, futureClShift, futureClShrink, futureClSd, misfitScale, widen } from '../../../src/core/natalizumab/uncertainty';
import { inv, multiply, subtract, matrix, type Matrix } from 'mathjs';
import { createRng } from '../../../src/core/random';
import { proposeNatalizumab } from '../../../src/core/natalizumab/index';
import { predictNatalizumab } from '../../../src/core/natalizumab/predict';
import { NATALIZUMAB_FORECAST_UNCERTAINTY as U } from '../../../models/natalizumab-forecast-uncertainty';
import { NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';
import { simulatePatient } from './helpers';
import type { PatientRecord } from '../../../src/core/types';

const sd = (x: ArrayLike<number>) => { const a = Array.from(x); const m = a.reduce((s, v) => s + v, 0) / a.length; return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / (a.length - 1)); };

describe('misfit scale', () => {
  const v0 = U.misfitPriorDf;
  it('is the conjugate update sqrt((ν0 + Σz²)/(ν0 + n)) with the model file\'s ν0', () => {
    expect(misfitScale([3, 3])).toBeCloseTo(Math.sqrt((v0 + 18) / (v0 + 2)), 12);
    expect(misfitScale([2, -1, 0.5])).toBeCloseTo(Math.sqrt((v0 + 4 + 1 + 0.25) / (v0 + 3)), 12);
  });
  it('never narrows, ignores censored (NaN) residuals, and stops at its cap', () => {
    expect(misfitScale([0.1, -0.2])).toBe(1);
    expect(misfitScale([NaN, 3, 3])).toBeCloseTo(Math.sqrt((v0 + 18) / (v0 + 2)), 12);
    expect(misfitScale([50, 50])).toBe(U.misfitMax);
  });
});

describe('widen', () => {
  it('scales the log deviation from the MAP value and multiplies by the laboratory bias', () => {
    expect(widen(20, 10, 1.5, 0)).toBeCloseTo(10 * 2 ** 1.5, 10);
    expect(widen(5, 10, 2, Math.log(1.1))).toBeCloseTo(10 * 0.25 * 1.1, 10);
    expect(widen(10, 10, 3, 0)).toBe(10);
  });
});

describe('forecast terms', () => {
  const t = drawForecastTerms(1, 20000);
  it('have the model file\'s spreads (IOV, laboratory bias) and Km within its truncated normal', () => {
    // κ: the future occasion's own draw plus the conditional spread of η given the history's η + κ.
    const w2 = M.omega2[0], v2 = U.iovCl ** 2;
    const want = Math.sqrt(v2 + (w2 * v2) / (w2 + v2));
    expect(sd(t.kappa)).toBeGreaterThan(want * 0.97);
    expect(sd(t.kappa)).toBeLessThan(want * 1.03);
    expect(t.shrink).toBeCloseTo(w2 / (w2 + v2), 12);
    expect(sd(t.bias)).toBeGreaterThan(U.labBias * 0.97);
    expect(sd(t.bias)).toBeLessThan(U.labBias * 1.03);
    expect(Math.min(...t.km)).toBeGreaterThanOrEqual(U.kmFloor);
    const meanKm = t.km.reduce((s, v) => s + v, 0) / t.km.length;
    expect(Math.abs(meanKm - M.km)).toBeLessThan(0.02); // truncation at 0.05 moves the mean by < 0.01
  });
  it('are the same for the same seed (whatever the patient: common random numbers) and differ between seeds', () => {
    expect(Array.from(drawForecastTerms(1, 5).kappa)).toEqual(Array.from(t.kappa.subarray(0, 5)));
    expect(Array.from(drawForecastTerms(2, 5).kappa)).not.toEqual(Array.from(t.kappa.subarray(0, 5)));
  });
});

describe('inter-occasion variability (Karlsson & Sheiner): the future clearance given the history', () => {
  // Oracle: Gaussian conditioning with mathjs. (η, η + κ_history) is normal with covariance
  // [[ω², ω²], [ω², ω² + ω_IOV²/m]] (m occasions average κ); E[η | a] = Σ12 Σ22⁻¹ a and
  // Var[η | a] = Σ11 − Σ12 Σ22⁻¹ Σ21; the future log CL deviation is η + κ_future.
  const w2 = M.omega2[0];
  const oracle = (iov: number, m: number) => {
    const S22 = matrix([[w2 + (iov * iov) / m]]);
    const k = (multiply(matrix([[w2]]), inv(S22)) as Matrix).get([0, 0]);
    const condVar = (subtract(matrix([[w2]]), multiply(multiply(matrix([[w2]]), inv(S22)), matrix([[w2]]))) as Matrix).get([0, 0]);
    return { shrink: k, sd: Math.sqrt(condVar + iov * iov) };
  };
  it.each([[0.15, 1], [0.15, 4], [0.08, 1], [0.3, 2]])('ω_IOV %f over %i occasion(s): shrink and spread equal the conditional normal', (iov, m) => {
    const o = oracle(iov, m);
    expect(futureClShrink(iov, m)).toBeCloseTo(o.shrink, 12);
    expect(futureClSd(iov, m)).toBeCloseTo(o.sd, 12);
  });
  it('simulated patients: the future log CL given the history has the stated mean and spread', () => {
    // Draw η, κ_history, κ_future; among patients whose history shows a ≈ 0.3, the future
    // deviation η + κ_future has mean shrink·0.3 and SD futureClSd.
    const rng = createRng(7), iov = U.iovCl, fut: number[] = [];
    for (let i = 0; i < 400000; i++) {
      const eta = Math.sqrt(w2) * rng.normal();
      const a = eta + iov * rng.normal();
      if (Math.abs(a - 0.3) < 0.01) fut.push(eta + iov * rng.normal());
    }
    const mean = fut.reduce((x, y) => x + y, 0) / fut.length;
    expect(fut.length).toBeGreaterThan(1000);
    expect(mean).toBeCloseTo(futureClShrink(iov) * 0.3, 2);
    expect(sd(fut) / futureClSd(iov)).toBeGreaterThan(0.95);
    expect(sd(fut) / futureClSd(iov)).toBeLessThan(1.05);
  });
  it('a draw\'s future CL keeps the shrunk share of its η: shift = (shrink − 1)·η + κ', () => {
    const t = drawForecastTerms(3, 4);
    expect(futureClShift(0.4, t, 2)).toBeCloseTo((t.shrink - 1) * 0.4 + t.kappa[2], 14);
    expect(futureClShift(0, t, 2)).toBe(t.kappa[2]);
  });
  it('monitored patients: the patient\'s own IOV after m agreeing occasions, the history averaged over them', () => {
    expect(forecastIov({ monitored: false, troughs: 5 })).toEqual({ iov: U.iovCl, occasions: 1 });
    const m = forecastIov({ monitored: true, troughs: 4 });
    expect(m.iov).toBeCloseTo(U.iovCl * Math.sqrt(U.iovPriorDf / (U.iovPriorDf + 4)), 14);
    expect(m.occasions).toBe(4);
    expect(U.iovCl).toBe(0.15);
    expect(U.iovPriorDf).toBe(2);
  });
});

describe('the forecast', () => {
  const sim = simulatePatient('NAT-U1', [0.1, 0, 0], 72, { noise: 0 });
  const asOf = sim.patient.doses[sim.patient.doses.length - 1].time + 0.5;
  it('is wider than the model\'s own posterior (IOV, Km, bias) while the MAP value stays the published model\'s', () => {
    const honest = proposeNatalizumab(sim.patient, asOf, { curves: false });
    const saved = { ...U };
    const u = U as unknown as Record<string, number>;
    try {
      u.iovCl = 0; u.labBias = 0; u.kmSe = 1e-9;
      const bare = proposeNatalizumab(sim.patient, asOf, { curves: false });
      for (let i = 0; i < honest.alternatives.length; i++) {
        const h = honest.alternatives[i], b = bare.alternatives[i];
        expect(h.ssTrough.value).toBeCloseTo(b.ssTrough.value, 10);
        expect(h.ssTrough.high / h.ssTrough.low).toBeGreaterThan(b.ssTrough.high / b.ssTrough.low);
      }
    } finally { Object.assign(u, saved); }
  });
  it('a trough given as capillary gives an interval at least as wide as the same trough given as venous (another id: same draws)', () => {
    const cap: PatientRecord = { ...sim.patient, id: 'NAT-U1-capillary', levels: sim.patient.levels.map((l) => ({ ...l, sample: 'capillary' as const })) };
    const v = proposeNatalizumab(sim.patient, asOf, { curves: false });
    const c = proposeNatalizumab(cap, asOf, { curves: false });
    for (let i = 0; i < v.alternatives.length; i++) {
      const wv = v.alternatives[i].ssTrough.high - v.alternatives[i].ssTrough.low;
      const wc = c.alternatives[i].ssTrough.high - c.alternatives[i].ssTrough.low;
      expect(wc).toBeGreaterThanOrEqual(wv);
      const nv = v.alternatives[i].nextTrough.high - v.alternatives[i].nextTrough.low;
      const nc = c.alternatives[i].nextTrough.high - c.alternatives[i].nextTrough.low;
      expect(nc).toBeGreaterThanOrEqual(nv);
    }
    // The capillary bias (−0.36 µg/mL) is corrected: the same measured troughs mean a higher true level.
    expect(c.alternatives[0].ssTrough.value).toBeGreaterThan(v.alternatives[0].ssTrough.value);
  });
  it('a clearance far from the typical one in the past is expected partly back toward it (the forecast median moves from the MAP toward the population)', () => {
    const median = (r: ReturnType<typeof proposeNatalizumab>, w: number) => r.alternatives.find((a) => a.weeks === w)!.ssQuantiles[4];
    const at = (eta: number) => {
      const p = simulatePatient(`NAT-IOV${eta}`, [eta, 0, 0], 72, { noise: 0 });
      const r = proposeNatalizumab(p.patient, p.patient.doses[p.patient.doses.length - 1].time + 0.5, { curves: false });
      const o = r.alternatives.find((a) => a.weeks === 6)!;
      return { r, value: o.ssTrough.value, med: median(r, 6) };
    };
    const low = at(-0.45), high = at(0.3);
    // The forecast's spread alone skews the median above the MAP value at 6 weeks (without the pull:
    // 19.0 vs 17.6 and 2.3 vs 1.9, i.e. +8 % and +19 %). With it: low past clearance (high troughs),
    // the future clearance is expected higher, so the median falls below the MAP value;
    expect(low.med).toBeLessThan(low.value * 0.95);
    // high past clearance: expected lower, so the median rises well above it.
    expect(high.med).toBeGreaterThan(high.value * 1.3);
  });
  it('predict keeps the MAP value and gives the honest interval after the last dose', () => {
    const last = sim.patient.doses[sim.patient.doses.length - 1].time;
    const [p6] = predictNatalizumab(sim.patient, asOf, [last + 42]);
    const r = proposeNatalizumab(sim.patient, asOf, { curves: false });
    const o6 = r.alternatives.find((a) => a.weeks === 6)!;
    expect(p6.value).toBeCloseTo(o6.nextTrough.value, 2);
    // The same draws and terms: the same 80 % interval as the proposal's next trough at 6 weeks.
    expect(p6.low).toBeCloseTo(o6.nextTrough.low, 1);
    expect(p6.high).toBeCloseTo(o6.nextTrough.high, 1);
  });
});
