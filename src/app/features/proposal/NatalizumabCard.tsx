/**
 * The natalizumab part of the proposal card: the interval and next dose, the predicted troughs and
 * the chances of reaching the target, finger-prick samples, the PDNMS rule and the troughs' trend
 * beside it, and every interval considered.
 */
import type { NatalizumabReport } from '../../../core/report/types';
import { formatIso, formatNumber, formatPercent } from './format';
import { issueText, protocolNameText, rationaleText, reasonText } from '../../../i18n/sentences';
import { Interval, LateNote, NextDose, Passed, Row, Scroll, signed, useTid, type T } from './card-parts';
import { KeepDates } from '../../components/KeepDates';

/** The engine's `below-target-at-4-weeks` warning, said first and prominently: no interval reaches the target. */
export const BELOW_TARGET_CODE = 'below-target-at-4-weeks';

function BelowTarget({ r, lang }: { r: NatalizumabReport; lang: string }) {
  const tid = useTid();
  const w = r.warnings.find((x) => x.code === BELOW_TARGET_CODE);
  if (!w) return null;
  return <p className="issue issue--warning proposal__below-target" role="note" data-testid={tid('below-target')}><KeepDates text={issueText(w, lang)} /></p>;
}

/** Most finger-prick levels named on the card (the latest). */
export const SAMPLE_NOTES_MAX = 6;

/** Which troughs were finger-prick (capillary) samples, and whether the next one is planned as a home finger-prick. */
export function SampleNotes({ r, t, lang }: { r: NatalizumabReport; t: T; lang: string }) {
  const tid = useTid();
  const capillary = r.observations.filter((o) => o.kind === 'level' && o.sample === 'capillary');
  const home = r.options.nextTroughSample === 'capillary';
  if (capillary.length === 0 && !home) return null;
  // The latest few, with how many earlier ones there are (a home-sampling patient collects dozens).
  const shown = capillary.slice(-SAMPLE_NOTES_MAX);
  const earlier = capillary.length - shown.length;
  const dates = shown.map((o) => `${formatIso(o.iso.slice(0, 10), lang)} (${o.censored ? '<' : ''}${formatNumber(o.value, lang)} µg/mL)`).join(', ')
    + (earlier > 0 ? ` ${t('sample.earlier', { count: earlier })}` : '');
  return (
    <div className="proposal__samples">
      {capillary.length > 0 && <p data-testid={tid('capillary-levels')}>{t('sample.capillaryLevels', { count: capillary.length, dates })}</p>}
      {home && <p data-testid={tid('home-prick')}><strong>{t('sample.homePrick')}</strong></p>}
    </div>
  );
}

/** The model-free trend of the troughs (Theil–Sen of ln trough, src/core/natalizumab/trend.ts), beside the rule. */
function TroughTrendNote({ r, t, lang }: { r: NatalizumabReport; t: T; lang: string }) {
  const tid = useTid();
  const tr = r.trend;
  if (tr === undefined || r.fit.kind === 'population') return null;
  if (tr === null) return <p className="proposal__muted" data-testid={tid('trend')} data-trend="none"><strong>{t('trend.label')}</strong>: {t('trend.none')}</p>;
  const parts = [t('trend.value', { pct: signed(tr.percentPerMonth, lang, 0), low: signed(tr.low, lang, 0), high: signed(tr.high, lang, 0), count: tr.troughs.length, weeks: tr.intervalWeeks })];
  if (!tr.distributionFree) parts.push(t('trend.few'));
  if (tr.censoredLeftOut > 0) parts.push(t('trend.censored', { count: tr.censoredLeftOut }));
  return (
    <p className={tr.falling ? 'issue issue--warning' : 'proposal__muted'} data-testid={tid('trend')} data-trend={tr.falling ? 'falling' : 'not-falling'}>
      <strong>{t('trend.label')}</strong>: {parts.join('; ')}: <strong>{t(tr.falling ? 'trend.falling' : 'trend.notFalling')}</strong>
    </p>
  );
}

