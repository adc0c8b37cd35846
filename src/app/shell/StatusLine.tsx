/** The line under the bar: whether proposals are as of today, progress, the one message, and a storage failure. */
import { useTranslation } from 'react-i18next';
import { formatDisplayDate, type Lang } from '../lib/dates';
import type { AppState, Store } from '../storage/store';
import type { Messages } from './use-messages';

export function StatusLine({ store, state, today, lang, pending, trackPending, messages }: { store: Store; state: AppState; today: string; lang: Lang; pending: number; trackPending: number; messages: Messages }) {
  const { t } = useTranslation();
  const shown = messages.shown;
  return (
    <>
      <div className="status-line">
        <label className="asof-toggle">
          <input type="checkbox" checked={state.asOfMode === 'today'} onChange={(e) => void store.setAsOfMode(e.target.checked ? 'today' : 'last')} />
          {' '}{t('asof.today', { date: formatDisplayDate(today, lang) })}
        </label>
        <span className="asof-note">{state.asOfMode === 'today' ? t('asof.todayNote') : t('asof.lastNote')}</span>
        {/* Only the progress and the messages are live: the toggle and its note are not re-announced. */}
        <span role="status" aria-live="polite">
          {pending > 0 ? <span className="computing"> · {t('app.computing', { count: pending })}</span> : null}
          {trackPending > 0 ? <span className="scoring"> · {t('statusPending', { ns: 'track', count: trackPending })}</span> : null}
          {shown ? <span className="message" tabIndex={-1}> · {shown}</span> : null}
        </span>
        {shown ? <button type="button" className="link dismiss" onClick={messages.dismiss} aria-label={t('app.dismiss')}>×</button> : null}
      </div>
      {state.storage === 'unavailable' ? (
        <p className="storage-warning" role="alert">{t('storage.unavailable', { error: state.storageError ?? '' })}</p>
      ) : null}
    </>
  );
}
