/**
 * A year-long adaptive virtual trial of the natalizumab engine (issue 8, item 8):
 * `npm run validate -- --trial` or `npx tsx scripts/trial-natalizumab.ts [virtual|misspec] [--patients N] [--seed S]`.
 *
 * Each virtual patient of the well-specified and the misspecified set is followed for ten
 * visits from the day their file ends. At each visit a policy chooses the next interval; the true
 * trough just before the next infusion (15 minutes before it) is simulated from the patient's TRUE
 * parameters (truth json `params`, already individual: CL, Vc, Vp, Q, Vmax, Km at the true weight)
 * with the project's ODE (src/core/pk), measured with log-normal proportional noise, censored below
 * 1 µg/mL as `<1`, and appended to the patient's file with the infusion. Policies, on the same
 * random numbers (common random numbers: the same noise and clearance draws per interval):
 *   - engine: proposeNatalizumab as of the visit day on every row so far (a black box);
 *   - standard: 4-weekly;
 *   - PDNMS: measured trough > 15 µg/mL: +1 week (max 8); 10–15 keep; < 10 or censored: −1 week
 *     (min 4): the engine's reading of the published rule (src/core/natalizumab/guards.ts);
 *   - oracle: the longest constant interval 4–8 weeks whose true steady-state trough (truth json)
 *     is ≥ target (4 if none).
 * Scores: share of intervals whose TRUE trough is ≥ target, share below 2 µg/mL (the efficacy
 * floor), infusions per year counted per patient as the oracle's are (each patient's own
 * 365.25 × intervals ÷ days followed, averaged over patients; the pooled rate beside it), mean
 * interval, and for the engine the next-trough coverage: how often the proposal's 80 % interval of
 * the next trough held the TRUE trough.
 *
 * Worlds (issue 17, item 7): the well-specified set is run in two, on the same random numbers:
 * the model world (the published model exactly: the model's assay error, no IOV) and the
 * inter-occasion world (clearance varying from interval to interval, log-normal, log-SD
 * IOV_WORLD_OMEGA = 0.15 per dosing interval, as real patients' clearance does).
 *
 * Measurement noise: log-normal, SD 0.219 on the log scale (the model's proportional 21.9 %; the
 * well-specified set's measured÷true troughs have log SD 0.22, mean 0.02). The misspecified set's
 * truth does not state its assay error: its bias and SD are estimated from the set's own measured
 * vs noise-free troughs (`true_troughs`), and printed. Inter-occasion variability in clearance on
 * the misspecified set: not stated either; CV 15 % assumed (log-normal, median 1, a new draw for
 * every interval). The history in the file is replayed with the patient's base clearance.
 * Antibody-like patients (`ada`) are excluded from the main scores and reported on their own line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTdmCsv } from '../src/core/records/index';
import { formatDate, formatDateTime, parseAsOfDate } from '../src/core/time';
import { proposeNatalizumab } from '../src/core/natalizumab/index';
import { pdnmsWeeks } from '../src/core/natalizumab/guards';
import { PkSolver } from '../src/core/pk/index';
import { createRng, seedFrom } from '../src/core/random';
import { NATALIZUMAB_SETS, idealWeeks, type NatalizumabSet, type NatalizumabTruth } from './validate-natalizumab';

export const VISITS = 10;
export const LOQ = 1;
export const MODEL_SIGMA_LOG = 0.219;
export const IOV_CV_ASSUMED = 0.15;
/** The inter-occasion world's log-SD of clearance per dosing interval (issue 17). */
export const IOV_WORLD_OMEGA = 0.15;
const WEEK = 7;
const TROUGH_BEFORE_DOSE = 15 / 1440;

/** Issue 8's goals for the engine on the well-specified population, per target. */
export const TRIAL_GOALS: Record<number, { atTarget: number; infusionsPerYear: number }> = { 10: { atTarget: 0.915, infusionsPerYear: 10.9 }, 5: { atTarget: 0.98, infusionsPerYear: 9.5 } };

/**
 * Issue 17's goals per world and target (for `propose --calibrate`; infusions per patient
 * averaged), with the next trough's 80 % interval holding 0.75–0.88 of the true troughs.
 */
