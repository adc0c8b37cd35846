/**
 * Outputs at more times from an analysis already made (issue 19, speed): the wearing-off onsets are
 * asked of the proposal's own fit and posterior draws instead of fitting the patient again. Each run
 * (the MAP's and every draw's) continues from the state the proposal's run kept before the first
 * onset (Analysis.checkpoint), with the onsets added to its events; the levels before it come from
 * that run. The same events from the same state: every number (the predictions at the onsets and
 * at the levels, the importance weights, the state before the last dose) is the one
 * analyse(patient, asOf, opts, outTimes) gives, bit for bit, and so is any prediction read from it
 * (predict.ts: predictionsOf).
 */
import type { Days } from '../types';
import { PkSolver, FIT, FAST, compileTimeline, continueTimeline, SNAPSHOT_FULL, CHECKPOINT_SIZE, type PkParams, type Tolerance } from '../pk/index';
import { dataObjective, priorObjective, type MapProblem } from '../fit/index';
import { NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';
import { drawLogTarget, drawWeights, mapProblemFor, type Analysis } from './analysis';

/** One run continued from its kept state (amounts, step, rate, time) into `buf` and `snap`. */
type Continue = (params: PkParams[], tol: Tolerance, state: Float64Array) => void;

/** The MAP run continued: its predictions at the levels and the new times, its snapshot, its objective. */
function continuedMap(a: Analysis, pb: MapProblem, run: Continue, buf: Float64Array, snap: Float64Array) {
  const nObs = a.prep.levels.length;
  buf.set(a.predAtLevels);
  snap.set(a.snapMap); snap.set(a.stepMap, 3);
  run(pb.paramsFor(a.eta), FIT, a.checkpoint!.map);
  const predAtLevels = buf.slice(0, nObs);
  const objective = a.kind === 'map' ? dataObjective(predAtLevels, pb.obsValue, pb.obsCensored, M.sigmaProp, pb.obsAddSd, pb.obsShift) + priorObjective(a.eta, pb.omegaInv) : a.objective;
  return { predAtLevels, outMap: buf.slice(nObs), snapMap: snap.slice(0, 3), stepMap: snap.slice(3, 5), objective };
}

/**
 * The analysis `a` (no outputs of its own, its checkpoint kept before every one of `outTimes`) with
 * the outputs at `outTimes` added, as analyse(a's record, a's as-of, a's options, outTimes) would
 * give it. Null when that cannot hold (no checkpoint, a time before it): then analyse.
 */
export function continuedAnalysis(a: Analysis, outTimes: Days[]): Analysis | null {
  const cp = a.checkpoint;
  if (!cp || a.outTimes.length > 0 || outTimes.some((t) => !(t >= cp.before))) return null;
  const prep = a.prep, nObs = prep.levels.length, m = outTimes.length, n = a.n;
  const lastDoseTime = prep.lastDose ? prep.lastDose.time : prep.asOf;
  const tl = compileTimeline(prep.pkDoses, [...prep.levels.map((l) => l.time), ...outTimes], prep.segStarts, lastDoseTime);
  const solver = new PkSolver(FIT);
  const pb = mapProblemFor(prep, solver);
  const buf = new Float64Array(nObs + m), snap = new Float64Array(SNAPSHOT_FULL);
  const run: Continue = (params, tol, state) => continueTimeline(solver, tl, params, buf, tol, { before: cp.before, state }, snap);
  const map = continuedMap(a, pb, run, buf, snap);
  const logTarget = new Float64Array(n);
  const snaps = new Float64Array(n * 3), steps = new Float64Array(n * 2), outSamples = new Float64Array(n * m);
  const e = [0, 0, 0];
  for (let s = 0; s < n; s++) {
    e[0] = a.etas[s * 3]; e[1] = a.etas[s * 3 + 1]; e[2] = a.etas[s * 3 + 2];
    const segParams = pb.paramsFor(e);
    for (const sp of segParams) { sp.f = a.paramsSamples[s].f; sp.ka = a.paramsSamples[s].ka; }
    buf.set(cp.levelSamples.subarray(s * nObs, (s + 1) * nObs));
    snap.set(a.snaps.subarray(s * 3, s * 3 + 3)); snap.set(a.steps.subarray(s * 2, s * 2 + 2), 3);
    run(segParams, FAST, cp.draws.subarray(s * CHECKPOINT_SIZE, (s + 1) * CHECKPOINT_SIZE));
    logTarget[s] = drawLogTarget(e, buf, pb);
    snaps.set(snap.subarray(0, 3), s * 3); steps.set(snap.subarray(3, 5), s * 2);
    outSamples.set(buf.subarray(nObs), s * m);
  }
  const { weights, ess } = drawWeights(a.kind, logTarget, cp.logq);
  const none = new Float64Array(0);
  return { ...a, ...map, weights, ess, snaps, steps, outTimes, outSamples, curveTimes: none, curveMap: none, curveSamples: none, checkpoint: undefined };
}
