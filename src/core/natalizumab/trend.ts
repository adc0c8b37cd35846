/**
 * Natalizumab: a model-free trend of the troughs beside the model.
 *
 * **Trough.** A level drawn at most 3 days before a dose (a level at a dose's time was drawn
 * before it), 21 days or more after the dose before it; of two before one dose, the later. The latest level may have no dose after
 * it yet (planned on the day of the trough): it counts when drawn a whole number of weeks
 * (± 3 days, at least 3 weeks) after the last dose, as if that dose followed at once.
 *
 * **Stable interval.** A dosing interval is W weeks when it lasts 7W days ± 3 days. A trough is at
 * a stable W-week interval when the interval it ends and the one before it are both W weeks (after
 * a lengthening: the three before it): the troughs right after an interval change (which fall or
 * rise toward the new steady state as the model explains) are left out. The troughs used are those of the latest run of
 * consecutive W-week intervals that ends at the latest trough, at most the latest
 * TREND_MAX_TROUGHS; three or more give a trend.
 *
 * **Censored troughs** (`<x`) are left out (and counted): the limit is only an upper bound, which
 * would invent a fall when an early trough is censored under a high limit and would hide part of
 * one when a late trough is; a censored trough under a low limit already raises the antibody
 * warning.
 *
 * **Trend.** The Theil–Sen slope of ln(trough) against time in months (src/core/stats/trend.ts),
 * reported as percent per month, 100·(e^slope − 1), with a 90 % interval: the hull of Sen's
 * distribution-free interval (from 4 troughs) and the least-squares interval from the troughs'
 * scatter about their line, its scale pooled with the assay's proportional error (21.9 %, the
 * model's residual error, as the SD of ln(trough)) worth TREND_SCALE_PRIOR_DF degrees of freedom
 * (stats/trend.ts: scatterInterval). Troughs that lie on their line narrow it (a fall measured
 * cleanly is seen sooner); troughs that scatter as the assay does give the assay's interval.
 *
 * **Clearly falling** (warning `trough-trend-falling`, no extension; issue 17): 4 or more troughs,
 * the fall clear beyond chance orderings and the assay's noise (the 90 % interval's upper end below
 * zero) and of at least TREND_FALL_CENTRAL_PERCENT = 8 % a month (the central estimate): at 8 % a
 * month a 25 µg/mL trough is under 10 within a year, and a halving over five months (−13 % a month)
 * asks the clinical question (antibodies? clearance rising?) long before it reaches the target. With
 * exactly 3 troughs (no distribution-free interval), a fall at each step whose 99.9 % assay-noise
 * interval lies wholly beyond 15 % per month (a steep fall such as 30 → 15 → 5 µg/mL).
 * By simulation (test/core/natalizumab/trend.test.ts) steady troughs with 21.9 % proportional
 * noise are flagged in about 1.7, 2.1, 1.7, 1.4, 1.0 % of patients with 4, 5, 6, 7, 8 troughs at
 * 4-weekly dosing (1.6 % over 4–8); a noise-free fall of 10 % a month is flagged from 5 troughs on.
 * The settling of troughs after an interval change (which the model explains) is left out: the
 * troughs at a stable interval start TREND_SETTLE_INTERVALS intervals after a change, and
 * TREND_SETTLE_AFTER_LENGTHENING after a lengthening (when troughs fall as they settle).
 *
 * **Where it reaches the target**: the fitted line extended from the latest trough to the target
 * (month and months from the latest trough), shown with the warning.
 */
import type { Days, DoseEvent, Issue, Observation } from '../types';
import type { TroughTrend } from '../report/types';
import { formatDate, WEEK } from '../time';
import { DAYS_PER_MONTH, logTrend, percentPerMonth, scatterInterval } from '../stats/trend';
import { withEnglish } from '../text';

/** Longest gap between a trough and the dose it was drawn before, days. */
export const TROUGH_BEFORE_DOSE_DAYS = 3;
/** An interval is W weeks when it lasts 7W days ± this many days. */
export const INTERVAL_TOLERANCE_DAYS = 3;
/** Shortest time from the previous dose for a trough, days (as the guards). */
const TROUGH_MIN_DAYS = 21;
/** Troughs a trend needs, and the most it uses (the latest). */
export const TREND_MIN_TROUGHS = 3;
export const TREND_MAX_TROUGHS = 8;
/** Troughs a falling flag needs with Sen's distribution-free 90 % interval (3 troughs: see TREND_FALL_Z3). */
export const TREND_FALL_MIN_TROUGHS = 4;
/** With exactly 3 troughs: a fall at each step and slope + 3.09·σ/√Sxx ≤ the threshold. */
export const TREND_FALL_Z3 = 3.09;
/** With exactly 3 troughs: clearly falling when the 99.9 % assay-noise interval lies beyond −15 % per month. */
export const TREND_FALL_PERCENT = 15;
/** With 4 or more: the 90 % interval's upper end below zero and the central estimate at least this fall, % per month. */
export const TREND_FALL_CENTRAL_PERCENT = 8;
/** Degrees of freedom the assay's stated error counts for in the trend's scale (stats/trend.ts: scatterInterval). */
export const TREND_SCALE_PRIOR_DF = 3;
export const TREND_LEVEL = 0.9;
/**
 * A trough counts for the trend from the end of this many intervals of the same length in a row
 * (2: the first trough after a change is left out, as the troughs still settle toward the new
 * steady state, which the model explains).
 */
