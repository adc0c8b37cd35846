/** Ocrelizumab stage: where the planning day and the crossing sit against the 5-month minimum and the maximum. */
import type { Issue } from '../../types';
import { formatDate } from '../../time';
import { CROSSING_HORIZON_WEEKS } from '../posterior';
import type { OcrelizumabAnalysis } from '../propose';
import { fmtWeeks } from './format';
import { dateAtWeek } from './timing';
import type { Timing } from './types';
import { withEnglish } from '../../text';


export function windowIssues(t: Timing, a: OcrelizumabAnalysis): Issue[] {
  const { o, daysSince, start, minW, maxW, elapsedW } = t;
  const { q50, q90 } = a.crossing;
  const thr = o.threshold;
  const issues: Issue[] = [];
  const since = (daysSince / 7).toFixed(1);
  if (daysSince < o.minWeeks * 7) {
    issues.push(withEnglish({ code: 'ocr-before-minimum-interval', severity: 'info', params: { weeks: since, date: formatDate(start), min: o.minWeeks, earliest: dateAtWeek(t, minW) } }));
  }
  if (elapsedW > maxW) {
    issues.push(withEnglish({ code: 'ocr-past-maximum', severity: 'warning', params: { weeks: since, date: formatDate(start), max: o.maxWeeks } }));
  } else if (!Number.isFinite(q50) || q50 > o.maxWeeks) {
    issues.push(withEnglish({ code: 'ocr-crossing-beyond-maximum', severity: 'warning', variant: 'capped', params: { threshold: thr, week: fmtWeeks(q50), max: o.maxWeeks, capped: maxW } }));
  } else if (!Number.isFinite(q90)) {
    issues.push(withEnglish({ code: 'ocr-crossing-beyond-maximum', severity: 'warning', variant: 'horizon', params: { horizon: CROSSING_HORIZON_WEEKS } }));
  }
  return issues;
}
