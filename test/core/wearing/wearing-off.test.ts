/**
 * Wearing-off reports against the curve (issue 19): the intervals they fall in (hand-computed
 * cases), the predicted concentration at each onset as `tdm predict` gives it there, and the
 * warning `wearing-off-above-target` on both sides of the target.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { wearingOffIntervals, CHANGE_WEEKS } from '../../../src/core/wearing-off';
import { parseIsoTime, formatDateTime } from '../../../src/core/time';
import type { WearingOffEvent } from '../../../src/core/types';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';

/** NAT-HIGH: troughs ~30 µg/mL on 4-weekly dosing, wearing-off 3.5 weeks after each dose. */
const HIGH = [
  'NAT-HIGH,natalizumab,weight,2026-07-20,68,kg,,,',
  ...['2026-07-20', '2026-08-17', '2026-09-14'].map((d) => `NAT-HIGH,natalizumab,dose,${d}T09:00,300,mg,iv,60,`),
  'NAT-HIGH,natalizumab,wearing_off,2026-09-14T09:00,0,score,,,none this interval',
  'NAT-HIGH,natalizumab,wearing_off,2026-10-08,2,score,,,',
  'NAT-HIGH,natalizumab,level,2026-10-12T08:45,31.2,ug/mL,,,',
  'NAT-HIGH,natalizumab,dose,2026-10-12T09:00,300,mg,iv,60,',
  'NAT-HIGH,natalizumab,wearing_off,2026-11-05T20:00,1,score,,,',
  'NAT-HIGH,natalizumab,level,2026-11-09T08:45,29.4,ug/mL,,,',
  'NAT-HIGH,natalizumab,dose,2026-11-09T09:00,300,mg,iv,60,',
];
/** NAT-POP: no level (population prediction), wearing-off 3 weeks after the dose. */
const POP = [
  'NAT-POP,natalizumab,weight,2025-01-06,80,kg,,,',
  ...['2025-01-06', '2025-02-03', '2025-03-03'].map((d) => `NAT-POP,natalizumab,dose,${d}T09:00,300,mg,iv,60,`),
  'NAT-POP,natalizumab,wearing_off,2025-03-24,3,score,,,',
];
/** NAT-LOW: 8-weekly, troughs ~2 µg/mL, wearing-off a few days before each dose: below the target. */
const LOW = [
  'NAT-LOW,natalizumab,weight,2025-01-06,75,kg,,,',
  'NAT-LOW,natalizumab,dose,2025-01-06T09:00,300,mg,iv,60,',
  'NAT-LOW,natalizumab,dose,2025-03-03T09:00,300,mg,iv,60,',
  'NAT-LOW,natalizumab,wearing_off,2025-04-24,2,score,,,',
  'NAT-LOW,natalizumab,level,2025-04-28T08:45,2.1,ug/mL,,,',
  'NAT-LOW,natalizumab,dose,2025-04-28T09:00,300,mg,iv,60,',
  'NAT-LOW,natalizumab,wearing_off,2025-06-19,2,score,,,',
  'NAT-LOW,natalizumab,level,2025-06-23T08:45,2.4,ug/mL,,,',
  'NAT-LOW,natalizumab,dose,2025-06-23T09:00,300,mg,iv,60,',
];
/** NAT-NONE: troughs ~30, no report at all. */
const NONE = HIGH.filter((r) => !r.includes('wearing_off')).map((r) => r.replace('NAT-HIGH', 'NAT-NONE'));
/** NAT-ZERO: only "none this interval" reports. */
const ZERO = [...NONE.map((r) => r.replace('NAT-NONE', 'NAT-ZERO')), 'NAT-ZERO,natalizumab,wearing_off,2026-11-09T09:00,0,score,,,'];
const OCR = [
  'OCR-W,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,',
  'OCR-W,ocrelizumab,bcell,2023-12-11,<1,cells/uL,,,',
  'OCR-W,ocrelizumab,wearing_off,2023-12-20,2,score,,,',
  'OCR-W,ocrelizumab,bcell,2024-01-08,3,cells/uL,,,',
];

