/**
 * Issue 17, item 1: every guard threshold tested on both sides, with the expected values from the
 * reference (shared/reference/natalizumab.md) and the published rules, not from the code. Each of
 * these deliberate bugs fails a test here: the antibody threshold 2 → 2.2 µg/mL, the residual limit
 * 3 → 3.3, the Vmax weight term dropped, PDNMS's `> 15` → `≥ 15` (checked by hand: see the issue's report).
 */
import { describe, expect, it } from 'vitest';
import type { Observation, PatientRecord } from '../../../src/core/types';
import type { NatalizumabReport } from '../../../src/core/report/types';
import { proposeNatalizumab, individualParams, typicalParams, protocolPdnms } from '../../../src/core/natalizumab/index';
import { antibodyGuard, lowTroughGuard, residualIssues, implausibleWeight, pdnmsWeeks, troughsOnQ4w } from '../../../src/core/natalizumab/guards';
import { segmentParamsBuilder } from '../../../src/core/natalizumab/patient';
import { monitoring, MONITORED_MIN_TROUGHS } from '../../../src/core/natalizumab/monitoring';
import { analyse, resolveOptions } from '../../../src/core/natalizumab/analysis';
import { parseTdmCsv } from '../../../src/core/records/index';
import { dose, level, monitoredPatient, simulatePatient, weight, T0 } from './helpers';

const DAY = 1;
/** Four-weekly doses from T0; a level `daysAfter` the last given dose (a 4-weekly trough when 21–35 days). */
function q4w(n: number) { return Array.from({ length: n }, (_, i) => dose(T0 + 28 * i)); }
const lastDoseT = T0 + 28 * 12;
const troughAt = (v: number, censored = false, daysAfter = 28 - 15 / 1440): Observation => level(lastDoseT + daysAfter, v, censored);
const codes = (r: NatalizumabReport) => r.warnings.map((w) => w.code);

describe('antibody guard: a 4-weekly trough below 2 µg/mL (or censored under a limit ≤ 5)', () => {
  const doses = q4w(13);
  it('1.99 µg/mL is the antibody pattern; 2.0 is not (it is a low trough)', () => {
    expect(antibodyGuard([troughAt(1.99)], doses)?.code).toBe('antibodies-suspected');
    expect(antibodyGuard([troughAt(2.0)], doses)).toBeNull();
    expect(antibodyGuard([troughAt(2.1)], doses)).toBeNull();
    expect(lowTroughGuard([troughAt(2.0)], doses)?.code).toBe('low-trough-q4w');
  });
  it('censored under a limit of 5 counts; under 5.1 it does not', () => {
    expect(antibodyGuard([troughAt(5, true)], doses)?.variant).toBe('censored');
    expect(antibodyGuard([troughAt(5.1, true)], doses)).toBeNull();
  });
  it('counts troughs drawn 21–35 days after the dose before them, both ends included', () => {
    expect(troughsOnQ4w([troughAt(1, false, 21)], doses)).toHaveLength(1);
    expect(troughsOnQ4w([troughAt(1, false, 21 - 0.01)], doses)).toHaveLength(0);
    // A level 35 days after the last dose: no dose after it in this record, so it counts.
    expect(troughsOnQ4w([troughAt(1, false, 35)], doses)).toHaveLength(1);
    expect(troughsOnQ4w([troughAt(1, false, 35 + 0.01)], doses)).toHaveLength(0);
  });
  it('through the whole proposal: 1.99 keeps 4 weeks for antibodies, 2.0 does not name antibodies', () => {
    const sim = simulatePatient('ADA', [1.3, 0, 0], 70);
    const at = (v: number): PatientRecord => ({ ...sim.patient, levels: [{ ...sim.patient.levels[0], value: 3, raw: '3' }, { ...sim.patient.levels[1], value: v, raw: String(v) }] });
    const asOf = sim.patient.doses[12].time + 0.5;
    const r1 = proposeNatalizumab(at(1.99), asOf, { curves: false });
    expect(r1.proposal.reasonCode).toBe('nat-reason.antibodies');
    expect(r1.proposal.longerNotForecast).toBe(true);
    const r2 = proposeNatalizumab(at(2.0), asOf, { curves: false });
    expect(codes(r2)).not.toContain('antibodies-suspected');
    expect(codes(r2)).toContain('low-trough-q4w');
  });
});

