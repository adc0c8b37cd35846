/**
 * `npm run bench`: median times of one natalizumab fit and proposal, one ocrelizumab proposal, and
 * 1000-patient CLI batches (one process, as a clinic would run it), and a row typed by hand against
 * a 5000-row record (scripts/bench-typed.ts). Figures go in the README.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchNatalizumab } from './bench-natalizumab';
import { printOcrelizumabBench } from './bench-ocrelizumab';
import { makeBatch } from './batch';
import { printTypedBench } from './bench-typed';

console.log('=== Natalizumab');
console.log(benchNatalizumab());
console.log('\n=== Ocrelizumab');
printOcrelizumabBench();

/**
 * CPU seconds (user + system) of this process's finished children, from /proc/self/stat (Linux;
 * null elsewhere): the batch's own CPU time, which a busy machine does not inflate as it does the
 * wall clock.
 */
function childCpuSeconds(): number | null {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) are rest[13] and rest[14], in clock ticks (100/s on Linux).
    return (Number(rest[13]) + Number(rest[14])) / 100;
  } catch {
    return null;
  }
}

console.log('\n=== CLI batches (npm run -s tdm -- propose, 1000 patients, whole run incl. start-up)');
console.log(`machine: ${loadavg().map((x) => x.toFixed(1)).join(' / ')} load average (1/5/15 min); wall clock is only meaningful on a quiet machine`);
const dir = mkdtempSync(join(tmpdir(), 'ms-interval-bench-'));
// One start first, so the CLI's bundle (scripts/tdm.mjs) is built outside the timed runs.
spawnSync('npm', ['run', '-s', 'tdm', '--', '--help'], { encoding: 'utf8' });
for (const [label, source] of [
  ['natalizumab', 'fixtures/validation/natalizumab-virtual.csv'],
  ['ocrelizumab', 'fixtures/validation/ocrelizumab-virtual.csv'],
] as const) {
  const file = join(dir, `${label}-1000.csv`);
  writeFileSync(file, makeBatch(source, 1000));
  const c0 = childCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '-s', 'tdm', '--', 'propose', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const c1 = childCpuSeconds();
  const cpu = c0 !== null && c1 !== null ? `, CPU ${(c1 - c0).toFixed(2)} s = ${(c1 - c0).toFixed(1)} ms/patient` : '';
  const lines = r.stdout.trim().split('\n').filter(Boolean).length;
  console.log(`${label}: 1000 patients in ${(ms / 1000).toFixed(2)} s = ${(ms / 1000).toFixed(1)} ms/patient wall${cpu} (exit ${r.status}, ${lines} lines)`);
}

// A row typed by hand against a long record (issue 15): asynchronous (the records module loads on first use), so last.
console.log('\n=== Typed row against a long record');
void printTypedBench().then(() => undefined, (e: unknown) => { console.error(e); process.exitCode = 1; });
