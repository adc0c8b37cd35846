/**
 * The clinic-day list: every patient due for an infusion or a lab between two dates, with the
 * dose as planned (the clinician's choice where one is recorded, else the model's proposal), its
 * status and warnings. Printable on its own (the rest of the page is hidden while printing) and
 * exportable as CSV through the core's one writer.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredPatient } from '../../storage/db';
import type { ReportEntry } from '../../use-reports';
import { planRow, isError } from '../../lib/status';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { addDays } from '../../../core/time';
import { downloadText } from '../../lib/download';
import { issueText, errorText } from '../../../i18n/sentences';
import { readDate } from '../entry/schedule';
import { planningWords } from '../../lib/plan-export';
import { formatPercent } from '../proposal/format';
import './clinic-day.css';
import { KeepDates } from '../../components/KeepDates';

export interface Appointment {
  date: string;
  id: string;
  drug: 'natalizumab' | 'ocrelizumab';
  what: 'infusion' | 'lab';
  chosen: boolean;
  stale: boolean;
  reason: string | null;
  proposed: string;
  status: string;
  warnings: string[];
  /** Computed on older data (a newer computation is on its way). */
  outdated: boolean;
  /** Planned before the range and before today, listed because the range starts today or earlier: still to be done. */
  overdue: boolean;
  /** A choice below the required probability: its chance and the one required. */
  risk: { probability: number; required: number } | null;
}

/**
 * The appointments between `from` and `to` (inclusive, `YYYY-MM-DD`), by date then patient. When
 * the range starts today or earlier, appointments already past (overdue) are listed too, first.
 * Example patients are left out unless `withExamples`.
 */
export function appointments(patients: StoredPatient[], reports: Map<string, ReportEntry>, today: string, from: string, to: string, lang: Lang, withExamples = false): Appointment[] {
  const out: Appointment[] = [];
  for (const p of patients) {
    if (p.example && !withExamples) continue;
    const e = reports.get(p.id);
    const report = e?.report;
    if (!report || isError(report)) continue;
    const row = planRow(report, today, p.choice);
    const plan = row.plan!;
    const warnings = report.warnings.filter((w) => w.severity !== 'info').map((w) => issueText(w, lang));
    const base = { id: p.id, drug: report.drug, chosen: plan.chosen, stale: plan.stale, reason: plan.reason, proposed: plan.proposed, status: row.status, warnings, outdated: !!e?.outdated, risk: plan.risk };
    const overdue = (d: string) => d < from && d < today && from <= today;
    const inRange = (d: string | null): d is string => !!d && ((d >= from && d <= to) || overdue(d));
    // An appointment already past is overdue, whatever the patient's other date says (never "te laat" and "binnenkort" at once).
    const at = (date: string) => ({ date, overdue: overdue(date), status: overdue(date) || date < today ? 'overdue' : row.status });
    if (inRange(plan.date)) out.push({ ...base, ...at(plan.date), what: 'infusion' });
    // Natalizumab: the trough is drawn just before the infusion (one appointment). Ocrelizumab: the count is its own.
    if (report.drug === 'ocrelizumab' && inRange(plan.lab) && plan.lab !== plan.date) out.push({ ...base, ...at(plan.lab), what: 'lab' });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id.localeCompare(b.id, undefined, { numeric: true })));
}

interface Props {
  patients: StoredPatient[];
  reports: Map<string, ReportEntry>;
  today: string;
  pending: number;
  onOpen: (id: string) => void;
}

