/**
 * Natalizumab: a model-free trend of the troughs beside the model.
 *
 * **Trough.** A level drawn at most 3 days before a dose (a level at a dose's time was drawn
 * before it), 21 days or more after the dose before it; of two before one dose, the later. The latest level may have no dose after
 * it yet (planned on the day of the trough): it counts when drawn a whole number of weeks
 * (± 3 days, at least 3 weeks) after the last dose, as if that dose followed at once.
 *
 * **Stable interval.** A dosing interval is W weeks when it lasts 7W days ± 3 days. A trough is at
 * a stable W-week interval when the interval it ends and the interval before that are both W
 * weeks: the troughs right after an interval change (which fall or rise toward the new steady
 * state as the model explains) are left out. The troughs used are those of the latest run of
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
 * distribution-free interval (from 4 troughs) and the interval the assay's proportional error
 * (21.9 %, the model's residual error, as the SD of ln(trough)) alone allows.
 *
 * **Clearly falling** (warning `trough-trend-falling`, no extension): 4 or more troughs and the
 * upper end of the 90 % interval is a fall of at least TREND_FALL_PERCENT = 15 % per month; with
 * exactly 3 troughs (no distribution-free interval), a fall at each step whose 99.9 % assay-noise
 * interval lies wholly beyond 15 % per month (a steep fall such as 30 → 15 → 5 µg/mL). So
 * the fall is beyond both chance orderings of the troughs and the assay's noise, and large enough
 * to matter: at 15 % a month a 25 µg/mL trough is under 10 within 6 months, while weight gain
 * (0.3 µg/mL per kg) or the settling after an interval change moves troughs a few percent a month.
 * By simulation (test/core/natalizumab/trend.test.ts) steady troughs with 21.9 % proportional
 * noise are flagged in about 0.06 % of patients with 4 troughs, 0.01 % with 5 and never seen with
 * more; a noise-free fall is flagged from about 29, 25, 23, 20 % per month with 4, 5, 6, 8
 * troughs at 4-weekly dosing.
 */
import type { Days, DoseEvent, Issue, Observation } from '../types';
import type { TroughTrend } from '../report/types';
import { formatDate, WEEK } from '../time';
import { DAYS_PER_MONTH, logTrend, percentPerMonth } from '../stats/trend';

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
/** Clearly falling: the upper end of the 90 % interval at or below −15 % per month. */
export const TREND_FALL_PERCENT = 15;
export const TREND_LEVEL = 0.9;

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

/** The trend of the troughs at the latest stable interval, or null with fewer than 3 such troughs. */
export function troughTrend(levels: Observation[], doses: DoseEvent[], sigmaLog: number): TroughTrend | null {
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
  // A trough at dose k is stable when intervals k and k − 1 are both in the run: k − 1 ≥ s + 1.
  const run = troughs.filter((t) => t.k >= s + 2 && t.k <= last.k);
  const used = run.filter((t) => !t.obs.censored).slice(-TREND_MAX_TROUGHS);
  const censoredLeftOut = run.filter((t) => t.obs.censored && t.obs.time >= (used[0]?.obs.time ?? -Infinity)).length;
  if (used.length < TREND_MIN_TROUGHS) return null;
  const t0 = used[0].obs.time;
  const x = used.map((t) => (t.obs.time - t0) / DAYS_PER_MONTH);
  const y = used.map((t) => Math.log(t.obs.value));
  const tr = logTrend(x, y, sigmaLog, TREND_LEVEL);
  if (!tr) return null;
  const fallLog = Math.log1p(-TREND_FALL_PERCENT / 100);
  // Three troughs have no distribution-free interval: then only a fall at every step whose
  // 99.9 % assay-noise interval (z = 3.09) lies wholly beyond the threshold counts (a steady patient
  // does that about once in 10 000; 30 → 15 → 5 µg/mL does it).
  let falling = used.length >= TREND_FALL_MIN_TROUGHS && tr.sen !== null && tr.high <= fallLog;
  if (used.length === 3) {
    const mx = (x[0] + x[1] + x[2]) / 3;
    const sxx = x.reduce((acc, v) => acc + (v - mx) ** 2, 0);
    const monotone = y[1] < y[0] && y[2] < y[1];
    falling = monotone && tr.slope + TREND_FALL_Z3 * sigmaLog / Math.sqrt(sxx) <= fallLog;
  }
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
    low: percentPerMonth(tr.low),
    high: percentPerMonth(tr.high),
    level: TREND_LEVEL,
    distributionFree: tr.sen !== null,
    line,
    falling,
  };
}

/** A percentage as the sentences show it: whole percent, with its sign. */
export const pctText = (x: number): string => `${x > 0 ? '+' : ''}${Math.round(x) === 0 ? 0 : Math.round(x)}`;

/** The warning for a clearly falling trend. */
export function trendFallingIssue(t: TroughTrend): Issue {
  const params = {
    weeks: t.intervalWeeks, n: t.troughs.length, pct: pctText(t.percentPerMonth), low: pctText(t.low), high: pctText(t.high),
    from: formatDate(t.troughs[0].time), to: formatDate(t.troughs[t.troughs.length - 1].time),
  };
  return {
    code: 'trough-trend-falling', severity: 'warning',
    message: `the ${params.n} troughs at a stable ${params.weeks}-week interval from ${params.from} to ${params.to} are falling: ${params.pct} % per month (90 % interval ${params.low} to ${params.high}; Theil–Sen, model-free): anti-drug antibodies, weight gain or a change in clearance? No extension; test for antibodies and measure the next trough`,
    params,
  };
}
