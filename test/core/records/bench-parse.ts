/**
 * Benchmark (not a test): parsing the validation files. Run: npx tsx test/core/records/bench-parse.ts
 * Reports CPU time per parse (steady state, after warm-up) so a busy machine disturbs it less.
 */
import { readFileSync } from 'node:fs';
import { parseTdmCsv, writeTdmCsv } from '../../../src/core/records/index';

function cpuMs(f: () => void, n: number): number {
  for (let i = 0; i < Math.min(n, 20); i++) f();
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000 / n;
}

for (const name of ['natalizumab-virtual.csv', 'ocrelizumab-virtual.csv']) {
  const text = readFileSync(`fixtures/validation/${name}`, 'utf8');
  const lines = text.split('\n').length - 1;
  const t0 = process.cpuUsage();
  const r = parseTdmCsv(text, name);
  const cold = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
  const parse = cpuMs(() => parseTdmCsv(text, name), 200);
  const write = cpuMs(() => writeTdmCsv(r.patients), 200);
  console.log(`${name}: ${lines} lines, ${r.patients.length} patients, ${r.issues.length} issues; parse ${parse.toFixed(2)} ms (first call ${cold.toFixed(1)} ms), write ${write.toFixed(2)} ms (CPU time)`);
}
