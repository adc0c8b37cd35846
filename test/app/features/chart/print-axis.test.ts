/**
 * The ocrelizumab chart on the print (200 px high, ~110 px of y axis): its y-axis title fits the
 * axis in both languages. The full Dutch title "CD19+ B-cellen (cellen/µL)" was cut off as
 * "CD19+ B-cellen (cellen/µL" (the third walk's print at 1366×768); the screen keeps the full title.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { buildChart } from '../../../../src/app/features/chart/chart-data';
import chartEn from '../../../../src/i18n/app/chart-en';
import chartNl from '../../../../src/i18n/app/chart-nl';
import walk3En from '../../../../src/i18n/app/walk3-en';
import walk3Nl from '../../../../src/i18n/app/walk3-nl';
import { ocrelizumabReport } from '../fixtures';

function makeT(lng: 'en' | 'nl') {
  const i = i18next.createInstance();
  void i.init({ lng, initAsync: false, interpolation: { escapeValue: false },
    resources: { en: { chart: chartEn, walk3: walk3En }, nl: { chart: chartNl, walk3: walk3Nl } } });
  const t = i.getFixedT(lng, 'chart');
  return (key: string, vars?: Record<string, unknown>) => String(t(key, vars as never));
}
const yTitle = (o: unknown) => (o as { scales: { y: { title: { text: string } } } }).scales.y.title.text;

/** About the longest title (characters, Chart.js's 12 px axis font) the print's y axis holds: the English full title, 24, fits. */
const FITS = 24;

describe('the ocrelizumab chart\'s y-axis title on the print', () => {
  for (const [lang, unit] of [['en', 'cells/µL'], ['nl', 'cellen/µL']] as const) {
    it(`${lang}: short enough for the print's axis, with the unit; the screen keeps the full title`, () => {
      const t = makeT(lang);
      const print = yTitle(buildChart(ocrelizumabReport(), { lang, t, logScale: false, compact: true }).options);
      expect(print.length, print).toBeLessThanOrEqual(FITS - 4);
      expect(print).toContain(`(${unit})`);
      expect(print).toContain('CD19+');
      const screen = yTitle(buildChart(ocrelizumabReport(), { lang, t, logScale: false }).options);
      expect(screen).toBe(lang === 'en' ? 'CD19+ B cells (cells/µL)' : 'CD19+ B-cellen (cellen/µL)');
    });
  }
});
