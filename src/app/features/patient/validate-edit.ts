/**
 * Check an edited list of rows with the records module itself (the same rules and messages as a
 * file import): the rows become a small TDM CSV, the parser reads it, and its messages are mapped
 * back to rows. The records module is loaded on first use, outside the first page load.
 */
import type { Issue, PatientRecord } from '../../../core/types';
import { rowOfLine, rowsToCsv, type EventRow } from '../../lib/rows';
import { todayIso } from '../../lib/dates';

export interface EditResult {
  /** The new record when no row has an error. */
  record: PatientRecord | null;
  /** Errors and warnings by row index (null: about the whole patient). */
  issues: { row: number | null; issue: Issue }[];
}

/** The file name the messages carry. */
export const ENTRY_FILE = 'entry';

/** Start loading the records module before the first edit. */
export function preloadValidator(): void {
  void import('../../../core/records/index');
}

/** What a check of rows needs (also sent to the validation worker). */
export interface ValidateRequest { base: PatientRecord; rows: EventRow[]; labLimit?: number; today: string }

/** Rows from which the check runs in its own worker (a long record; a short one is checked at once). */
export const WORKER_ROWS = 1000;

type Parse = typeof import('../../../core/records/index').parseTdmCsv;

/**
 * Check a patient's rows as the records module does. Typed values may use either decimal mark
 * (so `1,000` is refused as ambiguous), and a row dated after `today` (the app's clock, passed to
 * the clock-free core) is refused: the record holds what happened. A long record is checked in a
 * worker of its own (validate.worker.ts) so the page never waits on it; the answer is the same.
 */
export async function validateRows(base: PatientRecord, rows: EventRow[], labLimit?: number, today: string = todayIso()): Promise<EditResult> {
  const req: ValidateRequest = { base, rows, today, ...(labLimit === undefined ? {} : { labLimit }) };
  if (rows.length >= WORKER_ROWS && typeof Worker !== 'undefined') {
    // The record's own rows are not needed there (the table's rows are): not copied to the worker.
    const slim: PatientRecord = { ...base, doses: [], levels: [], bcells: [], weights: [], issues: importRefusals(base) };
    delete slim.wearingOff;
    try { return await inWorker({ ...req, base: slim }); } catch { /* no worker here (or it failed): checked on this thread below */ }
  }
  const { parseTdmCsv } = await import('../../../core/records/index');
  return validateRowsNow(parseTdmCsv, req);
}

/** The check itself, synchronous, given the records module's reader (here or in the worker). */
export function validateRowsNow(parseTdmCsv: Parse, { base, rows, labLimit, today }: ValidateRequest): EditResult {
  // Rows refused when the patient's file was imported are not in the table: they stay on the
  // record (so the patient stays unplanned, as the command line answers for that file) until the
  // clinician sets them aside (refusedSetAside), instead of vanishing with the first edit.
  const carried = importRefusals(base);
  if (rows.length === 0) {
    const { wearingOff: _none, ...rest } = base;
    return { record: { ...rest, doses: [], levels: [], bcells: [], weights: [], issues: carried }, issues: [] };
  }
  const text = rowsToCsv(base.id, base.drug, rows);
  const res = parseTdmCsv(text, ENTRY_FILE, labLimit === undefined ? { today, typed: true } : { labLimit, today, typed: true });
  const all: Issue[] = [...res.issues];
  for (const p of res.patients) for (const i of p.issues) if (!all.includes(i)) all.push(i);
  const seen = new Set<string>();
  const issues = all.filter((i) => i.code !== 'column_unknown' && !seen.has(`${i.line}|${i.message}`) && seen.add(`${i.line}|${i.message}`))
    .map((issue) => ({ row: rowOfLine(issue.line), issue }));
  const hasError = res.fatal || issues.some((x) => x.issue.severity === 'error');
  const rec = res.patients.find((p) => p.id === base.id) ?? null;
  if (hasError || !rec) return { record: null, issues };
  return { record: { ...rec, order: base.order, issues: [...rec.issues, ...carried] }, issues };
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

/**
 * Ask the validation worker (validate.worker.ts): `validate` checks rows (validateRowsNow), `typed`
 * checks typed rows against a record (entry/typed.ts). Rejects when there is no worker or it fails.
 */
export function askValidationWorker<T>(msg: { type: 'validate' | 'typed' } & Record<string, unknown>): Promise<T> {
  if (!worker) {
    const w = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      const p = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.error === undefined) p?.resolve(e.data.result); else p?.reject(new Error(e.data.error));
    };
    w.onerror = () => {
      for (const p of waiting.values()) p.reject(new Error('validation worker failed'));
      waiting.clear();
      worker = null;
      w.terminate();
    };
    worker = w;
  }
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
    worker!.postMessage({ id, ...msg });
  });
}

function inWorker(req: ValidateRequest): Promise<EditResult> {
  return askValidationWorker<EditResult>({ type: 'validate', ...req });
}

/** The rows refused when the patient's file was imported (errors not from the app's own entry). */
export function importRefusals(r: PatientRecord): Issue[] {
  return r.issues.filter((i) => i.severity === 'error' && i.file !== ENTRY_FILE);
}

/** The record with the import's refused rows set aside: planned on the rows that were read. */
export function refusedSetAside(r: PatientRecord): PatientRecord {
  const refused = new Set(importRefusals(r));
  return { ...r, issues: r.issues.filter((i) => !refused.has(i)) };
}
