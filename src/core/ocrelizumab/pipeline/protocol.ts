/** Ocrelizumab stage: the BLOOMS-style rule beside the model. */
import type { Days, TextParams } from '../../types';
import { english } from '../../text';
import type { OcrelizumabOptions, OcrelizumabReport } from '../../report/types';
import { formatDate } from '../../time';

/** BLOOMS-style: first count at week `firstCountWeek`, then every `countEveryWeeks`; re-dose at the first count ≥ threshold. */
export function bloomsRule(o: OcrelizumabOptions, doseDay: Days, asOfDay: Days, latest: { day: Days; raw: string; below: boolean } | null, maxW: number, minW: number): OcrelizumabReport['protocol'] {
  // The name and rationale are codes with params; their English is the one catalog's.
  const nameParams = { first: o.firstCountWeek, every: o.countEveryWeeks, threshold: o.threshold };
  const names = { name: english('blooms.name', nameParams), nameCode: 'blooms.name', nameParams };
  const said = (rationaleCode: string, rationaleParams: TextParams) => ({ rationale: english(rationaleCode, rationaleParams), rationaleCode, rationaleParams });
  if (latest && !latest.below) {
    const doseAt = Math.max(asOfDay, doseDay + 7 * minW);
    const later = doseAt > asOfDay;
    return {
      ...names, nextCount: formatDate(doseAt + 7 * o.firstCountWeek),
      ...said(later ? 'blooms.due-minimum' : 'blooms.due', { count: latest.raw, date: formatDate(latest.day), threshold: o.threshold, doseDate: formatDate(doseAt), first: o.firstCountWeek }),
    };
  }
  let w = o.firstCountWeek;
  while (doseDay + 7 * w < asOfDay || (latest && doseDay + 7 * w <= latest.day)) w += o.countEveryWeeks;
  const nextCount = formatDate(doseDay + 7 * w);
  if (w > maxW) {
    return {
      ...names, nextCount,
      ...said('blooms.past-maximum', { threshold: o.threshold, week: w, max: maxW, doseDate: formatDate(doseDay + 7 * maxW) }),
    };
  }
  return {
    ...names, nextCount,
    ...said(`${latest ? 'blooms.below' : 'blooms.no-count'};blooms.next`,
      latest ? { count: latest.raw, date: formatDate(latest.day), threshold: o.threshold, week: w, nextCount } : { week: w, nextCount }),
  };
}

