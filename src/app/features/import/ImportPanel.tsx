/**
 * Import: a TDM CSV (either dialect) or a session/backup JSON, from the file picker (the page's
 * one `input[type=file]`) or dropped on the page; and any other reader's records handed over with
 * `offerImport` (offer.ts). Everything merges with what is on record (src/core/records/merge.ts):
 * a file never removes a row. When there is something to decide (a conflict: another value at a
 * time on record; a refused row or patient), a preview shows per patient what will be added, what
 * is already there, what conflicts and what is refused, and nothing is saved until the user says
 * so (conflicts only where ticked). A file that only adds rows is saved at once and says what it
 * added; every import is one undoable change in the history. A session file can instead replace
 * everything: a separate action that names what goes, asks, and can be undone.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseResult } from '../../../core/types';
import type { SessionFile } from '../../lib/session';
import type { StoredPatient } from '../../storage/db';
import { needsDecision, planImport, type ImportPlan, type IncomingBatch } from '../../lib/import-plan';
import { LIMITS } from '../../lib/limits';
import { listenForImports } from './offer';
import { batchIssues, Done, ImportPreview, IssueList, type View } from './ImportViews';
import { readImportFile, sizeText, useFileDrop } from './read-file';
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
}

export function ImportPanel({ parse, patients, apply, replaceAll, onSessionOpened }: Props) {
  const { t, i18n } = useTranslation();
  const ts = useCallback((k: string, o?: Record<string, unknown>) => t(k, { ns: 'safety', ...o }), [t]);
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const current = useRef(patients);
  current.current = patients;
  // The session file behind a batch, said to the page once the batch is saved (to compare its proposals).
  const sessions = useRef(new WeakMap<IncomingBatch, SessionFile>());
  const saved = useCallback((b: IncomingBatch) => { const s = sessions.current.get(b); if (s) onSessionOpened?.(b.source, s); }, [onSessionOpened]);

  /** Plan a batch against what is on record: save at once when there is nothing to decide, else preview. */
  const offer = useCallback(async (batch: IncomingBatch) => {
    if (batch.patients.length > LIMITS.patientsPerFile) {
      setView({ kind: 'failed', file: batch.source, message: sizeText(ts, batch.source, { code: 'patients-per-file', patients: batch.patients.length, max: LIMITS.patientsPerFile }) });
      return;
    }
    const plan = planImport(current.current, batch);
    if (needsDecision(plan)) { setView({ kind: 'preview', plan, chosen: new Set() }); return; }
    const done = await apply(batch, new Set());
    setView({ kind: 'done', plan: done, applied: 0, warnings: batchIssues(batch).filter((i) => i.severity === 'warning') });
    saved(batch);
  }, [apply, ts, saved]);

  useEffect(() => listenForImports((b) => { void offer(b).catch((e: unknown) => setView({ kind: 'failed', file: b.source, message: t('import.readFailed', { file: b.source, error: e instanceof Error ? e.message : String(e) }) })); }), [offer, t]);

  const handleFile = useCallback(async (file: File) => {
    setView({ kind: 'reading', file: file.name });
    try {
      const r = await readImportFile(file, parse, t, ts, i18n.language);
      if ('failed' in r) { setView({ kind: 'failed', file: file.name, ...r.failed }); return; }
      if (r.session) sessions.current.set(r.batch, r.session);
      await offer(r.batch);
    } catch (e) {
      setView({ kind: 'failed', file: file.name, message: t('import.readFailed', { file: file.name, error: e instanceof Error ? e.message : String(e) }) });
    }
  }, [parse, offer, t, ts, i18n.language]);

  const onPick = (files: FileList | null) => {
    const f = files?.[0];
    if (f) void handleFile(f);
    if (inputRef.current) inputRef.current.value = '';
  };

  useFileDrop(handleFile, setDragging);

  const confirm = async () => {
    if (view.kind !== 'preview') return;
    const { plan, chosen } = view;
    const done = await apply(plan.batch, chosen);
    setView({ kind: 'done', plan: done, applied: chosen.size, warnings: batchIssues(plan.batch).filter((i) => i.severity !== 'info') });
    saved(plan.batch);
  };

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
      </div>
      <div aria-live="polite">
        {view.kind === 'reading' ? <p role="status">{t('import.reading', { file: view.file })}</p> : null}
        {view.kind === 'preview' ? <ImportPreview plan={view.plan} chosen={view.chosen} setChosen={(next) => setView({ kind: 'preview', plan: view.plan, chosen: next })}
          onConfirm={() => void confirm()} onCancel={() => setView({ kind: 'idle' })} onAskReplace={askReplace} /> : null}
        {view.kind === 'done' ? <Done view={view} onClose={() => setView({ kind: 'idle' })} onReplace={askReplace} /> : null}
        {view.kind === 'ask-replace' ? (
          <div className="preview" role="alertdialog" aria-labelledby={`${id}-rq`} data-testid="replace-question">
            <p id={`${id}-rq`}>{view.removes.length
              ? ts('replace.question', { file: view.batch.source, count: view.removes.length, ids: view.removes.slice(0, 50).join(', ') + (view.removes.length > 50 ? ' …' : '') })
              : ts('replace.none', { file: view.batch.source })}</p>
            <p>
              <button type="button" className="danger-button" data-testid="confirm-replace" onClick={() => void doReplace()}>{ts('replace.yes')}</button>{' '}
              <button type="button" autoFocus onClick={() => setView({ kind: 'idle' })}>{ts('replace.no')}</button>
            </p>
          </div>
        ) : null}
        {view.kind === 'replaced' ? (
          <div className="import-done" role="status"><p>{ts('replace.done', { file: view.file, count: view.count })}{' '}
            <button type="button" className="link" onClick={() => setView({ kind: 'idle' })}>{t('import.dismiss')}</button></p></div>
        ) : null}
        {view.kind === 'failed' ? (
          <div className="import-failed" role="alert">
            <p>{view.message} <button type="button" className="link" onClick={() => setView({ kind: 'idle' })}>{t('import.dismiss')}</button></p>
            {view.issues?.length ? <IssueList issues={view.issues} /> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
