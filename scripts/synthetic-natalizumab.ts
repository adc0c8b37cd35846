/**
 * `npm run validate -- --synthetic`: natalizumab robustness worlds of this project's own, other
 * than the shared robustness set, to check that the forecast's honesty does not hang on that one
 * set's errors. Each world takes the shared well-specified patients (their dosing, sampling times
 * and true published-model parameters) and changes the truth: clearance that varies per interval
 * or shifts persistently between the history and the future, another Km, Vc or Vmax, an assay
 * that reads high or low and noisier. The measured troughs are simulated from that truth; the
 * truth to score against is the steady-state trough of each interval with the patient's own
 * (future) parameters. Seeded per patient: the same numbers on every run.
 */
import { readFileSync } from 'node:fs';
import { NATALIZUMAB_SETS, idealWeeks, type NatalizumabTruth } from './validate-natalizumab';
import { loadSet, TrueCourse } from './trial-natalizumab';
import { parseTdmCsv } from '../src/core/records/index';
import { parseAsOfDate, WEEK } from '../src/core/time';
import { proposeNatalizumab } from '../src/core/natalizumab/index';
import { createRng } from '../src/core/random';

export interface SyntheticWorld {
  name: string;
  /** log-SD of CL per history interval (a new draw each interval). */
  iovPerInterval: number;
  /** log-SD of one CL multiplier shared by the whole history (the future runs at the patient's own CL). */
  historyShift: number;
  km: number;
  vcFactor: number;
  /** log-SD of a per-patient Vmax factor (another covariate model). */
  vmaxSd: number;
  /** Assay: log bias and log-SD. */
  bias: number;
  sigma: number;
}

export const SYNTHETIC_WORLDS: SyntheticWorld[] = [
  { name: 'A: IOV 20 % per interval, Km 0.5, assay −5 %, 25 %', iovPerInterval: 0.2, historyShift: 0, km: 0.5, vcFactor: 1, vmaxSd: 0, bias: -0.05, sigma: 0.25 },
  { name: 'B: history shift 15 %, Vmax ±20 %, assay +5 %', iovPerInterval: 0, historyShift: 0.15, km: 0.875, vcFactor: 1, vmaxSd: 0.2, bias: 0.05, sigma: 0.22 },
  { name: 'C: IOV 10 % per interval, Km 1.2, Vc +15 %, assay 30 %', iovPerInterval: 0.1, historyShift: 0, km: 1.2, vcFactor: 1.15, vmaxSd: 0, bias: 0, sigma: 0.3 },
  { name: 'D: history shift 20 %, Km 1.5, Vc −15 %, assay +10 %', iovPerInterval: 0, historyShift: 0.2, km: 1.5, vcFactor: 0.85, vmaxSd: 0, bias: 0.1, sigma: 0.22 },
];

export interface WorldScore { world: string; target: number; n: number; attainment: number; efficiency: number; coverage80: number }

/** FNV-1a of the id, mixed: a seed per patient (ids that differ by one letter get unrelated streams). */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}

/** The well-specified set, read and parsed once for all worlds and targets. */
let base: { files: ReturnType<typeof loadSet>['files']; patients: ReturnType<typeof parseTdmCsv>['patients'] } | null = null;
function wellSpecified(): NonNullable<typeof base> {
  if (!base) {
    const set = NATALIZUMAB_SETS.find((s) => s.name === 'virtual')!;
    base = { files: loadSet(set).files, patients: parseTdmCsv(readFileSync(set.csv, 'utf8'), set.csv).patients };
  }
  return base;
}

export function scoreWorld(w: SyntheticWorld, target: number): WorldScore {
  const { files, patients } = wellSpecified();
  let n = 0, att = 0, cov = 0, sumWeeks = 0, sumIdeal = 0;
  for (const f of files) {
    if (f.truth.ada) continue;
    const rng = createRng(seedOf(f.id));
    for (let k = 0; k < 20; k++) rng.normal();
    const params = { ...f.truth.params, Km: w.km, Vc: f.truth.params.Vc * w.vcFactor, Vmax: f.truth.params.Vmax * Math.exp(w.vmaxSd * rng.normal()) };
    const shift = Math.exp(w.historyShift * rng.normal());
    // The history as it happened, and the troughs as the laboratory reported them.
    const course = new TrueCourse(params);
    const measured: number[] = [];
    let li = 0;
    const measure = () => { measured.push(course.concAt(f.levelTimes[li]) * Math.exp(w.bias + w.sigma * rng.normal())); li++; };
    for (const d of f.doses) {
      while (li < f.levelTimes.length && f.levelTimes[li] <= d.time) measure();
      course.infuse(d.time, d.amountMg, d.durationMin, shift * Math.exp(w.iovPerInterval * rng.normal()));
    }
    while (li < f.levelTimes.length) measure();
    // Truth: each interval repeated until steady, at the patient's own parameters.
    const last = f.doses[f.doses.length - 1];
    const ss: Record<string, number> = {};
    for (let wk = 4; wk <= 8; wk++) {
      const c = new TrueCourse(params);
      for (let k = 0; k < 40; k++) c.infuse(k * wk * WEEK, last.amountMg, last.durationMin);
      ss[String(wk)] = c.concAt(40 * wk * WEEK);
    }
    const p = patients.find((x) => x.id === f.id)!;
    const record = { ...p, levels: p.levels.map((l, i) => ({ ...l, value: measured[i], censored: false })) };
    const r = proposeNatalizumab(record, parseAsOfDate(f.truth.as_of)!, { curves: false, target });
    const weeks = r.proposal.intervalWeeks;
    const truthAt = ss[String(weeks)];
    const o = r.alternatives.find((a) => a.weeks === weeks)!;
    n++;
    if (truthAt >= target) att++;
    if (o.ssTrough.low <= truthAt && truthAt <= o.ssTrough.high) cov++;
    sumWeeks += weeks;
    sumIdeal += idealWeeks({ ss_trough: ss } as NatalizumabTruth, target);
  }
  return { world: w.name, target, n, attainment: att / n, efficiency: sumWeeks / sumIdeal, coverage80: cov / n };
}

export function printSyntheticWorlds(targets = [10, 5]): WorldScore[] {
  console.log('=== Natalizumab: synthetic robustness worlds (the well-specified patients with another truth; scripts/synthetic-natalizumab.ts)');
  const out: WorldScore[] = [];
  for (const w of SYNTHETIC_WORLDS) for (const t of targets) {
    const s = scoreWorld(w, t);
    out.push(s);
    console.log(`${w.name.padEnd(56)} T=${String(t).padEnd(2)} n=${s.n}  attainment ${s.attainment.toFixed(3)}  efficiency ${s.efficiency.toFixed(3)}  cov80 ${s.coverage80.toFixed(3)}`);
  }
  console.log('Goals as on the shared robustness set: attainment ≥ 0.88, efficiency ≥ 0.82, 80 % coverage ≥ 0.70.');
  return out;
}
