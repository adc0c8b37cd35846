/**
 * Rows typed by hand against what is on record (issue 15, item 4): a level, count, dose or weight
 * at a kind and time already on record is refused ("already on record") when it says the same,
 * and asks "replace x with y?" when it says something else. Matching is the import merge's
 * (`rowKey`, `sameMeaning` in src/core/records/merge.ts): the draw time of a level or count, the
 * start of a dose, the date of a weight. The typed row takes the place of the row on record before
 * the records module checks the whole record, so the answer "yes" saves exactly that record.
 *
 * Fast at any size (issue 15: 282 ms at 5000 rows): the rows on record are indexed by kind and
 * time once per record (`recordIndex`), and the typed rows are read alone by the records module,
 * so a row already on record is answered "already on record" from the index without reading the
 * whole record again; a new row or a replacement is checked with the whole record
 * (`validateRows`, in a worker of its own for a long record: src/app/features/patient/validate-edit.ts).
 * `checkTypedPlain` is the straightforward check the indexed one must agree with
 * (test/app/features/entry/typed-index.test.ts; `npm run bench` times both).
 */
import type { Issue, PatientRecord } from '../../../core/types';
import { rowCount, rowKey, rowLists, sameMeaning, type RecordRow } from '../../../core/records/merge';
import { parseIsoTime } from '../../../core/time';
import { recordToRows, rowsToCsv, type EventRow } from '../../lib/rows';
import { askValidationWorker, ENTRY_FILE, validateRows, WORKER_ROWS, type EditResult } from '../patient/validate-edit';
import { todayIso } from '../../lib/dates';

/** A typed row that would take the place of one on record, said as the question asks it. */
export interface Replacement { kind: string; iso: string; old: RecordRow; new: RecordRow }

export type TypedCheck =
  /** The records module refused a row (`issues` by row index of `rows`, `origin`: which typed row a row index is). */
  | { kind: 'refused'; result: EditResult; rows: EventRow[]; origin: Map<number, number> }
  /** A typed row is already on record with the same meaning: nothing to save. */
  | { kind: 'same'; typed: number; row: RecordRow }
  /** The record to save; `replaces` lists the rows on record it replaces (ask first). (`rows`: empty when checked in the worker.) */
  | { kind: 'ok'; result: EditResult & { record: PatientRecord }; replaces: Replacement[]; rows: EventRow[]; origin: Map<number, number> };

/** The merge key of a typed row (null when its time cannot be read: the records module says why). */
function keyOfRow(r: EventRow): string | null {
  const t = parseIsoTime(r.time);
  return t === null ? null : rowKey({ kind: r.kind, time: t, iso: r.time } as RecordRow);
}

function eventsOf(rec: PatientRecord): RecordRow[] {
  return rowLists(rec).flatMap((l) => (rec as unknown as Record<string, RecordRow[]>)[l]);
}

/**
 * The rows of a record by their merge key (`rowKey`: kind, and time to the minute, a weight by its
 * date), built once per record: per kind, the key's number (no string built per row).
 */
export type RecordIndex = Map<string, Map<number, RecordRow>>;
const indexes = new WeakMap<PatientRecord, RecordIndex>();

/** `rowKey` as a number within its kind. */
const keyNumber = (kind: string, time: number) => { const m = Math.round(time * 1440); return kind === 'weight' ? Math.floor(m / 1440) : m; };

export function recordIndex(record: PatientRecord): RecordIndex {
  let m = indexes.get(record);
  if (!m) {
    m = new Map();
    for (const name of rowLists(record)) {
      for (const e of (record as unknown as Record<string, RecordRow[]>)[name]) {
        let byKind = m.get(e.kind);
        if (!byKind) { byKind = new Map(); m.set(e.kind, byKind); }
        const k = keyNumber(e.kind, e.time);
        if (!byKind.has(k)) byKind.set(k, e);
      }
    }
    indexes.set(record, m);
  }
  return m;
}

