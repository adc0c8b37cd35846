/**
 * An overdue dose's restart reuses the proposal's fit (issue 17, item 6): the restart dose comes
 * after every level, so the fit of the record with it is the fit without it; the patient is not
 * fitted twice. Same numbers (the analysis with the reused fit equals the one fitted again), less
 * work (counted in integrator steps by the engine's work budget, not by a clock).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cutAsOf, lastEventTime, parseAsOfDate, parseTdmCsv, formatDate, type PatientRecord } from '../../src/core/index';
import { workBudget, withWorkBudget } from '../../src/core/pk/index';
import { analyse, continuedOutputs, resolveOptions, reuseFit } from '../../src/core/natalizumab/analysis';
import { preparePatient } from '../../src/core/natalizumab/patient';
import { proposeNatalizumab } from '../../src/core/natalizumab/propose';

const patients = parseTdmCsv(readFileSync('fixtures/validation/natalizumab-virtual.csv', 'utf8'), 'v.csv').patients;
const steps = (fn: () => unknown): number => { const b = workBudget(1e12); withWorkBudget(b, fn); return b.total - b.left; };
const opts = resolveOptions({ curves: false });
const TODAY = parseAsOfDate('2026-12-07')!;

function withDose(p: PatientRecord, time: number): PatientRecord {
  const last = p.doses[p.doses.length - 1];
  return { ...p, doses: [...p.doses, { ...last, time, iso: formatDate(time) + 'T09:00', line: undefined }] };
}

describe('reuseFit', () => {
  const p = cutAsOf(patients[0], parseAsOfDate(formatDate(lastEventTime(patients[0])))!);
  const a = preparePatient(p, TODAY);
  const lastLevel = p.levels[p.levels.length - 1].time;
  it('a dose after every level: the same fit', () => {
    expect(reuseFit(a, preparePatient(withDose(p, TODAY - 0.5), TODAY))).toBe(true);
    expect(reuseFit(a, a)).toBe(true);
  });
  it('a dose before the last level, another level, another weight, a dose fewer: fitted again', () => {
    expect(reuseFit(a, preparePatient(withDose(p, lastLevel - 0.1), TODAY))).toBe(false);
    expect(reuseFit(a, preparePatient({ ...p, levels: p.levels.slice(1) }, TODAY))).toBe(false);
    expect(reuseFit(a, preparePatient({ ...p, weights: [...p.weights, { ...p.weights[0], time: p.doses[2].time, kg: 90 }] }, TODAY))).toBe(false);
    expect(reuseFit(a, preparePatient({ ...p, doses: p.doses.slice(0, -1) }, TODAY))).toBe(false);
  });
});

describe('continuedOutputs: the draws continued from just before the last dose', () => {
  const base = cutAsOf(patients[1], parseAsOfDate(formatDate(lastEventTime(patients[1])))!);
  const last = base.doses[base.doses.length - 1];
  const variants: [string, PatientRecord][] = [
    ['as recorded', base],
    // A level after the last dose (an output after the snapshot), a weight change after it (a new parameter segment).
    ['a level and a weight after the last dose', {
      ...base,
      levels: [...base.levels, { ...base.levels[base.levels.length - 1], time: last.time + 10, iso: formatDate(last.time + 10) + 'T09:00', value: 40, line: undefined }],
      weights: [...base.weights, { ...base.weights[0], time: last.time + 5, iso: formatDate(last.time + 5), kg: base.weights[0].kg + 12, line: undefined }],
    }],
  ];
  for (const [name, p] of variants) {
    it(`${name}: the outputs, draws and weights of the analysis of the restarted record, bit for bit, with fewer steps`, () => {
      const a = analyse(p, TODAY, opts);
      const restarted = withDose(p, TODAY - 0.5);
      const out = [TODAY + 27.5];
      const full = analyse(restarted, TODAY, opts, out);
      const cont = continuedOutputs(a, preparePatient(restarted, TODAY), opts, out);
      expect(cont).not.toBeNull();
      expect(cont!.outMap).toEqual(full.outMap);
      expect(cont!.outSamples).toEqual(full.outSamples);
      expect(cont!.weights).toEqual(full.weights);
      expect(steps(() => continuedOutputs(a, preparePatient(restarted, TODAY), opts, out))).toBeLessThan(steps(() => analyse(restarted, TODAY, opts, out, undefined, { reuse: a })));
    });
  }
  it('not for subcutaneous doses (the run stops at the depot, after a lag, not at the dose\'s time), another record or other draws: null, analysed anew', () => {
    const sc: PatientRecord = { ...base, doses: base.doses.map((d) => ({ ...d, route: 'sc' as const, durationMin: 0 })) };
    expect(continuedOutputs(analyse(sc, TODAY, opts), preparePatient(withDose(sc, TODAY - 0.5), TODAY), opts, [TODAY + 27.5])).toBeNull();
    const a = analyse(base, TODAY, opts);
    const lastLevel = base.levels[base.levels.length - 1].time;
    expect(continuedOutputs(a, preparePatient(withDose(base, lastLevel - 0.1), TODAY), opts, [TODAY])).toBeNull();
    expect(continuedOutputs(a, preparePatient(withDose(base, TODAY - 0.5), TODAY), resolveOptions({ curves: false, samples: 60 }), [TODAY])).toBeNull();
  });
});

describe('the restart of an overdue dose', () => {
  it('with the proposal\'s fit: the same analysis as fitted again, with fewer steps', () => {
    for (const q of patients.slice(0, 4)) {
      const p = cutAsOf(q, parseAsOfDate(formatDate(lastEventTime(q)))!);
      const a = analyse(p, TODAY, opts);
      const restarted = withDose(p, TODAY - 0.5);
      const out = [TODAY + 27.5];
      const again = analyse(restarted, TODAY, opts, out);
      const reused = analyse(restarted, TODAY, opts, out, undefined, { reuse: a });
      expect(reused).toEqual(again);
      expect(steps(() => analyse(restarted, TODAY, opts, out, undefined, { reuse: a }))).toBeLessThan(steps(() => analyse(restarted, TODAY, opts, out)));
    }
  });
  it('the proposal of a patient overdue for years does less work than fitting it twice', () => {
    for (const q of patients.slice(0, 4)) {
      const p = cutAsOf(q, parseAsOfDate(formatDate(lastEventTime(q)))!);
      const r = proposeNatalizumab(p, TODAY, { curves: false });
      expect(r.warnings.some((w) => w.code === 'dose-overdue')).toBe(true);
      const restartDay = parseAsOfDate(r.proposal.nextDose)! - 1 + 9 / 24;
      const twice = steps(() => analyse(p, TODAY, opts)) + steps(() => analyse(withDose(p, restartDay), TODAY, opts, [restartDay + 28]));
      expect(steps(() => proposeNatalizumab(p, TODAY, { curves: false }))).toBeLessThan(twice);
    }
  });
});
