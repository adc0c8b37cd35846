/**
 * The year-long adaptive trial (scripts/trial-natalizumab.ts) with the forecast calibrated on the
 * clinic's own troughs, as `propose --calibrate` and the app do (issue 17, item 3):
 * `npx tsx scripts/trial-calibrated.ts [--worlds model,iov] [--targets 10,5] [--patients N] [--seed S | --seeds N] [--no-calibrate] [--assay lognormal|proportional] [--write-histories DIR]`.
 *
 * The clinic's patients are followed visit by visit together (visit-major, unlike the per-patient
 * loop of the plain trial): before each round of visits the clinic's track record so far (every
 * trough with two before it, scored against the forecast made just before it: track-record.ts)
 * calibrates the inter-occasion spread (calibration.ts), and each patient is proposed with the
 * clinic's spread, widened by its own troughs where they disagree more. Worlds, on the
 * well-specified set's patients and random numbers (trial-natalizumab.ts `draws`):
 *   - model: the published model exactly (the model's assay error, no IOV);
 *   - iov: clearance varying from interval to interval, log-SD 0.15 per interval.
 * The assay's error on the measured troughs: log-normal with log-SD 0.219 (default, as the plain
 * trial), or `--assay proportional`: the published model's own, normal with SD 21.9 % of the
 * concentration (the fit's likelihood; a value under the limit of quantification is reported `<1`).
 * Scores as the plain trial (intervals with the TRUE trough ≥ target, infusions a year per patient
 * averaged), and the next-trough coverage: how often the proposal's 80 % interval of the next
 * trough held the TRUE trough.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTdmCsv } from '../src/core/records/index';
import { formatDate, formatDateTime, parseAsOfDate } from '../src/core/time';
import { proposeNatalizumab } from '../src/core/natalizumab/index';
import { measurementForecast, scoreMeasurement, scorableTroughs, type TroughScore } from '../src/core/natalizumab/track-record';
import { calibrateClinic, patientCalibration } from '../src/core/natalizumab/calibration';
import { resolveOptions } from '../src/core/natalizumab/analysis';
import { NATALIZUMAB_SETS, idealWeeks } from './validate-natalizumab';
import { TrueCourse, VISITS, LOQ, MODEL_SIGMA_LOG, draws, historyMultiplier, loadSet, type TrialWorld, type PatientFile } from './trial-natalizumab';
import { NATALIZUMAB_PK as M } from '../models/natalizumab-vandenberg-2025';

const WEEK = 7;
const TROUGH_BEFORE_DOSE = 15 / 1440;

export const WORLDS: Record<string, TrialWorld> = {
  model: { bias: 0, sigma: MODEL_SIGMA_LOG, iovOmega: 0, note: 'the published model: assay log-SD 0.219, no IOV' },
  iov: { bias: 0, sigma: MODEL_SIGMA_LOG, iovOmega: 0.15, note: 'IOV of clearance, log-SD 0.15 per interval; assay log-SD 0.219' },
};

/** How the assay errs on a measured trough: log-normal (log-SD world.sigma) or the model's proportional normal (SD M.sigmaProp × C). */
export type AssayError = 'lognormal' | 'proportional';

/** The measured trough for the true one and a standard normal draw z (the world's bias as a factor; may be ≤ 0 when proportional: then under the limit). */
export function measuredTrough(truth: number, z: number, world: TrialWorld, assay: AssayError): number {
  return assay === 'proportional' ? truth * Math.exp(world.bias) * (1 + M.sigmaProp * z) : truth * Math.exp(world.bias + world.sigma * z);
}

interface Follow {
  f: PatientFile;
  course: TrueCourse;
  lines: string[];
  lastDose: number;
  scores: TroughScore[];
  /** The last scored trough's fit (the next trough's fit starts there, as in the track record: track-record.ts). */
  warm?: number[];
  weeks: number[];
  trueTroughs: number[];
  inside80: boolean[];
  /** The same patient dosed every 4 weeks (same clearance draws): its true troughs. */
  standard: TrueCourse;
  standardLast: number;
  standardTroughs: number[];
  d: { noise: number[]; iov: number[] };
}

