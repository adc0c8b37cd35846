/**
 * The one-file backup and session: everything (patients with their choices and overrides, clinic
 * settings, planning mode) plus the reports as computed, the app version and the model versions,
 * so a reloaded file can be recomputed and compared. Reading checks the shape, then the sense of
 * every record (the same checks as typing and importing: the record is written as TDM CSV and read
 * back), and says what is wrong instead of loading half a file.
 */
import type { PatientEvent, PatientRecord } from '../../core/types';
import { parseTdmCsv, patientEvents, writeTdmCsv } from '../../core/records/index';
import type { ModelRef, PatientError, PatientReport } from '../../core/report/types';
import type { EngineSettings } from '../../core/engine';
import type { StoredPatient } from '../storage/db';
import { checkSettings } from './settings';
import type { PlanEntry } from './plan-export';
import { sessionProblemText, type EventMeaning, type FieldExpectation, type SessionProblem } from './session-problems';
import { LIMITS } from './limits';

export const SESSION_FORMAT = 'ms-interval-session';
export const SESSION_VERSION = 1;

export interface SessionFile {
  format: typeof SESSION_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** Local date-time the file was written. */
  savedAt: string;
  /** Models that produced the reports (id, version, name). */
  models: ModelRef[];
  settings: EngineSettings;
  asOfMode: 'last' | 'today';
  patients: StoredPatient[];
  /** The reports as they were computed when saved (for comparison after reloading). */
  reports: (PatientReport | PatientError)[];
  /** The dose as planned per patient when saved (the clinician's choice where one was recorded). */
  plans?: PlanEntry[];
}

