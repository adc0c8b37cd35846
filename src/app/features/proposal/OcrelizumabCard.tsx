/**
 * The ocrelizumab part of the proposal card: the re-dose date, the predicted crossing of the B-cell
 * threshold with its 80 % interval, the counts' trend beside the fit, the BLOOMS-style rule, and the
 * chance of having crossed by each date.
 */
import type { OcrelizumabReport } from '../../../core/report/types';
import { formatIso, formatNumber, formatPercent } from './format';
import { protocolNameText, rationaleText, reasonText } from '../../../i18n/sentences';
import { LateNote, NextDose, Row, Scroll, signed, useTid, type T } from './card-parts';
import { daysBetween } from '../../../core/time';
import { KeepDates } from '../../components/KeepDates';
import { KeepWhole } from '../../components/KeepWhole';

/** Ocrelizumab: the model-free growth of ln(count + 1) beside the logistic fit's own growth over the same weeks. */
function CountTrendRow({ r, t, lang }: { r: OcrelizumabReport; t: T; lang: string }) {
  const tr = r.countTrend;
  if (tr === undefined) return null;
  return (
    <Row label={t('ocrTrend.label')} testId="count-trend">
      {tr === null ? t('ocrTrend.none') : (
        <>
          {t('ocrTrend.value', { rate: signed(tr.ratePerWeek, lang, 3), low: signed(tr.low, lang, 3), high: signed(tr.high, lang, 3), count: tr.counts.length, fitted: signed(tr.fittedRatePerWeek, lang, 3) })}
          {': '}<strong data-disagrees={tr.disagrees}>{t(tr.disagrees ? 'ocrTrend.disagrees' : 'ocrTrend.agrees')}</strong>
        </>
      )}
    </Row>
  );
}

/** Rows of P(count ≥ threshold) worth showing: from the plan day until the crossing is near certain. */
export function probabilityRows(r: OcrelizumabReport, max = 16): { date: string; probability: number }[] {
  const rows = r.probabilityByDate.filter((x) => x.date >= r.asOf);
  const out: { date: string; probability: number }[] = [];
  for (const row of rows) {
    out.push(row);
    if (row.probability >= 0.97 || out.length >= max) break;
  }
  return out;
}

export function OcrelizumabBody({ r, t, lang, compact }: { r: OcrelizumabReport; t: T; lang: string; compact: boolean }) {
  const tid = useTid();
  const p = r.proposal;
  const threshold = formatNumber(r.threshold.value, lang);
  return (
    <>
      {p.dueNow && <p className="issue issue--warning" data-testid={tid('due-now')}><KeepWhole text={t('ocr.dueNow', { threshold })} /></p>}
      <LateNote r={r} lang={lang} />
      <dl className="proposal__main">
        <Row label={t('ocr.nextDose')}><NextDose iso={p.nextDose} lang={lang} extra={t('ocr.weeksSince', { count: p.weeksSinceLastDose })} /></Row>
        <Row label={<KeepWhole text={t('ocr.crossing', { threshold })} />} testId="predicted-crossing">
          <strong>{formatIso(p.predictedCrossing, lang)}</strong>{' '}
          <span className="proposal__range"><KeepDates text={`(${t('range80', { low: formatIso(p.predictedCrossingLow, lang), high: formatIso(p.predictedCrossingHigh, lang) })})`} /></span>
        </Row>
        <Row label={t('ocr.crossingWeeks')}>
          {t('ocr.weeksRange', { value: formatNumber(r.fit.crossingWeeks.value, lang, 1), low: formatNumber(r.fit.crossingWeeks.low, lang, 1), high: formatNumber(r.fit.crossingWeeks.high, lang, 1) })}
        </Row>
        <CountTrendRow r={r} t={t} lang={lang} />
        <Row label={t('ocr.nextCount')} testId="next-count"><strong>{formatIso(p.nextBcellCheck, lang)}</strong></Row>
        <Row label={t('ocr.basis')}>{t(`ocr.basisKind.${r.fit.basis}`, { count: r.fit.countsUsed, previous: r.fit.previousCycleCountsUsed })}</Row>
        <Row label={t('lastDose')}>{formatIso(r.lastDose, lang)}</Row>
      </dl>
      {p.reason && <p className="proposal__reason" data-testid={tid('reason')}><KeepWhole text={reasonText(r, lang)} /></p>}
      <section className="proposal__protocol" data-testid={tid('protocol')}>
        <h3>{t('protocol.heading', { name: protocolNameText(r, lang) })}</h3>
        <p>{t('protocol.nextCount', { date: formatIso(r.protocol.nextCount, lang) })}</p>
        <p className="proposal__muted" data-testid={tid('rationale')}><KeepWhole text={rationaleText(r, lang)} /></p>
      </section>
      <section className="proposal__alternatives">
        <h3><KeepWhole text={t('ocr.probHeading', { threshold })} /></h3>
        <Scroll label={t('ocr.probHeading', { threshold })}><table className="proposal__table" data-testid={tid('alternatives')}>
          <thead><tr><th scope="col">{t('ocr.date')}</th><th scope="col">{t('ocr.weeksAfter')}</th><th scope="col">{t('ocr.probability', { threshold })}</th></tr></thead>
          <tbody>
            {probabilityRows(r, compact ? 8 : 16).map((row) => (
              <tr key={row.date} className={row.date === p.nextDose ? 'is-proposed' : ''}>
                <th scope="row">{formatIso(row.date, lang)}</th>
                <td>{r.lastDose ? formatNumber(weeksBetween(r.lastDose, row.date), lang, 1) : '–'}</td>
                <td>{formatPercent(row.probability, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table></Scroll>
      </section>
    </>
  );
}

function weeksBetween(fromIso: string, toIso: string): number {
  return Math.round(daysBetween(fromIso, toIso) / 7 * 10) / 10;
}
