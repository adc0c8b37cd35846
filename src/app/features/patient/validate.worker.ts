/**
 * A worker of its own for checking a long record typed into (validate-edit.ts): the records
 * module reads every row again, which takes about a tenth of a second at 5000 rows, off the page's
 * thread and never queued behind the planning worker. Answers one request at a time, in order.
 */
import { validateRowsNow, type ValidateRequest } from './validate-edit';

self.onmessage = async (e: MessageEvent<ValidateRequest & { id: number }>) => {
  const { id, ...req } = e.data;
  try {
    const { parseTdmCsv } = await import('../../../core/records/index');
    (self as unknown as Worker).postMessage({ id, result: validateRowsNow(parseTdmCsv, req) });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
