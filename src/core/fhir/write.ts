/**
 * Writing records and proposals as FHIR R4 (spec/fhir.md): one Bundle of type `collection` with,
 * per patient, a Patient carrying only the pseudonymous identifier, every record row as a resource
 * (UCUM units, zone offsets, the laboratory category on lab results, `comparator` `<` for a
 * censored result), and for each proposal a MedicationRequest (`proposal`, or `plan` for a
 * clinician's recorded choice), a DocumentReference with the proposal in plain text, and a
 * Provenance naming both, the app and the model. Entries are linked by `urn:uuid:` fullUrls.
 *
 * Pure: the caller passes the time (`now`) and the clinic's time zone; identifiers are derived
 * from `idSeed` (deterministic) unless the caller passes `newId` (the app: crypto.randomUUID).
 */
import type { DoseEvent, Observation, PatientRecord, WearingOffEvent, WeightEvent } from '../types';
import type { PatientError, PatientReport } from '../report/types';
import { fromCanonicalBcell, fromCanonicalLevel } from '../records/units';
import { CSV_TO_UCUM, SYSTEM, codeFor, type Coding, type LocalCodes } from './codes';
import { instantToFhir, toFhirDateTime } from './zone';
import { addMinutes } from '../time';
import { noteText, proposalText, type FhirChoice } from './text';
import type { CatalogLang } from '../../i18n/catalog';

/** A FHIR resource as plain JSON. */
export type FhirResource = { resourceType: string } & Record<string, unknown>;
export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp?: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

export interface FhirWriteOptions {
  /** IANA zone of the clinic's wall clock (the records' times). */
  timeZone: string;
  /** Now, ms since 1970 UTC: Bundle.timestamp, MedicationRequest.authoredOn, DocumentReference.date, Provenance.recorded. */
  now: number;
  /** This app's version, for the Device "MS Interval <version>". */
  appVersion: string;
  /** A new `urn:uuid:` id (without the prefix). Default: derived from `idSeed`, deterministic. */
  newId?: () => string;
  /** Seed of the default ids. @default String(now) */
  idSeed?: string;
  /** The clinic's local codes: written as extra codings beside the standard code. */
  localCodes?: LocalCodes;
  /**
   * The language of the proposal's texts (the DocumentReference's text, description, title and
   * `attachment.language`; the MedicationRequest's `note` and `dosageInstruction.text`; the
   * Provenance's model display): the screen's in the app. Codes keep their code systems' displays.
   * @default 'en' (the command line's)
   */
  lang?: CatalogLang;
}

/** A UUID-shaped id from a seed and a counter (FNV-1a over four lanes; version nibble 8 = custom). */
export function seededIds(seed: string): () => string {
  let n = 0;
  return () => {
    const text = `${seed}|${n++}`;
    let hex = '';
    for (let lane = 0; lane < 4; lane++) {
      let h = 0x811c9dc5 ^ (lane * 0x9e3779b1);
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
      }
      h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d); h ^= h >>> 12; h = Math.imul(h, 0x297a2d39); h ^= h >>> 15;
      hex += (h >>> 0).toString(16).padStart(8, '0');
    }
    const v = '89ab'[parseInt(hex[16], 16) & 3];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${v}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 text as base64 (no DOM, no Buffer: the core runs in the browser, a worker and Node). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (b === undefined ? '=' : B64[(n >> 6) & 63]) + (c === undefined ? '=' : B64[n & 63]);
  }
  return out;
}

const ucumQuantity = (value: number, ucum: string) => ({ value, unit: ucum, system: SYSTEM.ucum, code: ucum });
const concept = (c: Coding & { display?: string }, extra: Coding[] = []) => ({
  coding: [{ system: c.system, code: c.code, ...(c.display ? { display: c.display } : {}) }, ...extra.map((x) => ({ system: x.system, code: x.code }))],
  ...(c.display ? { text: c.display } : {}),
});
const category = (role: 'category-laboratory' | 'category-vital-signs') => [concept(codeFor(role))];

/** The value of a result as the lab gave it, in the unit it gave it (a censored one: its limit). */
function resultNumber(o: Observation): number {
  const text = o.raw.replace(/^</, '').trim().replace(',', '.');
  const n = Number(text);
  if (text !== '' && Number.isFinite(n) && n > 0) return n;
  // A count written 0 is censored at the lab's limit (its canonical value).
  return o.kind === 'level' ? fromCanonicalLevel(o.value, o.unit) : fromCanonicalBcell(o.value, o.unit);
}

function noteOf(e: { note?: string }): Record<string, unknown> {
  return e.note !== undefined && e.note !== '' ? { note: [{ text: e.note }] } : {};
}

