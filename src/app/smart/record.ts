/**
 * The launched session with the record: complete the authorization (fhirclient), read the one
 * patient's resources (following `next` links of paged searches), and create resources.
 *
 * fhirclient keeps its OAuth state (PKCE verifier, then the token response, which names the
 * patient) in sessionStorage under `SMART_KEY` and a random key. Once the launch is complete
 * that state is removed and the client is told not to write it back (it would on a token
 * refresh): the session lives in this page's memory only, a reload ends it.
 */
import type Client from 'fhirclient/lib/Client';
import type { CreateFn, FhirJson } from './write-back';

export const SMART_KEY = 'SMART_KEY';

/** Remove fhirclient's OAuth state from sessionStorage (the key it names, then the key itself). */
export function clearOAuthState(storage: Storage = sessionStorage): void {
  try {
    const raw = storage.getItem(SMART_KEY);
    if (raw) {
      let key: unknown = raw;
      try { key = JSON.parse(raw); } catch { /* stored unquoted */ }
      if (typeof key === 'string') storage.removeItem(key);
    }
    storage.removeItem(SMART_KEY);
  } catch { /* storage blocked: nothing stored either */ }
}

/** Finish the launch (exchange the code for a token) and forget the OAuth state in storage. */
export async function completeLaunch(): Promise<Client> {
  const { default: FHIR } = await import('fhirclient');
  try {
    const client = await FHIR.oauth2.ready();
    // Without a key the client keeps a refreshed token in memory instead of writing it to sessionStorage.
    delete (client.state as { key?: string }).key;
    return client;
  } finally {
    clearOAuthState();
  }
}

/** Whether the access token's lifetime has passed (a 401 then means "expired"). */
export function tokenExpired(client: Client, nowMs: number = Date.now()): boolean {
  const at = client.state.expiresAt;
  return typeof at === 'number' && at * 1000 <= nowMs;
}

export interface ReadResult {
  patientId: string;
  resources: FhirJson[];
  /** Search pages read (first pages + every `next` followed). */
  pages: number;
}

interface SearchPage {
  resourceType?: string;
  entry?: { resource?: FhirJson; search?: { mode?: string } }[];
  link?: { relation?: string; url?: string }[];
}

/**
 * Every resource of a search, following `next` links page by page. Written here rather than with
 * fhirclient's `pageLimit`, so the pages are counted and a `next` that points off the server is
 * refused (a page of another server is not this patient's record).
 */
async function searchAll(client: Client, first: string, onPage: () => void): Promise<FhirJson[]> {
  const out: FhirJson[] = [];
  const base = client.state.serverUrl.replace(/\/+$/, '');
  let url: string | undefined = first;
  const seen = new Set<string>();
  while (url) {
    if (seen.has(url)) break; // a server that links a page to itself
    seen.add(url);
    const bundle: SearchPage = await client.request<SearchPage>(url);
    onPage();
    for (const e of bundle.entry ?? []) if (e.resource && e.search?.mode !== 'outcome') out.push(e.resource);
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    if (next && !(next === base || next.startsWith(`${base}/`) || next.startsWith(`${base}?`) || !/^[a-z]+:/i.test(next))) {
      throw new Error(`a next link points away from the record server: ${next}`);
    }
    url = next;
  }
  return out;
}

/**
 * The launched patient's Patient, Observations (only the codes given, as `system|code`, with the
 * Specimens they name) and MedicationAdministrations.
 */
export async function readPatient(client: Client, observationCodes: string[], onProgress: (pages: number) => void = () => undefined): Promise<ReadResult> {
  const patientId = client.patient.id;
  if (!patientId) throw new Error('the record named no patient in the launch (no patient context)');
  let pages = 0;
  const page = () => { pages++; onProgress(pages); };
  const patient = await client.request<FhirJson>(`Patient/${encodeURIComponent(patientId)}`);
  const codes = observationCodes.length ? `&code=${observationCodes.map(encodeURIComponent).join(',')}` : '';
  const [obs, mas] = await Promise.all([
    // A capillary level names its Specimen: asked for in the same search (there is no Specimen.read scope).
    searchAll(client, `Observation?patient=${encodeURIComponent(patientId)}${codes}&_include=${encodeURIComponent('Observation:specimen')}`, page),
    searchAll(client, `MedicationAdministration?patient=${encodeURIComponent(patientId)}`, page),
  ]);
  return { patientId, resources: [patient, ...obs, ...mas], pages };
}

/** A conditional create through the client (its token, its refresh). */
export function creator(client: Client): CreateFn {
  return (resource, ifNoneExist) => client.request<FhirJson>({
    url: resource.resourceType,
    method: 'POST',
    body: JSON.stringify(resource),
    headers: { 'content-type': 'application/fhir+json', 'if-none-exist': ifNoneExist },
  });
}
