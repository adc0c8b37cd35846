/**
 * Rows typed by hand against what is on record (issue 15, item 4): a level, count, dose or weight
 * at a kind and time already on record is refused ("already on record") when it says the same,
 * and asks "replace x with y?" when it says something else. Matching is the import merge's
 * (`rowKey`, `sameMeaning` in src/core/records/merge.ts): the draw time of a level or count, the
 * start of a dose, the date of a weight. The typed row takes the place of the row on record before
 * the records module checks the whole record, so the answer "yes" saves exactly that record.
 */
import type { Issue, PatientRecord } from '../../../core/types';
import { rowKey, rowLists, sameMeaning, type RecordRow } from '../../../core/records/merge';
import { parseIsoTime } from '../../../core/time';
import type { EventRow } from '../../lib/rows';
import { validateRows, type EditResult } from '../patient/validate-edit';

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

/**
 * Check rows typed for a record whose rows (as the table shows them) are `base`. A typed row at a
 * kind and time of a row in `base` takes that row's place (`skip`: a base row not to match, the
 * row being edited); the others are added.
 */
export async function checkTyped(record: PatientRecord, base: EventRow[], typed: EventRow[], labLimit: number | undefined, skip?: number): Promise<TypedCheck> {
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
  const result = await validateRows(record, rows, labLimit);
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
