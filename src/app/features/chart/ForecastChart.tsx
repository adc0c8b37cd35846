/**
 * The forecast chart of one patient: natalizumab concentration with forecasts and target, or
 * ocrelizumab B-cell counts with the fitted curve, threshold and predicted crossing.
 * Default export, so the app can `React.lazy(() => import('./features/chart/ForecastChart'))` and
 * keep chart.js out of the first load. Only the chart.js parts used are registered.
 */
import { useId, useMemo, useState } from 'react';
import { Chart as ChartJS, type ChartData, type LegendItem, Filler, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import { Line } from 'react-chartjs-2';
import type { PatientReport } from '../../../core/report/types';
import { useStrings } from '../proposal/use-strings';
import { buildChart } from './chart-data';
import { formatIso } from '../proposal/format';

ChartJS.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Filler, Legend, Tooltip, annotationPlugin);

export interface ForecastChartProps {
  report: PatientReport;
  /** Initial y-axis scale; the user can toggle it. @default false */
  logScale?: boolean;
  /** Height of the plot area in CSS pixels. @default 320 */
  height?: number;
  /** Fixed width in pixels (print): disables responsive resizing. */
  width?: number;
  /** Hide the scale toggle (print). @default false */
  hideControls?: boolean;
  /** data-testid of the figure (a second chart on the page, the print copy, uses another). @default 'forecast-chart' */
  testId?: string;
  /** The dose as planned, when the clinician chose another date: a line beside the proposal. */
  planned?: { date: string; chosen: boolean } | null;
}

export function ForecastChart({ report, logScale = false, height = 320, width, hideControls = false, testId = 'forecast-chart', planned = null }: ForecastChartProps) {
  const { t, lang } = useStrings('chart');
  const [log, setLog] = useState(logScale);
  const summaryId = useId();
  const plannedDate = planned?.chosen ? planned.date : null;
  const built = useMemo(() => buildChart(report, { logScale: log, lang, t, planned: plannedDate ? { date: plannedDate, chosen: true } : null, compact: !!width && height < 260 }), [report, log, lang, t, plannedDate, width, height]);
  const options = useMemo(() => {
    if (!hideControls && !width) return built.options;
    // Print: fixed size, and no legend entries for the forecasts the reader cannot switch on.
    const legend = built.options.plugins?.legend;
    const keep = legend?.labels?.filter;
    return {
      ...built.options,
      responsive: !width,
      plugins: { ...built.options.plugins, legend: { ...legend, labels: { ...legend?.labels,
        filter: (item: LegendItem, data: ChartData) => !item.hidden && (keep ? keep(item, data) : true) } } },
    } as typeof built.options;
  }, [built, width, hideControls]);
  return (
    <figure className="forecast-chart" data-testid={testId} data-planned={plannedDate ?? undefined} style={{ margin: 0 }}>
      {!hideControls && (
        <label className="forecast-chart__scale" style={{ display: 'inline-flex', gap: '0.4em', alignItems: 'center', fontSize: '0.9em' }}>
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} data-testid="log-scale" />
          {t('scale.log')}
        </label>
      )}
      <div style={{ position: 'relative', height, width: width ?? '100%' }}>
        <Line
          key={report.drug}
          data={built.data}
          options={options}
          width={width}
          height={width ? height : undefined}
          aria-label={built.ariaLabel}
          aria-describedby={summaryId}
          role="img"
          fallbackContent={<p>{built.summary}</p>}
        />
      </div>
      <figcaption id={summaryId} className="forecast-chart__summary" style={{ fontSize: '0.85em', color: '#444', marginTop: '0.3em' }}>
        {built.summary}{plannedDate ? ` ${t('summary.chosen', { date: formatIso(plannedDate, lang) })}` : ''}
      </figcaption>
    </figure>
  );
}

export default ForecastChart;
