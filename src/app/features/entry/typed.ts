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
import { rowsToCsv, type EventRow } from '../../lib/rows';
import { ENTRY_FILE, validateRows, type EditResult } from '../patient/validate-edit';
import { todayIso } from '../../lib/dates';

/** A typed row that would take the place of one on record, said as the question asks it. */
export interface Replacement { kind: string; iso: string; old: RecordRow; new: RecordRow }

export type TypedCheck =
  /** The records module refused a row (`issues` by row index of `rows`, `origin`: which typed row a row index is). */
  | { kind: 'refused'; result: EditResult; rows: EventRow[]; origin: Map<number, number> }
  /** A typed row is already on record with the same meaning: nothing to save. */
  | { kind: 'same'; typed: number; row: RecordRow }
  /** The record to save; `replaces` lists the rows on record it replaces (ask first). */
  | { kind: 'ok'; result: EditResult & { record: PatientRecord }; replaces: Replacement[]; rows: EventRow[]; origin: Map<number, number> };

/** The merge key of a typed row (null when its time cannot be read: the records module says why). */
function keyOfRow(r: EventRow): string | null {
  const t = parseIsoTime(r.time);
  return t === null ? null : rowKey({ kind: r.kind, time: t, iso: r.time } as RecordRow);
}

function eventsOf(rec: PatientRecord): RecordRow[] {
  return rowLists(rec).flatMap((l) => (rec as unknown as Record<string, RecordRow[]>)[l]);
}

/** The rows of a record by their merge key (kind and time), built once per record. */
const indexes = new WeakMap<PatientRecord, Map<string, RecordRow>>();

export function recordIndex(record: PatientRecord): Map<string, RecordRow> {
  let m = indexes.get(record);
  if (!m) {
    m = new Map();
    for (const e of eventsOf(record)) { const k = rowKey(e); if (!m.has(k)) m.set(k, e); }
    indexes.set(record, m);
  }
  return m;
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
 * Check rows typed for a record whose rows (as the table shows them) are `base` (see
 * `checkTypedPlain` for what is answered). Indexed: when every typed row is already on record with
 * the same meaning, the answer comes from the record's index without reading the whole record
 * again; otherwise the whole record is checked as the plain way does. (The record on record passed
 * the records check when it was saved, so putting a row of the same meaning in its place changes
 * nothing the check could refuse.)
 */
export async function checkTyped(record: PatientRecord, base: EventRow[], typed: EventRow[], labLimit: number | undefined, skip?: number, today: string = todayIso()): Promise<TypedCheck> {
  // Only the table's own rows (nothing left out, nothing edited): the index is the record's.
  if (skip === undefined && typed.length > 0 && base.length === rowCount(record)) {
    const index = recordIndex(record);
    const keys = typed.map(keyOfRow);
    const distinct = new Set(keys).size === keys.length && keys.every((k) => k !== null);
    const there = distinct ? keys.map((k) => index.get(k!)) : [];
    if (distinct && there.every((e, i) => e && e.kind === typed[i].kind)) {
      const read = await readAlone(record, typed, labLimit, today);
      if (read && read.every((r, i) => rowKey(r) === keys[i] && sameMeaning(there[i]!, r))) return { kind: 'same', typed: 0, row: there[0]! };
    }
  }
  return checkTypedPlain(record, base, typed, labLimit, skip, today);
}

/**
 * Check rows typed for a record whose rows (as the table shows them) are `base`. A typed row at a
 * kind and time of a row in `base` takes that row's place (`skip`: a base row not to match, the
 * row being edited); the others are added. The plain way: the whole record is read again, then
 * matched row by row (see `checkTyped`, the indexed way, which must give the same answers).
 */
export async function checkTypedPlain(record: PatientRecord, base: EventRow[], typed: EventRow[], labLimit: number | undefined, skip?: number, today: string = todayIso()): Promise<TypedCheck> {
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
  const result = await validateRows(record, rows, labLimit, today);
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