export const WORLD_GOALS: Record<'model' | 'iov', Record<number, { atTarget: number; infusionsPerYear: number }>> = {
  model: { 10: { atTarget: 0.915, infusionsPerYear: 10.6 }, 5: { atTarget: 0.98, infusionsPerYear: 9.3 } },
  iov: { 10: { atTarget: 0.89, infusionsPerYear: 11.2 }, 5: { atTarget: 0.97, infusionsPerYear: 10.0 } },
};
export const NEXT_TROUGH_COVERAGE_GOAL = { low: 0.75, high: 0.88 };

/** The inter-occasion world: the well-specified set with clearance varying per interval. */
export function iovWorld(omega = IOV_WORLD_OMEGA): TrialWorld {
  return { bias: 0, sigma: MODEL_SIGMA_LOG, iovOmega: omega, note: `inter-occasion world: assay log-SD ${MODEL_SIGMA_LOG}, no bias; clearance × a new log-normal draw per dosing interval, log-SD ${omega}` };
}

export type Policy = 'engine' | 'standard' | 'pdnms' | 'oracle';
export const POLICIES: Policy[] = ['engine', 'standard', 'pdnms', 'oracle'];

export interface TrialWorld {
  /** Log-scale assay bias and SD of the measurement. */
  bias: number;
  sigma: number;
  /** SD of ln(CL multiplier) per interval (0: none). */
  iovOmega: number;
  note: string;
}

/** The patient's true course: the ODE with the true parameters, advanced event by event. */
export class TrueCourse {
  private s = new PkSolver({ rtol: 1e-8, atol: 1e-8 });
  private started = false;
  constructor(private readonly p: NatalizumabTruth['params']) {}

  /** An IV infusion at `time`; clearance × `clMult` from now on (the interval it starts). */
  infuse(time: number, amountMg: number, durationMin: number, clMult = 1): void {
    const s = this.s;
    if (!this.started) { s.reset(time); this.started = true; }
    s.advance(time);
    s.setParams({ cl: this.p.CL * clMult, vc: this.p.Vc, vp: this.p.Vp, q: this.p.Q, vmax: this.p.Vmax, km: this.p.Km, ka: 0 });
    const d = durationMin / 1440;
    if (d > 0) { s.rate += amountMg / d; s.advance(time + d); s.rate = 0; } else s.a1 += amountMg;
  }

  /** Concentration at `time` (µg/mL), which must not be earlier than the last event. */
  concAt(time: number): number {
    this.s.advance(time);
    return this.s.conc();
  }
}

export interface PatientFile {
  id: string;
  truth: NatalizumabTruth;
  header: string[];
  lines: string[];
  doses: { time: number; amountMg: number; durationMin: number; route: 'iv' | 'sc' }[];
  lastLevel: { value: number; censored: boolean } | null;
  /** Times of the file's levels (the noise-free values are truth.true_troughs). */
  levelTimes: number[];
}

export function loadSet(set: NatalizumabSet): { files: PatientFile[]; header: string } {
  const text = readFileSync(set.csv, 'utf8').replace(/\r\n/g, '\n');
  const truth = JSON.parse(readFileSync(set.truth, 'utf8')) as Record<string, NatalizumabTruth>;
  const [headerLine, ...rows] = text.trim().split('\n');
  const header = headerLine.split(',');
  const parsed = parseTdmCsv(text, set.csv);
  const files: PatientFile[] = [];
  for (const p of parsed.patients) {
    const tr = truth[p.id];
    if (!tr) continue;
    const last = p.levels.length ? p.levels[p.levels.length - 1] : null;
    files.push({
      id: p.id, truth: tr, header,
      lines: rows.filter((r) => r.startsWith(`${p.id},`)),
      doses: p.doses.map((d) => ({ time: d.time, amountMg: d.amountMg, durationMin: d.durationMin, route: d.route })),
      lastLevel: last ? { value: last.value, censored: last.censored } : null,
      levelTimes: p.levels.map((l) => l.time),
    });
  }
  return { files, header: headerLine };
}

/** Replay the file's doses with CL × m (every dose) and return the concentration at `time`. */
function replay(f: PatientFile, m: number, time: number): number {
  const c = new TrueCourse(f.truth.params);
  for (const d of f.doses) if (d.time <= time) c.infuse(d.time, d.amountMg, d.durationMin, m);
  return c.concAt(time);
}

