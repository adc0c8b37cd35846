/**
 * Natalizumab population PK model (van den Berg et al., CPT Pharmacometrics Syst Pharmacol 2025,
 * doi:10.1002/psp4.70014) as typed data with provenance. Two compartments, linear clearance plus a
 * parallel Michaelis–Menten (target-mediated) pathway; time in days, amounts in mg, volumes in L,
 * concentrations in µg/mL (= mg/L).
 *
 * Between-patient variability is log-normal: P_i = P_typ · exp(η_i), η_i ~ N(0, ω²). The source
 * gives each as a CV; we convert with ω² = ln(1 + CV²) (the exact log-normal relation) and state
 * both, so the scale is never implicit.
 */
import type { ModelInfo } from '../src/core/types';
import { FORECAST_UNCERTAINTY_PARAMETERS } from './natalizumab-forecast-uncertainty';

export const NATALIZUMAB_MODEL_ID = 'natalizumab-vandenberg-2025';
export const NATALIZUMAB_MODEL_VERSION = '1.1.0';

const SRC = 'van den Berg et al., CPT:PSP 2025, doi:10.1002/psp4.70014, Table (as transcribed by a third party)';
const LABEL = 'Tysabri SC label (EU SmPC)';

/** ω² of a log-normal with coefficient of variation cv: ln(1 + cv²). */
export function omega2FromCv(cv: number): number {
  return Math.log(1 + cv * cv);
}

/** The numbers the engine computes with (the same numbers as the annotated parameter list below). */
export const NATALIZUMAB_PK = {
  /** Linear clearance, L/day (70 kg). */
  cl: 0.164,
  /** Central volume, L. */
  vc: 3.48,
  /** Peripheral volume, L. */
  vp: 3.48,
  /** Inter-compartmental clearance, L/day. */
  q: 0.40,
  /** Maximum saturable elimination rate, mg/day (70 kg). */
  vmax: 2.86,
  /** Concentration at half-maximal saturable elimination, mg/L. */
  km: 0.875,
  /** Weight exponent on CL: CL · (WT/70)^0.60. */
  wtExpCl: 0.60,
  /** Weight exponent on Vmax: Vmax · (WT/70)^0.26. */
  wtExpVmax: 0.26,
  /** Reference body weight, kg. */
  refWeight: 70,
  /** CVs of the log-normal BSV (order: CL, Vp, Vmax). */
  cv: [0.228, 0.315, 0.26] as const,
  /** ω² = ln(1 + CV²) (order: CL, Vp, Vmax). */
  omega2: [omega2FromCv(0.228), omega2FromCv(0.315), omega2FromCv(0.26)] as const,
  /** Proportional residual error (SD as a fraction of the prediction). */
  sigmaProp: 0.219,
  /**
   * SC 300 mg bioavailability, typical value (median of a log-normal): 0.70. Sources disagree:
   * the label says about 84 %, DELIVER measured 57.1–71.3 % relative to IV, and the 2024 matched
   * cohort's SC troughs ran about 0.76× IV. No single value is right for every patient, so F is
   * uncertain (scFLogSd) and each posterior draw carries its own F, weighted by the patient's
   * troughs after SC doses.
   */
  scF: 0.70,
  /** Log-SD of F between patients and sources: 80 % of draws within 0.58–0.85 (capped at 1). */
  scFLogSd: 0.15,
  /** SC absorption lag, days (3 h, label). */
  scLagDays: 3 / 24,
  /** SC first-order absorption rate, 1/day, typical value (assumption: not published). */
  scKa: 0.25,
  /** Log-SD of ka (assumption: typical antibodies absorb at 0.15–0.4/day). */
  scKaLogSd: 0.35,
  /**
   * Capillary (finger-prick) level vs venous, method comparison (Toorop, Mult Scler 2023): mean
   * bias −0.36 µg/mL, 95 % limits of agreement about −2 to +1.3 µg/mL, i.e. an additive SD of
   * about 0.84 µg/mL on top of the assay's proportional error. A capillary level is modelled as
   * normal with mean f − 0.36 and variance (σf)² + 0.84².
   */
  capillaryShift: -0.36,
  capillaryAddSd: 0.84,
  /**
   * Bound on each random effect, in its own SD: |η_j| ≤ 6·ω_j (assumption, ours). A log-normal
   * puts less than 2e-9 of its mass beyond 6 SD, and the validation patients (antibody-like ones
   * included) fit within 3.8 SD, so a fit that wants more is explaining a data error (unit, time,
   * dose history), not a patient; it is flagged as an unexplained level anyway. The bound keeps
   * every simulated patient physiological and the ODE non-stiff (Vp ≥ 0.55 L, CL and Vmax within
   * a factor 3.9 and 4.6 of typical), so an absurd level cannot make the engine grind. Parameters
   * saturate at the bound (P = P_typ·exp(clamp(η))); the prior still counts the unclamped η, so
   * the MAP lies inside the box and draws beyond it get little weight.
   */
  etaBoundSd: 6,
} as const;

const o2 = NATALIZUMAB_PK.omega2;

