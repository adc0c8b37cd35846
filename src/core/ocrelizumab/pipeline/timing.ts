/** Ocrelizumab stage: the planning day in weeks after the cycle's infusion, and the latest count. */
import type { Days, PatientRecord } from '../../types';
import { formatDate, startOfDay } from '../../time';
import type { OcrelizumabAnalysis } from '../propose';
import type { Timing } from './types';

export function timing(patient: PatientRecord, asOf: Days, a: OcrelizumabAnalysis): Timing {
  const o = a.options;
  const start = a.cycle.start;
  const doseDay = startOfDay(start);
  const asOfDay = startOfDay(asOf);
  const daysSince = asOfDay - doseDay;
  // Latest count of this cycle (censored or not).
  const curObs = patient.bcells.filter((b) => b.time > start && b.time <= asOf);
  const latest = curObs.length > 0 ? curObs[curObs.length - 1] : null;
  return {
    o, start, doseDay, asOfDay, daysSince,
    minW: Math.ceil(o.minWeeks - 1e-9),
    maxW: Math.floor(o.maxWeeks + 1e-9),
    elapsedW: Math.max(0, Math.ceil(daysSince / 7 - 1e-9)),
    latest,
    dueNow: latest !== null && !latest.censored && latest.value >= o.threshold,
  };
}

/** The date `w` whole weeks after the infusion's day. */
export const dateAtWeek = (t: Timing, w: number): string => formatDate(t.doseDay + 7 * w);
