/**
 * The day-care unit's list: every patient with drug, last dose, proposed next dose, next lab date
 * and a status; sortable by any column, searchable by id. Each patient is one row with
 * `data-patient-id`; choosing a row opens the patient beside the list.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredPatient } from '../../storage/db';
import type { ReportEntry } from '../../use-reports';
import { planRow, STATUS_RANK, type PlanRow, type Status } from '../../lib/status';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { formatPercent } from '../proposal/format';

type SortKey = 'id' | 'drug' | 'lastDose' | 'nextDose' | 'nextLab' | 'status';

interface Props {
  patients: StoredPatient[];
  reports: Map<string, ReportEntry>;
  today: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

interface Line extends PlanRow { p: StoredPatient; updating: boolean }

function compare(a: Line, b: Line, key: SortKey): number {
  const str = (x: string | null) => x ?? '\uffff';
  switch (key) {
    case 'id': return a.p.id.localeCompare(b.p.id, undefined, { numeric: true });
    case 'drug': return a.p.record.drug.localeCompare(b.p.record.drug);
    case 'lastDose': return str(a.lastDose).localeCompare(str(b.lastDose));
    case 'nextDose': return str(a.nextDose).localeCompare(str(b.nextDose));
    case 'nextLab': return str(a.nextLab).localeCompare(str(b.nextLab));
    case 'status': return STATUS_RANK[a.status] - STATUS_RANK[b.status] || str(a.nextDose).localeCompare(str(b.nextDose));
  }
}

export function PlanningView({ patients, reports, today, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 } | null>(null);

  const lines = useMemo(() => patients.map((p): Line => {
    const e = reports.get(p.id);
    const row = e?.failure ? { ...planRow(undefined, today), status: 'error' as Status }
      : p.record.doses.length === 0 && e?.report ? { ...planRow(undefined, today), status: 'empty' as Status }
        : planRow(e?.report, today, p.choice);
    // The last dose on record even when no report gives one (cannot plan, not computed yet): "—" read as no doses.
    const lastDose = row.lastDose ?? p.record.doses[p.record.doses.length - 1]?.iso ?? null;
    return { ...row, lastDose, p, updating: !!e?.stale };
  }), [patients, reports, today]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    let out = lines.filter((l) => (!q || l.p.id.toLowerCase().includes(q) || l.p.record.drug.includes(q)) && (!status || l.status === status));
    if (sort) out = [...out].sort((a, b) => sort.dir * compare(a, b, sort.key));
    return out;
  }, [lines, query, status, sort]);

  const counts = useMemo(() => {
    const c: Partial<Record<Status, number>> = {};
    for (const l of lines) c[l.status] = (c[l.status] ?? 0) + 1;
    return c;
  }, [lines]);

  const header = (key: SortKey, label: string) => {
    const active = sort?.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort!.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" onClick={() => setSort(active ? { key, dir: sort!.dir === 1 ? -1 : 1 } : { key, dir: 1 })}>
          {label}<span aria-hidden="true">{active ? (sort!.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  const onRowKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(id); }
  };

  return (
    <section className="planning" aria-labelledby="planning-title">
      <h2 id="planning-title">{t('planning.title')}</h2>
      <div className="toolbar">
        <label>
          {t('planning.search')}{' '}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('planning.searchPlaceholder')} />
        </label>
        <label>
          {t('planning.statusFilter')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('planning.allStatuses', { count: lines.length })}</option>
            {(Object.keys(STATUS_RANK) as Status[]).filter((s) => counts[s]).map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)} ({counts[s]})</option>
            ))}
          </select>
        </label>
      </div>
      {patients.length === 0 ? <p>{t('planning.empty')}</p> : (
        <table className="plan-table">
          <caption className="sr-only">{t('planning.caption')}</caption>
          <thead>
            <tr>
              {header('id', t('planning.patient'))}
              {header('drug', t('planning.drug'))}
              {header('lastDose', t('planning.lastDose'))}
              {header('nextDose', t('planning.nextDose'))}
              {header('nextLab', t('planning.nextLab'))}
              {header('status', t('planning.status'))}
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => (
              <tr key={l.p.id} data-patient-id={l.p.id} aria-selected={l.p.id === selectedId} className={l.p.id === selectedId ? 'selected' : undefined}
                onClick={() => onSelect(l.p.id)}>
                <th scope="row">
                  <a href={`#/p/${l.p.seq}`} onKeyDown={(e) => onRowKey(e, l.p.id)}
                    onClick={(e) => { e.preventDefault(); e.stopPropagation(); onSelect(l.p.id); }}>{l.p.id}</a>
                  {l.p.example ? <> <span className="example-tag" data-testid="example-tag" title={t('example.title', { ns: 'walk' })}>{t('example.mark', { ns: 'walk' })}</span></> : null}
                </th>
                <td>{t(`drug.${l.p.record.drug}`)}</td>
                <td>{l.lastDose ? <time dateTime={l.lastDose}>{formatDisplayDate(l.lastDose.slice(0, 10), lang)}</time> : '—'}</td>
                <td>{l.nextDose ? <time dateTime={l.nextDose} data-testid="planned-dose">{formatDisplayDate(l.nextDose, lang)}</time> : '—'}
                  {l.plan?.chosen ? <span className={`chosen-mark${l.plan.stale ? ' stale' : ''}`} title={t('planning.chosenTitle', { date: formatDisplayDate(l.plan.proposed, lang), reason: l.plan.reason ?? '' })}> {t('planning.chosen')}</span> : null}
                  {l.plan?.risk ? <span className="choice-risk" data-testid="choice-risk" title={t('risk.text', { ns: 'walk', p: formatPercent(l.plan.risk.probability, lang), required: formatPercent(l.plan.risk.required, lang) })}>⚠ {t('risk.short', { ns: 'walk', p: formatPercent(l.plan.risk.probability, lang), required: formatPercent(l.plan.risk.required, lang) })}</span> : null}</td>
                <td>{l.nextLab ? <time dateTime={l.nextLab}>{formatDisplayDate(l.nextLab, lang)}</time> : '—'}</td>
                <td>
                  <span className={`status status-${l.status}`}>{t(`status.${l.status}`)}</span>
                  {l.warnings > 0 && l.status !== 'warning' && l.status !== 'error' ? <span className="warn-count" title={t('planning.warnings', { count: l.warnings })}> ⚠ {l.warnings}</span> : null}
                  {l.updating && l.status !== 'pending' ? <span className="updating"> {t('planning.updating')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {patients.length > 0 && shown.length === 0 ? <p>{t('planning.noMatch')}</p> : null}
    </section>
  );
}
