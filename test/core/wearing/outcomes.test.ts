/**
 * Clinic outcomes (issue 19): the counting rules by hand-computed cases on both sides of every
 * boundary (period start and end, the 4- and 24-week steps, the target and threshold, the re-dose
 * window), and `tdm outcomes` as spec/cli.md says.
 */
import { describe, expect, it } from 'vitest';
import { clinicOutcomes, standardCount, dayOf } from '../../../src/core/outcomes';
import { parseTdmCsv } from '../../../src/core/records/index';
import { runCli } from '../../../src/cli/run';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note,sample';
const read = (rows: string[]) => parseTdmCsv([HEADER, ...rows].join('\n'), 'o.csv').patients;
const nat = (id: string, dates: string[]) => dates.map((d) => `${id},natalizumab,dose,${d}T09:00,300,mg,iv,60,,`);

describe('standardCount: every step from the first infusion up to the end, both included', () => {
  it('natalizumab, 28 days', () => {
    const first = dayOf('2024-01-15')!;
    expect(standardCount(first, dayOf('2024-02-11')!, 28)).toBe(1); // 27 days: only the first
    expect(standardCount(first, dayOf('2024-02-12')!, 28)).toBe(2); // 28 days: the second on the last day
    expect(standardCount(first, dayOf('2024-01-15')!, 28)).toBe(1);
    expect(standardCount(first, dayOf('2024-12-30')!, 28)).toBe(13); // 350 days = 12.5 steps
    expect(standardCount(first, dayOf('2024-12-29')!, 28)).toBe(13);
    expect(standardCount(first, dayOf('2024-12-28')!, 28)).toBe(13); // 348 days: 12 steps + 1 = 13
    expect(standardCount(first, dayOf('2024-12-01')!, 28)).toBe(12); // 321 days: 11 steps (308) + 1
  });
  it('ocrelizumab, 168 days', () => {
    const first = dayOf('2024-01-08')!;
    expect(standardCount(first, dayOf('2024-06-23')!, 168)).toBe(1); // 167 days
    expect(standardCount(first, dayOf('2024-06-24')!, 168)).toBe(2); // 168 days
  });
});

