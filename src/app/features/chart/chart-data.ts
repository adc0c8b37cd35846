/**
 * Pure construction of the chart's datasets, scales and annotations from one PatientReport.
 * No canvas, no chart.js runtime: ForecastChart.tsx hands the result to react-chartjs-2, and the
 * tests check it directly. The x axis is linear in days (naive local day numbers), so no date
 * adapter is needed; ticks are placed on month starts or Mondays and formatted in the app locale.
 */
import type { ChartData, ChartDataset, ChartOptions, PointStyle, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { CurvePoint, Days, Observation } from '../../../core/types';
import type { NatalizumabReport, OcrelizumabReport, PatientReport } from '../../../core/report/types';
import { formatDate, parseAsOfDate, parseIsoTime } from '../../../core/time';
import { formatAxisDay, formatDay, formatIso, formatNumber, isoToDays } from '../proposal/format';

export interface Pt { x: number; y: number }
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface BuildOptions {
  logScale: boolean;
  /** i18next language code (`nl`, `en`). */
  lang: string;
  t: Translate;
  /** The dose as planned when the clinician chose another date (lib/plan.ts): drawn beside the proposal. */
  planned?: { date: string; chosen: boolean } | null;
}

/** A line at the clinician's chosen date, when it differs from the model's. */
function chosenLine(o: BuildOptions, proposed: string, xs: number[]): AnnotationOptions | null {
  const p = o.planned;
  if (!p?.chosen || p.date === proposed) return null;
  const x = isoToDays(p.date);
  if (x === null) return null;
  xs.push(x);
  return vline(x, COLORS.chosen, o.t('line.chosen', { date: formatIso(p.date, o.lang) }), [8, 3], 'start');
}

export interface BuiltChart {
  data: ChartData<'line', Pt[]>;
  options: ChartOptions<'line'>;
  /** Plain-text description of what the chart shows (for screen readers and print). */
  summary: string;
  ariaLabel: string;
  /** Indices of band datasets (hidden from legend and tooltip). */
  bandIndices: number[];
}

/** Lowest value drawn on a log axis (µg/mL or cells/µL): zeros and censored limits sit here. */
export const LOG_FLOOR = { natalizumab: 0.1, ocrelizumab: 0.5 } as const;

export const COLORS = {
  history: '#37474f',
  proposed: '#1565c0',
  proposedBand: 'rgba(21, 101, 192, 0.18)',
  historyBand: 'rgba(55, 71, 79, 0.14)',
  alternatives: ['#6a1b9a', '#00838f', '#ef6c00', '#558b2f', '#8d6e63', '#ad1457', '#5d4037', '#455a64'],
  measured: '#000000',
  censored: '#b71c1c',
  dose: '#2e7d32',
  target: '#c62828',
  asOf: '#616161',
  crossingBand: 'rgba(255, 143, 0, 0.16)',
  crossing: '#ef6c00',
  redose: '#1565c0',
  count: '#6a1b9a',
  trend: '#8e24aa',
  trendFalling: '#d50000',
  capillary: '#00838f',
  chosen: '#2e7d32',
} as const;

/** Tick positions (day numbers) for a time range: month starts for long ranges, Mondays for short. */
export function timeTicks(min: Days, max: Days): Days[] {
  const span = max - min;
  if (!(span > 0)) return [];
  if (span <= 120) {
    const step = span <= 35 ? 7 : span <= 70 ? 14 : 28;
    // 1970-01-05 (day 4) was a Monday.
    let t = Math.ceil((min - 4) / 7) * 7 + 4;
    const out: Days[] = [];
    for (; t <= max; t += step) out.push(t);
    return out;
  }
  const monthsStep = [1, 2, 3, 6, 12].find((m) => span / (30.44 * m) <= 10) ?? 24;
  const start = formatDate(min);
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7)) - 1;
  const out: Days[] = [];
  for (;;) {
    const t = parseIsoTime(`${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`, 0)!;
    if (t > max) break;
    if (t >= min && (y * 12 + m) % monthsStep === 0) out.push(t);
    m++;
    if (m === 12) { m = 0; y++; }
  }
  return out;
}

function clampForLog(y: number, log: boolean, floor: number): number {
  return log ? Math.max(y, floor) : y;
}

function curveDatasets(points: CurvePoint[], log: boolean, floor: number, label: string, bandLabel: string,
  color: string, bandColor: string, width: number, dash: number[] | undefined): ChartDataset<'line', Pt[]>[] {
  const low = points.map((p) => ({ x: p.time, y: clampForLog(p.low, log, floor) }));
  const high = points.map((p) => ({ x: p.time, y: clampForLog(p.high, log, floor) }));
  const mid = points.map((p) => ({ x: p.time, y: clampForLog(p.value, log, floor) }));
  return [
    { label: `${bandLabel} low`, data: low, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false, borderColor: 'transparent', backgroundColor: bandColor },
    { label: bandLabel, data: high, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: '-1', borderColor: 'transparent', backgroundColor: bandColor },
    { label, data: mid, borderColor: color, backgroundColor: color, borderWidth: width, pointRadius: 0, pointHitRadius: 4, pointStyle: 'line' as PointStyle, fill: false, tension: 0, ...(dash ? { borderDash: dash } : {}) },
  ];
}

