import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proposeNatalizumab, predictNatalizumab, protocolPdnms, individualParams } from '../../../src/core/natalizumab/index';
import { PkSolver, TIGHT, steadyState } from '../../../src/core/pk/index';
import { formatDate, parseIsoTime, weekday } from '../../../src/core/time';
import { MODELS } from '../../../models/index';
import { simulatePatient, level, dose, weight, T0 } from './helpers';

const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);
const asOfOf = (p: { doses: { time: number }[] }) => p.doses[p.doses.length - 1].time + 0.5;

describe('proposeNatalizumab', () => {
  const sim = simulatePatient('LOW-CL', [-0.5, 0, 0], 70);
  const report = proposeNatalizumab(sim.patient, asOfOf(sim.patient));

  it('fills the report: fit, proposal, alternatives 4–8, protocol, curves, inputs', () => {
    expect(report.drug).toBe('natalizumab');
    expect(report.model).toEqual({ id: 'natalizumab-vandenberg-2025', version: '1.1.0', name: MODELS['natalizumab-vandenberg-2025'].name });
    expect(report.fit.kind).toBe('map');
    expect(report.fit.converged).toBe(true);
    expect(report.fit.eta[0]).toBeLessThan(-0.2);
    expect(report.alternatives.map((a) => a.weeks)).toEqual([4, 5, 6, 7, 8]);
    expect(report.curve.history.length).toBeGreaterThan(100);
    expect(report.curve.forecasts.map((f) => f.weeks)).toEqual([4, 5, 6, 7, 8]);
    for (const pt of report.curve.history) expect(pt.low <= pt.value && pt.value <= pt.high).toBe(true);
    expect(report.observations).toHaveLength(2);
    expect(report.doses).toHaveLength(13);
    expect(report.lastDose).toBe('2023-12-11T09:00');
    expect(report.fit.residuals).toHaveLength(2);
    expect(report.warnings).toEqual([]);
  });

  it('the chart\'s forecast band at each interval\'s first trough is that option\'s next-trough 80 % interval (one distribution, not a narrower one)', () => {
    const lastDose = parseIsoTime(report.lastDose!)!;
    for (const o of report.alternatives) {
      const f = report.curve.forecasts.find((x) => x.weeks === o.weeks)!;
      // The grid point at the second dose is the trough just before it.
      const pt = f.points.find((q) => Math.abs(q.time - (lastDose + 7 * o.weeks)) < 1e-6)!;
      expect(pt.value).toBeCloseTo(o.nextTrough.value, 6);
      expect(pt.low / o.nextTrough.low).toBeCloseTo(1, 2);
      expect(pt.high / o.nextTrough.high).toBeCloseTo(1, 2);
    }
  });

  it('extends a low-clearance patient, and the proposal meets its own target at the MAP', () => {
    expect(report.proposal.extended).toBe(true);
    const w = report.proposal.intervalWeeks;
    expect(w).toBeGreaterThan(4);
    const opt = report.alternatives.find((a) => a.weeks === w)!;
    expect(opt.acceptable).toBe(true);
    expect(report.proposal.probabilityAboveTarget).toBeGreaterThanOrEqual(0.9);
    // Re-simulate the proposed interval with the MAP parameters.
    const p = individualParams(70, report.fit.eta);
    const ss = steadyState(new PkSolver(TIGHT), p, { offset: 0, amount: 300, into: 'central', durationDays: 1 / 24 }, 7 * w);
    expect(ss.trough).toBeGreaterThanOrEqual(10);
    expect(Math.abs(ss.trough / report.proposal.predictedTrough.value - 1)).toBeLessThan(1e-4);
    // The next longer interval is not acceptable (else it would have been proposed).
    const longer = report.alternatives.find((a) => a.weeks === w + 1);
    if (longer) expect(longer.acceptable).toBe(false);
    expect(report.proposal.nextDose).toBe(formatDate(sim.patient.doses[12].time + 7 * w));
  });

  it('is deterministic (same input, same output) and the seed changes the sampled band only', () => {
    const again = proposeNatalizumab(sim.patient, asOfOf(sim.patient));
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    const other = proposeNatalizumab(sim.patient, asOfOf(sim.patient), { seed: 2 });
    expect(other.proposal.predictedTrough.value).toBe(report.proposal.predictedTrough.value);
  });

  it('a typical patient at target 10 stays near 5 weeks; target 5 allows at least as long', () => {
    const t = simulatePatient('TYP', [0, 0, 0], 70);
    const r10 = proposeNatalizumab(t.patient, asOfOf(t.patient));
    const r5 = proposeNatalizumab(t.patient, asOfOf(t.patient), { target: 5 });
    expect(r10.proposal.intervalWeeks).toBeGreaterThanOrEqual(4);
    expect(r10.proposal.intervalWeeks).toBeLessThanOrEqual(5);
    expect(r5.proposal.intervalWeeks).toBeGreaterThanOrEqual(r10.proposal.intervalWeeks);
  });

  it('moves the next dose back to the clinic weekday, never later than proposed', () => {
    for (let wd = 0; wd < 7; wd++) {
      const r = proposeNatalizumab(sim.patient, asOfOf(sim.patient), { infusionWeekday: wd, samples: 60 });
      const t = parseIsoTime(r.proposal.nextDose)!;
      expect(weekday(t)).toBe(wd);
      const nominal = sim.patient.doses[12].time + 7 * r.proposal.intervalWeeks;
      expect(nominal - t).toBeGreaterThanOrEqual(-0.5);
      expect(nominal - t).toBeLessThan(7);
    }
  });

  it('without a level gives the a-priori (population) answer, labelled', () => {
    const p = { ...sim.patient, levels: [] };
    const r = proposeNatalizumab(p, asOfOf(p));
    expect(r.fit.kind).toBe('population');
    expect(r.fit.eta).toEqual([0, 0, 0]);
    expect(codes(r)).toContain('population-prediction');
    // An a-priori prediction never extends the interval (NEXT-MS extends on measured troughs).
    expect(r.proposal.intervalWeeks).toBe(4);
    expect(r.proposal.extended).toBe(false);
    expect(r.proposal.reason).toBe('kept at 4 weeks: no drug level measured yet, so the interval is not extended on an a-priori (population) prediction; measure two troughs on 4-weekly dosing');
  });

  it('a censored trough with a high limit (<40) is no antibody sign; with a low limit (<1) it is', () => {
    const s = simulatePatient('C40', [0, 0, 0], 70);
    s.patient.levels = [level(s.patient.doses[12].time - 0.01, 40, true)];
    expect(codes(proposeNatalizumab(s.patient, asOfOf(s.patient)))).not.toContain('antibodies-suspected');
    s.patient.levels = [level(s.patient.doses[12].time - 0.01, 1, true)];
    expect(codes(proposeNatalizumab(s.patient, asOfOf(s.patient)))).toContain('antibodies-suspected');
  });

  it('levels the model cannot explain: no extension', () => {
    const s = simulatePatient('ODD', [-0.5, 0, 0], 70);
    s.patient.levels = [level(s.patient.doses[11].time - 0.01, 25), level(s.patient.doses[12].time - 0.01, 250)];
    const r = proposeNatalizumab(s.patient, asOfOf(s.patient), { maxIntervalWeeks: 12 });
    expect(codes(r)).toContain('level-unexplained');
    expect(r.proposal.intervalWeeks).toBe(4);
    expect(r.proposal.reason).toBe('kept at 4 weeks: the model cannot explain a measured level; check the sample time, the dose history and the unit before any extension');
  });

  it('after a long gap: no extension, restart now, next trough simulated from the washed-out state', () => {
    const last = sim.patient.doses[12].time;
    const asOf = last + 7 * 30 + 0.5;
    const r = proposeNatalizumab(sim.patient, asOf);
    expect(r.proposal.intervalWeeks).toBe(4);
    expect(r.proposal.extended).toBe(false);
    expect(r.proposal.reason).toBe('kept at 4 weeks: the dose is overdue (30.1 weeks since the last dose); give it now, continue 4-weekly and re-plan from the next trough');
    const onTime = proposeNatalizumab(sim.patient, last + 0.5);
    // One dose after a washout gives a far lower trough than the 4-weekly steady state.
    expect(r.proposal.nextTrough.value).toBeLessThan(0.7 * onTime.alternatives[0].nextTrough.value);
    expect(r.protocol.intervalWeeks).toBe(4);
    expect(r.protocol.nextDose).toBe(formatDate(asOf));
  });

  it('planning after the proposed date: overdue, next dose due on the as-of day, with a warning', () => {
    const last = sim.patient.doses[12].time;
    const asOf = last + 70 + 0.5; // ten weeks later
    const r = proposeNatalizumab(sim.patient, asOf);
    expect(r.proposal.nextDose).toBe(formatDate(asOf));
    const w = r.warnings.find((x) => x.code === 'dose-overdue');
    expect(w?.message).toBe(`the dose is overdue: ${r.proposal.intervalWeeks} weeks after the last dose (${formatDate(last)}) was ${formatDate(last + 7 * r.proposal.intervalWeeks)}, before ${formatDate(asOf)}; give it as soon as possible and re-plan from that infusion`);
    const onTime = proposeNatalizumab(sim.patient, last + 0.5);
    expect(onTime.warnings.map((x) => x.code)).not.toContain('dose-overdue');
  });

  it('uses only events on or before as-of', () => {
    const cut = proposeNatalizumab(sim.patient, sim.patient.doses[10].time + 0.5);
    expect(cut.lastDose).toBe(sim.patient.doses[10].iso);
    expect(cut.observations).toHaveLength(0);
    expect(cut.fit.kind).toBe('population');
  });
});