describe('clinicOutcomes, by hand', () => {
  it('infusions in the period, both ends included; the schedule from the first infusion in it', () => {
    // A: every 6 weeks; B: every 4 weeks with one on the day before the period.
    const ps = read([
      ...nat('A', ['2024-01-01', '2024-02-12', '2024-03-25', '2024-05-06', '2024-06-17']),
      ...nat('B', ['2023-12-31', '2024-01-28', '2024-02-25', '2024-03-24']),
    ]);
    // Period 2024-01-01 .. 2024-06-17.
    const o = clinicOutcomes(ps, '2024-01-01', '2024-06-17').natalizumab!;
    // A: 5 given (both ends included); schedule from 2024-01-01: 168 days → 6 steps + 1 = 7.
    // B: 3 given (2023-12-31 is outside); schedule from 2024-01-28: 141 days → 5 steps + 1 = 6.
    expect(o).toMatchObject({ patients: 2, infusions: 8, standard_infusions: 13, infusions_avoided: 5 });
    // One day shorter: A's last infusion and A's 7th standard date (2024-06-17) fall out.
    const o2 = clinicOutcomes(ps, '2024-01-01', '2024-06-16').natalizumab!;
    expect(o2).toMatchObject({ infusions: 7, standard_infusions: 12, infusions_avoided: 5 });
    // Starting a day later: A's first infusion falls out, its schedule starts at 2024-02-12
    // (126 days = 4.5 steps → 4 + 1 = 5), B's stays 6.
    const o3 = clinicOutcomes(ps, '2024-01-02', '2024-06-17').natalizumab!;
    expect(o3).toMatchObject({ infusions: 7, standard_infusions: 11 });
    // Starting on 2023-12-31: B's earlier infusion counts and its schedule starts there (169 days → 7).
    const o4 = clinicOutcomes(ps, '2023-12-31', '2024-06-17').natalizumab!;
    expect(o4).toMatchObject({ infusions: 9, standard_infusions: 14 });
  });

  it('a drug without patients in the period is left out; a patient without an infusion in it is not counted', () => {
    const ps = read([...nat('A', ['2023-01-02', '2023-01-30']), 'O,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,,']);
    const o = clinicOutcomes(ps, '2024-01-01', '2024-12-31');
    expect(o.natalizumab).toBeUndefined();
    expect(o.ocrelizumab).toMatchObject({ patients: 1, infusions: 1, standard_infusions: 3 }); // 2024-01-08, 2024-06-24 and 2024-12-09
  });

  it('troughs at or above the target, on both sides; censored never at target', () => {
    const ps = read([
      ...nat('T', ['2024-01-01', '2024-01-29', '2024-02-26', '2024-03-25', '2024-04-22']),
      'T,natalizumab,level,2024-01-29T08:45,10,ug/mL,,,,',
      'T,natalizumab,level,2024-02-26T08:45,9.99,ug/mL,,,,',
      'T,natalizumab,level,2024-03-25T08:45,<20,ug/mL,,,,',
      'T,natalizumab,level,2024-04-19T10:00,30,ug/mL,,,,capillary', // 3 days before: a trough (at home)
      'T,natalizumab,level,2024-02-10T10:00,80,ug/mL,,,,', // mid-interval: not a trough
    ]);
    const o = clinicOutcomes(ps, '2024-01-01', '2024-04-30').natalizumab!;
    expect(o).toMatchObject({ troughs: 4, troughs_at_target: 2 });
    expect(clinicOutcomes(ps, '2024-01-01', '2024-04-30', { target: 9.99 }).natalizumab).toMatchObject({ troughs_at_target: 3 });
    // Visits: 5 infusion days (the troughs drawn just before are the same visit) + the mid-interval draw; the finger-prick at home is none.
    expect(o).toMatchObject({ hospital_visits: 6, standard_infusions: 5, hospital_visits_avoided: -1 });
  });

  it('B-cell counts at re-dose below the threshold, on both sides, and the 6-week window', () => {
    const rows = (count: string, date: string) => [
      'O,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,,',
      `O,ocrelizumab,bcell,${date},${count},cells/uL,,,,`,
      'O,ocrelizumab,dose,2024-03-04T09:00,600,mg,iv,210,,',
    ];
    const at = (count: string, date = '2024-02-26') => clinicOutcomes(read(rows(count, date)), '2024-01-01', '2024-12-31').ocrelizumab!;
    expect(at('9.9')).toMatchObject({ bcell_counts_at_redose: 1, bcell_counts_below_threshold: 1 });
    expect(at('10')).toMatchObject({ bcell_counts_at_redose: 1, bcell_counts_below_threshold: 0 });
    expect(at('<10')).toMatchObject({ bcell_counts_below_threshold: 1 });
    expect(at('<11')).toMatchObject({ bcell_counts_below_threshold: 0 });
    expect(at('3', '2024-01-22')).toMatchObject({ bcell_counts_at_redose: 1 }); // 42 days before
    expect(at('3', '2024-01-21')).toMatchObject({ bcell_counts_at_redose: 0 }); // 43 days before
  });

  it('ocrelizumab: the 2 × 300 mg start is one dose, two infusion visits', () => {
    const ps = read(['O,ocrelizumab,dose,2024-01-08T09:00,300,mg,iv,150,,', 'O,ocrelizumab,dose,2024-01-22T09:00,300,mg,iv,150,,', 'O,ocrelizumab,dose,2024-07-08T09:00,600,mg,iv,210,,']);
    // Standard 01-08 (with its second half on 01-22), 06-24, 12-09: 4 visits against the 3 made.
    expect(clinicOutcomes(ps, '2024-01-01', '2024-12-31').ocrelizumab).toMatchObject({ infusions: 2, infusion_visits: 3, standard_infusions: 3, hospital_visits: 3, standard_visits: 4, hospital_visits_avoided: 1 });
    // Natalizumab has no split start: its standard visits are its standard infusions.
    expect(clinicOutcomes(read(nat('N', ['2024-01-01', '2024-02-12'])), '2024-01-01', '2024-03-10').natalizumab).toMatchObject({ standard_infusions: 3, standard_visits: 3, hospital_visits: 2, hospital_visits_avoided: 1 });
  });

  it('intervals with wearing-off: onsets in the period, each interval once', () => {
    const ps = read([
      ...nat('W', ['2024-01-01', '2024-01-29', '2024-02-26']),
      'W,natalizumab,wearing_off,2024-01-24,1,score,,,,',
      'W,natalizumab,wearing_off,2024-01-26,2,score,,,,', // same interval
      'W,natalizumab,wearing_off,2024-02-26T09:00,2,score,,,,', // at the infusion: the interval that ended there
      'W,natalizumab,wearing_off,2024-03-20,0,score,,,,', // none
    ]);
    expect(clinicOutcomes(ps, '2024-01-01', '2024-12-31').natalizumab!.intervals_with_wearing_off).toBe(2);
    expect(clinicOutcomes(ps, '2024-01-25', '2024-12-31').natalizumab!.intervals_with_wearing_off).toBe(2);
    expect(clinicOutcomes(ps, '2024-01-27', '2024-12-31').natalizumab!.intervals_with_wearing_off).toBe(1);
  });

  it('cost avoided only with a price; by month against the schedule', () => {
    const ps = read(nat('A', ['2024-01-01', '2024-02-12', '2024-03-25']));
    const none = clinicOutcomes(ps, '2024-01-01', '2024-03-31').natalizumab!;
    expect(none.cost_avoided).toBeUndefined();
    expect(none.price_per_infusion).toBeUndefined();
    // Standard: 01-01, 01-29, 02-26, 03-25 = 4; given 3.
    const priced = clinicOutcomes(ps, '2024-01-01', '2024-03-31', { pricePerInfusion: { natalizumab: 1234.5 } }).natalizumab!;
    expect(priced).toMatchObject({ infusions_avoided: 1, cost_avoided: 1234.5, price_per_infusion: 1234.5 });
    expect(priced.by_month).toEqual([
      { month: '2024-01', infusions: 1, standard_infusions: 2 },
      { month: '2024-02', infusions: 1, standard_infusions: 1 },
      { month: '2024-03', infusions: 1, standard_infusions: 1 },
    ]);
  });
});

