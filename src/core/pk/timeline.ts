/**
 * A dosing history compiled once into a sorted list of events (infusion starts and stops,
 * boluses, parameter changes, output times), then run many times with different parameters
 * (the fit and the posterior samples re-use one timeline). Between events the right-hand side is
 * smooth, so infusion starts and stops are exact.
 */
import { PkSolver, type PkParams, type Tolerance } from './solver';

/** A dose as the model sees it. */
export interface PkDose {
  /** Start of the infusion, or the time the SC dose reaches the depot (after the lag). */
  time: number;
  /** Amount given, mg (for SC the solver's bioavailability f applies as it enters the depot). */
  amount: number;
  /** 'central': IV (infusion over durationDays, bolus if 0); 'depot': SC first-order absorption. */
  into: 'central' | 'depot';
  durationDays: number;
}

// Event kinds; at equal times they run in this order (an output at a dose time is before the dose).
const OUTPUT = 0, PARAMS = 1, RATE_OFF = 2, RATE_ON = 3, BOLUS_CENTRAL = 4, BOLUS_DEPOT = 5;

export interface Timeline {
  start: number;
  times: Float64Array;
  kinds: Int8Array;
  /** Rate (mg/day) for RATE_*, amount for BOLUS_*, output index for OUTPUT, segment index for PARAMS. */
  values: Float64Array;
  nOutputs: number;
}

/**
 * Compile doses, output times and parameter segment starts (segment 0 applies from the start;
 * `segmentStarts[i]` is when segment i+1 begins). Outputs before the first dose are 0.
 */
export function compileTimeline(doses: PkDose[], outputs: ArrayLike<number>, segmentStarts: number[] = [], snapshotAt?: number): Timeline {
  const ev: { t: number; k: number; v: number }[] = [];
  for (const d of doses) {
    if (d.into === 'depot') ev.push({ t: d.time, k: BOLUS_DEPOT, v: d.amount });
    else if (d.durationDays > 0) {
      const r = d.amount / d.durationDays;
      ev.push({ t: d.time, k: RATE_ON, v: r }, { t: d.time + d.durationDays, k: RATE_OFF, v: r });
    } else ev.push({ t: d.time, k: BOLUS_CENTRAL, v: d.amount });
  }
  for (let i = 0; i < outputs.length; i++) ev.push({ t: outputs[i], k: OUTPUT, v: i });
  segmentStarts.forEach((t, i) => ev.push({ t, k: PARAMS, v: i + 1 }));
  // A snapshot (state just before any dose at that time) is an OUTPUT with index −1.
  if (snapshotAt !== undefined) ev.push({ t: snapshotAt, k: OUTPUT, v: -1 });
  ev.sort((a, b) => a.t - b.t || a.k - b.k);
  const start = doses.length ? Math.min(...doses.map((d) => d.time)) : (ev.length ? ev[0].t : 0);
  return {
    start,
    times: Float64Array.from(ev, (e) => e.t),
    kinds: Int8Array.from(ev, (e) => e.k),
    values: Float64Array.from(ev, (e) => e.v),
    nOutputs: outputs.length,
  };
}

/**
 * Run a timeline from zero drug: concentrations (µg/mL) at the outputs are written to `out`.
 * `params[i]` is the parameter set of segment i. The solver keeps the final state. `snapshot`
 * receives the state at the timeline's snapshot time; `dense` gets concentrations at sorted
 * times by interpolation (cheap: the integrator does not stop there). `checkpoint` receives the
 * run's whole state before its first event at or after `checkpoint.before` (continueTimeline): it
 * only reads the state, the run is the same.
 */
export function runTimeline(
  solver: PkSolver, tl: Timeline, params: PkParams[], out: Float64Array, tol?: Tolerance,
  snapshot?: Float64Array, dense?: { times: Float64Array; out: Float64Array }, checkpoint?: Checkpoint,
): void {
  if (tol) solver.setTolerance(tol);
  solver.setParams(params[0]);
  solver.reset(tl.start);
  if (dense) {
    // Dense times before the start are zero.
    let i = 0;
    while (i < dense.times.length && dense.times[i] <= tl.start) dense.out[i++] = 0;
    solver.denseTimes = dense.times; solver.denseOut = dense.out; solver.denseIdx = i;
  }
  const { times } = tl;
  const at = checkpoint ? firstAtOrAfter(tl, checkpoint.before) : -1;
  for (let i = 0; i < times.length; i++) {
    if (i === at) keepState(solver, checkpoint!.state);
    const t = times[i];
    if (t > solver.t) solver.advance(t);
    applyEvent(solver, tl, i, params, out, snapshot);
  }
  if (at === times.length) keepState(solver, checkpoint!.state);
  if (dense) {
    const dt = dense.times;
    if (solver.denseIdx < dt.length) solver.advance(dt[dt.length - 1]);
    solver.denseTimes = null; solver.denseOut = null;
  }
}

