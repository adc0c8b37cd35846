/**
 * The clinic's track record as the app's worker and the command line both compute it
 * (src/core/natalizumab/clinic-track.ts): the same scores and summary as `tdm track-record`, the
 * same calibrated options as `propose --calibrate`, and no calibration while nothing is scored.
 */
import { describe, expect, it } from 'vitest';
import { parseTdmCsv } from '../../../src/core/records/index';
import type { PatientRecord } from '../../../src/core/types';
import type { NatalizumabOptions } from '../../../src/core/report/types';
import { proposeNatalizumab } from '../../../src/core/natalizumab/index';
import { patientTrackRecord } from '../../../src/core/natalizumab/track-record';
import { calibrateClinic } from '../../../src/core/natalizumab/calibration';
import { calibratedOptionsFor, clinicTrack, trackPatient } from '../../../src/core/natalizumab/clinic-track';
import { nothingToScore } from '../../../src/core/natalizumab/scorable';
import { handle } from '../../../src/worker/handle';
import { runCli } from '../../../src/cli/run';
import { simulateClinic, IOV_WORLD } from '../../../scripts/simulate-clinic';

const sim = simulateClinic(IOV_WORLD, 5, 11);
const patients = parseTdmCsv(sim.csv, 'clinic.csv').patients;
const read = () => Buffer.from(sim.csv);
const now = () => 0;

/** The worker's answers for every patient, then for the clinic. */
function viaWorker(list: PatientRecord[]) {
  const scores: [string, ReturnType<typeof patientTrackRecord>][] = [];
  for (const p of list) {
    const r = handle({ type: 'track', id: 1, patient: p, options: {} }, now);
    if (r.type !== 'tracked') throw new Error(r.type);
    if (r.track && 'scores' in r.track) scores.push([p.id, r.track.scores]);
  }
  const c = handle({ type: 'calibrate', id: 2, scores }, now);
  if (c.type !== 'calibrated') throw new Error(c.type);
  return { scores, clinic: c.clinic };
}

