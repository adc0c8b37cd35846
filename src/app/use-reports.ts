/**
 * Reports for every patient, computed in the worker and cached by content: an edit recomputes
 * only the patient it touched, first in the queue. A report stays shown (marked as computed on
 * older data, `outdated`) until its replacement arrives; it is never printed or exported as
 * current. A patient whose computation overran its time budget (worker-client.ts) is remembered
 * (in localStorage, by content key), so after a reload it is computed after every other patient.
 *
 * Reports are kept in IndexedDB (storage/report-cache.ts) under the job key, a fingerprint of the
 * patient's records, the settings, the as-of rule and the engine build: after a reload an unchanged
 * patient's report is shown at once; a changed one shows its stored report as outdated until the
 * new one arrives. With calibration (issue 17) a natalizumab patient's settings carry the spread
 * the clinic's troughs give it (use-track-record.ts); its key holds that spread, not the
 * description of the calibration, which the shown report takes from the current calibration (the
 * numbers depend on the spread alone).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EngineSettings } from '../core/engine';
import type { NatalizumabOptions, PatientError, PatientReport } from '../core/report/types';
import type { AsOfSpec } from '../worker/protocol';
import type { StoredPatient } from './storage/db';
import { CoreClient, DEFAULT_COMPUTE_BUDGET_MS, ENGINE_BUILD, OverBudgetError, type Computed } from './worker-client';
import { reportCache } from './storage/report-cache';
import { effectiveSettings } from './lib/settings';
import { hashText } from './lib/hash';

export interface ReportEntry extends Partial<Computed> {
  /** True while a newer computation for this patient is on its way. */
  stale: boolean;
  /**
   * The report shown was computed on older data (or settings): a newer computation is on its way
   * or failed. Such a report is marked as such and not printed or exported as current.
   */
  outdated: boolean;
  /** The worker failed on this patient (a programmer error in the core), or it overran its budget. */
  failure?: string;
  /** The failure is an overrun of the time budget (ms). */
  overBudgetMs?: number;
  /**
   * A natalizumab report shown without its chart's curves (the list computes only the decision):
   * the opened patient's chart is being computed (issue 17, item 6).
   */
  chartPending?: boolean;
}

const SLOW_KEY = 'ms-interval-slow-jobs';
const MAX_SLOW = 50;

