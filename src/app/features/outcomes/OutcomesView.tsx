/**
 * The clinic's outcomes for a period and a drug (issue 19): the same core function as
 * `tdm outcomes` (src/core/outcomes.ts) over the patients on record, with the clinic's target and
 * threshold, and the drug cost avoided only when a price per infusion has been entered in the
 * settings. Printable on its own, exportable as CSV (the core's one writer, with a BOM; `;` and
 * decimal comma in Dutch), with a chart of infusions per month against the standard schedule.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drug } from '../../../core/types';
import type { EngineSettings } from '../../../core/engine';
import { clinicOutcomes, type DrugOutcomes } from '../../../core/outcomes';
import type { StoredPatient } from '../../storage/db';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { downloadText } from '../../lib/download';
import { readDate } from '../entry/schedule';
import { displayMonth } from '../../../i18n/display';
import './outcomes.css';

const OutcomesChart = lazy(() => import('./OutcomesChart'));

export interface OutcomesViewProps {
  patients: StoredPatient[];
  clinic: EngineSettings;
  prices?: Partial<Record<Drug, number>>;
  today: string;
}

/** The rows of the table and the CSV: a code (the CSV's measure), the shown label and value. */
interface Measure { code: string; label: string; value: number; text: string }

function measures(o: DrugOutcomes, drug: Drug, target: number, threshold: number, t: (k: string, v?: Record<string, unknown>) => string, lang: Lang): Measure[] {
  const num = (x: number, d = 0) => new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: d, minimumFractionDigits: d }).format(x);
  const share = (k: number, of: number) => t('outcomes.share', { count: num(k), pct: of > 0 ? num((100 * k) / of) : '–' });
  const m: Measure[] = [
    { code: 'patients', label: t('outcomes.patients'), value: o.patients, text: num(o.patients) },
    { code: 'infusions', label: t('outcomes.infusions'), value: o.infusions, text: num(o.infusions) },
    { code: 'standard_infusions', label: t('outcomes.standard'), value: o.standard_infusions, text: num(o.standard_infusions) },
    { code: 'infusions_avoided', label: t('outcomes.avoided'), value: o.infusions_avoided, text: num(o.infusions_avoided) },
  ];
  if (drug === 'ocrelizumab') m.push({ code: 'infusion_visits', label: t('outcomes.infusionVisits'), value: o.infusion_visits, text: num(o.infusion_visits) });
  m.push(
    { code: 'hospital_visits', label: t('outcomes.visits'), value: o.hospital_visits, text: num(o.hospital_visits) },
    { code: 'hospital_visits_avoided', label: t('outcomes.visitsAvoided'), value: o.hospital_visits_avoided, text: num(o.hospital_visits_avoided) },
  );
  if (drug === 'natalizumab') {
    m.push({ code: 'troughs', label: t('outcomes.troughs'), value: o.troughs!, text: num(o.troughs!) });
    m.push({ code: 'troughs_at_target', label: t('outcomes.troughsAtTarget', { target: num(target, target % 1 ? 1 : 0) }), value: o.troughs_at_target!, text: share(o.troughs_at_target!, o.troughs!) });
  } else {
    m.push({ code: 'bcell_counts_at_redose', label: t('outcomes.counts'), value: o.bcell_counts_at_redose!, text: num(o.bcell_counts_at_redose!) });
    m.push({ code: 'bcell_counts_below_threshold', label: t('outcomes.countsBelow', { threshold: num(threshold, threshold % 1 ? 1 : 0) }), value: o.bcell_counts_below_threshold!, text: share(o.bcell_counts_below_threshold!, o.bcell_counts_at_redose!) });
  }
  m.push({ code: 'intervals_with_wearing_off', label: t('outcomes.wearingOff'), value: o.intervals_with_wearing_off, text: num(o.intervals_with_wearing_off) });
  if (o.cost_avoided !== undefined && o.price_per_infusion !== undefined) {
    m.push({ code: 'cost_avoided', label: t('outcomes.cost'), value: o.cost_avoided, text: t('outcomes.costValue', { value: num(o.cost_avoided, 2), price: num(o.price_per_infusion, 2) }) });
  }
  return m;
}

