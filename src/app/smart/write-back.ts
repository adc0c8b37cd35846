/**
 * "Write to the record": the proposal's MedicationRequest, DocumentReference and Provenance,
 * one POST each, in that order (the Provenance names the other two by their server ids).
 *
 * Nothing is written twice:
 * - what the server created is remembered (`Written`) and skipped on a retry, so a failure half
 *   way (the DocumentReference refused after the MedicationRequest was created) retries only
 *   what is missing;
 * - each POST is a conditional create (`If-None-Exist`): the MedicationRequest and the
 *   DocumentReference carry an identifier derived from the proposal (`urn:ms-interval:proposal`),
 *   the Provenance is looked up by its target; a server that already holds it (a retry after a
 *   lost answer, a second tab, a reload and a new launch) returns it instead of creating another.
 */
import type { Failure } from './errors';
import { classify } from './errors';

/** The identifier system of what the app writes (the value: proposal key + resource). */
export const WRITE_SYSTEM = 'urn:ms-interval:proposal';

export type FhirJson = { resourceType: string; id?: string; [k: string]: unknown };

/** The core's three resources of a proposal (src/core/fhir/write.ts), the Provenance built for its targets. */
export interface ProposalResources {
  medicationRequest: FhirJson;
  documentReference: FhirJson;
  provenance: (targets: string[]) => FhirJson;
}

/** Server ids of what was written for one proposal key. */
export interface Written {
  key: string;
  MedicationRequest?: string;
  DocumentReference?: string;
  Provenance?: string;
}

/** The server: a conditional create. Resolves with the resource the server holds (new or found). */
export type CreateFn = (resource: FhirJson, ifNoneExist: string) => Promise<FhirJson>;

export type WriteOutcome = { ok: true; written: Written } | { ok: false; written: Written; failure: Failure; failedOn: string };

function withIdentifier(r: FhirJson, value: string): FhirJson {
  const ids = Array.isArray(r.identifier) ? (r.identifier as { system?: string }[]).filter((i) => i.system !== WRITE_SYSTEM) : [];
  return { ...r, identifier: [...ids, { system: WRITE_SYSTEM, value }] };
}

/**
 * Write what is missing of `written` (same key) and return what is written now. The resources
 * refer to the patient by its server reference (`Patient/123`). `tokenExpired` tells a 401 after
 * the token's end from another 401.
 */
export async function writeBack(res: ProposalResources, key: string, create: CreateFn,
  before: Written | null, tokenExpired: () => boolean = () => false): Promise<WriteOutcome> {
  const written: Written = before && before.key === key ? { ...before } : { key };
  const step = async (type: 'MedicationRequest' | 'DocumentReference' | 'Provenance', build: () => { resource: FhirJson; ifNoneExist: string }) => {
    if (written[type]) return;
    const { resource, ifNoneExist } = build();
    const out = await create(resource, ifNoneExist);
    if (!out.id) throw new Error(`the server answered without an id for the ${type}`);
    written[type] = out.id;
  };
  let current = 'MedicationRequest';
  try {
    const strip = (r: FhirJson): FhirJson => { const { id: _id, ...rest } = r; return rest as FhirJson; };
    await step('MedicationRequest', () => {
      const value = `${key}-medication-request`;
      return { resource: withIdentifier(strip(res.medicationRequest), value), ifNoneExist: `identifier=${WRITE_SYSTEM}|${value}` };
    });
    current = 'DocumentReference';
    await step('DocumentReference', () => {
      const value = `${key}-document-reference`;
      return { resource: withIdentifier(strip(res.documentReference), value), ifNoneExist: `identifier=${WRITE_SYSTEM}|${value}` };
    });
    current = 'Provenance';
    await step('Provenance', () => {
      const mr = `MedicationRequest/${written.MedicationRequest}`;
      const dr = `DocumentReference/${written.DocumentReference}`;
      return { resource: strip(res.provenance([mr, dr])), ifNoneExist: `target=${mr}` };
    });
    return { ok: true, written };
  } catch (e) {
    return { ok: false, written, failure: classify(e, tokenExpired()), failedOn: current };
  }
}
