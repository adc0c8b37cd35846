/**
 * The app's side of the core worker: a queue of requests, one in flight at a time, so that the
 * patient being edited or looked at can jump the queue and its proposal updates at once even
 * while a large list is still being computed. Requests nobody waits for any more are dropped.
 *
 * Never stuck: each request has a time budget. A computation that overruns it is stopped (the
 * worker is terminated and a fresh one started), its promise rejects with an OverBudgetError,
 * and the queue goes on with the next patient. A worker that crashes is replaced the same way.
 */
import type { ParseResult, Days } from '../core/types';
import type { PatientError, PatientReport } from '../core/report/types';
import type { ComputeJob, FhirParseOptions, WorkerRequest, WorkerResponse } from '../worker/protocol';
import type { NatalizumabOptions } from '../core/report/types';
import type { PatientRecord } from '../core/types';
import type { TroughScore } from '../core/natalizumab/track-record';
import type { ClinicTrack, PatientTrack } from '../core/natalizumab/clinic-track';

/** Keys of the proposal history's jobs start with this (see retain). */
export const HISTORY_KEY_PREFIX = 'history|';
/**
 * The engine's build: the URL of this module, whose name carries a hash of its content in a
 * production build, and this module names the worker's own hashed file, so any change of the
 * engine gives a new value. Part of every stored report's fingerprint (storage/report-cache.ts).
 */
export const ENGINE_BUILD = import.meta.url;
/** Keys of the track record's jobs (use-track-record.ts) start with this: a group of their own. */
export const TRACK_KEY_PREFIX = 'track|';

export interface Computed {
  report: PatientReport | PatientError;
  asOf: Days;
  ms: number;
}

type Pending =
  | { req: WorkerRequest; key: string; resolve: (v: never) => void; reject: (e: Error) => void; background?: boolean };

/** Settle a request and everyone who joined it (compute jobs with the same key). */
function joinable(p: Pending, joined: Map<Pending, Pending[]>): Pending {
  const also = joined.get(p);
  if (!also) return p;
  joined.delete(p);
  return {
    ...p,
    resolve: ((v: never) => { p.resolve(v); for (const a of also) a.resolve(v); }) as (v: never) => void,
    reject: (e: Error) => { p.reject(e); for (const a of also) a.reject(e); },
  };
}

/** A computation stopped because it overran its time budget. */
export class OverBudgetError extends Error {
  readonly budgetMs: number;
  constructor(budgetMs: number) {
    super(`the computation took longer than ${Math.round(budgetMs / 1000)} s and was stopped`);
    this.name = 'OverBudgetError';
    this.budgetMs = budgetMs;
  }
}

export interface ClientOptions {
  /** Time budget of one patient's computation, ms. @default 8000 */
  computeBudgetMs?: number;
  /** Time budget of reading a file, ms. @default 60000 */
  parseBudgetMs?: number;
  /** Workers side by side. @default 1 */
  lanes?: number;
  /**
   * Test hook: a compute job for which this returns true is never sent to the worker, as if the
   * worker never answered, so its budget stops it for certain on any machine (the browser test of
   * the budget; see use-reports.ts). Nothing else changes. @default none
   */
  unanswered?: (job: ComputeJob) => boolean;
}

export const DEFAULT_COMPUTE_BUDGET_MS = 8000;

