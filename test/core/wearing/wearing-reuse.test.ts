/**
 * Issue 19, speed: the wearing-off analysis reads the proposal's own fit and posterior draws
 * (continued from before the first onset: src/core/natalizumab/continued.ts) instead of fitting the
 * patient again. The report the command line and the app show is the one the old way gave, byte for
 * byte: the engine's report against the oracle (the old code, wearing-off-oracle.ts) on the
 * validation patients with reports added (scripts/wearing-fixture.ts) and on hand-made edge cases
 * (an onset on an infusion, on a level, before the first dose, after the last dose, weight changes on
 * either side of the first onset, SC, no level, an overdue dose), with and without the chart and
 * with other options; and the continued analysis is the one analyse gives, array for array.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTdmCsv } from '../../../src/core/records/index';
import { computeReport, lastEventTime } from '../../../src/core/engine';
import { proposeNatalizumab } from '../../../src/core/natalizumab/index';
import { proposeWithAnalysis } from '../../../src/core/natalizumab/propose';
import { analyse, resolveOptions } from '../../../src/core/natalizumab/analysis';
import { continuedAnalysis } from '../../../src/core/natalizumab/continued';
import { reportsUpTo, wearingOffIntervals } from '../../../src/core/wearing-off';
import type { NatalizumabOptions } from '../../../src/core/report/types';
import type { PatientRecord } from '../../../src/core/types';
import { withWearingReports } from '../../../scripts/wearing-fixture';
import { oldWithNatalizumabWearingOff } from './wearing-off-oracle';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note,sample';
const iv = (id: string, d: string) => `${id},natalizumab,dose,${d}T09:00,300,mg,iv,60,,`;
const wo = (id: string, t: string, s: number) => `${id},natalizumab,wearing_off,${t},${s},score,,,,`;
const lvl = (id: string, t: string, v: number, sample = '') => `${id},natalizumab,level,${t},${v},ug/mL,,,,${sample}`;
const wt = (id: string, d: string, kg: number) => `${id},natalizumab,weight,${d},${kg},kg,,,,`;

/** Edge cases of where the onsets lie against the history's events. */
const EDGE = [
  // Onsets on an infusion's own time, on a level's time, before the first dose, after the last dose; weight changes around the first onset.
  wt('E-EDGES', '2025-01-06', 70), iv('E-EDGES', '2025-01-06'), wo('E-EDGES', '2025-01-06T09:00', 2), wo('E-EDGES', '2025-01-01', 1),
  iv('E-EDGES', '2025-02-03'), wt('E-EDGES', '2025-02-20', 74), wo('E-EDGES', '2025-02-27T13:00', 2), iv('E-EDGES', '2025-03-03'),
  lvl('E-EDGES', '2025-03-31T08:45', 21.5), wo('E-EDGES', '2025-03-31T08:45', 1), iv('E-EDGES', '2025-03-31'), wt('E-EDGES', '2025-04-14', 77),
  wo('E-EDGES', '2025-04-28T09:00', 3), iv('E-EDGES', '2025-04-28'), lvl('E-EDGES', '2025-05-12T10:00', 60.2), wo('E-EDGES', '2025-05-20T18:00', 2),
  // Only onsets after the last dose (the forecast's side), a level after the last dose.
  wt('E-LATE', '2025-01-06', 82), ...['2025-01-06', '2025-02-03', '2025-03-03'].map((d) => iv('E-LATE', d)),
  lvl('E-LATE', '2025-03-03T08:45', 14.2), lvl('E-LATE', '2025-03-10T08:45', 70.1), wo('E-LATE', '2025-03-20T07:00', 1), wo('E-LATE', '2025-03-27', 2),
  // No level: the population prediction, equal weights.
  wt('E-POP', '2025-01-06', 64), ...['2025-01-06', '2025-02-03', '2025-03-03'].map((d) => iv('E-POP', d)), wo('E-POP', '2025-01-30', 2), wo('E-POP', '2025-03-28', 3),
  // SC doses (depot after a lag) and capillary levels.
  wt('E-SC', '2025-01-06', 90), ...['2025-01-06', '2025-02-03', '2025-03-03', '2025-03-31'].map((d) => `E-SC,natalizumab,dose,${d}T10:00,300,mg,sc,0,,`),
  wo('E-SC', '2025-01-31', 2), lvl('E-SC', '2025-03-03T09:30', 12.4, 'capillary'), wo('E-SC', '2025-03-27T20:00', 1), lvl('E-SC', '2025-03-31T09:30', 11.0, 'capillary'),
  // Overdue: the last dose long ago (the restart's forecast reads the same fit).
  wt('E-OVERDUE', '2025-01-06', 70), ...['2025-01-06', '2025-02-03', '2025-03-03'].map((d) => iv('E-OVERDUE', d)), lvl('E-OVERDUE', '2025-03-03T08:45', 18.0),
  wo('E-OVERDUE', '2025-02-28', 2), wo('E-OVERDUE', '2025-04-20', 3), wo('E-OVERDUE', '2025-05-10', 0),
];

