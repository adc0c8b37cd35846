/**
 * The launch, once per page: complete the SMART authorisation, read the clinic's settings (only
 * read), read the patient the record named (paged searches followed to the end) and map it through
 * the core's FHIR module. What it found is held in this page's memory only.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type Client from 'fhirclient/lib/Client';
import type { EngineSettings } from '../../core/engine';
import type { Issue } from '../../core/types';
import type { LocalCodes } from '../../core/fhir/index';
import type { StoredPatient } from '../storage/db';
import type { AsOfSpec } from '../../worker/protocol';
import { EMPTY_SETTINGS } from '../lib/settings';
import { nowMinute, todayIso } from '../lib/dates';
import { completeLaunch, readPatient } from './record';
import { failureText } from './errors';
import { mapLaunched, observationCodes } from './adapter';
import { readClinicSettings } from './clinic';
import { chooseCalibration, readStoredClinic, type LaunchCalibration } from './calibration';

export type Phase =
  | { kind: 'completing' }
  | { kind: 'reading'; pages: number }
  | { kind: 'failed'; text: string }
  | { kind: 'unusable'; reason: string; issues: Issue[] }
  | { kind: 'ready' }
  | { kind: 'closed'; deleted: boolean };

export interface ReadInfo { resources: number; pages: number; server: string; patientRef: string; issues: Issue[] }

/** The launch is completed once per page (React may run an effect twice in development). */
let launch: Promise<Client> | null = null;

export function useLaunch() {
  const { t } = useTranslation('smart');
  const [phase, setPhase] = useState<Phase>({ kind: 'completing' });
  const client = useRef<Client | null>(null);
  const [clinic, setClinic] = useState<EngineSettings>(EMPTY_SETTINGS);
  const [localCodes, setLocalCodes] = useState<LocalCodes>({});
  const [asOf, setAsOf] = useState<AsOfSpec>({ kind: 'last' });
  const [infusionTime, setInfusionTime] = useState<string | undefined>(undefined);
  const [patient, setPatient] = useState<StoredPatient | null>(null);
  const [readInfo, setReadInfo] = useState<ReadInfo | null>(null);
  // Known before the patient is read, so its first proposal is already the calibrated one.
  const [calibration, setCalibration] = useState<LaunchCalibration | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const settings = await readClinicSettings();
      const calibrationFound = chooseCalibration(await readStoredClinic(settings.clinic));
      let c: Client;
      try {
        launch ??= completeLaunch();
        c = await launch;
      } catch (e) {
        if (live) setPhase({ kind: 'failed', text: t('session.failed', { error: failureText(e, t) }) });
        return;
      }
      client.current = c;
      if (!live) return;
      setClinic(settings.clinic);
      setLocalCodes(settings.localCodes);
      setAsOf(settings.asOfMode === 'today' ? { kind: 'date', date: todayIso() } : { kind: 'last' });
      setInfusionTime(settings.infusionTime);
      setCalibration(calibrationFound);
      setPhase({ kind: 'reading', pages: 0 });
      try {
        const read = await readPatient(c, observationCodes(settings.localCodes), (pages) => { if (live) setPhase({ kind: 'reading', pages }); });
        const mapped = mapLaunched(read.resources, c.state.serverUrl, settings.clinic, settings.localCodes, todayIso(), t('session.noRecord'));
        if (!live) return;
        setReadInfo({ resources: read.resources.length, pages: read.pages, server: c.state.serverUrl, patientRef: `Patient/${read.patientId}`, issues: mapped.issues });
        if (!mapped.record) { setPhase({ kind: 'unusable', reason: mapped.reason, issues: mapped.issues }); return; }
        setPatient({ id: mapped.record.id, record: mapped.record, overrides: EMPTY_SETTINGS, choice: null, updatedAt: nowMinute(), seq: 0 });
        setPhase({ kind: 'ready' });
      } catch (e) {
        if (live) setPhase({ kind: 'failed', text: t('session.readFailed', { error: failureText(e, t) }) });
      }
    })();
    return () => { live = false; };
    // Once per page: the launch cannot be completed twice.
  }, []);

  return { phase, setPhase, client, clinic, localCodes, asOf, infusionTime, patient, setPatient, readInfo, calibration };
}