/** The row on record at a typed row's kind and time, if any. */
function onRecord(index: RecordIndex, r: EventRow): RecordRow | undefined {
  const t = parseIsoTime(r.time);
  return t === null ? undefined : index.get(r.kind)?.get(keyNumber(r.kind, t));
}

/**
 * The typed rows as the records module reads them on their own (same rules as in the record:
 * today, the lab's limit, either decimal mark), in typed order; null when any is refused or not
 * read (then the whole record is checked, for the messages in their context).
 */
async function readAlone(record: PatientRecord, typed: EventRow[], labLimit: number | undefined, today: string): Promise<RecordRow[] | null> {
  const { parseTdmCsv } = await import('../../../core/records/index');
  const res = parseTdmCsv(rowsToCsv(record.id, record.drug, typed), ENTRY_FILE, labLimit === undefined ? { today, typed: true } : { labLimit, today, typed: true });
  if (res.fatal || res.issues.some((i) => i.severity === 'error') || res.patients.length !== 1) return null;
  const read = eventsOf(res.patients[0]);
  if (read.length !== typed.length) return null;
  // Back in typed order: line n + 2 of the text is typed[n].
  const byLine = new Map(read.map((e) => [(e as { line?: number }).line, e]));
  const out = typed.map((_, i) => byLine.get(i + 2));
  return out.every((e): e is RecordRow => !!e) ? out : null;
}

/**
 * Check rows typed for a record whose rows (as the table shows them) are `base` (null: all of the
 * record's rows; see `checkTypedPlain` for what is answered). Indexed: when every typed row is
 * already on record with the same meaning, the answer comes from the record's index without
 * reading the whole record again. Otherwise the whole record is checked as the plain way does: for
 * a long record in the validation worker, which keeps the record, so the page's thread only sends
 * the typed rows and takes the answer back. (The record on record passed the records check when it
 * was saved, so putting a row of the same meaning in its place changes nothing the check could refuse.)
 */
export async function checkTyped(record: PatientRecord, base: EventRow[] | null, typed: EventRow[], labLimit: number | undefined, skip?: number, today: string = todayIso()): Promise<TypedCheck> {
  // Only the table's own rows (nothing left out, nothing edited): the index is the record's.
  const whole = skip === undefined && typed.length > 0 && (base === null || base.length === rowCount(record));
  if (whole) {
    const same = await sameFromIndex(record, typed, labLimit, today);
    if (same) return same;
    if (rowCount(record) >= WORKER_ROWS && typeof Worker !== 'undefined') {
      try { return await typedInWorker(record, typed, labLimit, today); } catch { /* no worker (or it failed): checked here below */ }
    }
  }
  return checkTypedPlain(record, base ?? recordToRows(record), typed, labLimit, skip, today);
}

/** "Already on record" from the record's index when every typed row is on record with the same meaning, else null. */
export async function sameFromIndex(record: PatientRecord, typed: EventRow[], labLimit: number | undefined, today: string): Promise<TypedCheck | null> {
  const keys = typed.map(keyOfRow);
  if (new Set(keys).size !== keys.length || keys.some((k) => k === null)) return null;
  const index = recordIndex(record);
  const there = typed.map((r) => onRecord(index, r));
  if (!there.every((e, i) => e && e.kind === typed[i].kind)) return null;
  const read = await readAlone(record, typed, labLimit, today);
  return read && read.every((r, i) => rowKey(r) === keys[i] && sameMeaning(there[i]!, r)) ? { kind: 'same', typed: 0, row: there[0]! } : null;
}

/**
 * Records the validation worker holds, by what they are made of (a record saved is a copy sharing
 * its lists): the page's id for each. The same lists, messages (the import's refused rows set
 * aside make a new list), id and drug: the same record.
 */
const inWorker = new WeakMap<object, { id: number; lists: unknown[] }>();
let nextRecordId = 1;
const listsOf = (r: PatientRecord): unknown[] => [...rowLists(r).map((k) => (r as unknown as Record<string, unknown>)[k]), r.issues, r.id, r.drug];

