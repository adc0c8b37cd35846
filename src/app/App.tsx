/**
 * The app shell: header (language, import, export, backup, undo), the planning list with the
 * selected patient beside it, and the clinic settings. State lives in the store (saved to
 * IndexedDB); reports come from the worker.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { version as appVersion } from '../../package.json';
import type { EngineSettings } from '../core/engine';
import type { PatientRecord } from '../core/types';
import type { AsOfSpec } from '../worker/protocol';
import { Store } from './storage/store';
import { useReports, coreClient, forgetPatientKeys, type Calibration } from './use-reports';
import { useTrackRecord } from './use-track-record';
import { reportCache } from './storage/report-cache';
import { calibratedOptionsFor } from '../core/natalizumab/clinic-track';
import { TrackRecordView } from './features/track-record/TrackRecordView';
import { PlanningView } from './features/planning/PlanningView';
import { PatientView } from './features/patient/PatientView';
import { SettingsView } from './features/settings/SettingsView';
import { ImportPanel } from './features/import/ImportPanel';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NewPatientForm } from './features/entry/EntryForms';
import { ClinicDayView } from './features/clinic-day/ClinicDayView';
// The outcomes view (issue 19) and its core are loaded when opened, not with the first page.
const OutcomesView = lazy(() => import('./features/outcomes/OutcomesView').then((m) => ({ default: m.OutcomesView })));
import { buildSession, compareWithSaved, type SessionFile } from './lib/session';
import type { IncomingBatch } from './lib/import-plan';
import { ChangesView } from './features/changes/ChangesView';
import { BrokenPatient } from './features/patient/DeletePatient';
import { emptyOverrides } from './storage/store';
import { planCells, planEntries, planningWords, PLANNING_COLUMNS } from './lib/plan-export';
import { downloadText } from './lib/download';
import { formatDisplayDate, todayIso, type Lang } from './lib/dates';
import { LANGS, setLanguage } from './i18n/index';
import { focusAfterRender } from './lib/focus';
import { browserTimeZone, fhirExportText } from './features/fhir/fhir-export';
import { LocalCodesForm } from './features/fhir/FhirCodes';
import { LocalCodesContext } from './features/fhir/local-codes-context';
import { choiceLabel } from './features/proposal/choices';

export const store = new Store();

const examples = import.meta.glob<string>('/fixtures/examples/example-patients.csv', { query: '?raw', import: 'default' });

/** The example patients shown on first start (empty database). */
async function seedExamples(): Promise<PatientRecord[]> {
  const load = Object.values(examples)[0];
  if (!load) return [];
  const text = await load();
  const res = await coreClient().parse(text, 'example-patients.csv');
  return res.patients;
}

/** Where the page is. A patient is named by its internal key (its `seq`), never by its id: no patient id in the URL or the browser's history. */
type Route = { page: 'planning'; key: string | null } | { page: 'settings' } | { page: 'day' } | { page: 'changes' } | { page: 'outcomes' } | { page: 'track' };
/** Where to go; a patient by its id (turned into its key). */
type Target = { page: 'planning'; patient: string | null } | { page: 'settings' } | { page: 'day' } | { page: 'changes' } | { page: 'outcomes' } | { page: 'track' };

function readHash(): Route {
  const h = location.hash;
  if (h.startsWith('#/settings')) return { page: 'settings' };
  if (h.startsWith('#/day')) return { page: 'day' };
  if (h.startsWith('#/changes')) return { page: 'changes' };
  if (h.startsWith('#/outcomes')) return { page: 'outcomes' };
  if (h.startsWith('#/track')) return { page: 'track' };
  const m = /^#\/p\/(\d+)$/.exec(h);
  // An address of an older version (#/patient/<id>) is dropped from the address bar.
  if (h.startsWith('#/patient/')) history.replaceState(null, '', '#/');
  return { page: 'planning', key: m ? m[1] : null };
}

