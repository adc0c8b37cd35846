/**
 * Natalizumab with troughs measured before every infusion (NEXT-MS monitoring): which runs of
 * troughs count, and the decision rule it allows (the next trough with 95 %, half the risk of the
 * required 90 %; the steady-state trough of that interval at least as likely as not), against the
 * same patient with only the two troughs of the NEXT-MS starting point, and with troughs that
 * scatter more than the assay explains.
 */
import { describe, expect, it } from 'vitest';
import type { DoseEvent, Observation } from '../../../src/core/types';
import { monitoredInfusions } from '../../../src/core/natalizumab/trend';
import { proposeNatalizumab, MONITORED_MAX_MISFIT, MONITORED_MIN_TROUGHS, MONITORED_SS_PROBABILITY, monitoredNextProbability } from '../../../src/core/natalizumab/propose';
import { individualParams, toPkDose } from '../../../src/core/natalizumab/patient';
import { PkSolver, TIGHT, compileTimeline, runTimeline } from '../../../src/core/pk/index';
import { proposeLine } from '../../../src/core/report/cli-line';
import { dose, level, monitoredPatient, T0 } from './helpers';

const MIN15 = 15 / 1440;

function fourWeekly(n: number): DoseEvent[] {
  return Array.from({ length: n }, (_, i) => dose(T0 + 28 * i));
}

describe('how many of the latest infusions had a trough just before them', () => {
  const doses = fourWeekly(8);
  const before = (i: number, v = 20, censored = false): Observation => level(doses[i].time - MIN15, v, censored);

  it('counts back from the trough before the latest infusion', () => {
    expect(monitoredInfusions([before(4), before(5), before(6), before(7)], doses)).toBe(4);
    expect(monitoredInfusions([before(6), before(7)], doses)).toBe(2);
    // A missing trough ends the run.
    expect(monitoredInfusions([before(3), before(4), before(6), before(7)], doses)).toBe(2);
  });

  it('is 0 when the latest infusion had no trough before it, and a censored trough ends the run', () => {
    expect(monitoredInfusions([before(4), before(5), before(6)], doses)).toBe(0);
    expect(monitoredInfusions([before(5), before(6), before(7, 1, true)], doses)).toBe(0);
    expect(monitoredInfusions([before(4, 1, true), before(5), before(6), before(7)], doses)).toBe(3);
  });

  it('counts a trough drawn on the planning day before that day\'s infusion is entered', () => {
    const next = level(doses[7].time + 28 - MIN15, 20);
    expect(monitoredInfusions([before(5), before(6), before(7), next], doses)).toBe(4);
  });
});

describe('the decision when troughs are measured before every infusion', () => {
  // η_CL = −0.2 at 70 kg, 14 four-weekly doses, noise-free troughs (35.0, 35.1, 35.2, 35.2 µg/mL)
  // before the last four: P(next trough ≥ 10) at 6 weeks is near 1, P(steady state ≥ 10) between
  // MONITORED_SS_PROBABILITY and 0.9.
  const { patient, asOf, doses, eta } = monitoredPatient(4);
  const monitored = proposeNatalizumab(patient, asOf);
  const two = monitoredPatient(2).patient;
  const twoTroughs = proposeNatalizumab(two, asOf);

  it('four troughs in a row: the next trough needs 95 %, the steady state 50 %, and the proposal says so', () => {
    expect(MONITORED_MIN_TROUGHS).toBe(3);
    expect(MONITORED_SS_PROBABILITY).toBe(0.5);
    expect(monitoredNextProbability(0.9)).toBeCloseTo(0.95, 12);
    expect(monitoredNextProbability(0.8)).toBeCloseTo(0.9, 12);
    expect(monitored.proposal.monitoredTroughs).toBe(4);
    expect(monitored.proposal.monitored).toBe(true);
    expect(monitored.proposal.requiredSteadyState).toBe(0.5);
    expect(monitored.proposal.requiredNext).toBeCloseTo(0.95, 12);
    for (const a of monitored.alternatives) expect(a.acceptable).toBe(a.pNext >= 0.95 - 1e-12 && a.pSteadyState >= 0.5);
    expect(monitored.proposal.intervalWeeks).toBe(Math.max(...monitored.alternatives.filter((a) => a.acceptable).map((a) => a.weeks)));
    expect(monitored.proposal.intervalWeeks).toBe(6);
    const six = monitored.alternatives.find((a) => a.weeks === 6)!;
    expect(six.pSteadyState).toBeGreaterThanOrEqual(0.5);
    expect(six.pSteadyState).toBeLessThan(0.9);
    expect(six.pNext).toBeGreaterThanOrEqual(0.95);
    expect(monitored.proposal.reasonCode).toBe('nat-reason.extended-monitored');
    expect(monitored.proposal.reasonParams).toEqual({ weeks: 6, target: 10, nextPct: 95, ssPct: 50, count: 4 });
    expect(monitored.proposal.reason).toBe('6 weeks is the longest interval whose next trough is predicted ≥ 10 µg/mL with at least 95 % probability and its steady-state trough with at least 50 %: troughs were measured before each of the last 4 infusions and agree with the model, so every interval is checked by its own trough; measure the next one');
  });

  it('the same patient with the two troughs of the NEXT-MS start needs 90 % of both, and gets a shorter interval', () => {
    expect(two.levels.map((l) => l.value)).toEqual(patient.levels.slice(2).map((l) => l.value));
    expect(twoTroughs.proposal.monitoredTroughs).toBe(2);
    expect(twoTroughs.proposal.monitored).toBe(false);
    expect(twoTroughs.proposal.requiredSteadyState).toBe(0.9);
    expect(twoTroughs.proposal.requiredNext).toBe(0.9);
    for (const a of twoTroughs.alternatives) expect(a.acceptable).toBe(a.pNext >= 0.9 && a.pSteadyState >= 0.9);
    expect(twoTroughs.proposal.intervalWeeks).toBe(5);
    expect(twoTroughs.proposal.reasonCode).toBe('nat-reason.extended');
  });

  it('the proposed interval, re-simulated with the true parameters, gives a next trough at or above the target', () => {
    const w = monitored.proposal.intervalWeeks;
    const t = doses[13].time + 7 * w - MIN15;
    const out = new Float64Array(1);
    runTimeline(new PkSolver(TIGHT), compileTimeline(doses.map(toPkDose), [t]), [individualParams(70, eta)], out, TIGHT);
    expect(out[0]).toBeGreaterThanOrEqual(10);
    // And it lies within the stated 80 % interval of the next trough.
    expect(out[0]).toBeGreaterThanOrEqual(monitored.proposal.nextTrough.low);
    expect(out[0]).toBeLessThanOrEqual(monitored.proposal.nextTrough.high);
  });

  it('the command line writes the same decision', () => {
    const line = proposeLine(monitored) as { proposal: Record<string, unknown> };
    expect(line.proposal).toMatchObject({ interval_weeks: 6, required_probability_above_target: 0.5, monitored_troughs: 4, monitored: true, reason: monitored.proposal.reason });
    expect(line.proposal.required_probability_next_above_target).toBeCloseTo(0.95, 12);
    const two = proposeLine(twoTroughs) as { proposal: Record<string, unknown> };
    expect(two.proposal).toMatchObject({ interval_weeks: 5, required_probability_above_target: 0.9, required_probability_next_above_target: 0.9, monitored_troughs: 2, monitored: false });
  });
});