export interface CalibratedTrialScore {
  world: string;
  assay: AssayError;
  target: number;
  calibrated: boolean;
  patients: number;
  intervals: number;
  atTarget: number;
  below: number;
  infusionsPerYear: number;
  nextTroughCoverage: number;
  /** The clinic's spread at the last round, and the troughs it rested on. */
  finalIov: number;
  finalScale: number;
  finalTroughs: number;
  /** The scored troughs' 80 % coverage as forecast (published spread) and with the clinic's calibration. */
  finalCover80: number | null;
  finalCalibratedCover80: number | null;
  seconds: number;
  /**
   * The same patients' yardsticks: the oracle's infusions a year (each patient's longest constant
   * interval whose true steady-state trough reaches the target, per patient averaged as above), and
   * the share of intervals at target had every interval been the standard 4 weeks.
   */
  oracleInfusionsPerYear: number;
  standardAtTarget: number;
  /** Intervals longer than the standard whose true trough fell below the target: the misses the extension caused. */
  extensionMisses: number;
  /** The clinic's calibration before each round of visits: troughs scored, ω, λ. */
  rounds: { troughs: number; iov: number; scale: number }[];
  /** Every patient's record at the end (the exchange CSV: header, then each patient's rows): the trial's histories, for `tdm track-record`. */
  histories: string;
}

function row(header: string[], cells: Record<string, string>): string {
  return header.map((h) => cells[h] ?? '').join(',');
}

function start(f: PatientFile, world: TrialWorld, seed: number): Follow {
  const set = NATALIZUMAB_SETS.find((s) => s.name === 'virtual')!;
  const d = draws(set, f.id, seed);
  const course = new TrueCourse(f.truth.params);
  const hist = historyMultiplier(f);
  const standard = new TrueCourse(f.truth.params);
  for (const c of [course, standard]) f.doses.forEach((x, i) => c.infuse(x.time, x.amountMg, x.durationMin, i === f.doses.length - 1 ? Math.exp(world.iovOmega * d.iov[0]) : hist));
  const lastDose = f.doses[f.doses.length - 1].time;
  return { f, course, lines: [...f.lines], lastDose, scores: [], weeks: [], trueTroughs: [], inside80: [], standard, standardLast: lastDose, standardTroughs: [], d };
}

/** One visit of one patient: propose, simulate the true and measured trough, score it, infuse. */
function visit(p: Follow, k: number, target: number, world: TrialWorld, clinic: ReturnType<typeof calibrateClinic> | null, assay: AssayError): void {
  const rec = parseTdmCsv([p.f.header.join(','), ...p.lines].join('\n'), `${p.f.id}.csv`).patients[0];
  const asOf = parseAsOfDate(formatDate(p.lastDose))!;
  // As the app and propose --calibrate: nothing scored yet, nothing to learn from (the published allowances).
  const cal = clinic && clinic.troughs ? patientCalibration(clinic, p.scores) : {};
  const report = proposeNatalizumab(rec, asOf, { target, curves: false, ...cal });
  const w = report.proposal.intervalWeeks;
  const next = p.lastDose + w * WEEK;
  const tTrough = next - TROUGH_BEFORE_DOSE;
  const truth = p.course.concAt(tTrough);
  const nt = report.proposal.nextTrough;
  p.inside80.push(truth >= nt.low && truth <= nt.high);
  const measured = measuredTrough(truth, p.d.noise[k], world, assay);
  const censored = measured < LOQ;
  p.weeks.push(w); p.trueTroughs.push(truth);
  p.lines.push(row(p.f.header, { patient_id: p.f.id, drug: 'natalizumab', kind: 'level', time: formatDateTime(tTrough), value: censored ? `<${LOQ}` : measured.toFixed(1), unit: 'ug/mL', note: 'trough' }));
  // The clinic's track record gains this trough (scored against the published forecast made just before it).
  const withTrough = parseTdmCsv([p.f.header.join(','), ...p.lines].join('\n'), `${p.f.id}.csv`).patients[0];
  const troughs = scorableTroughs(withTrough);
  const last = troughs[troughs.length - 1];
  if (last && Math.abs(last.time - tTrough) < 1 / 1440) {
    const fc = measurementForecast(withTrough, last.time - 1 / 1440, last.time, false, resolveOptions({ curves: false }), p.warm);
    if (fc) { p.scores.push(scoreMeasurement(fc, last, p.f.id)); p.warm = fc.fitEta; }
  }
  p.lines.push(row(p.f.header, { patient_id: p.f.id, drug: 'natalizumab', kind: 'dose', time: formatDateTime(next), value: '300', unit: 'mg', route: 'iv', duration_min: '60' }));
  if (k + 1 < VISITS) p.course.infuse(next, 300, 60, Math.exp(world.iovOmega * p.d.iov[k + 1]));
  p.lastDose = next;
  // The standard arm: the same patient, the same clearance draws, every 4 weeks.
  const stdNext = p.standardLast + 4 * WEEK;
  p.standardTroughs.push(p.standard.concAt(stdNext - TROUGH_BEFORE_DOSE));
  if (k + 1 < VISITS) p.standard.infuse(stdNext, 300, 60, Math.exp(world.iovOmega * p.d.iov[k + 1]));
  p.standardLast = stdNext;
}

