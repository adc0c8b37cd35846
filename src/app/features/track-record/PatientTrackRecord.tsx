/**
 * On a natalizumab patient's card (issue 17): what spread the forecast used (the clinic's calibration,
 * widened for this patient, or the published allowances) and how this patient's last forecasts held
 * (each scored trough against the 80 % interval forecast just before it was drawn).
 */
import { useTranslation } from 'react-i18next';
import type { PatientError, PatientReport } from '../../../core/report/types';
import type { PatientTrack } from '../../../core/natalizumab/clinic-track';
import { formatIso, formatNumber } from '../proposal/format';
import './track-record.css';

/** Scored troughs listed on the card (the most recent). */
const SHOWN = 6;

/** `published`: what to say instead when the forecast is not calibrated for a reason of its own (the SMART view: no calibration in this browser). */
export function CalibrationNote({ report, calibrate, waiting, published, testIdPrefix = '' }: { report: PatientReport | PatientError | undefined; calibrate: boolean; waiting: boolean; published?: string; testIdPrefix?: string }) {
  const { t, i18n } = useTranslation('track');
  const lang = i18n.language;
  if (waiting && !report) return <p className="calibration-note" data-testid="calibration-note">{t('cardWaiting')}</p>;
  if (!report || 'error' in report || report.drug !== 'natalizumab') return null;
  const c = report.options.calibration;
  if (!c) return <p className="calibration-note" data-testid="calibration-note" data-calibrated="false">{published ?? t(calibrate ? 'cardNoTroughs' : 'cardPublished')}</p>;
  const held = c.calibratedCover80 ?? c.cover80;
  return (
    <div className="calibration-note" data-testid={`${testIdPrefix}calibration-note`} data-calibrated="true" data-iov={c.patientIov} data-scale={c.scale ?? 1}>
      <p>{t('cardCalibrated', { troughs: c.troughs, held: held === null ? '–' : formatNumber(held, lang, 2) })}{' '}
        {t('cardSpread', { iov: formatNumber(c.patientIov, lang, 3), published: formatNumber(c.publishedIov, lang, 3), scale: formatNumber(c.scale ?? 1, lang, 2) })}</p>
      {c.patientIov > c.clinicIov ? <p data-testid={`${testIdPrefix}calibration-wider`}>{t('cardCalibratedWider', { clinic: formatNumber(c.clinicIov, lang, 3), patient: formatNumber(c.patientIov, lang, 3) })}</p> : null}
    </div>
  );
}

export function PatientTrackRecord({ track, example }: { track: PatientTrack | undefined; example: boolean }) {
  const { t, i18n } = useTranslation('track');
  const lang = i18n.language;
  return (
    <section className="patient-track" data-testid="patient-track" aria-labelledby="patient-track-title">
      <h3 id="patient-track-title">{t('patientTitle')}</h3>
      {example ? <p className="field-hint">{t('example')}</p> : null}
      {!track ? <p>{t('pending', { count: 1 })}</p> : 'error' in track ? <p>{t('patientNotScored')}</p> : track.scores.length === 0 ? <p>{t('patientNone')}</p> : (
        <>
          <p data-testid="patient-track-summary" data-inside={track.scores.filter((s) => s.inside[1]).length} data-count={track.scores.length}>
            {t('patientSummary', { inside: track.scores.filter((s) => s.inside[1]).length, count: track.scores.length })}</p>
          <table>
            <thead><tr><th scope="col">{t('date')}</th><th scope="col">{t('measured')}</th><th scope="col">{t('forecast')}</th><th scope="col">{t('inside')}</th></tr></thead>
            <tbody>
              {track.scores.slice(-SHOWN).map((s) => (
                <tr key={s.iso} className={s.inside[1] ? undefined : 'outside'}>
                  <td>{formatIso(s.iso, lang)}</td>
                  <td>{s.censored ? t('censored', { value: formatNumber(s.measured, lang) }) : formatNumber(s.measured, lang)}</td>
                  <td>{formatNumber(s.median, lang)} ({formatNumber(s.low80, lang)}–{formatNumber(s.high80, lang)})</td>
                  <td>{t(s.inside[1] ? 'yes' : 'no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
