/**
 * The clinic's track record (issue 17, item 2): how the forecasts held on the clinic's own
 * natalizumab troughs (coverage of the 50/80/95 % intervals, PIT histogram, bias, counts), the
 * same numbers as `tdm track-record` on the same patients (computed by the core in the worker,
 * src/core/natalizumab/clinic-track.ts), and the calibration the forecasts take from them, with
 * its setting.
 */
import { useTranslation } from 'react-i18next';
import type { TrackRecordState } from '../../use-track-record';
import { formatNumber, formatPercent } from '../proposal/format';
import { TRACK_RECORD_LEVELS } from '../../../core/natalizumab/track-record';
import { QuarterTable } from './QuarterTable';
import './track-record.css';

interface Props {
  track: TrackRecordState;
  calibrate: boolean;
  onCalibrate: (on: boolean) => void;
  onOpen: (id: string) => void;
}

/** Two decimals, as the command line prints them to three. */
const share = (x: number | null, lang: string) => (x === null ? '–' : formatNumber(x, lang, 2));

export function TrackRecordView({ track, calibrate, onCalibrate, onOpen }: Props) {
  const { t, i18n } = useTranslation('track');
  const lang = i18n.language;
  const c = track.clinic;
  const s = c?.summary;
  const notScored = [...track.tracks].filter(([, tr]) => 'error' in tr).map(([id]) => id);
  const max = s ? Math.max(1, ...s.pitHistogram) : 1;
  return (
    <section className="track-record" aria-labelledby="track-title" data-testid="track-record">
      <h2 id="track-title">{t('title')}</h2>
      <p className="field-hint">{t('intro')}</p>
      {track.pending > 0 ? <p role="status" data-testid="track-pending">{t('pending', { count: track.pending })}</p> : null}
      {!s ? null : s.scored === 0 ? <p data-testid="track-none">{t('none')}</p> : (
        <>
          <dl className="track-record__counts">
            <div><dt>{t('scored')}</dt><dd data-testid="tr-scored">{s.scored}</dd></div>
            <div><dt>{t('patients')}</dt><dd data-testid="tr-patients">{s.patients}</dd></div>
            <div><dt>{t('bias')}</dt><dd data-testid="tr-bias" data-value={s.medianLogRatio ?? ''}>{biasText(s.medianLogRatio, lang, t)}</dd></div>
          </dl>
          <table className="track-record__table">
            <caption>{t('coverage')}</caption>
            <thead><tr><th scope="col">{t('interval')}</th><th scope="col">{t('nominal')}</th><th scope="col">{t('held')}</th></tr></thead>
            <tbody>
              {TRACK_RECORD_LEVELS.map((level, i) => {
                const v = [s.cover50, s.cover80, s.cover95][i];
                return (
                  <tr key={level}>
                    <th scope="row">{t('level', { level: Math.round(level * 100) })}</th>
                    <td>{share(level, lang)}</td>
                    <td data-testid={`tr-cover${Math.round(level * 100)}`} data-value={v ?? ''}>{share(v, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3>{t('pitTitle')}</h3>
          <p className="field-hint">{t('pitHelp')}</p>
          <div className="track-record__pit" aria-hidden="true">
            {s.pitHistogram.map((n, i) => <div key={i} className="track-record__bar" style={{ height: `${(100 * n) / max}%` }} title={String(n)} />)}
          </div>
          <table className="track-record__table track-record__pit-table" data-testid="tr-pit" data-counts={JSON.stringify(s.pitHistogram)}>
            <thead><tr>{s.pitHistogram.map((_, i) => <th key={i} scope="col">{t('pitBin', { from: formatNumber(i / 10, lang, 1), to: formatNumber((i + 1) / 10, lang, 1) })}</th>)}</tr></thead>
            <tbody><tr>{s.pitHistogram.map((n, i) => <td key={i}>{n}</td>)}</tr></tbody>
          </table>
          <QuarterTable quarters={c.quarters} />
        </>
      )}
      {notScored.length ? (
        <>
          <h3>{t('notScored')}</h3>
          <ul data-testid="tr-not-scored">{notScored.map((id) => <li key={id}><button type="button" className="link" onClick={() => onOpen(id)}>{id}</button></li>)}</ul>
        </>
      ) : null}
      <h3>{t('calibrationTitle')}</h3>
      <label className="track-record__setting">
        <input type="checkbox" data-testid="calibrate-setting" checked={calibrate} onChange={(e) => onCalibrate(e.target.checked)} />{' '}{t('setting')}
      </label>
      <p className="field-hint">{t('settingHelp')}</p>
      <p data-testid="tr-calibration">{calibrate ? t('calibrationOn') : t('calibrationOff')}</p>
      {c && c.clinic.troughs > 0 ? (
        <p data-testid="tr-spread" data-iov={c.clinic.iov} data-scale={c.clinic.scale ?? 1}>{t('calibrationSpread', {
          troughs: c.clinic.troughs, iov: formatNumber(c.clinic.iov, lang, 3), published: formatNumber(c.clinic.publishedIov, lang, 3), scale: formatNumber(c.clinic.scale ?? 1, lang, 2),
          calibrated: share(c.clinic.calibratedCover80, lang), held: share(c.clinic.cover80, lang),
        })}</p>
      ) : null}
    </section>
  );
}

/** The median log ratio as a percentage: exp(m) − 1, with its direction. */
function biasText(m: number | null, lang: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (m === null) return '–';
  const pct = Math.expm1(m);
  if (Math.abs(pct) < 0.005) return t('biasNone');
  return t('biasValue', { percent: `${pct > 0 ? '+' : '−'}${formatPercent(Math.abs(pct), lang)}`, direction: t(pct > 0 ? 'biasHigh' : 'biasLow') });
}
