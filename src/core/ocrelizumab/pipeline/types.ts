/**
 * The ocrelizumab proposal as a pipeline (issue 17), each stage a function of its own:
 *
 *   analyse   → OcrelizumabAnalysis  the record checked, the cycle's grid posterior (propose.ts)
 *   timing    → Timing               the planning day in weeks after the infusion, the window
 *   guards    → Issue[]              before the 5-month minimum, past the maximum, crossing beyond it
 *   decide    → Decision             re-dose date, next count and the reason
 *   protocol  → the BLOOMS-style rule beside the model
 *   analyses  → the model-free growth rate of the counts beside the fit
 *   curve     → probability by date and the count's 80 % band
 *   report    → OcrelizumabReport
 */
import type { Days, Observation, TextParams } from '../../types';
import type { OcrelizumabOptions } from '../../report/types';

export interface Timing {
  o: OcrelizumabOptions;
  /** The infusion planned from, its day and the planning day (start of day). */
  start: Days;
  doseDay: Days;
  asOfDay: Days;
  daysSince: number;
  /** Whole weeks: the 5-month minimum (rounded up), the maximum (down), elapsed (rounded up). */
  minW: number;
  maxW: number;
  elapsedW: number;
  /** The latest count of this cycle (censored or not), and whether it makes re-dosing due now. */
  latest: Observation | null;
  dueNow: boolean;
}

export interface Decision {
  weeks: number;
  nextDose: string;
  nextCheck: string;
  reason: string;
  reasonCode: string;
  reasonParams: TextParams;
  /** The re-dose as planned had passed: the date it would have had (the proposal is the first whole week not before as-of). */
  late: { due: string } | null;
}
