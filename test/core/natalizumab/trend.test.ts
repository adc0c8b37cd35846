/**
 * Natalizumab's model-free trough trend: which troughs count (stable interval, censored left
 * out), the falling flag on steadily falling patients (kept at 4 weeks by the engine) and never on
 * steady troughs with the model's 21.9 % proportional noise (seeded simulation), and no flag while
 * troughs settle after an interval change.
 */
import { describe, expect, it } from 'vitest';
import type { DoseEvent, Observation, PatientRecord } from '../../../src/core/types';
import { troughTrend, troughsBeforeDoses, TREND_FALL_PERCENT } from '../../../src/core/natalizumab/trend';
import { proposeNatalizumab } from '../../../src/core/natalizumab/index';
import { individualParams, toPkDose } from '../../../src/core/natalizumab/patient';
import { PkSolver, TIGHT, compileTimeline, runTimeline } from '../../../src/core/pk/index';
import { proposeLine } from '../../../src/core/report/cli-line';
import { createRng } from '../../../src/core/random';
import { NATALIZUMAB_PK } from '../../../models/natalizumab-vandenberg-2025';
import { dose, level, weight, T0 } from './helpers';

const SIGMA = NATALIZUMAB_PK.sigmaProp;
const MIN15 = 15 / 1440;

/** Doses every `weeks` (one list per run), a trough 15 min before each dose from index `firstTrough` on. */
function record(runs: { weeks: number; n: number }[], troughs: (i: number) => number | null): { doses: DoseEvent[]; levels: Observation[] } {
  const doses: DoseEvent[] = [];
  let t = T0;
  for (const r of runs) for (let i = 0; i < r.n; i++) { doses.push(dose(t)); t += 7 * r.weeks; }
  const levels: Observation[] = [];
  doses.forEach((d, i) => { const v = troughs(i); if (v !== null) levels.push(level(d.time - MIN15, v)); });
  return { doses, levels };
}

describe('which troughs count', () => {
  it('a trough is drawn just before a dose, or is the latest one at a whole number of weeks with the dose not given yet', () => {
    const { doses, levels } = record([{ weeks: 4, n: 6 }], (i) => (i >= 2 ? 20 : null));
    levels.push(level(doses[3].time + 10, 50)); // a peak-ish level mid-interval: not a trough
    levels.sort((a, b) => a.time - b.time);
    expect(troughsBeforeDoses(levels, doses).map((t) => t.k)).toEqual([2, 3, 4, 5]);
    // Planned on the day of a trough, before that day's dose is entered: it still counts.
    const last = level(doses[5].time + 28 - MIN15, 18);
    expect(troughsBeforeDoses([...levels, last], doses).map((t) => t.k)).toEqual([2, 3, 4, 5, 6]);
    // Two levels before one dose (a repeat): the later one counts, once.
    const repeat = [...levels, level(doses[4].time - 0.5, 21)].sort((a, b) => a.time - b.time);
    const tr = troughsBeforeDoses(repeat, doses);
    expect(tr.map((t) => t.k)).toEqual([2, 3, 4, 5]);
    expect(tr[2].obs.time).toBe(doses[4].time - MIN15);
    // Drawn 2.5 weeks after the dose (not a whole number of weeks) it does not.
    expect(troughsBeforeDoses([...levels, level(doses[5].time + 17.5, 18)], doses).map((t) => t.k)).toEqual([2, 3, 4, 5]);
  });

  it('uses only troughs whose interval and the one before it have the same length, from the latest run', () => {
    // 4 × 4-weekly, then 6-weekly: troughs before every dose from the 2nd on.
    const { doses, levels } = record([{ weeks: 4, n: 5 }, { weeks: 6, n: 6 }], (i) => (i >= 1 ? 30 - i : null));
    const tr = troughTrend(levels, doses, SIGMA)!;
    expect(tr.intervalWeeks).toBe(6);
    // Intervals 0→1 … 4→5 are 4 weeks, 5→6 … 9→10 are 6: the troughs before doses 7–10 end two
    // 6-week intervals; the one before dose 6 ends the first (still settling).
    expect(tr.troughs.map((t) => t.value)).toEqual([23, 22, 21, 20]);
    // Only two troughs since the change: no trend.
    const short = record([{ weeks: 4, n: 8 }, { weeks: 6, n: 3 }], (i) => (i >= 1 ? 25 : null));
    expect(troughTrend(short.levels, short.doses, SIGMA)).toBeNull();
  });

  it('leaves censored troughs out (and counts them), and needs three', () => {
    const { doses, levels } = record([{ weeks: 4, n: 8 }], (i) => (i >= 3 ? 20 + i : null));
    levels[1] = { ...levels[1], censored: true, value: 40, raw: '<40' };
    const tr = troughTrend(levels, doses, SIGMA)!;
    expect(tr.troughs).toHaveLength(4);
    expect(tr.troughs.map((t) => t.value)).not.toContain(40);
    expect(tr.censoredLeftOut).toBe(1);
    expect(troughTrend(levels.slice(0, 3), doses.slice(0, 6), SIGMA)).toBeNull();
  });
});

