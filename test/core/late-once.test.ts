/**
 * A patient certainly late (issue 17, item 6): the app plans on today from the rows up to the last
 * entry; when no proposal as of that entry could fall on or after today (the last dose plus the
 * longest interval, and the first possible day after the entry, are both before it) the plan is
 * made once, as of today, instead of twice. Same answer, half the work: the work is counted by the
 * engine's own stop hook (asked every few thousand integrator steps), not by a clock.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { certainlyLate, computeReport, type EngineSettings } from '../../src/core/engine';
import { cutAsOf, lastEventTime, parseTdmCsv, type PatientRecord } from '../../src/core/index';
import { nextDoseDate } from '../../src/core/natalizumab/schedule';
import { parseAsOfDate, formatDate } from '../../src/core/time';

const DAY = 1; // the core's time is in days

const patients = parseTdmCsv(readFileSync('fixtures/validation/natalizumab-virtual.csv', 'utf8'), 'v.csv').patients;
const endOfLastDay = (p: PatientRecord) => parseAsOfDate(formatDate(lastEventTime(p)))!;

/** The report and the stop hook's count (the engine's work) of one computation. */
function counted(p: PatientRecord, asOf: number, settings: EngineSettings): { report: ReturnType<typeof computeReport>; checks: number } {
  let checks = 0;
  const report = computeReport(p, asOf, { ...settings, stop: () => { checks++; return false; } });
  return { report, checks };
}

/** The answer as the engine gave it before (two passes): the plan as of the entry, and if it is late, the plan as of the day. */
function twoPasses(p: PatientRecord, asOf: number, settings: EngineSettings, day: string): ReturnType<typeof computeReport> {
  const first = computeReport(p, asOf, settings);
  if ('error' in first || first.drug !== 'natalizumab' || first.proposal.nextDose >= day) return computeReport(p, asOf, { ...settings, notBefore: day });
  return computeReport(p, parseAsOfDate(day)!, settings);
}

describe('certainlyLate', () => {
  const p = patients[0];
  const asOf = endOfLastDay(p);
  const last = Math.max(...p.doses.map((d) => d.time));
  const settings: EngineSettings = { natalizumab: { curves: false }, ocrelizumab: {} };
  const longest = nextDoseDate(last, 8, null); // the default longest interval, 8 weeks
  const dayAfter = (iso: string) => formatDate(parseAsOfDate(iso)! + DAY);

  it('is false on the last possible day of the longest interval and true the day after', () => {
    expect(certainlyLate(p, asOf, longest, settings)).toBe(false);
    expect(certainlyLate(p, asOf, dayAfter(longest), settings)).toBe(true);
  });
  it('follows the longest interval set (12 weeks) and the infusion weekday', () => {
    const twelve = nextDoseDate(last, 12, null);
    const s12: EngineSettings = { natalizumab: { curves: false, maxIntervalWeeks: 12 }, ocrelizumab: {} };
    expect(certainlyLate(p, asOf, dayAfter(longest), s12)).toBe(false);
    expect(certainlyLate(p, asOf, twelve, s12)).toBe(false);
    expect(certainlyLate(p, asOf, dayAfter(twelve), s12)).toBe(true);
    const wd: EngineSettings = { natalizumab: { curves: false, infusionWeekday: 2 }, ocrelizumab: {} };
    const onWeekday = nextDoseDate(last, 8, 2);
    expect(certainlyLate(p, asOf, onWeekday, wd)).toBe(false);
    expect(certainlyLate(p, asOf, dayAfter(onWeekday), wd)).toBe(true);
  });
  it('an entry long after the last dose: the first possible day after it bounds the plan', () => {
    const later = asOf + 200 * DAY; // 200 days on: the dose is overdue as of then
    const first = formatDate(Math.floor(later + 1e-9));
    expect(certainlyLate(p, later, first, settings)).toBe(false);
    expect(certainlyLate(p, later, dayAfter(first), settings)).toBe(true);
  });
  it('never for ocrelizumab or a record without a dose', () => {
    expect(certainlyLate({ ...p, drug: 'ocrelizumab' }, asOf, '2099-01-01', settings)).toBe(false);
    expect(certainlyLate({ ...p, doses: [] }, asOf, '2099-01-01', settings)).toBe(false);
  });
  it('is sound: whenever it says late, the plan as of the entry proposes a dose before the day', () => {
    for (const q of patients.slice(0, 12)) {
      const t = endOfLastDay(q);
      for (const extra of [7, 30, 57, 80, 400]) {
        const day = formatDate(t + extra * DAY);
        if (!certainlyLate(q, t, day, settings)) continue;
        const r = computeReport(cutAsOf(q, t), t, settings);
        if ('error' in r || r.drug !== 'natalizumab') continue;
        expect(r.proposal.nextDose < day, `${q.id} ${day}`).toBe(true);
      }
    }
  });
});

describe('a certainly late patient is planned once', () => {
  it('gives the two-pass answer with the work of one pass (validation patients, planned years later)', () => {
    const day = '2026-12-07';
    const dayT = parseAsOfDate(day)!;
    let compared = 0;
    for (const q of patients.slice(0, 8)) {
      const t = endOfLastDay(q);
      const cut = cutAsOf(q, t);
      const settings: EngineSettings = { natalizumab: { curves: false }, ocrelizumab: {} };
      expect(certainlyLate(cut, t, day, settings)).toBe(true);
      const once = counted(cut, t, { ...settings, notBefore: day });
      const asOfDay = counted(cut, dayT, settings);
      expect(once.report).toEqual(twoPasses(cut, t, settings, day));
      expect(once.report).toEqual(asOfDay.report);
      // One pass: the work of the plan as of the day alone (two passes did the entry's plan as well).
      expect(once.checks).toBe(asOfDay.checks);
      expect(counted(cut, t, settings).checks).toBeGreaterThan(0);
      compared++;
    }
    expect(compared).toBe(8);
  });
  it('a patient due after the day is still planned as of the entry (both sides of the rule)', () => {
    const q = patients[0];
    const t = endOfLastDay(q);
    const cut = cutAsOf(q, t);
    const settings: EngineSettings = { natalizumab: { curves: false }, ocrelizumab: {} };
    const day = formatDate(t + 7 * DAY);
    expect(certainlyLate(cut, t, day, settings)).toBe(false);
    expect(computeReport(cut, t, { ...settings, notBefore: day })).toEqual(twoPasses(cut, t, settings, day));
  });
});
