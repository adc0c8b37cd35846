/** The natalizumab chart: predicted concentration with its band, the troughs (venous and finger-prick), doses, the target, the proposal and the troughs' trend. */
import type { ChartDataset, PointStyle, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { NatalizumabReport } from '../../../core/report/types';
import { parseAsOfDate } from '../../../core/time';
import { formatDay, formatIso, formatNumber, isoToDays } from '../proposal/format';
import { chosenLine, LOG_FLOOR, COLORS, clampForLog, curveDatasets, isCapillary, observationDatasets, doseDataset, wearingOffMarks, vline, hline, extent, baseOptions, signed, trendDataset, type Pt, type BuildOptions, type BuiltChart } from './chart-parts';

export function buildNatalizumab(r: NatalizumabReport, o: BuildOptions): BuiltChart {
  const { t, lang, logScale: log } = o;
  const floor = LOG_FLOOR.natalizumab;
  const datasets: ChartDataset<'line', Pt[]>[] = [];
  const bands = new Set<number>();
  const addCurve = (ds: ChartDataset<'line', Pt[]>[]) => {
    bands.add(datasets.length); bands.add(datasets.length + 1);
    datasets.push(...ds);
  };
  if (r.curve.history.length > 0) {
    addCurve(curveDatasets(r.curve.history, log, floor, t('series.history'), t('series.band'), COLORS.history, COLORS.historyBand, 1.5, undefined));
  }
  const proposed = r.curve.forecasts.find((f) => f.weeks === r.proposal.intervalWeeks);
  if (proposed && proposed.points.length > 0) {
    addCurve(curveDatasets(proposed.points, log, floor, t('series.forecastProposed', { weeks: proposed.weeks }), t('series.bandProposed'),
      COLORS.proposed, COLORS.proposedBand, 2.5, undefined));
  }
  r.curve.forecasts.filter((f) => f !== proposed && f.points.length > 0).forEach((f, i) => {
    const c = COLORS.alternatives[i % COLORS.alternatives.length];
    datasets.push({ label: t('series.forecastAlt', { weeks: f.weeks }), data: f.points.map((p) => ({ x: p.time, y: clampForLog(p.value, log, floor) })),
      borderColor: c, backgroundColor: c, borderWidth: 1.25, borderDash: [5, 4], pointRadius: 0, pointHitRadius: 4, pointStyle: 'line' as PointStyle, fill: false,
      // Shown on demand (click its legend entry): five overlapping forecasts hide the proposed one.
      hidden: true });
  });
  if (r.trend) {
    const pct = signed(r.trend.percentPerMonth, lang, 0);
    datasets.push(trendDataset(r.trend.line, log, floor, t(r.trend.falling ? 'trend.falling' : 'trend.natalizumab', { pct }), r.trend.falling ? COLORS.trendFalling : COLORS.trend));
  }
  const obsStart = datasets.length;
  datasets.push(...observationDatasets(r.observations, log, floor, t('series.measured'), t('series.censored'),
    { measured: t('series.capillary'), censored: t('series.capillaryCensored') }));
  const doseIndex = datasets.length;
  if (r.doses.length > 0) datasets.push(doseDataset(r.doses, t('series.doses')));
  const wearing = (r.wearingOff?.reports ?? []).filter((x) => x.concentration);
  const wearingIndex = wearing.length ? datasets.length : -1;
  const wearingNotes: Record<string, AnnotationOptions> = {};
  if (wearing.length) {
    datasets.push(wearingOffMarks(wearing.map((x) => ({ x: x.time, y: x.concentration!.value, low: x.concentration!.low, high: x.concentration!.high })),
      t('wearing:chart.series'), log, floor, wearingNotes));
  }

  const xs: number[] = [...r.doses.map((d) => d.time), ...r.observations.map((ob) => ob.time), ...wearing.map((x) => x.time)];
  for (const p of r.curve.history) xs.push(p.time);
  for (const f of r.curve.forecasts) for (const p of f.points) xs.push(p.time);
  const nextDose = isoToDays(r.proposal.nextDose);
  if (nextDose !== null) xs.push(nextDose);
  const chosen = chosenLine(o, r.proposal.nextDose, xs);
  const [lo, hi] = extent(xs);
  const xmin = Math.floor(lo) - 3, xmax = Math.ceil(hi) + 3;

  const annotations: Record<string, AnnotationOptions> = {
    target: hline(r.target.value, COLORS.target, t('line.target', { value: formatNumber(r.target.value, lang) })),
  };
  const asOf = parseAsOfDate(r.asOf);
  if (asOf !== null) annotations.asOf = vline(asOf, COLORS.asOf, t('line.asOf', { date: formatIso(r.asOf, lang) }), [2, 3], 'end');
  if (nextDose !== null) annotations.nextDose = vline(nextDose, COLORS.proposed, t('line.nextDose', { date: formatIso(r.proposal.nextDose, lang) }), [4, 4], 'center');
  if (chosen) annotations.chosen = chosen;
  Object.assign(annotations, wearingNotes);

  const unit = t('unit.concentration');
  const label = (item: TooltipItem<'line'>) => {
    const ds = item.dataset.label ?? '';
    if (item.datasetIndex === doseIndex) {
      const d = r.doses[item.dataIndex];
      return t('tooltip.dose', { amount: formatNumber(d.amountMg, lang), route: d.route.toUpperCase() });
    }
    if (item.datasetIndex === wearingIndex) {
      const w = wearing[item.dataIndex];
      return t('wearing:chart.tooltipNat', { score: t(`wearing:score.${w.score}`), date: formatIso(w.iso, lang),
        value: formatNumber(w.concentration!.value, lang), low: formatNumber(w.concentration!.low, lang), high: formatNumber(w.concentration!.high, lang) });
    }
    if (item.datasetIndex >= obsStart && item.datasetIndex < doseIndex && (ds === t('series.censored') || ds === t('series.capillaryCensored'))) {
      const cap = ds === t('series.capillaryCensored');
      const ob = r.observations.filter((x) => x.censored && isCapillary(x) === cap)[item.dataIndex];
      return `${ds}: ${t('tooltip.below', { value: formatNumber(ob.value, lang), unit })}`;
    }
    return `${ds}: ${formatNumber(item.parsed.y ?? NaN, lang)} ${unit}`;
  };
  const options = baseOptions(o, xmin, xmax, t('axis.concentration'), floor, bands, label);
  options.plugins!.annotation = { annotations };

  const measured = r.observations.filter((x) => !x.censored);
  const last = r.observations[r.observations.length - 1];
  const p = r.proposal;
  let summary = t('summary.natalizumab', {
    id: r.patientId, levels: r.observations.length, censored: r.observations.length - measured.length,
    target: formatNumber(r.target.value, lang), weeks: p.intervalWeeks, date: formatIso(p.nextDose, lang),
    trough: formatNumber(p.predictedTrough.value, lang), low: formatNumber(p.predictedTrough.low, lang), high: formatNumber(p.predictedTrough.high, lang),
  });
  if (last) summary += ' ' + t('summary.lastLevel', { value: (last.censored ? '<' : '') + formatNumber(last.value, lang), date: formatDay(last.time, lang) });
  const capillaryCount = r.observations.filter(isCapillary).length;
  if (capillaryCount > 0) summary += ' ' + t('summary.capillary', { count: capillaryCount });
  if (wearing.length) summary += ' ' + t('wearing:chart.summary', { count: wearing.length });
  if (r.trend) {
    summary += ' ' + t(r.trend.falling ? 'trend.summaryFalling' : 'trend.summary', { count: r.trend.troughs.length, pct: signed(r.trend.percentPerMonth, lang, 0), low: signed(r.trend.low, lang, 0), high: signed(r.trend.high, lang, 0) });
  }
  return { data: { datasets }, options, summary, ariaLabel: t('aria.natalizumab', { id: r.patientId }), bandIndices: [...bands] };
}

// ------------------------------------------------------------------ ocrelizumab
