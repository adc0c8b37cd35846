/**
 * Adding, editing and deleting rows of the data table. Every change is checked by the records module
 * (validate-edit.ts): a refused row is not saved and its messages are kept for the row. A typed row
 * at a kind and time on record is refused when it says the same, and replaces that row only after
 * "replace x with y?" (issue 15). The focus goes back to what opened the editor when it closes.
 */
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue, PatientRecord } from '../../../core/types';
import { emptyRow, kindsFor, shortMessage, type EventRow, type RowKind } from '../../lib/rows';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { focusAfterRender } from '../../lib/focus';
import { rowValue } from '../../lib/row-value';
import { issueText } from '../../../i18n/sentences';
import { validateRows } from './validate-edit';
import { alreadyIssue, checkTyped, movesOnto } from '../entry/typed';
import { useAskReplace } from '../entry/AskReplace';
import { fromDraft, toDraft, type Draft } from './event-draft';
import { changeLabel, type ChangeLabel } from '../../storage/change-label';

export interface EventEditInput {
  record: PatientRecord;
  rows: EventRow[];
  labLimit?: number;
  onSave: (record: PatientRecord, label: ChangeLabel) => Promise<void>;
  lang: Lang;
  /** The table's section: where the focus is looked for. */
  box: RefObject<HTMLElement | null>;
}

/**
 * A refused row: its message and the field that is wrong come into view, and the focus goes to
 * that field (not lost with the Save button, disabled while checking).
 */
function showRefusalIn(box: RefObject<HTMLElement | null>): void {
  requestAnimationFrame(() => {
    const root = box.current;
    if (!root) return;
    root.querySelector<HTMLElement>('tr.editing-errors')?.scrollIntoView({ block: 'nearest' });
    const field = root.querySelector<HTMLElement>('tr.editing [aria-invalid="true"]') ?? root.querySelector<HTMLElement>('tr.editing input');
    field?.focus({ preventScroll: true });
    field?.scrollIntoView({ block: 'nearest' });
  });
}

export function useEventEdit({ record, rows, labLimit, onSave, lang, box }: EventEditInput) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [messages, setMessages] = useState<{ row: number | null; issue: Issue }[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  // What opened the row editor (an Edit button, or an Add button of a kind): the focus goes back there when it closes.
  const opener = useRef<{ row: number | 'new'; kind: RowKind } | null>(null);
  const [question, ask] = useAskReplace();

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

  const apply = async (next: EventRow[], label: ChangeLabel, focusRow: number | null) => {
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
  const saveTyped = async (base: EventRow[], typed: EventRow, label: ChangeLabel, toRow: (k: number) => number) => {
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
      await onSave(c.result.record, c.replaces.length ? changeLabel('change.replaceRow', { id: record.id }) : label);
      const warns = c.result.issues.filter((x) => x.issue.severity === 'warning' && x.row !== null && c.origin.has(x.row));
      setNotice(warns.length ? warns.map((w) => shortMessage(issueText(w.issue, lang))).join(' · ') : '');
      return true;
    } finally {
      setBusy(false);
    }
  };

  const showRefusal = () => showRefusalIn(box);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || editing === null) return;
    if (editing === 'new') {
      if (await saveTyped(rows, fromDraft(draft), changeLabel('change.addRow', { id: record.id }), (k) => k)) cancel(); else showRefusal();
      return;
    }
    // An edit that moves a row onto the kind and time of another row on record: asked like a typed row.
    const edited = fromDraft(draft, rows[editing]);
    const others = rows.filter((_, j) => j !== editing);
    const ed = editing;
    if (await movesOnto(others, edited)) {
      if (await saveTyped(others, edited, changeLabel('change.editRow', { id: record.id }), (k) => (k >= ed ? k + 1 : k))) cancel(); else showRefusal();
      return;
    }
    const next = [...rows];
    next[editing] = edited;
    const ok = await apply(next, changeLabel('change.editRow', { id: record.id }), editing);
    if (ok) cancel(); else showRefusal();
  };

  const remove = async (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    setEditing(null); setDraft(null);
    const ok = await apply(next, changeLabel('change.deleteRow', { id: record.id }), null);
    if (ok) setNotice(t('entry.deleted'));
    // The row is gone with its button: the focus goes to the row now in its place (or the first Add button).
    refocus({ row: Math.min(i, next.length - 1) < 0 ? 'new' : Math.min(i, next.length - 1), kind: kindsFor(record.drug)[0] });
  };


  return { editing, draft, setDraft, messages, busy, notice, question, start, cancel, submit, remove };
}