interface Ctx { opts: FhirWriteOptions; id: () => string; entries: FhirBundle['entry'] }

function add(ctx: Ctx, resource: FhirResource): string {
  const url = `urn:uuid:${ctx.id()}`;
  ctx.entries.push({ fullUrl: url, resource });
  return url;
}

/** The Patient resource: only the pseudonymous identifier (no name, no birth date). */
export function patientResource(patientId: string): FhirResource {
  return { resourceType: 'Patient', identifier: [{ system: SYSTEM.patientId, value: patientId }] };
}

function doseResource(p: PatientRecord, d: DoseEvent, subject: string, opts: FhirWriteOptions): FhirResource {
  const start = toFhirDateTime(d.iso, opts.timeZone);
  // An SC injection without a length is a moment; an infusion a period (also 0 min, so a length given as 0 reads back).
  const effective = d.route === 'sc' && d.durationMin === 0
    ? { effectiveDateTime: start }
    : { effectivePeriod: { start, end: toFhirDateTime(addMinutes(d.iso, d.durationMin), opts.timeZone) } };
  const drug = codeFor(p.drug);
  return {
    resourceType: 'MedicationAdministration',
    status: 'completed',
    medicationCodeableConcept: concept(drug, opts.localCodes?.[p.drug] ?? []),
    subject: { reference: subject },
    ...effective,
    ...noteOf(d),
    dosage: {
      route: concept(codeFor(d.route === 'sc' ? 'route-sc' : 'route-iv')),
      dose: ucumQuantity(d.amountMg, 'mg'),
    },
  };
}

function resultResource(o: Observation, subject: string, specimen: string | undefined, opts: FhirWriteOptions): FhirResource {
  const role = o.kind === 'level' ? 'level' : 'bcell';
  const ucum = CSV_TO_UCUM[o.unit] ?? (o.kind === 'level' ? 'ug/mL' : '/uL');
  const value = resultNumber(o);
  return {
    resourceType: 'Observation',
    status: 'final',
    category: category('category-laboratory'),
    code: concept(codeFor(role), opts.localCodes?.[role] ?? []),
    subject: { reference: subject },
    effectiveDateTime: toFhirDateTime(o.iso, opts.timeZone),
    valueQuantity: { ...(o.censored ? { comparator: '<' } : {}), ...ucumQuantity(value, ucum) },
    ...(specimen ? { specimen: { reference: specimen } } : {}),
    ...noteOf(o),
  };
}

function weightResource(w: WeightEvent, subject: string, opts: FhirWriteOptions): FhirResource {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: category('category-vital-signs'),
    code: concept(codeFor('weight')),
    subject: { reference: subject },
    effectiveDateTime: toFhirDateTime(w.iso, opts.timeZone),
    valueQuantity: ucumQuantity(w.kg, 'kg'),
    ...noteOf(w),
  };
}

function wearingOffResource(w: WearingOffEvent, subject: string, opts: FhirWriteOptions): FhirResource {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [concept(codeFor('category-survey'))],
    code: concept(codeFor('wearing_off')),
    subject: { reference: subject },
    effectiveDateTime: toFhirDateTime(w.iso, opts.timeZone),
    valueInteger: w.score,
    ...noteOf(w),
  };
}

/** The three resources written for one proposal (the Provenance's targets given by the caller). */
export interface ProposalResources {
  medicationRequest: FhirResource;
  documentReference: FhirResource;
  /** The Provenance naming `targets` (in a Bundle the urn:uuid of the two above; on a server their ids). */
  provenance: (targets: string[]) => FhirResource;
  /** The note's text (what `documentReference` carries in base64). */
  text: string;
}

/**
 * The MedicationRequest, DocumentReference and Provenance of one patient's proposal, referring to
 * the patient as `subject` (`urn:uuid:…` in a Bundle, `Patient/123` on a server). A `choice` is
 * written as the plan (`intent` `plan`, its reason in `reasonCode.text`).
 */
