/**
 * The pieces both drugs' charts are built of: colours, time ticks, datasets for a curve with its
 * band, observations, doses, wearing-off marks and trends, the annotation lines, and the base
 * options (scales, legend, tooltip). Pure: no canvas, no chart.js runtime.
 */
import type { ChartData, ChartDataset, ChartOptions, PointStyle, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { CurvePoint, Days, Observation } from '../../../core/types';
import { formatDate, parseIsoTime } from '../../../core/time';
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
  /** The print's short chart: an axis title that fits its height (namespace `walk3`). */
  compact?: boolean;
}

/** A line at the clinician's chosen date, when it differs from the model's. */
export function chosenLine(o: BuildOptions, proposed: string, xs: number[]): AnnotationOptions | null {
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

export function clampForLog(y: number, log: boolean, floor: number): number {
  return log ? Math.max(y, floor) : y;
}

export function curveDatasets(points: CurvePoint[], log: boolean, floor: number, label: string, bandLabel: string,
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

export function observationDatasets(obs: Observation[], log: boolean, floor: number, measuredLabel: string, censoredLabel: string,
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

export function doseDataset(doses: { time: Days; amountMg: number }[], label: string): ChartDataset<'line', Pt[]> {
  // On a hidden 0..1 axis, so the markers sit along the bottom whatever the main scale.
  return {
    label, data: doses.map((d) => ({ x: d.time, y: 0.025 })), yAxisID: 'doses', showLine: false,
    pointStyle: 'triangle' as PointStyle, pointRadius: 5, pointHoverRadius: 7, borderColor: COLORS.dose, backgroundColor: COLORS.dose,
  };
}

/** Wearing-off reports (issue 19): a star at each onset on the curve, its 80 % interval as a short vertical bar. */
export const WEARING_OFF_COLOR = '#e65100';
export function wearingOffMarks(points: { x: number; y: number; low: number; high: number }[], label: string, log: boolean, floor: number,
  annotations: Record<string, AnnotationOptions>): ChartDataset<'line', Pt[]> {
  points.forEach((p, i) => {
    annotations[`wearingOff${i}`] = { type: 'line', xMin: p.x, xMax: p.x, yMin: clampForLog(p.low, log, floor), yMax: clampForLog(p.high, log, floor),
      borderColor: WEARING_OFF_COLOR, borderWidth: 2, drawTime: 'afterDatasetsDraw' };
  });
  return { label, data: points.map((p) => ({ x: p.x, y: clampForLog(p.y, log, floor) })), showLine: false, pointStyle: 'star' as PointStyle,
    pointRadius: 9, pointHoverRadius: 11, borderColor: WEARING_OFF_COLOR, backgroundColor: WEARING_OFF_COLOR, borderWidth: 2 };
}

/**
 * A vertical line; its label `position` runs from 'start' (bottom) to 'end' (top), or a percentage;
 * `yAdjust` moves the label down by so many pixels.
 */
export function vline(x: number, color: string, text: string, dash: number[] = [4, 4], position: 'start' | 'end' | 'center' | `${number}%` = 'start', yAdjust = 0): AnnotationOptions {
  return {
    type: 'line', xMin: x, xMax: x, borderColor: color, borderWidth: 1.5, borderDash: dash, drawTime: 'beforeDatasetsDraw',
    label: { display: true, content: text, position, rotation: 0, backgroundColor: 'rgba(255,255,255,0.85)', color, font: { size: 11 }, padding: 3, yAdjust },
  };
}

export function hline(y: number, color: string, text: string): AnnotationOptions {
  return {
    type: 'line', yMin: y, yMax: y, borderColor: color, borderWidth: 1.5, borderDash: [6, 4], drawTime: 'beforeDatasetsDraw',
    label: { display: true, content: text, position: 'start', backgroundColor: 'rgba(255,255,255,0.85)', color, font: { size: 11 }, padding: 3 },
  };
}

export function extent(xs: number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const x of xs) { if (x < lo) lo = x; if (x > hi) hi = x; }
  return [lo, hi];
}

export function baseOptions(o: BuildOptions, xmin: number, xmax: number, yTitle: string, floor: number,
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
export function signed(x: number, lang: string, digits: number): string {
  const f = 10 ** digits;
  const v = Math.round(x * f) / f;
  return v === 0 ? formatNumber(0, lang, digits) : `${v > 0 ? '+' : ''}${formatNumber(v, lang, digits)}`;
}

/** The model-free trend line (Theil–Sen) over the measurements it was fitted to: dotted, red when clearly falling. */
export function trendDataset(points: { time: Days; value: number }[], log: boolean, floor: number, label: string, color: string): ChartDataset<'line', Pt[]> {
  return {
    label, data: points.map((p) => ({ x: p.time, y: clampForLog(p.value, log, floor) })),
    borderColor: color, backgroundColor: color, borderWidth: 2.5, borderDash: [2, 3], pointRadius: 0, pointHitRadius: 4,
    pointStyle: 'line' as PointStyle, fill: false, tension: 0,
  };
}

// ------------------------------------------------------------------ natalizumab
