/**
 * The clinic's track record in the app (issue 17, items 2 and 3): every natalizumab patient's troughs
 * scored against the forecasts made before them (the worker, src/core/natalizumab/clinic-track.ts,
 * the same function as `tdm track-record`), then the clinic's summary and calibration from all of
 * them. Each patient's track record is kept by a fingerprint of its records, the clinic's
 * natalizumab settings and the engine build (in memory and in IndexedDB), so an edit scores only the
 * patient it touched and a reload scores nothing that did not change.
 *
 * The example patients are not the clinic's: their troughs are not counted.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngineSettings } from '../core/engine';
import { clinicTrack as clinicTrackOf, type ClinicTrack, type PatientTrack } from '../core/natalizumab/clinic-track';
import type { TroughScore } from '../core/natalizumab/track-record';
import type { StoredPatient } from './storage/db';
import { reportCache } from './storage/report-cache';
import { coreClient, recordHash, useGatheredVersion } from './use-reports';
import { ENGINE_BUILD, TRACK_KEY_PREFIX } from './worker-client';
import { effectiveSettings } from './lib/settings';
import { hashText } from './lib/hash';
import { nothingToScore } from '../core/natalizumab/scorable';

export interface TrackRecordState {
  /** Each counted patient's scored troughs (or why it was not scored), by id, once computed. */
  tracks: Map<string, PatientTrack>;
  /** Counted patients whose track record is still being computed. */
  pending: number;
  /** Patients counted: natalizumab, not examples. */
  counted: number;
  /** The clinic's track record and calibration; null until every counted patient's is in. */
  clinic: ClinicTrack | null;
}

/** Whether a patient's troughs count in the clinic's track record. */
export function counted(p: StoredPatient): boolean {
  return p.record.drug === 'natalizumab' && !p.example;
}

/** The fingerprint of a patient's track record: its records, the clinic's natalizumab settings, the engine. */
export function trackKey(p: StoredPatient, clinic: EngineSettings): string {
  return `${TRACK_KEY_PREFIX}${p.id}|${recordHash(p.record)}${trackKeyEnd(clinic)}`;
}
/** The end of a track record's fingerprint: the settings and the engine (its start: the patient and its records). */
function trackKeyEnd(clinic: EngineSettings): string {
  return `|${hashText(JSON.stringify(effectiveSettings(clinic).natalizumab))}|${hashText(ENGINE_BUILD)}`;
}

/**
 * The patient's track record stored for other records of it but the same settings and engine: its
 * memos spare the troughs whose rows did not change (an import that adds a trough scores that one).
 */
function previousTrack(cache: ReturnType<typeof reportCache>, id: string, clinic: EngineSettings): PatientTrack | null {
  const stored = cache.anyTrack(id);
  return stored && stored.key.startsWith(`${TRACK_KEY_PREFIX}${id}|`) && stored.key.endsWith(trackKeyEnd(clinic)) ? stored.track : null;
}

const scoresOf = (t: PatientTrack | null | undefined): TroughScore[] => (t && 'scores' in t ? t.scores : []);

/**
 * `background`: the forecasts do not wait for the track record (calibration off): it is computed
 * when the workers have nothing else to do.
 */
