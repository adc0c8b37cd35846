/**
 * A card with no proposal because of rows an import refused: the patient view lists those rows
 * once, above the card, with what to do (PatientView's RefusedRows). The card then says why there
 * is no proposal by referring to them, and leaves them out of its own list, instead of saying each
 * row two more times (in the engine's sentence and in the list of messages).
 */
import type { Issue } from '../../../core/types';
import type { PatientError } from '../../../core/report/types';

/** An issue's identity across the worker (the report's copy of a record's issue is not the same object). */
function key(i: Issue): string {
  return `${i.file ?? ''}|${i.line ?? ''}|${i.code}|${i.message}`;
}

/**
 * When every row error of the report is among `listed` (said elsewhere on the page) and the error
 * is about them: their number, and the report's other messages (warnings, …) still to be said on
 * the card. Otherwise null: the card says its error as it is.
 */
export function refusedListedAbove(report: PatientError, listed: readonly Issue[] | undefined): { count: number; rest: Issue[] } | null {
  if (!listed?.length || (report.errorCode !== 'rows-refused' && report.errorCode !== 'row-error')) return null;
  const above = new Set(listed.map(key));
  const errors = report.issues.filter((i) => i.severity === 'error');
  if (errors.length === 0 || !errors.every((i) => above.has(key(i)))) return null;
  return { count: errors.length, rest: report.issues.filter((i) => !above.has(key(i))) };
}
