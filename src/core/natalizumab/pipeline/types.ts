/**
 * The natalizumab proposal as a pipeline (issue 17): each stage a named function in its own file,
 * with the typed result it hands on.
 *
 *   prepare   → Prepared   the record up to as-of, options, the chart's history grid
 *   fit       → Analysis   MAP fit and importance-weighted posterior draws (analysis.ts)
 *   guards    → Guards     what settles the patient at the standard interval without a forecast
 *   spread    → Spread     the forecast's inter-occasion allowance (monitored or not)
 *   forecast  → Forecasts  next and steady-state troughs per candidate interval, as distributions
 *   analyses  → Analyses   model-free and derived analyses beside the model (trend, out of reach)
 *   decide    → Decision   the interval and the reason
 *   overdue   → Overdue    an overdue dose: the restart's next trough and its warning
 *   bands     → Bands      the chart's history and forecast bands (only when a chart is asked for)
 *   report    → NatalizumabReport
 */
import type { Days, Issue, PatientRecord, TextParams, CurvePoint } from '../../types';
import type { IntervalOption, NatalizumabOptions, NatalizumabReport, TroughTrend } from '../../report/types';
import type { NatalizumabPatient } from '../patient';
import type { ForecastTerms } from '../uncertainty';
import type { Monitoring } from '../monitoring';

export interface Prepared {
  patient: PatientRecord;
  asOf: Days;
  opts: NatalizumabOptions;
  prep: NatalizumabPatient;
  /** A chart is asked for (opts.curves !== false): the history band and forecast bands are computed. */
  curves: boolean;
  /** Chart times over the history (empty without a chart). */
  grid: Float64Array;
  /** The preparation's warnings (weights, SC route, intervals beyond 8 weeks). */
  issues: Issue[];
}

export type Residual = NatalizumabReport['fit']['residuals'][number];

/** A guard that keeps the standard interval from the data and the fit alone (no forecast needed). */
export type SettlingGuard = 'antibodies' | 'not-converged' | 'unexplained' | 'weight' | 'censored-only' | 'overdue';

export interface Guards {
  residuals: Residual[];
  antibodies: Issue | null;
  notConverged: boolean;
  unexplained: boolean;
  /** The first weight outside the accepted range, or null. */
  implausibleKg: number | null;
  /** Every level only "below the lab's limit". */
  onlyCensored: boolean;
  /** The dose is overdue as of the planning day: the last dose's time and the weeks since it. */
  overdue: { lastDose: Days; gapWeeks: number } | null;
  /** The first settling guard in the decision's order, or null: then the longer intervals are forecast. */
  settledBy: SettlingGuard | null;
  /** Censored levels, unexplained levels, antibodies or a low trough, a fit that did not converge. */
  issues: Issue[];
  /** An a-priori prediction, only censored levels (listed after the forecast's own warning). */
  notes: Issue[];
}

/** The forecast's spread beyond the posterior: the inter-occasion allowance for clearance. */
export interface Spread {
  monitoring: Monitoring;
  /** SD of log CL from one dosing interval to the next (ω_IOV) the forecast allows. */
  iov: number;
  /** Occasions the history's troughs average over (1 unmonitored). */
  occasions: number;
  /** Scale of the concentration forecast's log-spread calibrated on the clinic's troughs (1: published). */
  scale: number;
}

export interface Forecasts {
  weeks: number[];
  /** The intervals in days. */
  taus: number[];
  /** MAP next and steady-state troughs per interval. */
  mapNext: Float64Array;
  mapSs: Float64Array;
  /** The draws (indices into the fit's samples) with their renormalised weights. */
  idx: Int32Array;
  w: Float64Array;
  terms: ForecastTerms;
  /** Spread scale from the patient's residuals (and capillary sampling). */
  misfit: number;
  requiredSteadyState: number;
  requiredNext: number;
  alternatives: IntervalOption[];
  /** Steady-state troughs that did not settle numerically. */
  issues: Issue[];
}

export interface Analyses {
  trend: TroughTrend | null;
  issues: Issue[];
}

export interface Decision {
  weeks: number;
  reason: string;
  reasonCode: string;
  reasonParams: TextParams;
}

export interface Overdue {
  /** The chosen option with the restart's next trough and dose date. */
  chosen: IntervalOption;
  issues: Issue[];
  protocol: NatalizumabReport['protocol'];
  /** The first day a dose can be given: the as-of day, or the clinic's next infusion weekday. */
  firstPossibleDay: string;
  /** The dose as planned had passed: the date it would have had (the proposal is firstPossibleDay). */
  late: { due: string } | null;
}

export interface Bands {
  history: CurvePoint[];
  forecasts: { weeks: number; points: CurvePoint[] }[];
}
