/**
 * Sense limits: the one place that says which values are impossible (refused when typed or
 * imported, by the records check in parse.ts) and which weights lie outside the natalizumab
 * model's range (a warning, from the records check and from the engine: the same numbers on the
 * form and on the card). Each limit states where it comes from.
 */

export interface SenseLimit {
  value: number;
  unit: string;
  source: string;
}

/**
 * Highest natalizumab level accepted, µg/mL. Above the highest peak the model can give: 300 mg
 * every 3 weeks (the closest dosing accepted without a warning) to steady state, 30 kg, clearance,
 * Vmax and Vp all 4 SD below typical, peaks at 388 µg/mL; the label's Q4W steady-state peak is
 * 110 ± 52 µg/mL (EU SmPC, reference/natalizumab.md §3). A value above it is most likely in ng/mL.
 */
export const LEVEL_MAX: SenseLimit = {
  value: 500,
  unit: 'µg/mL',
  source: 'above the highest peak of the van den Berg 2025 model (388 µg/mL: 300 mg every 3 weeks, 30 kg, clearance, Vmax and Vp 4 SD below typical) and the label\'s steady-state peak 110 ± 52 µg/mL (EU SmPC)',
};

/**
 * Highest CD19+ B-cell count accepted, cells/µL: ten times the upper end of the adult normal
 * range (90–500 cells/µL, reference/ocrelizumab.md §4) and above an adult's whole normal
 * lymphocyte count (about 1000–4800 cells/µL). Such a value is most likely cells/µL entered as
 * 10^9/L.
 */
export const BCELL_MAX: SenseLimit = {
  value: 5000,
  unit: 'cells/µL',
  source: 'ten times the adult normal range of CD19+ B cells (90–500 cells/µL) and more than an adult\'s whole lymphocyte count (1000–4800 cells/µL)',
};

/**
 * Body weights accepted at all, kg (an adult): outside, a typing error (820 for 82) is refused.
 * The one weight range of the project (issue 17): the records check refuses a weight outside it,
 * and the natalizumab engine keeps the standard interval for one (a record that did not come
 * through the check), so a weight accepted at import is never called impossible later. Why
 * 20–300 and not narrower: every adult's weight lies within it (a cachectic adult may weigh under
 * 30 kg), and what lies outside is a typing or unit error; a weight that is merely unusual is used
 * as written with the model-range warning below (its predictions are extrapolated).
 */
export const WEIGHT_ACCEPTED = { min: 20, max: 300, unit: 'kg' } as const;

/**
 * The years a record's time may lie in, wide on purpose: only a year that cannot be one of care is refused;
 * a time outside them is a typing error (0024 for 2024), and beyond 9999 a date has no ISO form (a
 * plan from a dose in 9999 would print year 10000). The app also refuses a time after today; the
 * command line, which has no clock, relies on this range.
 */
export const YEARS_ACCEPTED = { min: 1900, max: 2199 } as const;

/** Whether a weight lies in WEIGHT_ACCEPTED (NaN does not). */
export function isAcceptedWeight(kg: number): boolean {
  return kg >= WEIGHT_ACCEPTED.min && kg <= WEIGHT_ACCEPTED.max;
}

/**
 * Body weights the natalizumab model was built on, kg: outside, its predictions are extrapolated
 * (a warning from the records check and from the engine alike).
 */
export const WEIGHT_MODEL_RANGE = { min: 40, max: 150, unit: 'kg', source: 'van den Berg 2025: the weights of the patients the model was fitted to' } as const;

/** Whether a weight lies in the model's range. */
export function inWeightModelRange(kg: number): boolean {
  return kg >= WEIGHT_MODEL_RANGE.min && kg <= WEIGHT_MODEL_RANGE.max;
}
