/**
 * Reading FHIR R4 (spec/fhir.md): a Bundle (collection, transaction, batch, searchset) or the
 * resources a server returns for a patient → the same patient records the TDM CSV gives.
 *
 * Each usable resource becomes a row of the records module (`readRecordRows`), so the same sense
 * checks, the same whole-patient checks and the same message texts apply as to a CSV; only where a
 * problem is differs: `b.json: entry 14 Observation/obs-77 valueQuantity.value "24100" ...` names
 * the Bundle entry (0-based, as FHIRPath's `Bundle.entry[14]`), the resource and the element path
 * instead of `file:line`. What only FHIR has (statuses, codes, references, units in UCUM, zone
 * offsets) is checked here, with messages of the same form.
 */
import type { Days, Issue, ParseResult, PatientRecord, Severity, TextParams } from '../types';
import { parseIsoTime } from '../time';
import { readRecordRows, ROW_COLUMNS, type ParseOptions } from '../records/parse';
import { neutralise } from '../records/write';
import { SYSTEM, UCUM_UNITS, UNIT_SYNONYMS, roleOf, type CodeRole, type LocalCodes } from './codes';
import { fromFhirDateTime } from './zone';
import { fhirEnglish, fhirPlaced } from '../../i18n/fhir-text';
import { renderText } from '../../i18n/catalog';

export interface FhirReadOptions extends ParseOptions {
  /** The file's name in messages (`b.json: entry 14 ...`). */
  fileName: string;
  /** The clinic's own codes, read beside the standard ones. */
  localCodes?: LocalCodes;
  /**
   * The clinic's IANA time zone: a time given in another offset (a server answering in UTC) is
   * read as this zone's wall clock. @default 'UTC'
   */
  timeZone?: string;
}

/** What was read but is not the app's data: counted, never an error. */
export interface FhirIgnored {
  /** Observations with codes not mapped (not a level, CD19 count, weight or wearing-off score). */
  otherObservations: number;
  /** Administrations of other medications. */
  otherAdministrations: number;
  /** Resources skipped for their status, by resource type and status (`preliminary`, `entered-in-error`, …). */
  byStatus: Record<string, Record<string, number>>;
  /** Results with no value but a `dataAbsentReason`. */
  absentValues: number;
  /** Other resource types, by type. */
  byType: Record<string, number>;
}

export interface FhirReadResult extends ParseResult {
  ignored: FhirIgnored;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

const BUNDLE_TYPES = ['collection', 'transaction', 'batch', 'searchset'];
/** Types this spec writes or uses: read back (or used) silently. */
const SILENT_TYPES = new Set(['Patient', 'Specimen', 'Medication', 'MedicationRequest', 'DocumentReference', 'Provenance', 'Device', 'OperationOutcome']);
const OBS_READ = new Set(['final', 'amended', 'corrected']);
const OBS_SKIPPED = new Set(['registered', 'preliminary', 'cancelled', 'entered-in-error', 'unknown']);
const ADMIN_SKIPPED = new Set(['in-progress', 'not-done', 'on-hold', 'stopped', 'entered-in-error', 'unknown']);

/**
 * A problem as the catalog says it (namespace `fhirread`, src/i18n/fhirread-en.ts): the sentence's
 * variant of its code and its params. The reader writes no sentence: its English is the catalog's.
 */
interface Said { variant?: string; params: TextParams }
const said = (variant: string | undefined, params: TextParams = {}): Said => (variant === undefined ? { params } : { variant, params });

/** What a resource of a role is read as: a key of the catalog's `fhirread:what` (`value` for another role). */
const whatOf = (role: CodeRole): string => (role === 'level' || role === 'bcell' || role === 'weight' || role === 'wearing_off' || role === 'natalizumab' || role === 'ocrelizumab' ? role : 'value');

interface Entry {
  index: number;
  fullUrl?: string;
  resource: Json;
  type: string;
  id?: string;
  label: string;
}

type Col = (typeof ROW_COLUMNS)[number];

/** A row for the records module, with the element path of each of its cells. */
interface Row {
  entry: Entry;
  patientKey: string;
  cells: Partial<Record<Col, string>>;
  paths: Partial<Record<Col, string>>;
  role: 'dose' | 'level' | 'bcell' | 'weight' | 'wearing_off';
  /** The drug of a dose (from its medication); other rows take the patient's. */
  drug?: 'natalizumab' | 'ocrelizumab';
}

function fatalResult(file: string, code: string, why: Said): FhirReadResult {
  const issue: Issue = { code, severity: 'error', message: fhirPlaced(file, undefined, fhirEnglish(code, why.variant, why.params)), file, params: why.params };
  if (why.variant !== undefined) issue.variant = why.variant;
  return {
    patients: [], extraColumns: [], dialect: 'comma', fatal: true,
    issues: [issue],
    ignored: { otherObservations: 0, otherAdministrations: 0, byStatus: {}, absentValues: 0, byType: {} },
  };
}

/**
 * Whether a text is FHIR JSON rather than a TDM CSV: its first non-blank character opens a JSON
 * object or array (a CSV header starts with a column name). Used to tell the two apart by content.
 */
export function looksLikeJson(text: string): boolean {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = /^\s*(\S)/.exec(t.slice(0, 4096));
  return m !== null && (m[1] === '{' || m[1] === '[');
}

/**
 * Whether a text is FHIR JSON (a resource or a list of resources: `"resourceType"` near its start),
 * as opposed to a CSV or the app's own session file.
 */
export function isFhirJson(text: string): boolean {
  return looksLikeJson(text) && /"resourceType"\s*:/.test(text.slice(0, 8192));
}

/** Read a FHIR JSON text (not JSON, or JSON that is not FHIR, is said in one line). */
export function readFhirText(text: string, options: FhirReadOptions): FhirReadResult {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(t);
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    return fatalResult(options.fileName, 'fhir_not_json', said(undefined, { why }));
  }
  return fhirToRecords(json, options);
}