/** A followed patient as the yardsticks need it. */
export interface FollowedCourse { weeks: number[]; trueTroughs: number[]; oracleWeeks: number; standardTroughs: number[] }

/** Infusions a year of one patient: 365.25 × intervals ÷ days followed. */
const perYear = (weeks: number[]): number => 365.25 * weeks.length / (weeks.reduce((a, w) => a + w, 0) * WEEK);

/** The oracle's infusions a year, the standard arm's share at target and the misses the extensions caused. */
export function yardsticks(courses: FollowedCourse[], target: number, standardWeeks = 4): Pick<CalibratedTrialScore, 'oracleInfusionsPerYear' | 'standardAtTarget' | 'extensionMisses'> {
  const troughs = courses.flatMap((c) => c.standardTroughs);
  return {
    oracleInfusionsPerYear: courses.reduce((a, c) => a + perYear(c.weeks.map(() => c.oracleWeeks)), 0) / courses.length,
    standardAtTarget: troughs.filter((t) => t >= target).length / troughs.length,
    extensionMisses: courses.reduce((n, c) => n + c.weeks.filter((w, k) => w > standardWeeks && c.trueTroughs[k] < target).length, 0),
  };
}

export function runCalibratedTrial(worldName: string, target: number, calibrated: boolean, limit = Infinity, seed = 0, assay: AssayError = 'lognormal'): CalibratedTrialScore {
  const t0 = performance.now();
  const world = WORLDS[worldName];
  const set = NATALIZUMAB_SETS.find((s) => s.name === 'virtual')!;
  const follows = loadSet(set).files.filter((f) => !f.truth.ada).slice(0, limit).map((f) => start(f, world, seed));
  let clinic: ReturnType<typeof calibrateClinic> | null = null;
  const rounds: CalibratedTrialScore['rounds'] = [];
  for (let k = 0; k < VISITS; k++) {
    clinic = calibrated ? calibrateClinic(follows.flatMap((p) => p.scores)) : null;
    if (clinic) rounds.push({ troughs: clinic.troughs, iov: clinic.iov, scale: clinic.scale });
    for (const p of follows) visit(p, k, target, world, clinic, assay);
  }
  const all = follows.flatMap((p) => p.trueTroughs);
  // Infusions a year per patient (365.25 × intervals ÷ days followed), averaged over patients.
  const perPatient = follows.map((p) => perYear(p.weeks));
  const inside = follows.flatMap((p) => p.inside80);
  const final = calibrateClinic(follows.flatMap((p) => p.scores));
  return {
    world: worldName, assay, target, calibrated, patients: follows.length, intervals: all.length,
    atTarget: all.filter((t) => t >= target).length / all.length,
    below: all.filter((t) => t < target).length,
    infusionsPerYear: perPatient.reduce((a, b) => a + b, 0) / perPatient.length,
    nextTroughCoverage: inside.filter(Boolean).length / inside.length,
    finalIov: final.iov, finalScale: final.scale, finalTroughs: final.troughs, finalCover80: final.cover80, finalCalibratedCover80: final.calibratedCover80,
    seconds: (performance.now() - t0) / 1000,
    ...yardsticks(follows.map((p) => ({ weeks: p.weeks, trueTroughs: p.trueTroughs, oracleWeeks: idealWeeks(p.f.truth, target), standardTroughs: p.standardTroughs })), target),
    rounds,
    histories: [follows[0]?.f.header.join(',') ?? '', ...follows.flatMap((p) => p.lines)].join('\n') + '\n',
  };
}