type Opts = Partial<NatalizumabOptions>;
const OPTIONS: Opts[] = [{ curves: false }, {}, { curves: false, target: 20, probability: 0.8, maxIntervalWeeks: 10, samples: 40, seed: 3 }];

function patients(): PatientRecord[] {
  const fromFile = (f: string, every: number) => parseTdmCsv(withWearingReports(readFileSync(f, 'utf8')), f).patients.filter((_, i) => i % every === 0);
  const rare = parseTdmCsv(readFileSync('test/app/features/proposal/data/rare-sentences.csv', 'utf8'), 'rare').patients.filter((p) => p.id === 'R-WEAR');
  const edge = parseTdmCsv([HEADER, ...EDGE].join('\n'), 'edge').patients;
  return [...edge, ...rare, ...fromFile('fixtures/validation/natalizumab-virtual.csv', 6), ...fromFile('fixtures/validation/natalizumab-sc.csv', 8), ...fromFile('fixtures/validation/natalizumab-misspec.csv', 12)]
    .filter((p) => p.drug === 'natalizumab' && (p.wearingOff ?? []).some((w) => w.score > 0));
}

const onsets = (p: PatientRecord, asOf: number) => wearingOffIntervals(reportsUpTo(p, asOf), p.doses.filter((d) => d.time <= asOf)).reports.map((r) => r.time);

describe('wearing-off reads the proposal\'s own fit (issue 19, speed)', () => {
  const ps = patients();

  it('the engine\'s report is the old way\'s, byte for byte (as-of the last row, before it, after it; with and without the chart; other options)', () => {
    expect(ps.length).toBeGreaterThan(20);
    let compared = 0;
    for (const p of ps) {
      const last = lastEventTime(p);
      for (const asOf of [last, last - 10, last + 30]) {
        if (onsets(p, asOf).length === 0) continue;
        for (const o of OPTIONS) {
          const now = computeReport(p, asOf, { natalizumab: o, ocrelizumab: {} });
          const old = oldWithNatalizumabWearingOff(proposeNatalizumab(p, asOf, o), p, asOf, o);
          expect(JSON.stringify(now), `${p.id} as of ${asOf} ${JSON.stringify(o)}`).toBe(JSON.stringify(old));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('the continued analysis is the one analyse gives with the onsets as outputs, every array bit for bit (and it is the path taken)', () => {
    const keys = ['predAtLevels', 'outMap', 'outSamples', 'weights', 'snapMap', 'stepMap', 'snaps', 'steps', 'etas'] as const;
    for (const p of ps.slice(0, 12)) {
      const asOf = lastEventTime(p);
      const times = onsets(p, asOf);
      if (!times.length) continue;
      for (const o of [OPTIONS[0], OPTIONS[1]]) {
        const { analysis } = proposeWithAnalysis(p, asOf, o, Math.min(...times));
        const c = continuedAnalysis(analysis, times);
        expect(c, p.id).not.toBeNull();
        const ref = analyse(p, asOf, resolveOptions(o), times);
        for (const k of keys) expect(Array.from(c![k]), `${p.id} ${k}`).toEqual(Array.from(ref[k]));
        expect([c!.objective, c!.ess]).toEqual([ref.objective, ref.ess]);
      }
    }
  });

  it('falls back to fitting again when the proposal kept no state early enough', () => {
    const p = ps[0];
    const asOf = lastEventTime(p);
    const times = onsets(p, asOf);
    expect(continuedAnalysis(proposeWithAnalysis(p, asOf, {}).analysis, times)).toBeNull();
    expect(continuedAnalysis(proposeWithAnalysis(p, asOf, {}, Math.min(...times) + 1e-6).analysis, times)).toBeNull();
  });
});
