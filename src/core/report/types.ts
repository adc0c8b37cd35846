/**
 * The one result object per patient. The chart, the proposal card, every export and the CLI line
 * read it, so they cannot disagree. Plain JSON (no functions, no Dates), so it crosses the worker
 * boundary and can be saved in a session file.
 */
import type { Days, Interval80, CurvePoint, Issue, Observation, TextParams } from '../types';
import type { WearingOffSummary } from '../wearing-off';

/**
 * Engine sentences as codes: a code names a template in the app's `engine` i18n namespace
 * (a dotted path, e.g. `nat-reason.extended`); a sentence made of parts lists their codes joined
 * by `;` and its text is the parts joined by `; `. The English templates rendered with the params
 * give the English text exactly (tested), so a view can show it in Dutch.
 */
export interface ProtocolTextCodes {
  /** `name` as a code with params. */
  nameCode?: string;
  nameParams?: TextParams;
  /** `rationale` as a code with params. */
  rationaleCode?: string;
  rationaleParams?: TextParams;
}

export const REPORT_SCHEMA_VERSION = 1;

export interface ModelRef {
  id: string;
  version: string;
  name: string;
}

// ---------------------------------------------------------------- natalizumab

export interface NatalizumabOptions {
  /** Trough target in µg/mL. @default 10 (NEXT-MS); 5 = NEXT-MS lower-target arm. */
  target: number;
  /** Required probability that the trough is at or above target. @default 0.9 */
  probability: number;
  /** Longest interval considered, whole weeks, 4–12. @default 8 (a warning beyond 8) */
  maxIntervalWeeks: number;
  /** Standard interval, weeks. @default 4 */
  standardIntervalWeeks: number;
  /** Clinic's infusion weekday (0 Sunday … 6 Saturday), or null: next dose lands on it. @default null */
  infusionWeekday: number | null;
  /**
   * How the next trough is planned to be drawn: `capillary` = a home finger-prick (the app's clinic
   * setting, overridable per patient). Planning only: no number of the proposal depends on it; it is
   * echoed in the report so the card, the print and the .ics say it from one result object.
   * @default 'venous'
   */
  nextTroughSample?: 'venous' | 'capillary';
  /**
   * Why this patient has a personal target (the clinician's reason, e.g. wearing-off reported at
   * predicted concentrations above the clinic's target, issue 19). Echoed in the report for the
   * card and the print; no number depends on it.
   */
  targetReason?: string;
  /** Posterior draws (importance-weighted) for intervals and probabilities. @default 150 */
  samples: number;
  /** Seed for the posterior sampler (combined with the patient id). @default 1 */
  seed: number;
  /**
   * Compute the chart curves (history band, forecast bands). The CLI, which prints no curve, sets
   * false; every number of the proposal is the same either way. @default true
   */
  curves?: boolean;
  /**
   * The forecast's inter-occasion spread of clearance (log-SD) calibrated on the clinic's own
   * troughs (src/core/natalizumab/calibration.ts): replaces the published allowance (ω_IOV) and
   * its shrinkage for monitored patients. Absent: the published model's allowances alone.
   */
  iovCl?: number;
  /**
   * The scale of the whole concentration forecast's log-spread (posterior, Km, laboratory bias,
   * misfit widening and the inter-occasion term together) calibrated on the clinic's own troughs
   * (calibration.ts). Absent: 1, the published widths.
   */
  spreadScale?: number;
  /** What the calibration rests on, echoed in the report for the card, print and CLI line. */
  calibration?: ForecastCalibration;
}

/** How a calibrated forecast spread was obtained (`NatalizumabOptions.calibration`). */
export interface ForecastCalibration {
  /** Troughs of the clinic (file) scored, and the patients they came from. */
  troughs: number;
  patients: number;
  /** The clinic's spread (log-SD), the published one it was shrunk toward, and this patient's. */
  clinicIov: number;
  publishedIov: number;
  patientIov: number;
  /** This patient's own scored troughs. */
  patientTroughs: number;
  /** The clinic's scale of the concentration forecast's log-spread (1: the published widths). */
  scale: number;
  /** Share of the scored troughs inside the 80 % intervals: as forecast (published spread), and with the clinic's spread. */
  cover80: number | null;
  calibratedCover80: number | null;
}

