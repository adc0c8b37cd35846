/**
 * The import's views: the preview of a file before it is saved, the per-patient plan, what was
 * saved, and the list of a file's messages.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Issue } from '../../../core/types';
import { issueText } from '../../../i18n/sentences';
import { FhirIgnored } from '../fhir/FhirIgnored';
import { conflictId, planTotals, type ImportPlan, type IncomingBatch } from '../../lib/import-plan';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { rowValue } from '../../lib/row-value';
import type { StoredPatient } from '../../storage/db';
import { KeepDates } from '../../components/KeepDates';

/**
 * A sentence said when shown, in the screen's language then (a language switch says it anew), as
 * the status line's messages (src/app/shell/use-messages.ts).
 */
export type Say = (t: TFunction, lang: Lang) => string;

export type View =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string }
  /** `against`: the patients on record the plan was made with (re-planned when they change). */
  | { kind: 'preview'; plan: ImportPlan; chosen: ReadonlySet<string>; against: readonly StoredPatient[] }
  | { kind: 'done'; plan: ImportPlan; applied: number; warnings: Issue[] }
  | { kind: 'ask-replace'; batch: IncomingBatch; removes: string[] }
  | { kind: 'replaced'; file: string; count: number }
  | { kind: 'failed'; file: string; message: Say; issues?: Issue[] };

export const MAX_LISTED = 200;

export function IssueList({ issues }: { issues: Issue[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? (a.line ?? 0) - (b.line ?? 0) : a.severity === 'error' ? -1 : 1));
  return (
    <>
      <ul className="issue-list">
        {sorted.slice(0, MAX_LISTED).map((i, k) => (
          <li key={k} className={`issue-${i.severity}`}><span className="sev">{t(`severity.${i.severity}`)}</span> <KeepDates text={issueText(i, i18n.language)} /></li>
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

export interface ImportPreviewProps {
  plan: ImportPlan;
  chosen: ReadonlySet<string>;
  setChosen: (next: Set<string>) => void;
  /** The confirmed plan is being saved (the button waits). */
  saving?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  onAskReplace: (b: IncomingBatch) => void;
}

/** Patients listed open in the preview; a longer list is collapsed under its count. */
export const OPEN_PLAN_ROWS = 8;

/**
 * What a file would do, before anything is saved: per patient what is added, already there, in
 * conflict (ticked to apply) or refused; ids that look personal; the file's messages. The focus
 * goes to the one button that saves, so Enter confirms; Escape cancels (nothing saved).
 */
export function ImportPreview({ plan, chosen, setChosen, saving = false, onConfirm, onCancel, onAskReplace }: ImportPreviewProps) {
  const { t, i18n } = useTranslation();
  const ts = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'safety', ...o });
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const id = useId();
  const totals = planTotals(plan);
  const issues = batchIssues(plan.batch);
  const all = plan.patients.flatMap((p) => p.merge.conflicts.map((c) => ({ p, c, key: conflictId(p.id, c) })));
  const usable = plan.patients.filter((p) => p.status !== 'refused').length;
  // New patients whose id looks like a name, a date of birth or a BSN: said before anything is saved.
  const personal = plan.patients.filter((p) => p.personal !== undefined);
  const tf = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'importflow', ...o });
  const rowsLabel = totals.refused > 0 ? t('import.confirm', { count: usable })
    : totals.added === 0 && totals.newPatients === 0 ? tf('saveOnly') : ts('preview.apply', { count: totals.added });
  const apply = useRef<HTMLButtonElement>(null);
  useEffect(() => { apply.current?.focus(); }, []);
  return (
    <div className="preview" role="dialog" aria-labelledby={`${id}-pv`} aria-describedby={`${id}-keys`} data-testid="import-preview"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <h3 id={`${id}-pv`}>{ts('preview.title', { file: plan.batch.source })}</h3>
      <p data-testid="import-summary">{ts('preview.summary', { patients: totals.patients, added: totals.added, same: totals.same, conflicts: totals.conflicts, refused: totals.refused + totals.refusedPatients })} {ts('preview.nothingSaved')}</p>
      <p>
        <button type="button" className="primary" data-testid="import-apply" ref={apply} aria-disabled={saving || undefined}
          onClick={() => { if (!saving) onConfirm(); }}>
          {saving ? tf('saving') : chosen.size ? ts('preview.applyWithConflicts', { rows: rowsLabel, count: chosen.size }) : rowsLabel}
        </button>{' '}
        <button type="button" data-testid="import-cancel" onClick={onCancel}>{ts('preview.cancel')}</button>
        {plan.batch.kind === 'session' ? <>{' '}<button type="button" data-testid="replace-all" onClick={() => onAskReplace(plan.batch)}>{ts('replace.button', { file: plan.batch.source })}</button></> : null}
        {' '}<span className="hint" id={`${id}-keys`}>{tf('keys')}</span>
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
}

/** Per patient: on record or new, rows to add, already there, conflicts, refused. */
function PlanTable({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation('safety');
  return (
    <details className="plan-details" open={plan.patients.length <= OPEN_PLAN_ROWS} data-testid="import-plan-details">
      <summary>{t('perPatient', { ns: 'importflow', count: plan.patients.length })}</summary>
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
    </details>
  );
}

export function Done({ view, onClose, onReplace }: { view: Extract<View, { kind: 'done' }>; onClose: () => void; onReplace: (b: IncomingBatch) => void }) {
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
      <FhirIgnored issues={batchIssues(plan.batch)} />
      {view.warnings.length ? (
        <details>
          <summary>{t('import.warnings', { count: view.warnings.length })}</summary>
          <IssueList issues={view.warnings} />
        </details>
      ) : null}
    </div>
  );
}
