/** The clinic's settings: apply to every patient unless the patient overrides them. */
import { useTranslation } from 'react-i18next';
import type { EngineSettings } from '../../../core/engine';
import { SettingsForm } from './SettingsForm';
import { withShownDefaults } from '../../lib/settings';

interface Props {
  clinic: EngineSettings;
  onSave: (s: EngineSettings) => Promise<void>;
}

export function SettingsView({ clinic, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>{t('settings.intro')}</p>
      <SettingsForm value={clinic} inherited={withShownDefaults({ natalizumab: {}, ocrelizumab: {} })} drugs={['natalizumab', 'ocrelizumab']} onSave={onSave} saveLabel={t('settings.save')} />
    </section>
  );
}
