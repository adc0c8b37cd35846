/**
 * Infusions per month against the standard schedule (chart.js bars), for the outcomes view.
 * Default export, loaded on demand so chart.js stays out of the first load.
 */
import { useMemo } from 'react';
import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { DrugOutcomes } from '../../../core/outcomes';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface OutcomesChartProps {
  months: DrugOutcomes['by_month'];
  /** Month label (`YYYY-MM` → shown text). */
  monthLabel: (month: string) => string;
  labels: { given: string; standard: string; axis: string; title: string };
  summary: string;
}

export function OutcomesChart({ months, monthLabel, labels, summary }: OutcomesChartProps) {
  const data = useMemo(() => ({
    labels: months.map((m) => monthLabel(m.month)),
    datasets: [
      { label: labels.given, data: months.map((m) => m.infusions), backgroundColor: '#1565c0' },
      { label: labels.standard, data: months.map((m) => m.standard_infusions), backgroundColor: 'rgba(97, 97, 97, 0.35)', borderColor: '#616161', borderWidth: 1 },
    ],
  }), [months, monthLabel, labels]);
  const options = useMemo(() => ({
    responsive: true, maintainAspectRatio: false, animation: false as const,
    plugins: { legend: { position: 'bottom' as const }, title: { display: false, text: labels.title } },
    scales: { y: { beginAtZero: true, title: { display: true, text: labels.axis }, ticks: { precision: 0 } } },
  }), [labels]);
  return (
    <figure className="outcomes-chart" data-testid="outcomes-chart" style={{ margin: 0 }}>
      <div style={{ position: 'relative', height: 260, width: '100%' }}>
        <Bar data={data} options={options} role="img" aria-label={labels.title} fallbackContent={<p>{summary}</p>} />
      </div>
      <figcaption className="outcomes-chart__summary">{summary}</figcaption>
    </figure>
  );
}

export default OutcomesChart;
