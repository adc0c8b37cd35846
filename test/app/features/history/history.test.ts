import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../../src/core/index';
import { historyDays, movement, summarise } from '../../../../src/app/features/history/history';
import { natalizumabReport, ocrelizumabReport, patientError } from '../fixtures';

const CSV = [
  'patient_id,drug,kind,time,value,unit',
  'N,natalizumab,dose,2024-01-08T09:00,300,mg',
  'N,natalizumab,level,2024-02-05T08:45,24.1,ug/mL',
  'N,natalizumab,level,2024-02-05T10:00,80,ug/mL',
  'N,natalizumab,dose,2024-02-05T09:00,300,mg',
  'N,natalizumab,level,2024-03-04T08:45,<2,ug/mL',
  'O,ocrelizumab,bcell,2023-06-01,150,cells/uL',
  'O,ocrelizumab,dose,2023-06-12T09:00,600,mg',
  'O,ocrelizumab,bcell,2023-12-11,3,cells/uL',
].join('\n');

describe('historyDays', () => {
  const { patients } = parseTdmCsv(CSV, 'h.csv');
  const [n, o] = patients;
  it('gives one day per result day, results of a day together, oldest first', () => {
    expect(historyDays(n).map((d) => [d.date, d.results.map((r) => r.raw)])).toEqual([
      ['2024-02-05', ['24.1', '80']],
      ['2024-03-04', ['<2']],
    ]);
  });
  it('stops at the plan day, inclusive', () => {
    expect(historyDays(n, '2024-02-05').map((d) => d.date)).toEqual(['2024-02-05']);
    expect(historyDays(n, '2024-02-04')).toEqual([]);
  });
  it('uses B-cell counts for ocrelizumab, the pre-treatment count included', () => {
    expect(historyDays(o).map((d) => d.date)).toEqual(['2023-06-01', '2023-12-11']);
  });
});

describe('summarise and movement', () => {
  it('takes the interval, next dose, steady-state trough and probability of a natalizumab report', () => {
    const r = natalizumabReport();
    const s = summarise(r);
    expect(s).toEqual({ drug: 'natalizumab', intervalWeeks: r.proposal.intervalWeeks, nextDose: r.proposal.nextDose, trough: r.proposal.predictedTrough, probability: r.proposal.probabilityAboveTarget, target: 10 });
    const later = { ...r, proposal: { ...r.proposal, intervalWeeks: r.proposal.intervalWeeks + 1, predictedTrough: { value: r.proposal.predictedTrough.value - 2.5, low: 1, high: 2 }, probabilityAboveTarget: r.proposal.probabilityAboveTarget - 0.1 } };
    const m = movement(s, summarise(later));
    expect(m?.drug).toBe('natalizumab');
    if (m?.drug !== 'natalizumab') return;
    expect(m.intervalWeeks).toBe(1);
    expect(m.trough).toBeCloseTo(-2.5, 12);
    expect(m.probability).toBeCloseTo(-0.1, 12);
  });
  it('takes the crossing and re-dose of an ocrelizumab report; moves in days', () => {
    const r = ocrelizumabReport();
    const s = summarise(r);
    expect(s.drug).toBe('ocrelizumab');
    const later = { ...r, proposal: { ...r.proposal, predictedCrossing: '2099-01-01', nextDose: r.proposal.nextDose } };
    const moved = { ...r, proposal: { ...r.proposal, predictedCrossing: addDays(r.proposal.predictedCrossing, 12), nextDose: addDays(r.proposal.nextDose, -7) } };
    expect(movement(s, summarise(moved))).toEqual({ drug: 'ocrelizumab', crossingDays: 12, nextDoseDays: -7 });
    expect(movement(s, summarise(later))?.drug).toBe('ocrelizumab');
  });
  it('has no movement to or from a day without a proposal', () => {
    const e = summarise(patientError());
    expect(e.drug).toBe('error');
    expect(movement(e, summarise(natalizumabReport()))).toBeNull();
    expect(movement(null, summarise(natalizumabReport()))).toBeNull();
  });
});

function addDays(iso: string, d: number): string {
  const [y, m, day] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, day + d));
  return t.toISOString().slice(0, 10);
}