export function proposalResources(report: PatientReport, subject: string, opts: FhirWriteOptions, choice?: FhirChoice): ProposalResources {
  const now = instantToFhir(opts.now, opts.timeZone);
  const drug = codeFor(report.drug);
  const nextDose = choice?.nextDose ?? report.proposal.nextDose;
  const lastRoute = report.doses.length && report.drug === 'natalizumab' ? report.doses[report.doses.length - 1].route : 'iv';
  const weeks = report.drug === 'natalizumab' ? choice?.intervalWeeks ?? report.proposal.intervalWeeks : undefined;
  const mg = report.drug === 'natalizumab' ? 300 : 600;
  const lang = opts.lang ?? 'en';
  const text = proposalText(report, opts.appVersion, choice, lang);
  const modelLine = noteText('model-line', { name: report.model.name, id: report.model.id, version: report.model.version }, lang);
  const medicationRequest: FhirResource = {
    resourceType: 'MedicationRequest',
    status: 'draft',
    intent: choice ? 'plan' : 'proposal',
    medicationCodeableConcept: concept(drug, opts.localCodes?.[report.drug] ?? []),
    subject: { reference: subject },
    authoredOn: now,
    ...(choice ? { reasonCode: [{ text: choice.reason }] } : {}),
    note: [{ text: noteText(choice ? 'request-note.chosen' : 'request-note.proposed', { app: opts.appVersion, model: modelLine, asOf: report.asOf }, lang) }],
    dosageInstruction: [{
      text: noteText(report.drug === 'natalizumab' ? `dosage.natalizumab-${lastRoute === 'sc' ? 'sc' : 'iv'}` : 'dosage.ocrelizumab', { drug: report.drug, mg, nextDose, weeks }, lang),
      timing: {
        event: [nextDose],
        ...(weeks !== undefined ? { repeat: { period: weeks, periodUnit: 'wk' } } : {}),
      },
      route: concept(codeFor(lastRoute === 'sc' ? 'route-sc' : 'route-iv')),
      doseAndRate: [{ doseQuantity: ucumQuantity(mg, 'mg') }],
    }],
  };
  const documentReference: FhirResource = {
    resourceType: 'DocumentReference',
    status: 'current',
    docStatus: 'preliminary',
    type: concept(codeFor('plan-note')),
    subject: { reference: subject },
    date: now,
    description: noteText('description', { drug: report.drug, nextDose }, lang),
    content: [{
      attachment: {
        contentType: 'text/plain; charset=utf-8',
        language: lang,
        data: base64Utf8(text),
        title: noteText('title', { patient: report.patientId, asOf: report.asOf }, lang),
        creation: now,
      },
    }],
  };
  const provenance = (targets: string[]): FhirResource => ({
    resourceType: 'Provenance',
    target: targets.map((reference) => ({ reference })),
    recorded: now,
    agent: [{
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'assembler', display: 'Assembler' }] },
      who: { type: 'Device', display: `MS Interval ${opts.appVersion}` },
    }],
    entity: [{
      role: 'derivation',
      what: { identifier: { system: SYSTEM.model, value: `${report.model.id}@${report.model.version}` }, display: noteText('provenance-model', { model: modelLine }, lang) },
    }],
  });
  return { medicationRequest, documentReference, provenance, text };
}

/**
 * Records (and, per patient, its report and the clinician's recorded choice, when any) as one
 * Bundle of type `collection`. A patient whose report is an error keeps its records and gets no
 * proposal resources.
 */
export function recordsToBundle(
  patients: readonly PatientRecord[],
  reports: ReadonlyMap<string, PatientReport | PatientError>,
  opts: FhirWriteOptions,
  choices: ReadonlyMap<string, FhirChoice> = new Map(),
): FhirBundle {
  const ctx: Ctx = { opts, id: opts.newId ?? seededIds(opts.idSeed ?? String(opts.now)), entries: [] };
  for (const p of [...patients].sort((a, b) => a.order - b.order)) {
    const subject = add(ctx, patientResource(p.id));
    for (const w of p.weights) add(ctx, weightResource(w, subject, opts));
    for (const w of p.wearingOff ?? []) add(ctx, wearingOffResource(w, subject, opts));
    // Doses and results in time order (a result at a dose's time was drawn before it).
    const timeline: (DoseEvent | Observation)[] = [...p.levels, ...p.bcells, ...p.doses].sort((a, b) => a.time - b.time || (a.kind === 'dose' ? 1 : 0) - (b.kind === 'dose' ? 1 : 0));
    for (const e of timeline) {
      if (e.kind === 'dose') { add(ctx, doseResource(p, e, subject, opts)); continue; }
      let specimen: string | undefined;
      if (e.kind === 'level' && e.sample === 'capillary') {
        specimen = add(ctx, {
          resourceType: 'Specimen',
          type: concept(codeFor('sample-capillary')),
          subject: { reference: subject },
          collection: { collectedDateTime: toFhirDateTime(e.iso, opts.timeZone) },
        });
      }
      add(ctx, resultResource(e, subject, specimen, opts));
    }
    const report = reports.get(p.id);
    if (!report || 'error' in report) continue;
    const r = proposalResources(report, subject, opts, choices.get(p.id));
    const mr = add(ctx, r.medicationRequest);
    const dr = add(ctx, r.documentReference);
    add(ctx, r.provenance([mr, dr]));
  }
  return { resourceType: 'Bundle', type: 'collection', timestamp: instantToFhir(opts.now, opts.timeZone), entry: ctx.entries };
}
