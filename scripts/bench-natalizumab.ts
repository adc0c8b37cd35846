/**
 * Speed of the natalizumab engine on the validation patients: median time of one MAP fit (with
 * the posterior samples), of one full proposal, and of a predict call.
 * Run: npx tsx scripts/bench-natalizumab.ts [csv]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTdmCsv } from '../src/core/records/index';
import { lastEventTime } from '../src/core/engine';
import { proposeNatalizumab, predictNatalizumab, analyse, resolveOptions } from '../src/core/natalizumab/index';

/** CPU time (ms) of this thread: robust to other processes competing for the cores. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

export function benchNatalizumab(csvPath = 'fixtures/validation/natalizumab-virtual.csv', rounds = 2): string {
  // One warm-up round (JIT) that is not counted, as in a long CLI batch.
  for (const p of parseTdmCsv(readFileSync(csvPath, 'utf8'), csvPath).patients) if (p.drug === 'natalizumab') proposeNatalizumab(p, lastEventTime(p));
  const patients = parseTdmCsv(readFileSync(csvPath, 'utf8'), csvPath).patients.filter((p) => p.drug === 'natalizumab');
  const opts = resolveOptions({});
  const fitMs: number[] = [], fitOnlyMs: number[] = [], proposeMs: number[] = [], predictMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const p of patients) {
      const asOf = lastEventTime(p);
      let t = cpuMs();
      analyse(p, asOf, { ...opts, samples: 20 });
      fitOnlyMs.push(cpuMs() - t);
      t = cpuMs();
      analyse(p, asOf, opts);
      fitMs.push(cpuMs() - t);
      t = cpuMs();
      proposeNatalizumab(p, asOf);
      proposeMs.push(cpuMs() - t);
      t = cpuMs();
      predictNatalizumab(p, asOf, [asOf + 42]);
      predictMs.push(cpuMs() - t);
    }
  }
  return [
    `natalizumab bench, ${patients.length} patients × ${rounds} rounds after a warm-up round (CPU ms per patient, one core)`,
    `MAP fit (+20 samples): ${median(fitOnlyMs).toFixed(2)} ms`,
    `fit + posterior (${opts.samples} samples): ${median(fitMs).toFixed(2)} ms`,
    `full proposal: ${median(proposeMs).toFixed(2)} ms (mean ${(proposeMs.reduce((a, b) => a + b, 0) / rounds / patients.length).toFixed(1)} ms → ${(proposeMs.reduce((a, b) => a + b, 0) / rounds / patients.length).toFixed(1)} s per 1000 patients)`,
    `predict (1 time): ${median(predictMs).toFixed(2)} ms`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(benchNatalizumab(process.argv[2]));
}
