/**
 * The patient's doses, levels, counts and weights as a table with inline add, edit and delete.
 * Every change is checked by the records module (validate-edit.ts): a row it refuses is not
 * saved, and its message is shown next to the row. Dates are shown and typed in the user's
 * format (ISO is always accepted); units come from the spec's lists.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { focusAfterRender } from '../../lib/focus';
import { useTranslation } from 'react-i18next';
import type { Issue, PatientRecord } from '../../../core/types';
import { emptyRow, kindsFor, recordToRows, shortMessage, UNITS, type EventRow, type RowKind } from '../../lib/rows';
import { formatDisplayDate, formatEditableTime, normaliseDecimal, parseDisplayDate, type Lang } from '../../lib/dates';
import { preloadValidator, validateRows } from './validate-edit';
import { alreadyIssue, checkTyped, movesOnto } from '../entry/typed';
import { useAskReplace } from '../entry/AskReplace';
import { rowValue } from '../../lib/row-value';
import { issueText } from '../../../i18n/sentences';
import { WEIGHT_ACCEPTED, WEIGHT_MODEL_RANGE } from '../../../core/records/plausible';

interface Props {
  record: PatientRecord;
  labLimit?: number;
  onSave: (record: PatientRecord, label: string) => Promise<void>;
}

/** Rows drawn at once in the data table. */
export const PAGE_ROWS = 200;

interface Draft { kind: RowKind; time: string; value: string; unit: string; route: string; duration_min: string; note: string; sample: string }

function toDraft(r: EventRow, lang: Lang): Draft {
  const value = lang === 'nl' && /^<?\d*\.\d+$/.test(r.value) ? r.value.replace('.', ',') : r.value;
  return { kind: r.kind, time: r.time ? formatEditableTime(r.time, lang) : '', value, unit: r.unit, route: r.route, duration_min: r.duration_min, note: r.note,
    sample: r.kind === 'level' ? (r.sample === 'capillary' ? 'capillary' : 'venous') : '' };
}

function fromDraft(d: Draft, base?: EventRow): EventRow {
  return {
    kind: d.kind,
    time: parseDisplayDate(d.time) ?? d.time.trim(),
    value: normaliseDecimal(d.value),
    unit: d.unit,
    route: d.kind === 'dose' ? d.route : '',
    duration_min: d.kind === 'dose' ? d.duration_min.trim() : '',
    note: d.note,
    ...(d.kind === 'level' ? { sample: d.sample || 'venous' } : {}),
    extra: base?.extra,
  };
}

