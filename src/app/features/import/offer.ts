/**
 * The one way patient records come into the app, whatever their source: a reader (TDM CSV,
 * session or backup file, FHIR Bundle, SMART launch) turns its file into an `IncomingBatch` and
 * calls `offerImport(batch)`. The import panel (ImportPanel.tsx) plans the merge with what is on
 * record, shows the preview (what each patient gains, has already, conflicts, refused) and saves
 * through the store's `applyImport` only when the user confirms, as one undoable change.
 *
 *   import { offerImport } from '../import/offer';
 *   offerImport({ source: 'bundle.json', kind: 'fhir', patients: records.map((record) => ({ record })), issues });
 */
import type { IncomingBatch } from '../../lib/import-plan';

export type { IncomingBatch, Incoming } from '../../lib/import-plan';

type Listener = (batch: IncomingBatch) => void;

let listener: Listener | null = null;
const waiting: IncomingBatch[] = [];

/** Hand patient records to the import panel (queued until the panel is on the page). */
export function offerImport(batch: IncomingBatch): void {
  if (listener) listener(batch);
  else waiting.push(batch);
}

/** The import panel listens here; returns the unsubscribe. */
export function listenForImports(fn: Listener): () => void {
  listener = fn;
  while (waiting.length) fn(waiting.shift()!);
  return () => { if (listener === fn) listener = null; };
}
