/**
 * Write-back: three conditional creates in order, the Provenance naming the other two by their
 * server ids; a failure half way keeps what was written and a retry writes only the rest; the
 * same proposal is never created twice (memory, then If-None-Exist); failures sorted and said.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { writeBack, WRITE_SYSTEM, type FhirJson, type ProposalResources } from '../../../src/app/smart/write-back';
import { classify, failureSentence, outcomeText } from '../../../src/app/smart/errors';
import smartEn from '../../../src/i18n/app/smart-en';
import smartNl from '../../../src/i18n/app/smart-nl';

const res: ProposalResources = {
  medicationRequest: { resourceType: 'MedicationRequest', id: 'x', status: 'draft', intent: 'proposal', subject: { reference: 'Patient/p1' } },
  documentReference: { resourceType: 'DocumentReference', status: 'current', subject: { reference: 'Patient/p1' } },
  provenance: (targets) => ({ resourceType: 'Provenance', target: targets.map((reference) => ({ reference })), recorded: '2026-01-01T00:00:00Z' }),
};

/** A server of conditional creates: resources by type, found again by their If-None-Exist. */
function server() {
  const held: { resource: FhirJson; query: string }[] = [];
  let n = 0;
  const fail = new Map<string, unknown>();
  const calls: string[] = [];
  const create = async (resource: FhirJson, ifNoneExist: string) => {
    calls.push(resource.resourceType);
    const f = fail.get(resource.resourceType);
    if (f) { fail.delete(resource.resourceType); throw f; }
    const found = held.find((h) => h.resource.resourceType === resource.resourceType && h.query === ifNoneExist);
    if (found) return found.resource;
    const r = { ...resource, id: `${resource.resourceType}-${++n}` };
    held.push({ resource: r, query: ifNoneExist });
    return r;
  };
  return { held, create, fail, calls };
}

const httpError = (status: number, body: unknown) => Object.assign(new Error(`${status} X\nURL: http://s/fhir/DocumentReference\n\n${JSON.stringify(body, null, 4)}`), { name: 'HttpError', status });