export interface IntervalOption {
  weeks: number;
  /** Steady-state trough when this interval is repeated, µg/mL, with its 80 % interval. */
  ssTrough: Interval80;
  /** P(steady-state trough ≥ target). */
  pSteadyState: number;
  /** Trough at the next visit if the next interval has this length. */
  nextTrough: Interval80;
  pNext: number;
  /** `YYYY-MM-DD` of the next dose with this interval. */
  nextDose: string;
  /** P(next trough ≥ target) ≥ `proposal.requiredNext` and P(steady state ≥ target) ≥ `proposal.requiredSteadyState`. */
  acceptable: boolean;
  /**
   * The predictive distributions as quantiles at FORECAST_QUANTILE_LEVELS (µg/mL), for calibration
   * (50/80/95 % intervals, PIT) and audits: steady-state trough and next trough.
   */
  ssQuantiles: number[];
  nextQuantiles: number[];
}

/** Probabilities of the quantiles reported with every natalizumab interval option. */
export const FORECAST_QUANTILE_LEVELS = [0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975] as const;

export interface NatalizumabReport {
  drug: 'natalizumab';
  schemaVersion: number;
  patientId: string;
  /** `YYYY-MM-DD`: the day the plan is made (data used up to its end). */
  asOf: string;
  model: ModelRef;
  options: NatalizumabOptions;
  target: { value: number; unit: 'ug/mL' };
  /** `YYYY-MM-DDTHH:MM` of the last dose on or before as-of, or null. */
  lastDose: string | null;
  /**
   * The first day a dose can be given (`YYYY-MM-DD`): the as-of day, or the day the app plans on
   * (today) when that is later; natalizumab: moved forward to the clinic's infusion weekday when one
   * is set. No date the report offers for a dose lies before it. Optional: older reports have none.
   */
  firstPossibleDay?: string;
  /**
   * The next dose as planned had fallen before the first possible day: `due` is the date it would
   * have had, and the proposal is `firstPossibleDay` instead (warning `dose-overdue`). Null or absent
   * when the dose is not late.
   */
  late?: { due: string } | null;
  fit: {
    /** 'map': individual (levels used); 'population': a-priori (no usable level). */
    kind: 'map' | 'population';
    converged: boolean;
    iterations: number;
    /** −2 log-likelihood + ηᵀΩ⁻¹η at the optimum. */
    objective: number;
    /** η for CL, Vp, Vmax. */
    eta: number[];
    weightKg: number;
    weightGiven: boolean;
    individual: {
      clearance_L_per_day: number;
      volume_L: number;
      half_life_days: number;
      vp_L: number;
      vmax_mg_per_day: number;
    };
    residuals: { time: Days; observed: number; predicted: number; censored: boolean; standardised: number }[];
  };
  proposal: {
    intervalWeeks: number;
    nextDose: string;
    predictedTrough: Interval80;
    probabilityAboveTarget: number;
    nextTrough: Interval80;
    probabilityNextAboveTarget: number;
    /**
     * The probabilities the steady-state and the next trough had to reach: both
     * `options.probability`, or, when `monitored`, MONITORED_SS_PROBABILITY and
     * monitoredNextProbability(options.probability) (src/core/natalizumab/propose.ts).
     */
    requiredSteadyState: number;
    requiredNext: number;
    /** How many of the latest infusions in a row had a trough drawn just before them. */
    monitoredTroughs: number;
    /** At least MONITORED_MIN_TROUGHS of them, agreeing with the model: the monitored rule applied. */
    monitored: boolean;
    /**
     * A guard that needs no forecast (antibodies, a level the model cannot explain, an implausible
     * weight, only censored levels, an overdue dose, a fit that did not converge) keeps the
     * standard interval: only it is forecast, and `alternatives` holds it alone.
     */
    longerNotForecast: boolean;
    /** True when the proposal is longer than the standard interval. */
    extended: boolean;
    /** Plain-language reason for the choice. */
    reason: string;
    /** `reason` as a code with params (see ProtocolTextCodes). */
    reasonCode?: string;
    reasonParams?: TextParams;
  };
  alternatives: IntervalOption[];
  /** The rule-based protocol beside the model (PDNMS: +1 week while the trough > 15 µg/mL, max 8). */
  protocol: { name: string; intervalWeeks: number; nextDose: string; rationale: string } & ProtocolTextCodes;
  /**
   * The model-free trend of the troughs at the latest stable interval (src/core/natalizumab/trend.ts),
   * or null with fewer than 3 such troughs. Optional: reports saved before it have none.
   */
  trend?: TroughTrend | null;
  /** Wearing-off reports against the intervals and the predicted concentrations at their onsets (src/core/wearing-off.ts); absent without any report. */
  wearingOff?: WearingOffSummary;
  warnings: Issue[];
  /** For the chart: concentration over the history, and forecasts per candidate interval. */
  curve: {
    history: CurvePoint[];
    forecasts: { weeks: number; points: CurvePoint[] }[];
  };
  observations: Observation[];
  doses: { time: Days; iso: string; amountMg: number; route: 'iv' | 'sc' }[];
}