/**
 * The clearance multiplier over the file's history that reproduces the patient's noise-free
 * troughs (truth `true_troughs`) with the truth's `params`: 1 on the well-specified set; on the
 * misspecified set the truth's history ran with its own clearance (one multiplier reproduces both
 * troughs), while first_trough / ss_trough use `params` as they are.
 */
export function historyMultiplier(f: PatientFile): number {
  const i = f.levelTimes.length - 1;
  if (i < 0 || !(f.truth.true_troughs[i] > 0)) return 1;
  const target = f.truth.true_troughs[i], t = f.levelTimes[i];
  // Within the truth's own numerical precision (~0.1 %): no multiplier.
  if (Math.abs(replay(f, 1, t) - target) <= 2e-3 * target) return 1;
  let lo = Math.log(0.1), hi = Math.log(10);
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    if (replay(f, Math.exp(mid), t) > target) lo = mid; else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/** Log-scale bias and SD of measured ÷ noise-free troughs (uncensored, venous), from a set's own file. */
export function assayError(set: NatalizumabSet): { bias: number; sd: number; n: number } {
  const parsed = parseTdmCsv(readFileSync(set.csv, 'utf8'), set.csv);
  const truth = JSON.parse(readFileSync(set.truth, 'utf8')) as Record<string, NatalizumabTruth>;
  const r: number[] = [];
  for (const p of parsed.patients) {
    const tr = truth[p.id];
    if (!tr) continue;
    p.levels.forEach((l, i) => {
      if (!l.censored && l.sample !== 'capillary' && tr.true_troughs[i] > 0) r.push(Math.log(l.value / tr.true_troughs[i]));
    });
  }
  const m = r.reduce((a, b) => a + b, 0) / r.length;
  return { bias: m, sd: Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / (r.length - 1)), n: r.length };
}

/** SD of ln(history multiplier) over a set's non-antibody patients, with its mean. */
export function historyMultiplierSpread(files: PatientFile[]): { mean: number; sd: number; n: number } {
  const r = files.filter((f) => !f.truth.ada).map((f) => Math.log(historyMultiplier(f)));
  const m = r.reduce((a, b) => a + b, 0) / r.length;
  return { mean: m, sd: Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, r.length - 1)), n: r.length };
}

/**
 * The simulated world of a set. Well-specified: the model's assay error, no IOV. Misspecified:
 * the assay's bias and SD estimated from the set's measured vs noise-free troughs, and IOV in CL
 * per interval with the SD of the history multipliers (how far the truth's past clearance sits
 * from `params`); CV 15 % if that cannot be estimated. Neither is stated in the truth.
 */
export function worldFor(set: NatalizumabSet): TrialWorld {
  if (set.name === 'misspec') {
    const e = assayError(set);
    const h = historyMultiplierSpread(loadSet(set).files);
    const estimated = h.n >= 10 && h.sd > 0;
    const omega = estimated ? h.sd : Math.sqrt(Math.log(1 + IOV_CV_ASSUMED ** 2));
    return {
      bias: e.bias, sigma: e.sd, iovOmega: omega,
      note: `assay log-bias ${e.bias >= 0 ? '+' : ''}${e.bias.toFixed(3)} (×${Math.exp(e.bias).toFixed(3)}), log-SD ${e.sd.toFixed(3)}, estimated from the set's ${e.n} measured vs noise-free troughs; ` +
        (estimated
          ? `IOV in CL: a new log-normal draw per interval, SD ${omega.toFixed(3)} (CV ${(100 * Math.sqrt(Math.exp(omega ** 2) - 1)).toFixed(1)} %), the spread of the ${h.n} patients' history CL multipliers (mean ln ${h.mean.toFixed(3)}); neither stated in the truth`
          : `IOV in CL: CV ${100 * IOV_CV_ASSUMED} % per interval (assumed: not stated)`),
    };
  }
  return { bias: 0, sigma: MODEL_SIGMA_LOG, iovOmega: 0, note: `assay: log-normal, log-SD ${MODEL_SIGMA_LOG} (the model's 21.9 %), no bias; no IOV` };
}

export interface PatientCourse {
  id: string;
  ada: boolean;
  weeks: number[];
  trueTroughs: number[];
  /** What the lab reported for each trough (value; censored: below `value`). */
  measured: { value: number; censored: boolean }[];
  /** Engine arm: whether the proposal's 80 % interval of the next trough held the true trough (else empty). */
  inside80: boolean[];
}