/** The resources of the input, with their entry index and fullUrl. */
function entriesOf(json: unknown, file: string): Entry[] | FhirReadResult {
  const out: Entry[] = [];
  const add = (resource: unknown, fullUrl: unknown) => {
    const index = out.length;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      out.push({ index, resource: {}, type: '', label: '(no resource)', ...(typeof fullUrl === 'string' ? { fullUrl } : {}) });
      return;
    }
    const type = resource.resourceType;
    const id = str(resource.id);
    out.push({ index, resource, type, ...(id !== undefined ? { id } : {}), ...(typeof fullUrl === 'string' ? { fullUrl } : {}), label: id !== undefined ? `${type}/${id}` : type });
  };
  const addBundle = (b: Json): Said | null => {
    const type = str(b.type);
    if (type === undefined || !BUNDLE_TYPES.includes(type)) return said('type', { type: String(b.type) });
    const entries = b.entry === undefined ? [] : b.entry;
    if (!Array.isArray(entries)) return said('entry');
    for (const e of entries) {
      if (isObject(e)) add(e.resource, e.fullUrl);
      else add(undefined, undefined);
    }
    return null;
  };
  const notFhir = said(undefined);
  if (Array.isArray(json)) {
    if (json.length > 0 && !json.some((r) => isObject(r) && typeof r.resourceType === 'string')) return fatalResult(file, 'fhir_not_fhir', notFhir);
    for (const r of json) {
      // A list of search pages (Bundles) is read page by page.
      if (isObject(r) && r.resourceType === 'Bundle') {
        const why = addBundle(r);
        if (why) return fatalResult(file, 'fhir_bundle_type', why);
      } else add(r, undefined);
    }
    return out;
  }
  if (!isObject(json) || typeof json.resourceType !== 'string') return fatalResult(file, 'fhir_not_fhir', notFhir);
  if (json.resourceType === 'Bundle') {
    const why = addBundle(json);
    if (why) return fatalResult(file, 'fhir_bundle_type', why);
    return out;
  }
  add(json, undefined);
  return out;
}

/**
 * FHIR R4 JSON (already parsed) → patient records, through the records module's checks. Never
 * throws for bad input: problems are Issues (entry, resource, element path, value, what is accepted).
 */
export function fhirToRecords(json: unknown, options: FhirReadOptions): FhirReadResult {
  const got = entriesOf(json, options.fileName);
  if (!Array.isArray(got)) return got;
  const reader = new FhirReader(got, options);
  for (const e of got) reader.readEntry(e);
  return reader.finish();
}

