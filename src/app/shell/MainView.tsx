/**
 * The page's main part, by route: the change history, the clinic day, the outcomes, the settings,
 * or the planning list with a new patient's form or the open patient beside it.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineSettings } from '../../core/engine';
import type { PatientRecord } from '../../core/types';
import type { AppState, Store } from '../storage/store';
import type { StoredPatient } from '../storage/db';
import { changeLabel, type StoredLabel } from '../storage/change-label';
import type { ReportEntry } from '../use-reports';
import { nowMinute } from '../lib/dates';
import { PlanningView } from '../features/planning/PlanningView';
import { PatientView } from '../features/patient/PatientView';
import { SettingsView } from '../features/settings/SettingsView';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { NewPatientForm } from '../features/entry/EntryForms';
import { ClinicDayView } from '../features/clinic-day/ClinicDayView';
import { ChangesView } from '../features/changes/ChangesView';
import { BrokenPatient } from '../features/patient/DeletePatient';
import { focusListEntry, type Route, type Target } from './navigation';
import { focusAfterRender } from '../lib/focus';
import type { TrackRecordState } from '../use-track-record';
import { TrackRecordView } from '../features/track-record/TrackRecordView';
import { LocalCodesForm } from '../features/fhir/FhirCodes';
import { LocalCodesContext } from '../features/fhir/local-codes-context';

// The outcomes view (issue 19) and its core are loaded when opened, not with the first page.
const OutcomesView = lazy(() => import('../features/outcomes/OutcomesView').then((m) => ({ default: m.OutcomesView })));

export interface MainViewProps {
  store: Store;
  state: AppState;
  route: Route;
  go: (t: Target) => void;
  selectedId: string | null;
  selected: StoredPatient | null;
  reports: Map<string, ReportEntry>;
  pending: number;
  track: TrackRecordState;
  today: string;
  creating: boolean;
  setCreating: (on: boolean) => void;
  lastUndo: StoredLabel | undefined;
  onUndo: () => void;
  onCreate: (record: PatientRecord, kg: string | undefined) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

export function MainView(props: MainViewProps) {
  const { t } = useTranslation();
  const { store, state, route, go, reports, pending, today, selected, creating } = props;
  const className = selected || (creating && route.page === 'planning') ? 'with-patient' : undefined;
  let body;
  if (!state.ready) body = <p role="status">{t('app.loading')}</p>;
  else if (route.page === 'track') body = <TrackRecordView track={props.track} calibrate={state.calibrate} onCalibrate={(on) => void store.setCalibrate(on)} onOpen={(id) => go({ page: 'planning', patient: id })} />;
  else if (route.page === 'changes') body = <ChangesView changes={state.changes} canUndo={props.lastUndo !== undefined} onUndo={props.onUndo} lastUndo={props.lastUndo} />;
  else if (route.page === 'day') body = <ClinicDayView patients={state.patients} reports={reports} today={today} pending={pending} onOpen={(id) => go({ page: 'planning', patient: id })} />;
  else if (route.page === 'outcomes') {
    body = (
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <OutcomesView patients={state.patients} clinic={state.clinic} prices={state.prices} today={today} />
      </Suspense>
    );
  } else if (route.page === 'settings') {
    body = (
      <>
        <SettingsView clinic={state.clinic} onSave={(s: EngineSettings) => store.setClinic(s, changeLabel('change.settings'))}
          infusionTime={state.infusionTime} onInfusionTime={(hhmm) => store.setInfusionTime(hhmm)}
          prices={state.prices ?? {}} onPrices={(p) => store.setPrices(p)} />
        <LocalCodesForm value={state.localCodes} onSave={(c) => store.setLocalCodes(c)} />
      </>
    );
  } else body = <PlanningPage {...props} />;
  return <LocalCodesContext.Provider value={state.localCodes}><main id="main" className={className}>{body}</main></LocalCodesContext.Provider>;
}

/** The planning list, with a new patient's form or the open patient beside it. */
function PlanningPage({ store, state, go, selectedId, selected, reports, track, today, creating, setCreating, onCreate, onDelete }: MainViewProps) {
  const { t } = useTranslation();
  return (
    <>
      <PlanningView patients={state.patients} reports={reports} today={today} selectedId={selectedId}
        onSelect={(id) => { setCreating(false); go({ page: 'planning', patient: id }); }} />
      {creating ? (
        <NewPatientForm existingIds={state.patients.map((p) => p.id)}
          onCancel={() => { setCreating(false); focusAfterRender(() => document.querySelector<HTMLElement>('[data-testid="new-patient"]')); }}
          onCreate={async (record, kg) => {
            await onCreate(record, kg);
            setCreating(false);
            // Next: the doses given so far (the hint says so); the focus goes to that button.
            focusAfterRender(() => document.querySelector<HTMLElement>('[data-selected-patient] [data-testid="add-doses"]'));
          }} />
      ) : selected ? (
        <ErrorBoundary title={t('broken.title', { ns: 'safety', id: selected.id })} hint={t('broken.hint', { ns: 'safety' })} reloadLabel={t('error.reload')} resetKey={selected.id}
          extra={<BrokenPatient patient={selected} onDelete={() => onDelete(selected.id)} />}>
          <PatientView key={selected.id} patient={selected} entry={reports.get(selected.id)} clinic={state.clinic} infusionTime={state.infusionTime}
            onSaveRecord={(r, label, usedPendingWeight) => store.updateRecord(r, label, usedPendingWeight)}
            onChoose={(c) => store.setChoice(selected.id, c ? { ...c, at: nowMinute() } : null, changeLabel('change.choice', { id: selected.id }))}
            onOverrides={(o) => store.setOverrides(selected.id, o, changeLabel('change.overrides', { id: selected.id }))}
            onDelete={() => onDelete(selected.id)}
            track={track.tracks.get(selected.id)} calibrate={state.calibrate} calibrationWaiting={state.calibrate && !track.clinic}
            onClose={() => { const id = selected.id; go({ page: 'planning', patient: null }); focusListEntry(id); }} />
        </ErrorBoundary>
      ) : null}
    </>
  );
}
