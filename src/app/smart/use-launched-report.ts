/**
 * The launched patient's proposal, computed by the same worker and engine as for a CSV patient,
 * planned on today (notBefore): a dose as planned that has passed is overdue, never proposed in the
 * past (issue 15).
 */
import { useEffect, useMemo, useState } from 'react';
import type { EngineSettings } from '../../core/engine';
import type { StoredPatient } from '../storage/db';
import type { AsOfSpec } from '../../worker/protocol';
import { coreClient, type ReportEntry } from '../use-reports';
import { effectiveSettings, EMPTY_SETTINGS } from '../lib/settings';
import { todayIso } from '../lib/dates';
import { hashText } from '../lib/hash';

export function useLaunchedReport(clinic: EngineSettings, patient: StoredPatient | null, asOf: AsOfSpec): ReportEntry | undefined {
  const [entry, setEntry] = useState<ReportEntry | undefined>(undefined);
  const settings = useMemo(() => ({ ...effectiveSettings(clinic, patient?.overrides ?? EMPTY_SETTINGS), notBefore: todayIso() }), [clinic, patient?.overrides]);
  const record = patient?.record ?? null;
  useEffect(() => {
    if (!record) return;
    let live = true;
    const key = `smart|${hashText(JSON.stringify(record))}|${hashText(JSON.stringify(settings))}|${asOf.kind === 'date' ? asOf.date : 'last'}`;
    setEntry((e) => (e ? { ...e, stale: true, outdated: true } : undefined));
    coreClient().compute(key, { patient: record, settings, asOf }, true).then(
      (c) => { if (live) setEntry({ ...c, stale: false, outdated: false }); },
      (e: Error) => { if (live && e.message !== 'dropped') setEntry((prev) => ({ ...(prev ?? {}), stale: false, outdated: !!prev?.report, failure: e.message })); },
    );
    return () => { live = false; };
  }, [record, settings, asOf]);
  return entry;
}