export function NatalizumabBody({ r, t, lang }: { r: NatalizumabReport; t: T; lang: string }) {
  const tid = useTid();
  const p = r.proposal;
  const unit = 'µg/mL';
  const target = formatNumber(r.target.value, lang);
  // Reports stored before the field existed required the same of both troughs.
  const requiredSs = p.requiredSteadyState ?? r.options.probability;
  const requiredNext = p.requiredNext ?? r.options.probability;
  return (
    <>
      <BelowTarget r={r} lang={lang} />
      <LateNote r={r} lang={lang} />
      <dl className="proposal__main">
        <Row label={t('nat.nextDose')}><NextDose iso={p.nextDose} lang={lang} /></Row>
        <Row label={t('nat.interval')} testId="interval">
          <strong>{t('weeks', { count: p.intervalWeeks })}</strong>{' '}
          <span>{p.extended ? t('nat.extended', { weeks: r.options.standardIntervalWeeks }) : t('nat.standard')}</span>
        </Row>
        <Row label={t('nat.ssTrough')} testId="predicted-trough"><Interval v={p.predictedTrough} lang={lang} unit={unit} t={t} /></Row>
        <Row label={t('nat.pSteady', { target })} testId="probability"><strong>{formatPercent(p.probabilityAboveTarget, lang)}</strong>{' '}
          <span className="proposal__range">({t('nat.required', { p: formatPercent(requiredSs, lang) })})</span></Row>
        <Row label={t('nat.nextTrough')}><Interval v={p.nextTrough} lang={lang} unit={unit} t={t} />{'; '}
          {t('nat.pShort', { target, p: formatPercent(p.probabilityNextAboveTarget, lang) })}
          {requiredSs !== requiredNext ? <span className="proposal__range"> ({t('nat.required', { p: formatPercent(requiredNext, lang) })})</span> : null}</Row>
        <Row label={t('lastDose')}>{formatIso(r.lastDose, lang)}</Row>
      </dl>
      <SampleNotes r={r} t={t} lang={lang} />
      {p.reason && <p className="proposal__reason" data-testid={tid('reason')}>{reasonText(r, lang)}</p>}
      <section className="proposal__protocol" data-testid={tid('protocol')}>
        <h3>{t('protocol.heading', { name: protocolNameText(r, lang) })}</h3>
        <p><strong>{t('weeks', { count: r.protocol.intervalWeeks })}</strong>, {t('protocol.nextDose', { date: formatIso(r.protocol.nextDose, lang) })}<Passed r={r} date={r.protocol.nextDose} />
          {r.protocol.intervalWeeks === p.intervalWeeks ? ` (${t('protocol.agrees')})` : ` (${t('protocol.differs')})`}</p>
        <p className="proposal__muted" data-testid={tid('rationale')}>{rationaleText(r, lang)}</p>
        <TroughTrendNote r={r} t={t} lang={lang} />
      </section>
      <section className="proposal__alternatives">
        <h3>{t('alternatives.heading')}</h3>
        <Scroll label={t('alternatives.heading')}><table className="proposal__table" data-testid={tid('alternatives')}>
          <thead>
            <tr>
              <th scope="col">{t('alternatives.interval')}</th>
              <th scope="col">{t('alternatives.nextDose')}</th>
              <th scope="col">{t('alternatives.ssTrough')}</th>
              <th scope="col">{t('alternatives.pSteady', { target })}</th>
              <th scope="col">{t('alternatives.nextTrough')}</th>
              <th scope="col">{t('alternatives.pNext', { target })}</th>
            </tr>
          </thead>
          <tbody>
            {r.alternatives.map((a) => (
              <tr key={a.weeks} className={[a.weeks === p.intervalWeeks ? 'is-proposed' : '', a.acceptable ? 'is-acceptable' : 'is-unacceptable'].join(' ')}
                data-weeks={a.weeks}>
                <th scope="row">{t('weeks', { count: a.weeks })}{a.weeks === p.intervalWeeks ? ` (${t('alternatives.proposed')})` : ''}</th>
                <td>{formatIso(a.nextDose, lang)}<Passed r={r} date={a.nextDose} /></td>
                <td>{formatNumber(a.ssTrough.value, lang)} <span className="proposal__range">({formatNumber(a.ssTrough.low, lang)}–{formatNumber(a.ssTrough.high, lang)})</span></td>
                <td>{formatPercent(a.pSteadyState, lang)}{a.pSteadyState >= requiredSs ? null : <>{' '}<span className="proposal__low">{t('alternatives.belowRequired')}</span></>}</td>
                <td>{formatNumber(a.nextTrough.value, lang)} <span className="proposal__range">({formatNumber(a.nextTrough.low, lang)}–{formatNumber(a.nextTrough.high, lang)})</span></td>
                <td>{formatPercent(a.pNext, lang)}{a.pNext >= requiredNext ? null : <>{' '}<span className="proposal__low">{t('alternatives.belowRequired')}</span></>}</td>
              </tr>
            ))}
          </tbody>
        </table></Scroll>
        <p className="proposal__muted">{t('alternatives.note', { unit })}</p>
        {p.longerNotForecast ? <p className="proposal__muted" data-testid={tid('not-forecast')}>{t('alternatives.notForecast')}</p> : null}
      </section>
    </>
  );
}

