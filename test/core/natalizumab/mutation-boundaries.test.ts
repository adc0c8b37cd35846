/**
 * Boundaries a mutation-testing pass found unguarded (session 9): each test here fails when its
 * threshold, comparison or constant is shifted (a 10 % or one-unit shift, > ↔ ≥, a term dropped),
 * and passes as the code stands. Expected values come from the published rules and the references
 * (shared/reference/natalizumab.md, ocrelizumab.md) or a closed form, never from the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { Observation, PatientRecord } from '../../../src/core/types';
import { prepare } from '../../../src/core/natalizumab/pipeline/prepare';
import { natalizumabWearingOff } from '../../../src/core/natalizumab/wearing-off';
import { parseTdmCsv } from '../../../src/core/records/index';
import { preparePatient, toPkDose, toRepeatedDose } from '../../../src/core/natalizumab/patient';
import { antibodyGuard, latestTrough, lowTroughGuard, protocolPdnms, troughsOnQ4w } from '../../../src/core/natalizumab/guards';
import { troughTrend, troughsBeforeDoses } from '../../../src/core/natalizumab/trend';
import { drawForecastTerms, misfitScale } from '../../../src/core/natalizumab/uncertainty';
import { normCdf } from '../../../src/core/stats/normal';
import { NATALIZUMAB_MODEL, NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';
import { resolveOptions } from '../../../src/core/natalizumab/analysis';
import { proposeNatalizumab } from '../../../src/core/natalizumab/index';
import { coverageAt } from '../../../src/core/natalizumab/calibration';
import type { TroughScore } from '../../../src/core/natalizumab/track-record';
import { dose, level, simulatePatient, T0 } from './helpers';

/** Thirteen 4-weekly doses from T0. */
const doses = Array.from({ length: 13 }, (_, i) => dose(T0 + 28 * i));
/** A trough 15 min before dose k (k = 13: four weeks after the last dose, not given yet). */
const troughBefore = (k: number, v: number, censored = false): Observation => level(T0 + 28 * k - 15 / 1440, v, censored);

describe('antibody and low-trough guards read the two latest 4-weekly troughs (not only the latest)', () => {
  it('an antibody-like trough (< 2 µg/mL) one trough back still raises the warning; two back it does not', () => {
    expect(antibodyGuard([troughBefore(12, 1.5), troughBefore(13, 3)], doses)?.code).toBe('antibodies-suspected');
    expect(antibodyGuard([troughBefore(11, 1.5), troughBefore(12, 3), troughBefore(13, 3)], doses)).toBeNull();
  });
  it('a low trough (2–5 µg/mL) one trough back still warns; two back it does not', () => {
    expect(lowTroughGuard([troughBefore(12, 4), troughBefore(13, 6)], doses)?.code).toBe('low-trough-q4w');
    expect(lowTroughGuard([troughBefore(11, 4), troughBefore(12, 6), troughBefore(13, 6)], doses)).toBeNull();
  });
  it('a level timed exactly at a dose was drawn before it: a trough of the interval that dose ends', () => {
    const atDose = level(T0 + 28 * 12, 1.5);
    expect(troughsOnQ4w([atDose], doses)).toHaveLength(1);
    expect(antibodyGuard([atDose], doses)?.code).toBe('antibodies-suspected');
  });
});

describe('PDNMS: the trough the rule reads and its stated reason at 10 µg/mL', () => {
  it('a level exactly 21 days after a dose is the latest trough; one a minute earlier is not', () => {
    const d = [dose(T0), dose(T0 + 28)];
    expect(latestTrough([level(T0 + 28 + 21, 12)], d)?.value).toBe(12);
    expect(latestTrough([level(T0 + 28 + 21 - 1 / 1440, 12)], d)).toBeNull();
  });
  it('a trough of exactly 10 is "between 10 and 15" (keep), not "below 10"', () => {
    const d = [dose(T0), dose(T0 + 35)];
    const r = protocolPdnms(d, level(T0 + 70 - 15 / 1440, 10), null);
    expect([r.intervalWeeks, r.rationaleCode]).toEqual([5, 'pdnms.between']);
    const below = protocolPdnms(d, level(T0 + 70 - 15 / 1440, 9.99), null);
    expect([below.intervalWeeks, below.rationaleCode]).toEqual([4, 'pdnms.below-shorten']);
  });
});

