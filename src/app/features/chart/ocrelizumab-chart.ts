/** The ocrelizumab chart: the predicted B-cell count with its band, the counts, doses, the threshold and its predicted crossing, the re-dose and the next count. */
import type { ChartDataset, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { OcrelizumabReport } from '../../../core/report/types';
import { parseAsOfDate } from '../../../core/time';
import { formatIso, formatNumber, isoToDays } from '../proposal/format';
import { chosenLine, LOG_FLOOR, COLORS, curveDatasets, observationDatasets, doseDataset, wearingOffMarks, vline, hline, extent, baseOptions, signed, trendDataset, type Pt, type BuildOptions, type BuiltChart } from './chart-parts';

/** Pixels between two stacked line labels: an 11 px font with its padding, and a little air. */
export const LABEL_STEP = 19;

export function buildOcrelizumab(r: OcrelizumabReport, o: BuildOptions): BuiltChart {
  const { t, lang, logScale: log } = o;
  const floor = LOG_FLOOR.ocrelizumab;
  const datasets: ChartDataset<'line', Pt[]>[] = [];
  const bands = new Set<number>();
  if (r.curve.length > 0) {
    bands.add(0); bands.add(1);
    datasets.push(...curveDatasets(r.curve, log, floor, t('series.fit'), t('series.band'), COLORS.proposed, COLORS.proposedBand, 2, undefined));
  }
  if (r.countTrend) {
    datasets.push(trendDataset(r.countTrend.line, log, floor, t('trend.ocrelizumab', { rate: signed(r.countTrend.ratePerWeek, lang, 3) }), COLORS.trend));
  }
  const obsStart = datasets.length;
  datasets.push(...observationDatasets(r.observations, log, floor, t('series.counts'), t('series.censored')));
  const doseIndex = datasets.length;
  if (r.doses.length > 0) datasets.push(doseDataset(r.doses, t('series.doses')));
  // Wearing-off on the count curve, at the predicted count (drawn at the axis top when above it).
  const top = Math.ceil(Math.max(4 * r.threshold.value, ...r.observations.map((ob) => 1.3 * ob.value)) / 5) * 5;
  const wearing = (r.wearingOff?.reports ?? []).filter((x) => x.count);
  const wearingIndex = wearing.length ? datasets.length : -1;
  const wearingNotes: Record<string, AnnotationOptions> = {};
  if (wearing.length) {
    const cap = (y: number) => (log ? y : Math.min(y, top));
    datasets.push(wearingOffMarks(wearing.map((x) => ({ x: x.time, y: cap(x.count!.value), low: cap(x.count!.low), high: cap(x.count!.high) })),
      t('wearing:chart.series'), log, floor, wearingNotes));
  }

  const p = r.proposal;
  const cross = isoToDays(p.predictedCrossing), crossLo = isoToDays(p.predictedCrossingLow), crossHi = isoToDays(p.predictedCrossingHigh);
  const redose = isoToDays(p.nextDose), count = isoToDays(p.nextBcellCheck);
  const xs: number[] = [...r.doses.map((d) => d.time), ...r.observations.map((ob) => ob.time), ...r.curve.map((c) => c.time), ...wearing.map((x) => x.time)];
  for (const x of [cross, crossLo, crossHi, redose, count]) if (x !== null) xs.push(x);
  const chosen = chosenLine(o, p.nextDose, xs);
  const [lo, hi] = extent(xs);
  const xmin = Math.floor(lo) - 7, xmax = Math.ceil(hi) + 7;

  const annotations: Record<string, AnnotationOptions> = {
    threshold: hline(r.threshold.value, COLORS.target, t('line.threshold', { value: formatNumber(r.threshold.value, lang) })),
  };
  if (crossLo !== null && crossHi !== null) {
    annotations.crossingBand = {
      type: 'box', xMin: crossLo, xMax: crossHi, backgroundColor: COLORS.crossingBand, borderWidth: 0, drawTime: 'beforeDatasetsDraw',
      label: { display: true, content: t('line.crossingBand'), position: { x: 'center', y: 'end' }, yAdjust: -4, color: COLORS.crossing, font: { size: 11 } },
    };
  }
  // Labels at different heights, so lines a few weeks apart do not print over each other: stacked
  // down from the top one label's height apart (shares of the height overlapped on the print's short chart).
  if (cross !== null) annotations.crossing = vline(cross, COLORS.crossing, t('line.crossing', { date: formatIso(p.predictedCrossing, lang) }), [2, 2], 'end', 2 * LABEL_STEP);
  if (redose !== null) annotations.redose = vline(redose, COLORS.redose, t('line.redose', { date: formatIso(p.nextDose, lang) }), [6, 3], 'end');
  if (chosen) annotations.chosen = chosen;
  Object.assign(annotations, wearingNotes);
  if (count !== null) annotations.nextCount = vline(count, COLORS.count, t('line.nextCount', { date: formatIso(p.nextBcellCheck, lang) }), [4, 4], 'end', 3 * LABEL_STEP);
  const asOf = parseAsOfDate(r.asOf);
  if (asOf !== null) annotations.asOf = vline(asOf, COLORS.asOf, t('line.asOf', { date: formatIso(r.asOf, lang) }), [2, 3], 'end', LABEL_STEP);

  const unit = t('unit.count');
  const label = (item: TooltipItem<'line'>) => {
    const ds = item.dataset.label ?? '';
    if (item.datasetIndex === doseIndex) {
      const d = r.doses[item.dataIndex];
      return t('tooltip.dose', { amount: formatNumber(d.amountMg, lang), route: 'IV' });
    }
    if (item.datasetIndex === wearingIndex) {
      const w = wearing[item.dataIndex];
      return t('wearing:chart.tooltipOcr', { score: t(`wearing:score.${w.score}`), date: formatIso(w.iso, lang), weeks: formatNumber(w.weeksSinceDose, lang, 1),
        value: formatNumber(w.count!.value, lang), low: formatNumber(w.count!.low, lang), high: formatNumber(w.count!.high, lang) });
    }
    if (item.datasetIndex >= obsStart && item.datasetIndex < doseIndex && ds === t('series.censored')) {
      const ob = r.observations.filter((x) => x.censored)[item.dataIndex];
      return `${ds}: ${t('tooltip.below', { value: formatNumber(ob.value, lang), unit })}`;
    }
    return `${ds}: ${formatNumber(item.parsed.y ?? NaN, lang)} ${unit}`;
  };
  const options = baseOptions(o, xmin, xmax, o.compact ? t('axis.countShort', { ns: 'walk3' }) : t('axis.count'), floor, bands, label);
  options.plugins!.annotation = { annotations };
  if (!log) {
    // What matters is the approach to the threshold: show up to 4× the threshold (or the highest
    // count), and let the repopulated plateau run off the top rather than flatten the start.
    (options.scales!.y as { max?: number }).max = top;
  }

  const measured = r.observations.filter((x) => !x.censored);
  const summary = t('summary.ocrelizumab', {
    id: r.patientId, counts: r.observations.length, censored: r.observations.length - measured.length,
    threshold: formatNumber(r.threshold.value, lang), crossing: formatIso(p.predictedCrossing, lang),
    low: formatIso(p.predictedCrossingLow, lang), high: formatIso(p.predictedCrossingHigh, lang),
    redose: formatIso(p.nextDose, lang), count: formatIso(p.nextBcellCheck, lang),
  }) + (wearing.length ? ' ' + t('wearing:chart.summary', { count: wearing.length }) : '');
  return { data: { datasets }, options, summary, ariaLabel: t('aria.ocrelizumab', { id: r.patientId }), bandIndices: [...bands] };
}
