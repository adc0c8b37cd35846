/**
 * Boundaries a mutation-testing pass found unguarded (session 9): each test here fails when its
 * threshold, comparison or default is shifted, and passes as the code stands. Expected values come
 * from shared/reference/ocrelizumab.md, the label and the README's documented defaults, never from
 * the code under test.
 */
import { describe, expect, it } from 'vitest';
import { proposeOcrelizumab } from '../../../src/core/ocrelizumab/index';
import { resolveOcrelizumabOptions } from '../../../src/core/ocrelizumab/options';
import { groupDoses } from '../../../src/core/ocrelizumab/cycles';
import { OCRELIZUMAB_BCELL as B, OCRELIZUMAB_MODEL } from '../../../models/ocrelizumab-bcell-logistic';
import type { DoseEvent, Observation } from '../../../src/core/types';
import { endOf, patient, t, weeksAfter } from './helpers';

const D = '2023-06-12T09:00'; // a Monday; week 24 = 2023-11-27

describe('a count reported as 0 is censored at the lab limit, default 1 cell/µL (README: --lab-limit)', () => {
  const withCount = (o: Partial<Observation>) => {
    const p = patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '<1']] });
    return proposeOcrelizumab({ ...p, bcells: [{ ...p.bcells[0], ...o }] }, endOf('2023-11-27')).fit.crossingWeeks;
  };
  it('an uncensored 0 reads as <1, not as <2', () => {
    const below1 = withCount({});
    expect(withCount({ value: 0, censored: false, raw: '0' })).toEqual(below1);
    expect(withCount({ value: 2, censored: true, raw: '<2' })).not.toEqual(below1);
  });
});

describe('re-dosing due: the latest count at or above the threshold (BLOOMS: re-dose at the first count ≥ 10 cells/µL)', () => {
  const at28 = (raw: string) => proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '5'], [weeksAfter(D, 28), raw]] }), endOf('2023-12-25'));
  it('10 is due, 9.9 is not', () => {
    expect(at28('10').proposal.dueNow).toBe(true);
    expect(at28('9.9').proposal.dueNow).toBe(false);
  });
  it('a censored count (<20: below 20, perhaps below 10) is not a count at or above the threshold', () => {
    expect(at28('<20').proposal.dueNow).toBe(false);
  });
  it('on the day the minimum interval is reached (label: at least 5 months; here 22 weeks), due now, not "before the minimum"', () => {
    const p = patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 22), '15']] });
    const onDay = proposeOcrelizumab(p, endOf('2023-11-13'), { minWeeks: 22 });
    expect(onDay.proposal.dueNow).toBe(true);
    expect(onDay.proposal.nextDose).toBe('2023-11-13');
    expect(onDay.proposal.reasonCode).toBe('ocr-reason.due');
    const dayBefore = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 22) - 1, '15']] }), endOf('2023-11-12'), { minWeeks: 22 });
    expect(dayBefore.proposal.reasonCode).toBe('ocr-reason.due-before-minimum');
    expect(dayBefore.proposal.nextDose).toBe('2023-11-13');
  });
});

describe('options: the latest re-dose must lie after the earliest', () => {
  it('a maximum equal to the minimum is refused (both back to their defaults, with a warning); one week more is accepted', () => {
    const same = resolveOcrelizumabOptions({ minWeeks: 30, maxWeeks: 30 });
    expect(same.issues.map((i) => i.variant)).toEqual(['window']);
    expect([same.options.minWeeks, same.options.maxWeeks]).toEqual([21.7, 52]);
    const ok = resolveOcrelizumabOptions({ minWeeks: 30, maxWeeks: 31 });
    expect(ok.issues).toEqual([]);
    expect([ok.options.minWeeks, ok.options.maxWeeks]).toEqual([30, 31]);
  });
});

describe('BLOOMS-style rule: counts at week 24 and every 4 weeks, up to the maximum interval (52 weeks)', () => {
  const below = (week: number) => proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, week), '3']] }), weeksAfter(D, week) + 0.5).protocol;
  it('a count below 10 at week 48: the next at week 52, still within the maximum', () => {
    const p = below(48);
    expect(p.rationaleCode).toBe('blooms.below;blooms.next');
    expect(p.rationaleParams?.week).toBe(52);
  });
  it('a count below 10 at week 52: the next (week 56) lies past the maximum', () => {
    expect(below(52).rationaleCode).toBe('blooms.past-maximum');
  });
});

describe('window messages: before the minimum interval, past the maximum', () => {
  const codesAt = (asOf: number, options = {}) => proposeOcrelizumab(patient({ doses: [[D, 600]] }), asOf, options).warnings.map((w) => w.code);
  it('minimum 22 weeks: the day before it "before the minimum", on the day not', () => {
    expect(codesAt(weeksAfter(D, 22) - 1, { minWeeks: 22 })).toContain('ocr-before-minimum-interval');
    expect(codesAt(weeksAfter(D, 22), { minWeeks: 22 })).not.toContain('ocr-before-minimum-interval');
  });
  it('maximum 52 weeks: on the day of week 52 not yet past it, the day after past it', () => {
    expect(codesAt(weeksAfter(D, 52))).not.toContain('ocr-past-maximum');
    expect(codesAt(weeksAfter(D, 52) + 1)).toContain('ocr-past-maximum');
  });
});