export const NATALIZUMAB_MODEL: ModelInfo = {
  id: NATALIZUMAB_MODEL_ID,
  name: 'Natalizumab 2-compartment PK with parallel Michaelis–Menten elimination (van den Berg 2025)',
  version: NATALIZUMAB_MODEL_VERSION,
  drug: 'natalizumab',
  sources: [
    'van den Berg et al., Model-informed precision dosing of natalizumab, CPT Pharmacometrics Syst Pharmacol 2025, doi:10.1002/psp4.70014',
    'Tysabri EU SmPC (SC formulation: bioavailability, lag, Tmax)',
  ],
  parameters: [
    { name: 'CL', value: 0.164, unit: 'L/day', cv: 0.228, omega2: o2[0], description: 'linear clearance at 70 kg; CL_i = CL·(WT/70)^0.60·exp(η_CL)', source: SRC, status: 'to be checked', note: 'ω² = ln(1 + 0.228²)' },
    { name: 'Vc', value: 3.48, unit: 'L', description: 'central volume', source: SRC, status: 'to be checked' },
    { name: 'Vp', value: 3.48, unit: 'L', cv: 0.315, omega2: o2[1], description: 'peripheral volume; Vp_i = Vp·exp(η_Vp)', source: SRC, status: 'to be checked', note: 'ω² = ln(1 + 0.315²)' },
    { name: 'Q', value: 0.40, unit: 'L/day', description: 'inter-compartmental clearance', source: SRC, status: 'to be checked' },
    { name: 'Vmax', value: 2.86, unit: 'mg/day', cv: 0.26, omega2: o2[2], description: 'maximum saturable elimination at 70 kg; Vmax_i = Vmax·(WT/70)^0.26·exp(η_Vmax)', source: SRC, status: 'to be checked', note: 'ω² = ln(1 + 0.26²)' },
    { name: 'Km', value: 0.875, unit: 'mg/L', description: 'concentration at half-maximal saturable elimination', source: SRC, status: 'to be checked', note: 'poorly identified: 95 % CI 0.11–1.55' },
    { name: 'WT exponent on CL', value: 0.60, unit: '-', description: 'allometric exponent, reference weight 70 kg', source: SRC, status: 'to be checked', note: 'placement of the two weight exponents and the reference weight are unconfirmed' },
    { name: 'WT exponent on Vmax', value: 0.26, unit: '-', description: 'allometric exponent, reference weight 70 kg', source: SRC, status: 'to be checked', note: 'placement of the two weight exponents and the reference weight are unconfirmed' },
    { name: 'proportional residual error', value: 0.219, unit: 'fraction', description: 'SD of the measurement error as a fraction of the true concentration', source: SRC, status: 'to be checked' },
    { name: 'F (SC)', value: 0.70, unit: 'fraction', cv: 0.15, description: 'SC bioavailability: log-normal, median 0.70, log-SD 0.15 (80 % within 0.58–0.85, at most 1); each posterior draw its own', source: 'DELIVER (Plavina, J Clin Pharmacol 2016): 57.1–71.3 % relative to IV [measured]; EU SmPC: about 84 % [label]; Toorop, MSARD 2024: SC troughs ≈ 0.76× IV [measured]', status: 'assumption', note: 'measured: DELIVER and the 2024 cohort; assumed: the log-normal spread that spans them and the label' },
    { name: 'lag (SC)', value: 0.125, unit: 'day', description: 'SC absorption lag (3 h)', source: LABEL, status: 'assumption' },
    { name: 'η bound', value: 6, unit: 'SD (ω)', description: 'each random effect is limited to ±6 of its SDs (parameters saturate there)', source: 'assumption (ours): < 2e-9 of a log-normal lies beyond 6 SD; validation patients fit within 3.8 SD', status: 'assumption', note: 'keeps an absurd level from driving the fit to unphysiological, stiff parameters' },
    { name: 'ka (SC)', value: 0.25, unit: '1/day', cv: 0.35, description: 'SC first-order absorption rate: log-normal, median 0.25/day, log-SD 0.35; each posterior draw its own', source: 'not published; typical for an antibody (0.2–0.3/day), gives the label Tmax ≈ 6 days', status: 'assumption' },
    { name: 'capillary bias', value: -0.36, unit: 'µg/mL', description: 'a finger-prick level reads on average 0.36 µg/mL below the venous one', source: 'Toorop et al., Mult Scler 2023;29:457-460 (30 patients, method comparison)', status: 'confirmed', note: 'used in the likelihood of capillary levels only' },
    { name: 'capillary additive SD', value: 0.84, unit: 'µg/mL', description: 'extra spread of a finger-prick level, beside the proportional assay error', source: 'derived from the 95 % limits of agreement (−2 to +1.3 µg/mL) of Toorop 2023', status: 'to be checked', note: 'so the same trough given as capillary informs the fit less than as venous' },
    ...FORECAST_UNCERTAINTY_PARAMETERS,
  ],
  notes: [
    'Between-patient variability is log-normal; ω² = ln(1 + CV²) is derived from the published CVs and stated per parameter.',
    'The weight covariate (CL·(WT/70)^0.60, Vmax·(WT/70)^0.26) is as transcribed: which parameters carry which exponent, and the reference weight, are not yet confirmed against the paper.',
    'Values tagged "to be checked" come from a third party\'s transcription of the paper\'s table, consistent with the label.',
    'SC dosing extends an IV-built model: elimination is taken as the same (DELIVER found it not different); bioavailability and absorption rate are uncertain parameters (measured ranges, assumed spread) that every forecast carries.',
  ],
};
