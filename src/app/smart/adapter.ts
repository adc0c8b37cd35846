/**
 * The launched patient through the core's FHIR module (src/core/fhir): which Observation codes to
 * ask the record for, the resources read → the patient record (the same checks and messages as a
 * CSV or a Bundle file), and the proposal → the three resources written back. No mapping here.
 */
import { fhirToRecords, proposalResources as coreProposalResources, CODES, codeToken, type Coding, type FhirChoice, type LocalCodes } from '../../core/fhir/index';
import type { EngineSettings } from '../../core/engine';
import type { Issue, PatientRecord } from '../../core/types';
import type { PatientReport } from '../../core/report/types';
import { plannedDose, type ChoiceLike } from '../lib/plan';
import type { FhirJson, ProposalResources } from './write-back';
import { runtimeTimeZone } from '../../core/time';
import type { CatalogLang } from '../../i18n/catalog';

/** The clinic's IANA time zone: this browser's (the record's times are read as its wall clock). */
export function clinicTimeZone(): string {
  return runtimeTimeZone();
}

/** The Observation codes read (`system|code`): a level, a CD19 count, a weight, a wearing-off score, and the clinic's own. */
export function observationCodes(local: LocalCodes): string[] {
  const own: Coding[] = CODES.filter((c) => c.role === 'level' || c.role === 'bcell' || c.role === 'weight' || c.role === 'wearing_off');
  const all = [...own, ...(local.level ?? []), ...(local.bcell ?? [])].map(codeToken);
  return [...new Set(all)];
}

export type Mapped =
  | { record: PatientRecord; issues: Issue[]; reason?: undefined }
  | { record: null; issues: Issue[]; reason: string };

/**
 * The resources read for the launched patient → its record. `source` names the server in
 * messages (`https://…/R4: entry 14 Observation/obs-77 valueQuantity.unit "U/L" …`).
 * `noRecord` is the sentence for a patient with nothing to plan (in the user's language).
 */
export function mapLaunched(resources: FhirJson[], source: string, clinic: EngineSettings, localCodes: LocalCodes, today: string, noRecord: string, timeZone = clinicTimeZone()): Mapped {
  const r = fhirToRecords(resources, { fileName: source, localCodes, timeZone, today, labLimit: clinic.ocrelizumab.labLimit });
  if (r.fatal) return { record: null, issues: r.issues, reason: r.issues[0]?.message ?? noRecord };
  const record = r.patients[0];
  if (!record) return { record: null, issues: r.issues, reason: noRecord };
  return { record, issues: r.issues };
}

/** Whole weeks of a chosen natalizumab option (`interval:6`, `protocol`, `standard`), when it has them. */
function chosenWeeks(report: PatientReport, code: string | null): number | undefined {
  if (report.drug !== 'natalizumab' || !code) return undefined;
  const [kind, arg] = code.split(':');
  if (kind === 'interval' && Number.isInteger(Number(arg))) return Number(arg);
  if (kind === 'protocol') return report.protocol.intervalWeeks;
  return undefined;
}

/** A recorded choice as the core writes it (the plan, with its reason), or undefined without one. */
export function fhirChoice(report: PatientReport, choice: ChoiceLike | null, label?: string): FhirChoice | undefined {
  if (!choice) return undefined;
  const plan = plannedDose(report, choice);
  if (!plan.chosen) return undefined;
  const weeks = chosenWeeks(report, plan.code);
  return { nextDose: plan.date, reason: plan.reason ?? '', ...(weeks !== undefined ? { intervalWeeks: weeks } : {}), ...(label ? { label } : {}) };
}

export interface BuiltProposal {
  resources: ProposalResources;
  /** What makes this proposal (and choice) the same one again: written once. */
  key: string;
  /** The note's text. */
  text: string;
}

/**
 * The MedicationRequest, DocumentReference and Provenance of the proposal, about `patientRef` (`Patient/123`).
 * `choice` is the choice with its label in English; `note` the note's language and the choice with
 * its label in that language (default: English, `choice`).
 */
export function buildProposal(report: PatientReport, patientRef: string, choice: FhirChoice | undefined, localCodes: LocalCodes,
  opts: { appVersion: string; now: number; timeZone?: string }, note?: { lang: CatalogLang; choice?: FhirChoice }): BuiltProposal {
  const base = { timeZone: opts.timeZone ?? clinicTimeZone(), now: opts.now, appVersion: opts.appVersion, localCodes };
  const english = coreProposalResources(report, patientRef, base, choice);
  const r = note && note.lang !== 'en' ? coreProposalResources(report, patientRef, { ...base, lang: note.lang }, note.choice) : english;
  // The English note says everything the proposal is (dates, predictions, warnings, model, choice):
  // the same note, the same proposal, in whichever language it is written (a Dutch and an English
  // write of one proposal are one document on the server, not two).
  const key = JSON.stringify([patientRef, english.text, choice ?? null]);
  return {
    resources: { medicationRequest: r.medicationRequest, documentReference: r.documentReference, provenance: (targets) => r.provenance(targets) },
    key, text: r.text,
  };
}
