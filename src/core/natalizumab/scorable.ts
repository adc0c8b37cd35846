/**
 * Which troughs the track record scores (track-record.ts): every trough (trend.ts) with at least two
 * troughs before it. Apart from the scoring itself so the app can tell, without the engine, that a
 * patient has nothing to score (its track record is then empty, without a trip to the worker).
 */
import type { Observation, PatientRecord } from '../types';
import { troughsBeforeDoses } from './trend';

/** Troughs that must come before a trough for it to be scored. */
export const TRACK_RECORD_MIN_PRIOR_TROUGHS = 2;

/** The troughs of a record that have at least two troughs before them. */
export function scorableTroughs(p: PatientRecord): Observation[] {
  return troughsBeforeDoses(p.levels, p.doses).slice(TRACK_RECORD_MIN_PRIOR_TROUGHS).map((t) => t.obs);
}

/** A natalizumab record whose track record is empty for certain: every row read, no trough to score. */
export function nothingToScore(p: PatientRecord): boolean {
  return p.drug === 'natalizumab' && !p.issues.some((i) => i.severity === 'error') && scorableTroughs(p).length === 0;
}
