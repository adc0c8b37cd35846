/**
 * The shared pipeline behind a proposal and a prediction: prepare → fit (MAP, or the population
 * prior when there is no level) → posterior samples (Laplace proposal, importance weights against
 * the true posterior) → the history simulated for the MAP and every sample.
 */
import type { Days } from '../types';
import type { NatalizumabOptions } from '../report/types';
import { createRng } from '../random';
import { PkSolver, FIT, FAST, compileTimeline, runTimeline, resumeTimeline, SNAPSHOT_FULL, CHECKPOINT_SIZE, type Checkpoint, type PkParams, type Timeline } from '../pk/index';
import { dataObjective, priorObjective, fitMap, drawMultivariateT, importanceWeights, type MapProblem } from '../fit/index';
import { NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';
import { preparePatient, segmentParamsBuilder, individualParams, boundedEta, ETA_LIMIT, type NatalizumabPatient } from './patient';
import type { PatientRecord } from '../types';

export const N_ETA = 3;
export const OMEGA2 = [M.omega2[0], M.omega2[1], M.omega2[2]];
const OMEGA_INV = Float64Array.from(OMEGA2, (v) => 1 / v);

/** Extra starting points screened by the fit (η_CL × η_Vmax; η_Vp = 0): covers antibody-like clearance. */
const START_GRID: number[][] = [];
// Within the η bounds (ETA_LIMIT[0] ≈ 1.35: the highest clearance start sits on the bound).
for (const c of [-0.8, -0.4, 0.4, 0.8, 1.2, ETA_LIMIT[0]]) for (const v of [-0.5, 0, 0.5, 1.0]) START_GRID.push([c, 0, v]);

export const DEFAULT_OPTIONS: NatalizumabOptions = {
  target: 10,
  probability: 0.9,
  maxIntervalWeeks: 8,
  standardIntervalWeeks: 4,
  infusionWeekday: null,
  samples: 100,
  seed: 1,
};

export function resolveOptions(o: Partial<NatalizumabOptions> = {}): NatalizumabOptions {
  const r = { ...DEFAULT_OPTIONS };
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (r as Record<string, unknown>)[k] = v;
  r.maxIntervalWeeks = Math.max(r.standardIntervalWeeks, Math.min(12, Math.round(r.maxIntervalWeeks)));
  r.samples = Math.max(20, Math.round(r.samples));
  return r;
}

export interface Analysis {
  prep: NatalizumabPatient;
  /** The MAP fit (or the prior) the draws came from: reused by an analysis of the same levels (reuseFit). */
  mapFit: MapFit;
  kind: 'map' | 'population';
  eta: number[];
  objective: number;
  converged: boolean;
  iterations: number;
  /** Prediction (MAP) at each level. */
  predAtLevels: Float64Array;
  /** Samples (n × 3) with normalised weights. */
  n: number;
  etas: Float64Array;
  weights: Float64Array;
  ess: number;
  /** State just before the last dose: MAP and per sample (n × 3). */
  snapMap: Float64Array;
  snaps: Float64Array;
  /** The solver's step and infusion rate then: MAP (2) and per sample (n × 2), to continue a run (continuedOutputs). */
  stepMap: Float64Array;
  steps: Float64Array;
  /** Parameters at the current weight: MAP, and per sample. */
  paramsMap: PkParams;
  paramsSamples: PkParams[];
  /** Extra output times: MAP and per sample (n × m). */
  outTimes: Days[];
  outMap: Float64Array;
  outSamples: Float64Array;
  /** Dense curve times: MAP and per sample (n × k). */
  curveTimes: Float64Array;
  curveMap: Float64Array;
  curveSamples: Float64Array;
  /** What continuedAnalysis needs to add outputs from `before` on without running the history again (asked for: analysePrepared's `checkpointBefore`). */
  checkpoint?: AnalysisCheckpoint;
}

/**
 * The MAP run's and every draw's whole state before the history's first event at or after `before`
 * (CHECKPOINT_SIZE numbers each), the draws' predictions at the levels (n × levels) and the
 * proposal density of the draws (for their importance weights).
 */
export interface AnalysisCheckpoint { before: Days; map: Float64Array; draws: Float64Array; levelSamples: Float64Array; logq: Float64Array }

/**
 * The MAP problem of a prepared patient: its levels (capillary ones with their own bias and
 * additive error, models file), the population prior, and the parameters per weight segment.
 */
export function mapProblemFor(prep: NatalizumabPatient, solver: PkSolver = new PkSolver(FIT)): MapProblem {
  const anyCapillary = prep.levels.some((l) => l.sample === 'capillary');
  return {
    timeline: compileTimeline(prep.pkDoses, prep.levels.map((l) => l.time), prep.segStarts),
    obsValue: Float64Array.from(prep.levels, (l) => l.value),
    obsCensored: Uint8Array.from(prep.levels, (l) => (l.censored ? 1 : 0)),
    sigma: M.sigmaProp, omegaInv: OMEGA_INV, paramsFor: segmentParamsBuilder(prep.segWeights), solver, tol: FIT,
    pred: new Float64Array(prep.levels.length),
    obsAddSd: anyCapillary ? Float64Array.from(prep.levels, (l) => (l.sample === 'capillary' ? M.capillaryAddSd : 0)) : undefined,
    obsShift: anyCapillary ? Float64Array.from(prep.levels, (l) => (l.sample === 'capillary' ? M.capillaryShift : 0)) : undefined,
  };
}

/** What an analysis may skip (issue 17, item 6): work whose result its caller does not read. */
export interface AnalysisShortcuts {
  /** An analysis of the same record whose fit serves this one when the fit's data are the same (reuseFit). */
  reuse?: Analysis;
  /** The outTimes for the MAP run only (outSamples left empty): the draws stop at the history's end. */
  mapOutOnly?: boolean;
  /** Where the fit's Fisher scoring starts (fitMap's `warm`): a nearby fit's η, e.g. the track record's previous trough's. */
  warm?: readonly number[];
}

/**
 * Run the pipeline. `outTimes`: exact prediction times; `curveTimes`: sorted times for the chart.
 * `shortcuts.reuse`: an analysis whose fit serves this one when the fit's data are the same (see
 * reuseFit); otherwise the fit is made again.
 */
export function analyse(p: PatientRecord, asOf: Days, opts: NatalizumabOptions, outTimes: Days[] = [], curveTimes: Float64Array = new Float64Array(0), shortcuts: AnalysisShortcuts = {}): Analysis {
  const prep = preparePatient(p, asOf);
  const { reuse, mapOutOnly = false, warm } = shortcuts;
  return analysePrepared(prep, opts, outTimes, curveTimes, reuse && reuseFit(reuse.prep, prep) ? reuse.mapFit : undefined, mapOutOnly, warm);
}

/** The MAP fit of a prepared patient, or the population prior when it has no level (or no dose). */
export interface MapFit { kind: 'map' | 'population'; eta: number[]; objective: number; converged: boolean; iterations: number; cov: number[][] }

/**
 * Whether the MAP fit of `a` is the fit of `b`: the same levels and weights, and `b`'s doses those
 * of `a` with any more given after its last level only (a dose after every level changes no
 * prediction at a level, so the fit's objective, every step of it, is the same). Used for an
 * overdue dose's restart (issue 17, item 6: the patient is not fitted twice).
 */
export function reuseFit(a: NatalizumabPatient, b: NatalizumabPatient): boolean {
  if (a.levels.length !== b.levels.length || a.pkDoses.length > b.pkDoses.length) return false;
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!same(a.levels, b.levels) || !same(a.segWeights, b.segWeights) || !same(a.segStarts, b.segStarts)) return false;
  if (!same(a.pkDoses, b.pkDoses.slice(0, a.pkDoses.length))) return false;
  const lastLevel = a.levels.length ? a.levels[a.levels.length - 1].time : -Infinity;
  return b.pkDoses.slice(a.pkDoses.length).every((d) => d.time > lastLevel);
}

