/**
 * Reports for every patient, computed in the worker and cached by content: an edit recomputes
 * only the patient it touched, first in the queue. A report stays shown (marked as computed on
 * older data, `outdated`) until its replacement arrives; it is never printed or exported as
 * current. A patient whose computation overran its time budget (worker-client.ts) is remembered
 * (in localStorage, by content key), so after a reload it is computed after every other patient.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngineSettings } from '../core/engine';
import type { AsOfSpec } from '../worker/protocol';
import type { StoredPatient } from './storage/db';
import { CoreClient, DEFAULT_COMPUTE_BUDGET_MS, OverBudgetError, type Computed } from './worker-client';
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

const recordHash = new WeakMap<object, string>();
function hashOf(o: object): string {
  let h = recordHash.get(o);
  if (!h) { h = hashText(JSON.stringify(o)); recordHash.set(o, h); }
  return h;
}

export function jobKey(p: StoredPatient, settings: EngineSettings, asOf: AsOfSpec): string {
  return `${p.id}|${hashOf(p.record)}|${hashText(JSON.stringify(settings))}|${asOf.kind === 'date' ? asOf.date : 'last'}`;
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

let shared: CoreClient | null = null;
export function coreClient(): CoreClient {
  if (!shared) {
    const unanswered = unansweredSetting();
    shared = new CoreClient(undefined, { lanes: 2, computeBudgetMs: budgetSetting(), unanswered: unanswered.size ? (job) => unanswered.has(job.patient.id) : undefined });
  }
  return shared;
}

/**
 * `today` (YYYY-MM-DD): the day the plan is made. A dose as planned that would fall before it is
 * overdue and proposed on the first possible day (the core's `notBefore`), whatever the as-of.
 */
export function useReports(patients: StoredPatient[], clinic: EngineSettings, asOf: AsOfSpec, focusId: string | null, today?: string): {
  reports: Map<string, ReportEntry>;
  pending: number;
} {
  const results = useRef(new Map<string, Computed>()); // by job key
  const failures = useRef(new Map<string, { message: string; overBudgetMs?: number }>());
  const slow = useRef<Set<string> | null>(null);
  const latestById = useRef(new Map<string, Computed>());
  const [version, setVersion] = useState(0);

  const jobs = useMemo(() => patients.map((p) => {
    const settings: EngineSettings = today ? { ...effectiveSettings(clinic, p.overrides), notBefore: today } : effectiveSettings(clinic, p.overrides);
    return { id: p.id, key: jobKey(p, settings, asOf), job: { patient: p.record, settings, asOf } };
  }), [patients, clinic, asOf, today]);

  useEffect(() => {
    const client = coreClient();
    const keys = new Set(jobs.map((j) => j.key));
    client.retain(keys);
    slow.current ??= readSlow();
    const known = slow.current;
    // Patients that overran their budget before go last, so every other patient is planned first.
    const ordered = [...jobs.filter((j) => !known.has(j.key)), ...jobs.filter((j) => known.has(j.key))];
    for (const j of ordered) {
      if (results.current.has(j.key) || failures.current.has(j.key)) continue;
      client.compute(j.key, j.job, j.id === focusId).then((c) => {
        results.current.set(j.key, c);
        latestById.current.set(j.id, c);
        setVersion((v) => v + 1);
      }, (e: Error) => {
        if (e.message === 'dropped') return;
        if (e instanceof OverBudgetError) {
          failures.current.set(j.key, { message: e.message, overBudgetMs: e.budgetMs });
          known.add(j.key);
          rememberSlow(j.key);
        } else failures.current.set(j.key, { message: e.message });
        setVersion((v) => v + 1);
      });
    }
    const focus = jobs.find((j) => j.id === focusId);
    if (focus) client.prioritise(focus.key);
    // Forget results no patient uses any more (the latest per patient stays in latestById).
    for (const k of results.current.keys()) if (!keys.has(k)) results.current.delete(k);
  }, [jobs, focusId]);

  const reports = useMemo(() => {
    const out = new Map<string, ReportEntry>();
    for (const j of jobs) {
      const r = results.current.get(j.key);
      const shown = r ?? latestById.current.get(j.id);
      const failure = failures.current.get(j.key);
      out.set(j.id, {
        ...(shown ?? {}), stale: !r && !failure, outdated: !r && shown !== undefined,
        failure: failure?.message, overBudgetMs: failure?.overBudgetMs,
      });
    }
    return out;
  }, [jobs, version]);

  const pending = jobs.filter((j) => !results.current.has(j.key) && !failures.current.has(j.key)).length;
  return { reports, pending };
}
