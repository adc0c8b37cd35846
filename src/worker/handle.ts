/**
 * What the worker does with one request: the core's own functions, nothing more. Kept apart
 * from the worker's message loop so tests can call it directly.
 */
import { computeReport, cutAsOf, lastEventTime, parseAsOfDate, parseTdmCsv, formatDate } from '../core/index';
import { refusedRowsError } from '../core/engine';
import type { Days } from '../core/types';
import type { ParseOptions } from '../core/records/index';
import type { AsOfSpec, WorkerRequest, WorkerResponse } from './protocol';
import { clinicTrack, trackPatient } from '../core/natalizumab/clinic-track';
import type { PatientRecord } from '../core/types';
import { isFhirJson, readFhirText } from '../core/fhir/read';

/** The as-of time (end of the day) for a patient. */
export function resolveAsOf(patient: PatientRecord, spec: AsOfSpec): Days {
  const day = spec.kind === 'date' ? spec.date : formatDate(lastEventTime(patient));
  const t = parseAsOfDate(day);
  if (t === null) throw new Error(`bad as-of date ${day}`);
  return t;
}

export function handle(req: WorkerRequest, now: () => number): WorkerResponse {
  const t0 = now();
  try {
    if (req.type === 'parse') {
      const options: ParseOptions = {};
      if (req.labLimit !== undefined) options.labLimit = req.labLimit;
      if (req.today !== undefined) options.today = req.today;
      const result = isFhirJson(req.text)
        ? readFhirText(req.text, { ...options, fileName: req.file, ...req.fhir })
        : parseTdmCsv(req.text, req.file, options);
      return { type: 'parsed', id: req.id, result, ms: now() - t0 };
    }
    if (req.type === 'track') return { type: 'tracked', id: req.id, track: trackPatient(req.patient, req.options, undefined, req.previous ?? null), ms: now() - t0 };
    if (req.type === 'calibrate') return { type: 'calibrated', id: req.id, clinic: clinicTrack(req.scores), ms: now() - t0 };
    const { patient, settings } = req.job;
    // Rows refused on import: no proposal, as the CLI answers for the same file.
    const refused = refusedRowsError(patient);
    if (refused) return { type: 'computed', id: req.id, report: refused, asOf: 0, ms: now() - t0 };
    const hasRows = patient.doses.length + patient.levels.length + patient.bcells.length + patient.weights.length > 0;
    const asOf = hasRows ? resolveAsOf(patient, req.job.asOf) : 0;
    // As the CLI does: only the rows on or before the as-of day are used.
    const report = computeReport(hasRows ? cutAsOf(patient, asOf) : patient, asOf, settings);
    return { type: 'computed', id: req.id, report, asOf, ms: now() - t0 };
  } catch (e) {
    return { type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
}