describe('guards', () => {
  it('antibody-like patient: kept at 4 weeks, antibody warning', () => {
    const ada = simulatePatient('ADA', [1.7, 0, 0], 70);
    expect(ada.trueTroughs[1]).toBeLessThan(2);
    const r = proposeNatalizumab(ada.patient, asOfOf(ada.patient), { target: 5 });
    expect(r.proposal.intervalWeeks).toBe(4);
    expect(r.proposal.extended).toBe(false);
    const w = r.warnings.find((x) => x.code === 'antibodies-suspected')!;
    expect(w.message).toMatch(/^trough of 2023-12-11 is .* µg\/mL on 4-weekly dosing: anti-drug antibodies or missed doses\? Keep 4-weekly dosing and test for antibodies to natalizumab$/);
  });

  it('a 4-weekly trough of 2–5 µg/mL: kept at 4 weeks with a low-trough warning (not the antibody one)', () => {
    const s = simulatePatient('LOW', [0, 0, 0], 70);
    s.patient.levels = [level(s.patient.doses[11].time - 0.01, 4.1), level(s.patient.doses[12].time - 0.01, 3.6)];
    for (const target of [10, 5]) {
      const r = proposeNatalizumab(s.patient, asOfOf(s.patient), { target });
      expect(r.proposal.intervalWeeks).toBe(4);
      expect(codes(r)).not.toContain('antibodies-suspected');
      expect(r.warnings.find((x) => x.code === 'low-trough-q4w')!.message).toBe('trough of 2023-12-11 is 3.6 µg/mL on 4-weekly dosing, lower than in almost all patients: late or missed doses, or anti-drug antibodies? Consider an antibody test before any extension');
    }
  });

  it('censored trough on 4-weekly dosing: censored-level info and antibody warning', () => {
    const s = simulatePatient('CENS', [0, 0, 0], 70);
    s.patient.levels = [level(s.patient.doses[12].time - 0.01, 0.5, true)];
    const r = proposeNatalizumab(s.patient, asOfOf(s.patient));
    expect(codes(r)).toEqual(expect.arrayContaining(['censored-level', 'antibodies-suspected']));
    expect(r.warnings.find((x) => x.code === 'censored-level')!.message).toBe('level of 2023-12-11 was reported below 0.5 µg/mL: used as "below the limit" (censored), not as a number');
    expect(r.proposal.intervalWeeks).toBe(4);
  });

  it('a level the model cannot explain', () => {
    const s = simulatePatient('OUT', [0, 0, 0], 70);
    s.patient.levels = [s.patient.levels[0], level(s.patient.levels[1].time, 400)];
    const r = proposeNatalizumab(s.patient, asOfOf(s.patient));
    // The fit compromises between the two levels: at least one of them is flagged, in this form.
    const ws = r.warnings.filter((x) => x.code === 'level-unexplained');
    expect(ws.length).toBeGreaterThan(0);
    for (const w of ws) expect(w.message).toMatch(/^the model cannot explain the level of 2023-1[12]-1[13] \([\d.]+ µg\/mL, predicted [\d.]+\): check the sample time, the dose history and the unit$/);
  });

  it('no weight: 70 kg assumed; weight outside 40–150 kg', () => {
    const s = simulatePatient('NOW', [0, 0, 0], null);
    const r = proposeNatalizumab(s.patient, asOfOf(s.patient), { samples: 60 });
    expect(r.warnings.find((x) => x.code === 'no-weight')!.message).toBe('no weight given: 70 kg assumed');
    expect(r.fit.weightKg).toBe(70);
    expect(r.fit.weightGiven).toBe(false);
    const h = simulatePatient('HEAVY', [0, 0, 0], 160);
    const rh = proposeNatalizumab(h.patient, asOfOf(h.patient), { samples: 60 });
    expect(rh.warnings.find((x) => x.code === 'weight-out-of-range')!.message).toBe('weight 160 kg on 2023-01-09 is outside 40–150 kg, the range the model was built on: predictions are extrapolated');
  });

  it('SC doses: extrapolation warning', () => {
    const s = simulatePatient('SC', [0, 0, 0], 70);
    s.patient.doses = s.patient.doses.map((d, i) => (i >= 10 ? { ...d, route: 'sc' as const, durationMin: 0 } : d));
    const r = proposeNatalizumab(s.patient, asOfOf(s.patient), { samples: 60 });
    expect(codes(r)).toContain('sc-extrapolation');
    expect(r.proposal.predictedTrough.value).toBeGreaterThan(0);
  });

  it('maximum interval beyond 8 weeks: warning and alternatives up to it', () => {
    const s = simulatePatient('MAX', [-0.6, 0, 0], 70);
    const r = proposeNatalizumab(s.patient, asOfOf(s.patient), { maxIntervalWeeks: 10, samples: 60 });
    expect(codes(r)).toContain('max-interval-beyond-8');
    expect(r.alternatives.map((a) => a.weeks)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('PDNMS rule beside the model', () => {
  const doses = [dose(T0), dose(T0 + 28), dose(T0 + 70)];
  it('+1 week above 15, keep 10–15, −1 week below 10 (not below 4), max 8', () => {
    expect(protocolPdnms(doses.slice(0, 2), level(T0 + 27.9, 20), null).intervalWeeks).toBe(5);
    expect(protocolPdnms(doses.slice(0, 2), level(T0 + 27.9, 12), null).intervalWeeks).toBe(4);
    expect(protocolPdnms(doses, level(T0 + 69.9, 8), null).intervalWeeks).toBe(5);
    expect(protocolPdnms(doses.slice(0, 2), level(T0 + 27.9, 8), null).intervalWeeks).toBe(4);
    const d8 = [dose(T0), dose(T0 + 56)];
    expect(protocolPdnms(d8, level(T0 + 55.9, 30), null).intervalWeeks).toBe(8);
    expect(protocolPdnms(doses, null, null).rationale).toBe('no trough measured: keep the current 6-week interval');
  });
});

describe('predictNatalizumab', () => {
  const s = simulatePatient('PRED', [0.2, 0, 0], 80);
  const asOf = asOfOf(s.patient);
  it('a time exactly at a dose is just before it; intervals contain the prediction', () => {
    const tDose = s.patient.doses[12].time;
    const [atDose, after] = predictNatalizumab(s.patient, asOf, [tDose, tDose + 42]);
    expect(atDose.time).toBe('2023-12-11T09:00');
    expect(atDose.value).toBeGreaterThan(5);
    expect(atDose.value).toBeLessThan(40);
    expect(atDose.low).toBeLessThanOrEqual(atDose.value);
    expect(atDose.high).toBeGreaterThanOrEqual(atDose.value);
    expect(after.value).toBeLessThan(atDose.value * 1.2);
    const r = proposeNatalizumab(s.patient, asOf);
    const six = r.alternatives.find((a) => a.weeks === 6)!;
    expect(Math.abs(after.value / six.nextTrough.value - 1)).toBeLessThan(1e-3);
  });
  it('population prediction when there is no level', () => {
    const p = { ...s.patient, levels: [], weights: [weight(T0, 70)] };
    const [v] = predictNatalizumab(p, asOf, [p.doses[12].time]);
    expect(Math.abs(v.value / 25.5 - 1)).toBeLessThan(0.01);
  });
});

describe('properties', () => {
  it('more drug → higher levels; longer interval → lower steady-state trough', () => {
    const s = new PkSolver(TIGHT);
    fc.assert(fc.property(
      fc.double({ min: -0.8, max: 0.8, noNaN: true }), fc.double({ min: -0.8, max: 0.8, noNaN: true }), fc.double({ min: -0.8, max: 0.8, noNaN: true }),
      fc.integer({ min: 45, max: 140 }), fc.integer({ min: 4, max: 11 }),
      (e0, e1, e2, wt, w) => {
        const p = individualParams(wt, [e0, e1, e2]);
        const base = { offset: 0, amount: 300, into: 'central' as const, durationDays: 1 / 24 };
        const a = steadyState(s, p, base, 7 * w).trough;
        const more = steadyState(s, p, { ...base, amount: 360 }, 7 * w).trough;
        const longer = steadyState(s, p, base, 7 * (w + 1)).trough;
        return more > a && longer < a;
      }), { numRuns: 40, seed: 11 });
  });

  it('higher measured troughs never shorten the proposal (monotone in the data)', () => {
    fc.assert(fc.property(fc.double({ min: -0.6, max: 0.6, noNaN: true }), (e0) => {
      const s = simulatePatient('M', [e0, 0, 0], 75);
      const hi = { ...s.patient, levels: s.patient.levels.map((l) => level(l.time, l.value * 1.3)) };
      const r = proposeNatalizumab(s.patient, asOfOf(s.patient), { samples: 80 });
      const rh = proposeNatalizumab(hi, asOfOf(hi), { samples: 80 });
      return rh.proposal.intervalWeeks >= r.proposal.intervalWeeks && rh.alternatives[2].ssTrough.value > r.alternatives[2].ssTrough.value;
    }), { numRuns: 8, seed: 5 });
  });
});