function mapFitOf(prep: NatalizumabPatient, pb: MapProblem, warm?: readonly number[]): MapFit {
  const out: MapFit = { kind: 'population', eta: [0, 0, 0], objective: 0, converged: true, iterations: 0, cov: OMEGA2.map((v, i) => OMEGA2.map((_, j) => (i === j ? v : 0))) };
  if (prep.levels.length > 0 && prep.doses.length > 0) {
    const fit = fitMap(pb, N_ETA, START_GRID, FAST, undefined, warm);
    // Within the bounds (a last step may end a hair beyond, where the data term is flat).
    out.eta = fit.eta.map(boundedEta); out.objective = fit.objective; out.converged = fit.converged; out.iterations = fit.iterations;
    out.kind = 'map';
    if (fit.covariance) out.cov = fit.covariance;
    else out.converged = false;
  }
  return out;
}

/**
 * SC bioavailability and absorption rate: uncertain, each draw its own from their distribution
 * (the proposal for them is their prior, so the importance weights are the troughs' likelihood).
 */
function scDraws(prep: NatalizumabPatient, n: number, seed: number): { scF: Float64Array; scKa: Float64Array } {
  const scF = new Float64Array(n).fill(M.scF), scKa = new Float64Array(n).fill(M.scKa);
  if (prep.hasSc) {
    const rngSc = createRng(Math.imul(seed + 3, 0x85ebca6b) | 0);
    for (let s = 0; s < n; s++) {
      scF[s] = Math.min(1, M.scF * Math.exp(M.scFLogSd * rngSc.normal()));
      scKa[s] = M.scKa * Math.exp(M.scKaLogSd * rngSc.normal());
    }
  }
  return { scF, scKa };
}