export interface Draws { noise: number[]; iov: number[] }

/** The patient's random numbers (seeded by set and id): the same for every policy and target. */
export function draws(set: NatalizumabSet, id: string, seed = 0): Draws {
  const rng = createRng(seedFrom(`trial:${set.name}:${id}${seed ? `:${seed}` : ''}`));
  const noise: number[] = [], iov: number[] = [];
  for (let k = 0; k < VISITS; k++) { noise.push(rng.normal()); iov.push(rng.normal()); }
  return { noise, iov };
}

function csvRow(header: string[], cells: Record<string, string>): string {
  return header.map((h) => cells[h] ?? '').join(',');
}

/** Follow one patient under one policy for VISITS intervals. */
export function followPatient(f: PatientFile, policy: Policy, target: number, world: TrialWorld, d: Draws): PatientCourse {
  const course = new TrueCourse(f.truth.params);
  const ivDoses = f.doses.filter((x) => x.route === 'iv');
  if (ivDoses.length !== f.doses.length) throw new Error(`${f.id}: the trial replays IV histories only`);
  const clMult = (k: number) => Math.exp(world.iovOmega * d.iov[k]);
  // The file's history with the clearance that reproduces its noise-free troughs; from the last
  // dose on (the first trial interval), the patient's `params` with a draw per interval.
  const hist = historyMultiplier(f);
  f.doses.forEach((x, i) => course.infuse(x.time, x.amountMg, x.durationMin, i === f.doses.length - 1 ? clMult(0) : hist));
  const lines = [...f.lines];
  let lastDose = f.doses[f.doses.length - 1].time;
  let trough = f.lastLevel;
  let current = 4;
  const oracle = idealWeeks(f.truth, target);
  const weeks: number[] = [], trueTroughs: number[] = [], measuredAll: PatientCourse['measured'] = [], inside80: boolean[] = [];
  for (let k = 0; k < VISITS; k++) {
    let w: number;
    let band: { low: number; high: number } | null = null;
    if (policy === 'standard') w = 4;
    else if (policy === 'oracle') w = oracle;
    else if (policy === 'pdnms') w = trough ? pdnmsWeeks(current, trough) : Math.max(4, current - 1);
    else {
      const rec = parseTdmCsv([f.header.join(','), ...lines].join('\n'), `${f.id}.csv`).patients[0];
      const asOf = parseAsOfDate(formatDate(lastDose))!;
      const prop = proposeNatalizumab(rec, asOf, { target, curves: false }).proposal;
      w = prop.intervalWeeks;
      band = prop.nextTrough;
    }
    current = w;
    const next = lastDose + w * WEEK;
    const tTrough = next - TROUGH_BEFORE_DOSE;
    const truth = course.concAt(tTrough);
    const measured = truth * Math.exp(world.bias + world.sigma * d.noise[k]);
    const censored = measured < LOQ;
    trough = { value: censored ? LOQ : measured, censored };
    weeks.push(w); trueTroughs.push(truth); measuredAll.push(trough);
    if (band) inside80.push(truth >= band.low && truth <= band.high);
    if (policy === 'engine') {
      lines.push(csvRow(f.header, { patient_id: f.id, drug: 'natalizumab', kind: 'level', time: formatDateTime(tTrough), value: censored ? `<${LOQ}` : measured.toFixed(1), unit: 'ug/mL', note: 'trough' }));
      lines.push(csvRow(f.header, { patient_id: f.id, drug: 'natalizumab', kind: 'dose', time: formatDateTime(next), value: '300', unit: 'mg', route: 'iv', duration_min: '60' }));
    }
    if (k + 1 < VISITS) course.infuse(next, 300, 60, clMult(k + 1));
    lastDose = next;
  }
  return { id: f.id, ada: f.truth.ada, weeks, trueTroughs, measured: measuredAll, inside80 };
}

