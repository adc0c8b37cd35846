/**
 * The uncertainty that the published natalizumab model leaves out, added to every forecast so that a
 * stated 80 % interval covers about 80 % of real patients, whose PK never follows the published
 * model exactly. Each source has its value, its source (or "assumption") and why. The fit itself
 * stays the published model's (its MAP is what `value` reports); these terms widen the predictive
 * distribution behind the intervals and probabilities, draw by draw.
 */
import type { ModelParameter } from '../src/core/types';

export const NATALIZUMAB_FORECAST_UNCERTAINTY = {
  /**
   * Inter-occasion variability of clearance (log-normal SD of CL between dosing occasions). The
   * troughs measured so far show the clearance of the occasions they came from; the intervals to
   * come have clearances of their own. Each forecast draw gets its own future clearance
   * CL·exp(κ), κ ~ N(0, ω_IOV²), applied from the last dose on (the state at the last dose, which
   * the latest occasion's troughs inform most, is kept as fitted). 0.08 is at the low end of what
   * is reported for antibodies (10–30 % CV), and a compromise, stated as such: 0.15 made the
   * 80 % intervals of patients drawn from the published model hold 98–100 % of true troughs and
   * cost about 0.7 infusions a year in the adaptive trial, where troughs are re-measured at every
   * visit; 0.08 keeps them at 0.92–0.95 and costs about 0.3. On patients whose clearance shifts
   * persistently between the occasions measured and those to come (the shared robustness set)
   * no allowance of this size is enough (80 % intervals hold about 0.5–0.6 of true troughs): such
   * a shift leaves no trace in two troughs. Where a patient's own residuals are larger than the
   * model expects, the misfit scale below widens that patient's forecast.
   */
  iovCl: 0.08,
  /**
   * Uncertainty of Km, the concentration of half-maximal saturable elimination: the paper's
   * 95 % CI 0.11–1.55 mg/L around 0.875, as a normal with SE (1.55 − 0.11)/3.92 = 0.367 mg/L,
   * truncated at kmFloor. Km matters where troughs are low, i.e. exactly at the extended intervals
   * the troughs at 4 weeks cannot inform.
   */
  kmSe: (1.55 - 0.11) / 3.92,
  kmFloor: 0.05,
  /**
   * Assay calibration and between-laboratory bias (log-normal SD, shared by all of a patient's
   * levels): the model was fitted on one laboratory's assay; another laboratory's ELISA may read a
   * few percent high or low. All of a patient's troughs share the bias, so more troughs do not
   * average it away; it carries straight into the forecast of the true concentration.
   */
  labBias: 0.03,
  /**
   * The patient's own evidence of misfit: the forecast's spread around the MAP is scaled by
   * s = sqrt((ν0 + Σz²)/(ν0 + n)) when s > 1 (z: standardised residuals of the n uncensored levels
   * at the MAP), a conjugate (scaled-inverse-χ²) update of the residual scale with ν0 prior degrees
   * of freedom at s = 1. It is never narrowed below the model's own spread.
   */
  misfitPriorDf: 2,
  /** The largest misfit scale applied (beyond it the level-unexplained guard stops extension). */
  misfitMax: 3,
} as const;

const U = NATALIZUMAB_FORECAST_UNCERTAINTY;

/** The same terms as shown in the app's model details (value, unit, source, status, why). */
export const FORECAST_UNCERTAINTY_PARAMETERS: ModelParameter[] = [
  {
    name: 'IOV of CL (forecast)', value: U.iovCl, unit: 'log-SD', description: 'each forecast has its own future clearance CL·exp(κ), κ ~ N(0, 0.08²)',
    source: 'assumption: inter-occasion variability of monoclonal-antibody clearance is typically 10–30 % CV; not reported for natalizumab', status: 'assumption',
    note: 'the troughs measured so far show past occasions; the intervals to come have clearances of their own',
  },
  {
    name: 'Km uncertainty (forecast)', value: Number(U.kmSe.toFixed(3)), unit: 'mg/L (SE)', description: 'Km drawn per forecast from N(0.875, 0.367²), truncated at 0.05 mg/L',
    source: 'van den Berg 2025: Km 95 % CI 0.11–1.55 mg/L (SE = width/3.92)', status: 'to be checked',
    note: 'Km governs elimination at low troughs, where the 4-weekly troughs carry no information',
  },
  {
    name: 'laboratory bias (forecast)', value: U.labBias, unit: 'log-SD', description: 'one bias per patient on all measured levels, carried into the forecast',
    source: 'assumption: between-laboratory differences of ELISA calibration of a few percent to 10 %', status: 'assumption',
    note: 'shared by all troughs of a patient, so more troughs do not average it away',
  },
  {
    name: 'misfit scale', value: U.misfitPriorDf, unit: 'prior df', description: 'forecast spread × sqrt((2 + Σz²)/(2 + n)) when the residuals are larger than the model expects',
    source: 'conjugate scaled-inverse-χ² update of the residual scale (standard Bayesian result)', status: 'assumption',
    note: 'widens the forecast only where the patient’s own data show misfit, never narrows it',
  },
];
