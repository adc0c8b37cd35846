/**
 * Natalizumab with troughs measured before every infusion (NEXT-MS monitoring): which runs of
 * troughs count, and the decision rule it allows (the next trough with the required 90 %, the
 * steady-state trough of that interval with at least MONITORED_SS_PROBABILITY), against the same
 * patient with only the two troughs of the NEXT-MS starting point.
 */
import { describe, expect, it } from 'vitest';
import type { DoseEvent, Observation } from '../../../src/core/types';
import { monitoredInfusions } from '../../../src/core/natalizumab/trend';
import { proposeNatalizumab, MONITORED_MIN_TROUGHS, MONITORED_SS_PROBABILITY } from '../../../src/core/natalizumab/propose';
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

  it('four troughs in a row: the next trough needs 90 %, the steady state 60 %, and the proposal says so', () => {
    expect(MONITORED_MIN_TROUGHS).toBe(3);
    expect(MONITORED_SS_PROBABILITY).toBe(0.6);
    expect(monitored.proposal.monitoredTroughs).toBe(4);
    expect(monitored.proposal.requiredSteadyState).toBe(0.6);
    for (const a of monitored.alternatives) expect(a.acceptable).toBe(a.pNext >= 0.9 && a.pSteadyState >= 0.6);
    expect(monitored.proposal.intervalWeeks).toBe(Math.max(...monitored.alternatives.filter((a) => a.acceptable).map((a) => a.weeks)));
    expect(monitored.proposal.intervalWeeks).toBe(6);
    const six = monitored.alternatives.find((a) => a.weeks === 6)!;
    expect(six.pSteadyState).toBeGreaterThanOrEqual(0.6);
    expect(six.pSteadyState).toBeLessThan(0.9);
    expect(six.pNext).toBeGreaterThanOrEqual(0.9);
    expect(monitored.proposal.reasonCode).toBe('nat-reason.extended-monitored');
    expect(monitored.proposal.reasonParams).toEqual({ weeks: 6, target: 10, pct: 90, ssPct: 60, count: 4 });
    expect(monitored.proposal.reason).toBe('6 weeks is the longest interval whose next trough is predicted ≥ 10 µg/mL with at least 90 % probability and its steady-state trough with at least 60 %: troughs were measured before each of the last 4 infusions, so every interval is checked by its own trough; measure the next one');
  });

  it('the same patient with the two troughs of the NEXT-MS start needs 90 % of both, and gets a shorter interval', () => {
    expect(two.levels.map((l) => l.value)).toEqual(patient.levels.slice(2).map((l) => l.value));
    expect(twoTroughs.proposal.monitoredTroughs).toBe(2);
    expect(twoTroughs.proposal.requiredSteadyState).toBe(0.9);
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
    const line = proposeLine(monitored) as { proposal: { interval_weeks: number } };
    expect(line.proposal.interval_weeks).toBe(6);
  });
});
