/**
 * Navigation: where the page is (the address's hash), and today's date as the app's clock gives it.
 * A patient is named in the address by its internal key (its `seq`), never by its id: no patient id
 * in the URL or the browser's history.
 */
import { useCallback, useEffect, useState } from 'react';
import { todayIso } from '../lib/dates';
import type { StoredPatient } from '../storage/db';
import type { Store } from '../storage/store';

/** Where the page is. */
export type Route = { page: 'planning'; key: string | null } | { page: 'settings' } | { page: 'day' } | { page: 'changes' } | { page: 'outcomes' } | { page: 'track' };
/** Where to go; a patient by its id (turned into its key). */
export type Target = { page: 'planning'; patient: string | null } | { page: 'settings' } | { page: 'day' } | { page: 'changes' } | { page: 'outcomes' } | { page: 'track' };

function readHash(): Route {
  const h = location.hash;
  if (h.startsWith('#/settings')) return { page: 'settings' };
  if (h.startsWith('#/day')) return { page: 'day' };
  if (h.startsWith('#/changes')) return { page: 'changes' };
  if (h.startsWith('#/outcomes')) return { page: 'outcomes' };
  if (h.startsWith('#/track')) return { page: 'track' };
  const m = /^#\/p\/(\d+)$/.exec(h);
  // An address of an older version (#/patient/<id>) is dropped from the address bar.
  if (h.startsWith('#/patient/')) history.replaceState(null, '', '#/');
  return { page: 'planning', key: m ? m[1] : null };
}

function hashOf(r: Route): string {
  if (r.page === 'planning') return r.key !== null ? `#/p/${r.key}` : '#/';
  return `#/${r.page}`;
}

function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(readHash);
  useEffect(() => {
    const on = () => setRoute(readHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const go = useCallback((r: Route) => {
    const hash = hashOf(r);
    if (location.hash !== hash) history.pushState(null, '', hash);
    setRoute(r);
  }, []);
  return [route, go];
}

/** The route, a way to go elsewhere (a patient named by its id), and the id of the open patient. */
export function useNavigation(store: Store, patients: readonly StoredPatient[]): { route: Route; go: (t: Target) => void; selectedId: string | null } {
  const [route, setRoute] = useRoute();
  const go = useCallback((r: Target) => {
    if (r.page !== 'planning') { setRoute(r); return; }
    const p = r.patient === null ? undefined : store.getState().patients.find((x) => x.id === r.patient);
    setRoute({ page: 'planning', key: p ? String(p.seq) : null });
  }, [setRoute, store]);
  const selectedId = route.page === 'planning' && route.key !== null ? patients.find((p) => String(p.seq) === route.key)?.id ?? null : null;
  return { route, go, selectedId };
}

/** Today's date, refreshed every minute (so at midnight) and when the tab becomes visible. */
export function useToday(): string {
  const [today, setToday] = useState(() => todayIso());
  useEffect(() => {
    const tick = () => setToday(todayIso());
    const id = setInterval(tick, 60_000);
    document.addEventListener('visibilitychange', tick);
    return () => { clearInterval(id); document.removeEventListener('visibilitychange', tick); };
  }, []);
  return today;
}

/** After closing a patient, keyboard focus goes back to its line in the list (not lost to the page). */
export function focusListEntry(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-patient-id="${CSS.escape(id)}"] a`)?.focus());
}
