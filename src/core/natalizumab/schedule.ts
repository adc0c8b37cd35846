import type { Days } from '../types';
import { formatDate, weekday, WEEK } from '../time';

/** Next dose `weeks` after the last dose, moved back to the clinic's weekday if set (never later than proposed). */
export function nextDoseDate(lastDose: Days, weeks: number, infusionWeekday: number | null): string {
  let t = lastDose + weeks * WEEK;
  if (infusionWeekday !== null) t -= (weekday(t) - infusionWeekday + 7) % 7;
  return formatDate(t);
}

/**
 * The first day a dose can be given, as a `YYYY-MM-DD`: the day itself, or, when the clinic gives
 * infusions on one weekday, the first such day on or after it (a late dose is never planned in the
 * past, and never before the day the plan is made).
 */
export function firstPossibleDay(day: Days, infusionWeekday: number | null): string {
  let t = Math.floor(day + 1e-9);
  if (infusionWeekday !== null) t += (infusionWeekday - weekday(t) + 7) % 7;
  return formatDate(t);
}
