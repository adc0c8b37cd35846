/**
 * Late patients (issue 15 item 7): when the next dose as planned falls before the day the plan is
 * made (the app's today, `notBefore`; or the CLI's --as-of), the report says the dose is overdue
 * and proposes the first possible day (that day, or the clinic's next infusion weekday); every
 * option counts from there and none lies in the past. Tested on both sides of the boundary: due
 * today (not late) and due yesterday (late).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { computeReport, cutAsOf, lastEventTime, parseTdmCsv, type EngineSettings, type PatientRecord, type PatientReport } from '../../src/core/index';
import { firstPossibleDay } from '../../src/core/natalizumab/schedule';
import { parseIsoTime } from '../../src/core/time';
import { runCli } from '../../src/cli/run';

const FILE = 'fixtures/examples/example-patients.csv';
const parsed = parseTdmCsv(readFileSync(FILE, 'utf8'), 'example-patients.csv');
const byId = (id: string): PatientRecord => parsed.patients.find((p) => p.id === id)!;
const endOfLastDay = (p: PatientRecord) => Math.floor(lastEventTime(p) + 1e-9) + 1 - 1 / 86_400;

function plan(id: string, notBefore?: string, nat: EngineSettings['natalizumab'] = {}): PatientReport {
  const p = byId(id);
  const t = endOfLastDay(p);
  const r = computeReport(cutAsOf(p, t), t, { natalizumab: { curves: false, ...nat }, ocrelizumab: {}, notBefore });
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** Every date the report offers for a dose or a lab. */
function offeredDates(r: PatientReport): string[] {
  if (r.drug === 'natalizumab') return [r.proposal.nextDose, r.protocol.nextDose, ...r.alternatives.map((a) => a.nextDose)];
  return [r.proposal.nextDose, r.proposal.nextBcellCheck, r.protocol.nextCount];
}

describe('firstPossibleDay', () => {
  it('is the day itself without an infusion weekday, else the first such weekday on or after it', () => {
    const mon = parseIsoTime('2026-12-07')!; // a Monday
    expect(firstPossibleDay(mon, null)).toBe('2026-12-07');
    expect(firstPossibleDay(mon, 1)).toBe('2026-12-07');
    expect(firstPossibleDay(mon, 2)).toBe('2026-12-08');
    expect(firstPossibleDay(mon, 0)).toBe('2026-12-13');
    expect(firstPossibleDay(parseIsoTime('2026-12-08')!, 1)).toBe('2026-12-14');
  });
});

describe('natalizumab: a dose due today is not late; due yesterday it is', () => {
  // NAT-001: last row 2026-11-09 (an infusion); the model proposes 5 weeks, 2026-12-14.
  it('due today (planned on 2026-12-14): the plan as of the last row stands; its first possible day is today', () => {
    const r = plan('NAT-001', '2026-12-14');
    if (r.drug !== 'natalizumab') throw new Error('drug');
    expect(r.late).toBeNull();
    expect(r.asOf).toBe('2026-11-09');
    expect(r.firstPossibleDay).toBe('2026-12-14');
    expect(r.proposal.intervalWeeks).toBe(5);
    expect(r.proposal.nextDose).toBe('2026-12-14');
    expect(r.warnings.map((w) => w.code)).not.toContain('dose-overdue');
    // Nothing else changes for a patient not late: the command line's plan as of the last row.
    expect(r.proposal).toEqual(plan('NAT-001').proposal);
    expect(r.alternatives).toEqual((plan('NAT-001') as typeof r).alternatives);
  });

  it('due yesterday (planned on 2026-12-15): overdue, proposed on 2026-12-15; the only option and the rule count from there', () => {
    const r = plan('NAT-001', '2026-12-15');
    if (r.drug !== 'natalizumab') throw new Error('drug');
    expect(r.late).toEqual({ due: '2026-12-07' });
    expect(r.asOf).toBe('2026-12-15');
    expect(r.firstPossibleDay).toBe('2026-12-15');
    expect(r.proposal.intervalWeeks).toBe(4);
    expect(r.proposal.nextDose).toBe('2026-12-15');
    expect(r.alternatives.map((a) => [a.weeks, a.nextDose])).toEqual([[4, '2026-12-15']]);
    expect(r.protocol.nextDose).toBe('2026-12-15');
    // The option in the list is the headline: the same next dose, the same forecast of the next trough.
    expect(r.alternatives[0].nextTrough).toEqual(r.proposal.nextTrough);
    expect(r.proposal.reason).toBe('kept at 4 weeks: the dose is overdue (5.2 weeks since the last dose); give it now, continue 4-weekly and re-plan from the next trough');
    const w = r.warnings.find((x) => x.code === 'dose-overdue')!;
    expect(w.message).toBe('the dose is overdue: 4 weeks after the last dose (2026-11-09) was 2026-12-07, before 2026-12-15; give it as soon as possible and re-plan from that infusion');
  });

  it('the command line on its own --as-of: an overdue dose goes on that day, and the standard option says the same date', () => {
    const cli = runCli(['propose', FILE, '--as-of', '2026-12-08'], (f) => readFileSync(f));
    const line = cli.stdout.map((l) => JSON.parse(l) as { patient_id: string; proposal: { next_dose: string }; alternatives: { interval_weeks: number; next_dose: string }[]; protocol: { next_dose: string } }).find((o) => o.patient_id === 'NAT-001')!;
    expect(line.proposal.next_dose).toBe('2026-12-08');
    expect(line.alternatives).toMatchObject([{ interval_weeks: 4, next_dose: '2026-12-08' }]);
    expect(line.protocol.next_dose).toBe('2026-12-08');
    const dueToday = runCli(['propose', FILE, '--as-of', '2026-12-07'], (f) => readFileSync(f)).stdout.map((l) => JSON.parse(l) as { patient_id: string; proposal: { next_dose: string } }).find((o) => o.patient_id === 'NAT-001')!;
    expect(dueToday.proposal.next_dose).toBe('2026-12-14');
  });

  it('with the clinic\'s infusion day (Monday) a late dose goes on the next Monday, never before the day of planning', () => {
    const r = plan('NAT-001', '2026-12-15', { infusionWeekday: 1 });
    expect(r.late).toEqual({ due: '2026-12-07' });
    expect(r.firstPossibleDay).toBe('2026-12-21');
    expect(r.proposal.nextDose).toBe('2026-12-21');
    expect(offeredDates(r).every((d) => d === '2026-12-21')).toBe(true);
  });

  it('the app (rows to the last entry, planned on a later day) and the CLI (--as-of that day) give the same proposal', () => {
    const app = plan('NAT-001', '2026-12-20');
    const cli = runCli(['propose', FILE, '--as-of', '2026-12-20'], (f) => readFileSync(f));
    const line = cli.stdout.map((l) => JSON.parse(l) as { patient_id: string; proposal: { next_dose: string; interval_weeks: number; next_trough: number } }).find((o) => o.patient_id === 'NAT-001')!;
    if (app.drug !== 'natalizumab') throw new Error('drug');
    expect(line.proposal.next_dose).toBe('2026-12-20');
    expect(app.proposal.nextDose).toBe(line.proposal.next_dose);
    expect(app.proposal.intervalWeeks).toBe(line.proposal.interval_weeks);
    expect(Number(app.proposal.nextTrough.value.toPrecision(4))).toBe(line.proposal.next_trough);
  });
});

