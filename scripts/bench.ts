/**
 * `npm run bench`: median times of one natalizumab fit and proposal, one ocrelizumab proposal, and
 * 1000-patient CLI batches (one process, as a clinic would run it). Figures go in the README.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchNatalizumab } from './bench-natalizumab';
import { printOcrelizumabBench } from './bench-ocrelizumab';
import { makeBatch } from './batch';

console.log('=== Natalizumab');
console.log(benchNatalizumab());
console.log('\n=== Ocrelizumab');
printOcrelizumabBench();

console.log('\n=== CLI batches (npm run -s tdm -- propose, 1000 patients, wall clock incl. start-up)');
const dir = mkdtempSync(join(tmpdir(), 'ms-interval-bench-'));
for (const [label, source] of [
  ['natalizumab', 'fixtures/validation/natalizumab-virtual.csv'],
  ['ocrelizumab', 'fixtures/validation/ocrelizumab-virtual.csv'],
] as const) {
  const file = join(dir, `${label}-1000.csv`);
  writeFileSync(file, makeBatch(source, 1000));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'propose', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const lines = r.stdout.trim().split('\n').filter(Boolean).length;
  console.log(`${label}: 1000 patients in ${(ms / 1000).toFixed(2)} s = ${(ms / 1000).toFixed(1)} ms/patient (exit ${r.status}, ${lines} lines)`);
}
