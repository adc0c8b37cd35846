/**
 * Ocrelizumab B-cell repopulation model (shared/reference/ocrelizumab.md §3) as typed data with
 * provenance. For one infusion cycle, t in weeks since the last infusion:
 *
 *   B(t) = Bmax / (1 + (Bmax/θ − 1) · exp(−r · (t − T10)))
 *
 * a lagged logistic curve parametrised by T10, the week at which B cells cross the reference
 * count θ = 10 cells/µL (so B(T10) = θ exactly), and r, the growth rate per week. Bmax is the
 * patient's pre-treatment count, or 200 cells/µL when unknown.
 *
 * The reference count θ of the parametrisation is fixed at 10 (the priors are for crossing 10);
 * a clinic threshold c other than 10 is crossed at T10 + ln((Bmax/θ − 1)/(Bmax/c − 1))/r.
 *
 * No published ocrelizumab B-cell PD model with parameters exists: the priors were derived by
 * matching aggregate figures (Baker et al.; label; Barun 2020) and are to be recalibrated when
 * local or BLOOMS data allow.
 */
import type { ModelInfo } from '../src/core/types';

export const OCRELIZUMAB_MODEL_ID = 'ocrelizumab-bcell-logistic';
export const OCRELIZUMAB_MODEL_VERSION = '1.0.0';

const DERIVED = 'derived from aggregate data, to be recalibrated';
const REF = 'shared/reference/ocrelizumab.md §3 [D]: matched to Baker et al. (≥ 1 % CD19 in 3–5 % / 50–55 % / 85–90 % at 6 / 9 / 12 months), the label (median repletion 72 weeks) and Barun 2020 (8.0 cells/µL per month between 5 and 8.5 months)';

/** The numbers the engine computes with (the same numbers as the annotated parameter list below). */
export const OCRELIZUMAB_BCELL = {
  /** Reference count θ of the parametrisation, cells/µL: B(T10) = θ. */
  referenceCount: 10,
  /** T10: log-normal prior, median (weeks after the infusion) and SD of ln T10. */
  t10Median: 32,
  t10LogSd: 0.22,
  /** r: log-normal prior, median (per week) and SD of ln r. */
  rMedian: 0.09,
  rLogSd: 0.8,
  /** Observation model: ln(count + 1) ~ N(ln(B + 1), sd). */
  obsSd: 0.35,
  /** Plateau when the patient's pre-treatment count is unknown, cells/µL. */
  defaultBmax: 200,
  /**
   * Cycle-to-cycle variability: the previous cycle's (ln T10, ln r) differ from the current
   * cycle's by a normal shift with these SDs, so a previous cycle's counts inform the current one
   * less than its own counts would (hierarchical "widening"). Calibrated on the virtual-patient
   * set (see scripts/validate-ocrelizumab.ts) as a round value, not a fitted optimum.
   */
  cycleLogT10Sd: 0.07,
  cycleLogRSd: 0.3,
  /** Counts this soon after an infusion (weeks) may precede depletion: not used in the fit. */
  depletionWeeks: 2,
  /** A count at or above the threshold before this week (with no lower count before it) suggests non-depletion. */
  nonDepletionWeeks: 16,
} as const;

/** The curve of §3: count (cells/µL) at t weeks after the infusion. */
export function bcellCurve(t: number, t10: number, r: number, bmax: number, theta: number = OCRELIZUMAB_BCELL.referenceCount): number {
  return bmax / (1 + (bmax / theta - 1) * Math.exp(-r * (t - t10)));
}

/**
 * Week at which the curve crosses count c (cells/µL): T10 + ln((Bmax/θ − 1)/(Bmax/c − 1))/r.
 * Infinity when c ≥ Bmax (the curve never reaches it).
 */
export function crossingWeek(c: number, t10: number, r: number, bmax: number, theta: number = OCRELIZUMAB_BCELL.referenceCount): number {
  if (c >= bmax) return Infinity;
  return t10 + Math.log((bmax / theta - 1) / (bmax / c - 1)) / r;
}