describe('trend: which levels are troughs (reference: drawn ≤ 3 days before a dose, ≥ 21 days after the one before)', () => {
  it('3 days before the dose is a trough, 3 days and a minute is not', () => {
    const d = [dose(T0), dose(T0 + 28)];
    expect(troughsBeforeDoses([level(T0 + 25, 12)], d)).toHaveLength(1);
    expect(troughsBeforeDoses([level(T0 + 25 - 1 / 1440, 12)], d)).toHaveLength(0);
  });
  it('21 days after the dose before it is a trough, a minute less is not', () => {
    const d = [dose(T0), dose(T0 + 22)];
    expect(troughsBeforeDoses([level(T0 + 21, 12)], d)).toHaveLength(1);
    expect(troughsBeforeDoses([level(T0 + 21 - 1 / 1440, 12)], d)).toHaveLength(0);
  });
  it('with no dose after it yet, a level counts 7W ± 3 days after the last dose: 31 days yes, 31.01 no (nor monitored)', () => {
    const d = [dose(T0), dose(T0 + 28)];
    expect(troughsBeforeDoses([level(T0 + 28 + 31, 12)], d)).toHaveLength(1);
    expect(troughsBeforeDoses([level(T0 + 28 + 25, 12)], d)).toHaveLength(1);
    expect(troughsBeforeDoses([level(T0 + 28 + 31.01, 12)], d)).toHaveLength(0);
    expect(troughsBeforeDoses([level(T0 + 28 + 24.99, 12)], d)).toHaveLength(0);
  });
});

describe('trend: three troughs are "clearly falling" when each step falls and slope + 3.09·σ/√Sxx ≤ ln(1 − 15 %)', () => {
  // Three troughs on a geometric line before doses 11–13 of 4-weekly dosing (28 days apart, h months):
  // Sen's slope is the line's slope s, Sxx = 2h², so the rule's edge is s* = ln 0.85 − 3.09·σ/(√2·h).
  const sigma = 0.219;
  const h = 28 / (365.25 / 12);
  const edge = Math.log(0.85) - 3.09 * sigma / (Math.SQRT2 * h);
  const falling = (slope: number, y0 = 30) => {
    const levels = [10, 11, 12].map((k, i) => troughBefore(k, y0 * Math.exp(slope * h * i)));
    const t = troughTrend(levels, doses, sigma);
    expect(t?.troughs).toHaveLength(3);
    return t!.falling;
  };
  it('just past the edge falls, just short of it does not', () => {
    expect(falling(edge - 0.01)).toBe(true);
    expect(falling(edge + 0.01)).toBe(false);
  });
  it('a fall at each step is needed: 30 → 30 → 5 is not clearly falling (no distribution-free interval with 3)', () => {
    const levels = [troughBefore(10, 30), troughBefore(11, 30), troughBefore(12, 5)];
    expect(troughTrend(levels, doses, sigma)!.falling).toBe(false);
  });
});