describe('falling flag', () => {
  const falling = (c0: number, perMonth: number, n: number, weeks = 4) => {
    const k = Math.log1p(perMonth / 100) / (365.25 / 12);
    return record([{ weeks, n: n + 2 }], (i) => (i >= 2 ? c0 * Math.exp(k * (i - 2) * 7 * weeks) : null));
  };

  it('flags a steady fall of 30 % a month from 4 troughs on, and reports it as measured', () => {
    for (const n of [4, 5, 6, 8]) {
      const { doses, levels } = falling(40, -30, n);
      const tr = troughTrend(levels, doses, SIGMA)!;
      expect(tr.percentPerMonth).toBeCloseTo(-30, 8);
      expect(tr.falling, `n = ${n}`).toBe(true);
      expect(tr.high).toBeLessThanOrEqual(-TREND_FALL_PERCENT);
      expect(tr.distributionFree).toBe(true);
      // The drawn line passes through the (exactly exponential) troughs.
      expect(tr.line[0].value).toBeCloseTo(40, 6);
      expect(tr.line[tr.line.length - 1].value).toBeCloseTo(tr.troughs[n - 1].value, 6);
    }
    // Three troughs: a trend with an interval, but no flag (no distribution-free interval yet).
    const three = falling(40, -30, 3);
    const t3 = troughTrend(three.levels, three.doses, SIGMA)!;
    expect(t3.falling).toBe(false);
    expect(t3.distributionFree).toBe(false);
  });

  it('does not flag a slow fall (5 % a month, weight gain) however many troughs', () => {
    const { doses, levels } = falling(30, -5, 8);
    const tr = troughTrend(levels, doses, SIGMA)!;
    expect(tr.percentPerMonth).toBeCloseTo(-5, 8);
    expect(tr.falling).toBe(false);
  });

  it('never flags steady troughs with 21.9 % proportional noise (4000 seeded patients, 3–10 troughs, 4–8 weeks)', () => {
    const rng = createRng(8);
    let flagged = 0, trends = 0;
    for (let p = 0; p < 4000; p++) {
      const weeks = 4 + Math.floor(rng.uniform() * 5);
      const n = 3 + (p % 8);
      const c = 5 + 55 * rng.uniform();
      const doses: DoseEvent[] = [];
      const levels: Observation[] = [];
      let t = T0;
      for (let i = 0; i < n + 2; i++) {
        // Doses up to a day late or early; troughs 0–2 h before the dose.
        const d = t + (rng.uniform() - 0.5) * 2;
        if (i >= 2) {
          const v = c * (1 + SIGMA * rng.normal());
          levels.push(v < 1 ? level(d - rng.uniform() / 12, 1, true) : level(d - rng.uniform() / 12, Math.round(v * 10) / 10));
        }
        doses.push(dose(d));
        t += 7 * weeks;
      }
      const tr = troughTrend(levels, doses, SIGMA);
      if (tr) trends++;
      if (tr?.falling) flagged++;
    }
    expect(trends).toBeGreaterThan(3900);
    expect(flagged).toBe(0);
  });

  it('rarely flags the worst case, 4 steady troughs (at most 0.1 % of 20000), and catches most noisy falls of 35 % a month', () => {
    const rng = createRng(44);
    const run = (perMonth: number, n: number, trials: number) => {
      let f = 0;
      const k = Math.log1p(perMonth / 100) / (365.25 / 12);
      for (let p = 0; p < trials; p++) {
        const c = 10 + 30 * rng.uniform();
        const { doses, levels } = record([{ weeks: 4, n: n + 2 }], (i) => (i >= 2 ? Math.max(0.1, c * Math.exp(k * (i - 2) * 28) * (1 + SIGMA * rng.normal())) : null));
        if (troughTrend(levels, doses, SIGMA)?.falling) f++;
      }
      return f / trials;
    };
    expect(run(0, 4, 20000)).toBeLessThanOrEqual(0.001);
    expect(run(-35, 8, 500)).toBeGreaterThan(0.9);
    expect(run(-35, 6, 500)).toBeGreaterThan(0.6);
  });

  it('does not flag the settling of troughs after an extension (typical and extreme patients, 5–8 weeks)', () => {
    const solver = new PkSolver(TIGHT);
    for (const eta of [-0.6, 0, 0.5]) for (const kg of [50, 70, 110]) for (const W of [5, 6, 7, 8]) {
      const { doses } = record([{ weeks: 4, n: 12 }, { weeks: W, n: 8 }], () => null);
      const times = doses.slice(12).map((d) => d.time - MIN15);
      const out = new Float64Array(times.length);
      runTimeline(solver, compileTimeline(doses.map(toPkDose), times), [individualParams(kg, [eta, 0, 0])], out, TIGHT);
      const levels = times.map((t, i) => level(t, Math.max(0.05, out[i])));
      const tr = troughTrend(levels, doses, SIGMA)!;
      expect(tr.troughs.length).toBe(6);
      expect(tr.falling, `η ${eta}, ${kg} kg, ${W} weeks`).toBe(false);
    }
  });
});

