/**
 * Import: a TDM CSV (either dialect) or a session/backup JSON, from the file picker (the page's
 * one `input[type=file]`) or dropped on the page. A CSV is read in the worker; when it has bad
 * lines, a preview lists each one (file:line messages from the parser) and nothing is saved
 * until the user says so. A clean file is saved at once (and can be undone).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue, ParseResult, PatientRecord } from '../../../core/types';
import { readSession, type SessionFile } from '../../lib/session';
import { issueText } from '../proposal/engine-text';
import { sessionProblemIn } from '../../i18n/session-nl';

interface Props {
  parse: (text: string, file: string) => Promise<ParseResult>;
  onImport: (records: PatientRecord[], file: string) => Promise<void>;
  onRestore: (session: SessionFile, file: string) => Promise<void>;
}

type View =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string }
  | { kind: 'preview'; file: string; result: ParseResult }
  | { kind: 'done'; file: string; count: number; warnings: Issue[]; restored?: boolean }
  | { kind: 'failed'; file: string; message: string; issues?: Issue[] };

const MAX_LISTED = 200;

function IssueList({ issues }: { issues: Issue[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? (a.line ?? 0) - (b.line ?? 0) : a.severity === 'error' ? -1 : 1));
  return (
    <>
      <ul className="issue-list">
        {sorted.slice(0, MAX_LISTED).map((i, k) => (
          <li key={k} className={`issue-${i.severity}`}><span className="sev">{t(`severity.${i.severity}`)}</span> {issueText(i, i18n.language)}</li>
        ))}
      </ul>
      {sorted.length > MAX_LISTED ? <p>{t('import.more', { count: sorted.length - MAX_LISTED })}</p> : null}
    </>
  );
}

export function ImportPanel({ parse, onImport, onRestore }: Props) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const allIssues = (r: ParseResult) => {
    const seen = new Set<Issue>(r.issues);
    const out = [...r.issues];
    for (const p of r.patients) for (const i of p.issues) if (!seen.has(i)) { seen.add(i); out.push(i); }
    return out;
  };

  const handleFile = useCallback(async (file: File) => {
    setView({ kind: 'reading', file: file.name });
    try {
      const text = await file.text();
      if (/\.json$/i.test(file.name) || /^\s*\{/.test(text.slice(0, 100))) {
        const s = readSession(text);
        if ('error' in s) { setView({ kind: 'failed', file: file.name, message: t('import.badSession', { file: file.name, error: sessionProblemIn(s.problem, s.error, i18n.language) }) }); return; }
        await onRestore(s.session, file.name);
        setView({ kind: 'done', file: file.name, count: s.session.patients.length, warnings: [], restored: true });
        return;
      }
      const result = await parse(text, file.name);
      const issues = allIssues(result);
      if (result.fatal || result.patients.length === 0) {
        setView({ kind: 'failed', file: file.name, message: t('import.unusable', { file: file.name }), issues });
        return;
      }
      if (issues.some((i) => i.severity === 'error')) { setView({ kind: 'preview', file: file.name, result }); return; }
      await onImport(result.patients, file.name);
      setView({ kind: 'done', file: file.name, count: result.patients.length, warnings: issues.filter((i) => i.severity === 'warning') });
    } catch (e) {
      setView({ kind: 'failed', file: file.name, message: t('import.readFailed', { file: file.name, error: e instanceof Error ? e.message : String(e) }) });
    }
  }, [parse, onImport, onRestore, t, i18n.language]);

  const onPick = (files: FileList | null) => {
    const f = files?.[0];
    if (f) void handleFile(f);
    if (inputRef.current) inputRef.current.value = '';
  };

  // Drop a file anywhere on the page.
  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); setDragging(true); } };
    const leave = (e: DragEvent) => { if (!e.relatedTarget) setDragging(false); };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      void handleFile(e.dataTransfer.files[0]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => { window.removeEventListener('dragover', over); window.removeEventListener('dragleave', leave); window.removeEventListener('drop', drop); };
  }, [handleFile]);

  const confirm = async () => {
    if (view.kind !== 'preview') return;
    const { file, result } = view;
    await onImport(result.patients, file);
    setView({ kind: 'done', file, count: result.patients.length, warnings: allIssues(result).filter((i) => i.severity !== 'info') });
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
        {view.kind === 'preview' ? (
          <div className="preview" role="dialog" aria-labelledby={`${id}-pv`}>
            <h3 id={`${id}-pv`}>{t('import.previewTitle', { file: view.file })}</h3>
            <p>{t('import.previewSummary', { patients: view.result.patients.length, errors: allIssues(view.result).filter((i) => i.severity === 'error').length })}</p>
            <IssueList issues={allIssues(view.result)} />
            <p className="patients-read">{t('import.patientsRead')}: {view.result.patients.map((p) => p.id).join(', ')}</p>
            <p>
              <button type="button" className="primary" onClick={() => void confirm()}>{t('import.confirm', { count: view.result.patients.length })}</button>{' '}
              <button type="button" onClick={() => setView({ kind: 'idle' })}>{t('import.cancel')}</button>
            </p>
          </div>
        ) : null}
        {view.kind === 'done' ? (
          <div className="import-done" role="status">
            <p>{view.restored ? t('import.restored', { count: view.count, file: view.file }) : t('import.imported', { count: view.count, file: view.file })}
              {' '}<button type="button" className="link" onClick={() => setView({ kind: 'idle' })}>{t('import.dismiss')}</button></p>
            {view.warnings.length ? (
              <details>
                <summary>{t('import.warnings', { count: view.warnings.length })}</summary>
                <IssueList issues={view.warnings} />
              </details>
            ) : null}
          </div>
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
