/**
 * The calibration followed through a simulated clinic's year (`npx tsx scripts/calibration-clinic.ts`):
 * all patients of a simulated clinic (scripts/simulate-clinic.ts) start together; before each round
 * of troughs the clinic's track record so far (every trough drawn before that round, each scored
 * against the forecast made just before it) calibrates the forecast's inter-occasion spread, and
 * each patient's next trough is forecast with it. The score is how often the 80 % interval of that
 * forecast holds the TRUE trough (the next-trough coverage of the trial), per round, beside the
 * published allowances' coverage on the same troughs.
 */
import { fileURLToPath } from 'node:url';
import { parseTdmCsv } from '../src/core/records/index';
import type { PatientRecord } from '../src/core/types';
import { patientTrackRecord, scorableTroughs, type TroughScore } from '../src/core/natalizumab/track-record';
import { calibrateClinic, patientCalibration } from '../src/core/natalizumab/calibration';
import { predictNatalizumab } from '../src/core/natalizumab/predict';
import { simulateClinic, MODEL_WORLD, IOV_WORLD, type ClinicWorld } from './simulate-clinic';

export interface RoundScore {
  /** Index of the trough forecast (0: the first scored one). */
  round: number;
  /** Troughs of the clinic scored before this round, and the clinic's spread from them. */
  troughs: number;
  iov: number;
  /** Next-trough coverage with the calibrated spread and with the published allowances. */
  calibrated: number;
  published: number;
  patients: number;
  /** The clinic's width of the whole forecast that round. */
  scale: number;
}

const BEFORE_DRAW = 1 / 1440;

/** Follow the calibration through `n` patients of a world, round by round. */
export function followCalibration(world: ClinicWorld, n: number, seed: number): RoundScore[] {
  const sim = simulateClinic(world, n, seed);
  const patients = parseTdmCsv(sim.csv, 'clinic.csv').patients;
  // Every patient's track record (each score uses only the rows before its trough).
  const scores: TroughScore[][] = patients.map((p) => patientTrackRecord(p));
  const troughs = patients.map((p) => scorableTroughs(p));
  const rounds = Math.min(...troughs.map((t) => t.length));
  const out: RoundScore[] = [];
  for (let k = 0; k < rounds; k++) {
    // The round's draws happen on the same day for everyone: the clinic knows the scores of rounds < k.
    const known = scores.map((s) => s.slice(0, k));
    const clinic = calibrateClinic(known.flat());
    let inCal = 0, inPub = 0;
    patients.forEach((p: PatientRecord, i) => {
      const t = troughs[i][k].time;
      const truth = sim.patients[i].trueTroughs[k + 2];
      // The clinic's spread and width (none before any trough is scored, as the app and propose --calibrate).
      const { iovCl, spreadScale } = clinic.troughs ? patientCalibration(clinic, known[i]) : { iovCl: undefined, spreadScale: undefined };
      const cal = predictNatalizumab(p, t - BEFORE_DRAW, [t], { iovCl, spreadScale })[0];
      const pub = predictNatalizumab(p, t - BEFORE_DRAW, [t])[0];
      if (truth >= cal.low && truth <= cal.high) inCal++;
      if (truth >= pub.low && truth <= pub.high) inPub++;
    });
    out.push({ round: k, troughs: clinic.troughs, iov: clinic.iov, scale: clinic.scale, calibrated: inCal / patients.length, published: inPub / patients.length, patients: patients.length });
  }
  return out;
}

/** Coverage pooled over rounds `from` … `to` (inclusive). */
export function pooled(rounds: RoundScore[], from: number, to = rounds.length - 1): { calibrated: number; published: number; n: number } {
  const use = rounds.slice(from, to + 1);
  const n = use.reduce((a, r) => a + r.patients, 0);
  return {
    calibrated: use.reduce((a, r) => a + r.calibrated * r.patients, 0) / n,
    published: use.reduce((a, r) => a + r.published * r.patients, 0) / n,
    n,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 60);
  const seed = Number(process.argv[3] ?? 1);
  for (const world of [MODEL_WORLD, IOV_WORLD]) {
    const r = followCalibration(world, n, seed);
    console.log(`--- ${world.name} world (IOV log-SD ${world.iovOmega}), ${n} patients, seed ${seed}`);
    for (const x of r) console.log(`  round ${x.round}: ${x.troughs} troughs scored, spread ${x.iov.toFixed(4)}, scale ${x.scale.toFixed(3)}: next-trough 80 % coverage calibrated ${x.calibrated.toFixed(3)}, published ${x.published.toFixed(3)}`);
    const late = pooled(r, Math.floor(r.length / 2));
    console.log(`  rounds ${Math.floor(r.length / 2)}–${r.length - 1} pooled (${late.n} forecasts): calibrated ${late.calibrated.toFixed(3)}, published ${late.published.toFixed(3)}`);
  }
}