describe('cycles and counts (reference §2: depleted within about 2 weeks; the 2 × 300 mg start is one dose)', () => {
  it('two 300 mg infusions 28 days apart are one starting dose; 29 days apart, two unusual doses', () => {
    const dose300 = (days: number): DoseEvent => ({ kind: 'dose', time: t(D) + days, iso: '', amountMg: 300, route: 'iv', durationMin: 150 });
    expect(groupDoses([dose300(0), dose300(28)]).map((g) => g.totalMg)).toEqual([600]);
    expect(groupDoses([dose300(0), dose300(29)]).map((g) => g.totalMg)).toEqual([300, 300]);
  });
  it('a count exactly 2 weeks after the infusion is used; one a day earlier is left out (before depletion)', () => {
    const used = (days: number) => proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[t(D) + days, '1']] }), t(D) + days + 0.5).fit.countsUsed;
    expect(used(14)).toBe(1);
    expect(used(13)).toBe(0);
  });
  it('possible non-depleter: a first count at or above 10 before week 16 (10 at week 4 yes, 9.9 no; 50 at week 16 no, at 15.9 yes)', () => {
    const flagged = (week: number, raw: string) => proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, week), raw]] }), weeksAfter(D, week) + 0.5)
      .warnings.some((w) => w.code === 'ocr-possible-non-depleter');
    expect(flagged(4, '10')).toBe(true);
    expect(flagged(4, '9.9')).toBe(false);
    expect(flagged(15.9, '50')).toBe(true);
    expect(flagged(16, '50')).toBe(false);
  });
  it('a pre-treatment count of 30 (3 × the reference count 10) serves as the plateau; 29 does not', () => {
    const bmax = (raw: string) => proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [['2023-06-01', raw]] }), endOf('2023-07-01')).fit.bmax;
    expect(bmax('30')).toBe(30);
    expect(bmax('29')).toBe(200);
  });
});

describe('the B-cell model\'s priors are the reference\'s (shared/reference/ocrelizumab.md §3)', () => {
  it('T10 median 32 weeks (log-SD 0.22), r median 0.09/week (log-SD 0.8), observation SD 0.35, plateau 200, θ 10', () => {
    expect([B.t10Median, B.t10LogSd, B.rMedian, B.rLogSd]).toEqual([32, 0.22, 0.09, 0.8]);
    expect([B.obsSd, B.defaultBmax, B.referenceCount]).toEqual([0.35, 200, 10]);
  });
  it('reproduce ≥ 15 cells/µL in 4 % / 54 % / 91 % of patients at 26 / 39 / 52 weeks (quadrature of the §3 curve over the priors)', () => {
    // B(t) ≥ 15 once t ≥ T10 + ln((Bmax/θ − 1)/(Bmax/15 − 1))/r: integrate over ln T10 and ln r on a
    // grid of standard normal z (−6 to 6 by 0.02, weights ∝ e^(−z²/2)).
    const z: number[] = [];
    for (let v = -6; v <= 6 + 1e-9; v += 0.02) z.push(v);
    const w = z.map((v) => Math.exp(-v * v / 2));
    const sw = w.reduce((s, v) => s + v, 0);
    const shift = Math.log((B.defaultBmax / B.referenceCount - 1) / (B.defaultBmax / 15 - 1));
    const share = (week: number) => {
      let p = 0;
      for (let i = 0; i < z.length; i++) {
        const t10 = B.t10Median * Math.exp(B.t10LogSd * z[i]);
        for (let j = 0; j < z.length; j++) if (t10 + shift / (B.rMedian * Math.exp(B.rLogSd * z[j])) <= week) p += w[i] * w[j];
      }
      return 100 * p / (sw * sw);
    };
    for (const [week, pct] of [[26, 4], [39, 54], [52, 91]]) expect(Math.abs(share(week) - pct), `week ${week}`).toBeLessThan(0.75);
  });
});

describe('the cycle-to-cycle widening is what the model details say (assumptions, shown to the user)', () => {
  it('ln T10 shifts N(0, 0.07²) between cycles (≈ 2 weeks at 30 weeks), ln r N(0, 0.3²)', () => {
    const shown = (name: string) => OCRELIZUMAB_MODEL.parameters.find((p) => p.name === name)!;
    expect(shown('cycle-to-cycle SD of ln T10').description).toContain(`N(0, ${B.cycleLogT10Sd}²)`);
    expect(shown('cycle-to-cycle SD of ln r').description).toContain(`N(0, ${B.cycleLogRSd}²)`);
    expect(shown('cycle-to-cycle SD of ln T10').description).toContain('N(0, 0.07²)');
    expect(shown('cycle-to-cycle SD of ln r').description).toContain('N(0, 0.3²)');
    expect(Math.round(30 * (Math.exp(B.cycleLogT10Sd) - 1))).toBe(2);
  });
});

describe('the re-dose date, once it has passed, and the BLOOMS rule before the minimum', () => {
  // A count of 5 at week 24 puts the median crossing at week 31.8: re-dose in week 31 (2024-01-15).
  const p = patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '5']] });
  it('planned on the re-dose day itself it is not late; the day after it is', () => {
    const onDay = proposeOcrelizumab(p, endOf('2024-01-15'));
    expect([onDay.proposal.nextDose, onDay.late]).toEqual(['2024-01-15', null]);
    const after = proposeOcrelizumab(p, endOf('2024-01-16'));
    expect(after.late).toEqual({ due: '2024-01-15' });
  });
  it('a count at or above 10 before the 5-month minimum: BLOOMS re-doses at the minimum (week 22), not at once', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 18), '12']] }), endOf('2023-10-16'));
    expect(q.protocol.rationaleCode).toBe('blooms.due-minimum');
    expect(q.protocol.rationaleParams?.doseDate).toBe('2023-11-13');
  });
  it('a count equal to the plateau is not above it; one more is', () => {
    const above = (raw: string) => proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [['2023-06-01', '100'], [weeksAfter(D, 30), raw]] }), weeksAfter(D, 30) + 0.5)
      .warnings.some((w) => w.code === 'ocr-count-above-model-range');
    expect(above('100')).toBe(false);
    expect(above('101')).toBe(true);
  });
});