/** Event i of a timeline, the solver already advanced to its time. */
function applyEvent(solver: PkSolver, tl: Timeline, i: number, params: PkParams[], out: Float64Array, snapshot?: Float64Array): void {
  const { times, kinds, values } = tl;
  const t = times[i];
  switch (kinds[i]) {
    case OUTPUT:
      if (values[i] < 0) {
        if (!snapshot) break;
        snapshot[0] = solver.a1; snapshot[1] = solver.a2; snapshot[2] = solver.a3;
        // A longer snapshot keeps what a run continued from it needs as well (resumeTimeline).
        if (snapshot.length >= SNAPSHOT_FULL) { snapshot[3] = solver.h; snapshot[4] = solver.rate; }
      } else out[values[i]] = t < tl.start ? 0 : solver.a1 / solver.vc;
      break;
    case PARAMS: solver.setParams(params[values[i]]); break;
    case RATE_OFF: solver.rate -= values[i]; if (Math.abs(solver.rate) < 1e-9) solver.rate = 0; break;
    case RATE_ON: solver.rate += values[i]; break;
    case BOLUS_CENTRAL: solver.a1 += values[i]; break;
    case BOLUS_DEPOT: solver.a3 += values[i] * solver.f; break;
  }
}

/**
 * A run's whole state kept before its first event at or after `before`: amounts, step, rate, time
 * (CHECKPOINT_SIZE numbers in `state`).
 */
export interface Checkpoint { before: number; state: Float64Array }
export const CHECKPOINT_SIZE = 6;

function keepState(solver: PkSolver, state: Float64Array): void {
  state[0] = solver.a1; state[1] = solver.a2; state[2] = solver.a3; state[3] = solver.h; state[4] = solver.rate; state[5] = solver.t;
}

/** Index of the first event at or after time t (the events' count if none). */
function firstAtOrAfter(tl: Timeline, t: number): number {
  let i = 0;
  while (i < tl.times.length && tl.times[i] < t) i++;
  return i;
}

/**
 * Continue, from a checkpoint another run kept (runTimeline's `checkpoint`), a timeline whose
 * events before `checkpoint.before` are that run's, with any more from then on (outputs at later
 * times, issue 19: the wearing-off onsets): the solver is put in the kept state, the parameter
 * segment then in force is set, and this timeline's events run from its first at or after
 * `before`. The same events from the same state: the same numbers as running this timeline from
 * zero, bit for bit. Outputs (and the snapshot) before `before` are not written: the caller has
 * them from the other run.
 */
export function continueTimeline(solver: PkSolver, tl: Timeline, params: PkParams[], out: Float64Array, tol: Tolerance, checkpoint: Checkpoint, snapshot?: Float64Array): void {
  const { times, kinds, values } = tl;
  const i0 = firstAtOrAfter(tl, checkpoint.before);
  let seg = 0;
  for (let i = 0; i < i0; i++) if (kinds[i] === PARAMS) seg = values[i];
  const st = checkpoint.state;
  solver.setTolerance(tol);
  solver.setParams(params[seg]);
  solver.a1 = st[0]; solver.a2 = st[1]; solver.a3 = st[2]; solver.h = st[3]; solver.rate = st[4]; solver.t = st[5];
  for (let i = i0; i < times.length; i++) {
    const t = times[i];
    if (t > solver.t) solver.advance(t);
    applyEvent(solver, tl, i, params, out, snapshot);
  }
}

/** A snapshot of this length keeps the state (3 amounts), the solver's step and the infusion rate. */
export const SNAPSHOT_FULL = 5;

/**
 * Continue a run from a full snapshot taken at time `t0` by another timeline with the same events
 * up to `t0` (issue 17, item 6: an overdue dose's restart does not simulate the history again):
 * the solver is put in the snapshot's state (amounts, step, rate, the parameter segment then in
 * force) and this timeline's events run from where the snapshot was taken (after the outputs at
 * `t0`, before anything else at `t0`). The same events from the same state: the same numbers.
 */
export function resumeTimeline(solver: PkSolver, tl: Timeline, params: PkParams[], out: Float64Array, tol: Tolerance, t0: number, snapshot: ArrayLike<number>): void {
  const { times, kinds, values } = tl;
  let i0 = 0, seg = 0;
  while (i0 < times.length && (times[i0] < t0 || (times[i0] === t0 && kinds[i0] === OUTPUT))) {
    if (kinds[i0] === PARAMS) seg = values[i0];
    i0++;
  }
  solver.setTolerance(tol);
  solver.setParams(params[seg]);
  solver.a1 = snapshot[0]; solver.a2 = snapshot[1]; solver.a3 = snapshot[2]; solver.h = snapshot[3]; solver.rate = snapshot[4]; solver.t = t0;
  for (let i = i0; i < times.length; i++) {
    const t = times[i];
    const kind = kinds[i];
    if (t > solver.t) solver.advance(t);
    switch (kind) {
      case OUTPUT: if (values[i] >= 0) out[values[i]] = t < tl.start ? 0 : solver.a1 / solver.vc; break;
      case PARAMS: solver.setParams(params[values[i]]); break;
      case RATE_OFF: solver.rate -= values[i]; if (Math.abs(solver.rate) < 1e-9) solver.rate = 0; break;
      case RATE_ON: solver.rate += values[i]; break;
      case BOLUS_CENTRAL: solver.a1 += values[i]; break;
      case BOLUS_DEPOT: solver.a3 += values[i] * solver.f; break;
    }
  }
}

/** Convenience: concentrations at `outputs` for one parameter set (compiles a timeline each call). */
export function simulateConcentrations(doses: PkDose[], params: PkParams, outputs: number[], tol?: Tolerance): Float64Array {
  const tl = compileTimeline(doses, outputs);
  const out = new Float64Array(outputs.length);
  runTimeline(new PkSolver(tol), tl, [params], out, tol);
  return out;
}