export function buildSession(a: {
  appVersion: string; savedAt: string; settings: EngineSettings; asOfMode: 'last' | 'today';
  patients: StoredPatient[]; reports: (PatientReport | PatientError | undefined)[]; plans?: PlanEntry[];
}): SessionFile {
  const reports = a.reports.filter((r): r is PatientReport | PatientError => !!r);
  const models = new Map<string, ModelRef>();
  for (const r of reports) if ('model' in r) models.set(`${r.model.id}@${r.model.version}`, r.model);
  return {
    format: SESSION_FORMAT, formatVersion: SESSION_VERSION, appVersion: a.appVersion, savedAt: a.savedAt,
    models: [...models.values()], settings: a.settings, asOfMode: a.asOfMode, patients: a.patients, reports,
    ...(a.plans ? { plans: a.plans } : {}),
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const LISTS = ['doses', 'levels', 'bcells', 'weights'] as const;

/** The kind of row each list holds (`wearingOff` only when the patient has one). */
const KIND_OF: Record<string, string> = { doses: 'dose', levels: 'level', bcells: 'bcell', weights: 'weight', wearingOff: 'wearing_off' };
const isNum = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const optional = (x: unknown, ok: (v: unknown) => boolean) => x === undefined || ok(x);
const isText = (x: unknown) => typeof x === 'string';

/** Every field of a row, by its kind: a note that is an object or a dose among the levels is refused here. */
function checkEvent(e: Record<string, unknown>, list: string, expected: string | null, where: string, path: string): SessionProblem | null {
  const bad = (field: string, exp: FieldExpectation): SessionProblem => ({ code: 'field', where, path: `${path}.${field}`, expected: exp });
  if (typeof e.kind !== 'string') return bad('kind', 'kind');
  if (expected && e.kind !== expected) return { code: 'kind-in-list', where, path, kind: e.kind, list, expected };
  if (!optional(e.note, isText)) return bad('note', 'text');
  if (!optional(e.line, isNum)) return bad('line', 'number');
  if (e.extra !== undefined) {
    if (!isObj(e.extra)) return bad('extra', 'object');
    for (const [k, v] of Object.entries(e.extra)) if (!isText(v)) return bad(`extra.${k}`, 'text');
  }
  switch (e.kind) {
    case 'dose':
      if (!isNum(e.amountMg)) return bad('amountMg', 'number');
      if (e.route !== 'iv' && e.route !== 'sc') return bad('route', 'route');
      if (!isNum(e.durationMin)) return bad('durationMin', 'number');
      if (!optional(e.durationGiven, (v) => typeof v === 'boolean')) return bad('durationGiven', 'boolean');
      if (!optional(e.routeGiven, (v) => typeof v === 'boolean')) return bad('routeGiven', 'boolean');
      return null;
    case 'level': case 'bcell':
      if (!isNum(e.value)) return bad('value', 'number');
      if (typeof e.censored !== 'boolean') return bad('censored', 'boolean');
      if (!isText(e.unit)) return bad('unit', 'text');
      if (!isText(e.raw)) return bad('raw', 'text');
      if (!optional(e.sample, (v) => v === 'venous' || v === 'capillary')) return bad('sample', 'sample');
      return null;
    case 'weight':
      return isNum(e.kg) ? null : bad('kg', 'number');
    case 'wearing_off':
      return e.score === 0 || e.score === 1 || e.score === 2 || e.score === 3 ? null : bad('score', 'score');
    default:
      // A kind of row this version does not know is checked by its list (below), not here.
      return expected ? bad('kind', 'kind') : null;
  }
}

/** An issue kept with the record (refused rows and warnings): every field of its type. */
function checkIssue(i: unknown, where: string, path: string): SessionProblem | null {
  const bad = (field: string, exp: FieldExpectation): SessionProblem => ({ code: 'field', where, path: field ? `${path}.${field}` : path, expected: exp });
  if (!isObj(i)) return bad('', 'object');
  if (!isText(i.code)) return bad('code', 'text');
  if (i.severity !== 'error' && i.severity !== 'warning' && i.severity !== 'info') return bad('severity', 'severity');
  if (!isText(i.message)) return bad('message', 'text');
  for (const f of ['variant', 'file', 'column', 'value', 'patientId'] as const) if (!optional(i[f], isText)) return bad(f, 'text');
  for (const f of ['line', 'time'] as const) if (!optional(i[f], isNum)) return bad(f, 'number');
  if (i.params !== undefined) {
    if (!isObj(i.params)) return bad('params', 'object');
    for (const [k, v] of Object.entries(i.params)) if (!isText(v) && !isNum(v)) return bad(`params.${k}`, 'text');
  }
  return null;
}

function checkRecord(r: unknown, where: string): SessionProblem | null {
  if (!isObj(r)) return { code: 'record-missing', where };
  if (typeof r.id !== 'string' || r.id === '') return { code: 'id-not-text', where };
  if (r.drug !== 'natalizumab' && r.drug !== 'ocrelizumab') return { code: 'drug', where };
  for (const l of [...LISTS, ...(r.wearingOff === undefined ? [] : ['wearingOff'] as const)]) {
    const list = r[l] as unknown;
    if (!Array.isArray(list)) return { code: 'not-list', where, list: l };
    for (const [i, e] of list.entries()) {
      if (!isObj(e) || typeof e.time !== 'number' || !Number.isFinite(e.time) || typeof e.iso !== 'string') return { code: 'no-time', where, list: l, index: i };
      const wrong = checkEvent(e, l, KIND_OF[l], where, `record.${l}[${i}]`);
      if (wrong) return wrong;
    }
  }
  // Lists of a kind of row added later (e.g. wearing-off reports): each row has its kind and time.
  for (const [l, list] of Object.entries(r)) {
    if (l === 'issues' || l in KIND_OF || !Array.isArray(list)) continue;
    for (const [i, e] of list.entries()) {
      if (!isObj(e) || typeof e.time !== 'number' || !Number.isFinite(e.time) || typeof e.iso !== 'string') return { code: 'no-time', where, list: l, index: i };
      const wrong = checkEvent(e, l, null, where, `record.${l}[${i}]`);
      if (wrong) return wrong;
    }
  }
  if (!Array.isArray(r.issues)) return { code: 'issues-not-list', where };
  for (const [i, x] of r.issues.entries()) {
    const wrong = checkIssue(x, where, `record.issues[${i}]`);
    if (wrong) return wrong;
  }
  if (!optional(r.order, isNum)) return { code: 'field', where, path: 'record.order', expected: 'number' };
  return null;
}

/** A saved report, checked before it is compared with the recomputed one (never trusted, never shown as is). */
function checkReport(r: unknown): boolean {
  if (!isObj(r) || !isText(r.patientId)) return false;
  if ('error' in r) return isText(r.error);
  return isObj(r.proposal) && isText(r.proposal.nextDose);
}

const BASE_FIELDS = ['kind', 'time', 'iso', 'line', 'note', 'extra'];
const EVENT_FIELDS: Record<string, string[]> = {
  dose: [...BASE_FIELDS, 'amountMg', 'route', 'durationMin', 'durationGiven', 'routeGiven'],
  level: [...BASE_FIELDS, 'value', 'censored', 'unit', 'raw', 'sample'],
  bcell: [...BASE_FIELDS, 'value', 'censored', 'unit', 'raw', 'sample'],
  weight: [...BASE_FIELDS, 'kg'],
  wearing_off: [...BASE_FIELDS, 'score'],
};
const pick = (e: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));

/** A checked record with its known fields and its lists of rows only. */
function cleanRecord(r: Record<string, unknown>): PatientRecord {
  const out: Record<string, unknown> = { id: r.id, drug: r.drug, issues: r.issues, order: typeof r.order === 'number' ? r.order : 0 };
  for (const [k, v] of Object.entries(r)) if (Array.isArray(v)) out[k] = k in KIND_OF ? v.map((e: Record<string, unknown>) => pick(e, EVENT_FIELDS[e.kind as string] ?? [])) : v;
  return out as unknown as PatientRecord;
}

/** The values an event stands for, to compare a stored record with its written form read back. */
function meaning(e: PatientEvent): string {
  switch (e.kind) {
    case 'dose': return `${e.amountMg} mg ${e.route} ${e.durationMin} min`;
    case 'weight': return `${e.kg} kg`;
    case 'wearing_off': return `wearing-off ${e.score}`;
    default: return `${e.censored ? '<' : ''}${e.value}${e.kind === 'level' && e.sample === 'capillary' ? ' capillary' : ''}`;
  }
}

/** The values an event stands for, as the problem carries them (said in the page's language). */
function meaningOf(e: PatientEvent): EventMeaning {
  switch (e.kind) {
    case 'dose': return { of: 'dose', mg: String(e.amountMg), route: String(e.route), min: String(e.durationMin) };
    case 'weight': return { of: 'weight', kg: String(e.kg) };
    case 'wearing_off': return { of: 'wearing_off', score: String(e.score) };
    default: return { of: e.kind === 'level' && e.sample === 'capillary' ? 'measured-capillary' : 'measured', lt: e.censored ? '<' : '', value: String(e.value) };
  }
}

/**
 * The sense checks of typing and importing, on a record read from a session file: it is written
 * as TDM CSV and read back; a refused row, or a value that is not what its written form says (a file
 * changed by hand or damaged), is an error naming the patient, the row and what is accepted.
 */
function senseOf(record: PatientRecord, where: string): SessionProblem | null {
  const back = parseTdmCsv(writeTdmCsv([record]), 'session');
  const refused = back.issues.find((i) => i.severity === 'error');
  if (refused) {
    const t = refused.time;
    const at = typeof t === 'number' ? patientEvents(record).find((e) => Math.abs(e.time - t) < 1e-6)?.iso : undefined;
    return { code: 'refused', where, id: record.id, ...(at ? { at } : {}), issue: refused };
  }
  const mine = patientEvents(record);
  const read = back.patients.length === 1 ? patientEvents(back.patients[0]) : [];
  if (read.length !== mine.length) return { code: 'unreadable', where, id: record.id, rows: mine.length, read: read.length };
  for (let k = 0; k < mine.length; k++) {
    const a = mine[k], b = read[k];
    const row = { where, id: record.id, kind: a.kind, at: a.iso };
    if (a.kind !== b.kind || meaning(a) !== meaning(b)) return { code: 'stored-value', ...row, stored: meaningOf(a), written: meaningOf(b) };
    if (Math.abs(a.time - b.time) > 1e-6) return { code: 'stored-time', ...row };
  }
  return null;
}

function basisOf(b: unknown): { basis?: { asOf: string; proposed: string } } {
  return isObj(b) && typeof b.asOf === 'string' && typeof b.proposed === 'string' ? { basis: { asOf: b.asOf, proposed: b.proposed } } : {};
}

/** What is wrong, in English (`error`) and as data (`problem`) for the page to say in its language. */
export type SessionReadError = { error: string; problem: SessionProblem };

const fail = (problem: SessionProblem): SessionReadError => ({ error: sessionProblemText(problem), problem });

/** Read a session or backup file. Returns the file, or what is wrong with it. */
export function readSession(text: string): { session: SessionFile } | SessionReadError {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) { return fail({ code: 'not-json', detail: e instanceof Error ? e.message : String(e) }); }
  if (!isObj(v) || v.format !== SESSION_FORMAT) return fail({ code: 'not-session', format: SESSION_FORMAT });
  if (typeof v.formatVersion !== 'number' || !Number.isFinite(v.formatVersion)) return fail({ code: 'no-version', supported: SESSION_VERSION });
  if (v.formatVersion > SESSION_VERSION) return fail({ code: 'newer-version', version: String(v.formatVersion), supported: SESSION_VERSION });
  if (!Array.isArray(v.patients)) return fail({ code: 'no-patient-list' });
  const s = checkSettings(v.settings);
  if ('error' in s) return fail({ code: 'settings', problem: s.problem });
  const reports: unknown[] = v.reports === undefined ? [] : Array.isArray(v.reports) ? v.reports : [null];
  for (const [i, r] of reports.entries()) if (!checkReport(r)) return fail({ code: 'report', index: i });
  const rows = v.patients.reduce((n: number, p: unknown) => n + (isObj(p) && isObj(p.record)
    ? Object.keys(KIND_OF).reduce((m, l) => m + (Array.isArray((p.record as Record<string, unknown>)[l]) ? ((p.record as Record<string, unknown>)[l] as unknown[]).length : 0), 0) : 0), 0);
  if (rows > LIMITS.rowsPerFile) return fail({ code: 'too-large', rows, max: LIMITS.rowsPerFile });
  const seen = new Set<string>();
  const patients: StoredPatient[] = [];
  for (const [i, p] of v.patients.entries()) {
    const where = `patients[${i}]`;
    if (!isObj(p)) return fail({ code: 'not-object', where });
    const err = checkRecord(p.record, where);
    if (err) return fail(err);
    // Only the record's known fields (and lists of rows) are kept: nothing else of the file is stored.
    const record = cleanRecord(p.record as Record<string, unknown>);
    const senseless = senseOf(record, where);
    if (senseless) return fail(senseless);
    if (seen.has(record.id)) return fail({ code: 'twice', where, id: record.id });
    seen.add(record.id);
    const o = checkSettings(p.overrides);
    if ('error' in o) return fail({ code: 'overrides', where, problem: o.problem });
    const c = p.choice;
    if (c !== undefined && c !== null && (!isObj(c) || typeof c.option !== 'string' || typeof c.reason !== 'string')) return fail({ code: 'choice', where });
    patients.push({
      id: record.id, record, overrides: o.settings,
      choice: c ? { option: String(c.option), reason: String(c.reason), at: typeof c.at === 'string' ? c.at : '', ...basisOf(c.basis) } : null,
      updatedAt: typeof p.updatedAt === 'string' ? p.updatedAt : '', seq: i,
      ...(typeof p.pendingWeightKg === 'string' && p.pendingWeightKg !== '' ? { pendingWeightKg: p.pendingWeightKg } : {}),
      ...(p.example === true ? { example: true } : {}),
    });
  }
  return {
    session: {
      format: SESSION_FORMAT, formatVersion: v.formatVersion, appVersion: typeof v.appVersion === 'string' ? v.appVersion : 'unknown',
      savedAt: typeof v.savedAt === 'string' ? v.savedAt : '', models: Array.isArray(v.models) ? (v.models as unknown[]).filter((m): m is ModelRef => isObj(m) && isText(m.id) && isText(m.version)) : [],
      settings: s.settings, asOfMode: v.asOfMode === 'today' ? 'today' : 'last', patients,
      reports: reports as (PatientReport | PatientError)[],
    },
  };
}

/** Patients whose recomputed next dose differs from the one saved in the file. */
export function compareWithSaved(saved: (PatientReport | PatientError)[], now: Map<string, PatientReport | PatientError | undefined>): string[] {
  const out: string[] = [];
  for (const r of saved) {
    const cur = now.get(r.patientId);
    if (!cur || 'error' in r || 'error' in cur) continue;
    if (cur.proposal.nextDose !== r.proposal.nextDose) out.push(r.patientId);
  }
  return out;
}
