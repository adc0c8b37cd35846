/**
 * The proposals and the clinic's track record, computed in the worker: stored reports and track
 * records (IndexedDB) are read before anything is computed; with calibration on, a natalizumab
 * forecast waits for the clinic's calibrated spread.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AppState } from '../storage/store';
import type { AsOfSpec } from '../../worker/protocol';
import { useReports, type Calibration } from '../use-reports';
import { useTrackRecord } from '../use-track-record';
import { reportCache } from '../storage/report-cache';
import { calibratedOptionsFor } from '../../core/natalizumab/clinic-track';

export function useComputed(state: AppState, today: string, selectedId: string | null) {
  const asOf = useMemo<AsOfSpec>(() => (state.asOfMode === 'today' ? { kind: 'date', date: today } : { kind: 'last' }), [state.asOfMode, today]);
  const [cacheReady, setCacheReady] = useState(false);
  useEffect(() => { void reportCache().loaded.then(() => setCacheReady(true)); }, []);
  useEffect(() => { if (state.ready && cacheReady) reportCache().retainIds(new Set(state.patients.map((p) => p.id))); }, [state.ready, state.patients, cacheReady]);
  const track = useTrackRecord(state.patients, state.clinic, cacheReady && state.ready, !state.calibrate);
  const calibration = useMemo<Calibration>(() => {
    if (!state.calibrate) return null;
    const c = track.clinic;
    return c ? (id: string) => calibratedOptionsFor(c, id) : 'wait';
  }, [state.calibrate, track.clinic]);
  const { reports, pending } = useReports(state.patients, state.clinic, asOf, selectedId, calibration, cacheReady && state.ready, today);
  return { reports, pending, track };
}
