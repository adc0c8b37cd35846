/**
 * The patient's doses, levels, counts and weights as a table with inline add, edit and delete.
 * Every change is checked by the records module (validate-edit.ts): a row it refuses is not
 * saved, and its message is shown next to the row. Dates are shown and typed in the user's
 * format (ISO is always accepted); units come from the spec's lists.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientRecord } from '../../../core/types';
import { kindsFor, recordToRows, shortMessage, type RowKind } from '../../lib/rows';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { preloadValidator } from './validate-edit';
import { issueText } from '../../../i18n/sentences';
import { unitLabel } from '../../../i18n/display';
import type { Draft } from './event-draft';
import { EventEditor } from './EventEditor';
import { useEventEdit } from './use-event-edit';
import type { ChangeLabel } from '../../storage/change-label';

interface Props {
  record: PatientRecord;
  labLimit?: number;
  onSave: (record: PatientRecord, label: ChangeLabel) => Promise<void>;
}

/** Rows drawn at once in the data table. */
export const PAGE_ROWS = 200;

export function EventTable({ record, labLimit, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  // A wearing-off report's name lives in the wearing namespace (issue 19).
  const kindText = (k: RowKind) => (k === 'wearing_off' ? t('kind', { ns: 'wearing' }) : t(`kind.${k}`));
  const rows = useMemo(() => recordToRows(record), [record]);
  const errId = useId();
  const box = useRef<HTMLElement>(null);
  const { editing, draft, setDraft, messages, busy, notice, question, start, cancel, submit, remove } = useEventEdit({ record, rows, labLimit, onSave, lang, box });
  // A long record is shown a page at a time (the latest page first), so the tab never draws thousands of rows.
  const ts = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'safety', ...o });
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const [page, setPage] = useState<number | null>(null);
  const current = Math.min(page ?? pages - 1, pages - 1);
  // Pages are counted from the newest row: the page shown first holds the latest PAGE_ROWS rows.
  const end = rows.length - (pages - 1 - current) * PAGE_ROWS;
  const from = Math.max(0, end - PAGE_ROWS);
  const shown = rows.slice(from, end);
  useEffect(preloadValidator, []);

  const rowMessages = (i: number | null) => messages.filter((m) => m.row === i);
  const editIndexForMsgs = editing === 'new' ? rows.length : editing;
  const otherMessages = messages.filter((m) => m.row !== editIndexForMsgs);

  const editor = (d: Draft) => (
    <EventEditor d={d} setDraft={setDraft} editing={editing ?? 'new'} drug={record.drug} kindText={kindText} own={rowMessages(editIndexForMsgs)}
      errId={errId} busy={busy} onCancel={cancel} lang={lang} />
  );

  return (
    <section className="events" aria-labelledby={`${errId}-title`} ref={box}>
      <h3 id={`${errId}-title`}>{t('entry.title')}</h3>
      <form onSubmit={submit}>
        <table className="event-table">
          <thead>
            <tr>
              <th scope="col">{t('entry.kind')}</th><th scope="col">{t('entry.time')}</th><th scope="col">{t('entry.value')}</th>
              <th scope="col">{t('entry.unit')}</th><th scope="col">{t('entry.dose')}</th><th scope="col">{t('entry.note')}</th><th scope="col"><span className="sr-only">{t('entry.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, k) => { const i = from + k; return editing === i && draft ? <Fragment key={i}>{editor(draft)}</Fragment> : (
              <tr key={i} className={`kind-${r.kind}`} data-testid="event-row">
                <td>{kindText(r.kind)}</td>
                <td><time dateTime={r.time}>{formatDisplayDate(r.time, lang)}</time></td>
                <td className="num">{lang === 'nl' ? r.value.replace('.', ',') : r.value}</td>
                <td>{unitLabel(r.unit, lang)}</td>
                <td data-sample={r.kind === 'level' ? r.sample : undefined}>{r.kind === 'dose' ? `${(r.route || 'iv').toUpperCase()}${r.duration_min ? ` · ${r.duration_min} min` : ''}`
                  : r.kind === 'level' && r.sample === 'capillary' ? t('entry.sampleCapillary') : ''}</td>
                <td className="note">{r.note}</td>
                <td className="actions">
                  <button type="button" data-edit-row={i} onClick={() => start(i)} disabled={busy} aria-label={t('entry.editRow', { kind: kindText(r.kind), time: formatDisplayDate(r.time, lang) })}>{t('entry.edit')}</button>
                  <button type="button" onClick={() => void remove(i)} disabled={busy} aria-label={t('entry.deleteRow', { kind: kindText(r.kind), time: formatDisplayDate(r.time, lang) })}>{t('entry.delete')}</button>
                </td>
              </tr>
            ); })}
            {editing === 'new' && draft ? editor(draft) : null}
          </tbody>
        </table>
      </form>
      {question}
      {pages > 1 ? (
        <p className="table-pages" data-testid="table-pages">
          <button type="button" onClick={() => setPage(Math.max(0, current - 1))} disabled={current === 0}>{ts('table.prev')}</button>{' '}
          <span>{ts('table.page', { from: from + 1, to: from + shown.length, total: rows.length })}</span>{' '}
          <button type="button" onClick={() => setPage(Math.min(pages - 1, current + 1))} disabled={current >= pages - 1}>{ts('table.next')}</button>
        </p>
      ) : null}
      {otherMessages.length ? (
        <div role="alert">
          <ul className="row-errors">
            {otherMessages.map((m, k) => <li key={k}>{m.row !== null && rows[m.row] ? `${kindText(rows[m.row].kind)} ${formatDisplayDate(rows[m.row].time, lang)}: ` : ''}{shortMessage(issueText(m.issue, lang))}</li>)}
          </ul>
        </div>
      ) : null}
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {editing === null ? (
        <p className="add-buttons">
          {kindsFor(record.drug).map((k) => (
            <button key={k} type="button" data-add-kind={k} onClick={() => start('new', k)}>{t('entry.add', { kind: kindText(k) })}</button>
          ))}
        </p>
      ) : null}
    </section>
  );
}