/** Natalizumab: Theil–Sen trend of ln(trough) at a stable interval (see src/core/natalizumab/trend.ts). */
export interface TroughTrend {
  /** The stable interval, whole weeks. */
  intervalWeeks: number;
  /** The troughs used (µg/mL, uncensored), oldest first. */
  troughs: { time: Days; value: number }[];
  /** Censored troughs of the same run left out. */
  censoredLeftOut: number;
  /** Theil–Sen slope as percent per month, 100·(e^slope − 1), and its interval at `level`. */
  percentPerMonth: number;
  low: number;
  high: number;
  level: number;
  /** Sen's distribution-free interval is part of the interval (4 or more troughs). */
  distributionFree: boolean;
  /** The fitted trend (µg/mL) from the first to the last trough, for the chart. */
  line: { time: Days; value: number }[];
  /** Clearly falling: warning `trough-trend-falling`, no extension. */
  falling: boolean;
  /**
   * Where the fitted trend reaches the target (a falling trend only, else null): the month
   * (`YYYY-MM`) and the months from the latest trough (negative: the fitted line is below it already).
   * Optional: reports saved before it have none.
   */
  targetCrossing?: { target: number; month: string; monthsFromLatest: number } | null;
}

// ---------------------------------------------------------------- ocrelizumab

/**
 * Ocrelizumab: a model-free growth rate of ln(count + 1) per week from the uncensored counts of
 * the current cycle (Theil–Sen), beside the logistic fit's own growth of ln(B + 1) over the same
 * weeks (see src/core/ocrelizumab/trend.ts).
 */
export interface CountTrend {
  /** The counts used (cells/µL, uncensored, current cycle), oldest first. */
  counts: { time: Days; value: number }[];
  /** Censored counts of the cycle left out. */
  censoredLeftOut: number;
  /** Theil–Sen rate of ln(count + 1) per week, with its interval at `level`. */
  ratePerWeek: number;
  low: number;
  high: number;
  level: number;
  distributionFree: boolean;
  /** The fitted curve's (posterior median) growth of ln(B + 1) per week between the first and last count. */
  fittedRatePerWeek: number;
  /** The fitted growth lies outside the interval: info note `bcell-trend-disagrees`. */
  disagrees: boolean;
  /** The model-free line (cells/µL) from the first to the last count, for the chart. */
  line: { time: Days; value: number }[];
}

