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
import type { Issue, ParseResult } from '../../../core/types';
import { readSession, type SessionFile } from '../../lib/session';
import { issueText } from '../proposal/engine-text';
import { sessionProblemIn } from '../../i18n/session-nl';
import type { StoredPatient } from '../../storage/db';
import { conflictId, needsDecision, planImport, planTotals, type ImportPlan, type IncomingBatch } from '../../lib/import-plan';
import { fileTooLarge, LIMITS, type FileSizeProblem } from '../../lib/limits';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { listenForImports } from './offer';
import { rowValue } from '../../lib/row-value';
import './import.css';
import { isFhirJson } from '../../../core/fhir/read';

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

type View =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string }
  | { kind: 'preview'; plan: ImportPlan; chosen: ReadonlySet<string> }
  | { kind: 'done'; plan: ImportPlan; applied: number; warnings: Issue[] }
  | { kind: 'ask-replace'; batch: IncomingBatch; removes: string[] }
  | { kind: 'replaced'; file: string; count: number }
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

/** Every issue of a batch once (the file's and its patients'), by line and message. */
export function batchIssues(batch: IncomingBatch): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const i of [...(batch.issues ?? []), ...batch.patients.flatMap((p) => p.record.issues)]) {
    const k = `${i.file}|${i.line}|${i.message}`;
    if (!seen.has(k)) { seen.add(k); out.push(i); }
  }
  return out;
}

function sizeText(t: (k: string, o?: Record<string, unknown>) => string, file: string, p: FileSizeProblem): string {
  return t(`size.${p.code}`, { ns: 'safety', file, ...p });
}