export function ClinicDayView({ patients, reports, today, pending, onOpen }: Props) {
  const { t, i18n } = useTranslation('clinic');
  const tApp = useTranslation().t;
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const id = useId();
  const [fromText, setFrom] = useState(formatDisplayDate(today, lang));
  const [toText, setTo] = useState(formatDisplayDate(addDays(today, 7), lang));
  const [withExamples, setWithExamples] = useState(false);
  const tw = useTranslation('walk').t;
  const from = readDate(fromText);
  const to = readDate(toText);
  const bad = !from || !to || to < from;
  const list = useMemo(() => (bad ? [] : appointments(patients, reports, today, from!, to!, lang, withExamples)), [patients, reports, today, from, to, bad, lang, withExamples]);
  const examples = patients.filter((p) => p.example).length;
  const unplanned = patients.filter((p) => { const r = reports.get(p.id)?.report; return r && isError(r); });
  const d = (iso: string) => formatDisplayDate(iso, lang);

  useEffect(() => () => document.body.classList.remove('printing-day'), []);
  const print = () => {
    document.body.classList.add('printing-day');
    const after = () => { document.body.classList.remove('printing-day'); window.removeEventListener('afterprint', after); };
    window.addEventListener('afterprint', after);
    window.print();
  };
  const exportCsv = async () => {
    const { writeCsvTable } = await import('../../../core/records/index');
    // A Dutch user's list is Dutch: column names, words, statuses and dates (English keeps the codes).
    const w = lang === 'nl' ? planningWords(tApp, 'nl') : null;
    // A choice below the required probability says so in numbers, as in the planning CSV (whole percent).
    const pct = (x: number | undefined) => (x === undefined ? '' : String(Math.round(x * 100)));
    const rows = list.map((a) => [w ? w.date(a.date) : a.date, a.id, a.drug, w ? tApp(`clinicDay.${a.what}`, { ns: 'plain' }) : a.what, w ? w.plannedBy(a.chosen ? 'clinician' : 'model') : a.chosen ? 'clinician' : 'model',
      a.reason ?? '', a.chosen ? (w ? w.date(a.proposed) : a.proposed) : '', a.stale ? (w?.yes ?? 'yes') : (w?.no ?? 'no'), w ? w.status(a.status) : a.status, a.warnings.join('; '),
      pct(a.risk?.probability), pct(a.risk?.required)]);
    const text = writeCsvTable(w ? tApp('clinicDay.columns', { ns: 'plain' }).split(',') : ['date', 'patient_id', 'drug', 'what', 'planned_by', 'reason', 'model_next_dose', 'chosen_on_older_data', 'status', 'warnings', 'choice_probability_percent', 'required_probability_percent'], rows,
      lang === 'nl' ? { dialect: 'semicolon', bom: true } : {});
    downloadText(`ms-interval-clinic-day-${from}-${to}.csv`, text, 'text/csv;charset=utf-8');
  };

  return (
    <section className="clinic-day" aria-labelledby={`${id}-title`} data-testid="clinic-day">
      <h2 id={`${id}-title`}>
        <span className="screen-only">{t('day.title')}</span>
        <span className="print-only">{!bad ? t('day.printedTitle', { from: d(from!), to: d(to!) }) : ''}</span>
      </h2>
      <p className="no-print">{t('day.intro')}</p>
      <div className="clinic-day__range no-print">
        <label>{t('day.from')} <input name="from" value={fromText} onChange={(e) => setFrom(e.target.value)} size={11} aria-invalid={!from} /></label>
        <label>{t('day.to')} <input name="to" value={toText} onChange={(e) => setTo(e.target.value)} size={11} aria-invalid={!to || bad} /></label>
        <button type="button" data-testid="print-day" onClick={print} disabled={bad}>{t('day.print')}</button>
        <button type="button" data-testid="export-day" onClick={() => void exportCsv()} disabled={bad || list.length === 0}>{t('day.export')}</button>
        {examples > 0 ? (
          <label className="clinic-day__examples">
            <input type="checkbox" data-testid="day-show-examples" checked={withExamples} onChange={(e) => setWithExamples(e.target.checked)} /> {tw('example.showOnDay')}
          </label>
        ) : null}
      </div>
      {examples > 0 && !withExamples ? <p className="no-print proposal__muted" data-testid="day-examples-hidden">{tw('example.hiddenOnDay', { count: examples })}</p> : null}
      {!from || !to ? <p role="alert" className="field-error">{t('form.dateInvalid', { value: (!from ? fromText : toText).trim() })}</p>
        : to < from ? <p role="alert" className="field-error">{t('day.badRange')}</p> : null}
      {pending > 0 ? <p className="notice" role="status">{t('day.computing', { count: pending })}</p> : null}
      {!bad && list.length === 0 ? <p>{t('day.empty', { from: d(from!), to: d(to!) })}</p> : null}
      {!bad && list.length > 0 ? (
        <table className="clinic-day__table">
          <caption>{t('day.count', { count: list.length, from: d(from!), to: d(to!) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('day.date')}</th><th scope="col">{t('day.patient')}</th><th scope="col">{t('day.drug')}</th>
              <th scope="col">{t('day.what')}</th><th scope="col">{t('day.option')}</th><th scope="col">{t('day.status')}</th><th scope="col">{t('day.warnings')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={`${a.id}-${a.what}`} data-day-patient={a.id} data-what={a.what} data-overdue={a.overdue ? 'true' : undefined}
                className={a.stale || a.outdated || a.overdue ? 'attention' : undefined}>
                <td><time dateTime={a.date}>{d(a.date)}</time>{a.overdue ? <strong className="overdue"> {t('day.overdue')}</strong> : null}</td>
                <th scope="row"><a href="#/day" onClick={(e) => { e.preventDefault(); onOpen(a.id); }}>{a.id}</a></th>
                <td>{t(`drug.${a.drug}`)}</td>
                <td>{a.what === 'infusion' ? `${t('day.infusion')}${a.drug === 'natalizumab' ? ` (${t('day.labTrough')})` : ''}` : t('day.labCount')}</td>
                <td>{a.chosen ? (a.stale ? t('day.chosenStale', { date: d(a.proposed), reason: a.reason ?? '' }) : t('day.chosen', { reason: a.reason ?? '' })) : t('day.proposal')}
                  {a.risk ? <strong className="choice-risk" data-testid="day-choice-risk"> {tw('risk.text', { p: formatPercent(a.risk.probability, lang), required: formatPercent(a.risk.required, lang) })}</strong> : null}</td>
                <td>{tApp(`status.${a.status}`)}{a.outdated ? ` · ${tApp('planning.updating')}` : ''}</td>
                <td>{a.warnings.length ? <ul>{a.warnings.map((w, k) => <li key={k}><KeepDates text={w} /></li>)}</ul> : t('day.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {unplanned.length ? (
        <div className="clinic-day__unplanned">
          <h3>{tApp('status.error')}</h3>
          <ul>
            {unplanned.map((p) => { const r = reports.get(p.id)!.report!; return <li key={p.id}><strong>{p.id}</strong>: {isError(r) ? errorText(r, lang) : ''}</li>; })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