export function OutcomesView({ patients, clinic, prices, today }: OutcomesViewProps) {
  const { t: tw, i18n } = useTranslation('wearing');
  const t = useCallback((k: string, v?: Record<string, unknown>) => tw(k, v ?? {}), [tw]);
  const tApp = useTranslation().t;
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const id = useId();
  const [fromText, setFrom] = useState(formatDisplayDate(`${today.slice(0, 4)}-01-01`, lang));
  const [toText, setTo] = useState(formatDisplayDate(today, lang));
  const [drug, setDrug] = useState<Drug>('natalizumab');
  const from = readDate(fromText);
  const to = readDate(toText);
  const bad = !from || !to || to < from;
  const target = clinic.natalizumab.target ?? 10;
  const threshold = clinic.ocrelizumab.threshold ?? 10;
  const result = useMemo(() => (bad ? null : clinicOutcomes(patients.map((p) => p.record), from!, to!, { target, threshold, ...(prices ? { pricePerInfusion: prices } : {}) })),
    [patients, from, to, bad, target, threshold, prices]);
  const o = result?.[drug];
  const rows = o ? measures(o, drug, target, threshold, t, lang) : [];
  const d = (iso: string) => formatDisplayDate(iso, lang);
  const monthLabel = useCallback((m: string) => displayMonth(m, lang), [lang]);
  const chartLabels = useMemo(() => ({ given: t('outcomes.chartGiven'), standard: t('outcomes.chartStandard'), axis: t('outcomes.chartAxis'), title: t('outcomes.chartTitle') }), [t]);

  useEffect(() => () => document.body.classList.remove('printing-outcomes'), []);
  const print = () => {
    document.body.classList.add('printing-outcomes');
    const after = () => { document.body.classList.remove('printing-outcomes'); window.removeEventListener('afterprint', after); };
    window.addEventListener('afterprint', after);
    window.print();
  };
  const exportCsv = async () => {
    if (!o || bad) return;
    const { writeCsvTable } = await import('../../../core/records/index');
    const dec = (x: number) => (lang === 'nl' ? String(x).replace('.', ',') : String(x));
    const data: string[][] = rows.map((r) => [from!, to!, drug, r.code, '', dec(r.value)]);
    if (o.price_per_infusion !== undefined) data.push([from!, to!, drug, 'price_per_infusion', '', dec(o.price_per_infusion)]);
    for (const m of o.by_month) {
      data.push([from!, to!, drug, 'infusions', m.month, String(m.infusions)]);
      data.push([from!, to!, drug, 'standard_infusions', m.month, String(m.standard_infusions)]);
    }
    const text = writeCsvTable(['from', 'to', 'drug', 'measure', 'month', 'value'], data, { dialect: lang === 'nl' ? 'semicolon' : 'comma', bom: true });
    downloadText(`ms-interval-outcomes-${drug}-${from}-${to}.csv`, text, 'text/csv;charset=utf-8');
  };

  return (
    <section className="outcomes" aria-labelledby={`${id}-title`} data-testid="outcomes">
      <h2 id={`${id}-title`}>
        <span className="screen-only">{t('outcomes.title')}</span>
        <span className="print-only">{!bad ? t('outcomes.printedTitle', { drug: tApp(`drug.${drug}`), from: d(from!), to: d(to!) }) : ''}</span>
      </h2>
      <p className="no-print">{t('outcomes.intro')}</p>
      <div className="outcomes__range no-print">
        <label>{t('outcomes.from')} <input name="from" value={fromText} onChange={(e) => setFrom(e.target.value)} size={11} aria-invalid={!from} /></label>
        <label>{t('outcomes.to')} <input name="to" value={toText} onChange={(e) => setTo(e.target.value)} size={11} aria-invalid={!to || bad} /></label>
        <label>{t('outcomes.drug')}{' '}
          <select name="drug" value={drug} onChange={(e) => setDrug(e.target.value as Drug)} data-testid="outcomes-drug">
            <option value="natalizumab">{tApp('drug.natalizumab')}</option>
            <option value="ocrelizumab">{tApp('drug.ocrelizumab')}</option>
          </select>
        </label>
        <button type="button" data-testid="print-outcomes" onClick={print} disabled={bad || !o}>{t('outcomes.print')}</button>
        <button type="button" data-testid="export-outcomes" onClick={() => void exportCsv()} disabled={bad || !o}>{t('outcomes.export')}</button>
      </div>
      {!from || !to ? <p role="alert" className="field-error">{t('outcomes.dateInvalid', { value: (!from ? fromText : toText).trim() })}</p>
        : to < from ? <p role="alert" className="field-error">{t('outcomes.badRange')}</p> : null}
      {!bad && !o ? <p data-testid="outcomes-empty">{t('outcomes.empty', { drug: tApp(`drug.${drug}`), from: d(from!), to: d(to!) })}</p> : null}
      {o ? (
        <>
          <table className="outcomes__table" data-testid="outcomes-table">
            <thead><tr><th scope="col">{t('outcomes.measure')}</th><th scope="col">{t('outcomes.value')}</th></tr></thead>
            <tbody>
              {rows.map((r) => <tr key={r.code} data-measure={r.code}><th scope="row">{r.label}</th><td className="num">{r.text}</td></tr>)}
            </tbody>
          </table>
          {o.cost_avoided === undefined ? <p className="field-hint" data-testid="outcomes-no-price">{t('outcomes.noPrice')}</p> : null}
          <h3>{t('outcomes.chartTitle')}</h3>
          <Suspense fallback={<p>{tApp('patient.loadingChart')}</p>}>
            <OutcomesChart months={o.by_month} monthLabel={monthLabel} labels={chartLabels}
              summary={t('outcomes.chartSummary', { given: o.infusions, standard: o.standard_infusions, from: d(from!), to: d(to!) })} />
          </Suspense>
        </>
      ) : null}
    </section>
  );
}
