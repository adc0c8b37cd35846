/**
 * The app after a SMART launch: the one patient the record named, read from the record (paged
 * searches followed to the end), mapped by the core's FHIR module, computed by the same worker
 * and engine as a CSV patient, shown in the usual patient view, and written back on request.
 *
 * Held in memory only: nothing of the launched patient goes to IndexedDB, localStorage or
 * sessionStorage (the clinic's settings are only read; fhirclient's OAuth state is removed once
 * the launch is complete, record.ts). Edits, a recorded choice and per-patient settings live in
 * this page until it is closed.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { version as appVersion } from '../../../package.json';
import type { Issue, PatientRecord } from '../../core/types';
import { PatientView } from '../features/patient/PatientView';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { nowMinute, type Lang } from '../lib/dates';
import { isError } from '../lib/status';
import { issueText } from '../../i18n/sentences';
import { LANGS, setLanguage } from '../i18n/index';
import { useLaunch } from './use-launch';
import { useLaunchedReport } from './use-launched-report';
import { WriteBack } from './WriteBack';
import { CalibrationSource, cardPublished } from './CalibrationSource';
import './smart.css';

export function SmartApp() {
  const { t, i18n } = useTranslation('smart');
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const { phase, setPhase, client, clinic, localCodes, asOf, infusionTime, patient, setPatient, readInfo, calibration } = useLaunch();
  const { entry, track } = useLaunchedReport(clinic, patient, asOf, calibration);
  useEffect(() => { document.title = t('app.title', { ns: 'app' }); }, [t, lang]);

  const report = entry && !entry.outdated && entry.report && !isError(entry.report) ? entry.report : null;

  const header = (
    <header className="top">
      <div className="brand">
        <h1>MS Interval</h1>
        <p className="tagline">{t('app.tagline', { ns: 'app' })}</p>
      </div>
      <label className="lang">
        <span className="sr-only">{t('app.language', { ns: 'app' })}</span>
        <select value={lang} onChange={(e) => setLanguage(e.target.value as Lang)} aria-label={t('app.language', { ns: 'app' })}>
          {LANGS.map((l) => <option key={l} value={l} lang={l}>{l === 'nl' ? 'Nederlands' : 'English'}</option>)}
        </select>
      </label>
    </header>
  );

  const issuesList = (issues: Issue[]) => issues.length ? (
    <details className="smart-issues" data-testid="fhir-issues">
      <summary>{t('session.issues')} ({issues.length})</summary>
      <ul>{issues.map((i, k) => <li key={k}>{issueText(i, lang)}</li>)}</ul>
    </details>
  ) : null;

  return (
    <div className="app smart-app">
      <a href="#main" className="skip">{t('app.skip', { ns: 'app' })}</a>
      {header}
      {readInfo ? <p className="smart-banner" data-testid="fhir-launched">{t('session.banner', { server: readInfo.server })} {t('session.read', { resources: readInfo.resources, pages: readInfo.pages })}</p> : null}
      <main id="main">
        {phase.kind === 'completing' ? <p role="status">{t('session.completing')}</p> : null}
        {phase.kind === 'reading' ? <p role="status" data-testid="fhir-reading">{t('session.reading', { pages: phase.pages })}</p> : null}
        {phase.kind === 'failed' ? <p className="card card-error" role="alert" data-testid="fhir-launch-failed">{phase.text}</p> : null}
        {phase.kind === 'unusable' ? (
          <>
            <p className="card card-error" role="alert" data-testid="fhir-unusable">{t('session.notMapped', { reason: phase.reason })}</p>
            {issuesList(phase.issues)}
          </>
        ) : null}
        {phase.kind === 'closed' ? <p role="status" data-testid="fhir-closed">{t(phase.deleted ? 'session.deleted' : 'session.closed')}</p> : null}
        {phase.kind === 'ready' && patient ? (
          <div className="smart-patient">
            <WriteBack client={client} patient={patient} report={report} readInfo={readInfo} localCodes={localCodes} />
            {readInfo ? issuesList(readInfo.issues) : null}
            {patient.record.drug === 'natalizumab' && calibration ? <CalibrationSource calibration={calibration} track={track} /> : null}
            <ErrorBoundary title={t('error.partTitle', { ns: 'app' })} hint={t('error.partHint', { ns: 'app' })} reloadLabel={t('error.reload', { ns: 'app' })} resetKey={patient.id}>
              <PatientView key={patient.id} patient={patient} entry={entry} clinic={clinic} infusionTime={infusionTime}
                track={track} calibrate={calibration?.kind !== 'off'} calibrationPublished={cardPublished(calibration, t)}
                onSaveRecord={async (r: PatientRecord) => { setPatient((p) => (p ? { ...p, record: r, updatedAt: nowMinute() } : p)); }}
                onChoose={async (c) => { setPatient((p) => (p ? { ...p, choice: c ? { ...c, at: nowMinute() } : null } : p)); }}
                onOverrides={async (o) => { setPatient((p) => (p ? { ...p, overrides: o } : p)); }}
                onDelete={async () => { setPatient(null); setPhase({ kind: 'closed', deleted: true }); }}
                onClose={() => { setPatient(null); setPhase({ kind: 'closed', deleted: false }); }} />
            </ErrorBoundary>
          </div>
        ) : null}
      </main>
      <footer>
        <p>{t('app.disclaimer', { ns: 'app' })} · MS Interval {appVersion}</p>
      </footer>
    </div>
  );
}
