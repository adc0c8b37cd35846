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
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type Client from 'fhirclient/lib/Client';
import { version as appVersion } from '../../../package.json';
import type { EngineSettings } from '../../core/engine';
import type { Issue, PatientRecord } from '../../core/types';
import type { LocalCodes } from '../../core/fhir/index';
import type { StoredPatient } from '../storage/db';
import type { AsOfSpec } from '../../worker/protocol';
import { coreClient, type ReportEntry } from '../use-reports';
import { PatientView } from '../features/patient/PatientView';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { effectiveSettings, EMPTY_SETTINGS } from '../lib/settings';
import { nowMinute, todayIso, type Lang } from '../lib/dates';
import { hashText } from '../lib/hash';
import { isError } from '../lib/status';
import { issueText } from '../../i18n/sentences';
import { LANGS, setLanguage } from '../i18n/index';
import { completeLaunch, creator, readPatient, tokenExpired } from './record';
import { failureSentence, failureText } from './errors';
import { writeBack, type Written } from './write-back';
import { buildProposal, fhirChoice, mapLaunched, observationCodes } from './adapter';
import { choiceLabel } from '../features/proposal/choices';
import { readClinicSettings } from './clinic';
import './smart.css';

type Phase =
  | { kind: 'completing' }
  | { kind: 'reading'; pages: number }
  | { kind: 'failed'; text: string }
  | { kind: 'unusable'; reason: string; issues: Issue[] }
  | { kind: 'ready' }
  | { kind: 'closed'; deleted: boolean };

interface WriteState {
  busy: boolean;
  written: Written | null;
  /** The last click found everything already written. */
  already: boolean;
  failure: string | null;
}

const TYPES = ['MedicationRequest', 'DocumentReference', 'Provenance'] as const;

/** The launch is completed once per page (React may run an effect twice in development). */
let launch: Promise<Client> | null = null;

export function SmartApp() {
  const { t, i18n } = useTranslation('smart');
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const [phase, setPhase] = useState<Phase>({ kind: 'completing' });
  const client = useRef<Client | null>(null);
  const [clinic, setClinic] = useState<EngineSettings>(EMPTY_SETTINGS);
  const [localCodes, setLocalCodes] = useState<LocalCodes>({});
  const [asOf, setAsOf] = useState<AsOfSpec>({ kind: 'last' });
  const [infusionTime, setInfusionTime] = useState<string | undefined>(undefined);
  const [patient, setPatient] = useState<StoredPatient | null>(null);
  const [readInfo, setReadInfo] = useState<{ resources: number; pages: number; server: string; patientRef: string; issues: Issue[] } | null>(null);
  const [entry, setEntry] = useState<ReportEntry | undefined>(undefined);
  const [write, setWrite] = useState<WriteState>({ busy: false, written: null, already: false, failure: null });

  useEffect(() => { document.title = t('app.title', { ns: 'app' }); }, [t, lang]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const settings = await readClinicSettings();
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

  // The proposal, computed by the same worker and engine as for a CSV patient.
  // Planned on today (notBefore): a dose as planned that has passed is overdue, never proposed in the past (issue 15).
  const settings = useMemo(() => ({ ...effectiveSettings(clinic, patient?.overrides ?? EMPTY_SETTINGS), notBefore: todayIso() }), [clinic, patient?.overrides]);
  const record = patient?.record ?? null;
  useEffect(() => {
    if (!record) return;
    let live = true;
    const key = `smart|${hashText(JSON.stringify(record))}|${hashText(JSON.stringify(settings))}|${asOf.kind === 'date' ? asOf.date : 'last'}`;
    setEntry((e) => (e ? { ...e, stale: true, outdated: true } : undefined));
    coreClient().compute(key, { patient: record, settings, asOf }, true).then(
      (c) => { if (live) setEntry({ ...c, stale: false, outdated: false }); },
      (e: Error) => { if (live && e.message !== 'dropped') setEntry((prev) => ({ ...(prev ?? {}), stale: false, outdated: !!prev?.report, failure: e.message })); },
    );
    return () => { live = false; };
  }, [record, settings, asOf]);

  const report = entry && !entry.outdated && entry.report && !isError(entry.report) ? entry.report : null;

  const onWrite = async () => {
    const c = client.current;
    if (!c || !patient || !report || !readInfo || write.busy) return;
    const label = patient.choice ? choiceLabel(report, patient.choice.option, (k, v) => t(k, { ns: 'proposal', ...v }), lang) : undefined;
    const built = buildProposal(report, readInfo.patientRef, fhirChoice(report, patient.choice, label), localCodes, { appVersion, now: Date.now() });
    // The same proposal (and choice) gives the same key: its resources are written once.
    const key = hashText(built.key);
    if (write.written && write.written.key === key && TYPES.every((ty) => write.written?.[ty])) {
      setWrite({ ...write, already: true, failure: null });
      return;
    }
    setWrite({ ...write, busy: true, already: false, failure: null });
    const out = await writeBack(built.resources, key, creator(c), write.written, () => tokenExpired(c));
    if (out.ok) setWrite({ busy: false, written: out.written, already: false, failure: null });
    else setWrite({ busy: false, written: out.written, already: false, failure: t('write.failed', { what: t(`write.what_${out.failedOn}`), error: failureSentence(out.failure, t) }) });
  };

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

  const complete = write.written && TYPES.every((ty) => write.written?.[ty]);
  const writtenList = write.written && TYPES.some((ty) => write.written?.[ty]) ? (
    <ul>{TYPES.filter((ty) => write.written?.[ty]).map((ty) => (
      <li key={ty} data-resource={ty} data-id={write.written?.[ty]}>{t(`write.item_${ty}`, { id: write.written?.[ty] })}</li>
    ))}</ul>
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
            <section className="card smart-write" aria-labelledby="smart-write-title">
              <h2 id="smart-write-title">{t('write.title')}</h2>
              <p>{t('write.what', { intent: t(patient.choice ? 'write.intentPlan' : 'write.intentProposal'), version: appVersion })}</p>
              <button type="button" className="primary" data-testid="fhir-write-back" disabled={!report || write.busy} onClick={() => void onWrite()}>
                {write.busy ? t('write.busy') : write.failure ? t('write.retry') : t('write.button')}
              </button>
              {!report ? <p className="notice">{t('write.notReady')}</p> : null}
              <div role="status" aria-live="polite">
                {complete ? (
                  <div data-testid="fhir-written">
                    <p>{write.already ? t('write.already') : t('write.written')}</p>
                    {writtenList}
                  </div>
                ) : null}
              </div>
              {write.failure ? (
                <div className="card-error" role="alert" data-testid="fhir-write-failed">
                  <p>{write.failure}</p>
                  {writtenList ? <><p>{t('write.partial')}</p>{writtenList}</> : null}
                </div>
              ) : null}
            </section>
            {readInfo ? issuesList(readInfo.issues) : null}
            <ErrorBoundary title={t('error.partTitle', { ns: 'app' })} hint={t('error.partHint', { ns: 'app' })} reloadLabel={t('error.reload', { ns: 'app' })} resetKey={patient.id}>
              <PatientView key={patient.id} patient={patient} entry={entry} clinic={clinic} infusionTime={infusionTime}
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