export function useTrackRecord(patients: StoredPatient[], clinic: EngineSettings, cacheReady: boolean, background = false): TrackRecordState {
  const results = useRef(new Map<string, PatientTrack | null>()); // by key
  const asked = useRef(new Set<string>());
  const [version, bump] = useGatheredVersion();
  const [clinicTrack, setClinicTrack] = useState<{ fp: string; clinic: ClinicTrack } | null>(null);

  const jobs = useMemo(() => patients.filter(counted).map((p) => ({ id: p.id, key: trackKey(p, clinic), patient: p.record })), [patients, clinic]);
  const fp = useMemo(() => hashText(jobs.map((j) => j.key).join('\n')), [jobs]);
  // What is stored, or certain, is taken in the same render (issue 17, item 6: a reload shows the
  // stored reports in one drawing of the list, not one per step of the track record).
  useMemo(() => {
    if (!cacheReady) return;
    const cache = reportCache();
    for (const j of jobs) {
      if (results.current.has(j.key)) continue;
      const kept = cache.track(j.id, j.key);
      if (kept !== undefined) results.current.set(j.key, kept);
      // No trough with two before it: an empty track record for certain (what the worker would answer).
      else if (nothingToScore(j.patient)) results.current.set(j.key, { scores: [] });
    }
  }, [jobs, cacheReady]);

  useEffect(() => {
    if (!cacheReady) return;
    const client = coreClient();
    const cache = reportCache();
    const keys = new Set(jobs.map((j) => j.key));
    for (const k of client.retain(keys, (k) => k.startsWith(TRACK_KEY_PREFIX))) asked.current.delete(k);
    const options = effectiveSettings(clinic).natalizumab;
    let found = false;
    for (const j of jobs) {
      if (results.current.has(j.key) || asked.current.has(j.key)) continue;
      const kept = cache.track(j.id, j.key);
      if (kept !== undefined) { results.current.set(j.key, kept); found = true; continue; }
      // No trough with two before it: an empty track record for certain (what the worker would answer).
      if (nothingToScore(j.patient)) { results.current.set(j.key, { scores: [] }); found = true; continue; }
      asked.current.add(j.key);
      client.track(j.key, j.patient, options, background, previousTrack(cache, j.id, clinic)).then((r) => {
        asked.current.delete(j.key);
        results.current.set(j.key, r.track);
        cache.putTrack(j.id, j.key, r.track);
        // The last one asked: drawn at once (the calibration waits for it), not after the gathering delay.
        bump(asked.current.size === 0);
      }, (e: Error) => {
        asked.current.delete(j.key);
        if (e.message === 'dropped') return;
        results.current.set(j.key, { error: e.message });
        bump(asked.current.size === 0);
      });
    }
    if (found) bump(true);
    for (const k of results.current.keys()) if (!keys.has(k)) results.current.delete(k);
  }, [jobs, clinic, cacheReady, background]);

  const done = jobs.filter((j) => results.current.has(j.key)).length;
  const allIn = cacheReady && done === jobs.length;
  // The clinic's calibration stored for exactly these track records: used in this render. With no
  // trough scored anywhere it is empty for certain: made here, the same function the worker runs
  // (issue 17, item 6: no trip to a worker that the plans would wait for).
  const keptClinic = useMemo(() => {
    if (!allIn || clinicTrack?.fp === fp) return null;
    const kept = reportCache().clinicFor(fp);
    if (kept) return kept;
    const scores: [string, TroughScore[]][] = jobs.map((j) => [j.id, scoresOf(results.current.get(j.key))]);
    return scores.every(([, s]) => s.length === 0) ? clinicTrackOf(scores) : null;
  }, [allIn, fp, clinicTrack, jobs]);

  useEffect(() => {
    if (!allIn || clinicTrack?.fp === fp || keptClinic) return;
    const cache = reportCache();
    let live = true;
    const scores: [string, TroughScore[]][] = jobs.map((j) => [j.id, scoresOf(results.current.get(j.key))]);
    coreClient().calibrate(`calibrate|${fp}`, scores).then((r) => {
      cache.putClinic(fp, r.clinic);
      if (live) setClinicTrack({ fp, clinic: r.clinic });
    }, () => { /* a failed calibration leaves the clinic uncalibrated: retried on the next change */ });
    return () => { live = false; };
  }, [allIn, fp, jobs, clinicTrack, keptClinic]);

  const tracks = useMemo(() => {
    const m = new Map<string, PatientTrack>();
    for (const j of jobs) { const r = results.current.get(j.key); if (r) m.set(j.id, r); }
    return m;
  }, [jobs, version]);

  return { tracks, pending: jobs.length - done, counted: jobs.length, clinic: clinicTrack?.fp === fp ? clinicTrack.clinic : keptClinic };
}
