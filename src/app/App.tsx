/**
 * The app shell: the header (TopBar), the bar of actions (ActionBar), the status line and the page
 * for the route (MainView). Each concern is its own module in shell/: navigation (route, today),
 * the computed proposals, messages, exports, sessions, and the actions on the stored patients. State lives in the store
 * (saved to IndexedDB); reports and the clinic's track record come from the worker (shell/use-computed.ts).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { version as appVersion } from '../../package.json';
import type { PatientRecord } from '../core/types';
import { Store } from './storage/store';
import { coreClient } from './use-reports';
import { useComputed } from './shell/use-computed';
import type { Lang } from './lib/dates';
import { useNavigation, useToday } from './shell/navigation';
import { useMessages } from './shell/use-messages';
import { useExports } from './shell/use-exports';
import { useSession } from './shell/use-session';
import { usePatientActions } from './shell/use-patient-actions';
import { TopBar } from './shell/TopBar';
import { ActionBar } from './shell/ActionBar';
import { StatusLine } from './shell/StatusLine';
import { MainView } from './shell/MainView';

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

export function App() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { route, go, selectedId } = useNavigation(store, state.patients);
  const today = useToday();
  const [creating, setCreating] = useState(false);
  useEffect(() => { void store.load(seedExamples); }, []);
  useEffect(() => { document.title = t('app.title'); }, [t, lang]);

  const { reports, pending, track } = useComputed(state, today, selectedId);
  const selected = selectedId ? state.patients.find((p) => p.id === selectedId) ?? null : null;
  const messages = useMessages(state.patients);
  const exports = useExports({ patients: state.patients, selected, reports, localCodes: state.localCodes, today, lang, flash: messages.flash });
  const session = useSession({ state, reports, pending, today, flash: messages.flash });
  const actions = usePatientActions({ store, selected, go, flash: messages.flash });
  const lastUndo = state.undoLabels[state.undoLabels.length - 1];
  const undo = () => void actions.undo();

  return (
    <div className="app">
      <a href="#main" className="skip">{t('app.skip')}</a>
      <TopBar route={route} go={go} selectedId={selectedId} lang={lang} />
      <ActionBar state={state} selected={selected} creating={creating}
        onNewPatient={() => { setCreating(true); if (route.page !== 'planning') go({ page: 'planning', patient: null }); }}
        imports={{ apply: actions.applyImport, replaceAll: actions.replaceAll, sessionOpened: session.sessionOpened, setPreviewAll: (on) => void store.setPreviewImports(on) }}
        onRemoveExamples={() => void actions.removeExamples()} exports={exports} onSaveSession={session.saveSession} lastUndo={lastUndo} onUndo={undo} />
      <StatusLine store={store} state={state} today={today} lang={lang} pending={pending} trackPending={track.pending} messages={messages} />
      <MainView store={store} state={state} route={route} go={go} selectedId={selectedId} selected={selected} reports={reports} pending={pending} track={track}
        today={today} creating={creating} setCreating={setCreating} lastUndo={lastUndo} onUndo={undo} onCreate={actions.createPatient} onDelete={actions.deletePatient} />
      <footer>
        <p>{t('app.disclaimer')} · MS Interval {appVersion}</p>
      </footer>
    </div>
  );
}
