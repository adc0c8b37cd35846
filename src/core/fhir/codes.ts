/**
 * Every code the FHIR mapping reads or writes (spec/fhir.md), in one place. `confirmed: false`
 * marks the codes the spec marks [?]: the best public choice found, not yet checked against the
 * code system's own release. The app's model details list them from here, so what is shown is what
 * is used. A clinic adds its lab's local codes (no LOINC code for a natalizumab concentration
 * exists) through `LocalCodes`, in the settings or as command-line options.
 */
import { fhirEnglish } from '../../i18n/fhir-text';

export const SYSTEM = {
  /** This app's own codes and identifiers. */
  msInterval: 'urn:ms-interval:code',
  patientId: 'urn:ms-interval:patient-id',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  atc: 'http://www.whocc.no/atc',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  /** The model of a proposal, named in Provenance.entity. */
  model: 'urn:ms-interval:model',
} as const;

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** What a code stands for in the mapping. */
export type CodeRole =
  | 'natalizumab' | 'ocrelizumab'
  | 'level' | 'bcell' | 'weight' | 'wearing_off'
  | 'route-iv' | 'route-sc'
  | 'sample-capillary' | 'sample-venous'
  | 'plan-note'
  | 'category-laboratory' | 'category-vital-signs' | 'category-survey';

export interface KnownCode extends Coding {
  role: CodeRole;
  display: string;
  /** False for the codes the spec marks [?] (to be confirmed against the code system's release). */
  confirmed: boolean;
  /** Where the choice comes from, for the model details. */
  note?: string;
}

/** The codes of spec/fhir.md, each with the role it plays. The first code of a role is the one written. */
export const CODES: readonly KnownCode[] = [
  { role: 'natalizumab', system: SYSTEM.atc, code: 'L04AG03', display: 'natalizumab', confirmed: true },
  { role: 'ocrelizumab', system: SYSTEM.atc, code: 'L04AG08', display: 'ocrelizumab', confirmed: true },
  { role: 'level', system: SYSTEM.msInterval, code: 'natalizumab-serum', display: 'Natalizumab [Mass/volume] in Serum', confirmed: true, note: 'no LOINC code for a natalizumab concentration was found: the lab\'s local code is usually added in the settings' },
  { role: 'bcell', system: SYSTEM.loinc, code: '8116-6', display: 'CD19 cells [#/volume] in Blood', confirmed: false },
  { role: 'weight', system: SYSTEM.loinc, code: '29463-7', display: 'Body weight', confirmed: true },
  { role: 'wearing_off', system: SYSTEM.msInterval, code: 'wearing-off', display: 'Wearing-off symptoms before the next dose (0-3)', confirmed: true },
  { role: 'route-iv', system: SYSTEM.snomed, code: '47625008', display: 'Intravenous route', confirmed: true },
  { role: 'route-sc', system: SYSTEM.snomed, code: '34206005', display: 'Subcutaneous route', confirmed: true },
  { role: 'sample-capillary', system: SYSTEM.snomed, code: '122554006', display: 'Capillary blood specimen', confirmed: false },
  { role: 'sample-venous', system: SYSTEM.snomed, code: '122555007', display: 'Venous blood specimen', confirmed: false },
  { role: 'plan-note', system: SYSTEM.loinc, code: '18776-5', display: 'Plan of care note', confirmed: false },
  { role: 'category-laboratory', system: SYSTEM.observationCategory, code: 'laboratory', display: 'Laboratory', confirmed: true },
  { role: 'category-vital-signs', system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs', confirmed: true },
  { role: 'category-survey', system: SYSTEM.observationCategory, code: 'survey', display: 'Survey', confirmed: true },
];

/** The code written for a role. */
export function codeFor(role: CodeRole): KnownCode {
  const c = CODES.find((k) => k.role === role);
  if (!c) throw new Error(`no code for ${role}`);
  return c;
}

/**
 * A clinic's own codes, read beside the standard ones (never written: the Bundle written uses the
 * spec's codes). `level`: the lab's code for a natalizumab level; `bcell`: for a CD19 count;
 * `natalizumab`/`ocrelizumab`: a medication code (G-Standaard, SNOMED) for the drug.
 */
export interface LocalCodes {
  level?: Coding[];
  bcell?: Coding[];
  natalizumab?: Coding[];
  ocrelizumab?: Coding[];
}

export type LocalCodeRole = keyof LocalCodes;
export const LOCAL_CODE_ROLES: readonly LocalCodeRole[] = ['level', 'bcell', 'natalizumab', 'ocrelizumab'];

/** Local codes read from storage or a file: only well-formed `{system, code}` entries of the known roles are kept. */
export function checkLocalCodes(value: unknown): LocalCodes {
  const out: LocalCodes = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const role of LOCAL_CODE_ROLES) {
    const list = (value as Record<string, unknown>)[role];
    if (!Array.isArray(list)) continue;
    const kept = list.filter((c): c is Coding => typeof c === 'object' && c !== null && typeof c.system === 'string' && typeof c.code === 'string' && c.system !== '' && c.code !== '')
      .map((c) => ({ system: c.system, code: c.code }));
    if (kept.length) out[role] = kept;
  }
  return out;
}

