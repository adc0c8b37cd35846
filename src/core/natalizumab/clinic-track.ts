/**
 * A clinic's track record and calibration, from patient to clinic (issue 17, items 2 and 3), in one
 * place for the command line (src/cli/track-record.ts) and the app's worker, so their numbers cannot
 * differ: each natalizumab patient's scored troughs (track-record.ts) under the same work budget, then
 * the clinic's summary (coverage, PIT histogram, bias, counts) and the calibrated spread each
 * patient's forecast uses (calibration.ts).
 *
 * With no trough of the clinic scored there is nothing to learn from: no patient's forecast is
 * calibrated (the published allowances, exactly as without calibration).
 */
import type { PatientRecord, TextParams } from '../types';
import type { ForecastCalibration, NatalizumabOptions } from '../report/types';
import { PkWorkError, workBudget, withWorkBudget } from '../pk/index';
import { refusedRowsError, stepBudgetFor } from '../engine';
import { patientTrackRecord, summariseTrackRecord, type TrackRecordSummary, type TroughMemo, type TroughScore } from './track-record';
import { english } from '../text';
import { calibrateClinic, patientCalibration, type ClinicCalibration } from './calibration';
import { trackRecordByQuarter, type QuarterRecord } from './track-periods';

/**
 * One patient's scored troughs, or why it was not scored (its English, and its code in the
 * catalog's `engine` namespace with params). `memo` (asked for with trackPatient's `previous`):
 * each score's memo, side by side, for the next time the patient is scored.
 */
export type PatientTrack = { scores: TroughScore[]; memo?: TroughMemo[] } | { error: string; errorCode?: string; errorParams?: TextParams };

/**
 * The track record of one patient (null: not a natalizumab patient). A record with refused rows is
 * not scored (as propose refuses it); the work is bounded as the proposal's, per level scored.
 * `previous` (the app): this patient's track record as scored before, with the same options and
 * engine, or null; a trough whose rows are unchanged keeps its score (the same numbers as scoring
 * it again, and the same budget: its steps are charged), and the answer carries memos for the next
 * time. Without it (the command line) every trough is scored and no memo is made.
 */
export function trackPatient(p: PatientRecord, options: Partial<NatalizumabOptions>, stop?: () => boolean, previous?: PatientTrack | null): PatientTrack | null {
  if (p.drug !== 'natalizumab') return null;
  const refused = refusedRowsError(p);
  if (refused) return { error: refused.error, errorCode: refused.errorCode, errorParams: refused.errorParams };
  // The calibrated spread is never used to score: the track record is that of the published allowances.
  const rest = { ...options };
  delete rest.iovCl;
  delete rest.spreadScale;
  delete rest.calibration;
  try {
    const budget = workBudget(stepBudgetFor(p) * Math.max(1, p.levels.length), stop);
    if (previous === undefined) return { scores: withWorkBudget(budget, () => patientTrackRecord(p, rest)) };
    const before = previous && 'scores' in previous && previous.memo ? previous : { scores: [], memo: [] };
    const memo = { scores: before.scores, memo: before.memo ?? [], budget, out: [] as TroughMemo[] };
    const scores = withWorkBudget(budget, () => patientTrackRecord(p, rest, memo));
    return { scores, memo: memo.out };
  } catch (e) {
    if (!(e instanceof PkWorkError)) throw e;
    return { error: english('track-stopped', { steps: e.steps }), errorCode: 'track-stopped', errorParams: { steps: e.steps } };
  }
}

/** The clinic's track record: its summary, its calibration, and each scored patient's calibrated options. */
export interface ClinicTrack {
  summary: TrackRecordSummary;
  /** The same by calendar quarter, each quarter tested for troughs reading clearly off their forecasts (track-periods.ts). */
  quarters: QuarterRecord[];
  clinic: ClinicCalibration;
  /**
   * The options each natalizumab patient's forecast takes when calibrated (by patient id; a patient
   * not listed takes the clinic's spread: `clinicOptions`). Null when no trough was scored.
   */
  patients: Record<string, { iovCl: number; calibration: ForecastCalibration }> | null;
  clinicOptions: { iovCl: number; calibration: ForecastCalibration } | null;
}

/** From every patient's scores (in the clinic's order) to the clinic's track record and calibration. */
export function clinicTrack(byPatient: ReadonlyArray<readonly [string, readonly TroughScore[]]>): ClinicTrack {
  const all = byPatient.flatMap(([, s]) => s);
  const clinic = calibrateClinic(all);
  const summary = summariseTrackRecord(all);
  const quarters = trackRecordByQuarter(all);
  if (!all.length) return { summary, quarters, clinic, patients: null, clinicOptions: null };
  const patients: ClinicTrack['patients'] = {};
  for (const [id, s] of byPatient) patients[id] = patientCalibration(clinic, s);
  return { summary, quarters, clinic, patients, clinicOptions: patientCalibration(clinic, []) };
}

/** The options a patient's proposal takes under calibration (empty: not calibrated). */
export function calibratedOptionsFor(track: ClinicTrack, id: string): Partial<NatalizumabOptions> {
  if (!track.patients) return {};
  return track.patients[id] ?? track.clinicOptions ?? {};
}