export const TREND_SETTLE_INTERVALS = 2;
/**
 * After a lengthening (the interval before the run shorter than the run's), the
 * troughs fall toward the new, lower steady state for 3–4 intervals (reference §2; with the
 * saturable pathway at 7–8 weeks by up to 20 % a month): a trough counts from the end of this many
 * intervals of the run. After a shortening they rise, which hides no fall: TREND_SETTLE_INTERVALS.
 */
export const TREND_SETTLE_AFTER_LENGTHENING = 4;

/** Whole weeks of a dosing interval, or null when it is not within the tolerance of one. */
function wholeWeeks(days: number): number | null {
  const w = Math.round(days / WEEK);
  return w >= 1 && Math.abs(days - w * WEEK) <= INTERVAL_TOLERANCE_DAYS ? w : null;
}

interface TroughAt { obs: Observation; /** Index of the dose the trough was drawn before (doses.length: a dose not given yet). */ k: number }

/** Levels drawn just before a dose (or the latest, just before the next one is due). */
export function troughsBeforeDoses(levels: Observation[], doses: DoseEvent[]): TroughAt[] {
  const out: TroughAt[] = [];
  let k = 0;
  for (const l of levels) {
    while (k < doses.length && doses[k].time < l.time) k++;
    // doses[k] is the first dose at or after the level; doses[k − 1] the one before it.
    if (k === 0) continue;
    const since = l.time - doses[k - 1].time;
    if (since < TROUGH_MIN_DAYS) continue;
    const isTrough = k < doses.length ? doses[k].time - l.time <= TROUGH_BEFORE_DOSE_DAYS : wholeWeeks(since) !== null;
    if (!isTrough) continue;
    // One trough per dose: of two levels before the same dose, the later (nearer the dose) counts.
    if (out.length && out[out.length - 1].k === k) out[out.length - 1] = { obs: l, k };
    else out.push({ obs: l, k });
  }
  return out;
}

/**
 * How many of the latest infusions in a row had a trough drawn just before them, counted back from
 * the latest trough, which must be the one before the latest infusion (or after it, before the
 * infusion not given yet); a censored trough ends the run. Troughs measured before every infusion
 * (NEXT-MS) mean each interval is checked by its own trough before the next is set.
 */
export function monitoredInfusions(levels: Observation[], doses: DoseEvent[]): number {
  const troughs = troughsBeforeDoses(levels, doses);
  if (!troughs.length || !doses.length) return 0;
  let k = troughs[troughs.length - 1].k;
  if (k < doses.length - 1) return 0;
  let count = 0;
  for (let i = troughs.length - 1; i >= 0 && troughs[i].k === k && !troughs[i].obs.censored; i--, k--) count++;
  return count;
}

/** The latest run of troughs at a stable interval: its interval in weeks and the troughs (censored included), or null. */
function stableRun(levels: Observation[], doses: DoseEvent[]): { W: number; run: TroughAt[] } | null {
  const troughs = troughsBeforeDoses(levels, doses);
  if (troughs.length === 0 || doses.length === 0) return null;
  // Dose times with the not-yet-given dose of a final trough appended at the trough's time.
  const times = doses.map((d) => d.time);
  const last = troughs[troughs.length - 1];
  if (last.k === doses.length) times.push(last.obs.time);
  const weeksOf = (k: number): number | null => (k >= 1 && k < times.length ? wholeWeeks(times[k] - times[k - 1]) : null);
  const W = weeksOf(last.k);
  if (W === null) return null;
  // The run of consecutive W-week intervals ending at the latest trough's dose: intervals s+1 … last.k.
  let s = last.k - 1;
  while (s >= 1 && weeksOf(s) === W) s--;
  // Interval s (before the run) shorter than the run's: a lengthening, whose settling lowers the troughs.
  const lengthened = s >= 1 && times[s] - times[s - 1] < W * WEEK - INTERVAL_TOLERANCE_DAYS;
  const settle = lengthened ? TREND_SETTLE_AFTER_LENGTHENING : TREND_SETTLE_INTERVALS;
  // A trough at dose k is stable when it ends the settle-th interval of the run or a later one:
  // intervals k − settle + 1 … k all in the run (k ≥ s + settle).
  return { W, run: troughs.filter((t) => t.k >= s + settle && t.k <= last.k) };
}

