/**
 * From a patient record to what the model needs: doses and levels up to as-of, weight segments,
 * per-segment parameters for any η, and the dose that would be repeated.
 */
import type { Days, DoseEvent, Issue, Observation, PatientRecord } from '../types';
import { formatDate } from '../time';
import { WEIGHT_MODEL_RANGE, inWeightModelRange } from '../records/plausible';
import type { PkDose, PkParams, RepeatedDose } from '../pk/index';
import { NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';
import { withEnglish } from '../text';

export interface NatalizumabPatient {
  id: string;
  asOf: Days;
  doses: DoseEvent[];
  pkDoses: PkDose[];
  /** Levels on or before as-of and not before the first dose. */
  levels: Observation[];
  weightGiven: boolean;
  /** Weight used for each parameter segment; segment i+1 starts at segStarts[i]. */
  segWeights: number[];
  segStarts: number[];
  /** Latest weight on or before as-of (70 if none). */
  currentWeight: number;
  lastDose: DoseEvent | null;
  /** The last dose, as repeated in forecasts. */
  repeated: RepeatedDose;
  hasSc: boolean;
  issues: Issue[];
}

export function toPkDose(d: DoseEvent): PkDose {
  return d.route === 'sc'
    ? { time: d.time + M.scLagDays, amount: d.amountMg, into: 'depot', durationDays: 0 }
    : { time: d.time, amount: d.amountMg, into: 'central', durationDays: d.durationMin / 1440 };
}

export function toRepeatedDose(d: DoseEvent | null): RepeatedDose {
  if (!d) return { offset: 0, amount: 300, into: 'central', durationDays: 1 / 24 };
  return d.route === 'sc'
    ? { offset: M.scLagDays, amount: d.amountMg, into: 'depot', durationDays: 0 }
    : { offset: 0, amount: d.amountMg, into: 'central', durationDays: d.durationMin / 1440 };
}

/** Typical (η = 0) parameters at a body weight. */
export function typicalParams(weightKg: number): PkParams {
  const r = weightKg / M.refWeight;
  return { cl: M.cl * Math.pow(r, M.wtExpCl), vc: M.vc, vp: M.vp, q: M.q, vmax: M.vmax * Math.pow(r, M.wtExpVmax), km: M.km, ka: M.scKa, f: M.scF };
}

/** The bound on each η (CL, Vp, Vmax): ±etaBoundSd·ω (model file: why). */
export const ETA_LIMIT: readonly number[] = M.omega2.map((o2) => M.etaBoundSd * Math.sqrt(o2));

/** η limited to ±ETA_LIMIT[j]: parameters saturate at the bound (a NaN η stays NaN). */
export function boundedEta(eta: number, j: number): number {
  const b = ETA_LIMIT[j];
  return eta > b ? b : eta < -b ? -b : eta;
}

/** Individual parameters: CL·exp(η0), Vp·exp(η1), Vmax·exp(η2), each η within ±ETA_LIMIT. */
export function individualParams(weightKg: number, eta: ArrayLike<number>, out?: PkParams): PkParams {
  const p = out ?? typicalParams(weightKg);
  const r = weightKg / M.refWeight;
  p.cl = M.cl * Math.pow(r, M.wtExpCl) * Math.exp(boundedEta(eta[0], 0));
  p.vc = M.vc;
  p.vp = M.vp * Math.exp(boundedEta(eta[1], 1));
  p.q = M.q;
  p.vmax = M.vmax * Math.pow(r, M.wtExpVmax) * Math.exp(boundedEta(eta[2], 2));
  p.km = M.km;
  p.ka = M.scKa;
  p.f = M.scF;
  return p;
}

/** A reusable per-segment parameter builder (no allocation per call). */
export function segmentParamsBuilder(segWeights: number[]): (eta: ArrayLike<number>) => PkParams[] {
  const arr = segWeights.map((w) => typicalParams(w));
  return (eta) => {
    for (let i = 0; i < arr.length; i++) individualParams(segWeights[i], eta, arr[i]);
    return arr;
  };
}

export function preparePatient(p: PatientRecord, asOf: Days): NatalizumabPatient {
  const issues: Issue[] = [];
  const doses = p.doses.filter((d) => d.time <= asOf);
  const firstDose = doses.length ? doses[0].time : Infinity;
  const levels = p.levels.filter((l) => l.time <= asOf && l.time >= firstDose);
  const weights = p.weights.filter((w) => w.time <= asOf);
  const weightGiven = weights.length > 0;
  if (!weightGiven) {
    issues.push(withEnglish({ code: 'no-weight', severity: 'warning', params: {} }));
  }
  for (const w of weights) {
    if (!inWeightModelRange(w.kg)) { // the same range as the records check's warning (plausible.ts)
      const { min, max } = WEIGHT_MODEL_RANGE;
      issues.push(withEnglish({ code: 'weight-out-of-range', severity: 'warning', value: String(w.kg), params: { kg: w.kg, date: formatDate(w.time), min, max } }));
    }
  }
  // Before the first recorded weight, the first weight applies; afterwards the latest on or before the time.
  const segWeights = weightGiven ? [weights[0].kg] : [M.refWeight];
  const segStarts: number[] = [];
  for (let i = 1; i < weights.length; i++) {
    if (weights[i].kg !== segWeights[segWeights.length - 1]) { segStarts.push(weights[i].time); segWeights.push(weights[i].kg); }
  }
  const currentWeight = segWeights[segWeights.length - 1];
  const lastDose = doses.length ? doses[doses.length - 1] : null;
  const hasSc = doses.some((d) => d.route === 'sc');
  if (hasSc) {
    issues.push(withEnglish({ code: 'sc-extrapolation', severity: 'warning', params: {} }));
  }
  return {
    id: p.id, asOf, doses, pkDoses: doses.map(toPkDose), levels, weightGiven, segWeights, segStarts,
    currentWeight, lastDose, repeated: toRepeatedDose(lastDose), hasSc, issues,
  };
}