/** Where in the input: `entry 14 Observation/obs-77 valueQuantity.value`. */
const where = (e: Entry, path?: string) => `entry ${e.index} ${e.label}${path ? ` ${path}` : ''}`;
const timeOf = (iso: string | null) => (iso === null ? undefined : parseIsoTime(iso) ?? undefined);
const noteOf = (r: Json): string | undefined => {
  const n = Array.isArray(r.note) ? r.note[0] : undefined;
  return isObject(n) && typeof n.text === 'string' && n.text !== '' ? n.text : undefined;
};

type Resolved = { entry: Entry } | { entry: null; typeId: [string, string] } | { error: Said };

/** One reading of the input's entries: the resources become rows for the records module, or problems. */
class FhirReader {
  private readonly file: string;
  private readonly timeZone: string;
  private readonly local: LocalCodes;
  private readonly ignored: FhirIgnored = { otherObservations: 0, otherAdministrations: 0, byStatus: {}, absentValues: 0, byType: {} };
  private readonly issues: (Issue & { entryIndex: number })[] = [];
  /** Indexes for references. */
  private readonly byFullUrl = new Map<string, Entry>();
  private readonly byTypeId = new Map<string, Entry>();
  /** Patients: the key is the Patient entry's index, or `Patient/id` when the Patient is not in the input. */
  private readonly patientIds = new Map<string, string>();
  private readonly patientOrder = new Map<string, number>();
  private readonly rows: Row[] = [];

  constructor(entries: Entry[], private readonly options: FhirReadOptions) {
    this.file = options.fileName;
    this.timeZone = options.timeZone ?? 'UTC';
    this.local = options.localCodes ?? {};
    for (const e of entries) {
      if (e.fullUrl) this.byFullUrl.set(e.fullUrl, e);
      if (e.type && e.id !== undefined && !this.byTypeId.has(`${e.type}/${e.id}`)) this.byTypeId.set(`${e.type}/${e.id}`, e);
    }
    for (const e of entries) if (e.type === 'Patient') this.readPatient(e);
  }

  /**
   * A problem only FHIR has: its code, the sentence's variant and params (the English `message`,
   * `file: entry i Type/id path <text>`, from the catalog: src/i18n/fhir-text.ts).
   */
  private problem(e: Entry, severity: Severity, code: string, path: string | undefined, why: Said, value?: string, patientId?: string, time?: Days): void {
    const at = where(e, path);
    const issue: Issue & { entryIndex: number } = {
      code, severity, message: fhirPlaced(this.file, at, fhirEnglish(code, why.variant, why.params)), file: this.file, where: at, entryIndex: e.index,
      params: { where: at, ...why.params },
    };
    if (why.variant !== undefined) issue.variant = why.variant;
    if (path !== undefined) issue.column = path;
    if (value !== undefined) issue.value = value;
    if (patientId !== undefined) issue.patientId = patientId;
    if (time !== undefined) issue.time = time;
    this.issues.push(issue);
  }

  /** A reference: `#id` (contained), `urn:uuid:` (an entry), relative `Type/id` or absolute on a server. */
  private resolve(ref: unknown, from: Entry, expected: string): Resolved | { contained: Json } {
    if (!isObject(ref)) return { error: said('not-reference') };
    const r = str(ref.reference);
    if (r === undefined) return { error: said('no-reference') };
    if (r.startsWith('#')) {
      const contained = Array.isArray(from.resource.contained) ? from.resource.contained : [];
      const c = contained.find((x) => isObject(x) && x.id === r.slice(1));
      if (!isObject(c)) return { error: said('no-contained', { ref: r }) };
      if (c.resourceType !== expected) return { error: said('wrong-type', { ref: r, type: String(c.resourceType), expected }) };
      return { contained: c };
    }
    if (r.startsWith('urn:uuid:') || r.startsWith('urn:oid:')) {
      const e = this.byFullUrl.get(r);
      if (!e) return { error: said('not-full-url', { ref: r }) };
      if (e.type !== expected) return { error: e.type ? said('wrong-type', { ref: r, type: e.type, expected }) : said('empty-entry', { ref: r, expected }) };
      return { entry: e };
    }
    const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(r);
    const absolute = /^https?:\/\//.test(r);
    if (absolute) {
      const e = this.byFullUrl.get(r);
      if (e) return e.type === expected ? { entry: e } : { error: said('wrong-type', { ref: r, type: e.type, expected }) };
    }
    if (!m || (!absolute && m.index !== 0)) return { error: said('unknown-form', { ref: r }) };
    if (m[1] !== expected) return { error: said('wrong-type', { ref: r, type: m[1], expected }) };
    const e = this.byTypeId.get(`${m[1]}/${m[2]}`);
    return e ? { entry: e } : { entry: null, typeId: [m[1], m[2]] };
  }

