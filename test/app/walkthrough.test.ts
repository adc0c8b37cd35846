/**
 * Issue 15, the clinic walkthrough (items 6, 7, 8, 9, 10): no choice offered in the past for a late
 * patient and the "(proposal)" is the headline; a risky choice says its probability against the
 * requirement in the planning line, the planning CSV, the clinic day and the .ics; example patients
 * stay off the clinic day unless asked for; the .ics drops control characters; a worker that never
 * answers is stopped by the budget.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeReport, cutAsOf, lastEventTime, type NatalizumabReport, type PatientReport } from '../../src/core/index';
import { choiceOptions } from '../../src/app/features/proposal/choices';
import { parseOption, plannedDose } from '../../src/app/lib/plan';
import { planCells, planEntries, PLANNING_COLUMNS } from '../../src/app/lib/plan-export';
import { appointments } from '../../src/app/features/clinic-day/ClinicDayView';
import { buildIcs, escapeText, icsEvents } from '../../src/app/features/calendar/exportIcs';
import { CoreClient, OverBudgetError, type WorkerLike } from '../../src/app/worker-client';
import type { ReportEntry } from '../../src/app/use-reports';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import type { PatientRecord } from '../../src/core/types';
import { writeCsvTable } from '../../src/core/records/index';
import { makeT } from './features/i18n-helper';
import { exampleReport, parsed, storedExample } from './example-reports';

function planOn(id: string, notBefore: string): PatientReport {
  const p = parsed.patients.find((x) => x.id === id)!;
  const asOf = Math.floor(lastEventTime(p)) + 1 - 1e-9;
  return computeReport(cutAsOf(p, asOf), asOf, { natalizumab: { curves: false }, ocrelizumab: {}, notBefore }) as PatientReport;
}

describe('a late patient: the choice list offers no past date, and its "(proposal)" is the headline', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`natalizumab, ${lang}`, () => {
      const r = planOn('NAT-001', '2026-12-21') as NatalizumabReport;
      const options = choiceOptions(r, makeT('proposal', lang), lang);
      expect(options.map((o) => parseOption(o.value).date)).toEqual(['2026-12-21', '2026-12-21']);
      expect(options[0].label).toBe(lang === 'en' ? '4 weeks, next dose 2026-12-21 (proposed)' : '4 weken, volgende gift 21-12-2026 (voorstel)');
      expect(parseOption(options[0].value).date).toBe(r.proposal.nextDose);
    });
  }

  it('not late (the proposal 2026-12-14 still ahead on 2026-12-08): the 4-week option dated 2026-12-07 is no longer offered', () => {
    const r = planOn('NAT-001', '2026-12-08') as NatalizumabReport;
    expect(r.late).toBeNull();
    expect(r.alternatives.find((a) => a.weeks === 4)!.nextDose).toBe('2026-12-07');
    const options = choiceOptions(r, makeT('proposal', 'en'), 'en');
    expect(options.map((o) => o.value)).toEqual(['2026-12-14/interval:5', '2026-12-21/interval:6', '2026-12-28/interval:7', '2027-01-04/interval:8', '2026-12-14/protocol:5']);
    expect(options[0].label).toBe('5 weeks, next dose 2026-12-14 (proposed)');
  });

  it('ocrelizumab: options dated before the day of planning (the early re-dose, the 6-monthly date) are left out', () => {
    const on = '2027-03-01';
    const r = planOn('OCR-001', on);
    expect(r.late).not.toBeNull();
    const en = choiceOptions(r, makeT('proposal', 'en'), 'en');
    for (const o of en) expect(parseOption(o.value).date! >= on, o.label).toBe(true);
    expect(en[0].label).toBe('Re-dose on 2027-03-01 (proposed)');
    // Not late (as of the last row): the same list as before.
    const asOfLast = exampleReport('OCR-001');
    expect(choiceOptions(asOfLast, makeT('proposal', 'en'), 'en').length).toBeGreaterThanOrEqual(en.length);
  });
});

describe('a choice below the required probability stays visibly risky', () => {
  const nat = exampleReport('NAT-001') as NatalizumabReport;
  const risky = nat.alternatives.find((a) => !a.acceptable)!;
  const choice = { option: `${risky.nextDose}/interval:${risky.weeks}`, reason: 'holiday', at: '', basis: { asOf: nat.asOf, proposed: nat.proposal.nextDose } };
  const safe = nat.alternatives.find((a) => a.acceptable && a.weeks !== nat.proposal.intervalWeeks)!;
  const safeChoice = { ...choice, option: `${safe.nextDose}/interval:${safe.weeks}` };

  it('the plan carries the chance and the one required (the smaller margin), none for a choice that meets it', () => {
    const plan = plannedDose(nat, choice);
    const ss = { probability: risky.pSteadyState, required: nat.proposal.requiredSteadyState };
    const next = { probability: risky.pNext, required: nat.proposal.requiredNext };
    expect(plan.risk).toEqual(ss.probability - ss.required <= next.probability - next.required ? ss : next);
    expect(plan.risk!.probability).toBeLessThan(plan.risk!.required);
    expect(plannedDose(nat, safeChoice).risk).toBeNull();
    expect(plannedDose(nat, null).risk).toBeNull();
  });

  it('the planning CSV has the two percentages, empty for a choice that meets the requirement', () => {
    const reports = new Map<string, PatientReport>([['NAT-001', nat]]);
    const rows = planCells(planEntries([storedExample('NAT-001', choice)], reports, '2026-11-10'));
    const plan = plannedDose(nat, choice);
    expect(PLANNING_COLUMNS.slice(-2)).toEqual(['choice_probability_percent', 'required_probability_percent']);
    expect(rows[0].slice(-2)).toEqual([String(Math.round(plan.risk!.probability * 100)), String(Math.round(plan.risk!.required * 100))]);
    expect(planCells(planEntries([storedExample('NAT-001', safeChoice)], reports, '2026-11-10'))[0].slice(-2)).toEqual(['', '']);
    // The Excel dialect has its BOM like the other CSVs.
    const text = writeCsvTable(PLANNING_COLUMNS, rows, { dialect: 'semicolon', bom: true });
    expect(text.startsWith('\uFEFFpatient_id;drug;')).toBe(true);
  });

  it('the clinic day carries it', () => {
    const entries = new Map<string, ReportEntry>([['NAT-001', { report: nat, stale: false, outdated: false } as ReportEntry]]);
    const list = appointments([storedExample('NAT-001', choice)], entries, '2000-01-01', '2000-01-01', '2100-01-01', 'en');
    expect(list[0].risk).toEqual(plannedDose(nat, choice).risk);
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`the .ics says it in the SUMMARY and the DESCRIPTION (${lang})`, () => {
      const plan = plannedDose(nat, choice);
      const ev = icsEvents(nat, { lang, planned: plan, today: '2026-11-10' }).find((e) => e.kind === 'infusion')!;
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const p = pct(plan.risk!.probability), req = pct(plan.risk!.required);
      if (lang === 'en') {
        expect(ev.summary).toBe(`[${p} < ${req} REQUIRED] Natalizumab infusion: NAT-001`);
        expect(ev.description).toContain(`\nThis choice is below the required probability: ${p} chance of reaching the target, ${req} required.\n`);
      } else {
        expect(ev.summary).toBe(`[${p} < ${req} VEREIST] Natalizumab-infusie: NAT-001`);
        expect(ev.description).toContain(`\nDeze keuze ligt onder de vereiste kans: ${p} kans om de streefwaarde te halen, vereist ${req}.\n`);
      }
      const safeEv = icsEvents(nat, { lang, planned: plannedDose(nat, safeChoice), today: '2026-11-10' }).find((e) => e.kind === 'infusion')!;
      expect(safeEv.summary).not.toContain('<');
    });
  }
});

describe('example patients stay off the clinic day unless asked for', () => {
  it('leaves them out by default and lists them with withExamples', () => {
    const nat = exampleReport('NAT-001');
    const entries = new Map<string, ReportEntry>([['NAT-001', { report: nat, stale: false, outdated: false } as ReportEntry]]);
    const ex = { ...storedExample('NAT-001'), example: true };
    expect(appointments([ex], entries, '2000-01-01', '2000-01-01', '2100-01-01', 'en')).toEqual([]);
    expect(appointments([ex], entries, '2000-01-01', '2000-01-01', '2100-01-01', 'en', true).map((a) => a.id)).toEqual(['NAT-001']);
    expect(appointments([storedExample('NAT-001')], entries, '2000-01-01', '2000-01-01', '2100-01-01', 'en').map((a) => a.id)).toEqual(['NAT-001']);
  });
});

describe('.ics text: no raw control character', () => {
  it('escapes line breaks of every kind and drops vertical tab, form feed, escape and C1', () => {
    expect(escapeText('a\u000bb\u000cc\u2028d\u2029e\u0085f\u001b[2Kg\u0007h\u009bi\tj')).toBe('abc\\nd\\ne\\nf[2Kghi\tj');
    expect(escapeText('x;y,z\\w\r\nv')).toBe('x\\;y\\,z\\\\w\\nv');
  });
  it('a pseudonym holding them gives a file without them (SUMMARY, DESCRIPTION, X-WR-CALNAME)', () => {
    const nat = exampleReport('NAT-001');
    const hostile = { ...nat, patientId: 'N\u000bA\u000cT\u2028X\u001b]0;t\u0007' } as PatientReport;
    const text = buildIcs(hostile, { lang: 'en' });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(text).toContain('X-WR-CALNAME:MS Interval: NAT\\nX]0\\;t');
  });
});

describe('a worker that never answers', () => {
  afterEach(() => { vi.useRealTimers(); });
  it('is stopped by the budget for certain (test hook): the request rejects with OverBudgetError and the queue goes on', async () => {
    vi.useFakeTimers();
    const workers: { sent: WorkerRequest[]; w: WorkerLike }[] = [];
    const make = (): WorkerLike => {
      const sent: WorkerRequest[] = [];
      const w: WorkerLike = { postMessage: (m) => { sent.push(m); }, onmessage: null, onerror: null, terminate: () => {} };
      workers.push({ sent, w });
      return w;
    };
    const c = new CoreClient(make, { computeBudgetMs: 3000, unanswered: (job) => job.patient.id === 'SLOW' });
    const job = (id: string) => ({ patient: { id } as PatientRecord, settings: { natalizumab: {}, ocrelizumab: {} }, asOf: { kind: 'last' as const } });
    const slow = c.compute('slow', job('SLOW'));
    const fast = c.compute('fast', job('FAST'));
    expect(workers[0].sent).toEqual([]); // never sent: nothing can answer it
    const caught = slow.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2999);
    expect(c.busy).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    const e = await caught;
    expect(e).toBeInstanceOf(OverBudgetError);
    expect((e as Error).message).toBe('the computation took longer than 3 s and was stopped');
    // A fresh worker takes the next job.
    const fresh = workers[workers.length - 1];
    expect(fresh.sent.map((m) => m.type === 'compute' && m.job.patient.id)).toEqual(['FAST']);
    const res: WorkerResponse = { type: 'computed', id: fresh.sent[0].id, asOf: 1, ms: 1, report: { drug: null, patientId: 'FAST', error: 'x', issues: [] } };
    fresh.w.onmessage!({ data: res } as MessageEvent<WorkerResponse>);
    expect((await fast).report.patientId).toBe('FAST');
  });
});
