/**
 * Pure construction of the chart's datasets, scales and annotations from one PatientReport.
 * No canvas, no chart.js runtime: ForecastChart.tsx hands the result to react-chartjs-2, and the
 * tests check it directly. The x axis is linear in days (naive local day numbers), so no date
 * adapter is needed; ticks are placed on month starts or Mondays and formatted in the app locale.
 */
import type { PatientReport } from '../../../core/report/types';
import type { BuildOptions, BuiltChart } from './chart-parts';
import { buildNatalizumab } from './natalizumab-chart';
import { buildOcrelizumab } from './ocrelizumab-chart';

export { COLORS, LOG_FLOOR, WEARING_OFF_COLOR, isCapillary, timeTicks } from './chart-parts';
export type { BuildOptions, BuiltChart, Pt, Translate } from './chart-parts';

/** Datasets, options (scales, legend, tooltip, annotations), aria label and text summary for a report. */
export function buildChart(report: PatientReport, o: BuildOptions): BuiltChart {
  return report.drug === 'natalizumab' ? buildNatalizumab(report, o) : buildOcrelizumab(report, o);
}
