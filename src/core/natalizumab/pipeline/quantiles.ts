/** Quantile helpers of the pipeline's intervals and bands. */
import type { Interval80 } from '../../types';
import { weightedQuantiles } from '../../stats/normal';

const Q80 = [0.1, 0.5, 0.9];

/** The 80 % interval of weighted values around a central value (which it always contains). */
export function interval80(value: number, values: Float64Array, weights: Float64Array): Interval80 {
  const [low, , high] = weightedQuantiles(values, weights, Q80);
  return { value, low: Math.min(low, value), high: Math.max(high, value) };
}

/** Two quantiles of equal-weight values (sorts in place), linear interpolation between order statistics. */
export function sortedQuantiles(v: Float64Array, q1: number, q2: number): [number, number] {
  v.sort();
  const at = (q: number) => { const x = q * (v.length - 1); const i = Math.floor(x); const f = x - i; return i + 1 < v.length ? v[i] + f * (v[i + 1] - v[i]) : v[i]; };
  return [at(q1), at(q2)];
}