/** The posterior draws of η (Laplace proposal, Student-t for a fit): seeded by the options' seed. */
function drawEtas(fit: MapFit, n: number, seed: number): { etas: Float64Array; logq: Float64Array } {
  // Seeded by the options' seed, not the patient id: the same data give the same draws whatever the
  // id (common random numbers), so two records differ only by what differs in their data.
  const rng = createRng(Math.imul(seed, 0x2545f491) | 0);
  const covS = fit.kind === 'map' ? fit.cov.map((row) => row.map((v) => v * 1.2)) : fit.cov;
  const draws = drawMultivariateT(rng, fit.eta, covS, n, fit.kind === 'map' ? 5 : Infinity)
    ?? drawMultivariateT(rng, fit.eta, OMEGA2.map((v, i) => OMEGA2.map((_, j) => (i === j ? v : 0))), n, 5)!;
  return { etas: draws.etas, logq: draws.logq };
}

/**
 * The log of a draw's true posterior density, up to a constant (prior and levels): its importance
 * weight against the proposal's. `pred`: its predictions at the levels (first), the same arithmetic
 * wherever a draw is weighed (analysePrepared, continuedAnalysis).
 */
export function drawLogTarget(e: ArrayLike<number>, pred: Float64Array, pb: MapProblem): number {
  let lt = -0.5 * priorObjective(e, OMEGA_INV);
  if (pb.obsValue.length > 0) lt -= 0.5 * dataObjective(pred, pb.obsValue, pb.obsCensored, M.sigmaProp, pb.obsAddSd, pb.obsShift);
  return lt;
}

/** The importance weights of the draws (equal for a population prediction). */
export function drawWeights(kind: MapFit['kind'], logTarget: Float64Array, logq: Float64Array): { weights: Float64Array; ess: number } {
  const n = logTarget.length;
  return kind === 'map' ? importanceWeights(logTarget, logq) : { weights: new Float64Array(n).fill(1 / n), ess: n };
}

