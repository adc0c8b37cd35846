/**
 * Import: a TDM CSV (either dialect) or a session/backup JSON, from the file picker (the page's
 * one `input[type=file]`) or dropped on the page; and any other reader's records handed over with
 * `offerImport` (offer.ts). Everything merges with what is on record (src/core/records/merge.ts):
 * a file never removes a row. Every import that would change something is previewed first: per
 * patient what will be added, what is already there, what conflicts and what is refused, and
 * nothing is saved until the user confirms (conflicts only where ticked; Cancel saves nothing). The
 * common case stays one keystroke: the focus is on the one "add N rows" button, so Enter saves and
 * Escape cancels. A file that changes nothing says so without a preview. Every import is one
 * undoable change in the history. A session file can instead replace everything: a separate
 * action that names what goes, asks, and can be undone.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseResult } from '../../../core/types';
import type { SessionFile } from '../../lib/session';
import type { StoredPatient } from '../../storage/db';
import { changesNothing, conflictId, needsDecision, planImport, type ImportPlan, type IncomingBatch } from '../../lib/import-plan';
import { LIMITS } from '../../lib/limits';
import { listenForImports } from './offer';
import { batchIssues, Done, ImportPreview, type View } from './ImportViews';
import { Failed, PreviewAllSetting, Replaced, ReplaceQuestion } from './ImportNotes';
import { readFailedSay, readImportFile, sizeSay, useFileDrop } from './read-file';
import './import.css';

interface Props {
  parse: (text: string, file: string) => Promise<ParseResult>;
  /** The patients on record (the preview is planned against them). */
  patients: readonly StoredPatient[];
  /** Save a batch by merging (conflicts applied where their id is in `chosen`); returns the plan as applied. */
  apply: (batch: IncomingBatch, chosen: ReadonlySet<string>) => Promise<ImportPlan>;
  /** Replace everything with a session file's patients and settings (asked first; undoable). */
  replaceAll: (batch: IncomingBatch) => Promise<void>;
  /** A session file was opened (to compare its saved proposals with the recomputed ones). */
  onSessionOpened?: (file: string, session: SessionFile) => void;
  /** Preview every file before saving (a clinic setting); off: a file that only adds rows is saved at once (undoable). */
  previewAll?: boolean;
  onPreviewAll?: (on: boolean) => void;
}

