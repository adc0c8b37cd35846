import { describe, expect, it } from 'vitest';
import { OCRELIZUMAB_BCELL, OCRELIZUMAB_MODEL, bcellCurve, crossingWeek } from '../../../models/ocrelizumab-bcell-logistic';
import { MODELS } from '../../../models/index';
import { countQuantile, crossingQuantile, fitGrid, logPhi, probCrossedBy, rateQuantile, type CountObs } from '../../../src/core/ocrelizumab/index';
import { logNormCdf } from '../../../src/core/stats/index';

const M = OCRELIZUMAB_BCELL;

describe('ocrelizumab model as data', () => {
  it('the curve crosses θ exactly at T10, for any r and Bmax', () => {
    for (const [t10, r, bmax] of [[32, 0.09, 200], [20, 0.3, 90], [55, 0.01, 480]]) {
      expect(bcellCurve(t10, t10, r, bmax)).toBeCloseTo(10, 12);
      expect(bcellCurve(t10 - 5, t10, r, bmax)).toBeLessThan(10);
      expect(bcellCurve(t10 + 5, t10, r, bmax)).toBeGreaterThan(10);
    }
  });
  it('approaches Bmax late and is near zero early', () => {
    expect(bcellCurve(500, 32, 0.09, 200)).toBeCloseTo(200, 6);
    expect(bcellCurve(0, 32, 0.09, 200)).toBeLessThan(1);
  });
  it('crossingWeek inverts the curve for other thresholds, and is Infinity at or above Bmax', () => {
    const w = crossingWeek(20, 30, 0.1, 150);
    expect(bcellCurve(w, 30, 0.1, 150)).toBeCloseTo(20, 10);
    expect(crossingWeek(10, 30, 0.1, 150)).toBeCloseTo(30, 12);
    expect(crossingWeek(150, 30, 0.1, 150)).toBe(Infinity);
  });
  it('states every prior with its source and status, and is in the registry', () => {
    const byName = Object.fromEntries(OCRELIZUMAB_MODEL.parameters.map((p) => [p.name, p]));
    expect(byName['T10'].value).toBe(32);
    expect(byName['T10'].omega2).toBeCloseTo(0.22 ** 2, 12);
    expect(byName['r'].value).toBe(0.09);
    expect(byName['r'].omega2).toBeCloseTo(0.64, 12);
    expect(byName['observation SD'].value).toBe(0.35);
    expect(byName['Bmax'].value).toBe(200);
    for (const p of OCRELIZUMAB_MODEL.parameters) expect(p.source.length).toBeGreaterThan(10);
    expect(byName['T10'].note).toBe('derived from aggregate data, to be recalibrated');
    expect(OCRELIZUMAB_MODEL.id).toBe('ocrelizumab-bcell-logistic');
    expect(OCRELIZUMAB_MODEL.version).toBe('1.0.0');
    expect(MODELS['ocrelizumab-bcell-logistic']).toBe(OCRELIZUMAB_MODEL);
  });
});

describe('logPhi (hot-loop normal log-CDF)', () => {
  it('matches the stats module to 1e-6 relative over the range used', () => {
    for (const z of [-40, -12, -6, -3, -1, 0, 0.5, 2, 5, 8]) {
      const ref = logNormCdf(z);
      expect(Math.abs(logPhi(z) - ref)).toBeLessThan(1e-6 * Math.max(1, Math.abs(ref)));
    }
  });
});

/** Independent brute-force posterior: linear T10 grid (with the log-normal Jacobian), fine ln r grid. */
function bruteForce(obs: CountObs[], bmax: number) {
  const ts: number[] = [], ws: number[] = [];
  const mT = Math.log(M.t10Median), mR = Math.log(M.rMedian);
  const rs: number[] = [];
  for (let lr = mR - 4 * M.rLogSd; lr <= mR + 4 * M.rLogSd; lr += 0.04) rs.push(lr);
  for (let T = 8; T <= 110; T += 0.025) {
    let w = 0;
    const priorT = -0.5 * ((Math.log(T) - mT) / M.t10LogSd) ** 2 - Math.log(T);
    for (const lr of rs) {
      const r = Math.exp(lr);
      let ll = priorT - 0.5 * ((lr - mR) / M.rLogSd) ** 2;
      for (const o of obs) {
        const mu = Math.log(bcellCurve(o.t, T, r, bmax) + 1);
        const z = (Math.log(o.value + 1) - mu) / M.obsSd;
        ll += o.censored ? logNormCdf(z) : -0.5 * z * z;
      }
      w += Math.exp(ll + 60);
    }
    ts.push(T); ws.push(w);
  }
  const tot = ws.reduce((a, b) => a + b, 0);
  const cdf = (x: number) => { let c = 0; for (let i = 0; i < ts.length; i++) if (ts[i] <= x) c += ws[i]; return c / tot; };
  const quant = (q: number) => { let c = 0; for (let i = 0; i < ts.length; i++) { c += ws[i] / tot; if (c >= q) return ts[i]; } return Infinity; };
  return { cdf, quant };
}