export function EventTable({ record, labLimit, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  // A wearing-off report's name lives in the wearing namespace (issue 19).
  const kindText = (k: RowKind) => (k === 'wearing_off' ? t('kind', { ns: 'wearing' }) : t(`kind.${k}`));
  const rows = useMemo(() => recordToRows(record), [record]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [messages, setMessages] = useState<{ row: number | null; issue: Issue }[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const errId = useId();
  const box = useRef<HTMLElement>(null);
  // What opened the row editor (an Edit button, or an Add button of a kind): the focus goes back there when it closes.
  const opener = useRef<{ row: number | 'new'; kind: RowKind } | null>(null);
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

  const refocus = (target: { row: number | 'new'; kind: RowKind } | null) => {
    if (!target) return;
    focusAfterRender(() => {
      const root = box.current;
      if (!root) return null;
      if (target.row !== 'new') return root.querySelector<HTMLElement>(`[data-edit-row="${target.row}"]`) ?? root.querySelector<HTMLElement>(`[data-add-kind="${target.kind}"]`);
      return root.querySelector<HTMLElement>(`[data-add-kind="${target.kind}"]`);
    });
  };

  const start = (i: number | 'new', kind: RowKind = kindsFor(record.drug)[0]) => {
    opener.current = { row: i, kind: i === 'new' ? kind : rows[i].kind };
    setEditing(i);
    setMessages([]);
    setDraft(i === 'new' ? toDraft(emptyRow(kind), lang) : toDraft(rows[i], lang));
  };
  const cancel = () => { setEditing(null); setDraft(null); setMessages([]); refocus(opener.current); opener.current = null; };

  const apply = async (next: EventRow[], label: string, focusRow: number | null) => {
    setBusy(true);
    try {
      const res = await validateRows(record, next, labLimit);
      if (!res.record) {
        setMessages(res.issues.filter((x) => x.issue.severity === 'error'));
        return false;
      }
      await onSave(res.record, label);
      const warns = res.issues.filter((x) => x.issue.severity === 'warning' && (focusRow === null || x.row === focusRow));
      setNotice(warns.length ? warns.map((w) => shortMessage(issueText(w.issue, lang))).join(' · ') : '');
      return true;
    } finally {
      setBusy(false);
    }
  };

  /**
   * Save a typed row against what is on record (issue 15, item 4): at a kind and time on record it
   * is refused when it says the same, and takes that row's place only after "replace x with y?".
   * `base`: the rows it goes with (without the row being edited); `toRow` maps their indices back.
   */
  const saveTyped = async (base: EventRow[], typed: EventRow, label: string, toRow: (k: number) => number) => {
    setBusy(true);
    try {
      const at = editing === 'new' ? rows.length : editing;
      const c = await checkTyped(record, base, [typed], labLimit);
      if (c.kind === 'same') {
        setMessages([{ row: at, issue: alreadyIssue(t('typed.already', { ns: 'safety', kind: t(`kind.${c.row.kind}`, { ns: 'safety', defaultValue: c.row.kind }), time: formatDisplayDate(c.row.iso, lang), value: rowValue(c.row, lang) })) }]);
        return false;
      }
      const mine = (row: number | null) => (row !== null && c.origin.has(row) ? at : row === null ? null : toRow(row));
      if (c.kind === 'refused') {
        setMessages(c.result.issues.filter((x) => x.issue.severity === 'error').map((x) => ({ row: mine(x.row), issue: x.issue })));
        return false;
      }
      if (c.replaces.length && !(await ask(c.replaces))) return false;
      await onSave(c.result.record, c.replaces.length ? t('typed.undoReplace', { ns: 'safety', id: record.id }) : label);
      const warns = c.result.issues.filter((x) => x.issue.severity === 'warning' && x.row !== null && c.origin.has(x.row));
      setNotice(warns.length ? warns.map((w) => shortMessage(issueText(w.issue, lang))).join(' · ') : '');
      return true;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || editing === null) return;
    if (editing === 'new') {
      if (await saveTyped(rows, fromDraft(draft), t('entry.undoAdd', { id: record.id }), (k) => k)) cancel();
      return;
    }
    // An edit that moves a row onto the kind and time of another row on record: asked like a typed row.
    const edited = fromDraft(draft, rows[editing]);
    const others = rows.filter((_, j) => j !== editing);
    const ed = editing;
    if (await movesOnto(others, edited)) {
      if (await saveTyped(others, edited, t('entry.undoEdit', { id: record.id }), (k) => (k >= ed ? k + 1 : k))) cancel();
      return;
    }
    const next = [...rows];
    next[editing] = edited;
    const ok = await apply(next, t('entry.undoEdit', { id: record.id }), editing);
    if (ok) cancel();
  };

  const remove = async (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    setEditing(null); setDraft(null);
    const ok = await apply(next, t('entry.undoDelete', { id: record.id }), null);
    if (ok) setNotice(t('entry.deleted'));
    // The row is gone with its button: the focus goes to the row now in its place (or the first Add button).
    refocus({ row: Math.min(i, next.length - 1) < 0 ? 'new' : Math.min(i, next.length - 1), kind: kindsFor(record.drug)[0] });
  };

  const [question, ask] = useAskReplace();
  const rowMessages = (i: number | null) => messages.filter((m) => m.row === i);
  const editIndexForMsgs = editing === 'new' ? rows.length : editing;
  const otherMessages = messages.filter((m) => m.row !== editIndexForMsgs);

  const editor = (d: Draft) => {
    const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
    const own = rowMessages(editIndexForMsgs);
    // The message sits on the field that is wrong: that field is marked invalid and described by it.
    const bad = (column: string) => own.some((m) => m.issue.column === column);
    const describe = (column: string) => (bad(column) ? errId : undefined);
    return (
      <>
      {/* A row being added is not on record yet: only the rows on record carry the event-row hook. */}
      <tr className="editing" data-testid={editing === 'new' ? 'event-row-new' : 'event-row'}>
        <td>
          <select aria-label={t('entry.kind')} value={d.kind} disabled={editing !== 'new'}
            onChange={(e) => { const k = e.target.value as RowKind; set({ kind: k, unit: UNITS[k][0], route: k === 'dose' ? 'iv' : '', value: k === 'dose' ? '300' : '', sample: k === 'level' ? 'venous' : '' }); }}>
            {[...kindsFor(record.drug), ...(d.kind === 'wearing_off' ? ['wearing_off' as const] : [])].map((k) => <option key={k} value={k}>{kindText(k)}</option>)}
          </select>
        </td>
        <td>
          <input aria-label={t('entry.time')} value={d.time} onChange={(e) => set({ time: e.target.value })} placeholder={t('entry.timePlaceholder')}
            required size={16} aria-invalid={bad('time')} aria-describedby={describe('time')} autoFocus />
        </td>
        <td><input aria-label={t('entry.value')} value={d.value} onChange={(e) => set({ value: e.target.value })} inputMode="decimal" size={7} required
          aria-invalid={bad('value')} aria-describedby={describe('value')} /></td>
        <td>
          <select aria-label={t('entry.unit')} value={d.unit} onChange={(e) => set({ unit: e.target.value })} aria-invalid={bad('unit')} aria-describedby={describe('unit')}>
            {UNITS[d.kind].map((u) => <option key={u} value={u}>{u}</option>)}
          </select>
        </td>
        <td>
          {d.kind === 'dose' ? (
            <span className="dose-extra">
              <select aria-label={t('entry.route')} value={d.route} onChange={(e) => set({ route: e.target.value })}>
                <option value="iv">IV</option><option value="sc">SC</option>
              </select>
              <input aria-label={t('entry.duration')} value={d.duration_min} onChange={(e) => set({ duration_min: e.target.value })} size={4} inputMode="numeric" placeholder={t('entry.durationPlaceholder')} />
            </span>
          ) : d.kind === 'level' ? (
            <select aria-label={t('entry.sample')} name="sample" value={d.sample} onChange={(e) => set({ sample: e.target.value })}>
              <option value="venous">{t('entry.sampleVenous')}</option>
              <option value="capillary">{t('entry.sampleCapillary')}</option>
            </select>
          ) : null}
        </td>
        <td><input aria-label={t('entry.note')} value={d.note} onChange={(e) => set({ note: e.target.value })} size={14} /></td>
        <td className="actions">
          <button type="submit" disabled={busy}>{t('entry.save')}</button>
          <button type="button" onClick={cancel}>{t('entry.cancel')}</button>
        </td>
      </tr>
      {d.kind === 'weight' ? (
        <tr className="editing-hint"><td colSpan={7}>
          {t('entry.weightHint', { accMin: WEIGHT_ACCEPTED.min, accMax: WEIGHT_ACCEPTED.max, min: WEIGHT_MODEL_RANGE.min, max: WEIGHT_MODEL_RANGE.max })}
        </td></tr>
      ) : null}
      {own.length ? (
        <tr className="editing-errors">
          <td colSpan={7}>
            {/* The alert role on a wrapper: a list with role=alert is no longer a list (axe: listitem). */}
            <div role="alert">
              <ul id={errId} className="row-errors">
                {own.map((m, k) => {
                  const text = shortMessage(issueText(m.issue, lang));
                  const field = m.issue.column ? t(`entry.field.${m.issue.column}`, { defaultValue: m.issue.column }) : '';
                  // Name the field, unless the message already starts with it ("value "x" …").
                  const named = field !== '' && !text.toLowerCase().startsWith(field.toLowerCase());
                  return <li key={k} data-field={m.issue.column}>{named ? <span className="field-name">{field}: </span> : null}{text}</li>;
                })}
              </ul>
            </div>
          </td>
        </tr>
      ) : null}
    </>
    );
  };

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
                <td>{r.unit}</td>
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