/** A finger-prick (capillary) level: drawn with its own symbol and legend entry. */
export const isCapillary = (o: Observation) => o.kind === 'level' && o.sample === 'capillary';

function observationDatasets(obs: Observation[], log: boolean, floor: number, measuredLabel: string, censoredLabel: string,
  capillaryLabels?: { measured: string; censored: string }): ChartDataset<'line', Pt[]>[] {
  const venous = obs.filter((o) => !isCapillary(o));
  const capillary = obs.filter(isCapillary);
  const measured = venous.filter((o) => !o.censored).map((o) => ({ x: o.time, y: clampForLog(o.value, log, floor) }));
  const censored = venous.filter((o) => o.censored).map((o) => ({ x: o.time, y: clampForLog(o.value, log, floor) }));
  const out: ChartDataset<'line', Pt[]>[] = [
    { label: measuredLabel, data: measured, showLine: false, pointStyle: 'circle' as PointStyle, pointRadius: 5, pointHoverRadius: 7,
      borderColor: COLORS.measured, backgroundColor: COLORS.measured, borderWidth: 1.5 },
  ];
  if (censored.length > 0) {
    // An open, downward triangle at the lab's limit: the true value lies somewhere below it.
    out.push({ label: censoredLabel, data: censored, showLine: false, pointStyle: 'triangle' as PointStyle, pointRotation: 180,
      pointRadius: 7, pointHoverRadius: 9, borderColor: COLORS.censored, backgroundColor: 'rgba(255,255,255,0)', borderWidth: 2 });
  }
  if (capillary.length > 0 && capillaryLabels) {
    // A finger-prick level: a diamond (measured) or an open diamond at the limit (censored), in its own colour.
    const capMeasured = capillary.filter((o) => !o.censored).map((o) => ({ x: o.time, y: clampForLog(o.value, log, floor) }));
    const capCensored = capillary.filter((o) => o.censored).map((o) => ({ x: o.time, y: clampForLog(o.value, log, floor) }));
    if (capMeasured.length > 0) {
      out.push({ label: capillaryLabels.measured, data: capMeasured, showLine: false, pointStyle: 'rectRot' as PointStyle, pointRadius: 6, pointHoverRadius: 8,
        borderColor: COLORS.capillary, backgroundColor: COLORS.capillary, borderWidth: 1.5 });
    }
    if (capCensored.length > 0) {
      out.push({ label: capillaryLabels.censored, data: capCensored, showLine: false, pointStyle: 'rectRot' as PointStyle, pointRadius: 7, pointHoverRadius: 9,
        borderColor: COLORS.capillary, backgroundColor: 'rgba(255,255,255,0)', borderWidth: 2 });
    }
  }
  return out;
}

function doseDataset(doses: { time: Days; amountMg: number }[], label: string): ChartDataset<'line', Pt[]> {
  // On a hidden 0..1 axis, so the markers sit along the bottom whatever the main scale.
  return {
    label, data: doses.map((d) => ({ x: d.time, y: 0.025 })), yAxisID: 'doses', showLine: false,
    pointStyle: 'triangle' as PointStyle, pointRadius: 5, pointHoverRadius: 7, borderColor: COLORS.dose, backgroundColor: COLORS.dose,
  };
}

/** Wearing-off reports (issue 19): a star at each onset on the curve, its 80 % interval as a short vertical bar. */
export const WEARING_OFF_COLOR = '#e65100';
function wearingOffMarks(points: { x: number; y: number; low: number; high: number }[], label: string, log: boolean, floor: number,
  annotations: Record<string, AnnotationOptions>): ChartDataset<'line', Pt[]> {
  points.forEach((p, i) => {
    annotations[`wearingOff${i}`] = { type: 'line', xMin: p.x, xMax: p.x, yMin: clampForLog(p.low, log, floor), yMax: clampForLog(p.high, log, floor),
      borderColor: WEARING_OFF_COLOR, borderWidth: 2, drawTime: 'afterDatasetsDraw' };
  });
  return { label, data: points.map((p) => ({ x: p.x, y: clampForLog(p.y, log, floor) })), showLine: false, pointStyle: 'star' as PointStyle,
    pointRadius: 9, pointHoverRadius: 11, borderColor: WEARING_OFF_COLOR, backgroundColor: WEARING_OFF_COLOR, borderWidth: 2 };
}

/** A vertical line; its label `position` runs from 'start' (bottom) to 'end' (top), or a percentage. */
function vline(x: number, color: string, text: string, dash: number[] = [4, 4], position: 'start' | 'end' | 'center' | `${number}%` = 'start'): AnnotationOptions {
  return {
    type: 'line', xMin: x, xMax: x, borderColor: color, borderWidth: 1.5, borderDash: dash, drawTime: 'beforeDatasetsDraw',
    label: { display: true, content: text, position, rotation: 0, backgroundColor: 'rgba(255,255,255,0.85)', color, font: { size: 11 }, padding: 3 },
  };
}