export interface ArmScore {
  policy: Policy;
  patients: number;
  intervals: number;
  /** Share of intervals whose true trough is ≥ target. */
  atTarget: number;
  /** Share of intervals whose true trough is < 2 µg/mL. */
  below2: number;
  /** Intervals whose true trough is below target. */
  belowTarget: number;
  /** Each patient's own infusions a year (365.25 × intervals ÷ days followed), averaged over patients. */
  infusionsPerYear: number;
  /** 365.25 × all intervals ÷ all days (the count before issue 17). */
  pooledInfusionsPerYear: number;
  /** Engine: share of next troughs inside the proposal's 80 % interval (null for the other arms). */
  nextTroughCoverage: number | null;
  meanWeeks: number;
  /** Share of patients with every true trough ≥ target. */
  patientsAlwaysAtTarget: number;
}

export function scoreArm(policy: Policy, courses: PatientCourse[], target: number): ArmScore {
  const all = courses.flatMap((c) => c.trueTroughs);
  const weeks = courses.flatMap((c) => c.weeks);
  const days = weeks.reduce((a, w) => a + w * WEEK, 0);
  const perPatient = courses.map((c) => 365.25 * c.weeks.length / c.weeks.reduce((a, w) => a + w * WEEK, 0));
  const inside = courses.flatMap((c) => c.inside80);
  return {
    policy, patients: courses.length, intervals: all.length,
    atTarget: all.filter((t) => t >= target).length / all.length,
    below2: all.filter((t) => t < 2).length / all.length,
    belowTarget: all.filter((t) => t < target).length,
    infusionsPerYear: perPatient.reduce((a, b) => a + b, 0) / perPatient.length,
    pooledInfusionsPerYear: 365.25 * weeks.length / days,
    nextTroughCoverage: inside.length ? inside.filter(Boolean).length / inside.length : null,
    meanWeeks: weeks.reduce((a, b) => a + b, 0) / weeks.length,
    patientsAlwaysAtTarget: courses.filter((c) => c.trueTroughs.every((t) => t >= target)).length / courses.length,
  };
}

export interface TrialResult {
  set: string;
  target: number;
  world: TrialWorld;
  arms: ArmScore[];
  /** The same for antibody-like patients, reported apart. */
  adaArms: ArmScore[];
  /** Wall-clock and CPU seconds of this run (the machine may be shared). */
  seconds: number;
  cpuSeconds: number;
}

/**
 * Run the trial on one set at one target. `limit`: the first N patients only (quick looks);
 * `policies`: which arms; `seed`: another realisation of the noise and IOV (0: the default).
 */
export function runTrial(set: NatalizumabSet, target: number, limit = Infinity, policies: Policy[] = POLICIES, seed = 0, world: TrialWorld = worldFor(set)): TrialResult {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { files } = loadSet(set);
  const use = files.slice(0, limit);
  const arms: ArmScore[] = [], adaArms: ArmScore[] = [];
  for (const policy of policies) {
    const courses = use.map((f) => followPatient(f, policy, target, world, draws(set, f.id, seed)));
    arms.push(scoreArm(policy, courses.filter((c) => !c.ada), target));
    const ada = courses.filter((c) => c.ada);
    if (ada.length) adaArms.push(scoreArm(policy, ada, target));
  }
  return { set: set.name, target, world, arms, adaArms, seconds: (performance.now() - t0) / 1000, cpuSeconds: (() => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; })() };
}

/**
 * Check of the true-course simulation against the truth json: the noise-free troughs behind the
 * file's measured troughs, replayed with the history multiplier (both troughs, though the
 * multiplier was solved on the last one), and first_trough[4..8] after the last dose, with the
 * history replayed either with that multiplier (as the trial does) or with `params` throughout.
 * Largest relative deviations.
 */
export function checkTrueCourse(set: NatalizumabSet): { troughs: number; firstAsTrial: number; firstPlain: number; multiplierMin: number; multiplierMax: number } {
  const { files } = loadSet(set);
  let troughs = 0, firstAsTrial = 0, firstPlain = 0, multiplierMin = Infinity, multiplierMax = -Infinity;
  for (const f of files) {
    const m = historyMultiplier(f);
    multiplierMin = Math.min(multiplierMin, m); multiplierMax = Math.max(multiplierMax, m);
    f.levelTimes.forEach((t, i) => {
      const tt = f.truth.true_troughs[i];
      if (tt > 0) troughs = Math.max(troughs, Math.abs(replay(f, m, t) - tt) / tt);
    });
    const last = f.doses[f.doses.length - 1].time;
    for (const [hist, setMax] of [[m, (x: number) => { firstAsTrial = Math.max(firstAsTrial, x); }], [1, (x: number) => { firstPlain = Math.max(firstPlain, x); }]] as const) {
      const c = new TrueCourse(f.truth.params);
      f.doses.forEach((d, i) => c.infuse(d.time, d.amountMg, d.durationMin, i === f.doses.length - 1 ? 1 : hist));
      for (let w = 4; w <= 8; w++) {
        const tt = f.truth.first_trough[String(w)];
        setMax(Math.abs(c.concAt(last + w * WEEK) - tt) / tt);
      }
    }
  }
  return { troughs, firstAsTrial, firstPlain, multiplierMin, multiplierMax };
}

