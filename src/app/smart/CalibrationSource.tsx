/**
 * Where the launched patient's forecast spread comes from (issue 17, item 3, calibration.ts): the
 * clinic's calibration stored in this browser, or the published spread and why, in words, so a
 * proposal from the record never differs silently from the one the clinic's app gives.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PatientTrack } from '../../core/natalizumab/clinic-track';
import type { LaunchCalibration } from './calibration';

const KEYS = { off: 'off', 'no-troughs': 'noTroughs', none: 'none', 'not-current': 'notCurrent' } as const;

export function CalibrationSource({ calibration, track }: { calibration: LaunchCalibration; track: PatientTrack | undefined }) {
  const { t } = useTranslation('smartcal');
  // Calibrated: said once the patient's own troughs are scored (the proposal waits for them too).
  if (calibration.kind === 'clinic' && !track) return null;
  const text = calibration.kind === 'clinic'
    ? t('clinic', { troughs: calibration.clinic.troughs, patients: calibration.clinic.patients, own: track && 'scores' in track ? track.scores.length : 0 })
    : t(KEYS[calibration.kind]);
  return <p className="smart-banner" data-testid="smart-calibration" data-kind={calibration.kind}>{text}</p>;
}

/** The card's note when the forecast is not calibrated for a reason the app itself never has (undefined: the card's own words). */
export function cardPublished(calibration: LaunchCalibration | null, t: TFunction): string | undefined {
  if (calibration?.kind === 'none') return t('cardNone', { ns: 'smartcal' });
  if (calibration?.kind === 'not-current') return t('cardNotCurrent', { ns: 'smartcal' });
  return undefined;
}
