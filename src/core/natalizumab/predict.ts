/**
 * Individual prediction (population when there is no level) with its 80 % interval at any times;
 * a time exactly at a dose is just before it. Doses after as-of are not assumed.
 */
import type { Days, PatientRecord } from '../types';
import type { NatalizumabOptions, PointPrediction } from '../report/types';
import { formatDateTime } from '../time';
import { weightedQuantiles } from '../stats/normal';
import { analyse, resolveOptions } from './analysis';

export function predictNatalizumab(patient: PatientRecord, asOf: Days, times: Days[], options: Partial<NatalizumabOptions> = {}): PointPrediction[] {
  const opts = resolveOptions(options);
  const a = analyse(patient, asOf, opts, times);
  const m = times.length;
  const col = new Float64Array(a.n);
  return times.map((t, j) => {
    for (let s = 0; s < a.n; s++) col[s] = a.outSamples[s * m + j];
    const [low, high] = weightedQuantiles(col, a.weights, [0.1, 0.9]);
    const v = a.outMap[j];
    return { time: formatDateTime(t), kind: 'level', value: v, low: Math.min(low, v), high: Math.max(high, v), unit: 'ug/mL' };
  });
}
