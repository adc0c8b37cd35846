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
import { sessionProblemText, type SessionProblem } from './session-problems';

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

function checkRecord(r: unknown, where: string): SessionProblem | null {
  if (!isObj(r)) return { code: 'record-missing', where };
  if (typeof r.id !== 'string' || r.id === '') return { code: 'id-not-text', where };
  if (r.drug !== 'natalizumab' && r.drug !== 'ocrelizumab') return { code: 'drug', where };
  for (const l of LISTS) {
    const list = r[l];
    if (!Array.isArray(list)) return { code: 'not-list', where, list: l };
    for (const [i, e] of list.entries()) {
      if (!isObj(e) || typeof e.time !== 'number' || !Number.isFinite(e.time) || typeof e.iso !== 'string') return { code: 'no-time', where, list: l, index: i };
    }
  }
  if (!Array.isArray(r.issues)) return { code: 'issues-not-list', where };
  return null;
}

/** The values an event stands for, to compare a stored record with its written form read back. */
function meaning(e: PatientEvent): string {
  switch (e.kind) {
    case 'dose': return `${e.amountMg} mg ${e.route} ${e.durationMin} min`;
    case 'weight': return `${e.kg} kg`;
    default: return `${e.censored ? '<' : ''}${e.value}${e.kind === 'level' && e.sample === 'capillary' ? ' capillary' : ''}`;
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
    if (a.kind !== b.kind || meaning(a) !== meaning(b)) return { code: 'stored-value', ...row, stored: meaning(a), written: meaning(b) };
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
  const seen = new Set<string>();
  const patients: StoredPatient[] = [];
  for (const [i, p] of v.patients.entries()) {
    const where = `patients[${i}]`;
    if (!isObj(p)) return fail({ code: 'not-object', where });
    const err = checkRecord(p.record, where);
    if (err) return fail(err);
    const record = p.record as unknown as PatientRecord;
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
      savedAt: typeof v.savedAt === 'string' ? v.savedAt : '', models: Array.isArray(v.models) ? v.models as ModelRef[] : [],
      settings: s.settings, asOfMode: v.asOfMode === 'today' ? 'today' : 'last', patients,
      reports: Array.isArray(v.reports) ? v.reports as (PatientReport | PatientError)[] : [],
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
