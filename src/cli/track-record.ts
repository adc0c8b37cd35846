/**
 * `tdm track-record FILE [--target N]` (shared/spec/cli.md): how the forecasts held on the file's own
 * natalizumab troughs, as one JSON line; and the clinic calibration `propose --calibrate` uses.
 */
import type { PatientRecord } from '../core/types';
import { summariseTrackRecord, type TroughScore } from '../core/natalizumab/track-record';
import { calibrateClinic, type ClinicCalibration } from '../core/natalizumab/calibration';
import { calibratedOptionsFor, clinicTrack, trackPatient } from '../core/natalizumab/clinic-track';
import { trackRecordByQuarter, SHIFT_P, type QuarterRecord } from '../core/natalizumab/track-periods';
import type { NatalizumabOptions } from '../core/report/types';
import { cliText } from './text';

const r3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);
const r4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 10000);

export interface ClinicTrackRecord {
  /** Scores per patient id (natalizumab patients whose rows were all read). */
  byPatient: Map<string, TroughScore[]>;
  all: TroughScore[];
  /** Messages for people: patients left out and why. */
  errors: string[];
}

/** The track record of every natalizumab patient of a file (patients with refused rows are left out, as propose refuses them). */
export function clinicTrackRecord(patients: PatientRecord[], options: Partial<NatalizumabOptions>, file: string, stop?: () => boolean): ClinicTrackRecord {
  const byPatient = new Map<string, TroughScore[]>();
  const errors: string[] = [];
  for (const p of patients) {
    // The same function as the app's worker (src/core/natalizumab/clinic-track.ts).
    const track = trackPatient(p, options, stop);
    if (track === null) continue;
    if ('error' in track) errors.push(cliText('patient.not-scored', { place: file, id: p.id, message: track.error }));
    else byPatient.set(p.id, track.scores);
  }
  return { byPatient, all: [...byPatient.values()].flat(), errors };
}

/** The one `track-record` line (spec field names; `target` and `calibration` extra). */
export function trackRecordLine(scores: TroughScore[], target: number, calibration: ClinicCalibration, quarters = trackRecordByQuarter(scores)): Record<string, unknown> {
  const s = summariseTrackRecord(scores);
  return {
    scored: s.scored, patients: s.patients,
    cover50: r3(s.cover50), cover80: r3(s.cover80), cover95: r3(s.cover95),
    median_log_ratio: r4(s.medianLogRatio),
    pit_histogram: s.pitHistogram,
    by_quarter: quarters.map(quarterLine),
    target: { value: target, unit: 'ug/mL' },
    calibration: calibrationLine(calibration),
  };
}

/** One quarter of the track record (an extra field of the line: `by_quarter`). */
function quarterLine(q: QuarterRecord): Record<string, unknown> {
  return {
    quarter: q.quarter, scored: q.scored, patients: q.patients, cover80: r3(q.cover80), median_log_ratio: r4(q.medianLogRatio),
    below_median: q.below, above_median: q.above, sign_test_p: Number(q.p.toPrecision(3)), shift: q.shift,
  };
}

/** A warning for people (standard error) for each quarter whose troughs read clearly off their forecasts. */
export function shiftWarnings(quarters: readonly QuarterRecord[], file: string): string[] {
  return quarters.filter((q) => q.shift !== null).map((q) => {
    const low = q.shift === 'low';
    const percent = Math.round(Math.abs(Math.expm1(q.medianLogRatio as number)) * 100);
    return cliText(low ? 'track.shift-low' : 'track.shift-high', { place: file, quarter: q.quarter, count: low ? q.below : q.above, total: q.below + q.above, p: SHIFT_P, percent });
  });
}

/** The clinic's calibration as a JSON object (the `calibration` field of track-record and propose --calibrate). */
export function calibrationLine(c: ClinicCalibration, patient?: { iov: number; troughs: number }): Record<string, unknown> {
  return {
    troughs: c.troughs, patients: c.patients,
    iov: r4(c.iov), published_iov: c.publishedIov, factor: r3(c.iov / c.publishedIov), scale: r3(c.scale),
    ...(patient ? { patient_iov: r4(patient.iov), patient_troughs: patient.troughs } : {}),
    cover80: r3(c.cover80), calibrated_cover80: r3(c.calibratedCover80),
  };
}

/**
 * Options for each patient's proposal under `--calibrate`: the clinic's spread, widened by the
 * patient's own troughs; none when no trough of the file was scored (nothing to learn from).
 * The same rule as the app's (src/core/natalizumab/clinic-track.ts).
 */
export function calibratedOptions(_clinic: ClinicCalibration, record: ClinicTrackRecord): (id: string) => Partial<NatalizumabOptions> {
  const track = clinicTrack([...record.byPatient]);
  return (id) => calibratedOptionsFor(track, id);
}

export { calibrateClinic };
