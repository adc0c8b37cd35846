import { beforeAll, describe, expect, it } from 'vitest';
import { NATALIZUMAB_SETS, idealWeeks } from '../../scripts/validate-natalizumab';
import { TrueCourse, VISITS, checkTrueCourse, draws, followPatient, historyMultiplier, loadSet, runTrial, worldFor, type TrialResult } from '../../scripts/trial-natalizumab';

const set = (name: string) => NATALIZUMAB_SETS.find((s) => s.name === name)!;

describe('the trial\'s true course (the project\'s ODE with the truth\'s parameters)', () => {
  it('gives the reference Q4W troughs of the typical 70 kg patient (shared/reference/natalizumab.md §3)', () => {
    const c = new TrueCourse({ CL: 0.164, Vc: 3.48, Vp: 3.48, Q: 0.4, Vmax: 2.86, Km: 0.875 });
    const troughs: number[] = [];
    for (let k = 0; k < 11; k++) {
      if (k > 0) troughs.push(c.concAt(k * 28));
      c.infuse(k * 28, 300, 60);
    }
    const ref = [10.6, 17.4, 21.1, 23.1, 24.2, 24.8, 25.2, 25.4, 25.5, 25.5];
    troughs.forEach((t, i) => expect(t).toBeCloseTo(ref[i], 1));
  });

  it('reproduces the well-specified truth: noise-free troughs and first_trough[4..8], no history multiplier', () => {
    const c = checkTrueCourse(set('virtual'));
    expect(c.multiplierMin).toBe(1);
    expect(c.multiplierMax).toBe(1);
    expect(c.troughs).toBeLessThan(0.002);
    expect(c.firstPlain).toBeLessThan(0.005);
  });

  it('on the misspecified set one history multiplier per patient reproduces both noise-free troughs', () => {
    const c = checkTrueCourse(set('misspec'));
    expect(c.troughs).toBeLessThan(0.002);
    expect(c.multiplierMin).toBeLessThan(0.9);
    expect(c.multiplierMax).toBeGreaterThan(1.1);
    // The truth's first_trough is from a history replayed with params.
    expect(c.firstPlain).toBeLessThan(0.005);
  });
});

describe('the trial\'s comparator arms', () => {
  const s = set('virtual');
  const { files } = loadSet(s);
  const world = worldFor(s);
  const some = files.filter((f) => !f.truth.ada).slice(0, 12);

  it('4-weekly dosing reaches the truth\'s 4-weekly steady state after a year', () => {
    for (const f of some) {
      const c = followPatient(f, 'standard', 10, world, draws(s, f.id));
      expect(c.weeks).toEqual(Array(VISITS).fill(4));
      expect(Math.abs(c.trueTroughs[VISITS - 1] / f.truth.ss_trough['4'] - 1)).toBeLessThan(0.01);
    }
  });

  it('the oracle keeps the truth\'s longest interval with a steady-state trough ≥ target and settles there', () => {
    for (const target of [10, 5]) {
      for (const f of some) {
        const c = followPatient(f, 'oracle', target, world, draws(s, f.id));
        const w = idealWeeks(f.truth, target);
        expect(c.weeks).toEqual(Array(VISITS).fill(w));
        expect(Math.abs(c.trueTroughs[VISITS - 1] / f.truth.ss_trough[String(w)] - 1)).toBeLessThan(0.02);
      }
    }
  });

  it('PDNMS: +1 week above 15 µg/mL (max 8), keep at 10–15, −1 week below 10 or censored (min 4)', () => {
    let extended = 0;
    for (const f of some) {
      const c = followPatient(f, 'pdnms', 10, world, draws(s, f.id));
      let cur = 4;
      let m = f.lastLevel!;
      for (let k = 0; k < VISITS; k++) {
        const expected = m.censored || m.value < 10 ? Math.max(4, cur - 1) : m.value > 15 ? Math.min(8, cur + 1) : cur;
        expect(c.weeks[k]).toBe(expected);
        if (expected > cur) extended++;
        cur = expected; m = c.measured[k];
      }
    }
    expect(extended).toBeGreaterThan(0);
  });

  it('measures with the model\'s log-normal error and censors below 1 µg/mL', () => {
    const logs: number[] = [];
    for (const f of files) {
      const c = followPatient(f, 'standard', 10, world, draws(s, f.id));
      c.measured.forEach((m, k) => {
        if (m.censored) expect(m.value).toBe(1);
        else { expect(m.value).toBeGreaterThanOrEqual(1); logs.push(Math.log(m.value / c.trueTroughs[k])); }
      });
    }
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    expect(logs.length).toBeGreaterThan(500);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 0.219)).toBeLessThan(0.02);
  });

  it('on the misspecified set draws a new clearance for every interval, so 4-weekly troughs vary', () => {
    const m = set('misspec');
    const mw = worldFor(m);
    expect(mw.iovOmega).toBeGreaterThan(0.1);
    const f = loadSet(m).files.find((x) => !x.truth.ada)!;
    const c = followPatient(f, 'standard', 10, mw, draws(m, f.id));
    const last = c.trueTroughs.slice(4);
    expect(Math.max(...last) / Math.min(...last)).toBeGreaterThan(1.1);
    expect(historyMultiplier(f)).toBeGreaterThan(0);
  });
});

// Issue 8: a year-long adaptive trial on the well-specified population. The engine only (the
// comparators are tested above); each target runs 590 proposals.
describe('the year-long adaptive trial on the well-specified set (engine)', () => {
  const r: Record<number, TrialResult> = {};
  beforeAll(() => {
    for (const t of [10, 5]) r[t] = runTrial(set('virtual'), t, Infinity, ['engine']);
  }, 600_000);
  it('at 10 µg/mL: ≥ 0.915 of intervals at or above target', () => { expect(r[10].arms[0].atTarget).toBeGreaterThanOrEqual(0.915); });
  // Issue 8's goals, asserted as they stand, in this harness (stricter than the issue's own: the
  // engine before the honest forecast gave 11.14 and 9.60 here against 10.65 and 9.26 there). Met
  // since troughs measured before every infusion let the next trough carry the decision
  // (the monitored rule in src/core/natalizumab/propose.ts): 10.81 and 9.32 here (0.941, 0.983).
  it('at 10 µg/mL: ≤ 10.9 infusions a year', () => { expect(r[10].arms[0].infusionsPerYear).toBeLessThanOrEqual(10.9); });
  it('at 5 µg/mL: ≥ 0.98 of intervals at or above target', () => { expect(r[5].arms[0].atTarget).toBeGreaterThanOrEqual(0.98); });
  it('at 5 µg/mL: ≤ 9.5 infusions a year', () => { expect(r[5].arms[0].infusionsPerYear).toBeLessThanOrEqual(9.5); });
  it('follows 59 patients for ten intervals each (the antibody-like one apart)', () => {
    expect(r[10].arms[0].patients).toBe(59);
    expect(r[10].arms[0].intervals).toBe(590);
    expect(r[10].adaArms[0].meanWeeks).toBe(4);
  });
});