const FILE = [HEADER, ...HIGH, ...POP, ...LOW, ...NONE, ...ZERO, ...OCR].join('\n');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON lines read in a test
type Line = Record<string, any>;
const run = (args: string[]) => runCli(args, () => Buffer.from(FILE));
const lines = (args: string[]) => new Map(run(args).stdout.map((l) => JSON.parse(l) as Line).map((o) => [o.patient_id as string, o]));

describe('the propose line: wearing_off and wearing-off-above-target', () => {
  const byId = lines(['propose', 'f.csv']);

  for (const id of ['NAT-HIGH', 'NAT-POP']) {
    it(`${id} reports well above the target: the warning, and an onset interval holding tdm predict's value there`, () => {
      const l = byId.get(id)!;
      expect(l.warning_codes).toContain('wearing-off-above-target');
      const w = l.wearing_off;
      const latest = w.onset_concentration;
      expect(latest.value).toBeGreaterThan(2 * 10);
      const [pred] = run(['predict', 'f.csv', '--at', latest.onset]).stdout.map((s) => JSON.parse(s)).filter((p) => p.patient_id === id);
      expect(latest.low).toBeLessThanOrEqual(pred.value);
      expect(latest.high).toBeGreaterThanOrEqual(pred.value);
      expect({ value: latest.value, low: latest.low, high: latest.high }).toEqual({ value: pred.value, low: pred.low, high: pred.high });
      const message = l.warnings.find((m: string) => m.startsWith('wearing-off reported at predicted concentrations above the target'));
      expect(message).toContain(`${latest.value.toFixed(1)} µg/mL (80 % interval ${latest.low.toFixed(1)}–${latest.high.toFixed(1)})`);
    });
  }

  it('NAT-HIGH: two reports, the earlier onset with its own prediction, the 0 at an infusion counted as an interval without', () => {
    const w = byId.get('NAT-HIGH')!.wearing_off;
    expect(w.reports).toBe(2);
    expect(w.intervals_with_wearing_off).toBe(2);
    expect(w.intervals_without).toBe(1);
    expect(w.earlier_onset_concentrations).toHaveLength(1);
    const e = w.earlier_onset_concentrations[0];
    expect(e.onset).toBe('2026-10-08T09:00');
    const [pred] = run(['predict', 'f.csv', '--at', '2026-10-08T09:00']).stdout.map((s) => JSON.parse(s)).filter((p) => p.patient_id === 'NAT-HIGH');
    expect([e.value, e.low, e.high]).toEqual([pred.value, pred.low, pred.high]);
    // 2026-09-14 09:00 → 2026-10-08 09:00 is 24 days (3.43 weeks); 2026-10-12 09:00 → 2026-11-05 20:00 is 24 d 11 h (3.49).
    expect(e.weeks_since_dose).toBe(3.43);
    expect(w.change).toEqual({ kind: 'unchanged', first_weeks_since_dose: 3.43, latest_weeks_since_dose: 3.49, extended: false });
    expect(w.floor).toBeCloseTo((w.onset_concentration.value + e.value) / 2, 1);
    expect(w.above_target).toBe(true);
  });

  it('the proposal is the same with and without the reports (the target is never changed silently)', () => {
    expect(byId.get('NAT-HIGH')!.proposal).toEqual(byId.get('NAT-NONE')!.proposal);
    expect(byId.get('NAT-HIGH')!.target).toEqual({ value: 10, unit: 'ug/mL' });
  });

  it('NAT-LOW reports below the target: no warning', () => {
    const l = byId.get('NAT-LOW')!;
    expect(l.warning_codes).not.toContain('wearing-off-above-target');
    expect(l.wearing_off.onset_concentration.value).toBeLessThan(10);
    expect(l.wearing_off.above_target).toBe(false);
    expect(l.wearing_off.reports).toBe(2);
  });

  it('no report, or only "none this interval": no warning, reports 0', () => {
    for (const id of ['NAT-NONE', 'NAT-ZERO']) {
      const l = byId.get(id)!;
      expect(l.warning_codes).not.toContain('wearing-off-above-target');
      expect(l.wearing_off.reports).toBe(0);
      expect(l.wearing_off.onset_concentration).toBeNull();
    }
    expect(byId.get('NAT-ZERO')!.wearing_off.intervals_without).toBe(1);
  });

  it('the target on both sides of the patient\'s floor (NAT-LOW, floor about 3.2 µg/mL)', () => {
    const floor = byId.get('NAT-LOW')!.wearing_off.floor as number;
    const below = lines(['propose', 'f.csv', '--target', String(floor - 0.1)]).get('NAT-LOW')!;
    const above = lines(['propose', 'f.csv', '--target', String(floor + 0.1)]).get('NAT-LOW')!;
    expect(below.warning_codes).toContain('wearing-off-above-target');
    expect(above.warning_codes).not.toContain('wearing-off-above-target');
  });

  it('ocrelizumab: weeks since the dose and the predicted count at the onset, as tdm predict gives it', () => {
    const w = byId.get('OCR-W')!.wearing_off;
    expect(w.reports).toBe(1);
    // 2023-06-12 → 2023-12-20 is 191 days = 27.29 weeks.
    expect(w.onsets[0]).toMatchObject({ onset: '2023-12-20T09:00', score: 2, weeks_since_dose: 27.29, interval_weeks: null });
    const [pred] = run(['predict', 'f.csv', '--at', '2023-12-20T09:00']).stdout.map((s) => JSON.parse(s)).filter((p) => p.patient_id === 'OCR-W');
    expect([w.onsets[0].value, w.onsets[0].low, w.onsets[0].high]).toEqual([pred.value, pred.low, pred.high]);
  });
});