/** Job keys that overran their budget before (this browser), so they go last after a reload. */
function readSlow(): Set<string> {
  try {
    const v = JSON.parse(localStorage.getItem(SLOW_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch { return new Set(); }
}

function rememberSlow(key: string): void {
  try {
    const list = [...readSlow()].filter((k) => k !== key);
    list.push(key);
    localStorage.setItem(SLOW_KEY, JSON.stringify(list.slice(-MAX_SLOW)));
  } catch { /* not remembered: it still fails within its budget */ }
}

/** Forget what this browser keeps under a deleted patient's id (its slow-job keys). */
export function forgetPatientKeys(id: string): void {
  try {
    const kept = [...readSlow()].filter((k) => !k.startsWith(`${id}|`));
    if (kept.length) localStorage.setItem(SLOW_KEY, JSON.stringify(kept));
    else localStorage.removeItem(SLOW_KEY);
  } catch { /* storage blocked: nothing kept either */ }
}

const recordHashes = new WeakMap<object, string>();
/** A hash of a record's content (kept per object: records are replaced, never changed in place). */
export function recordHash(o: object): string { return hashOf(o); }
function hashOf(o: object): string {
  let h = recordHashes.get(o);
  if (!h) { h = hashText(JSON.stringify(o)); recordHashes.set(o, h); }
  return h;
}

const ENGINE_HASH = hashText(ENGINE_BUILD);

export function jobKey(p: StoredPatient, settings: EngineSettings, asOf: AsOfSpec): string {
  // The calibration's description is not part of the key: only the spread it gives changes numbers.
  const { calibration: _c, ...nat } = settings.natalizumab;
  return `${p.id}|${hashOf(p.record)}|${hashText(JSON.stringify({ ...settings, natalizumab: nat }))}|${asOf.kind === 'date' ? asOf.date : 'last'}|${ENGINE_HASH}`;
}

/**
 * The calibration of the natalizumab forecasts: each patient's options (the clinic's spread for it),
 * 'wait' while the clinic's track record is computed, or null (not calibrated).
 */
export type Calibration = ((id: string) => Partial<NatalizumabOptions>) | 'wait' | null;

/** The report with the calibration's current description (its numbers are those of the spread, the same). */
function described(report: PatientReport | PatientError, nat: Partial<NatalizumabOptions> | undefined): PatientReport | PatientError {
  if ('error' in report || report.drug !== 'natalizumab' || !nat?.calibration || report.options.iovCl !== nat.iovCl || report.options.spreadScale !== nat.spreadScale) return report;
  return { ...report, options: { ...report.options, calibration: nat.calibration } };
}

/**
 * The time budget of one patient, ms: DEFAULT_COMPUTE_BUDGET_MS, or a number stored under
 * `ms-interval-compute-budget-ms` (a slow machine, or a test that wants a short budget).
 */
function budgetSetting(): number {
  try {
    const v = Number(localStorage.getItem('ms-interval-compute-budget-ms'));
    if (Number.isFinite(v) && v >= 100) return v;
  } catch { /* storage blocked */ }
  return DEFAULT_COMPUTE_BUDGET_MS;
}

/**
 * Patient ids whose computation is never answered (a JSON list under
 * `ms-interval-test-unanswered`): a test hook that makes a budget overrun certain on any machine,
 * instead of a heavy record racing a wall clock. A patient so named only gets the error card a
 * real overrun gives; nothing else changes.
 */
function unansweredSetting(): Set<string> {
  try {
    const v = JSON.parse(localStorage.getItem('ms-interval-test-unanswered') ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch { return new Set(); }
}

/** At most this many workers (as the command line's threads, src/cli/parallel.ts). */
export const MAX_LANES = 8;

/**
 * Workers side by side: one per core the browser reports, as the command line starts one thread
 * per core (issue 17, item 6), at least two (one slow patient never holds up the list) and at
 * most MAX_LANES.
 */
export function laneCount(cores: number | undefined): number {
  return Math.min(MAX_LANES, Math.max(2, Number.isFinite(cores) ? Math.floor(cores as number) : 2));
}

let shared: CoreClient | null = null;
export function coreClient(): CoreClient {
  if (!shared) {
    const unanswered = unansweredSetting();
    const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
    shared = new CoreClient(undefined, { lanes: laneCount(cores), computeBudgetMs: budgetSetting(), unanswered: unanswered.size ? (job) => unanswered.has(job.patient.id) : undefined });
  }
  return shared;
}

/**
 * A job's report stored for exactly its fingerprint, kept as its result; else the report stored for
 * something older, kept as the patient's latest (shown as computed on older data while this is computed).
 */
function takeStored(cache: ReturnType<typeof reportCache>, j: { id: string; key: string; wait: boolean }, results: Map<string, Computed>,
  latest: Map<string, Computed>, failures: Map<string, unknown>): Computed | undefined {
  const r = j.wait || failures.has(j.key) ? undefined : cache.report(j.id, j.key);
  if (r) { results.set(j.key, r); latest.set(j.id, r); return r; }
  if (!latest.has(j.id)) {
    const older = cache.anyReport(j.id);
    if (older) latest.set(j.id, older);
  }
  return undefined;
}

/**
 * `today` (YYYY-MM-DD): the day the plan is made. A dose as planned that would fall before it is
 * overdue and proposed on the first possible day (the core's `notBefore`), whatever the as-of.
 */
export function useReports(patients: StoredPatient[], clinic: EngineSettings, asOf: AsOfSpec, focusId: string | null,
  calibration: Calibration = null, cacheReady = true, today?: string): {
  reports: Map<string, ReportEntry>;
  pending: number;
} {
  const results = useRef(new Map<string, Computed>()); // by job key
  const failures = useRef(new Map<string, { message: string; overBudgetMs?: number }>());
  const slow = useRef<Set<string> | null>(null);
  const latestById = useRef(new Map<string, Computed>());
  // Job keys asked of the worker and not answered yet: not asked again when the list is drawn again.
  const asked = useRef(new Set<string>());
  const [version, bump] = useGatheredVersion();

  const jobs = useMemo(() => patients.map((p) => {
    const own = effectiveSettings(clinic, p.overrides);
    const base: EngineSettings = today ? { ...own, notBefore: today } : own;
    const nat = p.record.drug === 'natalizumab' && typeof calibration === 'function' ? calibration(p.id) : undefined;
    const settings = nat ? { ...base, natalizumab: { ...base.natalizumab, ...nat } } : base;
    // Waiting for the clinic's calibration: not computed yet (the stored report is shown as outdated).
    const wait = p.record.drug === 'natalizumab' && calibration === 'wait';
    // The list needs the decision only: a natalizumab patient's chart curves (the history band and
    // the forecast bands, most of a proposal's work) are computed when the patient is opened, by a
    // job of their own (same numbers: the curves change none). Ocrelizumab's curve is cheap and kept.
    const chartable = p.record.drug === 'natalizumab' && !wait;
    const list: EngineSettings = chartable ? { ...settings, natalizumab: { ...settings.natalizumab, curves: false } } : settings;
    return { id: p.id, key: wait ? `wait|${p.id}` : jobKey(p, list, asOf), wait, nat, chartable, p, settings, job: { patient: p.record, settings: list, asOf } };
  }), [patients, clinic, asOf, calibration, today]);

  // The opened natalizumab patient's report with its chart's curves: a job of its own.
  const chart = useMemo(() => {
    const j = jobs.find((x) => x.id === focusId);
    return j?.chartable ? { id: j.id, key: `chart|${jobKey(j.p, j.settings, asOf)}`, job: { patient: j.p.record, settings: j.settings, asOf } } : null;
  }, [jobs, focusId, asOf]);

  useEffect(() => {
    if (!cacheReady) return;
    const client = coreClient();
    const cache = reportCache();
    const keys = new Set(jobs.map((j) => j.key));
    if (chart) keys.add(chart.key);
    for (const k of client.retain(keys)) asked.current.delete(k);
    slow.current ??= readSlow();
    const known = slow.current;
    // Patients that overran their budget before go last, so every other patient is planned first.
    const ordered = [...jobs.filter((j) => !known.has(j.key)), ...jobs.filter((j) => known.has(j.key))];
    let found = false;
    for (const j of ordered) {
      if (results.current.has(j.key) || failures.current.has(j.key)) continue;
      // Stored in an earlier session for exactly this fingerprint: shown at once.
      const kept = j.wait ? undefined : cache.report(j.id, j.key);
      if (kept) { results.current.set(j.key, kept); latestById.current.set(j.id, kept); found = true; continue; }
      // Stored for something older: shown as computed on older data while this is computed.
      const older = latestById.current.has(j.id) ? undefined : cache.anyReport(j.id);
      if (older) { latestById.current.set(j.id, older); found = true; }
      if (j.wait || asked.current.has(j.key)) continue;
      asked.current.add(j.key);
      client.compute(j.key, j.job, j.id === focusId).then((c) => {
        asked.current.delete(j.key);
        results.current.set(j.key, c);
        latestById.current.set(j.id, c);
        cache.putReport(j.id, j.key, c);
        // The last one asked: the list is drawn at once, not after the gathering delay (issue 17,
        // item 6: the delay was up to RENDER_GATHER_BUSY_MS after the workers had finished).
        bump(j.id === focusId || asked.current.size === 0);
      }, (e: Error) => {
        asked.current.delete(j.key);
        if (e.message === 'dropped') return;
        if (e instanceof OverBudgetError) {
          failures.current.set(j.key, { message: e.message, overBudgetMs: e.budgetMs });
          known.add(j.key);
          rememberSlow(j.key);
        } else failures.current.set(j.key, { message: e.message });
        bump(j.id === focusId || asked.current.size === 0);
      });
    }
    // The opened patient's chart: computed first, kept in memory only (a reload computes it again when opened).
    const focus = jobs.find((j) => j.id === focusId);
    if (chart && !results.current.has(chart.key) && !asked.current.has(chart.key)) {
      asked.current.add(chart.key);
      client.compute(chart.key, chart.job, true).then((c) => {
        asked.current.delete(chart.key);
        results.current.set(chart.key, c);
        bump(true);
      }, () => { asked.current.delete(chart.key); /* dropped (closed or changed), or failed: the list's job says why */ });
    }
    if (found) bump(true);
    if (focus) client.prioritise(focus.key);
    if (chart) client.prioritise(chart.key);
    // Forget results no patient uses any more (the latest per patient stays in latestById).
    for (const k of results.current.keys()) if (!keys.has(k)) results.current.delete(k);
  }, [jobs, focusId, chart, cacheReady]);

  const reports = useMemo(() => {
    const out = new Map<string, ReportEntry>();
    // Stored reports are taken in this render (a reload draws the list once with them): the effect
    // below then asks the worker only for what is not stored.
    const cache = cacheReady ? reportCache() : null;
    for (const j of jobs) {
      // The opened patient's report with its chart, once computed (the list's numbers, and the curves).
      const opened = chart?.id === j.id ? chart : null;
      const charted = opened ? results.current.get(opened.key) : undefined;
      const r = charted ?? results.current.get(j.key) ?? (cache ? takeStored(cache, j, results.current, latestById.current, failures.current) : undefined);
      const shown = r ?? latestById.current.get(j.id);
      const failure = failures.current.get(j.key);
      out.set(j.id, {
        ...(shown ?? {}), ...(shown ? { report: described(shown.report, j.nat) } : {}), stale: !r && !failure, outdated: !r && shown !== undefined,
        failure: failure?.message, overBudgetMs: failure?.overBudgetMs,
        ...(opened && !charted && shown && !('error' in shown.report) ? { chartPending: true } : {}),
      });
    }
    return out;
  }, [jobs, chart, version, cacheReady]);

  const pending = jobs.filter((j) => !results.current.has(j.key) && !failures.current.has(j.key) && !(chart?.id === j.id && results.current.has(chart.key))).length;
  return { reports, pending };
}

/** How long results are gathered into one render of the page (ms): after a quiet spell, and while they keep coming. */
export const RENDER_GATHER_MS = 120;
export const RENDER_GATHER_BUSY_MS = 800;

/**
 * A counter to bump when results arrive, rendered at most once per RENDER_GATHER_MS, and once per
 * RENDER_GATHER_BUSY_MS while results keep coming (a list being planned): a list of hundreds of
 * patients is not drawn again for every one of them while the workers compute (measured in
 * Chromium: drawing it per result took the main thread about 40 % of the time, CPU the workers
 * need). `now` renders at once (the patient looked at).
 */
export function useGatheredVersion(): [number, (now?: boolean) => void] {
  const [version, setVersion] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  useEffect(() => () => { if (timer.current !== null) clearTimeout(timer.current); }, []);
  const bump = useCallback((now = false) => {
    if (now) {
      if (timer.current !== null) { clearTimeout(timer.current); timer.current = null; }
      setVersion((v) => v + 1);
      return;
    }
    if (timer.current !== null) return;
    const busy = performance.now() - last.current < 2 * RENDER_GATHER_BUSY_MS;
    timer.current = setTimeout(() => { timer.current = null; last.current = performance.now(); setVersion((v) => v + 1); }, busy ? RENDER_GATHER_BUSY_MS : RENDER_GATHER_MS);
  }, []);
  return [version, bump];
}
