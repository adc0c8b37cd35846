/**
 * The clinic's track record by calendar quarter (src/core/natalizumab/track-periods.ts): each
 * quarter's troughs against their forecasts, and a warning for a quarter whose troughs read
 * clearly off them (a change of laboratory or assay, troughs drawn at another time, antibodies).
 * The forecasts learn from every trough, so such a change hardly moves the whole record's coverage;
 * the quarter in which it starts shows it.
 */
import { useTranslation } from 'react-i18next';
import type { QuarterRecord } from '../../../core/natalizumab/track-periods';
import { formatNumber, formatPercent } from '../proposal/format';

/** `2023-Q4` in the language's words. */
function quarterLabel(q: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const [year, n] = q.split('-Q');
  return t('quarterLabel', { year, n });
}

/** The median ratio measured ÷ forecast as a signed percentage, formatted as the bias above it (−30%, nl −30 %). */
function ratioText(m: number | null, lang: string): string {
  if (m === null) return '–';
  const x = Math.expm1(m);
  return `${x >= 0.005 ? '+' : x <= -0.005 ? '−' : ''}${formatPercent(Math.abs(x), lang)}`;
}

export function QuarterTable({ quarters }: { quarters: readonly QuarterRecord[] }) {
  const { t, i18n } = useTranslation('track');
  const lang = i18n.language;
  if (!quarters.length) return null;
  const shifted = quarters.filter((q) => q.shift !== null);
  return (
    <>
      <h3>{t('quartersTitle')}</h3>
      {shifted.map((q) => (
        <p key={q.quarter} className="track-record__notice" role="status" data-testid="tr-shift" data-quarter={q.quarter} data-shift={q.shift}>
          {t(q.shift === 'low' ? 'shiftNoticeLow' : 'shiftNoticeHigh', {
            quarter: quarterLabel(q.quarter, t), count: q.shift === 'low' ? q.below : q.above, total: q.below + q.above,
            percent: Math.round(Math.abs(Math.expm1(q.medianLogRatio as number)) * 100),
          })}
        </p>
      ))}
      <p className="field-hint">{t('quartersHelp')}</p>
      <table className="track-record__table" data-testid="tr-quarters">
        <thead>
          <tr><th scope="col">{t('quarter')}</th><th scope="col">{t('scored')}</th><th scope="col">{t('quarterHeld')}</th><th scope="col">{t('quarterMedian')}</th><th scope="col">{t('quarterSides')}</th></tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q.quarter} data-quarter={q.quarter} data-shift={q.shift ?? ''} className={q.shift ? 'track-record__shift' : undefined}>
              <th scope="row">{quarterLabel(q.quarter, t)}{q.shift ? ` (${t(q.shift === 'low' ? 'shiftLow' : 'shiftHigh')})` : ''}</th>
              <td>{q.scored}</td>
              <td>{formatNumber(q.cover80, lang, 2)}</td>
              <td>{ratioText(q.medianLogRatio, lang)}</td>
              <td>{`${q.below} / ${q.above}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
