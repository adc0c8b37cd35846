/**
 * A worker of its own for checking rows typed into a long record (validate-edit.ts, entry/typed.ts):
 * the records module reads every row again, which takes about a tenth of a second at 5000 rows,
 * off the page's thread and never queued behind the planning worker. Answers in order.
 *
 * `validate`: rows checked as validateRowsNow does. `typed`: typed rows checked against a record
 * as checkTypedPlain does; the worker keeps the last few records it was sent or made (by the id
 * the page gives them), so the page sends a long record once, not with every row typed.
 */
import type { PatientRecord } from '../../../core/types';
import type { EventRow } from '../../lib/rows';
import { recordToRows } from '../../lib/rows';
import { validateRowsNow, type ValidateRequest } from './validate-edit';
import { checkTypedPlain, type TypedCheck } from '../entry/typed';

type Msg = { id: number } & (({ type: 'validate' } & ValidateRequest)
  | { type: 'typed'; recordId: number; record?: PatientRecord; resultId: number; typed: EventRow[]; labLimit?: number; today: string });

/** Records by the page's id, oldest first (a few: the patient being typed into). */
const records = new Map<number, PatientRecord>();
const keep = (id: number, r: PatientRecord) => { records.delete(id); records.set(id, r); while (records.size > 6) records.delete(records.keys().next().value!); };

self.onmessage = async (e: MessageEvent<Msg>) => {
  const m = e.data;
  const reply = (result: unknown) => (self as unknown as Worker).postMessage({ id: m.id, result });
  try {
    const { parseTdmCsv } = await import('../../../core/records/index');
    if (m.type === 'validate') { reply(validateRowsNow(parseTdmCsv, m)); return; }
    if (m.record) keep(m.recordId, m.record);
    const record = records.get(m.recordId);
    if (!record) throw new Error('unknown record');
    const c: TypedCheck = await checkTypedPlain(record, recordToRows(record), m.typed, m.labLimit, undefined, m.today,
      async (base, rows, labLimit, today) => validateRowsNow(parseTdmCsv, { base, rows, today: today ?? m.today, ...(labLimit === undefined ? {} : { labLimit }) }));
    if (c.kind === 'ok') keep(m.resultId, c.result.record);
    // The table's rows go back only with a refusal (its messages name them); the rest is small.
    reply(c.kind === 'ok' ? { ...c, rows: [] } : c);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
};
