/**
 * Sessions: saving everything (records, settings, the current proposals and plans) as one file,
 * and after a session file is opened, saying whether the recomputed proposals equal the saved ones.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { version as appVersion } from '../../../package.json';
import type { AppState } from '../storage/store';
import type { ReportEntry } from '../use-reports';
import { buildSession, compareWithSaved, type SessionFile } from '../lib/session';
import { planEntries } from '../lib/plan-export';
import { downloadText } from '../lib/download';
import { nowMinute } from '../lib/dates';
import { currentReports } from './use-exports';

export interface SessionInput {
  state: AppState;
  reports: ReadonlyMap<string, ReportEntry>;
  pending: number;
  today: string;
  flash: (m: string) => void;
}

export function useSession({ state, reports, pending, today, flash }: SessionInput): { saveSession: () => void; sessionOpened: (s: SessionFile) => void } {
  const { t } = useTranslation();
  const [savedSession, setSavedSession] = useState<SessionFile | null>(null);

  // After a session file is opened: say whether the recomputed proposals equal the saved ones.
  useEffect(() => {
    if (!savedSession || pending > 0) return;
    const now = new Map([...reports].map(([id, e]) => [id, e.report]));
    const diff = compareWithSaved(savedSession.reports, now);
    flash(diff.length ? t('session.differs', { count: diff.length, ids: diff.slice(0, 10).join(', ') }) : t('session.same', { count: savedSession.reports.length, version: savedSession.appVersion }));
    setSavedSession(null);
  }, [savedSession, pending, reports, t, flash]);

  const saveSession = () => {
    const s = buildSession({
      appVersion, savedAt: nowMinute(), settings: state.clinic, asOfMode: state.asOfMode,
      // a proposal computed on older data is not saved as current (the file says no proposal for it)
      patients: state.patients, reports: state.patients.map((p) => { const e = reports.get(p.id); return e && !e.outdated ? e.report : undefined; }),
      plans: planEntries(state.patients, currentReports(state.patients, reports), today),
    });
    downloadText(`ms-interval-session-${today}.json`, JSON.stringify(s, null, 1), 'application/json');
    flash(t('export.sessionDone', { count: state.patients.length }));
  };

  return { saveSession, sessionOpened: setSavedSession };
}
