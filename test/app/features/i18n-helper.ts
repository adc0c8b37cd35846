/** A real i18next instance with our bundles, for tests that need `t` outside React. */
import i18next from 'i18next';
import chartEn from '../../../src/app/i18n/chart-en';
import chartNl from '../../../src/app/i18n/chart-nl';
import proposalEn from '../../../src/app/i18n/proposal-en';
import proposalNl from '../../../src/app/i18n/proposal-nl';

export function makeT(ns: 'chart' | 'proposal', lng: 'en' | 'nl') {
  const i = i18next.createInstance();
  void i.init({ lng, initAsync: false, interpolation: { escapeValue: false },
    resources: { en: { chart: chartEn, proposal: proposalEn }, nl: { chart: chartNl, proposal: proposalNl } } });
  const t = i.getFixedT(lng, ns);
  return (key: string, vars?: Record<string, unknown>) => String(t(key, vars as never));
}