describe('forecast uncertainty: the values the README states (models/natalizumab-forecast-uncertainty.ts)', () => {
  const t = drawForecastTerms(1, 20000);
  const sdOf = (x: Float64Array) => { const m = x.reduce((s, v) => s + v, 0) / x.length; return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1)); };
  it('laboratory bias: one log-normal bias of SD 0.03 (±3 % over 20 000 draws)', () => {
    expect(sdOf(t.bias)).toBeGreaterThan(0.03 * 0.97);
    expect(sdOf(t.bias)).toBeLessThan(0.03 * 1.03);
  });
  it('Km: N(0.875, ((1.55 − 0.11)/3.92)²) truncated at 0.05 mg/L: none below 0.05, the share in [0.05, 0.1) as the closed form', () => {
    const mu = 0.875, se = (1.55 - 0.11) / 3.92;
    expect(Math.min(...t.km)).toBeGreaterThanOrEqual(0.05);
    const expected = (normCdf((0.1 - mu) / se) - normCdf((0.05 - mu) / se)) / (1 - normCdf((0.05 - mu) / se));
    const share = t.km.filter((k) => k < 0.1).length / t.km.length;
    // expected ≈ 0.0051 (about 103 of 20 000 draws): binomial SD ≈ 10 draws.
    expect(share).toBeGreaterThan(expected * 0.6);
    expect(share).toBeLessThan(expected * 1.4);
  });
  it('the misfit scale stops at 3, where the level-unexplained guard (|z| > 3) takes over', () => {
    expect(misfitScale([50, 50])).toBe(3);
    expect(misfitScale([4, 4])).toBeCloseTo(Math.sqrt((2 + 2 * 4 ** 2) / 4), 12);
  });
});

describe('the PK model\'s numbers are the reference\'s (shared/reference/natalizumab.md §2, van den Berg 2025)', () => {
  it('typical values, weight covariates and residual error', () => {
    expect(M.cl).toBe(0.164);
    expect(M.vc).toBe(3.48);
    expect(M.vp).toBe(3.48);
    expect(M.q).toBe(0.40);
    expect(M.vmax).toBe(2.86);
    expect(M.km).toBe(0.875);
    expect([M.wtExpCl, M.wtExpVmax, M.refWeight]).toEqual([0.60, 0.26, 70]);
    expect(M.sigmaProp).toBe(0.219);
  });
  it('between-patient variability: CV 22.8 / 31.5 / 26 % (CL, Vp, Vmax), ω² = ln(1 + CV²)', () => {
    const cvs = [0.228, 0.315, 0.26];
    expect(Array.from(M.cv)).toEqual(cvs);
    cvs.forEach((cv, j) => expect(M.omega2[j]).toBeCloseTo(Math.log(1 + cv * cv), 14));
  });
  it('capillary samples (Toorop 2023): bias −0.36 µg/mL, additive SD from the 95 % limits −2 to +1.3: 3.3/3.92', () => {
    expect(M.capillaryShift).toBe(-0.36);
    expect(M.capillaryAddSd).toBeCloseTo((1.3 + 2) / 3.92, 2);
  });
  it('SC: a 3-hour lag (label); ka 0.25/day (the reference\'s assumption, label Tmax ≈ 6 days); F a log-normal whose 80 % spans 0.58–0.85 (DELIVER 57–71 % to the label\'s 84 %)', () => {
    expect(M.scLagDays).toBeCloseTo(3 / 24, 12);
    expect(M.scKa).toBe(0.25);
    const z90 = 1.2815515655446004;
    expect(M.scF * Math.exp(-z90 * M.scFLogSd)).toBeCloseTo(0.58, 2);
    expect(M.scF * Math.exp(z90 * M.scFLogSd)).toBeCloseTo(0.85, 2);
  });
  it('the model details the app shows carry the numbers the engine computes with', () => {
    const shown = (name: string) => NATALIZUMAB_MODEL.parameters.find((p) => p.name === name)!;
    expect([shown('CL').value, shown('CL').cv]).toEqual([M.cl, M.cv[0]]);
    expect([shown('Vp').value, shown('Vp').cv]).toEqual([M.vp, M.cv[1]]);
    expect([shown('Vmax').value, shown('Vmax').cv]).toEqual([M.vmax, M.cv[2]]);
    expect([shown('Vc').value, shown('Q').value, shown('Km').value]).toEqual([M.vc, M.q, M.km]);
    expect([shown('WT exponent on CL').value, shown('WT exponent on Vmax').value]).toEqual([M.wtExpCl, M.wtExpVmax]);
    expect([shown('proportional residual error').value, shown('F (SC)').value, shown('F (SC)').cv, shown('ka (SC)').value]).toEqual([M.sigmaProp, M.scF, M.scFLogSd, M.scKa]);
    expect([shown('capillary bias').value, shown('capillary additive SD').value, shown('η bound').value]).toEqual([M.capillaryShift, M.capillaryAddSd, M.etaBoundSd]);
  });
});