const M = OCRELIZUMAB_BCELL;

export const OCRELIZUMAB_MODEL: ModelInfo = {
  id: OCRELIZUMAB_MODEL_ID,
  name: 'Ocrelizumab CD19+ B-cell repopulation, lagged logistic (T10, r) with grid posterior',
  version: OCRELIZUMAB_MODEL_VERSION,
  drug: 'ocrelizumab',
  sources: [
    'shared/reference/ocrelizumab.md §3 (model and priors, derived [D]; not published)',
    'Baker et al. (B-cell repletion after 3–4 ocrelizumab cycles) [S]',
    'Ocrevus US label (median time to repletion 72 weeks, range 27–175) [R]',
    'Barun 2020 (cross-sectional CD19 slope 8.0 cells/µL per month between 5 and 8.5 months) [V]',
  ],
  parameters: [
    { name: 'T10', value: M.t10Median, unit: 'week', omega2: M.t10LogSd ** 2, description: 'week after the infusion at which CD19+ reaches 10 cells/µL; log-normal prior, median 32, SD of ln T10 = 0.22', source: REF, status: 'derived', note: DERIVED },
    { name: 'r', value: M.rMedian, unit: '1/week', omega2: M.rLogSd ** 2, description: 'logistic growth rate of the CD19+ count; log-normal prior, median 0.09, SD of ln r = 0.8', source: REF, status: 'derived', note: DERIVED },
    { name: 'Bmax', value: M.defaultBmax, unit: 'cells/uL', description: 'plateau: the patient\'s pre-treatment count (a bcell row before the first dose) when known, else 200', source: 'shared/reference/ocrelizumab.md §3; adult normal range about 90–500 cells/µL (§4)', status: 'assumption', note: 'fixed, not estimated' },
    { name: 'θ (reference count)', value: M.referenceCount, unit: 'cells/uL', description: 'count crossed at T10; a clinic threshold c ≠ 10 is crossed at T10 + ln((Bmax/10 − 1)/(Bmax/c − 1))/r', source: 'BLOOMS-style threshold, shared/reference/ocrelizumab.md §1', status: 'assumption' },
    { name: 'observation SD', value: M.obsSd, unit: 'ln(cells/uL + 1)', description: 'ln(count + 1) ~ N(ln(B + 1), 0.35²); counts reported as 0 or <x are censored below the limit', source: REF, status: 'derived', note: DERIVED },
    { name: 'cycle-to-cycle SD of ln T10', value: M.cycleLogT10Sd, unit: '-', omega2: M.cycleLogT10Sd ** 2, description: 'previous cycle\'s ln T10 = current ln T10 + N(0, 0.07²) (≈ 2 weeks at 30 weeks): the previous cycle\'s counts inform the current cycle, widened', source: 'assumption; checked on the virtual-patient validation set (scripts/validate-ocrelizumab.ts)', status: 'assumption', note: DERIVED },
    { name: 'cycle-to-cycle SD of ln r', value: M.cycleLogRSd, unit: '-', omega2: M.cycleLogRSd ** 2, description: 'previous cycle\'s ln r = current ln r + N(0, 0.3²)', source: 'assumption (no published cycle-to-cycle data); checked on the virtual-patient validation set', status: 'assumption', note: DERIVED },
  ],
  notes: [
    'Priors reproduce [D]: ≥ 15 cells/µL in 4 % / 54 % / 91 % of patients at 26 / 39 / 52 weeks; median re-dosing at about 32 weeks on a 4-weekly schedule from week 24.',
    'Status of every prior: derived from aggregate data, to be recalibrated when local or BLOOMS data allow.',
    'Weight affects ocrelizumab exposure and earlier repopulation in heavier patients, but the size of the effect on timing is unknown: not in the model.',
    'Only the immediately previous cycle informs the current one; earlier cycles are not used.',
  ],
};