function hline(y: number, color: string, text: string): AnnotationOptions {
  return {
    type: 'line', yMin: y, yMax: y, borderColor: color, borderWidth: 1.5, borderDash: [6, 4], drawTime: 'beforeDatasetsDraw',
    label: { display: true, content: text, position: 'start', backgroundColor: 'rgba(255,255,255,0.85)', color, font: { size: 11 }, padding: 3 },
  };
}

function extent(xs: number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const x of xs) { if (x < lo) lo = x; if (x > hi) hi = x; }
  return [lo, hi];
}

function baseOptions(o: BuildOptions, xmin: number, xmax: number, yTitle: string, floor: number,
  bandIndices: Set<number>, tooltipLabel: (item: TooltipItem<'line'>) => string): ChartOptions<'line'> {
  const ticks = timeTicks(xmin, xmax);
  const multiYear = formatDate(xmin).slice(0, 4) !== formatDate(xmax).slice(0, 4);
  return {
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    animation: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: {
        type: 'linear', min: xmin, max: xmax,
        title: { display: true, text: o.t('axis.time') },
        afterBuildTicks: (scale) => { scale.ticks = ticks.map((value) => ({ value })); },
        ticks: { autoSkip: true, maxRotation: 0, callback: (v) => formatAxisDay(Number(v), o.lang, multiYear) },
        grid: { color: 'rgba(0,0,0,0.06)' },
      },
      y: o.logScale
        ? { type: 'logarithmic', min: floor, title: { display: true, text: yTitle },
          ticks: { callback: (v) => {
            const n = Number(v);
            const m = n / 10 ** Math.floor(Math.log10(n) + 1e-9);
            return Math.abs(m - 1) < 1e-6 || Math.abs(m - 2) < 1e-6 || Math.abs(m - 5) < 1e-6 ? formatNumber(n, o.lang) : '';
          } } }
        : { type: 'linear', min: 0, title: { display: true, text: yTitle }, ticks: { callback: (v) => formatNumber(Number(v), o.lang) } },
      doses: { type: 'linear', min: 0, max: 1, display: false },
    },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 10, filter: (item) => !bandIndices.has(item.datasetIndex ?? -1) } },
      tooltip: {
        filter: (item) => !bandIndices.has(item.datasetIndex),
        callbacks: {
          title: (items) => (items.length > 0 ? formatDay(items[0].parsed.x ?? NaN, o.lang) : ''),
          label: tooltipLabel,
        },
      },
    },
  };
}

/** A signed rate as the chart labels show it: `+3`, `-24`, `0`. */
function signed(x: number, lang: string, digits: number): string {
  const f = 10 ** digits;
  const v = Math.round(x * f) / f;
  return v === 0 ? formatNumber(0, lang, digits) : `${v > 0 ? '+' : ''}${formatNumber(v, lang, digits)}`;
}

/** The model-free trend line (Theil–Sen) over the measurements it was fitted to: dotted, red when clearly falling. */
function trendDataset(points: { time: Days; value: number }[], log: boolean, floor: number, label: string, color: string): ChartDataset<'line', Pt[]> {
  return {
    label, data: points.map((p) => ({ x: p.time, y: clampForLog(p.value, log, floor) })),
    borderColor: color, backgroundColor: color, borderWidth: 2.5, borderDash: [2, 3], pointRadius: 0, pointHitRadius: 4,
    pointStyle: 'line' as PointStyle, fill: false, tension: 0,
  };
}

// ------------------------------------------------------------------ natalizumab

function buildNatalizumab(r: NatalizumabReport, o: BuildOptions): BuiltChart {
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

function buildOcrelizumab(r: OcrelizumabReport, o: BuildOptions): BuiltChart {
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
  // Labels at different heights, so lines a few weeks apart do not print over each other.
  if (cross !== null) annotations.crossing = vline(cross, COLORS.crossing, t('line.crossing', { date: formatIso(p.predictedCrossing, lang) }), [2, 2], '62%');
  if (redose !== null) annotations.redose = vline(redose, COLORS.redose, t('line.redose', { date: formatIso(p.nextDose, lang) }), [6, 3], 'end');
  if (chosen) annotations.chosen = chosen;
  Object.assign(annotations, wearingNotes);
  if (count !== null) annotations.nextCount = vline(count, COLORS.count, t('line.nextCount', { date: formatIso(p.nextBcellCheck, lang) }), [4, 4], '38%');
  const asOf = parseAsOfDate(r.asOf);
  if (asOf !== null) annotations.asOf = vline(asOf, COLORS.asOf, t('line.asOf', { date: formatIso(r.asOf, lang) }), [2, 3], '85%');

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
  const options = baseOptions(o, xmin, xmax, t('axis.count'), floor, bands, label);
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

/** Datasets, options (scales, legend, tooltip, annotations), aria label and text summary for a report. */
export function buildChart(report: PatientReport, o: BuildOptions): BuiltChart {
  return report.drug === 'natalizumab' ? buildNatalizumab(report, o) : buildOcrelizumab(report, o);
}