describe('a maximum interval beyond 8 weeks (PDNMS and NEXT-MS stop at 8) is warned about', () => {
  const record: PatientRecord = { id: 'MAX', drug: 'natalizumab', doses: doses.slice(0, 3), levels: [], bcells: [], weights: [], issues: [], order: 0 };
  const warned = (weeks: number) => prepare(record, T0 + 60, { maxIntervalWeeks: weeks }).issues.some((i) => i.code === 'max-interval-beyond-8');
  it('8 weeks: no warning; 9 weeks: a warning', () => {
    expect(warned(8)).toBe(false);
    expect(warned(9)).toBe(true);
  });
});

describe('option limits and the overdue restart', () => {
  it('the longest interval the engine forecasts is 12 weeks (the command line\'s --max-interval 4–12), never below the standard', () => {
    expect(resolveOptions({ maxIntervalWeeks: 20 }).maxIntervalWeeks).toBe(12);
    expect(resolveOptions({ maxIntervalWeeks: 12 }).maxIntervalWeeks).toBe(12);
    expect(resolveOptions({ maxIntervalWeeks: 2 }).maxIntervalWeeks).toBe(4);
  });
  it('20 weeks overdue: the restart\'s next trough is about the drug-naive first-dose trough (reference §3: 10.6), too near 10 to be acceptable', () => {
    const sim = simulatePatient('OVD20', [0, 0, 0], 70);
    const r = proposeNatalizumab(sim.patient, sim.patient.doses[12].time + 20 * 7, { curves: false });
    expect(r.proposal.reasonCode).toBe('nat-reason.gap');
    const std = r.alternatives.find((x) => x.weeks === 4)!;
    expect(Math.abs(std.nextTrough.value / 10.6 - 1)).toBeLessThan(0.05);
    expect(std.pSteadyState).toBeGreaterThanOrEqual(0.9);
    expect(std.pNext).toBeLessThan(0.9);
    expect(std.acceptable).toBe(false);
  });
});

describe('calibration: a trough inside the forecast\'s central 80 % interval (median·e^(±1.2816·sd))', () => {
  // A forecast whose log-variance is the assay's alone, sd 0.2: half-width 1.2816·0.2 = 0.2563.
  const score = (logRatio: number, censored: boolean): TroughScore => ({
    patientId: 'C', time: T0, iso: '', measured: 10 * Math.exp(logRatio), censored, capillary: false, median: 10, low80: 0, high80: 0, pit: 0.5,
    inside: [true, true, true], logRatio: censored ? null : logRatio, spread: { conc: 0, assay: 0.04, sensitivity: 0, occasions: 1, iov: 0 },
  });
  it('a measured trough: inside within ±0.2563 in log, outside beyond', () => {
    expect(coverageAt([score(0.25, false)], 0)).toBe(1);
    expect(coverageAt([score(-0.25, false)], 0)).toBe(1);
    expect(coverageAt([score(0.26, false)], 0)).toBe(0);
  });
  it('a censored trough (below its limit) is inside whenever the interval reaches below the limit, however high the limit', () => {
    expect(coverageAt([score(1, true)], 0)).toBe(1);
    expect(coverageAt([score(-0.25, true)], 0)).toBe(1);
    expect(coverageAt([score(-0.26, true)], 0)).toBe(0);
  });
});

