/**
 * A simulated natalizumab clinic (seeded: the same seed, the same file), for the track record's
 * and the calibration's tests and benches. Each patient's true parameters are drawn from the
 * published model itself (η ~ N(0, ω²), weight 50–120 kg), and dosed 300 mg IV over 1 h on a fixed
 * schedule: four 4-weekly intervals, then 5- and 6-weekly ones as an extended-interval clinic
 * would give. A trough is drawn 15 minutes before every dose from the third on, measured with the
 * model's own assay error (normal, proportional 21.9 %) and reported as `<1` below 1 µg/mL.
 *
 * Worlds: `model` (the published model exactly) and `iov` (clearance varying from interval to
 * interval: CL × exp(ω·z), a new z per dosing interval, ω the world's log-SD).
 */
import { createRng, seedFrom, type Rng } from '../src/core/random';
import { PkSolver } from '../src/core/pk/index';
import { formatDateTime, parseIsoTime } from '../src/core/time';
import { individualParams } from '../src/core/natalizumab/patient';
import { NATALIZUMAB_PK as M } from '../models/natalizumab-vandenberg-2025';

export interface ClinicWorld { name: string; iovOmega: number }
export const MODEL_WORLD: ClinicWorld = { name: 'model', iovOmega: 0 };
export const IOV_WORLD: ClinicWorld = { name: 'iov', iovOmega: 0.15 };

/** Weeks of each interval after the first dose (troughs before doses 3 … n). */
export const CLINIC_SCHEDULE = [4, 4, 4, 4, 5, 5, 6, 6, 5, 6, 6, 5];
const LOQ = 1;
const START = parseIsoTime('2023-01-09T09:00')!;

export interface SimulatedPatient {
  id: string;
  rows: string[];
  /** True concentration just before each trough, in order (the first two too). */
  trueTroughs: number[];
  troughTimes: number[];
}

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note';

function simulatePatient(id: string, rng: Rng, world: ClinicWorld, schedule: number[], lateFactor: number, lateFrom: number): SimulatedPatient {
  const wt = Math.round(Math.min(120, Math.max(50, 75 + 15 * rng.normal())));
  const eta = M.omega2.map((w2) => Math.sqrt(w2) * rng.normal());
  const p = individualParams(wt, eta);
  p.ka = 0; p.f = 1;
  const s = new PkSolver({ rtol: 1e-8, atol: 1e-8 });
  s.reset(START);
  const rows = [`${id},natalizumab,weight,${formatDateTime(START).slice(0, 10)},${wt},kg,,,`];
  const trueTroughs: number[] = [], troughTimes: number[] = [];
  let t = START;
  for (let k = 0; k <= schedule.length; k++) {
    if (k >= 2) {
      const tt = t - 15 / 1440;
      s.advance(tt);
      const c = s.a1 / s.vc;
      // From the lateFrom-th dose on, troughs can be read low on purpose (lateFactor).
      const y = c * (1 + M.sigmaProp * rng.normal()) * (k >= lateFrom ? lateFactor : 1);
      trueTroughs.push(c); troughTimes.push(tt);
      rows.push(`${id},natalizumab,level,${formatDateTime(tt)},${y < LOQ ? `<${LOQ}` : y.toFixed(2)},ug/mL,,,trough`);
    }
    s.advance(t);
    if (k === schedule.length) break;
    const mult = Math.exp(world.iovOmega * rng.normal());
    s.setParams({ ...p, cl: p.cl * mult });
    rows.push(`${id},natalizumab,dose,${formatDateTime(t)},300,mg,iv,60,`);
    s.rate = 300 / (1 / 24); s.advance(t + 1 / 24); s.rate = 0;
    t += schedule[k] * 7;
  }
  return { id, rows, trueTroughs, troughTimes };
}

/**
 * `n` patients of a world as one TDM CSV. `lateFactor`: every trough drawn before dose `lateFrom` (0-based)
 * or later multiplied by it (0.6: read 40 % low); by default from the first trough the track record
 * scores (the third) on.
 */
export function simulateClinic(world: ClinicWorld, n: number, seed = 1, opts: { schedule?: number[]; lateFactor?: number; lateFrom?: number } = {}): { csv: string; patients: SimulatedPatient[] } {
  const patients: SimulatedPatient[] = [];
  for (let i = 0; i < n; i++) {
    const id = `SIM-${world.name}-${String(i + 1).padStart(3, '0')}`;
    patients.push(simulatePatient(id, createRng(seedFrom(`${id}:${seed}`)), world, opts.schedule ?? CLINIC_SCHEDULE, opts.lateFactor ?? 1, opts.lateFrom ?? 4));
  }
  return { csv: [HEADER, ...patients.flatMap((p) => p.rows)].join('\n') + '\n', patients };
}
