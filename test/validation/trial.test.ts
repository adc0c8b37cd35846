import { beforeAll, describe, expect, it } from 'vitest';
import { measuredTrough, runCalibratedTrial, yardsticks } from '../../scripts/trial-calibrated';
import { NATALIZUMAB_SETS, idealWeeks } from '../../scripts/validate-natalizumab';
import { IOV_WORLD_OMEGA, TrueCourse, VISITS, checkTrueCourse, draws, followPatient, historyMultiplier, iovWorld, loadSet, missedGoals, runTrial, scoreArm, worldFor, worldsFor, type PatientCourse, type TrialResult } from '../../scripts/trial-natalizumab';

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

// Issue 17, item 7: the inter-occasion world beside the model world, infusions counted per patient.
describe('the trial\'s worlds and counts (issue 17)', () => {
  const s = set('virtual');
  it('runs the well-specified set in the model world and in the inter-occasion world (log-SD 0.15 per interval), the misspecified set in its own', () => {
    expect(worldsFor(s).map((x) => [x.name, x.world.iovOmega])).toEqual([['model', 0], ['iov', 0.15]]);
    expect(IOV_WORLD_OMEGA).toBe(0.15);
    expect(iovWorld()).toMatchObject({ bias: 0, sigma: 0.219, iovOmega: 0.15 });
    expect(worldsFor(set('misspec')).map((x) => x.name)).toEqual(['misspec']);
  });

  it('in the inter-occasion world 4-weekly troughs vary from interval to interval with about the stated spread; in the model world they settle', () => {
    const ratios: number[] = [];
    for (const f of loadSet(s).files.filter((x) => !x.truth.ada).slice(0, 20)) {
      const d = draws(s, f.id);
      const model = followPatient(f, 'standard', 10, worldFor(s), d).trueTroughs.slice(6);
      const iov = followPatient(f, 'standard', 10, iovWorld(), d).trueTroughs.slice(6);
      expect(Math.max(...model) / Math.min(...model)).toBeLessThan(1.02);
      iov.forEach((t, k) => ratios.push(Math.log(t / model[k])));
    }
    // The trough integrates the clearance of the interval and those before: its log-SD is of the
    // order of the per-interval 0.15 (below it, and well above nothing).
    const m = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((a, b) => a + (b - m) ** 2, 0) / (ratios.length - 1));
    expect(sd).toBeGreaterThan(0.08);
    expect(sd).toBeLessThan(0.3);
  });

  it('counts infusions a year per patient (each patient\'s own rate, averaged) beside the pooled rate, and the next-trough coverage', () => {
    const course = (weeks: number, inside: boolean[] = []): PatientCourse => ({ id: `P${weeks}`, ada: false, weeks: Array(10).fill(weeks), trueTroughs: Array(10).fill(20), measured: [], inside80: inside });
    const a = scoreArm('engine', [course(4, Array(10).fill(true)), course(8, [...Array(6).fill(true), ...Array(4).fill(false)])], 10);
    // 365.25/28 and 365.25/56 averaged; pooled 365.25 · 20 / (280 + 560) days.
    expect(a.infusionsPerYear).toBeCloseTo((365.25 / 28 + 365.25 / 56) / 2, 10);
    expect(a.pooledInfusionsPerYear).toBeCloseTo(365.25 * 20 / 840, 10);
    expect(a.nextTroughCoverage).toBe(16 / 20);
    expect(scoreArm('standard', [course(4)], 10).nextTroughCoverage).toBeNull();
    // Issue 17's goals, per world: both sides of each.
    expect(missedGoals('model', { atTarget: 0.915, infusionsPerYear: 10.6, nextTroughCoverage: 0.75 }, 10)).toEqual([]);
    expect(missedGoals('model', { atTarget: 0.914, infusionsPerYear: 10.61, nextTroughCoverage: 0.881 }, 10)).toHaveLength(3);
    expect(missedGoals('iov', { atTarget: 0.97, infusionsPerYear: 10.0, nextTroughCoverage: 0.88 }, 5)).toEqual([]);
    expect(missedGoals('iov', { atTarget: 0.969, infusionsPerYear: 10.01, nextTroughCoverage: 0.749 }, 5)).toHaveLength(3);
  });
});