function workerIdOf(r: PatientRecord): number | null {
  const k = inWorker.get(r.doses);
  if (!k) return null;
  const l = listsOf(r);
  return l.length === k.lists.length && l.every((x, i) => x === k.lists[i]) ? k.id : null;
}

/** The plain check in the validation worker: the record sent once, then only the typed rows. */
async function typedInWorker(record: PatientRecord, typed: EventRow[], labLimit: number | undefined, today: string, again = false): Promise<TypedCheck> {
  const known = again ? null : workerIdOf(record);
  const recordId = known ?? nextRecordId++;
  const resultId = nextRecordId++;
  try {
    const c = await askValidationWorker<TypedCheck>({ type: 'typed', recordId, ...(known === null ? { record } : {}), resultId, typed, today, ...(labLimit === undefined ? {} : { labLimit }) });
    if (known === null) inWorker.set(record.doses, { id: recordId, lists: listsOf(record) });
    if (c.kind === 'ok') inWorker.set(c.result.record.doses, { id: resultId, lists: listsOf(c.result.record) });
    return c;
  } catch (e) {
    // The worker no longer holds that record (it keeps a few): sent again, once.
    if (!again && known !== null && e instanceof Error && e.message === 'unknown record') return typedInWorker(record, typed, labLimit, today, true);
    throw e;
  }
}

/**
 * Check rows typed for a record whose rows (as the table shows them) are `base`. A typed row at a
 * kind and time of a row in `base` takes that row's place (`skip`: a base row not to match, the
 * row being edited); the others are added. The plain way: the whole record is read again, then
 * matched row by row (see `checkTyped`, the indexed way, which must give the same answers).
 */
export async function checkTypedPlain(record: PatientRecord, base: EventRow[], typed: EventRow[], labLimit: number | undefined, skip?: number, today: string = todayIso(),
  validate: typeof validateRows = validateRows): Promise<TypedCheck> {
  const rows = [...base];
  const origin = new Map<number, number>();
  const matched: [number, number][] = [];
  const baseKeys = base.map((r, j) => (j === skip ? null : keyOfRow(r)));
  typed.forEach((r, i) => {
    const k = keyOfRow(r);
    const j = k === null ? -1 : baseKeys.indexOf(k);
    if (j >= 0 && base[j].kind === r.kind) { rows[j] = { ...r, extra: base[j].extra }; origin.set(j, i); matched.push([i, j]); baseKeys[j] = null; }
    else { origin.set(rows.length, i); rows.push(r); }
  });
  const result = await validate(record, rows, labLimit, today);
  if (!result.record) return { kind: 'refused', result, rows, origin };
  const before = eventsOf(record);
  const after = eventsOf(result.record);
  const replaces: Replacement[] = [];
  for (const [i] of matched) {
    const k = keyOfRow(typed[i])!;
    const old = before.find((e) => e.kind === typed[i].kind && rowKey(e) === k);
    const neu = after.find((e) => e.kind === typed[i].kind && rowKey(e) === k);
    if (!old || !neu) continue;
    if (sameMeaning(old, neu)) return { kind: 'same', typed: i, row: old };
    replaces.push({ kind: old.kind, iso: old.iso, old, new: neu });
  }
  return { kind: 'ok', result: result as EditResult & { record: PatientRecord }, replaces, rows, origin };
}

/** A message issue for a typed row already on record (shown on the row's time field). */
export function alreadyIssue(message: string): Issue {
  return { code: 'already_on_record', severity: 'error', message, column: 'time' };
}

/** Whether a typed row sits at the kind and time of one of `rows` (so it would take that row's place). */
export async function movesOnto(rows: EventRow[], typed: EventRow): Promise<boolean> {
  const k = keyOfRow(typed);
  return k !== null && rows.some((r) => r.kind === typed.kind && keyOfRow(r) === k);
}