/** The checkpoint of draw s (runTimeline's), or undefined when none is kept. */
function drawCheckpoint(cp: AnalysisCheckpoint | undefined, s: number): Checkpoint | undefined {
  return cp && { before: cp.before, state: cp.draws.subarray(s * CHECKPOINT_SIZE, (s + 1) * CHECKPOINT_SIZE) };
}

/**
 * The same as analyse, for a patient already prepared (the proposal's pipeline prepares first); `given`: its MAP fit, already made.
 * `checkpointBefore`: keep the runs' state before that time (Analysis.checkpoint), for outputs asked later (continuedAnalysis).
 */
export function analysePrepared(prep: NatalizumabPatient, opts: NatalizumabOptions, outTimes: Days[] = [], curveTimes: Float64Array = new Float64Array(0), given?: MapFit, mapOutOnly = false, warm?: readonly number[], checkpointBefore?: Days): Analysis {
  const nObs = prep.levels.length;
  const solver = new PkSolver(FIT);
  const pb = mapProblemFor(prep, solver);
  const { obsValue, obsCensored, obsAddSd, obsShift, paramsFor } = pb;
  const lastDoseTime = prep.lastDose ? prep.lastDose.time : prep.asOf;
  const fit = given ?? mapFitOf(prep, pb, warm);
  const { kind, eta, converged, iterations } = fit;

  // History timeline for the samples: levels, then the requested times; snapshot before the last dose.
  const m = outTimes.length;
  const outputs = [...prep.levels.map((l) => l.time), ...outTimes];
  const tl: Timeline = compileTimeline(prep.pkDoses, outputs, prep.segStarts, lastDoseTime);
  // The draws' timeline: the same, or without the outTimes when only the MAP's are read (every
  // event before them the same, so every level and the snapshot come out the same, bit for bit).
  const mOut = mapOutOnly ? 0 : m;
  const tlDraws: Timeline = mapOutOnly && m > 0 ? compileTimeline(prep.pkDoses, prep.levels.map((l) => l.time), prep.segStarts, lastDoseTime) : tl;
  const k = curveTimes.length;
  const buf = new Float64Array(outputs.length);
  const snap = new Float64Array(SNAPSHOT_FULL);
  const curveBuf = new Float64Array(k);

  // MAP run (fit tolerance).
  const cpMap = checkpointBefore === undefined ? undefined : { before: checkpointBefore, state: new Float64Array(CHECKPOINT_SIZE) };
  runTimeline(solver, tl, paramsFor(eta), buf, FIT, snap, { times: curveTimes, out: curveBuf }, cpMap);
  const predAtLevels = buf.slice(0, nObs);
  const outMap = buf.slice(nObs);
  const snapMap = snap.slice(0, 3);
  const stepMap = snap.slice(3, 5);
  const curveMap = curveBuf.slice();
  const objective = kind === 'map' ? dataObjective(predAtLevels, obsValue, obsCensored, M.sigmaProp, obsAddSd, obsShift) + priorObjective(eta, OMEGA_INV) : fit.objective;

  // Posterior samples.
  const n = opts.samples;
  const { etas, logq } = drawEtas(fit, n, opts.seed);
  const cp = cpMap && { before: cpMap.before, map: cpMap.state, draws: new Float64Array(n * CHECKPOINT_SIZE), levelSamples: new Float64Array(n * nObs), logq };
  const { scF, scKa } = scDraws(prep, n, opts.seed);
  const logTarget = new Float64Array(n);
  const snaps = new Float64Array(n * 3);
  const steps = new Float64Array(n * 2);
  const outSamples = new Float64Array(n * mOut);
  const curveSamples = new Float64Array(n * k);
  const e = [0, 0, 0];
  solver.setTolerance(FAST);
  for (let s = 0; s < n; s++) {
    e[0] = etas[s * 3]; e[1] = etas[s * 3 + 1]; e[2] = etas[s * 3 + 2];
    const segParams = paramsFor(e);
    for (const sp of segParams) { sp.f = scF[s]; sp.ka = scKa[s]; }
    runTimeline(solver, tlDraws, segParams, buf, undefined, snap, k ? { times: curveTimes, out: curveBuf } : undefined, drawCheckpoint(cp, s));
    logTarget[s] = drawLogTarget(e, buf, pb);
    if (cp) cp.levelSamples.set(buf.subarray(0, nObs), s * nObs);
    snaps[s * 3] = snap[0]; snaps[s * 3 + 1] = snap[1]; snaps[s * 3 + 2] = snap[2];
    steps[s * 2] = snap[3]; steps[s * 2 + 1] = snap[4];
    for (let j = 0; j < mOut; j++) outSamples[s * mOut + j] = buf[nObs + j];
    curveSamples.set(curveBuf, s * k);
  }
  const { weights, ess } = drawWeights(kind, logTarget, logq);
  const paramsMap = individualParams(prep.currentWeight, eta);
  const paramsSamples: PkParams[] = [];
  for (let s = 0; s < n; s++) {
    const ps = individualParams(prep.currentWeight, etas.subarray(s * 3, s * 3 + 3));
    ps.f = scF[s]; ps.ka = scKa[s];
    paramsSamples.push(ps);
  }
  return {
    prep, mapFit: fit, kind, eta, objective, converged, iterations, predAtLevels, n, etas, weights, ess,
    snapMap, snaps, stepMap, steps, paramsMap, paramsSamples, outTimes, outMap, outSamples, curveTimes, curveMap, curveSamples, checkpoint: cp,
  };
}

