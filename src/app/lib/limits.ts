/**
 * Size limits of what the app takes in, so a huge or hostile file is refused with a clear message
 * instead of freezing the tab (a 200,000-row file, 10,000 patients, a 200,000-level patient). A
 * clinic's real records are far inside them: 20 years of 4-weekly natalizumab with a trough at
 * every infusion is about 520 rows. The command line (batches, audits) has its own work budget.
 */
import type { PatientRecord } from '../../core/types';
import { rowCount, rowLists } from '../../core/records/merge';

export const LIMITS = {
  /** Bytes of one file. */
  fileBytes: 20_000_000,
  /** Data rows of one file (a TDM CSV's lines after the header; a session's rows over all patients). */
  rowsPerFile: 50_000,
  /** Patients in one file. */
  patientsPerFile: 2_000,
  /** Rows of one patient, after merging with what is on record. */
  rowsPerPatient: 5_000,
  /** Characters of one field (a note, an unknown column's value). */
  fieldLength: 1_000,
  /** Characters of a patient id. */
  idLength: 64,
} as const;

export type SizeProblem =
  | { code: 'rows-per-patient'; rows: number; max: number }
  | { code: 'field-length'; field: string; at: string; length: number; max: number }
  | { code: 'id-length'; length: number; max: number };

export type FileSizeProblem =
  | { code: 'file-bytes'; bytes: number; max: number }
  | { code: 'rows-per-file'; rows: number; max: number }
  | { code: 'patients-per-file'; patients: number; max: number };

/** Lines of a text after the first (the header), not counting a last empty line. */
export function dataLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** What is too large about a file's text, before it is read. */
export function fileTooLarge(bytes: number, text?: string): FileSizeProblem | null {
  if (bytes > LIMITS.fileBytes) return { code: 'file-bytes', bytes, max: LIMITS.fileBytes };
  if (text !== undefined) {
    const rows = dataLines(text);
    if (rows > LIMITS.rowsPerFile) return { code: 'rows-per-file', rows, max: LIMITS.rowsPerFile };
  }
  return null;
}

/** What is too large about a patient's record (check the merged record again: it may have grown). */
export function recordTooLarge(r: PatientRecord): SizeProblem | null {
  if (r.id.length > LIMITS.idLength) return { code: 'id-length', length: r.id.length, max: LIMITS.idLength };
  const rows = rowCount(r);
  if (rows > LIMITS.rowsPerPatient) return { code: 'rows-per-patient', rows, max: LIMITS.rowsPerPatient };
  for (const list of rowLists(r)) {
    for (const e of (r as unknown as Record<string, { iso?: string; note?: unknown; extra?: Record<string, unknown> }[]>)[list]) {
      const fields: [string, unknown][] = [['note', e.note], ...Object.entries(e.extra ?? {})];
      for (const [field, v] of fields) {
        if (typeof v === 'string' && v.length > LIMITS.fieldLength) return { code: 'field-length', field, at: String(e.iso ?? ''), length: v.length, max: LIMITS.fieldLength };
      }
    }
  }
  return null;
}
