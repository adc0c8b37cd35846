/**
 * The SMART deployment of a build: SMART_CONFIG checked field by field, the policy's connect-src
 * derived from exactly the issuers' and origins' origins, 'self' only without it; the launch
 * page's allow-list decision.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSmartConfig, clientConfig, connectSources, readSmartConfig, withConnectSrc } from '../../../scripts/smart-config';
import { checkLaunch, isAllowedIssuer, isLaunchReturn, redirectUri, scopesFor } from '../../../src/app/smart/config';

const INDEX = readFileSync('index.html', 'utf8');
const LAUNCH = readFileSync('launch.html', 'utf8');
const cfg = { clientId: 'ms-interval', issuers: ['https://fhir.hospital.example/R4/', 'https://fhir.hospital.example/other'], origins: ['https://login.hospital.example'] };

describe('SMART_CONFIG', () => {
  it('reads the file the variable names; no variable, no config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smart-'));
    writeFileSync(join(dir, 'smart.json'), JSON.stringify(cfg));
    expect(readSmartConfig({ SMART_CONFIG: 'smart.json' }, dir)).toEqual({
      clientId: 'ms-interval', issuers: ['https://fhir.hospital.example/R4', 'https://fhir.hospital.example/other'], origins: ['https://login.hospital.example'],
    });
    expect(readSmartConfig({}, dir)).toBeNull();
    expect(() => readSmartConfig({ SMART_CONFIG: 'missing.json' }, dir)).toThrow(/^SMART_CONFIG .*missing\.json: cannot be read/);
    writeFileSync(join(dir, 'bad.json'), '{"clientId": ');
    expect(() => readSmartConfig({ SMART_CONFIG: 'bad.json' }, dir)).toThrow(/^SMART_CONFIG .*bad\.json: not JSON/);
  });

  it('refuses bad fields, naming file, field and value', () => {
    expect(() => checkSmartConfig({ ...cfg, clientId: '' }, 'f.json')).toThrow('SMART_CONFIG f.json: clientId "" must be the client id the record system registered');
    expect(() => checkSmartConfig({ ...cfg, issuers: [] }, 'f.json')).toThrow('SMART_CONFIG f.json: issuers [] must list at least one FHIR base URL');
    expect(() => checkSmartConfig({ ...cfg, issuers: ['http://fhir.hospital.example/R4'] }, 'f.json'))
      .toThrow('SMART_CONFIG f.json: issuers[0] "http://fhir.hospital.example/R4" must use https (plain http only on 127.0.0.1 or localhost)');
    expect(() => checkSmartConfig({ ...cfg, issuers: ['fhir'] }, 'f.json')).toThrow('SMART_CONFIG f.json: issuers[0] "fhir" is not a URL: use https://host/path');
    expect(() => checkSmartConfig({ ...cfg, origins: ['https://login.hospital.example/path'] }, 'f.json'))
      .toThrow('SMART_CONFIG f.json: origins[0] "https://login.hospital.example/path" is not an origin: use scheme://host[:port] without a path');
    expect(() => checkSmartConfig({ ...cfg, issuer: 'x' }, 'f.json')).toThrow('SMART_CONFIG f.json: unknown field "issuer": use clientId, issuers, origins');
    // loopback over http is allowed (tests, a developer's machine)
    expect(checkSmartConfig({ clientId: 'x', issuers: ['http://127.0.0.1:4301/fhir'] }, 'f.json').origins).toEqual([]);
  });

  it('connect-src is self plus exactly the origins of issuers and origins, once each', () => {
    expect(connectSources(checkSmartConfig(cfg, 'f'))).toEqual(["'self'", 'https://fhir.hospital.example', 'https://login.hospital.example']);
    expect(connectSources(null)).toEqual(["'self'"]);
  });

  it('writes the policy into both pages; without a config the pages are unchanged', () => {
    const c = checkSmartConfig(cfg, 'f');
    for (const html of [INDEX, LAUNCH]) {
      const out = withConnectSrc(html, c);
      const csp = /content="([^"]*)"/.exec(out.split('Content-Security-Policy')[1])![1];
      expect(csp).toContain("connect-src 'self' https://fhir.hospital.example https://login.hospital.example;");
      expect(csp.replace(/connect-src [^;]*;/, '')).toBe(/content="([^"]*)"/.exec(html.split('Content-Security-Policy')[1])![1].replace(/connect-src [^;]*;/, ''));
      expect(withConnectSrc(html, null)).toBe(html);
    }
    expect(() => withConnectSrc('<html></html>', c, 'x.html')).toThrow("x.html: no Content-Security-Policy meta element with connect-src 'self' to derive the SMART policy from");
  });

  it('the app gets the client id and the issuers, not the origins', () => {
    expect(clientConfig(checkSmartConfig(cfg, 'f'))).toEqual({ clientId: 'ms-interval', issuers: ['https://fhir.hospital.example/R4', 'https://fhir.hospital.example/other'] });
    expect(clientConfig(null)).toBeNull();
  });
});

describe('launch page decisions', () => {
  const app = { clientId: 'ms-interval', issuers: ['https://fhir.hospital.example/R4'] };
  it('an issuer on the list, with or without a trailing slash', () => {
    expect(isAllowedIssuer('https://fhir.hospital.example/R4', app.issuers)).toBe(true);
    expect(isAllowedIssuer('https://fhir.hospital.example/R4/', app.issuers)).toBe(true);
    expect(isAllowedIssuer('https://FHIR.hospital.example/R4', app.issuers)).toBe(true);
  });
  it('anything else is refused: another path, host, scheme, port, a look-alike, a query', () => {
    for (const iss of ['https://fhir.hospital.example/R4x', 'https://fhir.hospital.example/R4/sub', 'https://fhir.hospital.example', 'http://fhir.hospital.example/R4',
      'https://fhir.hospital.example:8443/R4', 'https://fhir.hospital.example.evil.example/R4', 'https://evil.example/?https://fhir.hospital.example/R4',
      'https://fhir.hospital.example/R4?x=1', 'https://user@fhir.hospital.example/R4', 'javascript:alert(1)', 'not a url', '']) {
      expect(isAllowedIssuer(iss, app.issuers), iss).toBe(false);
    }
  });
  it('checkLaunch: EHR launch, standalone, refused, missing, unconfigured', () => {
    expect(checkLaunch('?iss=https%3A%2F%2Ffhir.hospital.example%2FR4&launch=abc', app)).toEqual({ ok: true, iss: 'https://fhir.hospital.example/R4', launch: 'abc' });
    expect(checkLaunch('?iss=https://fhir.hospital.example/R4', app)).toEqual({ ok: true, iss: 'https://fhir.hospital.example/R4', launch: null });
    expect(checkLaunch('?iss=https://evil.example/R4&launch=abc', app)).toEqual({ ok: false, reason: 'notAllowed', iss: 'https://evil.example/R4' });
    expect(checkLaunch('?launch=abc', app)).toEqual({ ok: false, reason: 'noIss' });
    expect(checkLaunch('?iss=https://fhir.hospital.example/R4', null)).toEqual({ ok: false, reason: 'noConfig' });
  });
  it('scopes as the spec lists them', () => {
    expect(scopesFor(true)).toBe('launch openid fhirUser patient/Patient.read patient/Observation.read patient/MedicationAdministration.read patient/MedicationRequest.write patient/DocumentReference.write patient/Provenance.write');
    expect(scopesFor(false).split(' ')[0]).toBe('launch/patient');
    expect(scopesFor(false).split(' ').slice(1)).toEqual(scopesFor(true).split(' ').slice(1));
  });
  it('returns to index.html beside launch.html; a return is recognised only with a config', () => {
    expect(redirectUri('https://apps.hospital.example/ms-interval/launch.html?iss=x&launch=y')).toBe('https://apps.hospital.example/ms-interval/index.html');
    expect(isLaunchReturn('?code=c&state=s', app)).toBe(true);
    expect(isLaunchReturn('?error=access_denied&state=s', app)).toBe(true);
    expect(isLaunchReturn('?code=c', app)).toBe(false);
    expect(isLaunchReturn('?code=c&state=s', null)).toBe(false);
  });
});
