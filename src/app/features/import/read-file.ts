/**
 * A picked or dropped file as a batch to import: a TDM CSV or a FHIR Bundle read into records (by
 * the worker's `parse`), or a session file; or why it cannot be used (too large, not a session,
 * nothing usable). Sizes are checked before the text is read, and rows once it is.
 */
import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import type { Issue, ParseResult } from '../../../core/types';
import { isFhirJson } from '../../../core/fhir/read';
import { readSession, type SessionFile } from '../../lib/session';
import { sessionProblemIn } from '../../lib/session-problems';
import type { IncomingBatch } from '../../lib/import-plan';
import { fileTooLarge, type FileSizeProblem } from '../../lib/limits';
import { batchIssues, type Say } from './ImportViews';

/** Why a file is too large, said when shown (in the screen's language then). */
export function sizeSay(file: string, p: FileSizeProblem): Say {
  return (t) => t(`size.${p.code}`, { ns: 'safety', file, ...p });
}

/** Why a file could not be read (the browser's or the worker's own words kept as given), said when shown. */
export function readFailedSay(file: string, e: unknown): Say {
  const error = e instanceof Error ? e.message : String(e);
  return (t: TFunction) => t('import.readFailed', { ns: 'app', file, error });
}

export type FileRead = { batch: IncomingBatch; session?: SessionFile } | { failed: { message: Say; issues?: Issue[] } };

/** Read a file into a batch, or say why it cannot be used (a sentence said when shown, so a language switch says it anew). */
export async function readImportFile(file: File, parse: (text: string, file: string) => Promise<ParseResult>): Promise<FileRead> {
  const early = fileTooLarge(file.size);
  if (early) return { failed: { message: sizeSay(file.name, early) } };
  const text = await file.text();
  // A FHIR Bundle goes the CSV's way (read into records, the same preview and merge); other JSON is a session.
  const fhir = isFhirJson(text);
  if (!fhir && (/\.json$/i.test(file.name) || /^\s*\{/.test(text.slice(0, 100)))) {
    const s = readSession(text);
    if ('error' in s) {
      const problem = s.problem;
      return { failed: { message: (t, lang) => t('import.badSession', { ns: 'app', file: file.name, error: sessionProblemIn(problem, lang) }) } };
    }
    const session = s.session;
    const batch: IncomingBatch = {
      source: file.name, kind: 'session', settings: session.settings, asOfMode: session.asOfMode,
      patients: session.patients.map((p) => ({ record: p.record, choice: p.choice, overrides: p.overrides, ...(p.pendingWeightKg ? { pendingWeightKg: p.pendingWeightKg } : {}) })),
    };
    return { batch, session };
  }
  // A Bundle's lines are not rows (one resource spans many): its patients and rows are checked once read.
  const tooMany = fhir ? null : fileTooLarge(file.size, text);
  if (tooMany) return { failed: { message: sizeSay(file.name, tooMany) } };
  const result = await parse(text, file.name);
  const kind = fhir ? 'fhir' : 'csv';
  const batch: IncomingBatch = { source: file.name, kind, patients: result.patients.map((record) => ({ record })), issues: result.issues };
  if (result.fatal || result.patients.length === 0) return { failed: { message: (t) => t('import.unusable', { ns: 'app', file: file.name }), issues: batchIssues(batch) } };
  return { batch };
}

/** A file dropped anywhere on the page is read; `setDragging` says while one is over it. */
export function useFileDrop(handleFile: (f: File) => Promise<void>, setDragging: (on: boolean) => void): void {
  useEffect(() => {
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); setDragging(true); } };
    const leave = (e: DragEvent) => { if (!e.relatedTarget) setDragging(false); };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      void handleFile(e.dataTransfer.files[0]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => { window.removeEventListener('dragover', over); window.removeEventListener('dragleave', leave); window.removeEventListener('drop', drop); };
  }, [handleFile, setDragging]);
}