describe('writeBack', () => {
  it('writes the three in order, the Provenance naming the other two by server id, an identifier per proposal', async () => {
    const s = server();
    const out = await writeBack(res, 'k1', s.create, null);
    expect(out).toEqual({ ok: true, written: { key: 'k1', MedicationRequest: 'MedicationRequest-1', DocumentReference: 'DocumentReference-2', Provenance: 'Provenance-3' } });
    const [mr, dr, prov] = s.held.map((h) => h.resource);
    expect(mr.id).toBe('MedicationRequest-1'); // the built id is not sent
    expect(mr.subject).toEqual({ reference: 'Patient/p1' });
    expect(mr.identifier).toEqual([{ system: WRITE_SYSTEM, value: 'k1-medication-request' }]);
    expect(s.held[0].query).toBe(`identifier=${WRITE_SYSTEM}|k1-medication-request`);
    expect(dr.subject).toEqual({ reference: 'Patient/p1' });
    expect(dr.identifier).toEqual([{ system: WRITE_SYSTEM, value: 'k1-document-reference' }]);
    expect(prov.target).toEqual([{ reference: 'MedicationRequest/MedicationRequest-1' }, { reference: 'DocumentReference/DocumentReference-2' }]);
    expect(s.held[2].query).toBe('target=MedicationRequest/MedicationRequest-1');
  });

  it('a refusal half way keeps what was written; the retry writes only the rest', async () => {
    const s = server();
    s.fail.set('DocumentReference', httpError(422, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'business-rule', diagnostics: 'notes need a signer' }] }));
    const first = await writeBack(res, 'k1', s.create, null);
    expect(first).toEqual({ ok: false, written: { key: 'k1', MedicationRequest: 'MedicationRequest-1' }, failedOn: 'DocumentReference', failure: { kind: 'refused', status: 422, detail: 'notes need a signer' } });
    const second = await writeBack(res, 'k1', s.create, first.written);
    expect(second.ok).toBe(true);
    expect(s.calls).toEqual(['MedicationRequest', 'DocumentReference', 'DocumentReference', 'Provenance']);
    expect(s.held.map((h) => h.resource.resourceType)).toEqual(['MedicationRequest', 'DocumentReference', 'Provenance']);
  });

  it('the same proposal again: nothing new on the server, even with nothing remembered (If-None-Exist)', async () => {
    const s = server();
    const a = await writeBack(res, 'k1', s.create, null);
    const b = await writeBack(res, 'k1', s.create, null);
    expect(b).toEqual(a);
    expect(s.held).toHaveLength(3);
    // remembered: not even asked
    const calls = s.calls.length;
    await writeBack(res, 'k1', s.create, a.written);
    expect(s.calls.length).toBe(calls);
    // another proposal (new key) is written anew
    await writeBack(res, 'k2', s.create, a.written);
    expect(s.held).toHaveLength(6);
  });

  it('sorts failures: down, 401 (expired or not), 403, 4xx, 5xx', async () => {
    const s = server();
    s.fail.set('MedicationRequest', new TypeError('Failed to fetch'));
    expect(await writeBack(res, 'k', s.create, null)).toMatchObject({ ok: false, failedOn: 'MedicationRequest', failure: { kind: 'network' }, written: { key: 'k' } });
    s.fail.set('MedicationRequest', httpError(401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: 'access token expired' }] }));
    expect(await writeBack(res, 'k', s.create, null, () => true)).toMatchObject({ failure: { kind: 'expired', status: 401, detail: 'access token expired' } });
    // fhirclient adds its own English hint after the body of a 401: not shown
    s.fail.set('MedicationRequest', Object.assign(httpError(401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: 'bad token' }] }), { message: `${httpError(401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: 'bad token' }] }).message}\nSession expired! Please re-launch the app` }));
    expect((await writeBack(res, 'k', s.create, null, () => false) as { failure: unknown }).failure).toEqual({ kind: 'unauthorized', status: 401, detail: 'bad token' });
    s.fail.set('MedicationRequest', httpError(401, {}));
    expect((await writeBack(res, 'k', s.create, null, () => false) as { failure: unknown }).failure).toEqual({ kind: 'unauthorized', status: 401 });
    s.fail.set('MedicationRequest', httpError(403, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', details: { text: 'no write scope' } }] }));
    expect(await writeBack(res, 'k', s.create, null)).toMatchObject({ failure: { kind: 'forbidden', status: 403, detail: 'no write scope' } });
    s.fail.set('MedicationRequest', httpError(503, 'busy'));
    expect(await writeBack(res, 'k', s.create, null)).toMatchObject({ failure: { kind: 'server', status: 503 } });
    expect(s.held).toHaveLength(0);
  });
});

describe('failures in words', () => {
  const t = i18next.createInstance();
  void t.init({ resources: { en: { smart: smartEn }, nl: { smart: smartNl } }, lng: 'en', ns: ['smart'], defaultNS: 'smart', initAsync: false, interpolation: { escapeValue: false } });
  it('English and Dutch, with what the server said', () => {
    const f = classify(httpError(403, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'no write scope' }] }));
    expect(failureSentence(f, t.getFixedT('en'))).toBe('The record refused: this user or app is not allowed to do this (403). The server said: “no write scope”.');
    expect(failureSentence(f, t.getFixedT('nl'))).toBe('Het dossier weigerde: deze gebruiker of app mag dit niet (403). De server meldde: ‘no write scope’.');
    expect(failureSentence(classify(new TypeError('Failed to fetch')), t.getFixedT('en'))).toBe('The record server could not be reached (it may be down, or the connection was lost).');
    expect(failureSentence({ kind: 'refused', status: 422 }, t.getFixedT('en'))).toBe('The record refused the data (422).');
  });
  it('reads OperationOutcome and OAuth error bodies', () => {
    expect(outcomeText({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'a' }, { details: { text: 'b' } }, { code: 'c' }] })).toBe('a; b; c');
    expect(outcomeText({ error: 'invalid_grant', error_description: 'code used' })).toBe('invalid_grant: code used');
    expect(outcomeText('x')).toBeUndefined();
  });
  it('every key in both languages', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(smartNl).sort()).toEqual(keys(smartEn).sort());
  });
});