describe('tdm outcomes', () => {
  const file = [HEADER, ...nat('A', ['2024-01-01', '2024-02-12', '2024-03-25']), 'A,natalizumab,level,2024-03-25T08:45,12,ug/mL,,,,',
    'O,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,,', 'O,ocrelizumab,bcell,2024-02-26,3,cells/uL,,,,', 'O,ocrelizumab,dose,2024-03-04T09:00,600,mg,iv,210,,'].join('\n');
  const run = (args: string[], text = file) => runCli(args, () => Buffer.from(text));

  it('prints one JSON line with both drugs, exit 0', () => {
    const r = run(['outcomes', 'o.csv', '--from', '2024-01-01', '--to', '2024-03-31']);
    expect(r.status).toBe(0);
    expect(r.stdout).toHaveLength(1);
    const line = JSON.parse(r.stdout[0]);
    expect(line).toMatchObject({
      from: '2024-01-01', to: '2024-03-31',
      natalizumab: { patients: 1, infusions: 3, standard_infusions: 4, infusions_avoided: 1, troughs: 1, troughs_at_target: 1, intervals_with_wearing_off: 0 },
      ocrelizumab: { patients: 1, infusions: 1, standard_infusions: 1, infusions_avoided: 0, bcell_counts_at_redose: 1, bcell_counts_below_threshold: 1 },
    });
    expect(line.natalizumab.by_month).toBeUndefined();
    expect(JSON.parse(run(['outcomes', 'o.csv', '--from', '2024-01-01', '--to', '2024-03-31', '--target', '12.5']).stdout[0]).natalizumab.troughs_at_target).toBe(0);
    expect(JSON.parse(run(['outcomes', 'o.csv', '--from', '2024-01-01', '--to', '2024-03-31', '--threshold', '3']).stdout[0]).ocrelizumab.bcell_counts_below_threshold).toBe(0);
  });

  it('leaves out a drug without patients in the period', () => {
    const line = JSON.parse(run(['outcomes', 'o.csv', '--from', '2024-01-01', '--to', '2024-02-29']).stdout[0]);
    expect(Object.keys(line)).not.toContain('ocrelizumab');
    expect(line.natalizumab.infusions).toBe(2);
  });

  it('bad arguments: exit 2 with the reason', () => {
    expect(run(['outcomes', 'o.csv', '--from', '2024-01-01'])).toMatchObject({ status: 2, stdout: [] });
    expect(run(['outcomes', 'o.csv', '--from', '2024-01-01']).stderr[0]).toBe('tdm: outcomes needs --from DATE and --to DATE (YYYY-MM-DD, both included)');
    expect(run(['outcomes', 'o.csv', '--from', '2024-02-30', '--to', '2024-03-31']).stderr[0]).toBe('tdm: --from "2024-02-30" is not a date: use YYYY-MM-DD');
    expect(run(['outcomes', 'o.csv', '--from', '2024-03-31', '--to', '2024-01-01']).stderr[0]).toBe('tdm: --to 2024-01-01 is before --from 2024-03-31: the period must end on or after its start');
    expect(run(['outcomes', 'o.csv', '--from', '2024-01-01', '--to', '2024-03-31', '--target', 'ten']).stderr[0]).toBe('tdm: --target "ten" must be a number from 0.1 to 100');
  });

  it('a refused row is said on standard error and left out, exit 1; the others still counted', () => {
    const r = run(['outcomes', 'o.csv', '--from', '2024-01-01', '--to', '2024-03-31'], `${file}\nA,natalizumab,level,2024-02-30,12,ug/mL,,,,`);
    expect(r.status).toBe(1);
    expect(r.stderr[0]).toBe('error: o.csv:9: time "2024-02-30" is not a valid date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30');
    expect(JSON.parse(r.stdout[0]).natalizumab.infusions).toBe(3);
  });
});
