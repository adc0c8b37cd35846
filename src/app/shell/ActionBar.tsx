/** The bar under the header: a new patient, import, the example patients, export, backup and undo. */
import { useRef, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../storage/store';
import type { StoredPatient } from '../storage/db';
import type { SessionFile } from '../lib/session';
import { todayIso } from '../lib/dates';
import { coreClient } from '../use-reports';
import { ImportPanel } from '../features/import/ImportPanel';
import { browserTimeZone } from '../features/fhir/fhir-export';
import type { ExportFormat, ExportWhich } from './use-exports';
import type { StoredLabel } from '../storage/change-label';
import { useFocusWhenDisabled } from '../lib/keep-focus';
import { useSayChange } from '../features/changes/say-change';

export interface ActionBarProps {
  state: AppState;
  selected: StoredPatient | null;
  creating: boolean;
  onNewPatient: () => void;
  imports: Pick<ComponentProps<typeof ImportPanel>, 'apply' | 'replaceAll'> & { sessionOpened: (s: SessionFile) => void; setPreviewAll: (on: boolean) => void };
  onRemoveExamples: () => void;
  exports: { format: ExportFormat; setFormat: (f: ExportFormat) => void; which: ExportWhich; setWhich: (w: ExportWhich) => void; exportCsv: () => Promise<void>; exportPlanning: () => Promise<void>; exportFhir: () => Promise<void> };
  onSaveSession: () => void;
  /** The change Undo takes back (said in the screen's language here). */
  lastUndo: StoredLabel | undefined;
  onUndo: () => void;
}

export function ActionBar({ state, selected, creating, onNewPatient, imports, onRemoveExamples, exports, onSaveSession, lastUndo, onUndo }: ActionBarProps) {
  const { t } = useTranslation();
  const say = useSayChange();
  const undoLabel = lastUndo === undefined ? undefined : say(lastUndo);
  const examples = state.patients.filter((p) => p.example).length;
  const undoButton = useRef<HTMLButtonElement>(null);
  const undoPressed = useFocusWhenDisabled(undoButton, undoLabel === undefined);
  return (
    <div className="bar">
      <button type="button" className="primary new-patient" data-testid="new-patient" aria-expanded={creating} onClick={onNewPatient}>{t('newPatient.button', { ns: 'clinic' })}</button>
      <ImportPanel parse={(text, file) => coreClient().parse(text, file, state.clinic.ocrelizumab.labLimit, todayIso(), { localCodes: state.localCodes, timeZone: browserTimeZone() })} patients={state.patients}
        apply={imports.apply} replaceAll={imports.replaceAll} onSessionOpened={(_f, s) => imports.sessionOpened(s)}
        previewAll={state.previewImports} onPreviewAll={imports.setPreviewAll} />
      {examples > 0 ? <button type="button" data-testid="remove-examples" onClick={onRemoveExamples}>{t('examples.remove', { ns: 'safety', count: examples })}</button> : null}
      <div className="exports">
        {selected ? (
          <label>
            <span className="sr-only">{t('export.which', { ns: 'clinic' })}</span>
            <select name="export_which" value={exports.which} onChange={(e) => exports.setWhich(e.target.value as ExportWhich)} aria-label={t('export.which', { ns: 'clinic' })}>
              <option value="all">{t('export.all', { ns: 'clinic' })}</option>
              <option value="open">{t('export.open', { ns: 'clinic', id: selected.id })}</option>
            </select>
          </label>
        ) : null}
        <label>
          <span className="sr-only">{t('export.dialect')}</span>
          <select name="export_format" value={exports.format} onChange={(e) => exports.setFormat(e.target.value as ExportFormat)} aria-label={t('export.dialect')}>
            <option value="comma">{t('export.comma', { ns: 'clinic' })}</option>
            <option value="semicolon">{t('export.semicolon', { ns: 'clinic' })}</option>
            <option value="excel">{t('export.excel', { ns: 'clinic' })}</option>
          </select>
        </label>
        <button type="button" data-testid="export-csv" onClick={() => void exports.exportCsv()} disabled={!state.patients.length}>{t('export.csv')}</button>
        <button type="button" data-testid="export-planning" onClick={() => void exports.exportPlanning()} disabled={!state.patients.length}>{t('export.planning', { ns: 'clinic' })}</button>
        <button type="button" data-testid="export-fhir" title={t('export.title', { ns: 'fhir' })} onClick={() => void exports.exportFhir()} disabled={!state.patients.length}>{t('export.button', { ns: 'fhir' })}</button>
        <button type="button" data-testid="save-session" onClick={onSaveSession} disabled={!state.patients.length}>{t('export.session')}</button>
        <button type="button" data-testid="undo" ref={undoButton} onClick={() => { undoPressed(); onUndo(); }} disabled={undoLabel === undefined}
          title={undoLabel !== undefined ? t('undo.what', { label: undoLabel }) : undefined} aria-label={undoLabel !== undefined ? t('undo.what', { label: undoLabel }) : undefined}>
          {t('undo.button')}
        </button>
      </div>
    </div>
  );
}
