import type { DoseEvent, Observation, PatientRecord, WeightEvent } from '../../../src/core/types';
import { formatDateTime, parseIsoTime } from '../../../src/core/time';
import { PkSolver, TIGHT, compileTimeline, runTimeline } from '../../../src/core/pk/index';
import { individualParams, toPkDose } from '../../../src/core/natalizumab/patient';
import { createRng } from '../../../src/core/random';

export const T0 = parseIsoTime('2023-01-09T09:00')!;

export function dose(time: number, opts: Partial<DoseEvent> = {}): DoseEvent {
  return { kind: 'dose', time, iso: formatDateTime(time), amountMg: 300, route: 'iv', durationMin: 60, ...opts };
}
export function level(time: number, value: number, censored = false): Observation {
  return { kind: 'level', time, iso: formatDateTime(time), value, censored, unit: 'ug/mL', raw: censored ? `<${value}` : String(value) };
}
export function weight(time: number, kg: number): WeightEvent {
  return { kind: 'weight', time, iso: formatDateTime(time), kg };
}

export interface Sim { patient: PatientRecord; trueTroughs: number[]; eta: number[]; weightKg: number }

/**
 * A virtual patient: 13 doses of 300 mg every 4 weeks (one optional late dose), troughs 15 min
 * before the last two doses, simulated with known η and (optionally) proportional noise.
 */
export function simulatePatient(id: string, eta: number[], weightKg: number | null, opts: { noise?: number; seed?: number; lateDays?: number; nDoses?: number; weekIntervals?: number[] } = {}): Sim {
  const nDoses = opts.nDoses ?? 13;
  const doses: DoseEvent[] = [];
  let t = T0;
  for (let i = 0; i < nDoses; i++) {
    doses.push(dose(t));
    const wk = opts.weekIntervals?.[i] ?? 4;
    t += wk * 7 + (i === 5 ? opts.lateDays ?? 0 : 0);
  }
  const obsTimes = [doses[nDoses - 2].time - 15 / 1440, doses[nDoses - 1].time - 15 / 1440];
  const w = weightKg ?? 70;
  const tl = compileTimeline(doses.map(toPkDose), obsTimes);
  const out = new Float64Array(2);
  runTimeline(new PkSolver(TIGHT), tl, [individualParams(w, eta)], out, TIGHT);
  const rng = createRng(opts.seed ?? 7);
  const noise = opts.noise ?? 0;
  const levels = obsTimes.map((ot, i) => level(ot, Math.round(out[i] * (1 + noise * rng.normal()) * 10) / 10));
  const patient: PatientRecord = {
    id, drug: 'natalizumab', doses, levels, bcells: [],
    weights: weightKg === null ? [] : [weight(T0, weightKg)], issues: [], order: 0,
  };
  return { patient, trueTroughs: Array.from(out), eta, weightKg: w };
}

/**
 * A patient with troughs measured before each of the last four of 14 four-weekly infusions
 * (by default η_CL = −0.2 at 70 kg, noise-free: 35.0, 35.1, 35.2, 35.2 µg/mL), or only before the
 * last two (`troughs` = 2), planned half a day after the last infusion.
 */
export function monitoredPatient(troughs = 4, eta = [-0.2, 0, 0]): { patient: PatientRecord; asOf: number; doses: DoseEvent[]; eta: number[] } {
  const doses = Array.from({ length: 14 }, (_, i) => dose(T0 + 28 * i));
  const times = doses.slice(14 - troughs).map((d) => d.time - 15 / 1440);
  const out = new Float64Array(times.length);
  runTimeline(new PkSolver(TIGHT), compileTimeline(doses.map(toPkDose), times), [individualParams(70, eta)], out, TIGHT);
  const levels = times.map((t, i) => level(t, Math.round(out[i] * 10) / 10));
  const patient: PatientRecord = { id: 'MON', drug: 'natalizumab', doses, levels, bcells: [], weights: [weight(T0, 70)], issues: [], order: 0 };
  return { patient, asOf: doses[13].time + 0.5, doses, eta };
}
