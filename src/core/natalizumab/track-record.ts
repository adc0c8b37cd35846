/**
 * The track record: how the forecasts held on a patient's own troughs (spec/cli.md, track-record).
 *
 * For every natalizumab trough (trend.ts: a level drawn at most 3 days before a dose, 21 days or
 * more after the one before it) with at least two troughs before it, the forecast the engine would
 * have made just before that trough was drawn (the rows before it; as of one minute before the
 * draw) is set against the measured value. The forecast is that of the MEASUREMENT: each weighted
 * posterior draw's concentration at the draw time (with its own future clearance, Km, laboratory
 * bias and the patient's misfit widening, exactly as the proposal's forecasts: uncertainty.ts),
 * then the assay's error around it (proportional 21.9 %; a finger-prick with its shift and
 * additive error), as the fit's likelihood has it (fit/objective.ts). The predictive distribution
 * is the weighted mixture of these normals: its CDF at the measured value is the PIT, and the
 * central 50/80/95 % intervals hold the value exactly when the PIT lies within them.
 *
 * Censored troughs (`<x`) count as inside an interval when the interval reaches below x (its
 * lower end is under x: F(x) above the interval's lower level); their PIT is put at F(x)/2, the
 * middle of the range it could have (deterministic, where a randomised PIT would draw it), and
 * they are left out of the log ratio.
 *
 * Each score also keeps what calibration.ts needs to re-weigh the inter-occasion spread: the
 * forecast's log-variance apart from the future occasion's κ, and the sensitivity of the log
 * forecast to κ (weighted regression over the draws: κ is drawn independently of everything else).
 */