  private readPatient(e: Entry): void {
    const ids = Array.isArray(e.resource.identifier) ? e.resource.identifier : [];
    const own = ids.find((i) => isObject(i) && i.system === SYSTEM.patientId && typeof i.value === 'string' && i.value.trim() !== '');
    const pid = isObject(own) ? (own.value as string).trim() : e.id;
    if (pid === undefined) {
      this.problem(e, 'error', 'fhir_patient_id', 'identifier', said(undefined, { system: SYSTEM.patientId }));
      return;
    }
    this.patientIds.set(`#${e.index}`, pid);
    this.patientOrder.set(`#${e.index}`, e.index);
  }

  /** The patient a resource belongs to (its key), or a problem said (null). */
  private patientOf(e: Entry, path: string): string | null {
    const ref = e.resource[path];
    if (ref === undefined) {
      this.problem(e, 'error', 'fhir_subject_missing', path, said(undefined, { type: e.type }));
      return null;
    }
    const r = this.resolve(ref, e, 'Patient');
    if ('error' in r) {
      this.problem(e, 'error', 'fhir_reference', `${path}.reference`, { ...r.error, params: { ...r.error.params, whose: e.type } }, isObject(ref) ? str(ref.reference) : undefined);
      return null;
    }
    if ('contained' in r) {
      this.problem(e, 'error', 'fhir_reference', `${path}.reference`, said('contained-patient'), str((ref as Json).reference));
      return null;
    }
    if (r.entry) {
      const key = `#${r.entry.index}`;
      return this.patientIds.has(key) ? key : null; // its Patient was refused (said there)
    }
    const key = `Patient/${r.typeId[1]}`;
    if (!this.patientIds.has(key)) { this.patientIds.set(key, r.typeId[1]); this.patientOrder.set(key, e.index); }
    return key;
  }

  private skip(type: string, status: string): void {
    const t = (this.ignored.byStatus[type] ??= {});
    t[status] = (t[status] ?? 0) + 1;
  }

  /** A time element as local `YYYY-MM-DDTHH:MM`, or a problem said (null). `what`: a key of the catalog's `fhirread:what`. */
  private readTime(e: Entry, path: string, value: unknown, what: string, pid?: string): string | null {
    if (value === undefined) {
      this.problem(e, 'error', 'fhir_time_missing', path, said(undefined, { what }), undefined, pid);
      return null;
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const r = typeof value === 'string' ? fromFhirDateTime(value, this.timeZone) : { ok: false as const, reason: 'format' as const };
    if (!r.ok) {
      this.problem(e, 'error', 'fhir_time_invalid', path, said(r.reason === 'date-only-partial' ? 'partial' : 'format', { value: text }), text, pid);
      return null;
    }
    return r.iso;
  }

  /** A Quantity's number and UCUM unit as a TDM CSV value and unit, or a problem said (null). */
  private readQuantity(e: Entry, path: string, q: unknown, kind: keyof typeof UCUM_UNITS, role: CodeRole, pid: string, time: Days | undefined, allowComparator: boolean): { value: string; unit: string } | null {
    const what = whatOf(role);
    // The units accepted, as the catalog's `list` parameter (`a|b|c`, said `a, b or c`).
    const list = Object.keys(UCUM_UNITS[kind]).join('|');
    if (!isObject(q)) {
      this.problem(e, 'error', 'fhir_value_missing', path, said('quantity', { what, units: list }), undefined, pid, time);
      return null;
    }
    const v = q.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const text = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
      if (v === undefined) this.problem(e, 'error', 'fhir_value_missing', `${path}.value`, said('number', { what }), undefined, pid, time);
      else this.problem(e, 'error', 'fhir_value_not_number', `${path}.value`, said('number', { value: text, what }), text, pid, time);
      return null;
    }
    const table = UCUM_UNITS[kind] as Readonly<Record<string, string>>;
    const ucum = this.unitOf(e, path, q, table, what, list, pid, time);
    if (ucum === null) return null;
    const comparator = q.comparator;
    let prefix = '';
    if (comparator !== undefined) {
      if (comparator === '<' && allowComparator) prefix = '<';
      else {
        this.problem(e, 'error', 'fhir_comparator', `${path}.comparator`, said(allowComparator ? 'only-less' : 'none', { comparator: String(comparator), what }), String(comparator), pid, time);
        return null;
      }
    }
    return { value: prefix + String(v), unit: table[ucum] };
  }