describe('low-trough warning: a 4-weekly trough below 5 µg/mL', () => {
  it('4.99 warns, 5.0 does not', () => {
    const doses = q4w(13);
    expect(lowTroughGuard([troughAt(4.99)], doses)?.params).toEqual({ date: expect.any(String), level: '5.0' });
    expect(lowTroughGuard([troughAt(5.0)], doses)).toBeNull();
  });
});

describe('unexplained level: |standardised residual| > 3 (censored: only below −3)', () => {
  const r = (standardised: number, censored = false) => [{ time: T0, observed: 10, predicted: 20, censored, standardised }];
  it('3.0 is explained, 3.05 and −3.05 are not', () => {
    expect(residualIssues(r(3))).toEqual([]);
    expect(residualIssues(r(-3))).toEqual([]);
    expect(residualIssues(r(3.05)).map((i) => i.code)).toEqual(['level-unexplained']);
    expect(residualIssues(r(-3.05)).map((i) => i.code)).toEqual(['level-unexplained']);
  });
  it('a censored level: only a prediction far above its limit (−3.05) is unexplained, never one below it', () => {
    expect(residualIssues(r(-3, true))).toEqual([]);
    expect(residualIssues(r(-3.05, true)).map((i) => i.code)).toEqual(['level-unexplained']);
    expect(residualIssues(r(8, true))).toEqual([]);
  });
});

describe('weight: one range, the records check\'s 20–300 kg, for the import and the engine alike', () => {
  it('20 and 300 kg are accepted, 19.99 and 300.01 are not', () => {
    expect(implausibleWeight([20])).toBeNull();
    expect(implausibleWeight([300])).toBeNull();
    expect(implausibleWeight([19.99])).toBe(19.99);
    expect(implausibleWeight([300.01])).toBe(300.01);
    expect(implausibleWeight([70, Number.NaN])).toBeNaN();
  });
  it('a weight the import accepts is never called impossible by the engine; one it refuses would be', () => {
    const csv = (kg: string) => `patient_id,drug,kind,time,value,unit\nW,natalizumab,weight,2024-01-01T09:00,${kg},kg\nW,natalizumab,dose,2024-01-01T09:00,300,mg\n`;
    for (const [kg, accepted] of [['20', true], ['19.9', false], ['25', true], ['300', true], ['300.5', false], ['280', true]] as const) {
      const p = parseTdmCsv(csv(kg), 'w.csv').patients[0];
      const refused = p.issues.some((i) => i.severity === 'error');
      expect(refused, kg).toBe(!accepted);
      const r = proposeNatalizumab({ ...p, issues: [], weights: [weight(p.doses[0].time, Number(kg))] }, p.doses[0].time + 1, { curves: false });
      expect(r.proposal.reasonCode === 'nat-reason.weight', kg).toBe(!accepted);
    }
  });
});

describe('body weight in the parameters (reference §2: CL·(WT/70)^0.60, Vmax·(WT/70)^0.26)', () => {
  for (const kg of [50, 110]) {
    it(`${kg} kg`, () => {
      const expected = { cl: 0.164 * (kg / 70) ** 0.6, vmax: 2.86 * (kg / 70) ** 0.26 };
      for (const p of [individualParams(kg, [0, 0, 0]), typicalParams(kg), segmentParamsBuilder([kg])([0, 0, 0])[0]]) {
        expect(p.cl).toBeCloseTo(expected.cl, 12);
        expect(p.vmax).toBeCloseTo(expected.vmax, 12);
      }
    });
  }
});

