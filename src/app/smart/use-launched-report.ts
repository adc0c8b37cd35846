/**
 * The launched patient's proposal, computed by the same worker and engine as for a CSV patient,
 * planned on today (notBefore): a dose as planned that has passed is overdue, never proposed in the
 * past (issue 15).
 *
 * Natalizumab (issue 17, item 3): the patient's own troughs from the record are scored (its track
 * record, the same worker job as the app's, held in this page only), and with the clinic's
 * calibration stored in this browser the forecast takes patientCalibration(clinic, own scores),
 * as the app and `tdm propose --calibrate` do; otherwise the published spread (calibration.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { EngineSettings } from '../../core/engine';
import type { PatientTrack } from '../../core/natalizumab/clinic-track';
import type { PatientRecord } from '../../core/types';
import type { StoredPatient } from '../storage/db';
import type { AsOfSpec } from '../../worker/protocol';
import { coreClient, type ReportEntry } from '../use-reports';
import { TRACK_KEY_PREFIX } from '../worker-client';
import { effectiveSettings, EMPTY_SETTINGS } from '../lib/settings';
import { todayIso } from '../lib/dates';
import { hashText } from '../lib/hash';
import { launchedOptions, type LaunchCalibration } from './calibration';

/** The launched natalizumab patient's own track record (scored from its current record), in memory. */
function useOwnTrack(clinic: EngineSettings, record: PatientRecord | null): PatientTrack | undefined {
  const [own, setOwn] = useState<{ record: PatientRecord; track: PatientTrack } | null>(null);
  const options = useMemo(() => effectiveSettings(clinic).natalizumab, [clinic]);
  useEffect(() => {
    if (!record || record.drug !== 'natalizumab') return;
    let live = true;
    const key = `${TRACK_KEY_PREFIX}smart|${hashText(JSON.stringify(record))}|${hashText(JSON.stringify(options))}`;
    coreClient().track(key, record, options).then(
      (r) => { if (live) setOwn({ record, track: r.track ?? { scores: [] } }); },
      (e: Error) => { if (live && e.message !== 'dropped') setOwn({ record, track: { error: e.message } }); },
    );
    return () => { live = false; };
  }, [record, options]);
  return own && own.record === record ? own.track : undefined;
}

export function useLaunchedReport(clinic: EngineSettings, patient: StoredPatient | null, asOf: AsOfSpec, calibration: LaunchCalibration | null = null): { entry: ReportEntry | undefined; track: PatientTrack | undefined } {
  const [entry, setEntry] = useState<ReportEntry | undefined>(undefined);
  const record = patient?.record ?? null;
  const track = useOwnTrack(clinic, record);
  // Calibrated: the proposal waits for the patient's own scored troughs (a failed scoring counts none, as in the app).
  const waiting = record?.drug === 'natalizumab' && calibration?.kind === 'clinic' && track === undefined;
  const calibrated = useMemo(() => {
    if (record?.drug !== 'natalizumab' || calibration?.kind !== 'clinic' || !track) return null;
    return launchedOptions(calibration, 'scores' in track ? track.scores : []);
  }, [record, calibration, track]);
  const settings = useMemo(() => {
    const base = { ...effectiveSettings(clinic, patient?.overrides ?? EMPTY_SETTINGS), notBefore: todayIso() };
    return calibrated ? { ...base, natalizumab: { ...base.natalizumab, ...calibrated } } : base;
  }, [clinic, patient?.overrides, calibrated]);
  useEffect(() => {
    // Waiting for the patient's own scored troughs (an edit in this page): what is shown is outdated meanwhile (and not written back).
    if (waiting) setEntry((e) => (e ? { ...e, stale: true, outdated: true } : undefined));
    if (!record || waiting || calibration === null) return;
    let live = true;
    const key = `smart|${hashText(JSON.stringify(record))}|${hashText(JSON.stringify(settings))}|${asOf.kind === 'date' ? asOf.date : 'last'}`;
    setEntry((e) => (e ? { ...e, stale: true, outdated: true } : undefined));
    coreClient().compute(key, { patient: record, settings, asOf }, true).then(
      (c) => { if (live) setEntry({ ...c, stale: false, outdated: false }); },
      (e: Error) => { if (live && e.message !== 'dropped') setEntry((prev) => ({ ...(prev ?? {}), stale: false, outdated: !!prev?.report, failure: e.message })); },
    );
    return () => { live = false; };
  }, [record, settings, asOf, waiting, calibration]);
  return { entry, track };
}
