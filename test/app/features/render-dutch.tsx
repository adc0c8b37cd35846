/** Render a component inside a Dutch i18next instance with the app's bundles (English fallback). */
import type React from 'react';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { addBundles } from '../../../src/app/features/proposal/use-strings';

export function renderDutch(ui: React.ReactElement) {
  const i = i18next.createInstance();
  void i.init({ lng: 'nl', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false }, resources: {} });
  addBundles(i);
  return render(<I18nextProvider i18n={i}>{ui}</I18nextProvider>);
}
