/**
 * The import's smaller views: the clinic's "preview every file" setting beside the file button, the
 * question before a session file replaces everything, and what was replaced or why a file failed.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IssueList, type View } from './ImportViews';

export function PreviewAllSetting({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <label className="preview-all" title={t('previewAll.title', { ns: 'importflow' })}>
      <input type="checkbox" name="preview_all" data-testid="preview-all" checked={on} onChange={(e) => onChange(e.target.checked)} />
      {' '}{t('previewAll.label', { ns: 'importflow' })}
    </label>
  );
}

export function ReplaceQuestion({ view, onYes, onNo }: { view: Extract<View, { kind: 'ask-replace' }>; onYes: () => void; onNo: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const ts = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'safety', ...o });
  return (
    <div className="preview" role="alertdialog" aria-labelledby={`${id}-rq`} data-testid="replace-question">
      <p id={`${id}-rq`}>{view.removes.length
        ? ts('replace.question', { file: view.batch.source, count: view.removes.length, ids: view.removes.slice(0, 50).join(', ') + (view.removes.length > 50 ? ' …' : '') })
        : ts('replace.none', { file: view.batch.source })}</p>
      <p>
        <button type="button" className="danger-button" data-testid="confirm-replace" onClick={onYes}>{ts('replace.yes')}</button>{' '}
        <button type="button" autoFocus onClick={onNo}>{ts('replace.no')}</button>
      </p>
    </div>
  );
}

export function Replaced({ view, onClose }: { view: Extract<View, { kind: 'replaced' }>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="import-done" role="status"><p>{t('replace.done', { ns: 'safety', file: view.file, count: view.count })}{' '}
      <button type="button" className="link" onClick={onClose}>{t('import.dismiss')}</button></p></div>
  );
}

/** Messages of a file that cannot be used listed open; more are in a disclosure. */
const FAILED_OPEN = 3;

export function Failed({ view, onClose }: { view: Extract<View, { kind: 'failed' }>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="import-failed" role="alert">
      <p>{view.message(t, i18n.language === 'nl' ? 'nl' : 'en')} <button type="button" className="link" onClick={onClose}>{t('import.dismiss')}</button></p>
      {/* A few messages listed open; more in a disclosure, so the bar stays short (each one click away). */}
      {!view.issues?.length ? null : view.issues.length <= FAILED_OPEN ? <IssueList issues={view.issues} /> : (
        <details data-testid="import-failed-messages">
          <summary>{t('failed.messages', { ns: 'walk2', count: view.issues.length })}</summary>
          <IssueList issues={view.issues} />
        </details>
      )}
    </div>
  );
}