describe('ocrelizumab: a re-dose due today is not late; due yesterday it is', () => {
  // OCR-003: last dose 2026-04-27, re-dose proposed at week 32, 2026-12-07.
  it('due today: the re-dose stands (the count that has passed is now)', () => {
    const r = plan('OCR-003', '2026-12-07');
    expect(r.late).toBeNull();
    expect(r.proposal.nextDose).toBe('2026-12-07');
    if (r.drug !== 'ocrelizumab') throw new Error('drug');
    expect(r.proposal.nextBcellCheck).toBe('2026-12-07');
  });

  it('due yesterday: overdue, re-dosed on the first whole week after the infusion not before the day of planning', () => {
    const r = plan('OCR-003', '2026-12-08');
    if (r.drug !== 'ocrelizumab') throw new Error('drug');
    expect(r.late).toEqual({ due: '2026-12-07' });
    expect(r.firstPossibleDay).toBe('2026-12-14');
    expect(r.proposal.nextDose).toBe('2026-12-14');
    expect(r.proposal.reason).toMatch(/; re-dose now, at week 33 \(the first whole week not before today: the crossing has probably passed\); next CD19\+ count at week 33 \(2026-12-14\)$/);
    for (const d of offeredDates(r)) expect(d >= '2026-12-08').toBe(true);
  });

  it('a count that has passed (OCR-001, count planned 2026-11-30) is planned from the day of planning; the re-dose stands', () => {
    const before = plan('OCR-001');
    const r = plan('OCR-001', '2026-12-07');
    if (r.drug !== 'ocrelizumab' || before.drug !== 'ocrelizumab') throw new Error('drug');
    expect(before.proposal.nextBcellCheck).toBe('2026-11-30');
    expect(r.late).toBeNull();
    expect(r.proposal.nextDose).toBe(before.proposal.nextDose);
    expect(r.proposal.nextBcellCheck).toBe('2026-12-07');
  });
});

describe('no dose or lab date proposed lies before the day of planning (every example patient, any later day)', () => {
  it('holds for natalizumab and ocrelizumab, with and without an infusion weekday; a late patient is proposed its first possible day', () => {
    const ids = parsed.patients.map((p) => p.id);
    fc.assert(fc.property(fc.constantFrom(...ids), fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), (id, days, weekday) => {
      const day = new Date(Date.UTC(2026, 10, 1) + days * 864e5).toISOString().slice(0, 10);
      const r = plan(id, day, { infusionWeekday: weekday });
      const first = r.firstPossibleDay!;
      expect(first >= day || first >= r.asOf).toBe(true);
      expect(r.proposal.nextDose >= day || r.proposal.nextDose >= r.asOf).toBe(true);
      expect(r.proposal.nextDose >= first || r.drug === 'ocrelizumab').toBe(true);
      if (r.drug === 'ocrelizumab') for (const d of [r.proposal.nextBcellCheck, r.protocol.nextCount]) expect(d >= day || d >= r.asOf, `${id} ${day}: ${d}`).toBe(true);
      if (r.late) expect(r.proposal.nextDose).toBe(first);
    }), { numRuns: 40, seed: 15 });
  });
});