describe('grid posterior', () => {
  const cases: { name: string; obs: CountObs[] }[] = [
    { name: 'no counts (prior)', obs: [] },
    { name: 'one count of 5 at week 24', obs: [{ t: 24, value: 5, censored: false }] },
    { name: 'counts 2, 6 and <1', obs: [{ t: 20, value: 1, censored: true }, { t: 24, value: 2, censored: false }, { t: 28, value: 6, censored: false }] },
  ];
  for (const c of cases) {
    it(`agrees with a brute-force integration: ${c.name}`, () => {
      const p = fitGrid({ current: c.obs, previous: [], bmax: 200 });
      const bf = bruteForce(c.obs, 200);
      for (const q of [0.1, 0.5, 0.9]) expect(Math.abs(crossingQuantile(p, 10, q) - bf.quant(q))).toBeLessThan(0.15);
      for (const w of [26, 30, 34, 40]) expect(Math.abs(probCrossedBy(p, 10, w) - bf.cdf(w))).toBeLessThan(0.005);
    });
  }

  it('with no counts, reproduces the prior: median crossing 32 weeks, 80 % interval 32·exp(±1.2816·0.22)', () => {
    const p = fitGrid({ current: [], previous: [], bmax: 200 });
    expect(crossingQuantile(p, 10, 0.5)).toBeCloseTo(32, 1);
    expect(crossingQuantile(p, 10, 0.1)).toBeCloseTo(32 * Math.exp(-1.2816 * 0.22), 1);
    expect(crossingQuantile(p, 10, 0.9)).toBeCloseTo(32 * Math.exp(1.2816 * 0.22), 1);
    expect(rateQuantile(p, 0.5)).toBeCloseTo(0.09, 2);
  });

  it('the median count at the median crossing is the threshold (P(count ≥ θ by t) = P(crossing ≤ t))', () => {
    const p = fitGrid({ current: [{ t: 24, value: 4, censored: false }], previous: [], bmax: 200 });
    const q50 = crossingQuantile(p, 10, 0.5);
    expect(countQuantile(p, q50, 0.5)).toBeCloseTo(10, 1);
    expect(probCrossedBy(p, 10, q50)).toBeCloseTo(0.5, 3);
  });

  it('a higher threshold is crossed later; one at or above Bmax never', () => {
    const p = fitGrid({ current: [{ t: 24, value: 4, censored: false }], previous: [], bmax: 200 });
    expect(crossingQuantile(p, 20, 0.5)).toBeGreaterThan(crossingQuantile(p, 10, 0.5) + 2);
    expect(crossingQuantile(p, 200, 0.5)).toBe(Infinity);
    expect(probCrossedBy(p, 250, 100)).toBe(0);
  });

  it('censoring: "<1" means below 1 (later crossing than an exact 1), "<20" at week 24 says little', () => {
    const exact = fitGrid({ current: [{ t: 24, value: 1, censored: false }], previous: [], bmax: 200 });
    const below = fitGrid({ current: [{ t: 24, value: 1, censored: true }], previous: [], bmax: 200 });
    const vague = fitGrid({ current: [{ t: 24, value: 20, censored: true }], previous: [], bmax: 200 });
    const prior = fitGrid({ current: [], previous: [], bmax: 200 });
    expect(crossingQuantile(below, 10, 0.5)).toBeGreaterThan(crossingQuantile(exact, 10, 0.5) + 0.3);
    expect(Math.abs(crossingQuantile(vague, 10, 0.5) - crossingQuantile(prior, 10, 0.5))).toBeLessThan(1);
    // The censored count is never taken as 1: the exact 1 constrains the curve from both sides.
    const width = (p: typeof exact) => crossingQuantile(p, 10, 0.9) - crossingQuantile(p, 10, 0.1);
    expect(width(below)).toBeGreaterThan(width(exact));
  });

  it('previous-cycle counts narrow the interval, and count less than the current cycle\'s own', () => {
    const prev: CountObs[] = [{ t: 20, value: 4, censored: false }, { t: 25, value: 8, censored: false }];
    const cur: CountObs[] = [{ t: 24, value: 5, censored: false }];
    const width = (p: ReturnType<typeof fitGrid>) => crossingQuantile(p, 10, 0.9) - crossingQuantile(p, 10, 0.1);
    const without = fitGrid({ current: cur, previous: [], bmax: 200 });
    const withPrev = fitGrid({ current: cur, previous: prev, bmax: 200 });
    const asCurrent = fitGrid({ current: [...cur, ...prev], previous: [], bmax: 200 });
    expect(width(withPrev)).toBeLessThan(width(without) - 0.5);
    expect(width(asCurrent)).toBeLessThan(width(withPrev));
    // With no cycle-to-cycle variability the previous counts count as the current ones.
    const same = fitGrid({ current: cur, previous: prev, bmax: 200, cycleLogT10Sd: 0, cycleLogRSd: 0 });
    expect(Math.abs(crossingQuantile(same, 10, 0.5) - crossingQuantile(asCurrent, 10, 0.5))).toBeLessThan(0.2);
  });

  it('is deterministic', () => {
    const obs: CountObs[] = [{ t: 24, value: 3, censored: false }];
    const a = fitGrid({ current: obs, previous: obs, bmax: 180 }), b = fitGrid({ current: obs, previous: obs, bmax: 180 });
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
  });
});
