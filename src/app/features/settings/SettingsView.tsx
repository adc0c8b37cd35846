/** The clinic's settings: apply to every patient unless the patient overrides them. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readClock } from '../entry/schedule';
import type { EngineSettings } from '../../../core/engine';
import { SettingsForm } from './SettingsForm';
import { withShownDefaults } from '../../lib/settings';
import { PriceForm } from '../outcomes/PriceForm';

interface Props {
  clinic: EngineSettings;
  onSave: (s: EngineSettings) => Promise<void>;
  /** The clinic's infusion clock time (`HH:MM`): the default time of a dosing schedule typed in. */
  infusionTime?: string;
  onInfusionTime?: (hhmm: string) => Promise<void>;
  /** The clinic's price per infusion by drug (outcomes view), and where to save it. */
  prices?: Partial<Record<'natalizumab' | 'ocrelizumab', number>>;
  onPrices?: (p: Partial<Record<'natalizumab' | 'ocrelizumab', number>>) => Promise<void>;
}

/** The clinic's usual infusion clock time (an app setting: the engine plans days, not clock times). */
function InfusionTimeForm({ value, onSave }: { value: string; onSave: (hhmm: string) => Promise<void> }) {
  const { t } = useTranslation('clinic');
  const [text, setText] = useState(value);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <form className="infusion-time" onSubmit={(e) => {
      e.preventDefault();
      const hhmm = readClock(text);
      if (!hhmm) { setError(t('form.clockInvalid', { value: text.trim() })); setSaved(false); return; }
      setError('');
      void onSave(hhmm).then(() => { setText(hhmm); setSaved(true); });
    }}>
      <label htmlFor="infusion-time">{t('settings.infusionTime')}</label>{' '}
      <input id="infusion-time" name="infusion_time" value={text} size={5} onChange={(e) => { setText(e.target.value); setSaved(false); }}
        aria-invalid={!!error} aria-describedby="infusion-time-help" />{' '}
      <button type="submit">{t('settings.saveTime')}</button>
      <span id="infusion-time-help" className="field-hint"> {t('settings.infusionTimeHelp')}</span>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {saved ? <span role="status"> {t('settings.timeSaved')}</span> : null}
    </form>
  );
}

export function SettingsView({ clinic, onSave, infusionTime, onInfusionTime, prices, onPrices }: Props) {
  const { t } = useTranslation();
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      {infusionTime && onInfusionTime ? <InfusionTimeForm value={infusionTime} onSave={onInfusionTime} /> : null}
      {prices && onPrices ? <PriceForm value={prices} onSave={onPrices} /> : null}
      <SettingsForm value={clinic} inherited={withShownDefaults({ natalizumab: {}, ocrelizumab: {} })} drugs={['natalizumab', 'ocrelizumab']} onSave={onSave} saveLabel={t('settings.save')} />
    </section>
  );
}