export function formatCalibratedTrial(r: CalibratedTrialScore): string {
  return `[${r.world} world${r.assay === 'proportional' ? ' (proportional assay error)' : ''}, T=${r.target}, ${r.calibrated ? 'calibrated' : 'published spread'}] ${r.patients} patients × ${VISITS}: ` +
    `≥T ${r.atTarget.toFixed(3)} (${r.intervals - r.below}/${r.intervals}, ${r.below} below), infusions/yr ${r.infusionsPerYear.toFixed(2)}, ` +
    `next-trough 80 % coverage ${r.nextTroughCoverage.toFixed(3)}; ${r.extensionMisses} of the intervals below were extended ones; ` +
    `the same patients every 4 weeks ≥T ${r.standardAtTarget.toFixed(3)}, the oracle's constant interval ${r.oracleInfusionsPerYear.toFixed(2)} infusions/yr ` +
    `(engine ${r.infusionsPerYear - r.oracleInfusionsPerYear >= 0 ? '+' : '−'}${Math.abs(r.infusionsPerYear - r.oracleInfusionsPerYear).toFixed(2)}); ` +
    `calibration by round (troughs: ω/λ) ${r.rounds.map((x) => `${x.troughs}: ${x.iov.toFixed(3)}/${x.scale.toFixed(2)}`).join(', ') || 'none'}; clinic spread at the end ${r.finalIov.toFixed(4)}, scale ${r.finalScale.toFixed(3)} from ${r.finalTroughs} troughs (scored 80 % coverage ${r.finalCover80?.toFixed(3)} published, ${r.finalCalibratedCover80?.toFixed(3)} calibrated) (${r.seconds.toFixed(0)} s)`;
}

/** Means over noise seeds: share at target, extension misses, infusions a year and the oracle's, next-trough coverage. */
export function formatSeedMeans(runs: CalibratedTrialScore[]): string {
  const mean = (f: (r: CalibratedTrialScore) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length;
  const r0 = runs[0];
  return `[${r0.world} world${r0.assay === 'proportional' ? ' (proportional assay error)' : ''}, T=${r0.target}, mean of ${runs.length} seeds] ≥T ${mean((r) => r.atTarget).toFixed(4)} (4-weekly ${mean((r) => r.standardAtTarget).toFixed(4)}), ` +
    `extension misses ${mean((r) => r.extensionMisses).toFixed(2)} of ${r0.intervals}, infusions/yr ${mean((r) => r.infusionsPerYear).toFixed(3)} ` +
    `(oracle ${mean((r) => r.oracleInfusionsPerYear).toFixed(3)}), next-trough 80 % coverage ${mean((r) => r.nextTroughCoverage).toFixed(3)} ` +
    `(${Math.min(...runs.map((r) => r.nextTroughCoverage)).toFixed(3)}–${Math.max(...runs.map((r) => r.nextTroughCoverage)).toFixed(3)})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const a = process.argv.slice(2);
  const opt = (name: string) => { const i = a.indexOf(name); return i >= 0 ? a[i + 1] : undefined; };
  const worlds = (opt('--worlds') ?? 'model,iov').split(',');
  const targets = (opt('--targets') ?? '10,5').split(',').map(Number);
  const limit = opt('--patients') ? Number(opt('--patients')) : Infinity;
  const calibrated = !a.includes('--no-calibrate');
  const assay = (opt('--assay') ?? 'lognormal') as AssayError;
  if (assay !== 'lognormal' && assay !== 'proportional') throw new Error(`--assay: lognormal or proportional, not ${assay}`);
  // --seeds N: noise seeds 0..N−1 and their means; else one seed (--seed S, default 0).
  const seeds = opt('--seeds') ? Array.from({ length: Math.max(1, Number(opt('--seeds'))) }, (_, k) => k) : [Number(opt('--seed') ?? 0)];
  for (const w of worlds) for (const t of targets) {
    const runs = seeds.map((seed) => runCalibratedTrial(w, t, calibrated, limit, seed, assay));
    runs.forEach((r, k) => console.log(`seed ${seeds[k]} ${formatCalibratedTrial(r)}`));
    if (runs.length > 1) console.log(formatSeedMeans(runs));
    // --write-histories DIR: each run's final records, DIR/trial-WORLD-T-seedS.csv (for `tdm track-record`).
    const dir = opt('--write-histories');
    if (dir) runs.forEach((r, k) => writeFileSync(join(dir, `trial-${w}-${t}-seed${seeds[k]}.csv`), r.histories));
  }
}
