/**
 * One printable page per patient: pseudonym, the data used, the chart, the proposal with the
 * protocol and warnings, the model, and the disclaimer. Shown only when printing (print.css);
 * PrintButton mounts it and calls window.print().
 */
import type { PatientReport } from '../../../core/report/types';
import type { EngineSettings } from '../../../core/engine';
import { ForecastChart } from '../chart/ForecastChart';
import { ProposalCard } from '../proposal/ProposalCard';
import { WearingOffCard } from '../wearing/WearingOffCard';
import { CalibrationNote } from '../track-record/PatientTrackRecord';
import type { Choice } from '../proposal/choices';
import { plannedDose } from '../../lib/plan';
import { formatIso, formatNumber } from '../proposal/format';
import { useStrings } from '../proposal/use-strings';
import './print.css';
import { unitText } from '../../../i18n/catalog';

export interface PrintReportProps {
  report: PatientReport;
  settings: EngineSettings;
  choice?: Choice | null;
  /** `YYYY-MM-DD` of printing (the app's clock; shown in the footer). */
  printedOn?: string;
  /** Most rows of the data table on the page (latest kept; the number left out is stated). @default 12 (one A4 page with the card and chart) */
  maxRows?: number;
  /** An example patient (said on the card). */
  example?: boolean;
}

interface DataRow { time: number; iso: string; event: string; value: string; note: string }

export function dataRows(report: PatientReport, t: (k: string) => string, lang: string): DataRow[] {
  const rows: (DataRow & { rank: number })[] = [];
  for (const d of report.doses) {
    const route = 'route' in d ? ` ${String(d.route).toUpperCase()}` : '';
    rows.push({ time: d.time, iso: d.iso, event: t('print.kind.dose'), value: `${formatNumber(d.amountMg, lang)} mg${route}`, note: '', rank: 1 });
  }
  for (const o of report.observations) {
    const unit = unitText(o.kind === 'level' ? 'µg/mL' : 'cells/µL', lang);
    const capillary = o.kind === 'level' && o.sample === 'capillary' ? ` (${t('sample.printTag')})` : '';
    rows.push({ time: o.time, iso: o.iso, event: `${t(`print.kind.${o.kind}`)}${capillary}`, value: `${o.censored ? '<' : ''}${formatNumber(o.value, lang)} ${unit}`, note: o.note ?? '', rank: 0 });
  }
  // At one time the sample before the dose: a level at the infusion time was drawn just before it.
  return rows.sort((a, b) => a.time - b.time || a.rank - b.rank).map(({ rank: _rank, ...r }) => r);
}

export function PrintReport({ report, settings, choice, printedOn, maxRows = 12, example = false }: PrintReportProps) {
  const { t, lang } = useStrings('proposal');
  const rows = dataRows(report, t, lang);
  const shown = rows.slice(Math.max(0, rows.length - maxRows));
  const left = rows.length - shown.length;
  return (
    <article className="print-report" data-testid="print-report">
      <header className="print-report__header">
        <h1>{t('print.title', { id: report.patientId })}</h1>
        <p><strong>{t('print.pseudonym')}:</strong> {report.patientId} · {t(`drug.${report.drug}`)} · {t('asOf', { date: formatIso(report.asOf, lang) })}</p>
      </header>
      <section className="print-report__chart" aria-label={t('print.chart')}>
        <ForecastChart report={report} width={700} height={200} hideControls testId="print-forecast-chart" planned={choice ? plannedDose(report, choice) : null} />
      </section>
      <div className="print-report__body">
        {/* The screen's card stays on the page while printing: this copy's test ids are prefixed so none is duplicated. */}
        <ProposalCard report={report} settings={settings} choice={choice} compact testIdPrefix="print-" example={example} />
        {/* A forecast whose spread came from the clinic's troughs says so on paper as on the screen: its intervals are not the published model's. */}
        {report.drug === 'natalizumab' && report.options.calibration ? <CalibrationNote report={report} calibrate waiting={false} testIdPrefix="print-" /> : null}
        {/* The patient's wearing-off reports with the predicted concentration or count at each onset (issue 19); no offer on paper. */}
        <WearingOffCard report={report} overrides={settings} testIdPrefix="print-" />
        <section className="print-report__data">
          <h3>{t('print.data')}</h3>
          {left > 0 && <p className="proposal__muted">{t('print.omitted', { count: left })}</p>}
          <table className="proposal__table" data-testid="print-data">
            <thead><tr><th scope="col">{t('print.time')}</th><th scope="col">{t('print.event')}</th><th scope="col">{t('print.value')}</th><th scope="col">{t('print.note')}</th></tr></thead>
            <tbody>
              {shown.map((r, i) => (
                <tr key={`${r.iso}-${i}`}><td>{formatIso(r.iso, lang)}{r.iso.length > 10 ? ` ${r.iso.slice(11, 16)}` : ''}</td><td>{r.event}</td><td>{r.value}</td><td className="note">{r.note}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <footer className="print-report__footer">
        {t('print.printed', { date: formatIso(printedOn ?? report.asOf, lang), schema: report.schemaVersion, model: report.model.id, version: report.model.version })}
      </footer>
    </article>
  );
}

export default PrintReport;