/**
 * The outputs at `outTimes` of the analysis of `prep`, a's record with doses added after its last
 * level (reuseFit) and its draws (same options), continuing a's MAP run and each draw's run from
 * their state just before a's last dose instead of simulating the history again (issue 17, item 6:
 * an overdue dose's restart). The same events from the same state, so the same numbers as
 * analyse(prep) gives, bit for bit; its weights are a's (the levels come before the snapshot).
 * Null when that does not hold (another record, other draws, a last dose whose run does not stop at
 * its time: SC): then analyse the record.
 */
export function continuedOutputs(a: Analysis, prep: NatalizumabPatient, opts: NatalizumabOptions, outTimes: Days[]): Pick<Analysis, 'outMap' | 'outSamples' | 'weights'> | null {
  const t0 = a.prep.lastDose?.time;
  if (t0 === undefined || !prep.lastDose || a.n !== opts.samples || !reuseFit(a.prep, prep)) return null;
  const nObs = prep.levels.length, m = outTimes.length, n = a.n;
  const tl = compileTimeline(prep.pkDoses, [...prep.levels.map((l) => l.time), ...outTimes], prep.segStarts, prep.lastDose.time);
  // The snapshot's time must be a stop of this run too (an IV dose starts then; an SC dose reaches
  // its depot after a lag, so its run never stops at the dose's own time): else the steps differ.
  if (!tl.times.includes(t0)) return null;
  const paramsFor = segmentParamsBuilder(prep.segWeights);
  const solver = new PkSolver(FIT);
  const buf = new Float64Array(nObs + m);
  const state = new Float64Array(SNAPSHOT_FULL);
  state.set(a.snapMap); state.set(a.stepMap, 3);
  resumeTimeline(solver, tl, paramsFor(a.eta), buf, FIT, t0, state);
  const outMap = buf.slice(nObs);
  const outSamples = new Float64Array(n * m);
  for (let s = 0; s < n; s++) {
    const segParams = paramsFor(a.etas.subarray(s * 3, s * 3 + 3));
    for (const sp of segParams) { sp.f = a.paramsSamples[s].f; sp.ka = a.paramsSamples[s].ka; }
    state.set(a.snaps.subarray(s * 3, s * 3 + 3)); state.set(a.steps.subarray(s * 2, s * 2 + 2), 3);
    resumeTimeline(solver, tl, segParams, buf, FAST, t0, state);
    for (let j = 0; j < m; j++) outSamples[s * m + j] = buf[nObs + j];
  }
  return { outMap, outSamples, weights: a.weights };
}
