/**
 * Speed of one ocrelizumab proposal (fit + forecast + curve + report), median over the
 * planning-day virtual patients:  npx --no-install tsx scripts/bench-ocrelizumab.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseTdmCsv } from '../src/core/records/index';
import { proposeOcrelizumab, predictOcrelizumab } from '../src/core/ocrelizumab/index';
import type { PatientRecord } from '../src/core/types';

function lastRow(p: PatientRecord): number {
  let t = -Infinity;
  for (const list of [p.doses, p.levels, p.bcells, p.weights]) for (const e of list) if (e.time > t) t = e.time;
  return t;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

export interface OcrelizumabBench {
  medianProposeMs: number;
  p90ProposeMs: number;
  /** Mean CPU time of one proposal (process user+system time): less sensitive to a busy machine than wall time. */
  cpuProposeMs: number;
  medianPredictMs: number;
  patients: number;
}

/** Median (and 90th percentile) time of one proposal, after a warm-up. */
export function benchOcrelizumab(file = 'fixtures/validation/ocrelizumab-virtual-week28.csv', rounds = 5): OcrelizumabBench {
  const patients = parseTdmCsv(readFileSync(file, 'utf8'), file).patients;
  for (const p of patients) proposeOcrelizumab(p, lastRow(p)); // warm-up (JIT)
  const times: number[] = [], ptimes: number[] = [];
  let cpu = 0;
  for (let k = 0; k < rounds; k++) {
    for (const p of patients) {
      const asOf = lastRow(p);
      const c0 = process.cpuUsage();
      let t0 = performance.now();
      proposeOcrelizumab(p, asOf);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1000;
      t0 = performance.now();
      predictOcrelizumab(p, asOf, [p.doses[p.doses.length - 1].time + 7 * 30]);
      ptimes.push(performance.now() - t0);
    }
  }
  const s = [...times].sort((a, b) => a - b);
  return { medianProposeMs: median(times), p90ProposeMs: s[Math.floor(0.9 * (s.length - 1))], cpuProposeMs: cpu / times.length, medianPredictMs: median(ptimes), patients: patients.length };
}

export function printOcrelizumabBench(file?: string): OcrelizumabBench {
  const b = benchOcrelizumab(file);
  console.log(`ocrelizumab: one proposal median ${b.medianProposeMs.toFixed(2)} ms wall (p90 ${b.p90ProposeMs.toFixed(2)} ms; mean CPU ${b.cpuProposeMs.toFixed(2)} ms); one prediction median ${b.medianPredictMs.toFixed(2)} ms; ${b.patients} patients`);
  return b;
}

if (process.argv[1] && /bench-ocrelizumab\.ts$/.test(process.argv[1])) printOcrelizumabBench(process.argv[2]);