describe('the calibrated trial\'s yardsticks (scripts/trial-calibrated.ts)', () => {
  it('counts the misses of extended intervals only, the 4-weekly share and the oracle\'s rate per patient', () => {
    const y = yardsticks([
      { weeks: [4, 6, 6], trueTroughs: [9, 9.99, 10], oracleWeeks: 5, standardTroughs: [12, 12, 9] },
      { weeks: [8, 8, 8], trueTroughs: [10.01, 9.5, 30], oracleWeeks: 8, standardTroughs: [10, 10, 10] },
    ], 10);
    // Below 10: 9 at 4 weeks (not an extension's), 9.99 at 6 weeks, 9.5 at 8 weeks; 10 is at target.
    expect(y.extensionMisses).toBe(2);
    expect(y.standardAtTarget).toBe(5 / 6);
    expect(y.oracleInfusionsPerYear).toBeCloseTo((365.25 / 35 + 365.25 / 56) / 2, 10);
  });

  it('measures troughs with the log-normal assay error or the model\'s own proportional one (--assay)', () => {
    const w = { bias: 0, sigma: 0.219, iovOmega: 0, note: '' };
    // Log-normal: 10·e^(0.219·z); proportional: 10·(1 + 0.219·z), the published σ (models/natalizumab-vandenberg-2025.ts).
    expect(measuredTrough(10, 1, w, 'lognormal')).toBeCloseTo(10 * Math.exp(0.219), 12);
    expect(measuredTrough(10, 1, w, 'proportional')).toBeCloseTo(12.19, 12);
    expect(measuredTrough(10, -2, w, 'proportional')).toBeCloseTo(5.62, 12);
    // Far in the lower tail a proportional error goes below zero (reported under the limit); a log-normal one never does.
    expect(measuredTrough(10, -5, w, 'proportional')).toBeLessThan(0);
    expect(measuredTrough(10, -5, w, 'lognormal')).toBeGreaterThan(0);
    // A world's bias is a factor on both.
    expect(measuredTrough(10, 0, { ...w, bias: Math.log(1.1) }, 'proportional')).toBeCloseTo(11, 12);
    // The same patients and draws: the true troughs of the 4-weekly arm are the same whatever the assay.
    const l = runCalibratedTrial('model', 10, false, 2, 0, 'lognormal'), pr = runCalibratedTrial('model', 10, false, 2, 0, 'proportional');
    expect(pr.assay).toBe('proportional');
    expect(pr.standardAtTarget).toBe(l.standardAtTarget);
    expect(pr.histories).not.toBe(l.histories);
  }, 60_000);

  it('follows each patient\'s 4-weekly arm as the plain trial does (same draws, same true troughs)', () => {
    const s = set('virtual');
    const files = loadSet(s).files.filter((f) => !f.truth.ada).slice(0, 3);
    for (const [world, w] of [['model', worldFor(s)], ['iov', iovWorld()]] as const) {
      const r = runCalibratedTrial(world, 10, false, 3, 0);
      const plain = files.map((f) => followPatient(f, 'standard', 10, w, draws(s, f.id)).trueTroughs).flat();
      expect(r.standardAtTarget).toBe(plain.filter((t) => t >= 10).length / plain.length);
      expect(r.extensionMisses).toBeLessThanOrEqual(r.below);
      expect(r.rounds).toEqual([]);
    }
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
  it('at 10 µg/mL: ≤ 10.9 infusions a year (issue 8\'s pooled count)', () => { expect(r[10].arms[0].pooledInfusionsPerYear).toBeLessThanOrEqual(10.9); });
  it('at 5 µg/mL: ≥ 0.98 of intervals at or above target', () => { expect(r[5].arms[0].atTarget).toBeGreaterThanOrEqual(0.98); });
  it('at 5 µg/mL: ≤ 9.5 infusions a year (issue 8\'s pooled count)', () => { expect(r[5].arms[0].pooledInfusionsPerYear).toBeLessThanOrEqual(9.5); });
  // Issue 17: per patient (11.15 and 9.68 here) and the next trough's 80 % interval (0.908, 0.917:
  // wider than needed in the model world, which the clinic's calibration is for).
  it('reports infusions per patient and the next-trough coverage of the engine', () => {
    for (const t of [10, 5]) {
      const a = r[t].arms[0];
      expect(a.infusionsPerYear).toBeGreaterThanOrEqual(a.pooledInfusionsPerYear);
      expect(a.nextTroughCoverage).toBeGreaterThanOrEqual(0.8);
      expect(a.nextTroughCoverage).toBeLessThanOrEqual(1);
    }
  });
  it('follows 59 patients for ten intervals each (the antibody-like one apart)', () => {
    expect(r[10].arms[0].patients).toBe(59);
    expect(r[10].arms[0].intervals).toBe(590);
    expect(r[10].adaArms[0].meanWeeks).toBe(4);
  });
});
