/**
 * The typed messages between the app and the core worker. Plain JSON-compatible data only
 * (structured clone), so reports cross unchanged.
 */
import type { Days, ParseResult, PatientRecord } from '../core/types';
import type { PatientError, PatientReport } from '../core/report/types';
import type { EngineSettings } from '../core/engine';
import type { LocalCodes } from '../core/fhir/codes';
import type { NatalizumabOptions } from '../core/report/types';
import type { TroughScore } from '../core/natalizumab/track-record';
import type { ClinicTrack, PatientTrack } from '../core/natalizumab/clinic-track';

/** How the as-of of a computation is chosen. */
export type AsOfSpec =
  /** End of the day of the patient's own last row (the CLI's default). */
  | { kind: 'last' }
  /** End of a given date `YYYY-MM-DD` (e.g. today). */
  | { kind: 'date'; date: string };

export interface ComputeJob {
  patient: PatientRecord;
  settings: EngineSettings;
  asOf: AsOfSpec;
}

/** A FHIR Bundle (told apart from a CSV by content) is read with the clinic's local codes and time zone. */
export interface FhirParseOptions { localCodes?: LocalCodes; timeZone?: string }

export type WorkerRequest =
  /** `today` (YYYY-MM-DD, the app's clock): rows dated after it are refused. */
  | { type: 'parse'; id: number; text: string; file: string; labLimit?: number; today?: string; fhir?: FhirParseOptions }
  | { type: 'compute'; id: number; job: ComputeJob }
  /**
   * One patient's track record (issue 17): its troughs scored against the forecasts made before
   * them; `previous`: its track record as scored before with the same options and engine (its
   * unchanged troughs are not scored again: clinic-track.ts, trackPatient).
   */
  | { type: 'track'; id: number; patient: PatientRecord; options: Partial<NatalizumabOptions>; previous?: PatientTrack | null }
  /** The clinic's track record and calibration from every patient's scores, in the clinic's order. */
  | { type: 'calibrate'; id: number; scores: [string, TroughScore[]][] };

export type WorkerResponse =
  | { type: 'parsed'; id: number; result: ParseResult; ms: number }
  | { type: 'computed'; id: number; report: PatientReport | PatientError; asOf: Days; ms: number }
  | { type: 'tracked'; id: number; track: PatientTrack | null; ms: number }
  | { type: 'calibrated'; id: number; clinic: ClinicTrack; ms: number }
  | { type: 'failed'; id: number; message: string };