  /** A Quantity's unit as one of the table's UCUM units (its code, else its unit text), or a problem said (null). */
  private unitOf(e: Entry, path: string, q: Json, table: Readonly<Record<string, string>>, what: string, list: string, pid: string, time: Days | undefined): string | null {
    const code = str(q.code);
    const unit = str(q.unit);
    const system = str(q.system);
    const pick = (u: string | undefined) => (u === undefined ? undefined : Object.hasOwn(table, u) ? u : Object.hasOwn(UNIT_SYNONYMS, u) && Object.hasOwn(table, UNIT_SYNONYMS[u]) ? UNIT_SYNONYMS[u] : undefined);
    const ucum = (code !== undefined && (system === undefined || system === SYSTEM.ucum) ? pick(code) : undefined) ?? (code === undefined ? pick(unit) : undefined);
    if (ucum !== undefined) return ucum;
    if (unit === undefined && code === undefined) this.problem(e, 'error', 'fhir_unit_missing', `${path}.unit`, said(undefined, { what, units: list }), undefined, pid, time);
    else {
      const [p, shown] = unit !== undefined && pick(unit) === undefined ? ['unit', unit] : ['code', code ?? ''];
      this.problem(e, 'error', 'fhir_unit', `${path}.${p}`, said(undefined, { unit: shown, what, units: list }), shown, pid, time);
    }
    return null;
  }

  readEntry(e: Entry): void {
    if (e.type === '') this.problem(e, 'error', 'fhir_entry_empty', undefined, said(undefined));
    else if (e.type === 'MedicationAdministration') this.readAdministration(e);
    else if (e.type === 'Observation') this.readObservation(e);
    else if (!SILENT_TYPES.has(e.type)) this.ignored.byType[e.type] = (this.ignored.byType[e.type] ?? 0) + 1;
  }

  /** The drug of an administration (its medication code, inline or referenced), or null when not ours. */
  private drugOfAdministration(e: Entry): { role: 'natalizumab' | 'ocrelizumab'; medPath: string } | null {
    const r = e.resource;
    let concept: unknown = r.medicationCodeableConcept;
    let medPath = 'medicationCodeableConcept';
    if (concept === undefined && r.medicationReference !== undefined) {
      const m = this.resolve(r.medicationReference, e, 'Medication');
      medPath = 'medicationReference';
      if ('contained' in m) concept = m.contained.code;
      else if ('entry' in m && m.entry) concept = m.entry.resource.code;
      else return null; // a Medication we cannot see: not known to be ours
    }
    const role = roleOf(concept, ['natalizumab', 'ocrelizumab'], this.local);
    return role === 'natalizumab' || role === 'ocrelizumab' ? { role, medPath } : null;
  }

  private readAdministration(e: Entry): void {
    const r = e.resource;
    const drug = this.drugOfAdministration(e);
    if (drug === null) { this.ignored.otherAdministrations++; return; }
    const { role, medPath } = drug;
    const status = str(r.status);
    if (status !== undefined && ADMIN_SKIPPED.has(status)) { this.skip('MedicationAdministration', status); return; }
    const pk = this.patientOf(e, 'subject');
    if (pk === null) return;
    const pid = this.patientIds.get(pk)!;
    if (status !== 'completed') {
      this.problem(e, 'error', 'fhir_status', 'status', status === undefined ? said('administration-missing') : said('administration', { status }), status, pid);
      return;
    }
    const period = isObject(r.effectivePeriod) ? r.effectivePeriod : undefined;
    const timePath = period ? 'effectivePeriod.start' : 'effectiveDateTime';
    const iso = this.readTime(e, timePath, period ? period.start : r.effectiveDateTime, role, pid);
    if (iso === null) return;
    const t = timeOf(iso);
    const duration = this.durationOf(e, period, iso, role, pid, t);
    if (duration === null) return;
    const dosage = isObject(r.dosage) ? r.dosage : undefined;
    const q = this.readQuantity(e, 'dosage.dose', dosage?.dose, 'dose', role, pid, t, false);
    if (q === null) return;
    let route = '';
    if (dosage?.route !== undefined) {
      const rr = roleOfRoute(dosage.route);
      if (rr === null) {
        const shown = codingsText(dosage.route);
        this.problem(e, 'error', 'fhir_route', 'dosage.route', said(undefined, { route: shown }), shown, pid, t);
        return;
      }
      route = rr;
    }
    const note = noteOf(r);
    this.rows.push({
      entry: e, patientKey: pk, role: 'dose', drug: role,
      cells: { time: iso, value: q.value, unit: q.unit, route, duration_min: duration, ...(note !== undefined ? { note } : {}) },
      paths: { drug: medPath, time: timePath, value: 'dosage.dose.value', unit: 'dosage.dose.unit', route: 'dosage.route', duration_min: 'effectivePeriod.end', note: 'note[0].text' },
    });
  }

