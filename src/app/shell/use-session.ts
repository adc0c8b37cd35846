/**
 * Sessions: saving everything (records, settings, the current proposals and plans) as one file,
 * and after a session file is opened, saying whether the recomputed proposals equal the saved ones.
 */
import { useEffect, useState } from 'react';
import { version as appVersion } from '../../../package.json';
import type { AppState } from '../storage/store';
import type { ReportEntry } from '../use-reports';
import { buildSession, compareWithSaved, type SessionFile } from '../lib/session';
import { planEntries } from '../lib/plan-export';
import { downloadText } from '../lib/download';
import { nowMinute } from '../lib/dates';
import { currentReports } from './use-exports';
import type { Say } from './use-messages';

export interface SessionInput {
  state: AppState;
  reports: ReadonlyMap<string, ReportEntry>;
  pending: number;
  today: string;
  flash: (m: string | Say) => void;
}

export function useSession({ state, reports, pending, today, flash }: SessionInput): { saveSession: () => void; sessionOpened: (s: SessionFile) => void } {
  const [savedSession, setSavedSession] = useState<SessionFile | null>(null);

  // After a session file is opened: say whether the recomputed proposals equal the saved ones.
  useEffect(() => {
    if (!savedSession || pending > 0) return;
    const now = new Map([...reports].map(([id, e]) => [id, e.report]));
    const diff = compareWithSaved(savedSession.reports, now);
    const saved = { count: savedSession.reports.length, version: savedSession.appVersion };
    // Said when shown, in the screen's language then.
    flash((tt) => (diff.length ? tt('session.differs', { ns: 'app', count: diff.length, ids: diff.slice(0, 10).join(', ') }) : tt('session.same', { ns: 'app', ...saved })));
    setSavedSession(null);
  }, [savedSession, pending, reports, flash]);

  const saveSession = () => {
    const s = buildSession({
      appVersion, savedAt: nowMinute(), settings: state.clinic, asOfMode: state.asOfMode,
      // a proposal computed on older data is not saved as current (the file says no proposal for it)
      patients: state.patients, reports: state.patients.map((p) => { const e = reports.get(p.id); return e && !e.outdated ? e.report : undefined; }),
      plans: planEntries(state.patients, currentReports(state.patients, reports), today),
    });
    downloadText(`ms-interval-session-${today}.json`, JSON.stringify(s, null, 1), 'application/json');
    const count = state.patients.length;
    flash((tt) => tt('export.sessionDone', { ns: 'app', count }));
  };

  return { saveSession, sessionOpened: setSavedSession };
}
