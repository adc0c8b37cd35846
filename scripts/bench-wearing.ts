/**
 * Speed of the natalizumab proposal with wearing-off reports (issue 19): per patient with at least
 * one report, the time of the proposal alone, of the proposal with its wearing-off analysis as it
 * was (the patient fitted again to predict the onsets as `tdm predict` does: the old code, kept as
 * the oracle of test/core/wearing/wearing-reuse.test.ts), and as the engine makes it now (the onsets read from the
 * proposal's own fit and draws: proposeNatalizumabWithWearingOff). The three run interleaved, patient
 * by patient, so a change in the machine's load touches them alike; medians over many rounds.
 * The patients: the validation patients with reports added (scripts/wearing-fixture.ts).
 * Run: npx tsx scripts/bench-wearing.ts [rounds] [csv …]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseTdmCsv } from '../src/core/records/index';
import { lastEventTime } from '../src/core/engine';
import { proposeNatalizumab } from '../src/core/natalizumab/index';
import { proposeNatalizumabWithWearingOff } from '../src/core/natalizumab/wearing-off';
import { reportsUpTo, wearingOffIntervals } from '../src/core/wearing-off';
import type { NatalizumabOptions } from '../src/core/report/types';
import type { PatientRecord } from '../src/core/types';
import { withWearingReports } from './wearing-fixture';
import { oldWithNatalizumabWearingOff } from '../test/core/wearing/wearing-off-oracle';

/** CPU time (ms) of this thread: robust to other processes competing for the cores. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const DEFAULT_FILES = ['fixtures/validation/natalizumab-virtual.csv', 'fixtures/validation/natalizumab-sc.csv'];

/** Patients with at least one report of wearing-off (intensity 1–3) set in an interval as of their last row. */
export function patientsWithReports(files: string[]): PatientRecord[] {
  return files.flatMap((f) => parseTdmCsv(withWearingReports(readFileSync(f, 'utf8')), f).patients).filter((p) => {
    if (p.drug !== 'natalizumab') return false;
    const asOf = lastEventTime(p);
    return wearingOffIntervals(reportsUpTo(p, asOf), p.doses.filter((d) => d.time <= asOf)).reports.length > 0;
  });
}

type Way = 'propose' | 'old' | 'new';
const WAYS: Record<Way, (p: PatientRecord, asOf: number, o: Partial<NatalizumabOptions>) => unknown> = {
  propose: (p, asOf, o) => proposeNatalizumab(p, asOf, o),
  old: (p, asOf, o) => oldWithNatalizumabWearingOff(proposeNatalizumab(p, asOf, o), p, asOf, o),
  new: (p, asOf, o) => proposeNatalizumabWithWearingOff(p, asOf, o),
};

/** Per way, each patient's median CPU and wall time over the rounds (ms). */
function timeWays(patients: PatientRecord[], o: Partial<NatalizumabOptions>, rounds: number) {
  const cpu = new Map<Way, number[][]>(), wall = new Map<Way, number[][]>();
  for (const w of Object.keys(WAYS) as Way[]) { cpu.set(w, patients.map(() => [])); wall.set(w, patients.map(() => [])); }
  for (let r = 0; r <= rounds; r++) {
    patients.forEach((p, i) => {
      const asOf = lastEventTime(p);
      // The order of the ways turns each round, so none always runs first (warm caches, a load spike).
      const ways = (Object.keys(WAYS) as Way[]).map((_, k, all) => all[(k + r) % all.length]);
      for (const w of ways) {
        const t0 = cpuMs(), w0 = performance.now();
        WAYS[w](p, asOf, o);
        // Round 0 is the warm-up (JIT), not counted.
        if (r > 0) { cpu.get(w)![i].push(cpuMs() - t0); wall.get(w)![i].push(performance.now() - w0); }
      }
    });
  }
  const per = (m: Map<Way, number[][]>, w: Way) => m.get(w)!.map(median);
  return { cpu: (w: Way) => per(cpu, w), wall: (w: Way) => per(wall, w) };
}

export function benchWearing(files = DEFAULT_FILES, rounds = 7): string {
  const patients = patientsWithReports(files);
  const reports = patients.map((p) => { const asOf = lastEventTime(p); return wearingOffIntervals(reportsUpTo(p, asOf), p.doses.filter((d) => d.time <= asOf)).reports.length; });
  const out = [
    `wearing-off bench: ${patients.length} natalizumab patients with reports (median ${median(reports)} reports each) from ${files.join(', ')}; ${rounds} rounds after a warm-up round`,
    `load average before (1/5/15 min): ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
  ];
  for (const [label, o] of [['command line (no chart)', { curves: false }], ['app (with the chart)', {}]] as const) {
    const t = timeWays(patients, o, rounds);
    for (const kind of ['cpu', 'wall'] as const) {
      const [pr, old, nw] = (['propose', 'old', 'new'] as Way[]).map((w) => t[kind](w));
      const extraOld = old.map((x, i) => x - pr[i]), extraNew = nw.map((x, i) => x - pr[i]);
      out.push(`${label}, ${kind} ms per patient (median; mean): proposal alone ${median(pr).toFixed(2)}; ${(sum(pr) / pr.length).toFixed(2)}`
        + ` | with wearing-off, before ${median(old).toFixed(2)}; ${(sum(old) / old.length).toFixed(2)} (×${median(old.map((x, i) => x / pr[i])).toFixed(2)})`
        + ` | now ${median(nw).toFixed(2)}; ${(sum(nw) / nw.length).toFixed(2)} (×${median(nw.map((x, i) => x / pr[i])).toFixed(2)})`
        + ` | the wearing-off part: before ${median(extraOld).toFixed(2)}, now ${median(extraNew).toFixed(2)}`);
    }
  }
  out.push(`load average after (1/5/15 min): ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [rounds, ...files] = process.argv.slice(2);
  console.log(benchWearing(files.length ? files : DEFAULT_FILES, rounds ? Number(rounds) : 7));
}