/** Clearly falling (see the file's comment): 3 troughs by the steep-step rule, 4 or more by the interval and the central fall. */
function isFalling(x: number[], y: number[], slope: number, high: number, sen: boolean, sigmaLog: number): boolean {
  if (x.length === 3) {
    // Three troughs have no distribution-free interval: then only a fall at every step whose
    // 99.9 % assay-noise interval (z = 3.09) lies wholly beyond the threshold counts (a steady patient
    // does that about once in 10 000; 30 → 15 → 5 µg/mL does it).
    const mx = (x[0] + x[1] + x[2]) / 3;
    const sxx = x.reduce((acc, v) => acc + (v - mx) ** 2, 0);
    const monotone = y[1] < y[0] && y[2] < y[1];
    return monotone && slope + TREND_FALL_Z3 * sigmaLog / Math.sqrt(sxx) <= Math.log1p(-TREND_FALL_PERCENT / 100);
  }
  return x.length >= TREND_FALL_MIN_TROUGHS && sen && high < 0 && slope <= Math.log1p(-TREND_FALL_CENTRAL_PERCENT / 100);
}

/** Where the fitted line, extended from the latest trough, reaches the target (falling trends only). */
function targetCrossing(slope: number, intercept: number, t0: Days, tEnd: Days, target: number | null): TroughTrend['targetCrossing'] {
  if (target === null || !(target > 0) || !(slope < 0)) return null;
  const atEnd = intercept + slope * (tEnd - t0) / DAYS_PER_MONTH;
  const months = (Math.log(target) - atEnd) / slope;
  return { target, month: formatDate(tEnd + months * DAYS_PER_MONTH).slice(0, 7), monthsFromLatest: Math.round(months * 10) / 10 };
}

/**
 * The trend of the troughs at the latest stable interval, or null with fewer than 3 such troughs.
 * `target` (µg/mL): where the fitted line reaches it is given for a falling trend.
 */
export function troughTrend(levels: Observation[], doses: DoseEvent[], sigmaLog: number, target: number | null = null): TroughTrend | null {
  const stable = stableRun(levels, doses);
  if (!stable) return null;
  const { W, run } = stable;
  const used = run.filter((t) => !t.obs.censored).slice(-TREND_MAX_TROUGHS);
  const censoredLeftOut = run.filter((t) => t.obs.censored && t.obs.time >= (used[0]?.obs.time ?? -Infinity)).length;
  if (used.length < TREND_MIN_TROUGHS) return null;
  const t0 = used[0].obs.time;
  const x = used.map((t) => (t.obs.time - t0) / DAYS_PER_MONTH);
  const y = used.map((t) => Math.log(t.obs.value));
  const tr = logTrend(x, y, sigmaLog, TREND_LEVEL);
  const sc = scatterInterval(x, y, sigmaLog, TREND_SCALE_PRIOR_DF, TREND_LEVEL);
  if (!tr || !sc) return null;
  // The interval: Sen's distribution-free one and the scatter's (3 troughs: the assay's noise alone).
  const low = tr.sen ? Math.min(tr.sen.low, sc.low) : tr.noise.low;
  const high = tr.sen ? Math.max(tr.sen.high, sc.high) : tr.noise.high;
  const falling = isFalling(x, y, tr.slope, high, tr.sen !== null, sigmaLog);
  const tEnd = used[used.length - 1].obs.time;
  const line: { time: Days; value: number }[] = [];
  const steps = 12;
  for (let i = 0; i <= steps; i++) {
    const t = t0 + (tEnd - t0) * i / steps;
    line.push({ time: t, value: Math.exp(tr.intercept + tr.slope * (t - t0) / DAYS_PER_MONTH) });
  }
  return {
    intervalWeeks: W,
    troughs: used.map((t) => ({ time: t.obs.time, value: t.obs.value })),
    censoredLeftOut,
    percentPerMonth: percentPerMonth(tr.slope),
    low: percentPerMonth(low),
    high: percentPerMonth(high),
    level: TREND_LEVEL,
    distributionFree: tr.sen !== null,
    line,
    falling,
    targetCrossing: falling ? targetCrossing(tr.slope, tr.intercept, t0, tEnd, target) : null,
  };
}

/** A percentage as the sentences show it: whole percent, with its sign. */
export const pctText = (x: number): string => `${x > 0 ? '+' : ''}${Math.round(x) === 0 ? 0 : Math.round(x)}`;

/**
 * The warning for a clearly falling trend: variant `crossing` when where the fitted trend crosses
 * the target is known, else `plain`; its English from the catalog.
 */
export function trendFallingIssue(t: TroughTrend): Issue {
  const c = t.targetCrossing ?? null;
  const params = {
    weeks: t.intervalWeeks, n: t.troughs.length, pct: pctText(t.percentPerMonth), low: pctText(t.low), high: pctText(t.high),
    from: formatDate(t.troughs[0].time), to: formatDate(t.troughs[t.troughs.length - 1].time),
    ...(c ? { target: c.target, month: c.month } : {}),
  };
  return withEnglish({ code: 'trough-trend-falling', variant: c ? 'crossing' : 'plain', severity: 'warning', params });
}