export interface OcrelizumabOptions {
  /** Re-dosing threshold, CD19+ cells/µL. @default 10 (BLOOMS-style) */
  threshold: number;
  /** Lab's limit for counts reported as 0. @default 1 cell/µL */
  labLimit: number;
  /** Earliest re-dose after the last dose, weeks. @default 5 months ≈ 21.7 weeks (label) */
  minWeeks: number;
  /** Latest re-dose, weeks after the last dose. @default 52 */
  maxWeeks: number;
  /** Posterior quantile of the crossing used for the re-dose date. @default 0.5 */
  redoseQuantile: number;
  /** Posterior quantile of the crossing used for the next count date. @default 0.1 */
  countQuantile: number;
  /** Minimum gap between the latest count and the next one, weeks. @default 2 */
  minCountGapWeeks: number;
  /** BLOOMS-style schedule: first count week, then every N weeks. @default 24, 4 */
  firstCountWeek: number;
  countEveryWeeks: number;
}

export interface OcrelizumabReport {
  drug: 'ocrelizumab';
  schemaVersion: number;
  patientId: string;
  asOf: string;
  model: ModelRef;
  options: OcrelizumabOptions;
  threshold: { value: number; unit: 'cells/uL' };
  lastDose: string | null;
  /**
   * The first day a dose can be given (`YYYY-MM-DD`): the as-of day, or the day the app plans on
   * (today) when that is later; natalizumab: moved forward to the clinic's infusion weekday when one
   * is set. No date the report offers for a dose lies before it. Optional: older reports have none.
   */
  firstPossibleDay?: string;
  /**
   * The next dose as planned had fallen before the first possible day: `due` is the date it would
   * have had, and the proposal is `firstPossibleDay` instead (warning `dose-overdue`). Null or absent
   * when the dose is not late.
   */
  late?: { due: string } | null;
  fit: {
    /** What informed the forecast. */
    basis: 'current-cycle' | 'previous-cycle' | 'population';
    countsUsed: number;
    previousCycleCountsUsed: number;
    bmax: number;
    bmaxFromPatient: boolean;
    /** Crossing, weeks after the last dose (posterior median and 80 % interval). */
    crossingWeeks: Interval80;
    growthRatePerWeek: Interval80;
  };
  proposal: {
    nextDose: string;
    weeksSinceLastDose: number;
    predictedCrossing: string;
    predictedCrossingLow: string;
    predictedCrossingHigh: string;
    nextBcellCheck: string;
    /** A count at or above the threshold: re-dosing is due now. */
    dueNow: boolean;
    reason: string;
    /** `reason` as a code with params (see ProtocolTextCodes). */
    reasonCode?: string;
    reasonParams?: TextParams;
  };
  /** BLOOMS-style rule beside it. */
  protocol: { name: string; nextCount: string; rationale: string } & ProtocolTextCodes;
  /** Model-free growth of the counts beside the logistic fit, or null with fewer than 3 uncensored counts this cycle. Optional: older reports have none. */
  countTrend?: CountTrend | null;
  /** Wearing-off reports against the cycles, with weeks since the dose and the predicted count at each onset; absent without any report. */
  wearingOff?: WearingOffSummary;
  /** P(count ≥ threshold) by date, weekly from the last dose. */
  probabilityByDate: { date: string; probability: number }[];
  warnings: Issue[];
  curve: CurvePoint[];
  observations: Observation[];
  doses: { time: Days; iso: string; amountMg: number }[];
}

export type PatientReport = NatalizumabReport | OcrelizumabReport;

/** A patient that could not be computed: its line in the CLI and its card in the app. */
export interface PatientError {
  drug: 'natalizumab' | 'ocrelizumab' | null;
  patientId: string;
  error: string;
  /** `error` as a code with params, when the engine wrote it (see ProtocolTextCodes). */
  errorCode?: string;
  errorParams?: TextParams;
  issues: Issue[];
}

/** One predicted value (CLI `predict`). */
export interface PointPrediction {
  time: string;
  kind: 'level' | 'bcell';
  value: number;
  low: number;
  high: number;
  unit: 'ug/mL' | 'cells/uL';
}
