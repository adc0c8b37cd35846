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
import { analyse, resolveOptions, reuseFit } from '../../src/core/natalizumab/analysis';
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
