/**
 * The SMART on FHIR deployment of a build (spec fhir.md, "SMART on FHIR launch"): the JSON file
 * named by the environment variable SMART_CONFIG, `{"clientId", "issuers", "origins"}`.
 *
 * - `issuers`: the allow-list of FHIR base URLs the app may be launched against;
 * - `origins`: extra origins the page may connect to (an authorization server on another host);
 * - the Content-Security-Policy's `connect-src` becomes `'self'` plus exactly the origins of both
 *   lists. Without SMART_CONFIG there is no launch and `connect-src` stays `'self'`.
 *
 * Used by vite.config.ts (node, build time only). A bad file stops the build with a message that
 * names the file, the field and the value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface SmartConfig {
  clientId: string;
  /** FHIR base URLs, as written (trailing slash removed). */
  issuers: string[];
  /** Extra origins (scheme://host[:port]). */
  origins: string[];
}

/** A loopback host: the only hosts allowed over plain http (tests, a developer's machine). */
function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

function url(file: string, field: string, value: unknown): URL {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`SMART_CONFIG ${file}: ${field} ${JSON.stringify(value)} is not a URL: use https://host/path`);
  let u: URL;
  try { u = new URL(value.trim()); } catch { throw new Error(`SMART_CONFIG ${file}: ${field} "${value}" is not a URL: use https://host/path`); }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u.hostname))) {
    throw new Error(`SMART_CONFIG ${file}: ${field} "${value}" must use https (plain http only on 127.0.0.1 or localhost)`);
  }
  if (u.username || u.password || u.search || u.hash) throw new Error(`SMART_CONFIG ${file}: ${field} "${value}" must not carry a user, a query or a fragment`);
  return u;
}

/** Check the parsed JSON of a SMART_CONFIG file; throws with file, field and value. */
export function checkSmartConfig(json: unknown, file: string): SmartConfig {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`SMART_CONFIG ${file}: not a JSON object: use {"clientId": "...", "issuers": ["https://..."], "origins": []}`);
  const o = json as Record<string, unknown>;
  if (typeof o.clientId !== 'string' || !o.clientId.trim()) throw new Error(`SMART_CONFIG ${file}: clientId ${JSON.stringify(o.clientId)} must be the client id the record system registered`);
  if (!Array.isArray(o.issuers) || o.issuers.length === 0) throw new Error(`SMART_CONFIG ${file}: issuers ${JSON.stringify(o.issuers)} must list at least one FHIR base URL`);
  const origins = o.origins === undefined ? [] : o.origins;
  if (!Array.isArray(origins)) throw new Error(`SMART_CONFIG ${file}: origins ${JSON.stringify(o.origins)} must be a list of origins`);
  for (const k of Object.keys(o)) if (!['clientId', 'issuers', 'origins'].includes(k)) throw new Error(`SMART_CONFIG ${file}: unknown field "${k}": use clientId, issuers, origins`);
  const issuers = o.issuers.map((v, i) => { url(file, `issuers[${i}]`, v); return (v as string).trim().replace(/\/+$/, ''); });
  const extra = origins.map((v, i) => {
    const u = url(file, `origins[${i}]`, v);
    if (u.pathname !== '/' && u.pathname !== '') throw new Error(`SMART_CONFIG ${file}: origins[${i}] "${String(v)}" is not an origin: use scheme://host[:port] without a path`);
    return u.origin;
  });
  return { clientId: o.clientId.trim(), issuers, origins: extra };
}

/** Read the file named by `env.SMART_CONFIG` (relative to `cwd`), or null when it is not set. */
export function readSmartConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): SmartConfig | null {
  const name = env.SMART_CONFIG;
  if (!name) return null;
  const file = resolve(cwd, name);
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new Error(`SMART_CONFIG ${file}: cannot be read (${(e as Error).message})`); }
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { throw new Error(`SMART_CONFIG ${file}: not JSON (${(e as Error).message})`); }
  return checkSmartConfig(json, file);
}

/** The sources of `connect-src`: `'self'` plus exactly the origins of issuers and origins (once each, in order). */
export function connectSources(config: SmartConfig | null): string[] {
  const out = ["'self'"];
  if (!config) return out;
  for (const u of [...config.issuers, ...config.origins]) {
    const o = new URL(u).origin;
    if (!out.includes(o)) out.push(o);
  }
  return out;
}

/**
 * The page's policy with `connect-src` set from the config. The policy is written once, in
 * index.html's and launch.html's meta element, with `connect-src 'self'`; this replaces exactly
 * that directive (and fails the build if it is not there, so a policy edit cannot silently drop it).
 */
export function withConnectSrc(html: string, config: SmartConfig | null, page = 'index.html'): string {
  const re = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?)connect-src 'self'(;|")/;
  if (!re.test(html)) throw new Error(`${page}: no Content-Security-Policy meta element with connect-src 'self' to derive the SMART policy from`);
  return html.replace(re, (_m, head: string, end: string) => `${head}connect-src ${connectSources(config).join(' ')}${end}`);
}

/** What the app gets at build time (`__SMART_CONFIG__`): no origins, they only shape the policy. */
export function clientConfig(config: SmartConfig | null): { clientId: string; issuers: string[] } | null {
  return config ? { clientId: config.clientId, issuers: config.issuers } : null;
}
