import { describe, expect, it } from 'vitest';
import { erf } from 'mathjs';
import { parseTdmCsv } from '../../../src/core/records/index';
import type { Observation } from '../../../src/core/types';
import {
  forecastCdf, forecastQuantile, patientTrackRecord, scorableTroughs, scoreMeasurement, summariseTrackRecord, type MeasurementForecast,
} from '../../../src/core/natalizumab/track-record';
import { runCli } from '../../../src/cli/run';
import { simulateClinic, MODEL_WORLD } from '../../../scripts/simulate-clinic';

// Independent oracle: the normal CDF from mathjs's erf.
const phi = (x: number) => 0.5 * (1 + (erf(x / Math.SQRT2) as number));

function handForecast(): MeasurementForecast {
  // Three draws of the concentration (10, 14, 20 µg/mL) with weights 0.2/0.5/0.3 and the assay's 21.9 % around each.
  const c = [10, 14, 20];
  return {
    mean: Float64Array.from(c), sd: Float64Array.from(c, (x) => 0.219 * x), weights: Float64Array.of(0.2, 0.5, 0.3),
    logConc: Float64Array.from(c, Math.log), kappa: Float64Array.of(-0.1, 0, 0.1), iov: 0.15, occasions: 1,
  };
}
const level = (value: number, censored = false): Observation => ({ kind: 'level', time: 100, iso: '2024-01-01T08:45', value, censored, unit: 'ug/mL', raw: String(value) });
const oracleCdf = (y: number) => 0.2 * phi((y - 10) / 2.19) + 0.5 * phi((y - 14) / (0.219 * 14)) + 0.3 * phi((y - 20) / (0.219 * 20));

describe('track record: scoring one measurement against its forecast', () => {
  it('the PIT is the mixture CDF at the measured value (mathjs oracle)', () => {
    const f = handForecast();
    for (const y of [6, 11.5, 14, 17.3, 26]) expect(forecastCdf(f, y)).toBeCloseTo(oracleCdf(y), 12);
    const s = scoreMeasurement(f, level(17.3), 'P');
    expect(s.pit).toBeCloseTo(oracleCdf(17.3), 12);
    expect(s.logRatio).toBeCloseTo(Math.log(17.3 / s.median), 12);
    expect(oracleCdf(s.median)).toBeCloseTo(0.5, 6);
    expect(oracleCdf(s.low80)).toBeCloseTo(0.1, 6);
    expect(oracleCdf(s.high80)).toBeCloseTo(0.9, 6);
  });

  it('inside an interval exactly when the value lies between its quantiles: both sides of each bound', () => {
    const f = handForecast();
    const lo80 = forecastQuantile(f, 0.1), hi80 = forecastQuantile(f, 0.9), lo50 = forecastQuantile(f, 0.25), hi95 = forecastQuantile(f, 0.975);
    expect(scoreMeasurement(f, level(lo80 * 1.001), 'P').inside).toEqual([false, true, true]);
    expect(scoreMeasurement(f, level(lo80 * 0.999), 'P').inside).toEqual([false, false, true]);
    expect(scoreMeasurement(f, level(hi80 * 0.999), 'P').inside).toEqual([false, true, true]);
    expect(scoreMeasurement(f, level(hi80 * 1.001), 'P').inside).toEqual([false, false, true]);
    expect(scoreMeasurement(f, level(lo50 * 1.001), 'P').inside[0]).toBe(true);
    expect(scoreMeasurement(f, level(lo50 * 0.999), 'P').inside[0]).toBe(false);
    expect(scoreMeasurement(f, level(hi95 * 1.001), 'P').inside[2]).toBe(false);
  });

  it('a censored trough counts as inside when the interval reaches below its limit, and has no log ratio', () => {
    const f = handForecast();
    const lo80 = forecastQuantile(f, 0.1), lo50 = forecastQuantile(f, 0.25);
    const s = scoreMeasurement(f, level(lo80 * 1.01, true), 'P');
    expect(s.inside).toEqual([false, true, true]);
    expect(s.logRatio).toBeNull();
    expect(s.pit).toBeCloseTo(oracleCdf(lo80 * 1.01) / 2, 12);
    expect(scoreMeasurement(f, level(lo80 * 0.99, true), 'P').inside).toEqual([false, false, true]);
    expect(scoreMeasurement(f, level(lo50 * 1.01, true), 'P').inside).toEqual([true, true, true]);
  });

  it('summarises coverage, the PIT histogram in ten bins, the median log ratio over uncensored troughs', () => {
    const f = handForecast();
    const scores = [level(5), level(12), level(14), level(16), level(40), level(3, true)].map((l) => scoreMeasurement(f, l, l.value > 13 ? 'A' : 'B'));
    const s = summariseTrackRecord(scores);
    expect(s.scored).toBe(6);
    expect(s.patients).toBe(2);
    expect(s.pitHistogram.reduce((a, b) => a + b, 0)).toBe(6);
    const bins = new Array(10).fill(0);
    for (const y of [5, 12, 14, 16, 40]) bins[Math.min(9, Math.floor(oracleCdf(y) * 10))]++;
    bins[Math.floor(oracleCdf(3) / 2 * 10)]++;
    expect(s.pitHistogram).toEqual(bins);
    const ratios = scores.filter((x) => !x.censored).map((x) => x.logRatio as number).sort((a, b) => a - b);
    expect(s.medianLogRatio).toBeCloseTo(ratios[2], 12);
    expect(s.cover80).toBeCloseTo(scores.filter((x) => x.inside[1]).length / 6, 12);
    expect(summariseTrackRecord([]).cover80).toBeNull();
  });
});

