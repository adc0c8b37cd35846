/**
 * The ocrelizumab chart's line labels (re-dose, plan day, predicted crossing, next count) are
 * stacked a label's height apart in pixels (session 9's walk: placed at shares of the height, the
 * "Plan day" label covered the re-dose date on the print's short chart, read as "26-12-28").
 */
import { expect, it } from 'vitest';
import { buildChart } from '../../../../src/app/features/chart/chart-data';
import { ocrelizumabReport } from '../fixtures';
import { makeT } from '../i18n-helper';

type Label = { position?: unknown; yAdjust?: number; content?: string };
type Ann = Record<string, { type: string; label?: Label }>;

it('stacks the vertical lines\' labels from the top at least a label\'s height (17 px) apart, whatever the chart\'s height', () => {
  const b = buildChart(ocrelizumabReport(), { lang: 'en', t: makeT('chart', 'en'), logScale: false });
  const ann = (b.options.plugins as { annotation: { annotations: Ann } }).annotation.annotations;
  const stacked = ['redose', 'asOf', 'crossing', 'nextCount'].filter((k) => ann[k]).map((k) => ({ k, label: ann[k].label! }));
  expect(stacked.length).toBeGreaterThanOrEqual(3);
  // Every one measured from the same place (the top), in pixels, not at a share of the height.
  for (const { k, label } of stacked) expect(label.position, k).toBe('end');
  const offsets = stacked.map(({ label }) => label.yAdjust ?? 0).sort((a, b) => a - b);
  for (let i = 1; i < offsets.length; i++) expect(offsets[i] - offsets[i - 1]).toBeGreaterThanOrEqual(17);
});