describe('troughs that scatter more than the assay explains, or a patient the model keeps at 4 weeks', () => {
  it('four troughs in a row that disagree with the model (misfit scale > 1.2) get the unmonitored rule', () => {
    const { patient, asOf } = monitoredPatient(4);
    const scattered = { ...patient, levels: patient.levels.map((l, i) => ({ ...l, value: [35, 18, 60, 35][i], raw: String([35, 18, 60, 35][i]) })) };
    const r = proposeNatalizumab(scattered, asOf);
    expect(MONITORED_MAX_MISFIT).toBe(1.2);
    expect(r.proposal.monitoredTroughs).toBe(4);
    expect(r.proposal.monitored).toBe(false);
    expect(r.proposal.requiredSteadyState).toBe(0.9);
    expect(r.proposal.requiredNext).toBe(0.9);
    for (const a of r.alternatives) expect(a.acceptable).toBe(a.pNext >= 0.9 && a.pSteadyState >= 0.9);
    expect(r.proposal.reasonCode).not.toMatch(/monitored/);
  });

  it('a monitored patient who cannot be extended is told which chance fell short', () => {
    const { patient, asOf } = monitoredPatient(4, [0.2, 0, 0]);
    const r = proposeNatalizumab(patient, asOf);
    expect(r.proposal.monitored).toBe(true);
    expect(r.proposal.intervalWeeks).toBe(4);
    const five = r.alternatives.find((a) => a.weeks === 5)!;
    expect(five.pNext < 0.95 || five.pSteadyState < 0.5).toBe(true);
    expect(r.proposal.reasonCode).toBe('nat-reason.next-unsupported-monitored');
    expect(r.proposal.reason).toBe('kept at 4 weeks: at 5 weeks the next trough is not predicted ≥ 10 µg/mL with 95 % probability, or its steady-state trough with 50 % (troughs were measured before each of the last 4 infusions and agree with the model, so every interval is checked by its own trough)');
  });

  it('when even the standard interval falls short, the sentence names the standard interval itself', () => {
    const { patient, asOf } = monitoredPatient(4, [0.4, 0, 0]);
    const r = proposeNatalizumab(patient, asOf);
    expect(r.proposal.monitored).toBe(true);
    expect(r.alternatives.filter((a) => a.acceptable)).toEqual([]);
    expect(r.alternatives[0].pNext).toBeLessThan(0.95);
    expect(r.proposal.intervalWeeks).toBe(4);
    expect(r.proposal.reasonParams).toMatchObject({ next: 4, nextPct: 95, ssPct: 50 });
    expect(r.proposal.reason).toBe('kept at 4 weeks: at 4 weeks the next trough is not predicted ≥ 10 µg/mL with 95 % probability, or its steady-state trough with 50 % (troughs were measured before each of the last 4 infusions and agree with the model, so every interval is checked by its own trough)');
  });
});
