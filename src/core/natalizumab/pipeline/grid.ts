/** Chart time grids: a uniform grid plus the times that must be on it (doses, infusion ends, levels). */
import type { Days } from '../../types';
import type { NatalizumabPatient } from '../patient';

export function buildGrid(start: number, end: number, n: number, extra: number[]): Float64Array {
  const set = new Set<number>();
  for (let i = 0; i <= n; i++) set.add(start + (end - start) * i / n);
  for (const t of extra) if (t >= start && t <= end) set.add(t);
  return Float64Array.from([...set].sort((x, y) => x - y));
}

/** Chart times over the history: a uniform grid plus every dose start, infusion end and level. */
export function historyGrid(prep: Pick<NatalizumabPatient, 'doses' | 'levels'> & { asOf: Days }): Float64Array {
  if (!prep.doses.length) return new Float64Array(0);
  const start = prep.doses[0].time;
  const end = Math.max(prep.asOf, prep.levels.length ? prep.levels[prep.levels.length - 1].time : start, prep.doses[prep.doses.length - 1].time + 1);
  return buildGrid(start, end, 110, [
    ...prep.doses.map((d) => d.time),
    ...prep.doses.map((d) => d.time + (d.route === 'iv' ? d.durationMin / 1440 : 0)),
    ...prep.levels.map((l) => l.time),
  ]);
}