/**
 * A code written as FHIR's token syntax `system|code` (the command-line option and the settings
 * field), or a message saying what is accepted (English, from the catalog: `fhirread:code-token`).
 */
export function parseCodeToken(text: string): Coding | string {
  const t = text.trim();
  const bar = t.indexOf('|');
  if (bar <= 0 || bar === t.length - 1 || t.indexOf('|', bar + 1) >= 0) {
    return fhirEnglish('code-token', 'form', { text });
  }
  const system = t.slice(0, bar).trim();
  const code = t.slice(bar + 1).trim();
  if (/\s/.test(system) || system === '' || code === '') {
    return fhirEnglish('code-token', 'parts', { text });
  }
  return { system, code };
}

/** `system|code`, as shown and as typed. */
export function codeToken(c: Coding): string {
  return `${c.system}|${c.code}`;
}

function matches(coding: unknown, c: Coding): boolean {
  if (typeof coding !== 'object' || coding === null) return false;
  const x = coding as { system?: unknown; code?: unknown };
  return x.system === c.system && x.code === c.code;
}

/** The role of a CodeableConcept among the standard codes of `roles` and the clinic's codes, or null. */
export function roleOf(concept: unknown, roles: readonly ('natalizumab' | 'ocrelizumab' | 'level' | 'bcell' | 'weight' | 'wearing_off')[], local: LocalCodes = {}): CodeRole | null {
  if (typeof concept !== 'object' || concept === null) return null;
  const codings = (concept as { coding?: unknown }).coding;
  if (!Array.isArray(codings)) return null;
  for (const role of roles) {
    const own = CODES.filter((k) => k.role === role);
    const clinic = (local as Record<string, Coding[] | undefined>)[role] ?? [];
    for (const coding of codings) {
      if (own.some((c) => matches(coding, c)) || clinic.some((c) => matches(coding, c))) return role;
    }
  }
  return null;
}

/** UCUM codes read for each measured kind, and the TDM CSV unit each stands for. */
export const UCUM_UNITS = {
  level: { 'ug/mL': 'ug/mL', 'mg/L': 'mg/L', 'ng/mL': 'ng/mL' },
  bcell: { '/uL': '/uL', '10*6/L': '10^6/L', '10*9/L': '10^9/L' },
  dose: { mg: 'mg' },
  weight: { kg: 'kg' },
} as const satisfies Record<string, Record<string, string>>;

/** The UCUM code written for a TDM CSV unit. */
export const CSV_TO_UCUM: Readonly<Record<string, string>> = {
  'ug/mL': 'ug/mL', 'µg/mL': 'ug/mL', 'μg/mL': 'ug/mL', 'mg/L': 'mg/L', 'ng/mL': 'ng/mL',
  'cells/uL': '/uL', 'cells/µL': '/uL', 'cells/μL': '/uL', '/uL': '/uL', '/µL': '/uL', '/μL': '/uL',
  '10^6/L': '10*6/L', '10^9/L': '10*9/L', mg: 'mg', kg: 'kg',
};

/**
 * Human forms of the same units a server may put in `Quantity.unit` beside (or without) the UCUM
 * `code`: read as that UCUM code.
 */
export const UNIT_SYNONYMS: Readonly<Record<string, string>> = {
  'µg/mL': 'ug/mL', 'μg/mL': 'ug/mL', 'cells/uL': '/uL', 'cells/µL': '/uL', 'cells/μL': '/uL', '/µL': '/uL', '/μL': '/uL',
  '{cells}/uL': '/uL', '10^6/L': '10*6/L', '10^9/L': '10*9/L',
};