  /** An infusion's minutes from its period ('' without an end), or a problem said (null). */
  private durationOf(e: Entry, period: Json | undefined, iso: string, role: CodeRole, pid: string, t: Days | undefined): string | null {
    if (!period || period.end === undefined) return '';
    const end = this.readTime(e, 'effectivePeriod.end', period.end, `end-${role}`, pid);
    if (end === null) return null;
    const minutes = Math.round((parseIsoTime(end)! - parseIsoTime(iso)!) * 1440);
    if (minutes < 0) {
      this.problem(e, 'error', 'fhir_period', 'effectivePeriod.end', said(undefined, { end: String(period.end), start: String(period.start) }), String(period.end), pid, t);
      return null;
    }
    return String(minutes);
  }

  private readObservation(e: Entry): void {
    const r = e.resource;
    const role = roleOf(r.code, ['level', 'bcell', 'weight', 'wearing_off'], this.local);
    if (role !== 'level' && role !== 'bcell' && role !== 'weight' && role !== 'wearing_off') { this.ignored.otherObservations++; return; }
    const status = str(r.status);
    if (status !== undefined && OBS_SKIPPED.has(status)) { this.skip('Observation', status); return; }
    const pk = this.patientOf(e, 'subject');
    if (pk === null) return;
    const pid = this.patientIds.get(pk)!;
    if (status === undefined || !OBS_READ.has(status)) {
      this.problem(e, 'error', 'fhir_status', 'status', status === undefined ? said('observation-missing') : said('observation', { status }), status, pid);
      return;
    }
    const what = whatOf(role);
    const timePath = r.effectiveDateTime === undefined && r.effectiveInstant !== undefined ? 'effectiveInstant' : 'effectiveDateTime';
    const iso = this.readTime(e, timePath, r.effectiveDateTime ?? r.effectiveInstant, what, pid);
    if (iso === null) return;
    const t = timeOf(iso);
    if (r.valueQuantity === undefined && r.valueInteger === undefined && r.dataAbsentReason !== undefined) { this.ignored.absentValues++; return; }
    if (role === 'wearing_off') { this.readWearingOff(e, pk, pid, iso, t, timePath); return; }
    const q = this.readQuantity(e, 'valueQuantity', r.valueQuantity, role === 'weight' ? 'weight' : role, role, pid, t, role !== 'weight');
    if (q === null) return;
    const sample = role === 'level' && r.specimen !== undefined ? this.sampleOfLevel(e, pid, t) : '';
    if (sample === null) return;
    const note = noteOf(r);
    this.rows.push({
      entry: e, patientKey: pk, role,
      cells: { time: iso, value: q.value, unit: q.unit, sample, ...(note !== undefined ? { note } : {}) },
      paths: { drug: 'code', kind: 'code', time: timePath, value: 'valueQuantity.value', unit: 'valueQuantity.unit', sample: 'specimen', note: 'note[0].text' },
    });
  }

