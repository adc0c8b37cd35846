import type { Days } from '../types';
import { formatDate, weekday, WEEK } from '../time';

/** Next dose `weeks` after the last dose, moved back to the clinic's weekday if set (never later than proposed). */
export function nextDoseDate(lastDose: Days, weeks: number, infusionWeekday: number | null): string {
  let t = lastDose + weeks * WEEK;
  if (infusionWeekday !== null) t -= (weekday(t) - infusionWeekday + 7) % 7;
  return formatDate(t);
}