const at = (iso: string) => ({ time: parseIsoTime(iso)!, iso: formatDateTime(parseIsoTime(iso)!) });
const rep = (iso: string, score: 0 | 1 | 2 | 3): WearingOffEvent => ({ kind: 'wearing_off', ...at(iso), score });

describe('wearingOffIntervals: reports against the intervals, by hand', () => {
  const doses = ['2024-01-01T09:00', '2024-01-29T09:00', '2024-03-11T09:00'].map(at); // 4 weeks, then 6 weeks, then open

  it('a report at an infusion belongs to the interval that ended there; one a minute later to the next', () => {
    const s = wearingOffIntervals([rep('2024-01-29T09:00', 2), rep('2024-01-29T09:01', 1)], doses);
    expect(s.reports.map((r) => [r.doseIso, r.intervalWeeks])).toEqual([['2024-01-01T09:00', 4], ['2024-01-29T09:00', 6]]);
    expect(s.intervalsWithWearingOff).toBe(2);
    expect(s.intervals).toBe(3);
  });

  it('two reports in one interval count once; a 0 in an interval with a report does not make it "without"', () => {
    const s = wearingOffIntervals([rep('2024-01-20', 1), rep('2024-01-25', 3), rep('2024-01-29T09:00', 0), rep('2024-03-11T09:00', 0)], doses);
    expect(s.intervalsWithWearingOff).toBe(1);
    expect(s.intervalsWithout).toBe(1);
    expect(s.reports).toHaveLength(2);
  });

  it('reports at or before the first dose are counted apart, not analysed', () => {
    const s = wearingOffIntervals([rep('2023-12-20', 2), rep('2024-01-01T09:00', 2)], doses);
    expect(s.beforeFirstDose).toBe(2);
    expect(s.reports).toEqual([]);
  });

  it(`the onset moving by ${CHANGE_WEEKS} week or more is a change; less is not`, () => {
    // First onset 3.5 weeks after its dose (2024-01-25 21:00 is 24.5 days after 2024-01-01 09:00).
    const first = rep('2024-01-25T21:00', 2);
    const latest = (days: number) => rep(formatDateTime(parseIsoTime('2024-03-11T09:00')! + days), 2);
    expect(wearingOffIntervals([first, latest(24.5 - 3.5)], doses).change.kind).toBe('earlier');
    expect(wearingOffIntervals([first, latest(24.5 - 3.4)], doses).change.kind).toBe('unchanged');
    expect(wearingOffIntervals([first, latest(24.5 + 3.4)], doses).change.kind).toBe('unchanged');
    expect(wearingOffIntervals([first, latest(24.5 + 3.5)], doses).change.kind).toBe('later');
    expect(wearingOffIntervals([first], doses).change.kind).toBe('too-few');
    const c = wearingOffIntervals([first, latest(30)], doses).change;
    expect(c.extended).toBe(true); // open last interval: at least 30 days > 4 weeks
  });
});
