import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTdmCsv, cutAsOf } from '../../../src/core/records/index';
import { proposeOcrelizumab } from '../../../src/core/ocrelizumab/index';
import { lastEventTime } from '../../../src/core/engine';
import { parseAsOfDate } from '../../../src/core/time';
import { runCli } from '../../../src/cli/run';

const endOfDay = (t: number) => Math.floor(t + 1e-9) + 1 - 1 / 86400;

describe('ocrelizumab: the next count is never planned after the proposed re-dose', () => {
  for (const week of [24, 28, 32, 36]) {
    it(`planning-day file week ${week}`, () => {
      const file = `fixtures/validation/ocrelizumab-virtual-week${week}.csv`;
      for (const p of parseTdmCsv(readFileSync(file, 'utf8'), file).patients) {
        const asOf = endOfDay(lastEventTime(p));
        const r = proposeOcrelizumab(cutAsOf(p, asOf), asOf);
        if (r.proposal.dueNow) continue;
        const latest = p.bcells[p.bcells.length - 1];
        if (r.proposal.nextBcellCheck > r.proposal.nextDose) {
          // Then it is the next cycle's first count, week 24 after the re-dose.
          const d = (Date.parse(r.proposal.nextBcellCheck) - Date.parse(r.proposal.nextDose)) / 864e5;
          expect(d, p.id).toBe(7 * 24);
          expect(r.proposal.reason).toContain('after the re-dose');
        } else {
          expect(Date.parse(r.proposal.nextBcellCheck) / 864e5 - Math.floor(latest.time), p.id).toBeGreaterThanOrEqual(14 - 1);
        }
      }
    });
  }
});

const csv = [
  'patient_id,drug,kind,time,value,unit',
  'G9,ocrelizumab,dose,2024-01-08T09:00,600,mg',
  'G9,ocrelizumab,bcell,2024-07-08,0.012,10^9/L',
  'LATE,ocrelizumab,dose,2024-01-08T09:00,600,mg',
  'LATE,ocrelizumab,bcell,2024-07-08,<1,cells/uL',
  'NOCOUNT,ocrelizumab,dose,2024-01-08T09:00,600,mg',
].join('\n');
const patients = parseTdmCsv(csv, 'x.csv').patients;
const byId = (id: string) => patients.find((p) => p.id === id)!;

describe('ocrelizumab messages and guards', () => {
  it('a count reported in 10^9/L is quoted in cells/µL', () => {
    const r = proposeOcrelizumab(byId('G9'), endOfDay(lastEventTime(byId('G9'))));
    const due = r.warnings.find((w) => w.code === 'ocr-redose-due')!;
    expect(due.message).toBe('latest count 12 cells/µL on 2024-07-08 is at or above the threshold 10 cells/µL: re-dosing is due now (2024-07-08)');
  });
  it('far past the maximum interval: a warning, never silence', () => {
    const asOf = parseAsOfDate('2025-06-02')!;
    const r = proposeOcrelizumab(byId('LATE'), asOf);
    expect(r.warnings.find((w) => w.code === 'ocr-past-maximum')!.message).toBe('73.0 weeks since the last infusion (2024-01-08), past the maximum interval of 52 weeks: re-dosing is overdue; the forecast is extrapolated beyond the data, count now');
    expect(r.warnings.map((w) => w.code)).not.toContain('ocr-crossing-beyond-maximum');
    expect(r.proposal.nextDose).toBe('2025-06-02');
  });
  it('the CLI line carries every note that applies (no count yet in this cycle, under 5 months)', () => {
    const r = runCli(['propose', 'x.csv', '--as-of', '2024-03-01'], () => Buffer.from(csv));
    const line = r.stdout.map((l) => JSON.parse(l)).find((o) => o.patient_id === 'NOCOUNT');
    expect(line.warning_codes).toEqual(expect.arrayContaining(['ocr-no-count-this-cycle', 'ocr-before-minimum-interval']));
  });
});

describe('the 2 × 300 mg start', () => {
  it('counts from its first infusion in propose and in predict offsets alike', () => {
    const split = ['patient_id,drug,kind,time,value,unit', 'S,ocrelizumab,dose,2024-01-08T09:00,300,mg', 'S,ocrelizumab,dose,2024-01-22T09:00,300,mg', 'S,ocrelizumab,bcell,2024-07-08,<1,cells/uL'].join('\n');
    const read = () => Buffer.from(split);
    const prop = JSON.parse(runCli(['propose', 's.csv'], read).stdout[0]);
    expect(prop.last_dose).toBe('2024-01-08T09:00');
    const pred = JSON.parse(runCli(['predict', 's.csv', '--at', '+6w'], read).stdout[0]);
    expect(pred.time).toBe('2024-02-19T09:00');
  });
});