describe('doses as the model sees them (reference §2: 300 mg IV over 1 h; SC after a 3-hour lag, an extrapolation to say)', () => {
  it('an SC dose enters the depot 3 hours after it is given', () => {
    const sc = dose(T0, { route: 'sc' });
    expect(toPkDose(sc)).toMatchObject({ time: T0 + 3 / 24, into: 'depot' });
    expect(toRepeatedDose(sc)).toMatchObject({ offset: 3 / 24, into: 'depot' });
  });
  it('with no dose recorded, the dose repeated in forecasts is the standard 300 mg over 1 hour', () => {
    expect(toRepeatedDose(null)).toEqual({ offset: 0, amount: 300, into: 'central', durationDays: 1 / 24 });
  });
  it('any SC dose in the history brings the extrapolation warning, also when the latest is IV', () => {
    const rec = (routes: ('iv' | 'sc')[]): PatientRecord => ({ id: 'R', drug: 'natalizumab', doses: routes.map((r, i) => dose(T0 + 28 * i, { route: r })), levels: [], bcells: [], weights: [], issues: [], order: 0 });
    const warns = (routes: ('iv' | 'sc')[]) => preparePatient(rec(routes), T0 + 60).issues.some((i) => i.code === 'sc-extrapolation');
    expect(warns(['sc', 'iv'])).toBe(true);
    expect(warns(['iv', 'sc'])).toBe(true);
    expect(warns(['iv', 'iv'])).toBe(false);
  });
});

describe('the guards\' order: antibodies first (the actionable finding: an antibody test)', () => {
  it('a trough of 0.5 on 4-weekly dosing, which the model cannot explain either, is named antibodies', () => {
    const sim = simulatePatient('ADA2', [0, 0, 0], 70);
    const [a, b] = sim.patient.levels;
    const r = proposeNatalizumab({ ...sim.patient, levels: [a, { ...b, value: 0.5, raw: '0.5' }] }, sim.patient.doses[12].time + 0.5, { curves: false });
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['antibodies-suspected', 'level-unexplained']));
    expect(r.proposal.reasonCode).toBe('nat-reason.antibodies');
  });
});

describe('records: a natalizumab dose is usual within 150–450 mg (the message\'s stated range)', () => {
  const warned = (mg: number) => parseTdmCsv(`patient_id,drug,kind,time,value,unit\nD,natalizumab,dose,2024-01-01T09:00,${mg},mg\n`, 'd.csv').patients[0]
    .issues.some((i) => i.message.includes('far from the usual 300 mg'));
  it('150 and 450 mg are usual; 149 and 451 mg are not', () => {
    expect([warned(150), warned(450)]).toEqual([false, false]);
    expect([warned(149), warned(451)]).toEqual([true, true]);
  });
});

describe('wearing-off: the patient\'s floor is "above the target" only when strictly above it', () => {
  const rows = [
    'patient_id,drug,kind,time,value,unit,route,duration_min,note',
    'W,natalizumab,weight,2026-07-20,68,kg,,,',
    ...['2026-07-20', '2026-08-17', '2026-09-14', '2026-10-12'].map((d) => `W,natalizumab,dose,${d}T09:00,300,mg,iv,60,`),
    'W,natalizumab,wearing_off,2026-10-08,2,score,,,',
    'W,natalizumab,level,2026-10-12T08:45,31.2,ug/mL,,,',
  ];
  const p = parseTdmCsv(rows.join('\n') + '\n', 'w.csv').patients[0];
  const asOf = p.doses[3].time + 1;
  it('a target equal to the floor is not below it; a target just under it is', () => {
    const floor = natalizumabWearingOff(p, asOf, { curves: false }, 10)!.summary.floor!;
    expect(floor).toBeGreaterThan(10);
    expect(natalizumabWearingOff(p, asOf, { curves: false }, floor)!.summary.aboveTarget).toBe(false);
    expect(natalizumabWearingOff(p, asOf, { curves: false }, floor * 0.999)!.summary.aboveTarget).toBe(true);
  });
});
