/** Ocrelizumab stage: the probability of having crossed by each week and the count's 80 % band, weekly from the infusion. */
import type { CurvePoint } from '../../types';
import { countQuantile, probCrossedBy } from '../posterior';
import type { OcrelizumabAnalysis } from '../propose';
import { dateAtWeek } from './timing';
import type { Timing } from './types';

/** Curve and probability-by-date horizon, weeks after the last dose (at least). */
export const CURVE_WEEKS = 60;

export function curve(t: Timing, a: OcrelizumabAnalysis): { probabilityByDate: { date: string; probability: number }[]; curve: CurvePoint[] } {
  const p = a.posterior, thr = t.o.threshold;
  const horizon = Math.max(CURVE_WEEKS, t.maxW + 8);
  const probabilityByDate: { date: string; probability: number }[] = [];
  const points: CurvePoint[] = [];
  let last: CurvePoint | null = null;
  for (let k = 0; k <= horizon; k++) {
    probabilityByDate.push({ date: dateAtWeek(t, k), probability: probCrossedBy(p, thr, k) });
    const low = countQuantile(p, k, 0.1, last?.low);
    const value = countQuantile(p, k, 0.5, Math.max(low, last?.value ?? 0));
    const high = countQuantile(p, k, 0.9, Math.max(value, last?.high ?? 0));
    last = { time: t.start + 7 * k, value, low, high };
    points.push(last);
  }
  return { probabilityByDate, curve: points };
}