const f3 = (x: number) => x.toFixed(3);

export function formatTrial(r: TrialResult): string {
  const lines = [`[trial ${r.set} T=${r.target}] ${r.arms[0].patients} patients × ${VISITS} intervals (antibody-like apart), ${r.seconds.toFixed(0)} s (CPU ${r.cpuSeconds.toFixed(0)} s)`];
  // With the count: 578/590 = 0.9797 must not read as 0.980 beside a goal of 0.98.
  const row = (a: ArmScore) => `    ${a.policy.padEnd(9)} ≥T ${f3(a.atTarget)} (${a.intervals - a.belowTarget}/${a.intervals}, ${a.belowTarget} below)   <2 µg/mL ${f3(a.below2)}   infusions/yr ${a.infusionsPerYear.toFixed(2)} per patient (pooled ${a.pooledInfusionsPerYear.toFixed(2)})   mean interval ${a.meanWeeks.toFixed(2)} w   patients always ≥T ${f3(a.patientsAlwaysAtTarget)}` +
    (a.nextTroughCoverage === null ? '' : `   next-trough 80 % coverage ${f3(a.nextTroughCoverage)}`);
  lines.push(...r.arms.map(row));
  if (r.adaArms.length) {
    lines.push(`    antibody-like (${r.adaArms[0].patients}): ` + r.adaArms.map((a) => `${a.policy} ≥T ${f3(a.atTarget)}, ${a.infusionsPerYear.toFixed(2)}/yr, mean ${a.meanWeeks.toFixed(2)} w`).join('; '));
  }
  return lines.join('\n');
}

/** The worlds a set is run in: the well-specified set in the model world and the inter-occasion world; another set in its own. */
export function worldsFor(set: NatalizumabSet): { name: string; world: TrialWorld }[] {
  return set.name === 'virtual' ? [{ name: 'model', world: worldFor(set) }, { name: 'iov', world: iovWorld() }] : [{ name: set.name, world: worldFor(set) }];
}

/** What the engine missed of issue 17's goals in a world (model, iov), or [] when met. */
export function missedGoals(world: string, a: Pick<ArmScore, 'atTarget' | 'infusionsPerYear' | 'nextTroughCoverage'>, target: number): string[] {
  const g = WORLD_GOALS[world as 'model' | 'iov']?.[target];
  if (!g) return [];
  const c = a.nextTroughCoverage;
  return [
    a.atTarget >= g.atTarget ? '' : `≥T ${a.atTarget.toFixed(4)} < ${g.atTarget}`,
    a.infusionsPerYear <= g.infusionsPerYear ? '' : `${a.infusionsPerYear.toFixed(2)} infusions/yr > ${g.infusionsPerYear}`,
    c === null || (c >= NEXT_TROUGH_COVERAGE_GOAL.low && c <= NEXT_TROUGH_COVERAGE_GOAL.high) ? '' : `next-trough coverage ${c.toFixed(3)} outside ${NEXT_TROUGH_COVERAGE_GOAL.low}–${NEXT_TROUGH_COVERAGE_GOAL.high}`,
  ].filter(Boolean);
}