describe('track record on simulated histories (the published model itself, seeded)', () => {
  const faithful = simulateClinic(MODEL_WORLD, 30, 7);
  const scoresOf = (csv: string) => parseTdmCsv(csv, 'sim.csv').patients.flatMap((p) => patientTrackRecord(p));

  it('scores every trough with two troughs before it, and its 80 % intervals hold 0.80 ± 0.08 of them', () => {
    const patients = parseTdmCsv(faithful.csv, 'sim.csv').patients;
    const scores = patients.flatMap((p) => patientTrackRecord(p));
    const eligible = patients.reduce((n, p) => n + scorableTroughs(p).length, 0);
    expect(eligible).toBe(30 * 9);
    expect(scores.length).toBe(eligible);
    const s = summariseTrackRecord(scores);
    // 270 troughs: binomial SE 0.024, plus the clustering within patients; the tolerance is the 0.72–0.88.
    expect(s.cover80).toBeGreaterThanOrEqual(0.72);
    expect(s.cover80).toBeLessThanOrEqual(0.88);
    expect(s.cover50! < s.cover80! && s.cover80! < s.cover95!).toBe(true);
    expect(Math.abs(s.medianLogRatio!)).toBeLessThan(0.06);
  }, 60_000);

  it('the same history with the later troughs read 40 % low: the first low troughs fall outside, the median log ratio turns negative', () => {
    // Troughs from the 8th dose on read 40 % low (a laboratory that starts reading low).
    const low = simulateClinic(MODEL_WORLD, 30, 7, { lateFactor: 0.6, lateFrom: 8 });
    const all = scoresOf(low.csv);
    const s = summariseTrackRecord(all);
    const faithfulSummary = summariseTrackRecord(scoresOf(faithful.csv));
    expect(s.medianLogRatio!).toBeLessThan(-0.1);
    expect(s.cover80!).toBeLessThan(faithfulSummary.cover80! - 0.05);
    // The first trough read low in each patient: forecast from faithful troughs only.
    const firstLow = parseTdmCsv(low.csv, 'sim.csv').patients.map((p) => patientTrackRecord(p)[8 - 4]);
    expect(summariseTrackRecord(firstLow).cover80!).toBeLessThan(0.5);
  }, 60_000);
});

describe('tdm track-record', () => {
  const sim = simulateClinic(MODEL_WORLD, 6, 3).csv;
  const read = (f: string) => Buffer.from(f === 'sim.csv' ? sim : '', 'utf8');

  it('prints exactly one JSON line with the spec\'s fields', () => {
    const r = runCli(['track-record', 'sim.csv', '--target', '5'], read);
    expect(r.status).toBe(0);
    expect(r.stdout).toHaveLength(1);
    const o = JSON.parse(r.stdout[0]) as Record<string, unknown>;
    expect(Object.keys(o).slice(0, 7)).toEqual(['scored', 'patients', 'cover50', 'cover80', 'cover95', 'median_log_ratio', 'pit_histogram']);
    expect(o.scored).toBe(54);
    expect(o.patients).toBe(6);
    expect((o.pit_histogram as number[]).reduce((a, b) => a + b, 0)).toBe(54);
    expect(o.target).toEqual({ value: 5, unit: 'ug/mL' });
  }, 60_000);

  it('propose --calibrate: each natalizumab line says the spread it used, from how many troughs; the intervals follow it', () => {
    const plain = runCli(['propose', 'sim.csv'], read).stdout.map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = runCli(['propose', 'sim.csv', '--calibrate'], read);
    expect(r.status).toBe(0);
    const cal = r.stdout.map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
    const tr = JSON.parse(runCli(['track-record', 'sim.csv'], read).stdout[0]) as { scored: number; calibration: { iov: number; scale: number } };
    expect(plain[0].calibration).toBeUndefined();
    for (const line of cal) {
      expect(line.calibration.troughs).toBe(tr.scored);
      expect(line.calibration.clinic_iov).toBeCloseTo(tr.calibration.iov, 4);
      expect(line.calibration.iov).toBeGreaterThanOrEqual(line.calibration.clinic_iov);
      expect(line.calibration.factor).toBeCloseTo(line.calibration.iov / 0.15, 2);
      expect(line.calibration.patient_troughs).toBe(9);
      expect(line.calibration.scale).toBeCloseTo(tr.calibration.scale, 3);
    }
    // A different spread gives a different forecast of the next trough.
    const width = (o: Record<string, any>) => Math.log(o.proposal.predicted_trough_high / o.proposal.predicted_trough_low); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(cal.map(width)).not.toEqual(plain.map(width));
  }, 120_000);

  it('--calibrate belongs to propose', () => {
    const r = runCli(['track-record', 'sim.csv', '--calibrate'], read);
    expect(r.status).toBe(2);
    expect(r.stderr[0]).toBe('tdm: --calibrate goes with propose');
  });
});
