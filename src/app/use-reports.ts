/**
 * Reports for every patient, computed in the worker and cached by content: an edit recomputes
 * only the patient it touched, first in the queue. A report stays shown (marked as updating)
 * until its replacement arrives.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngineSettings } from '../core/engine';
import type { AsOfSpec } from '../worker/protocol';
import type { StoredPatient } from './storage/db';
import { CoreClient, type Computed } from './worker-client';
import { effectiveSettings } from './lib/settings';
import { hashText } from './lib/hash';

export interface ReportEntry extends Partial<Computed> {
  /** True while a newer computation for this patient is on its way. */
  stale: boolean;
  /** The worker failed on this patient (a programmer error in the core). */
  failure?: string;
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

let shared: CoreClient | null = null;
export function coreClient(): CoreClient {
  if (!shared) shared = new CoreClient();
  return shared;
}

export function useReports(patients: StoredPatient[], clinic: EngineSettings, asOf: AsOfSpec, focusId: string | null): {
  reports: Map<string, ReportEntry>;
  pending: number;
} {
  const results = useRef(new Map<string, Computed>()); // by job key
  const failures = useRef(new Map<string, string>());
  const latestById = useRef(new Map<string, Computed>());
  const [version, setVersion] = useState(0);

  const jobs = useMemo(() => patients.map((p) => {
    const settings = effectiveSettings(clinic, p.overrides);
    return { id: p.id, key: jobKey(p, settings, asOf), job: { patient: p.record, settings, asOf } };
  }), [patients, clinic, asOf]);

  useEffect(() => {
    const client = coreClient();
    const keys = new Set(jobs.map((j) => j.key));
    client.retain(keys);
    for (const j of jobs) {
      if (results.current.has(j.key) || failures.current.has(j.key)) continue;
      client.compute(j.key, j.job, j.id === focusId).then((c) => {
        results.current.set(j.key, c);
        latestById.current.set(j.id, c);
        setVersion((v) => v + 1);
      }, (e: Error) => {
        if (e.message === 'dropped') return;
        failures.current.set(j.key, e.message);
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
      out.set(j.id, { ...(shown ?? {}), stale: !r && !failure, failure });
    }
    return out;
  }, [jobs, version]);

  const pending = jobs.filter((j) => !results.current.has(j.key) && !failures.current.has(j.key)).length;
  return { reports, pending };
}