describe('the clinic\'s track record, one function for the app and the command line', () => {
  const { scores, clinic } = viaWorker(patients);

  it('each patient\'s scores are the core\'s track record; a calibrated spread in the options is not used to score', () => {
    expect(scores.map(([id]) => id)).toEqual(patients.map((p) => p.id));
    for (const [id, s] of scores) expect(s).toEqual(patientTrackRecord(patients.find((p) => p.id === id)!));
    const p = patients[0];
    expect(trackPatient(p, { iovCl: 0.3 })).toEqual({ scores: patientTrackRecord(p) });
  });

  it('the worker\'s clinic summary is the tdm track-record line', () => {
    const r = runCli(['track-record', 'clinic.csv'], read);
    const line = JSON.parse(r.stdout[0]) as { scored: number; patients: number; cover50: number; cover80: number; cover95: number; median_log_ratio: number; pit_histogram: number[] };
    const s = clinic.summary;
    expect(s.scored).toBe(line.scored);
    expect(s.scored).toBeGreaterThan(30);
    expect(s.patients).toBe(line.patients);
    expect(Math.round(s.cover50! * 1000) / 1000).toBe(line.cover50);
    expect(Math.round(s.cover80! * 1000) / 1000).toBe(line.cover80);
    expect(Math.round(s.cover95! * 1000) / 1000).toBe(line.cover95);
    expect(Math.round(s.medianLogRatio! * 1e4) / 1e4).toBe(line.median_log_ratio);
    expect(s.pitHistogram).toEqual(line.pit_histogram);
  });

  it('each patient\'s calibrated options are those of propose --calibrate: the clinic\'s spread, never narrower', () => {
    const r = runCli(['propose', 'clinic.csv', '--calibrate'], read);
    for (const l of r.stdout.map((x) => JSON.parse(x) as { patient_id: string; calibration: { iov: number; clinic_iov: number; troughs: number; scale: number } })) {
      const o = calibratedOptionsFor(clinic, l.patient_id);
      expect(Math.round(o.iovCl! * 1e4) / 1e4).toBe(l.calibration.iov);
      expect(o.calibration!.troughs).toBe(l.calibration.troughs);
      // The clinic's width of the whole forecast, the same for every patient, as the line says.
      expect(o.spreadScale).toBe(clinic.clinic.scale);
      expect(Math.round(o.spreadScale! * 1000) / 1000).toBe(l.calibration.scale);
      expect(o.iovCl!).toBeGreaterThanOrEqual(clinic.clinic.iov);
    }
    expect(clinic.clinic.iov).toBe(calibrateClinic(scores.flatMap(([, s]) => s)).iov);
    expect(clinic.clinic.scale).toBe(calibrateClinic(scores.flatMap(([, s]) => s)).scale);
    // A patient not scored takes the clinic's spread.
    expect(calibratedOptionsFor(clinic, 'nobody').iovCl).toBe(clinic.clinic.iov);
  });

  it('a refused record is not scored (said why); an ocrelizumab patient has no track record', () => {
    const bad = parseTdmCsv('patient_id,drug,kind,time,value,unit,route,duration_min,note\nX,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,\nX,natalizumab,level,2024-02-05T08:45,abc,ug/mL,,,\n', 'x.csv').patients[0];
    const t = trackPatient(bad, {});
    expect(t && 'error' in t ? t.error : '').toBe('1 row(s) could not be used: x.csv:3: value "abc" for a level is not a number: write a number such as 24.1, or <x for a result below the lab\'s limit x');
    const ocr = parseTdmCsv('patient_id,drug,kind,time,value,unit,route,duration_min,note\nO,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,\n', 'o.csv').patients[0];
    expect(trackPatient(ocr, {})).toBeNull();
  });

  it('no trough scored: no patient calibrated, and propose --calibrate says what propose says', () => {
    const none = clinicTrack([['A', []], ['B', []]]);
    expect(none.patients).toBeNull();
    expect(calibratedOptionsFor(none, 'A')).toEqual({});
    const text = simulateClinic(IOV_WORLD, 2, 3, { schedule: [4, 4, 4] }).csv;
    const f = () => Buffer.from(text);
    expect(JSON.parse(runCli(['track-record', 'few.csv'], f).stdout[0]).scored).toBe(0);
    expect(runCli(['propose', 'few.csv', '--calibrate'], f).stdout).toEqual(runCli(['propose', 'few.csv'], f).stdout);
  });

  it('the app skips the worker only where the track record is empty for certain', () => {
    const few = parseTdmCsv(simulateClinic(IOV_WORLD, 2, 3, { schedule: [4, 4, 4] }).csv, 'few.csv').patients;
    const three = parseTdmCsv(simulateClinic(IOV_WORLD, 1, 3, { schedule: [4, 4, 4, 4] }).csv, 'three.csv').patients[0];
    for (const p of few) { expect(nothingToScore(p)).toBe(true); expect(trackPatient(p, {})).toEqual({ scores: [] }); }
    // Three troughs before doses: the third is scored.
    expect(nothingToScore(three)).toBe(false);
    expect((trackPatient(three, {}) as { scores: unknown[] }).scores).toHaveLength(1);
    for (const p of patients) expect(nothingToScore(p)).toBe(false);
    const bad = parseTdmCsv('patient_id,drug,kind,time,value,unit,route,duration_min,note\nX,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,\nX,natalizumab,level,2024-02-05T08:45,abc,ug/mL,,,\n', 'x.csv').patients[0];
    expect(nothingToScore(bad)).toBe(false);
  });
});

describe('the calibrated width of the whole forecast (NatalizumabOptions.spreadScale) in a proposal', () => {
  const p = patients[0];
  // Planned on the day of the last dose (not overdue: the overdue restart has a forecast of its own, from the posterior alone).
  const asOf = Math.max(...p.doses.map((d) => d.time));
  const logHalf = (o: Partial<NatalizumabOptions>) => {
    const r = proposeNatalizumab(p, asOf, { curves: false, ...o });
    const nt = r.proposal.nextTrough;
    return { up: Math.log(nt.high / nt.value), down: Math.log(nt.value / nt.low), r };
  };
  it('λ = 1 is the published forecast exactly; λ below 1 narrows and above 1 widens it, by about λ on the log scale', () => {
    const base = logHalf({ iovCl: 0.1 });
    expect(base.r.proposal.reason).not.toContain('overdue');
    const one = logHalf({ iovCl: 0.1, spreadScale: 1 });
    expect(one.r.proposal).toEqual(base.r.proposal);
    for (const lambda of [0.6, 1.4]) {
      const s = logHalf({ iovCl: 0.1, spreadScale: lambda, maxIntervalWeeks: 4 });
      const b = logHalf({ iovCl: 0.1, maxIntervalWeeks: 4 });
      // Each draw's log deviation from the MAP is λ times as wide: so are the quantiles' (to the interpolation between draws).
      expect(s.up / b.up).toBeCloseTo(lambda, 1);
      expect(s.down / b.down).toBeCloseTo(lambda, 1);
      // The central value (the MAP) does not move.
      expect(s.r.proposal.nextTrough.value).toBe(b.r.proposal.nextTrough.value);
    }
  });
});