  /** A survey answer: the intensity 0-3 as valueInteger, dated at the onset the patient reports. */
  private readWearingOff(e: Entry, pk: string, pid: string, iso: string, t: Days | undefined, timePath: string): void {
    const r = e.resource;
    const what = whatOf('wearing_off');
    const v = r.valueInteger;
    if (typeof v !== 'number') {
      const shown = v === undefined ? undefined : JSON.stringify(v);
      if (shown === undefined) this.problem(e, 'error', 'fhir_value_missing', 'valueInteger', said('intensity', { what }), undefined, pid, t);
      else this.problem(e, 'error', 'fhir_value_not_number', 'valueInteger', said('intensity', { value: shown, what }), shown, pid, t);
      return;
    }
    const note = noteOf(r);
    this.rows.push({
      entry: e, patientKey: pk, role: 'wearing_off',
      cells: { time: iso, value: String(v), unit: 'score', ...(note !== undefined ? { note } : {}) },
      paths: { drug: 'code', kind: 'code', time: timePath, value: 'valueInteger', unit: 'valueInteger', note: 'note[0].text' },
    });
  }

  /** A level's sample from its Specimen: 'capillary' or '' (venous), or a problem said (null). */
  private sampleOfLevel(e: Entry, pid: string, t: Days | undefined): string | null {
    const r = e.resource;
    const s = this.resolve(r.specimen, e, 'Specimen');
    if ('error' in s || ('entry' in s && s.entry === null)) {
      const ref = isObject(r.specimen) ? str(r.specimen.reference) : undefined;
      this.problem(e, 'error', 'fhir_reference', 'specimen.reference', 'error' in s ? s.error : said('specimen-missing', { ref: String(ref) }), ref, pid, t);
      return null;
    }
    const spec = 'contained' in s ? s.contained : s.entry!.resource;
    const kind = sampleOf(spec.type);
    if (kind === null) {
      const shown = codingsText(spec.type);
      this.problem(e, 'warning', 'fhir_specimen_type', 'specimen', said(undefined, { type: shown }), shown, pid, t);
    }
    return kind === 'capillary' ? 'capillary' : '';
  }

  /** The rows as records-module rows in patient and entry order (each patient's drug filled in), and each by its entry. */
  private feed(): { fed: { fields: string[]; line: number }[]; byLine: Map<number, Row> } {
    const { rows, patientIds, patientOrder } = this;
    // Each patient's drug: that of its first dose, else its first level (natalizumab) or count (ocrelizumab).
    const drugOf = new Map<string, 'natalizumab' | 'ocrelizumab'>();
    for (const row of rows) if (row.drug && !drugOf.has(row.patientKey)) drugOf.set(row.patientKey, row.drug);
    for (const row of rows) {
      if (drugOf.has(row.patientKey)) continue;
      if (row.role === 'level') drugOf.set(row.patientKey, 'natalizumab');
      else if (row.role === 'bcell') drugOf.set(row.patientKey, 'ocrelizumab');
    }
    const fed: { fields: string[]; line: number }[] = [];
    const byLine = new Map<number, Row>();
    const order = [...rows].sort((a, b) => patientOrder.get(a.patientKey)! - patientOrder.get(b.patientKey)! || a.entry.index - b.entry.index);
    for (const row of order) {
      const drug = row.drug ?? drugOf.get(row.patientKey);
      const pid = patientIds.get(row.patientKey)!;
      if (drug === undefined) {
        this.problem(row.entry, 'error', 'fhir_no_drug', undefined, said(undefined, { what: row.role === 'dose' ? 'dose' : whatOf(row.role), patient: pid }), undefined, pid);
        continue;
      }
      const cells: Record<Col, string> = { patient_id: pid, drug, kind: row.role, time: '', value: '', unit: '', route: '', duration_min: '', note: '', sample: '', ...row.cells };
      fed.push({ fields: ROW_COLUMNS.map((c) => neutralise(cells[c])), line: row.entry.index });
      byLine.set(row.entry.index, row);
    }
    return { fed, byLine };
  }