import { hashText } from '../hash';
import type { Days, Observation, PatientRecord } from '../types';
import type { NatalizumabOptions } from '../report/types';
import { normCdf, normPdf, normQuantile } from '../stats/normal';
import { PkSolver, FAST, PkWorkError, type WorkBudget } from '../pk/index';
import { NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';
import { analyse, resolveOptions } from './analysis';
import { forecastCurve } from './forecast';
import { boundedEta } from './patient';
import { monitoring } from './monitoring';
import { scorableTroughs } from './scorable';
import { drawForecastTerms, forecastIov, forecastParams, futureClSd, patientMisfit, scaleSpread, weightedDraws, widen } from './uncertainty';

export { TRACK_RECORD_MIN_PRIOR_TROUGHS, scorableTroughs } from './scorable';
/** The forecast is made as of this long (days) before the draw: one minute. */
const BEFORE_DRAW = 1 / 1440;
/** The central intervals scored. */
export const TRACK_RECORD_LEVELS = [0.5, 0.8, 0.95] as const;
export const PIT_BINS = 10;

/** The forecast of one measurement: a weighted mixture of normals, and the κ behind each draw. */
export interface MeasurementForecast {
  mean: Float64Array;
  sd: Float64Array;
  weights: Float64Array;
  /** ln(concentration) of each draw (before the assay error) and its future occasion's κ. */
  logConc: Float64Array;
  kappa: Float64Array;
  /** The κ spread the forecast used, and the occasions its history's κ averages over. */
  iov: number;
  occasions: number;
  /** The η of the converged MAP fit behind it (the next trough's fit starts there), if any. */
  fitEta?: number[];
}

/** One trough set against the forecast made just before it. */
export interface TroughScore {
  patientId: string;
  time: Days;
  iso: string;
  measured: number;
  censored: boolean;
  capillary: boolean;
  /** Forecast median of the measurement and its central 80 % interval. */
  median: number;
  low80: number;
  high80: number;
  /** Probability integral transform: the forecast CDF at the measured value (censored: F(x)/2). */
  pit: number;
  /** Inside the central 50, 80 and 95 % intervals. */
  inside: [boolean, boolean, boolean];
  /** ln(measured / median); null when censored. */
  logRatio: number | null;
  /**
   * For calibration.ts: the log-variance of the concentration forecast apart from κ, the assay's,
   * d ln C / dκ, the occasions the history's κ averages over, and the κ spread used.
   */
  spread: { conc: number; assay: number; sensitivity: number; occasions: number; iov: number };
}

/**
 * The measurement forecast at time `t` from the rows before `asOf`; `warm`: where the fit starts
 * (the previous trough's fit: the same patient with one trough fewer, its optimum nearby).
 */
export function measurementForecast(patient: PatientRecord, asOf: Days, t: Days, capillary: boolean, opts: NatalizumabOptions, warm?: readonly number[]): MeasurementForecast | null {
  // Only the MAP's concentration at t is read (the draws are forecast from their snapshots below).
  const a = analyse(patient, asOf, opts, [t], undefined, { mapOutOnly: true, warm });
  const last = a.prep.lastDose ? a.prep.lastDose.time : null;
  if (last === null || !(t > last)) return null;
  const { idx, w } = weightedDraws(a.weights);
  const n = idx.length;
  const mon = monitoring(a);
  const { iov, occasions } = forecastIov(mon, opts.iovCl);
  const terms = drawForecastTerms(opts.seed, a.n, iov, occasions);
  const misfit = scaleSpread(terms, patientMisfit(a, mon.residualScale), opts.spreadScale);
  const solver = new PkSolver(FAST);
  const pF = { ...a.paramsMap };
  const rel = Float64Array.of(t - last);
  const out = new Float64Array(1);
  const fitEta = a.kind === 'map' && a.converged ? a.eta.slice() : undefined;
  const f = { mean: new Float64Array(n), sd: new Float64Array(n), weights: w, logConc: new Float64Array(n), kappa: new Float64Array(n), iov, occasions, fitEta };
  for (let r = 0; r < n; r++) {
    const s = idx[r];
    forecastParams(a.paramsSamples[s], boundedEta(a.etas[s * 3], 0), terms, s, pF);
    forecastCurve(solver, pF, a.snaps.subarray(s * 3, s * 3 + 3), a.prep.repeated, rel[0] + 1, 1, rel, out);
    const c = Math.max(widen(out[0], a.outMap[0], misfit, terms.bias[s]), 1e-9);
    f.logConc[r] = Math.log(c);
    f.kappa[r] = terms.kappa[s];
    f.mean[r] = capillary ? c + M.capillaryShift : c;
    f.sd[r] = capillary ? Math.sqrt((M.sigmaProp * c) ** 2 + M.capillaryAddSd ** 2) : M.sigmaProp * c;
  }
  return f;
}

/** Beyond these Φ(z) is exactly 1 and exactly 0 in double precision (test/core/natalizumab/track-speed.test.ts). */
export const PHI_ONE = 8.5;
export const PHI_ZERO = -39;

/** The mixture's CDF at x. */
export function forecastCdf(f: MeasurementForecast, x: number): number {
  let p = 0;
  for (let r = 0; r < f.mean.length; r++) {
    const z = (x - f.mean[r]) / f.sd[r];
    // Far in a tail Φ is exactly 1 (z ≥ 8.3) or 0 (z ≤ −38.5) in double precision: the same sum, without the series.
    if (z > PHI_ONE && z < Infinity) p += f.weights[r];
    else if (!(z < PHI_ZERO && z > -Infinity)) p += f.weights[r] * normCdf(z);
  }
  return Math.min(1, Math.max(0, p));
}

/** The mixture's CDF at x and its density (the density only where a term's Φ is not exactly 0 or 1: far tails add nothing to a Newton step). */
function cdfAndDensity(f: MeasurementForecast, x: number): [number, number] {
  let p = 0, d = 0;
  for (let r = 0; r < f.mean.length; r++) {
    const z = (x - f.mean[r]) / f.sd[r];
    if (z > PHI_ONE && z < Infinity) p += f.weights[r];
    else if (!(z < PHI_ZERO && z > -Infinity)) {
      p += f.weights[r] * normCdf(z);
      if (z > -PHI_ONE) d += (f.weights[r] * normPdf(z)) / f.sd[r];
    }
  }
  return [Math.min(1, Math.max(0, p)), d];
}

/**
 * The mixture's q-quantile, to 1e-6 relative: Newton's method on the CDF (its density from the
 * same pass) inside a bracket that every step narrows, a bisection step wherever Newton's would
 * leave it (issue 17, item 6: about 5 passes over the draws instead of a bisection's 20 or more
 * from the draws' ±9 SD). Ends when a Newton step is below 1e-8 relative (quadratic convergence:
 * the error is then far below 1e-6) or the bracket is narrower than 1e-6 relative.
 */
export function forecastQuantile(f: MeasurementForecast, q: number): number {
  let lo = Infinity, hi = -Infinity, m = 0, m2 = 0;
  for (let r = 0; r < f.mean.length; r++) {
    lo = Math.min(lo, f.mean[r] - 9 * f.sd[r]); hi = Math.max(hi, f.mean[r] + 9 * f.sd[r]);
    m += f.weights[r] * f.mean[r]; m2 += f.weights[r] * (f.sd[r] * f.sd[r] + f.mean[r] * f.mean[r]);
  }
  const narrow = () => hi - lo <= 1e-6 * Math.max(1, Math.abs(hi));
  if (!(q > 0 && q < 1)) {
    for (let k = 0; k < 100 && !narrow(); k++) {
      const mid = (lo + hi) / 2;
      if (forecastCdf(f, mid) < q) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }
  // Start from the normal with the mixture's mean and variance.
  let x = m + normQuantile(q) * Math.sqrt(Math.max(0, m2 - m * m));
  if (!(x > lo && x < hi)) x = (lo + hi) / 2;
  for (let k = 0; k < 200; k++) {
    const [F, d] = cdfAndDensity(f, x);
    if (F < q) lo = x; else hi = x;
    if (narrow()) return (lo + hi) / 2;
    let next = d > 0 ? x - (F - q) / d : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-8 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return (lo + hi) / 2;
}

/** Log-variance of the forecast's concentration apart from κ, the assay's, and the sensitivity to κ (weighted regression). */
export function spreadParts(f: MeasurementForecast, median: number): { conc: number; assay: number; sensitivity: number } {
  let mL = 0, mK = 0;
  for (let r = 0; r < f.weights.length; r++) { mL += f.weights[r] * f.logConc[r]; mK += f.weights[r] * f.kappa[r]; }
  let vL = 0, vK = 0, cLK = 0;
  for (let r = 0; r < f.weights.length; r++) {
    const dl = f.logConc[r] - mL, dk = f.kappa[r] - mK;
    vL += f.weights[r] * dl * dl; vK += f.weights[r] * dk * dk; cLK += f.weights[r] * dl * dk;
  }
  const sensitivity = vK > 1e-12 ? cLK / vK : 0;
  // The assay's log-variance (proportional error; a finger-prick's additive part too), at the median.
  const m = Math.max(median, 1e-9);
  let assay = 0;
  for (let r = 0; r < f.weights.length; r++) assay += f.weights[r] * f.sd[r] * f.sd[r];
  return { conc: Math.max(0, vL - sensitivity * sensitivity * vK), assay: assay / (m * m), sensitivity };
}

/** Score one measured level against its forecast. */
export function scoreMeasurement(f: MeasurementForecast, obs: Observation, patientId: string): TroughScore {
  const median = forecastQuantile(f, 0.5);
  const F = forecastCdf(f, obs.value);
  const pit = obs.censored ? F / 2 : F;
  const inside = TRACK_RECORD_LEVELS.map((level) => {
    const lower = (1 - level) / 2;
    return obs.censored ? F > lower : F >= lower && F <= 1 - lower;
  }) as [boolean, boolean, boolean];
  const parts = spreadParts(f, median);
  return {
    patientId, time: obs.time, iso: obs.iso, measured: obs.value, censored: obs.censored, capillary: obs.sample === 'capillary',
    median, low80: forecastQuantile(f, 0.1), high80: forecastQuantile(f, 0.9), pit, inside,
    logRatio: obs.censored || !(obs.value > 0) ? null : Math.log(obs.value / median),
    spread: { ...parts, occasions: f.occasions, iov: f.iov },
  };
}


/**
 * What a scored trough leaves for the next time its patient is scored (issue 17, item 6: an import
 * that adds rows scores only the troughs they touch): the fingerprint of everything its score was
 * made from (troughKey), the integrator steps it took (charged to the work budget when it is
 * reused, so a reused trough costs the budget what scoring it did) and its fit's η (the next
 * trough's fit starts there).
 */
export interface TroughMemo { key: string; steps: number; eta?: number[] }

/**
 * The fingerprint of one trough's score: the patient's id, the options, and every dose, level and
 * weight up to the trough's time (the trough itself included; file line numbers left out). The
 * score reads the rows before the draw only, and so does the chain of warm starts before it (each
 * earlier trough, and which levels were troughs, is settled by rows before this one), so the same
 * fingerprint means the same score; a row added, changed or removed before the trough changes it.
 */
export function troughKey(p: PatientRecord, obs: Observation, opts: NatalizumabOptions): string {
  // A chain that starts at this trough: its whole history in one link (troughKeys).
  return troughKeys(p, opts)(obs);
}

/** JSON without the file line numbers (a row moved within its file is the same row). */
const rowText = (x: unknown): string => JSON.stringify(x, (k, v: unknown) => (k === 'line' ? undefined : v));

/**
 * troughKey for a patient's troughs taken in time order, as a chain: each key hashes the one before
 * it with the rows after the previous trough up to this one (and the trough), so every row is read
 * once per scoring instead of once per trough after it (a 4000-row record: 6 s of keys before). The
 * same rows still give the same key, and a row added, changed or removed before a trough changes
 * that key and every later one. A trough out of time order starts the chain again from the whole
 * history up to it.
 */
export function troughKeys(p: PatientRecord, opts: NatalizumabOptions): (obs: Observation) => string {
  const head = hashText(rowText({ id: p.id, opts }));
  let chain = head, from = -Infinity;
  return (obs) => {
    if (!(obs.time > from)) { chain = head; from = -Infinity; }
    const within = <T extends { time: Days }>(rows: T[]) => rows.filter((r) => r.time > from && r.time <= obs.time);
    const text = rowText({ obs, doses: within(p.doses), levels: within(p.levels), weights: within(p.weights) });
    chain = `${text.length}:${hashText(`${chain}|${text}`)}`;
    from = obs.time;
    return chain;
  };
}

/** Steps spent from a budget since `left` was read (0 without a budget). */
const spentSince = (budget: WorkBudget | undefined, left: number) => (budget ? left - budget.left : 0);

/** Charge a reused trough's steps to the budget, as scoring it again would (the same error when it is spent). */
function charge(budget: WorkBudget | undefined, steps: number): void {
  if (!budget) return;
  budget.left -= steps;
  if (budget.left < 0) throw new PkWorkError('work-budget', `work budget of ${budget.total} integrator steps spent`, budget.total);
}

/** What patientTrackRecord reuses and remembers: the troughs scored before (scores and memos side by side) and the budget it runs under. */
export interface TrackMemo { scores: readonly TroughScore[]; memo: readonly TroughMemo[]; budget?: WorkBudget }

/**
 * Every scorable trough of one natalizumab patient, each against the forecast made just before it.
 * With `memo`: a trough whose fingerprint was scored before takes that score (not scored again),
 * and `memo.out` gets each trough's memo (side by side with the scores returned).
 */
export function patientTrackRecord(p: PatientRecord, options: Partial<NatalizumabOptions> = {}, memo?: TrackMemo & { out: TroughMemo[] }): TroughScore[] {
  if (p.drug !== 'natalizumab') return [];
  const opts = resolveOptions({ ...options, curves: false });
  const out: TroughScore[] = [];
  const known = new Map<string, { score: TroughScore; memo: TroughMemo }>();
  if (memo && memo.memo.length === memo.scores.length) memo.memo.forEach((m, i) => known.set(m.key, { score: memo.scores[i], memo: m }));
  // Each trough's fit starts from the previous trough's (warm start: the same patient with one
  // trough fewer; issue 17, item 6), the first from the prior mode. Either way the same rows give
  // the same chain, so the same scores, in the command line and the app alike.
  let warm: number[] | undefined;
  const keyOf = memo ? troughKeys(p, opts) : () => '';
  for (const obs of scorableTroughs(p)) {
    const key = keyOf(obs);
    const hit = known.get(key);
    if (memo && hit) {
      charge(memo.budget, hit.memo.steps);
      out.push(hit.score);
      memo.out.push(hit.memo);
      warm = hit.memo.eta;
      continue;
    }
    const left = memo?.budget?.left ?? 0;
    const f = measurementForecast(p, obs.time - BEFORE_DRAW, obs.time, obs.sample === 'capillary', opts, warm);
    // A trough without a dose before it has no forecast: not scored (and not remembered: the memos go side by side with the scores).
    if (!f) continue;
    out.push(scoreMeasurement(f, obs, p.id));
    warm = f.fitEta;
    memo?.out.push({ key, steps: spentSince(memo.budget, left), ...(warm ? { eta: warm } : {}) });
  }
  return out;
}

export interface TrackRecordSummary {
  scored: number;
  patients: number;
  cover50: number | null;
  cover80: number | null;
  cover95: number | null;
  /** Median of ln(measured / forecast median) over the uncensored troughs. */
  medianLogRatio: number | null;
  pitHistogram: number[];
}

/** The median of a list (null when empty). */
export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Coverage, PIT histogram, bias and counts of a set of scores. */
export function summariseTrackRecord(scores: readonly TroughScore[]): TrackRecordSummary {
  const n = scores.length;
  const cover = (i: number) => (n ? scores.filter((s) => s.inside[i]).length / n : null);
  const pitHistogram = new Array<number>(PIT_BINS).fill(0);
  for (const s of scores) pitHistogram[Math.min(PIT_BINS - 1, Math.floor(s.pit * PIT_BINS))]++;
  return {
    scored: n,
    patients: new Set(scores.map((s) => s.patientId)).size,
    cover50: cover(0), cover80: cover(1), cover95: cover(2),
    medianLogRatio: median(scores.filter((s) => s.logRatio !== null).map((s) => s.logRatio as number)),
    pitHistogram,
  };
}

/**
 * The predictive log-variance of a scored trough had the forecast used inter-occasion spread `iov`
 * and its concentration spread been scaled by `scale` (the assay's unchanged).
 */
export function logVarianceAt(s: TroughScore, iov: number, scale = 1): number {
  const conc = s.spread.conc + (s.spread.sensitivity * futureClSd(iov, s.spread.occasions)) ** 2;
  return scale * scale * conc + s.spread.assay;
}
