/** A real i18next instance with our bundles, for tests that need `t` outside React. */
import i18next from 'i18next';
import chartEn from '../../../src/i18n/app/chart-en';
import chartNl from '../../../src/i18n/app/chart-nl';
import proposalEn from '../../../src/i18n/app/proposal-en';
import proposalNl from '../../../src/i18n/app/proposal-nl';

export function makeT(ns: 'chart' | 'proposal', lng: 'en' | 'nl') {
  const i = i18next.createInstance();
  void i.init({ lng, initAsync: false, interpolation: { escapeValue: false },
    resources: { en: { chart: chartEn, proposal: proposalEn }, nl: { chart: chartNl, proposal: proposalNl } } });
  const t = i.getFixedT(lng, ns);
  return (key: string, vars?: Record<string, unknown>) => String(t(key, vars as never));
}
