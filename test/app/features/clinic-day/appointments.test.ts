/** The clinic-day list's appointments: in the range by date, the clinician's choice, overdue ones first from today. */
import { describe, expect, it } from 'vitest';
import type { NatalizumabReport, OcrelizumabReport } from '../../../../src/core/report/types';
import { appointments } from '../../../../src/app/features/clinic-day/ClinicDayView';
import type { ReportEntry } from '../../../../src/app/use-reports';

import { exampleReport, storedExample as stored } from '../../example-reports';

const nat = exampleReport('NAT-001') as NatalizumabReport;
const ocr = exampleReport('OCR-001') as OcrelizumabReport;
const entries = new Map<string, ReportEntry>([['NAT-001', { report: nat, stale: false, outdated: false } as ReportEntry], ['OCR-001', { report: ocr, stale: false, outdated: false } as ReportEntry]]);

describe('clinic-day appointments', () => {
  it('lists the infusion (natalizumab: with its trough) and the ocrelizumab count on their dates within the range', () => {
    const all = appointments([stored('NAT-001'), stored('OCR-001')], entries, '2000-01-01', '2000-01-01', '2100-01-01', 'en');
    expect(all.map((a) => [a.id, a.what, a.date])).toEqual([
      ['NAT-001', 'infusion', nat.proposal.nextDose], ['OCR-001', 'lab', ocr.proposal.nextBcellCheck], ['OCR-001', 'infusion', ocr.proposal.nextDose],
    ].sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0].localeCompare(b[0]))));
    const one = appointments([stored('NAT-001'), stored('OCR-001')], entries, '2000-01-01', nat.proposal.nextDose, nat.proposal.nextDose, 'en');
    expect(one.map((a) => a.id)).toEqual(['NAT-001']);
  });
  it('puts a patient on the clinician\'s date, with the reason', () => {
    const four = nat.alternatives.find((a) => a.weeks === 4)!;
    const choice = { option: `${four.nextDose}/interval:4`, reason: 'chair slot', at: '', basis: { asOf: nat.asOf, proposed: nat.proposal.nextDose } };
    const list = appointments([stored('NAT-001', choice)], entries, '2000-01-01', four.nextDose, four.nextDose, 'en');
    expect(list).toMatchObject([{ id: 'NAT-001', date: four.nextDose, chosen: true, reason: 'chair slot', proposed: nat.proposal.nextDose, overdue: false }]);
    expect(appointments([stored('NAT-001', choice)], entries, '2000-01-01', nat.proposal.nextDose, nat.proposal.nextDose, 'en')).toEqual([]);
  });
  it('lists what is overdue first when the range starts today, not when it starts later', () => {
    const today = '2100-01-01';
    const list = appointments([stored('NAT-001'), stored('OCR-001')], entries, today, today, '2100-01-08', 'en');
    expect(list.length).toBe(3);
    expect(list.every((a) => a.overdue)).toBe(true);
    expect(appointments([stored('NAT-001'), stored('OCR-001')], entries, today, '2100-01-02', '2100-01-08', 'en')).toEqual([]);
  });
  it('marks a late count overdue, not also "due soon" as its patient\'s infusion is (issue 18)', () => {
    // The day after the count's date, with the infusion still to come: the count is late.
    const lab = ocr.proposal.nextBcellCheck!;
    const dayAfter = new Date(Date.parse(`${lab}T00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(dayAfter < ocr.proposal.nextDose).toBe(true);
    const list = appointments([stored('OCR-001')], entries, dayAfter, dayAfter, ocr.proposal.nextDose, 'en');
    expect(list.map((a) => [a.what, a.overdue, a.status])).toEqual([['lab', true, 'overdue'], ['infusion', false, list[1].status]]);
    expect(list[1].status).not.toBe('overdue');
  });
});
