/** The settings a proposal was computed with, and the model behind it (parameters, sources, fit). */
import type { ModelInfo, ModelParameter } from '../../../core/types';
import type { PatientReport } from '../../../core/report/types';
import { MODELS } from '../../../../models/index';
import { modelText, paramName, unitText } from '../../../i18n/app/models.nl';
import { formatNumber, formatPercent } from './format';
import { Row, Scroll, useTid, weekdayName, type T } from './card-parts';
import { FhirCodesInDetails } from '../fhir/FhirCodes';

export function SettingsList({ report, t, lang }: { report: PatientReport; t: T; lang: string }) {
  const tid = useTid();
  if (report.drug === 'natalizumab') {
    const o = report.options;
    return (
      <dl className="proposal__settings" data-testid={tid('settings')}>
        <Row label={t('settings.target')}>{formatNumber(o.target, lang)} µg/mL</Row>
        <Row label={t('settings.probability')}>{formatPercent(o.probability, lang)}</Row>
        <Row label={t('settings.maxInterval')}>{t('weeks', { count: o.maxIntervalWeeks })}</Row>
        <Row label={t('settings.standardInterval')}>{t('weeks', { count: o.standardIntervalWeeks })}</Row>
        <Row label={t('settings.weekday')}>{weekdayName(o.infusionWeekday, lang, t)}</Row>
        <Row label={t('sample.nextTrough')} testId="next-trough-sample">{t(o.nextTroughSample === 'capillary' ? 'sample.capillary' : 'sample.venous')}</Row>
      </dl>
    );
  }
  const o = report.options;
  return (
    <dl className="proposal__settings" data-testid={tid('settings')}>
      <Row label={t('settings.threshold')}>{formatNumber(o.threshold, lang)} {t('unit.cells')}</Row>
      <Row label={t('settings.labLimit')}>{formatNumber(o.labLimit, lang)} {t('unit.cells')}</Row>
      <Row label={t('settings.window')}>{t('settings.windowValue', { min: formatNumber(o.minWeeks, lang, 1), max: formatNumber(o.maxWeeks, lang, 1) })}</Row>
      <Row label={t('settings.schedule')}>{t('settings.scheduleValue', { first: o.firstCountWeek, every: o.countEveryWeeks, gap: o.minCountGapWeeks })}</Row>
      <Row label={t('settings.quantiles')}>{t('settings.quantilesValue', { redose: formatPercent(o.redoseQuantile, lang), count: formatPercent(o.countQuantile, lang) })}</Row>
    </dl>
  );
}

/** The uncertainty of a parameter's typical value (range and/or SD), when the model gives one. */
function ParamUncertainty({ q, t, lang }: { q: ModelParameter; t: T; lang: string }) {
  const parts: string[] = [];
  if (q.range) parts.push(t('model.range', { low: formatNumber(q.range[0], lang, 4), high: formatNumber(q.range[1], lang, 4) }));
  if (q.sd !== undefined) parts.push(t(q.sdScale === 'log' ? 'model.sdLog' : 'model.sd', { sd: formatNumber(q.sd, lang, 4) }));
  if (parts.length === 0) return null;
  return <span className="proposal__range" data-testid="param-uncertainty"> ({parts.join('; ')})</span>;
}

export function ModelDetails({ report, t, lang, open = false }: { report: PatientReport; t: T; lang: string; open?: boolean }) {
  const tid = useTid();
  const info: ModelInfo | undefined = MODELS[report.model.id];
  const fitLine = report.drug === 'natalizumab'
    ? t('model.fitNat', {
      kind: t(`model.fitKind.${report.fit.kind}`), converged: report.fit.converged ? t('model.converged') : t('model.notConverged'),
      cl: formatNumber(report.fit.individual.clearance_L_per_day, lang, 3), v: formatNumber(report.fit.individual.volume_L, lang),
      half: formatNumber(report.fit.individual.half_life_days, lang),
      // The half-life is the model's at the predicted steady-state trough (Michaelis–Menten: it depends on the level).
      at: formatNumber(report.proposal.predictedTrough.value, lang), weight: formatNumber(report.fit.weightKg, lang),
      weightNote: report.fit.weightGiven ? '' : ` ${t('model.weightAssumed')}`,
    })
    : t('model.fitOcr', { bmax: formatNumber(report.fit.bmax, lang, 0), bmaxNote: report.fit.bmaxFromPatient ? t('model.bmaxPatient') : t('model.bmaxDefault'),
      r: formatNumber(report.fit.growthRatePerWeek.value, lang, 3), rlow: formatNumber(report.fit.growthRatePerWeek.low, lang, 3), rhigh: formatNumber(report.fit.growthRatePerWeek.high, lang, 3) });
  return (
    <section className="proposal__model" data-testid={tid('model')}>
      <h3>{t('model.heading')}</h3>
      <p><strong>{modelText(report.model.name, lang)}</strong> ({report.model.id}, {t('model.version', { version: report.model.version })})</p>
      <p>{fitLine}</p>
      {info && info.sources.length > 0 && (
        <ul className="proposal__sources">{info.sources.map((s) => <li key={s}>{modelText(s, lang)}</li>)}</ul>
      )}
      <details className="proposal__details" data-testid={tid('model-details')} open={open}>
        <summary>{t('model.details')}</summary>
        {info ? (
          <>
            <Scroll label={t('model.details')}><table className="proposal__table">
              <thead><tr><th scope="col">{t('model.param')}</th><th scope="col">{t('model.value')}</th><th scope="col">{t('model.unit')}</th>
                <th scope="col">{t('model.variability')}</th><th scope="col">{t('model.source')}</th><th scope="col">{t('model.status')}</th></tr></thead>
              <tbody>
                {info.parameters.map((q) => (
                  <tr key={q.name} data-status={q.status}>
                    <th scope="row" title={modelText(q.description, lang)}>{paramName(q.name, lang)}</th>
                    <td>{formatNumber(q.value, lang, 4)}<ParamUncertainty q={q} t={t} lang={lang} /></td>
                    <td>{unitText(q.unit, lang)}</td>
                    <td>{q.cv !== undefined ? t('model.cv', { cv: formatPercent(q.cv, lang) }) : '—'}</td>
                    <td>{modelText(q.source, lang)}{q.sources?.length ? `; ${q.sources.map((x) => modelText(x, lang)).join('; ')}` : ''}{q.note ? ` (${modelText(q.note, lang)})` : ''}</td>
                    <td className={`status status--${q.status.replace(/\s+/g, '-')}`}>{t(`model.statusKind.${q.status.replace(/\s+/g, '')}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table></Scroll>
            {info.notes.length > 0 && <ul className="proposal__muted">{info.notes.map((n) => <li key={n}>{modelText(n, lang)}</li>)}</ul>}
            {/* How the intervals and chances are computed, in plain words (no sampler jargon or seeds on the card). */}
            {report.drug === 'natalizumab' ? <p className="proposal__muted" data-testid={tid('sampling')}>{t('model.sampling', { samples: report.options.samples })}</p> : null}
            <FhirCodesInDetails drug={report.drug} testId={tid('fhir-codes')} />
          </>
        ) : <p>{t('model.unknown')}</p>}
      </details>
    </section>
  );
}
