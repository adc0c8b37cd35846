/** Ocrelizumab stage: the BLOOMS-style rule beside the model. */
import type { Days } from '../../types';
import type { OcrelizumabOptions, OcrelizumabReport } from '../../report/types';
import { formatDate } from '../../time';

/** BLOOMS-style: first count at week `firstCountWeek`, then every `countEveryWeeks`; re-dose at the first count ≥ threshold. */
export function bloomsRule(o: OcrelizumabOptions, doseDay: Days, asOfDay: Days, latest: { day: Days; raw: string; below: boolean } | null, maxW: number, minW: number): OcrelizumabReport['protocol'] {
  const name = `BLOOMS-style: count from week ${o.firstCountWeek}, every ${o.countEveryWeeks} weeks; re-dose at the first count ≥ ${o.threshold} cells/µL`;
  const names = { name, nameCode: 'blooms.name', nameParams: { first: o.firstCountWeek, every: o.countEveryWeeks, threshold: o.threshold } };
  if (latest && !latest.below) {
    const doseAt = Math.max(asOfDay, doseDay + 7 * minW);
    const later = doseAt > asOfDay;
    return {
      ...names, nextCount: formatDate(doseAt + 7 * o.firstCountWeek),
      rationale: `count ${latest.raw} cells/µL on ${formatDate(latest.day)} is at or above ${o.threshold}: re-dose now${later ? ` (at the 5-month minimum, ${formatDate(doseAt)})` : ''}; first count of the next cycle at week ${o.firstCountWeek} after it`,
      rationaleCode: later ? 'blooms.due-minimum' : 'blooms.due',
      rationaleParams: { count: latest.raw, date: formatDate(latest.day), threshold: o.threshold, doseDate: formatDate(doseAt), first: o.firstCountWeek },
    };
  }
  let w = o.firstCountWeek;
  while (doseDay + 7 * w < asOfDay || (latest && doseDay + 7 * w <= latest.day)) w += o.countEveryWeeks;
  const nextCount = formatDate(doseDay + 7 * w);
  if (w > maxW) {
    return {
      ...names, nextCount,
      rationale: `no count at or above ${o.threshold} yet and the next scheduled count (week ${w}) is past the maximum interval of ${maxW} weeks: re-dose at week ${maxW} (${formatDate(doseDay + 7 * maxW)})`,
      rationaleCode: 'blooms.past-maximum',
      rationaleParams: { threshold: o.threshold, week: w, max: maxW, doseDate: formatDate(doseDay + 7 * maxW) },
    };
  }
  const now = latest
    ? `latest count ${latest.raw} cells/µL on ${formatDate(latest.day)} is below ${o.threshold}: postpone re-dosing`
    : `no count yet in this cycle: do not re-dose yet`;
  return {
    ...names, nextCount, rationale: `${now}; next count at week ${w} (${nextCount})`,
    rationaleCode: `${latest ? 'blooms.below' : 'blooms.no-count'};blooms.next`,
    rationaleParams: latest ? { count: latest.raw, date: formatDate(latest.day), threshold: o.threshold, week: w, nextCount } : { week: w, nextCount },
  };
}

