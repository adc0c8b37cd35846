/** The rows the clinician's forms add (features/entry/schedule.ts), read back by the records module. */
import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../../src/core/records/index';
import type { PatientRecord } from '../../../../src/core/types';
import { rowsToCsv } from '../../../../src/app/lib/rows';
import { defaultAmount, defaultEveryWeeks, readClock, readDate, readWhole, resultRow, scheduleBeyondToday, scheduleRows, usualClock, weekAfterLastDose } from '../../../../src/app/features/entry/schedule';

const read = (id: string, drug: 'natalizumab' | 'ocrelizumab', rows: ReturnType<typeof scheduleRows>) => parseTdmCsv(rowsToCsv(id, drug, rows), 'entry', {}).patients[0];

describe('a dosing schedule', () => {
  it('gives one dose every N weeks from the first date, at the clock time, with the amount and route', () => {
    const rows = scheduleRows({ first: '2025-01-06', time: '09:30', everyWeeks: 4, count: 3, amount: '300', route: 'iv' });
    expect(rows.map((r) => r.time)).toEqual(['2025-01-06T09:30', '2025-02-03T09:30', '2025-03-03T09:30']);
    const p = read('N', 'natalizumab', rows);
    expect(p.doses.map((d) => [d.iso, d.amountMg, d.route, d.durationMin])).toEqual([
      ['2025-01-06T09:30', 300, 'iv', 60], ['2025-02-03T09:30', 300, 'iv', 60], ['2025-03-03T09:30', 300, 'iv', 60]]);
    expect(p.issues).toEqual([]);
  });

  it('for ocrelizumab can start with the label\'s 2 x 300 mg, 14 days apart, then 600 mg', () => {
    const rows = scheduleRows({ first: '2024-01-08', time: '09:00', everyWeeks: 26, count: 2, amount: '600', route: 'iv', split300: true });
    const p = read('O', 'ocrelizumab', rows);
    expect(p.doses.map((d) => [d.iso, d.amountMg, d.durationMin])).toEqual([
      ['2024-01-08T09:00', 300, 150], ['2024-01-22T09:00', 300, 150], ['2024-07-08T09:00', 600, 210]]);
    expect(p.issues.filter((i) => i.severity !== 'info')).toEqual([]); // the 2 x 300 start is not "doses too close"
  });

  it('has the drugs\' defaults: natalizumab 300 mg every 4 weeks, ocrelizumab 600 mg every 26 weeks', () => {
    expect([defaultAmount('natalizumab'), defaultEveryWeeks('natalizumab'), defaultAmount('ocrelizumab'), defaultEveryWeeks('ocrelizumab')]).toEqual(['300', 4, '600', 26]);
  });
});

describe('a result', () => {
  const rec = { id: 'O', drug: 'ocrelizumab', doses: [{ kind: 'dose', time: 0, iso: '2024-07-08T10:15', amountMg: 600, route: 'iv', durationMin: 210 }], levels: [], bcells: [], weights: [], issues: [], order: 0 } as unknown as PatientRecord;
  it('by date alone means 09:00 (the spec\'s rule); with a clock time it is that time', () => {
    expect(resultRow('bcell', '2024-11-25', null, '<1', 'cells/uL', '').time).toBe('2024-11-25');
    expect(parseTdmCsv(rowsToCsv('O', 'ocrelizumab', [resultRow('bcell', '2024-11-25', null, '<1', 'cells/uL', '')]), 'e').patients[0].bcells[0].iso).toBe('2024-11-25T09:00');
    expect(resultRow('level', '2024-11-25', '08:45', '20', 'ug/mL', 'x').time).toBe('2024-11-25T08:45');
  });
  it('by "week N after the last dose" counts whole weeks from the last dose\'s day', () => {
    expect(weekAfterLastDose(rec, 20)).toBe('2024-11-25');
    expect(weekAfterLastDose(rec, 0)).toBe('2024-07-08');
    expect(weekAfterLastDose({ ...rec, doses: [] }, 20)).toBeNull();
    expect(usualClock(rec)).toBe('10:15');
    expect(usualClock({ ...rec, doses: [] })).toBe('09:00');
  });
  it('reads typed dates, clock times and whole numbers, refusing what is not one', () => {
    expect(readDate('2025-03-03')).toBe('2025-03-03');
    expect(readDate('3-3-2025')).toBe('2025-03-03');
    expect(readDate('2025-02-30')).toBeNull();
    expect(readDate('2025-03-03 09:00')).toBeNull();
    expect(readClock('9:05')).toBe('09:05');
    expect(readClock('24:00')).toBeNull();
    expect(readWhole('4', 1, 104)).toBe(4);
    expect(readWhole('4.5', 1, 104)).toBeNull();
    expect(readWhole('0', 1, 60)).toBeNull();
  });
});

describe('a schedule that runs past today (issue 18: blamed on the number of doses, not on the first date)', () => {
  const rows = scheduleRows({ first: '2026-01-05', time: '09:00', everyWeeks: 4, count: 13, amount: '300', route: 'iv' });
  it('names the first dose after today, the last and its date, and how many fit', () => {
    expect(rows[12].time).toBe('2026-12-07T09:00');
    expect(scheduleBeyondToday(rows, '2026-12-02')).toEqual({ from: 13, count: 13, date: '2026-12-07', max: 12 });
    expect(scheduleBeyondToday(rows, '2026-10-13')).toEqual({ from: 12, count: 13, date: '2026-12-07', max: 11 });
  });
  it('is null when every dose is on or before today, and when the first is already after it (the records refuse that on the date)', () => {
    expect(scheduleBeyondToday(rows, '2026-12-07')).toBeNull();
    expect(scheduleBeyondToday(rows, '2025-12-31')).toBeNull();
  });
});