export function printNatalizumabTrial(names = ['virtual', 'misspec'], targets = [10, 5], limit = Infinity, seed = 0): (TrialResult & { worldName: string })[] {
  const out: (TrialResult & { worldName: string })[] = [];
  console.log(`=== Natalizumab: year-long adaptive virtual trial (${VISITS} visits per patient, proposal as of each visit day on every row so far)`);
  for (const name of names) {
    const set = NATALIZUMAB_SETS.find((s) => s.name === name);
    if (!set) throw new Error(`unknown set "${name}" (one of ${NATALIZUMAB_SETS.map((s) => s.name).join(', ')})`);
    const chk = checkTrueCourse(set);
    const pc = (x: number) => `${(100 * x).toFixed(2)} %`;
    console.log(`\n--- ${set.csv}`);
    console.log(`    true course vs truth json: history CL multiplier ${chk.multiplierMin.toFixed(3)}–${chk.multiplierMax.toFixed(3)}; max rel. deviation on the file's noise-free troughs ${pc(chk.troughs)}, ` +
      `on first_trough[4..8] ${pc(chk.firstAsTrial)} (history as the trial replays it) / ${pc(chk.firstPlain)} (history with params)`);
    for (const { name: worldName, world } of worldsFor(set)) {
      console.log(`  ${worldName === set.name ? 'world' : `${worldName} world`}: ${world.note}`);
      for (const target of targets) {
        const r = runTrial(set, target, limit, POLICIES, seed, world);
        console.log(formatTrial(r));
        out.push({ ...r, worldName });
      }
    }
  }
  console.log('\n≥T: share of intervals whose TRUE trough (before the next infusion) is ≥ target; <2 µg/mL: below the efficacy floor; infusions/yr: each patient\'s 365.25 × intervals ÷ days, averaged (pooled: all intervals ÷ all days); next-trough coverage: the proposal\'s 80 % interval of the next trough holding the true trough.');
  console.log('Goals (issue 17, for propose --calibrate; the plain engine is shown against them): model world ≥ 0.915 with ≤ 10.6 infusions/yr at 10 µg/mL, ≥ 0.98 with ≤ 9.3 at 5; inter-occasion world ≥ 0.89 with ≤ 11.2 at 10, ≥ 0.97 with ≤ 10.0 at 5; next-trough 80 % coverage 0.75–0.88 in both.');
  for (const r of out) {
    const e = r.arms.find((a) => a.policy === 'engine');
    if (!e || !WORLD_GOALS[r.worldName as 'model' | 'iov']) continue;
    const missed = missedGoals(r.worldName, e, r.target);
    console.log(`  engine, ${r.worldName} world, ${r.target} µg/mL: ${missed.length ? `MISSED: ${missed.join('; ')}` : 'goals met'}`);
  }
  return out;
}

/**
 * The engine arm on the well-specified set over noise seeds 0..n−1 (`npm run validate -- --trial
 * --seeds 8`): the goals hang on one or two intervals in 590, so one realisation says little.
 */
export function printTrialSeeds(n: number, targets = [10, 5]): { target: number; seed: number; arm: ArmScore }[] {
  const set = NATALIZUMAB_SETS.find((s) => s.name === 'virtual')!;
  const out: { target: number; seed: number; arm: ArmScore }[] = [];
  console.log(`=== Natalizumab trial, engine arm, well-specified set, noise seeds 0–${n - 1}`);
  for (const target of targets) {
    const g = TRIAL_GOALS[target];
    let met = 0;
    for (let seed = 0; seed < n; seed++) {
      const arm = runTrial(set, target, Infinity, ['engine'], seed).arms[0];
      out.push({ target, seed, arm });
      const ok = arm.atTarget >= g.atTarget && arm.infusionsPerYear <= g.infusionsPerYear;
      if (ok) met++;
      console.log(`  T=${target} seed ${seed}: ≥T ${arm.atTarget.toFixed(4)} (${Math.round(arm.atTarget * arm.intervals)}/${arm.intervals}), ${arm.infusionsPerYear.toFixed(3)} infusions/yr${ok ? '' : '  MISSED'}`);
    }
    console.log(`  T=${target}: goals (≥ ${g.atTarget}, ≤ ${g.infusionsPerYear}/yr) met in ${met} of ${n} seeds`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const a = process.argv.slice(2);
  const i = a.indexOf('--patients');
  const limit = i >= 0 ? Number(a[i + 1]) : Infinity;
  const j = a.indexOf('--seed');
  const seed = j >= 0 ? Number(a[j + 1]) : 0;
  const names = a.filter((x) => NATALIZUMAB_SETS.some((s) => s.name === x));
  printNatalizumabTrial(names.length ? names : undefined, undefined, limit, seed);
}