function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(readHash);
  useEffect(() => {
    const on = () => setRoute(readHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = useCallback((r: Route) => {
    const hash = r.page === 'settings' ? '#/settings' : r.page === 'day' ? '#/day' : r.page === 'changes' ? '#/changes' : r.page === 'outcomes' ? '#/outcomes' : r.page === 'track' ? '#/track' : r.key !== null ? `#/p/${r.key}` : '#/';
    if (location.hash !== hash) history.pushState(null, '', hash);
    setRoute(r);
  }, []);
  return [route, go];
}

/** Today's date, refreshed at midnight and when the tab becomes visible. */
function useToday(): string {
  const [today, setToday] = useState(() => todayIso());
  useEffect(() => {
    const tick = () => setToday(todayIso());
    const id = setInterval(tick, 60_000);
    document.addEventListener('visibilitychange', tick);
    return () => { clearInterval(id); document.removeEventListener('visibilitychange', tick); };
  }, []);
  return today;
}

/** After closing a patient, keyboard focus goes back to its line in the list (not lost to the page). */
function focusListEntry(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-patient-id="${CSS.escape(id)}"] a`)?.focus());
}

export function App() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [route, setRoute] = useRoute();
  const go = useCallback((r: Target) => {
    if (r.page !== 'planning') { setRoute(r); return; }
    const p = r.patient === null ? undefined : store.getState().patients.find((x) => x.id === r.patient);
    setRoute({ page: 'planning', key: p ? String(p.seq) : null });
  }, [setRoute]);
  const today = useToday();
  const [message, setMessage] = useState('');
  // The hint after creating a patient ("enter the doses given so far") is done once that patient has doses.
  const [hintFor, setHintFor] = useState<string | null>(null);
  const [format, setFormat] = useState<'comma' | 'semicolon' | 'excel'>(lang === 'nl' ? 'semicolon' : 'comma');
  const [which, setWhich] = useState<'all' | 'open'>('all');
  const [savedSession, setSavedSession] = useState<SessionFile | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => { void store.load(seedExamples); }, []);
  useEffect(() => { document.title = t('app.title'); }, [t, lang]);

  const selectedId = route.page === 'planning' && route.key !== null ? state.patients.find((p) => String(p.seq) === route.key)?.id ?? null : null;
  const asOf = useMemo<AsOfSpec>(() => (state.asOfMode === 'today' ? { kind: 'date', date: today } : { kind: 'last' }), [state.asOfMode, today]);
  // Stored reports and track records (IndexedDB) are read before anything is computed.
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
  const selected = selectedId ? state.patients.find((p) => p.id === selectedId) ?? null : null;

  // After a session file is opened: say whether the recomputed proposals equal the saved ones.
  useEffect(() => {
    if (!savedSession || pending > 0) return;
    const now = new Map([...reports].map(([id, e]) => [id, e.report]));
    const diff = compareWithSaved(savedSession.reports, now);
    setMessage(diff.length ? t('session.differs', { count: diff.length, ids: diff.slice(0, 10).join(', ') }) : t('session.same', { count: savedSession.reports.length, version: savedSession.appVersion }));
    setHintFor(null);
    setSavedSession(null);
  }, [savedSession, pending, reports, t]);

  const flash = (m: string, hintPatient: string | null = null) => { setMessage(m); setHintFor(hintPatient); };
  const hinted = hintFor ? state.patients.find((p) => p.id === hintFor) : undefined;
  const shownMessage = hinted && hinted.record.doses.length > 0 ? '' : message;

  /** The patients an export covers: the open one, or all. */
  const exported = () => (which === 'open' && selected ? [selected] : state.patients);
  const csvOptions = () => ({ dialect: format === 'comma' ? 'comma' as const : 'semicolon' as const, bom: format === 'excel' });
  /** Current reports only: a proposal computed on older data is not exported as current. */
  const currentReports = (list: typeof state.patients) => new Map(list.map((p) => { const e = reports.get(p.id); return [p.id, e && !e.outdated ? e.report : undefined]; }));
  const exportCsv = async () => {
    const { writeTdmCsv } = await import('../core/records/index');
    const list = exported();
    const text = writeTdmCsv(list.map((p) => p.record), csvOptions());
    const name = which === 'open' && selected ? `${selected.id.replace(/[^A-Za-z0-9._-]+/g, '_')}-` : '';
    downloadText(`ms-interval-${name}${today}.csv`, text, 'text/csv;charset=utf-8');
    flash(t('export.csvDone', { count: list.length }));
  };

  /** The planning (the dose as planned, the choice and its reason beside the model's proposal) as CSV, by the same writer. */
  const exportPlanning = async () => {
    const { writeCsvTable } = await import('../core/records/index');
    const list = exported();
    const text = lang === 'nl'
      ? writeCsvTable(planningWords(t, lang).columns, planCells(planEntries(list, currentReports(list), today, lang), planningWords(t, lang)), csvOptions())
      : writeCsvTable(PLANNING_COLUMNS, planCells(planEntries(list, currentReports(list), today)), csvOptions());
    downloadText(`ms-interval-planning-${today}.csv`, text, 'text/csv;charset=utf-8');
    flash(t('export.planningDone', { ns: 'clinic', count: list.length }));
  };

  const saveSession = () => {
    const s = buildSession({
      appVersion, savedAt: `${today}T${new Date().toTimeString().slice(0, 5)}`, settings: state.clinic, asOfMode: state.asOfMode,
      // a proposal computed on older data is not saved as current (the file says no proposal for it)
      patients: state.patients, reports: state.patients.map((p) => { const e = reports.get(p.id); return e && !e.outdated ? e.report : undefined; }),
      plans: planEntries(state.patients, currentReports(state.patients), today),
    });
    downloadText(`ms-interval-session-${today}.json`, JSON.stringify(s, null, 1), 'application/json');
    flash(t('export.sessionDone', { count: state.patients.length }));
  };

  /** The open patient or all (as the CSV export), records and current proposals as a FHIR Bundle. */
  const exportFhir = async () => {
    const list = exported();
    const current = currentReports(list);
    const text = await fhirExportText(list, current, state.localCodes, appVersion,
      // The note is written in English (as the command line's): the chosen option's words too.
      (r, option) => choiceLabel(r, option, (k, v) => i18n.getFixedT('en')(k, { ns: 'proposal', ...v }), 'en'));
    const name = which === 'open' && selected ? `${selected.id.replace(/[^A-Za-z0-9._-]+/g, '_')}-` : '';
    downloadText(`ms-interval-${name}${today}.fhir.json`, text, 'application/fhir+json');
    // A proposal still being computed is not in the Bundle: said, so nobody files a Bundle thinking it is.
    const waiting = list.filter((p) => current.get(p.id) === undefined).length;
    flash(`${t('export.done', { ns: 'fhir', count: list.length })}${waiting ? ` ${t('export.waiting', { ns: 'fhir', count: waiting })}` : ''}`);
  };

  const undo = async () => {
    const label = await store.undo();
    if (label) flash(t('undo.done', { label }));
  };

  /** Every import (CSV, session, FHIR) is saved here: merged, one undoable change. */
  const applyImport = useCallback((b: IncomingBatch, chosen: ReadonlySet<string>) =>
    store.applyImport(b, chosen, t(b.kind === 'session' ? 'undo.restore' : 'undo.import', { file: b.source })), [t]);
  /** The explicit "replace everything" with a session file (the panel has named what goes and asked). */
  const replaceAll = useCallback(async (b: IncomingBatch) => {
    const now = new Date().toISOString().slice(0, 16);
    const list = b.patients.map((p, i) => ({
      id: p.record.id, record: p.record, overrides: p.overrides ?? emptyOverrides(), choice: p.choice ?? null, updatedAt: now, seq: i,
      ...(p.pendingWeightKg ? { pendingWeightKg: p.pendingWeightKg } : {}),
    }));
    await store.replaceAll(list, b.settings ?? store.getState().clinic, t('replace.undo', { ns: 'safety', file: b.source }), b.source);
    if (b.asOfMode) await store.setAsOfMode(b.asOfMode);
    go({ page: 'planning', patient: null });
  }, [t, go]);
  /** Delete a patient (asked first, in the view) and what the browser keeps under its id. */
  const deletePatient = async (id: string) => {
    await store.deletePatient(id, t('undo.deletePatient', { id }));
    forgetPatientKeys(id);
    go({ page: 'planning', patient: null });
    flash(t('patient.deleted', { id }));
  };
  const examples = state.patients.filter((p) => p.example).length;
  const removeExamples = async () => {
    const n = await store.removeExamples(t('examples.undo', { ns: 'safety' }));
    if (selected?.example) go({ page: 'planning', patient: null });
    flash(t('examples.removed', { ns: 'safety', count: n }));
  };

  const lastUndo = state.undoLabels[state.undoLabels.length - 1];

  return (
    <div className="app">
      <a href="#main" className="skip">{t('app.skip')}</a>
      <header className="top">
        <div className="brand">
          <h1>MS Interval</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <nav aria-label={t('app.nav')}>
          <button type="button" aria-current={route.page === 'planning' ? 'page' : undefined} onClick={() => go({ page: 'planning', patient: selectedId })}>{t('nav.planning')}</button>
          <button type="button" aria-current={route.page === 'settings' ? 'page' : undefined} onClick={() => go({ page: 'settings' })}>{t('nav.settings')}</button>
          <button type="button" data-testid="nav-clinic-day" aria-current={route.page === 'day' ? 'page' : undefined} onClick={() => go({ page: 'day' })}>{t('day.nav', { ns: 'clinic' })}</button>
          <button type="button" data-testid="nav-track" aria-current={route.page === 'track' ? 'page' : undefined} onClick={() => go({ page: 'track' })}>{t('nav', { ns: 'track' })}</button>
          <button type="button" data-testid="nav-changes" aria-current={route.page === 'changes' ? 'page' : undefined} onClick={() => go({ page: 'changes' })}>{t('history.nav', { ns: 'safety' })}</button>
          <button type="button" data-testid="nav-outcomes" aria-current={route.page === 'outcomes' ? 'page' : undefined} onClick={() => go({ page: 'outcomes' })}>{t('outcomes.nav', { ns: 'wearing' })}</button>
        </nav>
        <label className="lang">
          <span className="sr-only">{t('app.language')}</span>
          <select value={lang} onChange={(e) => setLanguage(e.target.value as Lang)} aria-label={t('app.language')}>
            {LANGS.map((l) => <option key={l} value={l} lang={l}>{l === 'nl' ? 'Nederlands' : 'English'}</option>)}
          </select>
        </label>
      </header>

      <div className="bar">
        <button type="button" className="primary new-patient" data-testid="new-patient" aria-expanded={creating}
          onClick={() => { setCreating(true); if (route.page !== 'planning') go({ page: 'planning', patient: null }); }}>{t('newPatient.button', { ns: 'clinic' })}</button>
        <ImportPanel parse={(text, file) => coreClient().parse(text, file, state.clinic.ocrelizumab.labLimit, todayIso(), { localCodes: state.localCodes, timeZone: browserTimeZone() })} patients={state.patients}
          apply={applyImport} replaceAll={replaceAll} onSessionOpened={(_f, s) => setSavedSession(s)} />
        {examples > 0 ? <button type="button" data-testid="remove-examples" onClick={() => void removeExamples()}>{t('examples.remove', { ns: 'safety', count: examples })}</button> : null}
        <div className="exports">
          {selected ? (
            <label>
              <span className="sr-only">{t('export.which', { ns: 'clinic' })}</span>
              <select name="export_which" value={which} onChange={(e) => setWhich(e.target.value as 'all' | 'open')} aria-label={t('export.which', { ns: 'clinic' })}>
                <option value="all">{t('export.all', { ns: 'clinic' })}</option>
                <option value="open">{t('export.open', { ns: 'clinic', id: selected.id })}</option>
              </select>
            </label>
          ) : null}
          <label>
            <span className="sr-only">{t('export.dialect')}</span>
            <select name="export_format" value={format} onChange={(e) => setFormat(e.target.value as 'comma' | 'semicolon' | 'excel')} aria-label={t('export.dialect')}>
              <option value="comma">{t('export.comma', { ns: 'clinic' })}</option>
              <option value="semicolon">{t('export.semicolon', { ns: 'clinic' })}</option>
              <option value="excel">{t('export.excel', { ns: 'clinic' })}</option>
            </select>
          </label>
          <button type="button" data-testid="export-csv" onClick={() => void exportCsv()} disabled={!state.patients.length}>{t('export.csv')}</button>
          <button type="button" data-testid="export-planning" onClick={() => void exportPlanning()} disabled={!state.patients.length}>{t('export.planning', { ns: 'clinic' })}</button>
          <button type="button" data-testid="export-fhir" title={t('export.title', { ns: 'fhir' })} onClick={() => void exportFhir()} disabled={!state.patients.length}>{t('export.button', { ns: 'fhir' })}</button>
          <button type="button" data-testid="save-session" onClick={saveSession} disabled={!state.patients.length}>{t('export.session')}</button>
          <button type="button" data-testid="undo" onClick={() => void undo()} disabled={!lastUndo} title={lastUndo ? t('undo.what', { label: lastUndo }) : undefined}>
            {t('undo.button')}{lastUndo ? <span className="sr-only">: {lastUndo}</span> : null}
          </button>
        </div>
      </div>

      <div className="status-line">
        <label className="asof-toggle">
          <input type="checkbox" checked={state.asOfMode === 'today'} onChange={(e) => void store.setAsOfMode(e.target.checked ? 'today' : 'last')} />
          {' '}{t('asof.today', { date: formatDisplayDate(today, lang) })}
        </label>
        <span className="asof-note">{state.asOfMode === 'today' ? t('asof.todayNote') : t('asof.lastNote')}</span>
        {/* Only the progress and the messages are live: the toggle and its note are not re-announced. */}
        <span role="status" aria-live="polite">
          {pending > 0 ? <span className="computing"> · {t('app.computing', { count: pending })}</span> : null}
          {track.pending > 0 ? <span className="scoring"> · {t('statusPending', { ns: 'track', count: track.pending })}</span> : null}
          {shownMessage ? <span className="message"> · {shownMessage}</span> : null}
        </span>
        {shownMessage ? <button type="button" className="link dismiss" onClick={() => setMessage('')} aria-label={t('app.dismiss')}>×</button> : null}
      </div>
      {state.storage === 'unavailable' ? (
        <p className="storage-warning" role="alert">{t('storage.unavailable', { error: state.storageError ?? '' })}</p>
      ) : null}

      <LocalCodesContext.Provider value={state.localCodes}>
      <main id="main" className={selected || (creating && route.page === 'planning') ? 'with-patient' : undefined}>
        {!state.ready ? <p role="status">{t('app.loading')}</p> : route.page === 'track' ? (
          <TrackRecordView track={track} calibrate={state.calibrate} onCalibrate={(on) => void store.setCalibrate(on)} onOpen={(id) => go({ page: 'planning', patient: id })} />
        ) : route.page === 'changes' ? (
          <ChangesView changes={state.changes} canUndo={!!lastUndo} onUndo={() => void undo()} lastUndo={lastUndo} />
        ) : route.page === 'day' ? (
          <ClinicDayView patients={state.patients} reports={reports} today={today} pending={pending} onOpen={(id) => go({ page: 'planning', patient: id })} />
        ) : route.page === 'outcomes' ? (
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <OutcomesView patients={state.patients} clinic={state.clinic} prices={state.prices} today={today} />
          </Suspense>
        ) : route.page === 'settings' ? (
          <>
            <SettingsView clinic={state.clinic} onSave={(s: EngineSettings) => store.setClinic(s, t('undo.settings'))}
              infusionTime={state.infusionTime} onInfusionTime={(hhmm) => store.setInfusionTime(hhmm)}
              prices={state.prices ?? {}} onPrices={(p) => store.setPrices(p)} />
            <LocalCodesForm value={state.localCodes} onSave={(c) => store.setLocalCodes(c)} />
          </>
        ) : (
          <>
            <PlanningView patients={state.patients} reports={reports} today={today} selectedId={selectedId}
              onSelect={(id) => { setCreating(false); go({ page: 'planning', patient: id }); }} />
            {creating ? (
              <NewPatientForm existingIds={state.patients.map((p) => p.id)}
                onCancel={() => { setCreating(false); focusAfterRender(() => document.querySelector<HTMLElement>('[data-testid="new-patient"]')); }}
                onCreate={async (record, kg) => {
                  await store.createPatient(record, kg, t('newPatient.undo', { ns: 'clinic', id: record.id }));
                  setCreating(false);
                  go({ page: 'planning', patient: record.id });
                  flash(t('newPatient.created', { ns: 'clinic', id: record.id }), record.id);
                  // Next: the doses given so far (the hint says so); the focus goes to that button.
                  focusAfterRender(() => document.querySelector<HTMLElement>('[data-selected-patient] [data-testid="add-doses"]'));
                }} />
            ) : selected ? (
              <ErrorBoundary title={t('broken.title', { ns: 'safety', id: selected.id })} hint={t('broken.hint', { ns: 'safety' })} reloadLabel={t('error.reload')} resetKey={selected.id}
                extra={<BrokenPatient patient={selected} onDelete={() => deletePatient(selected.id)} />}>
                <PatientView key={selected.id} patient={selected} entry={reports.get(selected.id)} clinic={state.clinic} infusionTime={state.infusionTime}
                  onSaveRecord={(r, label, usedPendingWeight) => store.updateRecord(r, label, usedPendingWeight)}
                  onChoose={(c) => store.setChoice(selected.id, c ? { ...c, at: `${today}T${new Date().toTimeString().slice(0, 5)}` } : null, t('undo.choice', { id: selected.id }))}
                  onOverrides={(o) => store.setOverrides(selected.id, o, t('undo.overrides', { id: selected.id }))}
                  onDelete={() => deletePatient(selected.id)}
                  track={track.tracks.get(selected.id)} calibrate={state.calibrate} calibrationWaiting={state.calibrate && !track.clinic}
                  onClose={() => { const id = selected.id; go({ page: 'planning', patient: null }); focusListEntry(id); }} />
              </ErrorBoundary>
            ) : null}
          </>
        )}
      </main>
      </LocalCodesContext.Provider>
      <footer>
        <p>{t('app.disclaimer')} · MS Interval {appVersion}</p>
      </footer>
    </div>
  );
}
