/**
 * The change history (IndexedDB, survives a reload): time, action and patient of every change,
 * newest first, in the user's language; undone changes are marked. Undo takes back the newest
 * change not yet undone, in order.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusWhenDisabled } from '../../lib/keep-focus';
import type { ChangeEntry } from '../../storage/store';
import { formatDisplayDate } from '../../lib/dates';
import { wallClock } from '../../../core/time';
import type { StoredLabel } from '../../storage/change-label';
import { useSayChange } from './say-change';

const SHOWN_IDS = 5;

export function ChangesView({ changes, canUndo, onUndo, lastUndo }: { changes: ChangeEntry[]; canUndo: boolean; onUndo: () => void; lastUndo?: StoredLabel }) {
  const { t, i18n } = useTranslation('safety');
  const lang = i18n.language === 'nl' ? 'nl' : 'en';
  const say = useSayChange();
  /** The instant of a change on this browser's wall clock, as the app shows every date-time. */
  const when = (at: string) => {
    const ms = Date.parse(at);
    return Number.isNaN(ms) ? at : formatDisplayDate(wallClock(ms), lang);
  };
  const list = [...changes].reverse();
  const undoButton = useRef<HTMLButtonElement>(null);
  const undoPressed = useFocusWhenDisabled(undoButton, !canUndo);
  return (
    <section className="changes" aria-labelledby="changes-title" data-testid="changes">
      <h2 id="changes-title">{t('history.title')}</h2>
      <p>{t('history.intro')}</p>
      <p><button type="button" ref={undoButton} onClick={() => { undoPressed(); onUndo(); }} disabled={!canUndo} data-testid="changes-undo">{t('history.undoLast', { label: lastUndo !== undefined ? say(lastUndo) : '—' })}</button></p>
      {list.length === 0 ? <p>{t('history.empty')}</p> : (
        <table className="changes-table">
          <thead><tr><th scope="col">{t('history.time')}</th><th scope="col">{t('history.action')}</th><th scope="col">{t('history.patient')}</th></tr></thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.seq} data-testid="change-row" className={c.undone ? 'undone' : undefined}>
                <td><time dateTime={c.at}>{when(c.at)}</time></td>
                <td>{t(`history.actions.${c.action}`, { detail: c.detail ?? '' })}{c.undone ? <> · <em>{t('history.undone')}</em></> : null}</td>
                <td>{c.patients.slice(0, SHOWN_IDS).join(', ')}{c.patients.length > SHOWN_IDS ? `, ${t('history.more', { count: c.patients.length - SHOWN_IDS })}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