  /** The records module's checks of the rows, located by entry and element path; the result. */
  finish(): FhirReadResult {
    const { file, ignored } = this;
    const { fed, byLine } = this.feed();
    const locate = (line: number | undefined, column: string | undefined, text: string): string => {
      const row = line === undefined ? undefined : byLine.get(line);
      if (!row) return `${file}: ${text}`;
      const path = column === undefined ? undefined : row.paths[column as Col];
      if (path !== undefined && column !== undefined && text.startsWith(`${column} `)) return `${file}: ${where(row.entry, path)}${text.slice(column.length)}`;
      return `${file}: ${where(row.entry)}: ${text}`;
    };
    const read = readRecordRows(file, fed, this.options, locate);

    // Records: the FHIR rows have no file lines (their place is in each message).
    const patients: PatientRecord[] = read.patients;
    for (const p of patients) for (const list of [p.doses, p.levels, p.bcells, p.weights, p.wearingOff ?? []]) for (const ev of list) delete ev.line;
    const recordIssues = read.issues.map((i) => {
      const row = i.line === undefined ? undefined : byLine.get(i.line);
      const out: Issue & { entryIndex: number } = { ...i, entryIndex: i.line ?? -1 };
      if (i.params) {
        // The rows are the Bundle's entries: the records sentence names another row as an entry
        // (param `entries`), in English as in Dutch, from the catalog.
        out.params = { ...i.params, entries: 1 };
        const text = renderText('records', i.code, out.params, 'en');
        if (text !== null) out.message = locate(i.line, i.column, text);
      }
      delete out.line;
      if (row) {
        const path = i.column === undefined ? undefined : row.paths[i.column as Col];
        out.where = where(row.entry, path);
        if (path !== undefined) out.column = path;
      }
      return out;
    });
    // One list in entry order; each patient's issues are its own of it (FHIR-only ones too: a refused
    // resource makes the patient's record incomplete, as a refused CSV row does).
    const outIssues: Issue[] = [...this.issues, ...recordIssues].sort((a, b) => a.entryIndex - b.entryIndex).map(strip);
    for (const p of patients) p.issues = outIssues.filter((i) => i.patientId === p.id);

    for (const why of ignoredSaid(ignored)) {
      outIssues.push({ code: 'fhir_ignored', variant: why.variant, severity: 'info', message: fhirPlaced(file, undefined, fhirEnglish('fhir_ignored', why.variant, why.params)), file, params: why.params });
    }
    return { patients, issues: outIssues, extraColumns: [], dialect: 'comma', fatal: false, ignored };
  }
}

function strip(i: Issue & { entryIndex: number }): Issue {
  const { entryIndex: _drop, ...rest } = i;
  void _drop;
  return rest;
}

/** The counts of what was not read, one sentence each (the catalog's `fhir_ignored` variants, plural by `count`). */
function ignoredSaid(ignored: FhirIgnored): (Said & { variant: string })[] {
  const out: (Said & { variant: string })[] = [];
  if (ignored.otherObservations) out.push({ variant: 'other-observations', params: { count: ignored.otherObservations } });
  if (ignored.otherAdministrations) out.push({ variant: 'other-administrations', params: { count: ignored.otherAdministrations } });
  for (const [type, statuses] of Object.entries(ignored.byStatus)) {
    const total = Object.values(statuses).reduce((a, b) => a + b, 0);
    const parts = Object.entries(statuses).map(([s, c]) => `${c} ${s}`).join(', ');
    out.push({ variant: 'status', params: { count: total, type, statuses: parts } });
  }
  if (ignored.absentValues) out.push({ variant: 'absent', params: { count: ignored.absentValues } });
  for (const [type, count] of Object.entries(ignored.byType)) out.push({ variant: 'type', params: { count, type } });
  return out;
}

/** The counts of what was not read, one English line each (`312 other observations ignored`). */
export function ignoredLines(ignored: FhirIgnored): string[] {
  return ignoredSaid(ignored).map((why) => fhirEnglish('fhir_ignored', why.variant, why.params));
}

function codingsOf(concept: unknown): Json[] {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.filter(isObject);
}

/** A CodeableConcept as its codings, `"system|code"` (or its text), for messages. */
function codingsText(concept: unknown): string {
  const list = codingsOf(concept).map((c) => `${String(c.system ?? '')}|${String(c.code ?? '')}`);
  if (list.length) return list.map((c) => `"${c}"`).join(', ');
  return isObject(concept) && typeof concept.text === 'string' ? `"${concept.text}"` : JSON.stringify(concept ?? null);
}

function roleOfRoute(concept: unknown): 'iv' | 'sc' | null {
  for (const c of codingsOf(concept)) {
    if (c.system !== SYSTEM.snomed) continue;
    if (c.code === '47625008') return 'iv';
    if (c.code === '34206005') return 'sc';
  }
  return null;
}

function sampleOf(concept: unknown): 'capillary' | 'venous' | null {
  for (const c of codingsOf(concept)) {
    if (c.system !== SYSTEM.snomed) continue;
    if (c.code === '122554006') return 'capillary';
    if (c.code === '122555007') return 'venous';
  }
  return null;
}