describe('PDNMS: trough above 15 µg/mL +1 week (max 8); below 10 or censored −1 week (min 4); between: keep', () => {
  const doses5 = [dose(T0), dose(T0 + 35)];
  const at = (v: number, censored = false) => protocolPdnms(doses5, level(T0 + 35 + 35 - 15 / 1440, v, censored), null);
  it('15.0 keeps the 5-week interval, 15.01 extends it to 6', () => {
    expect([at(15).intervalWeeks, at(15).rationaleCode]).toEqual([5, 'pdnms.between']);
    expect([at(15.01).intervalWeeks, at(15.01).rationaleCode]).toEqual([6, 'pdnms.above-extend']);
    expect(pdnmsWeeks(5, { value: 15, censored: false })).toBe(5);
    expect(pdnmsWeeks(5, { value: 15.01, censored: false })).toBe(6);
  });
  it('10.0 keeps it, 9.99 and a censored trough shorten it to 4', () => {
    expect(at(10).intervalWeeks).toBe(5);
    expect(at(9.99).intervalWeeks).toBe(4);
    expect(at(20, true).intervalWeeks).toBe(4);
    expect(pdnmsWeeks(5, { value: 10, censored: false })).toBe(5);
    expect(pdnmsWeeks(5, { value: 9.99, censored: false })).toBe(4);
  });
  it('never beyond 8 weeks nor below 4', () => {
    expect(pdnmsWeeks(8, { value: 40, censored: false })).toBe(8);
    expect(pdnmsWeeks(4, { value: 1, censored: false })).toBe(4);
  });
});

describe('overdue: planning after the standard interval has run out', () => {
  const sim = simulatePatient('OVD', [-0.5, 0, 0], 70);
  const last = sim.patient.doses[12].time;
  it('on the due day (4 weeks after the last dose) the plan is as usual; the day after, the dose is overdue', () => {
    const onTime = proposeNatalizumab(sim.patient, last + 28 * DAY, { curves: false });
    expect(onTime.proposal.reasonCode).not.toBe('nat-reason.gap');
    expect(codes(onTime)).not.toContain('dose-overdue');
    const late = proposeNatalizumab(sim.patient, last + 29 * DAY, { curves: false });
    expect(late.proposal.reasonCode).toBe('nat-reason.gap');
    expect(late.proposal.longerNotForecast).toBe(true);
    expect(codes(late)).toContain('dose-overdue');
  });
});

describe('only censored levels', () => {
  const sim = simulatePatient('CENS', [0, 0, 0], 70);
  const asOf = sim.patient.doses[12].time + 0.5;
  it('every level censored keeps 4 weeks; one quantified level lifts the guard', () => {
    const [a, b] = sim.patient.levels;
    const all = proposeNatalizumab({ ...sim.patient, levels: [{ ...a, value: 40, censored: true }, { ...b, value: 40, censored: true }] }, asOf, { curves: false });
    expect(all.proposal.reasonCode).toBe('nat-reason.censored-only');
    const one = proposeNatalizumab({ ...sim.patient, levels: [{ ...a, value: 40, censored: true }, b] }, asOf, { curves: false });
    expect(one.proposal.reasonCode).not.toBe('nat-reason.censored-only');
  });
});

describe('monitored: troughs before at least 3 infusions in a row, misfit scale at most 1.2', () => {
  it(`${MONITORED_MIN_TROUGHS} troughs in a row are monitored, 2 are not`, () => {
    const m3 = monitoredPatient(3);
    expect(proposeNatalizumab(m3.patient, m3.asOf, { curves: false }).proposal.monitored).toBe(true);
    const m2 = monitoredPatient(2);
    expect(proposeNatalizumab(m2.patient, m2.asOf, { curves: false }).proposal.monitored).toBe(false);
  });
  it('a misfit scale of exactly 1.2 is monitored, 1.21 is not (scale = sqrt((2 + Σz²)/(2 + n)))', () => {
    const m = monitoredPatient(4);
    const a = analyse(m.patient, m.asOf, resolveOptions({}));
    // Four equal residuals z with sqrt((2 + 4z²)/6) = s: z² = (6s² − 2)/4.
    const zs = (s: number) => Array.from({ length: 4 }, () => Math.sqrt((6 * s * s - 2) / 4));
    expect(monitoring(a, zs(1.2)).monitored).toBe(true);
    expect(monitoring(a, zs(1.21)).monitored).toBe(false);
  });
});
