/** Ocrelizumab stage: where the planning day and the crossing sit against the 5-month minimum and the maximum. */
import type { Issue } from '../../types';
import { formatDate } from '../../time';
import { CROSSING_HORIZON_WEEKS } from '../posterior';
import type { OcrelizumabAnalysis } from '../propose';
import { fmtWeeks } from './format';
import { dateAtWeek } from './timing';
import type { Timing } from './types';


export function windowIssues(t: Timing, a: OcrelizumabAnalysis): Issue[] {
  const { o, daysSince, start, minW, maxW, elapsedW } = t;
  const { q50, q90 } = a.crossing;
  const thr = o.threshold;
  const issues: Issue[] = [];
  const since = (daysSince / 7).toFixed(1);
  if (daysSince < o.minWeeks * 7) {
    issues.push({ code: 'ocr-before-minimum-interval', severity: 'info', message: `only ${since} weeks since the last infusion (${formatDate(start)}): re-dosing is not advised before ${o.minWeeks} weeks (5 months, label); the earliest date is ${dateAtWeek(t, minW)}`,
      params: { weeks: since, date: formatDate(start), min: o.minWeeks, earliest: dateAtWeek(t, minW) } });
  }
  if (elapsedW > maxW) {
    issues.push({ code: 'ocr-past-maximum', severity: 'warning', message: `${since} weeks since the last infusion (${formatDate(start)}), past the maximum interval of ${o.maxWeeks} weeks: re-dosing is overdue; the forecast is extrapolated beyond the data, count now`,
      params: { weeks: since, date: formatDate(start), max: o.maxWeeks } });
  } else if (!Number.isFinite(q50) || q50 > o.maxWeeks) {
    issues.push({ code: 'ocr-crossing-beyond-maximum', severity: 'warning', message: `predicted crossing of ${thr} cells/µL at week ${fmtWeeks(q50)} is beyond the maximum interval of ${o.maxWeeks} weeks: the proposal is capped at week ${maxW}; the model is not validated that far, recount before deciding`,
      variant: 'capped', params: { threshold: thr, week: fmtWeeks(q50), max: o.maxWeeks, capped: maxW } });
  } else if (!Number.isFinite(q90)) {
    issues.push({ code: 'ocr-crossing-beyond-maximum', severity: 'warning', message: `the 80 % interval of the crossing reaches beyond ${CROSSING_HORIZON_WEEKS} weeks: the upper bound is shown at the horizon, not extrapolated`,
      variant: 'horizon', params: { horizon: CROSSING_HORIZON_WEEKS } });
  }
  return issues;
}
