/**
 * Ocrelizumab: a model-free growth rate of the B-cell counts beside the logistic fit.
 *
 * **Counts used.** The uncensored counts of the current cycle that the fit uses (from
 * `depletionWeeks` after the infusion on); three or more at distinct times give a rate. Censored
 * counts (`0`, `<x`) are left out (and counted): they bound the count from above only, and a
 * run of zeros before repopulation says nothing about its speed.
 *
 * **Rate.** The Theil–Sen slope of ln(count + 1) against weeks since the infusion (ml-regression,
 * src/core/stats/trend.ts), with a 90 % interval: the hull of Sen's distribution-free interval
 * (from 4 counts) and the interval the model's stated count noise alone allows (SD 0.35 of
 * ln(count + 1), the observation model's). ln(count + 1) is the scale the fit works on.
 *
 * **Disagreement** (info note `bcell-trend-disagrees`): the fitted curve's own growth over the
 * same weeks, (ln(B̂(t_last) + 1) − ln(B̂(t_first) + 1)) / (t_last − t_first) with B̂ the posterior
 * median count, lies outside that 90 % interval. The fit leans on its prior (T10, r) and on a
 * logistic shape; when the counts climb much faster, stall or fall, the two part, and the
 * forecast deserves a recount before it is relied on.
 */
import type { Days, Issue } from '../types';
import type { CountTrend } from '../report/types';
import { formatDate } from '../time';
import { logTrend } from '../stats/trend';
import { countQuantile, type CountObs, type GridPosterior } from './posterior';
import { english } from '../text';

export const COUNT_TREND_MIN = 3;
export const COUNT_TREND_LEVEL = 0.9;

/** Model-free rate of the current cycle's uncensored counts beside the fit, or null with fewer than 3. */
export function countTrend(counts: CountObs[], start: Days, posterior: GridPosterior, obsSd: number): CountTrend | null {
  const used = counts.filter((c) => !c.censored && c.value > 0);
  const censoredLeftOut = counts.length - used.length;
  if (new Set(used.map((c) => c.t)).size < COUNT_TREND_MIN) return null;
  const x = used.map((c) => c.t);
  const y = used.map((c) => Math.log(c.value + 1));
  const tr = logTrend(x, y, obsSd, COUNT_TREND_LEVEL);
  if (!tr) return null;
  const t0 = x[0], t1 = x[x.length - 1];
  const fitted = (Math.log(countQuantile(posterior, t1, 0.5) + 1) - Math.log(countQuantile(posterior, t0, 0.5) + 1)) / (t1 - t0);
  const line: { time: Days; value: number }[] = [];
  const steps = 12;
  for (let i = 0; i <= steps; i++) {
    const t = t0 + (t1 - t0) * i / steps;
    line.push({ time: start + 7 * t, value: Math.max(0, Math.expm1(tr.intercept + tr.slope * t)) });
  }
  return {
    counts: used.map((c) => ({ time: start + 7 * c.t, value: c.value })),
    censoredLeftOut,
    ratePerWeek: tr.slope,
    low: tr.low,
    high: tr.high,
    level: COUNT_TREND_LEVEL,
    distributionFree: tr.sen !== null,
    fittedRatePerWeek: fitted,
    disagrees: fitted < tr.low || fitted > tr.high,
    line,
  };
}

const r3 = (x: number): string => (Math.abs(x) < 0.0005 ? '0.000' : x.toFixed(3));

/** The note when the model-free rate and the fitted curve's growth disagree. */
export function countTrendIssue(t: CountTrend): Issue {
  const params = {
    n: t.counts.length, from: formatDate(t.counts[0].time), to: formatDate(t.counts[t.counts.length - 1].time),
    rate: r3(t.ratePerWeek), low: r3(t.low), high: r3(t.high), fitted: r3(t.fittedRatePerWeek),
  };
  return {
    code: 'bcell-trend-disagrees', severity: 'info',
    message: english('bcell-trend-disagrees', params),
    params,
  };
}