export function ImportPanel({ parse, patients, apply, replaceAll, onSessionOpened }: Props) {
  const { t, i18n } = useTranslation();
  const ts = useCallback((k: string, o?: Record<string, unknown>) => t(k, { ns: 'safety', ...o }), [t]);
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
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
      const early = fileTooLarge(file.size);
      if (early) { setView({ kind: 'failed', file: file.name, message: sizeText(ts, file.name, early) }); return; }
      const text = await file.text();
      // A FHIR Bundle goes the CSV's way (read into records, the same preview and merge); other JSON is a session.
      const fhir = isFhirJson(text);
      if (!fhir && (/\.json$/i.test(file.name) || /^\s*\{/.test(text.slice(0, 100)))) {
        const s = readSession(text);
        if ('error' in s) { setView({ kind: 'failed', file: file.name, message: t('import.badSession', { file: file.name, error: sessionProblemIn(s.problem, s.error, i18n.language) }) }); return; }
        const session = s.session;
        const batch: IncomingBatch = {
          source: file.name, kind: 'session', settings: session.settings, asOfMode: session.asOfMode,
          patients: session.patients.map((p) => ({ record: p.record, choice: p.choice, overrides: p.overrides, ...(p.pendingWeightKg ? { pendingWeightKg: p.pendingWeightKg } : {}) })),
        };
        sessions.current.set(batch, session);
        await offer(batch);
        return;
      }
      // A Bundle's lines are not rows (one resource spans many): its patients and rows are checked once read.
      const tooMany = fhir ? null : fileTooLarge(file.size, text);
      if (tooMany) { setView({ kind: 'failed', file: file.name, message: sizeText(ts, file.name, tooMany) }); return; }
      const result = await parse(text, file.name);
      const kind = fhir ? 'fhir' : 'csv';
      if (result.fatal || result.patients.length === 0) {
        setView({ kind: 'failed', file: file.name, message: t('import.unusable', { file: file.name }), issues: batchIssues({ source: file.name, kind, patients: result.patients.map((record) => ({ record })), issues: result.issues }) });
        return;
      }
      await offer({ source: file.name, kind, patients: result.patients.map((record) => ({ record })), issues: result.issues });
    } catch (e) {
      setView({ kind: 'failed', file: file.name, message: t('import.readFailed', { file: file.name, error: e instanceof Error ? e.message : String(e) }) });
    }
  }, [parse, offer, t, ts, i18n.language]);

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

  const preview = (plan: ImportPlan, chosen: ReadonlySet<string>) => {
    const totals = planTotals(plan);
    const issues = batchIssues(plan.batch);
    const all = plan.patients.flatMap((p) => p.merge.conflicts.map((c) => ({ p, c, key: conflictId(p.id, c) })));
    const usable = plan.patients.filter((p) => p.status !== 'refused').length;
    // New patients whose id looks like a name, a date of birth or a BSN: said before anything is saved.
    const personal = plan.patients.filter((p) => p.personal !== undefined);
    const rowsLabel = totals.refused > 0 ? t('import.confirm', { count: usable }) : ts('preview.apply', { count: totals.added });
    const setChosen = (next: Set<string>) => setView({ kind: 'preview', plan, chosen: next });
    return (
      <div className="preview" role="dialog" aria-labelledby={`${id}-pv`} data-testid="import-preview">
        <h3 id={`${id}-pv`}>{ts('preview.title', { file: plan.batch.source })}</h3>
        <p data-testid="import-summary">{ts('preview.summary', { patients: totals.patients, added: totals.added, same: totals.same, conflicts: totals.conflicts, refused: totals.refused + totals.refusedPatients })} {ts('preview.nothingSaved')}</p>
        <p>
          <button type="button" className="primary" data-testid="import-apply" onClick={() => void confirm()}>
            {chosen.size ? ts('preview.applyWithConflicts', { rows: rowsLabel, count: chosen.size }) : rowsLabel}
          </button>{' '}
          <button type="button" data-testid="import-cancel" onClick={() => setView({ kind: 'idle' })}>{ts('preview.cancel')}</button>
          {plan.batch.kind === 'session' ? <>{' '}<button type="button" data-testid="replace-all" onClick={() => askReplace(plan.batch)}>{ts('replace.button', { file: plan.batch.source })}</button></> : null}
        </p>
        {personal.length ? (
          <ul className="id-warnings" data-testid="id-warnings">
            {personal.slice(0, MAX_LISTED).map((p) => <li key={p.id} data-testid="id-warning" data-kind={p.personal}>{ts(`idWarning.${p.personal}`, { id: p.id })}</li>)}
            {personal.length > MAX_LISTED ? <li>{ts('preview.more', { count: personal.length - MAX_LISTED })}</li> : null}
          </ul>
        ) : null}
        {issues.length ? <IssueList issues={issues} /> : null}
        {all.length ? (
          <fieldset className="conflicts" data-testid="conflicts">
            <legend>{ts('preview.conflictsTitle')}</legend>
            <p>{ts('preview.conflictsIntro')}</p>
            {all.length > 1 ? (
              <label className="conflict-all">
                <input type="checkbox" data-testid="conflict-all" checked={chosen.size === all.length}
                  onChange={(e) => setChosen(e.target.checked ? new Set(all.map((x) => x.key)) : new Set())} />
                {' '}{ts('preview.conflictAll', { count: all.length })}
              </label>
            ) : null}
            <ul>
              {all.slice(0, MAX_LISTED).map(({ p, c, key }) => (
                <li key={key}>
                  <label>
                    <input type="checkbox" data-testid="conflict" checked={chosen.has(key)}
                      onChange={(e) => { const n = new Set(chosen); if (e.target.checked) n.add(key); else n.delete(key); setChosen(n); }} />
                    {' '}{ts('preview.conflictRow', {
                      id: p.id, kind: ts(`kind.${c.kind}`, { defaultValue: c.kind }), time: formatDisplayDate(c.incoming.iso, lang),
                      old: rowValue(c.existing, lang), new: rowValue(c.incoming, lang),
                    })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        <PlanTable plan={plan} />
      </div>
    );
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
        {view.kind === 'preview' ? preview(view.plan, view.chosen) : null}
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

/** Per patient: on record or new, rows to add, already there, conflicts, refused. */
function PlanTable({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation('safety');
  return (
    <>
      <table className="plan-table" data-testid="import-plan">
        <thead><tr>
          <th scope="col">{t('preview.patient')}</th><th scope="col">{t('preview.status')}</th><th scope="col">{t('preview.added')}</th>
          <th scope="col">{t('preview.same')}</th><th scope="col">{t('preview.conflicts')}</th><th scope="col">{t('preview.refused')}</th>
        </tr></thead>
        <tbody>
          {plan.patients.slice(0, MAX_LISTED).map((p, k) => (
            <tr key={k} data-plan-patient={p.id} className={`plan-${p.status}`}>
              <th scope="row">{p.id}</th>
              <td>{p.status === 'new' ? t('preview.new') : p.status === 'merge' ? t('preview.onRecord')
                : p.refusedWhy?.code === 'drug' ? t('preview.refusedDrug', { existing: p.refusedWhy.existing, incoming: p.refusedWhy.incoming })
                  : p.refusedWhy?.code === 'size' ? t(`size.${p.refusedWhy.problem.code}`, { ...p.refusedWhy.problem }) : ''}</td>
              <td className="num">{p.merge.added.length}</td>
              <td className="num">{p.merge.same.length}</td>
              <td className="num">{p.merge.conflicts.length}</td>
              <td className="num">{p.refusedRows.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.patients.length > MAX_LISTED ? <p>{t('preview.more', { count: plan.patients.length - MAX_LISTED })}</p> : null}
    </>
  );
}

function Done({ view, onClose, onReplace }: { view: Extract<View, { kind: 'done' }>; onClose: () => void; onReplace: (b: IncomingBatch) => void }) {
  const { t } = useTranslation();
  const ts = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'safety', ...o });
  const { plan } = view;
  const totals = planTotals(plan);
  const file = plan.batch.source;
  const session = plan.batch.kind === 'session';
  return (
    <div className="import-done" role="status" data-testid="import-done">
      <p>
        {session ? `${ts('done.restored', { file })} ` : ''}
        {totals.added === 0 && totals.conflicts === 0 && totals.newPatients === 0
          ? ts('done.nothing', { file, same: totals.same })
          : ts('done.imported', { file, added: totals.added, same: totals.same, applied: view.applied, conflicts: totals.conflicts - view.applied, patients: totals.patients, newPatients: totals.newPatients })}
        {' '}<button type="button" className="link" onClick={onClose}>{t('import.dismiss')}</button>
        {session ? <>{' '}<button type="button" className="link" data-testid="replace-all" onClick={() => onReplace(plan.batch)}>{ts('replace.button', { file })}</button></> : null}
      </p>
      {plan.patients.length ? (
        <details>
          <summary>{t('import.imported', { count: plan.patients.length, file })}</summary>
          <ul className="per-patient">
            {plan.patients.slice(0, MAX_LISTED).map((p, k) => (
              <li key={k}>{p.status === 'new' ? ts('done.perPatientNew', { id: p.id, added: p.merge.added.length }) : ts('done.perPatient', { id: p.id, added: p.merge.added.length, same: p.merge.same.length, conflicts: p.merge.conflicts.length })}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {view.warnings.length ? (
        <details>
          <summary>{t('import.warnings', { count: view.warnings.length })}</summary>
          <IssueList issues={view.warnings} />
        </details>
      ) : null}
    </div>
  );
}