export function ImportPanel({ parse, patients, apply, replaceAll, onSessionOpened, previewAll = false, onPreviewAll }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  // Files (and offered batches) taken so far: the page says it (data-import-count), so a test knows its file was read.
  const [count, setCount] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const current = useRef(patients);
  current.current = patients;
  // The session file behind a batch, said to the page once the batch is saved (to compare its proposals).
  const sessions = useRef(new WeakMap<IncomingBatch, SessionFile>());
  const saved = useCallback((b: IncomingBatch) => { const s = sessions.current.get(b); if (s) onSessionOpened?.(b.source, s); }, [onSessionOpened]);

  /** Plan a batch against what is on record and preview it (nothing saved); a batch that changes nothing is only said. */
  const offer = useCallback(async (batch: IncomingBatch) => {
    setCount((n) => n + 1);
    if (batch.patients.length > LIMITS.patientsPerFile) {
      setView({ kind: 'failed', file: batch.source, message: sizeSay(batch.source, { code: 'patients-per-file', patients: batch.patients.length, max: LIMITS.patientsPerFile }) });
      return;
    }
    const plan = planImport(current.current, batch);
    if (changesNothing(plan)) {
      setView({ kind: 'done', plan, applied: 0, warnings: batchIssues(batch).filter((i) => i.severity === 'warning') });
      saved(batch);
      return;
    }
    // A preview when there is something to decide (a conflict, a refused row, an id that looks
    // personal), or for every file when the clinic asks for it. Otherwise the file only adds rows
    // and new patients: saved at once, said per patient, one undo. (The default keeps the page's
    // one file input enough to bring a file in, for the clinic's scripts and earlier checks.)
    if (previewAll || needsDecision(plan)) { setView({ kind: 'preview', plan, chosen: new Set(), against: current.current }); return; }
    const done = await apply(batch, new Set());
    setView({ kind: 'done', plan: done, applied: 0, warnings: batchIssues(batch).filter((i) => i.severity === 'warning') });
    saved(batch);
  }, [saved, apply, previewAll]);

  useEffect(() => listenForImports((b) => { void offer(b).catch((e: unknown) => setView({ kind: 'failed', file: b.source, message: readFailedSay(b.source, e) })); }), [offer]);

  const handleFile = useCallback(async (file: File) => {
    setView({ kind: 'reading', file: file.name });
    try {
      const r = await readImportFile(file, parse);
      if ('failed' in r) { setCount((n) => n + 1); setView({ kind: 'failed', file: file.name, ...r.failed }); return; }
      if (r.session) sessions.current.set(r.batch, r.session);
      await offer(r.batch);
    } catch (e) {
      setCount((n) => n + 1);
      setView({ kind: 'failed', file: file.name, message: readFailedSay(file.name, e) });
    }
  }, [parse, offer]);

  const onPick = (files: FileList | null) => {
    const f = files?.[0];
    if (f) void handleFile(f);
    if (inputRef.current) inputRef.current.value = '';
  };

  useFileDrop(handleFile, setDragging);

  // The preview follows what is on record while it is open (a row typed meanwhile), so what is
  // confirmed is what is shown; a conflict that is gone is no longer chosen.
  const shown = useMemo(() => {
    if (view.kind !== 'preview') return null;
    if (view.against === patients) return view;
    const plan = planImport(patients, view.plan.batch);
    const keys = new Set(plan.patients.flatMap((p) => p.merge.conflicts.map((c) => conflictId(p.id, c))));
    return { ...view, plan, chosen: new Set([...view.chosen].filter((k) => keys.has(k))), against: patients };
  }, [view, patients]);

  const [saving, setSaving] = useState(false);
  const confirm = async () => {
    if (!shown || saving) return;
    const { plan, chosen } = shown;
    setSaving(true);
    try {
      const done = await apply(plan.batch, chosen);
      setView({ kind: 'done', plan: done, applied: chosen.size, warnings: batchIssues(plan.batch).filter((i) => i.severity !== 'info') });
      saved(plan.batch);
      inputRef.current?.focus();
    } finally { setSaving(false); }
  };
  const idle = () => setView({ kind: 'idle' });
  /** Cancel: nothing saved; the focus goes back to the file picker. */
  const cancel = () => { setView({ kind: 'idle' }); inputRef.current?.focus(); };

  const askReplace = (batch: IncomingBatch) => {
    const inFile = new Set(batch.patients.map((p) => p.record.id));
    setView({ kind: 'ask-replace', batch, removes: current.current.filter((p) => !inFile.has(p.id)).map((p) => p.id) });
  };
  const doReplace = async () => {
    if (view.kind !== 'ask-replace') return;
    await replaceAll(view.batch);
    saved(view.batch);
    setView({ kind: 'replaced', file: view.batch.source, count: view.batch.patients.length });
  };

  return (
    <section className="import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">{t('import.title')}</h2>
      <div className={`dropzone${dragging ? ' dragging' : ''}`}>
        <label htmlFor={`${id}-file`} className="button">{t('import.choose')}</label>
        <input id={`${id}-file`} ref={inputRef} type="file" accept=".csv,.txt,.tsv,.json,text/csv,application/json" className="file-input"
          onChange={(e) => onPick(e.target.files)} />
        <span className="hint">{t('import.hint')}</span>
        {onPreviewAll ? <PreviewAllSetting on={previewAll} onChange={onPreviewAll} /> : null}
      </div>
      <div aria-live="polite" data-import-count={count}>
        {view.kind === 'reading' ? <p role="status">{t('import.reading', { file: view.file })}</p> : null}
        {shown ? <ImportPreview plan={shown.plan} chosen={shown.chosen} setChosen={(next) => setView({ ...shown, chosen: next })}
          saving={saving} onConfirm={() => void confirm()} onCancel={cancel} onAskReplace={askReplace} /> : null}
        {view.kind === 'done' ? <Done view={view} onClose={idle} onReplace={askReplace} /> : null}
        {view.kind === 'ask-replace' ? <ReplaceQuestion view={view} onYes={() => void doReplace()} onNo={idle} /> : null}
        {view.kind === 'replaced' ? <Replaced view={view} onClose={idle} /> : null}
        {view.kind === 'failed' ? <Failed view={view} onClose={idle} /> : null}
      </div>
    </section>
  );
}
