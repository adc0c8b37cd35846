/**
 * The SMART on FHIR deployment compiled into this build (vite.config.ts reads SMART_CONFIG,
 * scripts/smart-config.ts): the client id and the allow-list of FHIR servers (issuers). Null
 * when the build has no SMART_CONFIG: then there is no launch.
 */
declare const __SMART_CONFIG__: { clientId: string; issuers: string[] } | null;

export interface SmartClientConfig {
  clientId: string;
  issuers: string[];
}

export const SMART: SmartClientConfig | null = typeof __SMART_CONFIG__ === 'undefined' ? null : __SMART_CONFIG__;

/** The scopes asked (spec fhir.md): `launch` (EHR launch) or `launch/patient` (standalone), then the rest. */
export const SMART_SCOPES = 'openid fhirUser patient/Patient.read patient/Observation.read patient/MedicationAdministration.read '
  + 'patient/MedicationRequest.write patient/DocumentReference.write patient/Provenance.write';

export function scopesFor(ehrLaunch: boolean): string {
  return `${ehrLaunch ? 'launch' : 'launch/patient'} ${SMART_SCOPES}`;
}

/** A FHIR base URL compared on origin and path, a trailing slash ignored; null when it is not an http(s) URL. */
function normal(u: string): string | null {
  let url: URL;
  try { url = new URL(u.trim()); } catch { return null; }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Whether `iss` is on the allow-list: the same origin and path as one of `issuers` (nothing else is sent a request). */
export function isAllowedIssuer(iss: string, issuers: readonly string[]): boolean {
  const n = normal(iss);
  return n !== null && issuers.some((i) => normal(i) === n);
}

/** The page a launch returns to: the app's index.html beside launch.html. */
export function redirectUri(launchPage: string): string {
  return new URL('index.html', launchPage).href;
}

/** Whether this page load is the return of a SMART authorization (the app then shows the launched patient). */
export function isLaunchReturn(search: string, config: SmartClientConfig | null = SMART): boolean {
  if (!config) return false;
  const p = new URLSearchParams(search);
  return p.has('state') && (p.has('code') || p.has('error'));
}

export type LaunchCheck =
  | { ok: true; iss: string; launch: string | null }
  | { ok: false; reason: 'noConfig' | 'noIss' } | { ok: false; reason: 'notAllowed'; iss: string };

/** What the launch page does with its query, before any request. */
export function checkLaunch(search: string, config: SmartClientConfig | null): LaunchCheck {
  if (!config) return { ok: false, reason: 'noConfig' };
  const p = new URLSearchParams(search);
  const iss = p.get('iss')?.trim();
  if (!iss) return { ok: false, reason: 'noIss' };
  if (!isAllowedIssuer(iss, config.issuers)) return { ok: false, reason: 'notAllowed', iss };
  return { ok: true, iss, launch: p.get('launch') };
}
