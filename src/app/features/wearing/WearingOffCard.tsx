/**
 * The wearing-off part of the patient's card (issue 19), read from the one report object: how many
 * intervals had wearing-off, each report with its onset, the weeks since the dose and the predicted
 * concentration (natalizumab) or count (ocrelizumab) there with its 80 % interval, and whether the
 * onset moved as the interval changed. For natalizumab, the patient's own floor (the median
 * predicted concentration at the onsets); when it lies above the target the card offers it as a
 * personal target, set only when the clinician chooses it with a reason (an undoable per-patient
 * setting, shown on the card afterwards). The proposal never changes the target by itself.
 */
import { useId, useState } from 'react';
import type { PatientReport } from '../../../core/report/types';
import type { EngineSettings } from '../../../core/engine';
import { formatIso, formatNumber } from '../proposal/format';
import { useStrings } from '../proposal/use-strings';
import './wearing.css';
import { unitText } from '../../../i18n/catalog';

export interface WearingOffCardProps {
  report: PatientReport;
  /** The patient's own settings (overrides of the clinic's). */
  overrides: EngineSettings;
  /** Save the patient's settings (undoable); absent: the offer is not shown (print). */
  onOverrides?: (o: EngineSettings) => Promise<void>;
  /** Prefix of every test id (the printed copy: `print-`), so the screen's card keeps its own. */
  testIdPrefix?: string;
}

export function WearingOffCard({ report, overrides, onOverrides, testIdPrefix = '' }: WearingOffCardProps) {
  const { t, lang } = useStrings('wearing');
  const id = useId();
  const w = report.wearingOff;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const tid = (name: string) => `${testIdPrefix}${name}`;
  if (!w) return null;
  const nat = report.drug === 'natalizumab';
  const n = (x: number) => formatNumber(x, lang);
  const weeks = (x: number) => formatNumber(x, lang, 1);
  const c = w.change;
  const changeText = c.kind === 'too-few' ? t('card.changeTooFew') : t(`card.change${c.kind[0].toUpperCase()}${c.kind.slice(1)}`, {
    first: weeks(c.first!.weeksSinceDose), firstDate: formatIso(c.first!.date, lang), latest: weeks(c.latest!.weeksSinceDose), latestDate: formatIso(c.latest!.date, lang),
    extended: c.extended ? t('card.extended') : t('card.notExtended'),
  });
  const target = nat ? report.target.value : null;
  const reasonShown = nat ? report.options.targetReason : undefined;
  const floor = w.floor;
  const choose = async () => {
    if (!onOverrides || floor === undefined) return;
    if (reason.trim() === '') { setError(t('card.reasonRequired')); return; }
    setError('');
    await onOverrides({ ...overrides, natalizumab: { ...overrides.natalizumab, target: floor, targetReason: reason.trim() } });
    setOpen(false);
  };
  return (
    <section className="card wearing-off-card" aria-labelledby={`${id}-title`} data-testid={tid('wearing-off-card')}>
      <h3 id={`${id}-title`}>{t('card.title')}</h3>
      <p data-testid={tid('wearing-off-intervals')}>
        {w.reports.length ? t('card.intervals', { with: w.intervalsWithWearingOff, count: w.intervals, without: w.intervalsWithout }) : t('card.none', { without: w.intervalsWithout })}
      </p>
      {w.reports.length ? (
        <table className="wearing-off-card__table">
          <thead>
            <tr>
              <th scope="col">{t('card.onset')}</th><th scope="col">{t('card.intensity')}</th><th scope="col">{t('card.weeks')}</th>
              <th scope="col">{t('card.interval')}</th><th scope="col">{t(nat ? 'card.concentration' : 'card.count')}</th>
            </tr>
          </thead>
          <tbody>
            {w.reports.map((r) => {
              const v = nat ? r.concentration : r.count;
              return (
                <tr key={r.iso} data-onset={r.iso}>
                  <td><time dateTime={r.iso}>{formatIso(r.iso, lang)}</time></td>
                  <td>{`${r.score} ${t(`score.${r.score}`)}`}</td>
                  <td className="num">{weeks(r.weeksSinceDose)}</td>
                  <td className="num">{r.intervalWeeks === null ? t('card.open') : weeks(r.intervalWeeks)}</td>
                  <td className="num" data-testid={tid('wearing-off-value')}>{v ? `${n(v.value)} ${unitText(nat ? 'µg/mL' : 'cells/µL', lang)} (${n(v.low)}–${n(v.high)})` : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {w.reports.length ? <p data-testid={tid('wearing-off-change')}>{changeText}</p> : null}
      {w.beforeFirstDose ? <p className="field-hint">{t('card.beforeFirst', { count: w.beforeFirstDose })}</p> : null}
      {nat && floor !== undefined && target !== null ? (
        <p data-testid={tid('wearing-off-floor')}>{t('card.floor', { floor: n(floor), count: w.reports.length, target: n(target) })}</p>
      ) : null}
      {reasonShown ? <p className="wearing-off-card__chosen" data-testid={tid('personal-target')}>{t('card.chosen', { value: n(target!), reason: reasonShown })}</p> : null}
      {nat && w.aboveTarget && floor !== undefined ? (
        <div className="wearing-off-card__offer" data-testid={tid('personal-target-offer')}>
          <p>{t('card.floorAbove')}</p>
          {onOverrides && !open ? (
            <button type="button" data-testid={tid('choose-personal-target')} onClick={() => { setOpen(true); setReason(t('card.defaultReason', { floor: n(floor) })); }}>
              {t('card.choose', { floor: n(floor) })}
            </button>
          ) : null}
          {onOverrides && open ? (
            <form onSubmit={(e) => { e.preventDefault(); void choose(); }}>
              <label htmlFor={`${id}-reason`}>{t('card.reason')}</label>{' '}
              <input id={`${id}-reason`} name="target_reason" value={reason} onChange={(e) => setReason(e.target.value)} size={40}
                aria-invalid={!!error} aria-describedby={error ? `${id}-reason-error` : undefined} />{' '}
              <button type="submit" data-testid={tid('confirm-personal-target')}>{t('card.confirm')}</button>{' '}
              <button type="button" onClick={() => { setOpen(false); setError(''); }}>{t('card.cancel')}</button>
              {error ? <p className="field-error" role="alert" id={`${id}-reason-error`}>{error}</p> : null}
            </form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