export interface WorkerLike {
  postMessage(msg: WorkerRequest): void;
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

/** One worker and the request it is running. */
interface Lane {
  worker: WorkerLike;
  inFlight: Pending | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export class CoreClient {
  private queue: Pending[] = [];
  /** Requests asked again with the same key while waiting or running: settled with the first. */
  private readonly joined = new Map<Pending, Pending[]>();
  private nextId = 1;
  private readonly lanes: Lane[] = [];
  private readonly make: () => WorkerLike;
  readonly computeBudgetMs: number;
  readonly parseBudgetMs: number;
  private readonly unanswered: ((job: ComputeJob) => boolean) | undefined;
  /** Workers started so far (one per lane + restarts after an overrun or a crash). */
  started = 0;

  /**
   * `options.lanes` workers run side by side (default 1), so that one slow patient holds up at
   * most one lane while the others go on.
   */
  constructor(make: () => WorkerLike = () => new Worker(new URL('../worker/core.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
    options: ClientOptions = {}) {
    this.make = make;
    this.computeBudgetMs = options.computeBudgetMs ?? DEFAULT_COMPUTE_BUDGET_MS;
    this.parseBudgetMs = options.parseBudgetMs ?? 60_000;
    this.unanswered = options.unanswered;
    const n = Math.max(1, Math.floor(options.lanes ?? 1));
    for (let i = 0; i < n; i++) {
      const lane: Lane = { worker: null as unknown as WorkerLike, inFlight: null, timer: null };
      this.lanes.push(lane);
      this.start(lane);
    }
  }

  private start(lane: Lane): void {
    const w = this.make();
    this.started++;
    lane.worker = w;
    w.onmessage = (ev) => { if (w === lane.worker) this.onMessage(lane, ev.data); };
    w.onerror = (ev) => {
      ev.preventDefault?.();
      if (w !== lane.worker) return;
      // The worker is gone (or in an unknown state): replace it, fail the request it had.
      this.fail(lane, new Error(ev.message || 'the computation worker stopped'));
    };
  }

  /** Fail the lane's request, replace its worker, and go on with the queue. */
  private fail(lane: Lane, error: Error): void {
    this.clearTimer(lane);
    const p = lane.inFlight ? joinable(lane.inFlight, this.joined) : null;
    lane.inFlight = null;
    try { lane.worker.terminate(); } catch { /* already gone */ }
    this.start(lane);
    p?.reject(error);
    this.pump();
  }

  private clearTimer(lane: Lane): void {
    if (lane.timer !== null) { clearTimeout(lane.timer); lane.timer = null; }
  }

  /** Number of requests waiting or running. */
  get busy(): number {
    return this.queue.length + this.lanes.filter((l) => l.inFlight).length;
  }

  /** Read a TDM CSV or a FHIR Bundle; with `today`, rows dated after it are refused (what the app imports). */
  parse(text: string, file: string, labLimit?: number, today?: string, fhir?: FhirParseOptions): Promise<ParseResult> {
    return this.enqueue({ type: 'parse', id: this.nextId++, text, file, labLimit, today, ...(fhir ? { fhir } : {}) }, `parse:${this.nextId}`, true);
  }

  /** Compute one report; `key` identifies the job (a repeated key joins the waiting or running one). */
  compute(key: string, job: ComputeJob, urgent = false): Promise<Computed> {
    const same = this.queue.find((p) => p.key === key && p.req.type === 'compute')
      ?? this.lanes.find((l) => l.inFlight?.key === key && l.inFlight.req.type === 'compute')?.inFlight;
    if (same) {
      // The same job asked again (a list drawn again while it is computed): not computed twice.
      if (urgent) this.prioritise(key);
      return new Promise<Computed>((resolve, reject) => {
        const list = this.joined.get(same) ?? [];
        list.push({ ...same, resolve: resolve as (v: never) => void, reject });
        this.joined.set(same, list);
      });
    }
    return this.enqueue({ type: 'compute', id: this.nextId++, job }, key, urgent);
  }

  /**
   * One patient's track record (issue 17); `key` as for compute. `background`: sent only when no
   * other request waits (nobody's plan waits for it: the forecasts are not calibrated). `previous`:
   * the patient's track record scored before with the same options and engine (its unchanged
   * troughs are not scored again), or null.
   */
  track(key: string, patient: PatientRecord, options: Partial<NatalizumabOptions>, background = false, previous: PatientTrack | null = null): Promise<{ track: PatientTrack | null; ms: number }> {
    return this.enqueue({ type: 'track', id: this.nextId++, patient, options, previous }, key, false, background);
  }

  /** The clinic's track record and calibration from every patient's scores (goes first: it is quick and everyone waits for it). */
  calibrate(key: string, scores: [string, TroughScore[]][]): Promise<{ clinic: ClinicTrack; ms: number }> {
    return this.enqueue({ type: 'calibrate', id: this.nextId++, scores }, key, true);
  }

  /** Move a waiting job to the front. */
  prioritise(key: string): void {
    const i = this.queue.findIndex((p) => p.key === key);
    if (i > 0) this.queue.unshift(...this.queue.splice(i, 1));
  }

  /**
   * Drop waiting compute jobs whose key is not in `keep` (their promises reject with 'dropped').
   * Only jobs of one group are considered: by default every job except the proposal history's
   * (keys starting `history|`), which has its own life (it goes when the history is closed).
   * Returns the keys dropped.
   */
  retain(keep: Set<string>, inGroup: (key: string) => boolean = (key) => !key.startsWith(HISTORY_KEY_PREFIX) && !key.startsWith(TRACK_KEY_PREFIX)): string[] {
    const dropped = this.queue.filter((p) => (p.req.type === 'compute' || p.req.type === 'track') && inGroup(p.key) && !keep.has(p.key));
    this.queue = this.queue.filter((p) => !dropped.includes(p));
    for (const p of dropped) joinable(p, this.joined).reject(new Error('dropped'));
    return dropped.map((p) => p.key);
  }

  terminate(): void {
    for (const lane of this.lanes) {
      this.clearTimer(lane);
      lane.worker.terminate();
    }
  }

  private enqueue<T>(req: WorkerRequest, key: string, urgent: boolean, background = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const p: Pending = { req, key, resolve: resolve as (v: never) => void, reject, background };
      if (urgent) this.queue.unshift(p); else this.queue.push(p);
      this.pump();
    });
  }

  private pump(): void {
    for (const lane of this.lanes) {
      if (lane.inFlight || this.queue.length === 0) continue;
      // Background requests wait until nothing else does.
      const i = this.queue.findIndex((q) => !q.background);
      const p = this.queue.splice(i >= 0 ? i : 0, 1)[0];
      lane.inFlight = p;
      const budget = p.req.type === 'parse' ? this.parseBudgetMs : this.computeBudgetMs;
      lane.timer = setTimeout(() => { if (lane.inFlight === p) this.fail(lane, new OverBudgetError(budget)); }, budget);
      // A job the test hook names is left unanswered: only the budget ends it.
      if (p.req.type === 'compute' && this.unanswered?.(p.req.job)) continue;
      lane.worker.postMessage(p.req);
    }
  }

  private onMessage(lane: Lane, res: WorkerResponse): void {
    const first = lane.inFlight;
    if (!first || first.req.id !== res.id) return;
    const p = joinable(first, this.joined);
    this.clearTimer(lane);
    lane.inFlight = null;
    if (res.type === 'failed') p.reject(new Error(res.message));
    else if (res.type === 'parsed') (p.resolve as (v: ParseResult) => void)(res.result);
    else if (res.type === 'tracked') (p.resolve as (v: { track: PatientTrack | null; ms: number }) => void)({ track: res.track, ms: res.ms });
    else if (res.type === 'calibrated') (p.resolve as (v: { clinic: ClinicTrack; ms: number }) => void)({ clinic: res.clinic, ms: res.ms });
    else (p.resolve as (v: Computed) => void)({ report: res.report, asOf: res.asOf, ms: res.ms });
    this.pump();
  }
}