describe('in the proposal', () => {
  /** Troughs 80 · 0.78^k before the last 6 of 19 four-weekly doses, 60 kg (test/app/.../rare-sentences.csv R-TREND). */
  function fallingPatient(): PatientRecord {
    const { doses, levels } = record([{ weeks: 4, n: 19 }], (i) => (i >= 13 ? Math.round(80 * 0.78 ** (i - 13) * 10) / 10 : null));
    return { id: 'FALL', drug: 'natalizumab', doses, levels, bcells: [], weights: [weight(T0, 60)], issues: [], order: 0 };
  }

  it('a patient whose 4-weekly troughs fall steadily is kept at 4 weeks with trough-trend-falling, though the model alone would extend', () => {
    const p = fallingPatient();
    const r = proposeNatalizumab(p, p.doses[p.doses.length - 1].time + 0.5);
    expect(r.warnings.map((w) => w.code)).toContain('trough-trend-falling');
    expect(r.proposal.intervalWeeks).toBe(4);
    expect(r.proposal.extended).toBe(false);
    expect(r.proposal.reasonCode).toBe('nat-reason.trend-falling');
    expect(r.proposal.reason).toBe('kept at 4 weeks: the troughs at a stable 4-week interval are falling (-24 % per month, model-free trend); no extension until the cause is known (anti-drug antibodies, weight gain, a change in clearance)');
    // What stopped it: the model finds a longer interval acceptable.
    expect(r.alternatives.filter((a) => a.acceptable).map((a) => a.weeks)).toContain(5);
    expect(r.trend!.percentPerMonth).toBeCloseTo(100 * (0.78 ** (365.25 / 12 / 28) - 1), 0);
    const w = r.warnings.find((x) => x.code === 'trough-trend-falling')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toMatch(/^the 6 troughs at a stable 4-week interval from 2024-01-\d\d to 2024-05-\d\d are falling: -24 % per month \(90 % interval -30 to -16; Theil–Sen, model-free\)/);
    const line = proposeLine(r) as { trend: Record<string, unknown>; warning_codes: string[]; proposal: { interval_weeks: number } };
    expect(line.trend).toEqual({ interval_weeks: 4, troughs: 6, censored_left_out: 0, percent_per_month: -23.7, low: -30.5, high: -16.2, level: 0.9, distribution_free: true, falling: true });
    expect(line.proposal.interval_weeks).toBe(4);
  });

  it('a patient whose clearance rises interval by interval (antibodies) is flagged and kept at 4 weeks', () => {
    const { doses } = record([{ weeks: 4, n: 19 }], () => null);
    const segStarts = doses.slice(12, 18).map((d) => d.time);
    const params = [individualParams(60, [-0.6, 0, 0]), ...segStarts.map((_, j) => individualParams(60, [-0.6 + 0.2 * (j + 1), 0, 0]))];
    const times = doses.slice(13).map((d) => d.time - MIN15);
    const out = new Float64Array(times.length);
    runTimeline(new PkSolver(TIGHT), compileTimeline(doses.map(toPkDose), times, segStarts), params, out, TIGHT);
    const levels = times.map((t, i) => level(t, Math.round(out[i] * 10) / 10));
    const p: PatientRecord = { id: 'ADA-RISE', drug: 'natalizumab', doses, levels, bcells: [], weights: [weight(T0, 60)], issues: [], order: 0 };
    const r = proposeNatalizumab(p, doses[18].time + 0.5);
    expect(r.trend!.falling).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('trough-trend-falling');
    expect(r.proposal.intervalWeeks).toBe(4);
  });

  it('steady troughs keep the proposal as the model makes it, with the trend shown and no flag', () => {
    const rng = createRng(3);
    const { doses, levels } = record([{ weeks: 4, n: 19 }], (i) => (i >= 13 ? Math.round(40 * (1 + SIGMA * rng.normal()) * 10) / 10 : null));
    const p: PatientRecord = { id: 'STEADY', drug: 'natalizumab', doses, levels, bcells: [], weights: [weight(T0, 60)], issues: [], order: 0 };
    const r = proposeNatalizumab(p, doses[18].time + 0.5);
    expect(r.trend!.troughs).toHaveLength(6);
    expect(r.trend!.falling).toBe(false);
    expect(r.warnings.map((w) => w.code)).not.toContain('trough-trend-falling');
    expect(r.proposal.reasonCode).not.toBe('nat-reason.trend-falling');
    expect(r.proposal.extended).toBe(true);
  });
});

describe('three troughs', () => {
  it('a steep fall at every step (30 → 15 → 5 µg/mL at 4 weeks) is flagged and kept at 4 weeks; a steady or mild one is not', async () => {
    const { proposeNatalizumab } = await import('../../../src/core/natalizumab/index');
    const { dose, level, weight, T0 } = await import('./helpers');
    const mk = (vals: number[]) => {
      const doses = Array.from({ length: 12 }, (_, i) => dose(T0 + 28 * i));
      const levels = vals.map((v, i) => level(doses[9 + i].time - 15 / 1440, v));
      return proposeNatalizumab({ id: `T3-${vals.join('-')}`, drug: 'natalizumab', doses, levels, bcells: [], weights: [weight(T0, 70)], issues: [], order: 0 }, doses[11].time + 0.5, { curves: false });
    };
    const steep = mk([30, 15, 5]);
    expect(steep.warnings.map((w) => w.code)).toContain('trough-trend-falling');
    expect(steep.proposal.intervalWeeks).toBe(4);
    for (const vals of [[25, 24, 26], [25, 20, 16], [30, 22, 26]]) expect(mk(vals).warnings.map((w) => w.code)).not.toContain('trough-trend-falling');
  });
});
