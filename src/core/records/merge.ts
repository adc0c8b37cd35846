/**
 * Merging patient records: what a file (CSV, session, FHIR) brings is added to what is on record,
 * never put in its place. Rows are matched per patient by kind and time: the draw time of a level
 * or count, the start of a dose, the date of a weight (any other kind of row a record carries, by
 * its time). A row on record with the same meaning is skipped and counted (`same`); a new row is
 * added (`added`); a row whose kind and time are on record with another meaning (value, censoring,
 * sample, route, length, amount) is a conflict, applied only when asked (`applyConflicts`). A merge
 * never removes a row: rows on record that the incoming record lacks stay.
 *
 * Pure: no clock, no DOM. Used by CSV import, session restore and FHIR import alike.
 */
import type { Issue, PatientEvent, PatientRecord } from '../types';

/** One row of a record, whatever its kind (the four known kinds, or another list a record carries). */
export type RecordRow = PatientEvent | ({ kind: string; time: number; iso: string } & Record<string, unknown>);

export interface RowConflict {
  /** The record's list the row belongs to (`levels`, `doses`, …). */
  list: string;
  kind: string;
  /** The matching key (`level@2024-02-05T08:45`, `weight@2024-01-08`). */
  key: string;
  existing: RecordRow;
  incoming: RecordRow;
}

export interface MergeResult {
  /** What is on record plus the added rows (conflicts not applied), lists sorted by time. */
  record: PatientRecord;
  added: RecordRow[];
  same: RecordRow[];
  conflicts: RowConflict[];
  /** Set when the incoming record is of another drug: nothing is merged (the patient is refused). */
  drugDiffers?: { existing: string; incoming: string };
}

/** The record's lists of rows: every array field but `issues` (so a kind added later merges too). */
export function rowLists(r: PatientRecord): string[] {
  return Object.keys(r).filter((k) => k !== 'issues' && Array.isArray((r as unknown as Record<string, unknown>)[k]));
}

function listOf(r: PatientRecord, name: string): RecordRow[] {
  const v = (r as unknown as Record<string, unknown>)[name];
  return Array.isArray(v) ? (v as RecordRow[]) : [];
}

const minute = (t: number) => Math.round(t * 1440);

/** The key a row is matched by: kind and time to the minute; a weight by its date. */
export function rowKey(e: RecordRow): string {
  if (e.kind === 'weight') return `weight@${Math.floor(minute(e.time) / 1440)}`;
  return `${e.kind}@${minute(e.time)}`;
}

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) : a === b;

/** What a row says (its meaning, not how it was written): two rows with the same key and meaning are the same row. */
export function sameMeaning(a: RecordRow, b: RecordRow): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'dose': {
      const d = a as PatientEvent & { kind: 'dose' }, e = b as PatientEvent & { kind: 'dose' };
      return close(d.amountMg, e.amountMg) && d.route === e.route && close(d.durationMin, e.durationMin);
    }
    case 'level': case 'bcell': {
      const o = a as PatientEvent & { kind: 'level' }, p = b as PatientEvent & { kind: 'level' };
      return close(o.value, p.value) && !!o.censored === !!p.censored && (o.sample ?? 'venous') === (p.sample ?? 'venous');
    }
    case 'weight': return close((a as { kg: number }).kg, (b as { kg: number }).kg);
    default: {
      // Another kind of row: every field but how it was written (line, note, extra, iso) must agree.
      const skip = new Set(['line', 'note', 'extra', 'iso']);
      const ka = Object.keys(a).filter((k) => !skip.has(k)).sort(), kb = Object.keys(b).filter((k) => !skip.has(k)).sort();
      if (ka.join() !== kb.join()) return false;
      return ka.every((k) => close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]) || JSON.stringify((a as Record<string, unknown>)[k]) === JSON.stringify((b as Record<string, unknown>)[k]));
    }
  }
}

const byTime = (a: RecordRow, b: RecordRow) => a.time - b.time;

/** The identity of an issue, so one read twice is kept once. */
const issueKey = (i: Issue) => `${i.severity}|${i.code}|${i.message}`;

function mergeIssues(a: Issue[], b: Issue[]): Issue[] {
  const seen = new Set(a.map(issueKey));
  const out = [...a];
  for (const i of b) if (!seen.has(issueKey(i))) { seen.add(issueKey(i)); out.push(i); }
  return out;
}

/**
 * Merge `incoming` into `existing` (same patient). Returns the merged record (conflicts not
 * applied) and what was added, what was already there and what conflicts. An incoming row is
 * matched against the rows on record and those added before it from the same record, so a file
 * that holds one row twice adds it once.
 */
export function merge(existing: PatientRecord, incoming: PatientRecord): MergeResult {
  if (existing.drug !== incoming.drug) {
    return { record: existing, added: [], same: [], conflicts: [], drugDiffers: { existing: existing.drug, incoming: incoming.drug } };
  }
  const added: RecordRow[] = [];
  const same: RecordRow[] = [];
  const conflicts: RowConflict[] = [];
  const out: Record<string, unknown> = { ...existing };
  let changed = false;
  const names = [...new Set([...rowLists(existing), ...rowLists(incoming)])];
  for (const name of names) {
    const mine = listOf(existing, name);
    const theirs = listOf(incoming, name);
    if (!theirs.length) continue;
    const atKey = new Map<string, RecordRow[]>();
    for (const e of mine) { const k = rowKey(e); const l = atKey.get(k); if (l) l.push(e); else atKey.set(k, [e]); }
    const fresh: RecordRow[] = [];
    for (const e of theirs) {
      const k = rowKey(e);
      const there = atKey.get(k);
      if (!there) { fresh.push(e); added.push(e); atKey.set(k, [e]); continue; }
      if (there.some((x) => sameMeaning(x, e))) { same.push(e); continue; }
      conflicts.push({ list: name, kind: e.kind, key: k, existing: there[0], incoming: e });
    }
    if (fresh.length) { out[name] = [...mine, ...fresh].sort(byTime); changed = true; }
  }
  const issues = mergeIssues(existing.issues, incoming.issues);
  if (issues.length !== existing.issues.length) { out.issues = issues; changed = true; }
  // Nothing new: the record on record itself (so a caller can tell that nothing changes).
  return { record: changed ? out as unknown as PatientRecord : existing, added, same, conflicts };
}

/**
 * The record with the chosen conflicts applied: each chosen incoming row takes the place of the
 * row on record it conflicts with (nothing else changes).
 */
export function applyConflicts(record: PatientRecord, chosen: RowConflict[]): PatientRecord {
  if (!chosen.length) return record;
  const out: Record<string, unknown> = { ...record };
  for (const name of new Set(chosen.map((c) => c.list))) {
    const swap = new Map<RecordRow, RecordRow>();
    for (const c of chosen) if (c.list === name) swap.set(c.existing, c.incoming);
    const list = listOf(record, name);
    // The conflict may name a row added by the same merge (a file holding two values at one time).
    out[name] = list.map((e) => swap.get(e) ?? e).sort(byTime);
  }
  return out as unknown as PatientRecord;
}

/** An empty record of a patient (to merge a new patient into). */
export function emptyLike(r: PatientRecord): PatientRecord {
  const out: Record<string, unknown> = { ...r, issues: [] };
  for (const k of rowLists(r)) out[k] = [];
  return out as unknown as PatientRecord;
}

/** Number of rows a record holds (all lists). */
export function rowCount(r: PatientRecord): number {
  return rowLists(r).reduce((n, k) => n + listOf(r, k).length, 0);
}
