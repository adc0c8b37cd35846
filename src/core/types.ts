/**
 * Shared contracts of the computational core. Every module (records, natalizumab engine,
 * ocrelizumab engine, CLI, worker, UI) codes against these types. Pure TypeScript: no DOM.
 *
 * Time: all times are naive local wall-clock times (the TDM CSV has no time zone). Internally a
 * time is a `Days` number: days since 1970-01-01T00:00 of that wall clock (computed with
 * Date.UTC, so no DST or zone ever enters). See src/core/time.ts for parsing and formatting.
 */

/** Days since 1970-01-01T00:00 (naive local wall-clock time). */
export type Days = number;

export type Drug = 'natalizumab' | 'ocrelizumab';
export type Severity = 'error' | 'warning' | 'info';

/**
 * Parameters of an engine sentence, so a view can say it in another language. Dates are
 * `YYYY-MM-DD`; numbers the English text shows with fixed decimals are given as that text.
 */
export type TextParams = Record<string, string | number>;

/** An expected problem: a value with a code, a severity and a message (never thrown). */
export interface Issue {
  code: string;
  severity: Severity;
  message: string;
  /**
   * The values in `message`, set by the engines (parse-time issues have none): with `code` (and
   * `variant`) they name a template in the app's `engine` i18n namespace, so `message` can be
   * shown in Dutch. The English template rendered with them is `message` exactly.
   */
  params?: TextParams;
  /** Which sentence of `code`, when one code has several (the template is `code.variant`). */
  variant?: string;
  file?: string;
  line?: number;
  column?: string;
  value?: string;
  /**
   * Where in a file without lines (FHIR JSON) the problem is: `entry 14 Observation/obs-77
   * valueQuantity.unit`. `message` starts with the file and this.
   */
  where?: string;
  /** The patient the row belongs to, when its patient_id could be read. */
  patientId?: string;
  /** The row's time, when it could be read (lets cutAsOf drop issues of later rows). */
  time?: Days;
}

/** Fields common to every event row, kept so export is lossless. */
export interface EventBase {
  time: Days;
  /** The time as written in canonical form, `YYYY-MM-DDTHH:MM`. */
  iso: string;
  /** 1-based line in the source file (header is line 1), when read from a file. */
  line?: number;
  note?: string;
  /** Unknown columns of this row, kept verbatim for export. */
  extra?: Record<string, string>;
}

export interface DoseEvent extends EventBase {
  kind: 'dose';
  amountMg: number;
  route: 'iv' | 'sc';
  /** Infusion length in minutes (0 for an SC injection). */
  durationMin: number;
  /** Whether duration_min was given in the file (else the default was applied). */
  durationGiven?: boolean;
  /** Whether route was given in the file. */
  routeGiven?: boolean;
}

/** A measured concentration or count, in canonical units. */
export interface Observation extends EventBase {
  kind: 'level' | 'bcell';
  /** Canonical value: µg/mL for a level, cells/µL for a bcell. If censored, the limit. */
  value: number;
  /** True when reported as `<x` (or `0` for B cells): the true value lies below `value`. */
  censored: boolean;
  /** The unit as written in the file (for lossless export). */
  unit: string;
  /** The value as written in the file, e.g. `<0.5` or `0,012` (for lossless export). */
  raw: string;
  /**
   * Levels only: how the sample was drawn (TDM CSV `sample` column). `capillary` is a
   * finger-prick (possibly at home), measured with its own method error. Absent means `venous`:
   * the reader sets the field only for a capillary level, so records compare equal after a round
   * trip whether the file wrote `venous` or left the cell empty.
   */
  sample?: 'venous' | 'capillary';
}

export interface WeightEvent extends EventBase {
  kind: 'weight';
  kg: number;
}

/**
 * The patient's report of the wearing-off phenomenon (TDM CSV kind `wearing_off`): the feeling,
 * before the next dose, of needing it. Dated at the onset the patient reports. A 0 dated at an
 * infusion records that none was felt in the interval that ended there.
 */
export interface WearingOffEvent extends EventBase {
  kind: 'wearing_off';
  /** Intensity: 0 none, 1 mild, 2 moderate, 3 severe. */
  score: 0 | 1 | 2 | 3;
}

export type PatientEvent = DoseEvent | Observation | WeightEvent | WearingOffEvent;

export interface PatientRecord {
  id: string;
  drug: Drug;
  /** Sorted by time. */
  doses: DoseEvent[];
  /** Drug concentrations (natalizumab), sorted by time. */
  levels: Observation[];
  /** CD19+ B-cell counts (ocrelizumab), sorted by time. */
  bcells: Observation[];
  /** Body weights, sorted by time. */
  weights: WeightEvent[];
  /**
   * Wearing-off reports, sorted by time (either drug). Present only when the patient has one, so
   * records made before the kind existed compare equal (read it as `p.wearingOff ?? []`).
   */
  wearingOff?: WearingOffEvent[];
  /** Row-level warnings and errors that concern this patient (errors: the row was not used). */
  issues: Issue[];
  /** Position of the patient's first row in the file (output order). */
  order: number;
}

/** Result of reading a TDM CSV. */
export interface ParseResult {
  patients: PatientRecord[];
  /** File-level and row-level problems, each with file:line. */
  issues: Issue[];
  /** Unknown column names (kept on export). */
  extraColumns: string[];
  /** Detected dialect. */
  dialect: 'comma' | 'semicolon';
  /** True when the file as a whole cannot be used (not text, no header, missing columns). */
  fatal: boolean;
}

/** A model parameter with its provenance. */
export interface ModelParameter {
  name: string;
  value: number;
  unit: string;
  /** Between-patient variability, as the CV of a log-normal (e.g. 0.228), if any. */
  cv?: number;
  /** Variance of η on the log scale (ω²), stated explicitly, if any. */
  omega2?: number;
  description: string;
  source: string;
  status: 'confirmed' | 'to be checked' | 'assumption' | 'derived';
  note?: string;
  /**
   * Uncertainty of the typical value itself (not between patients), when the engine carries it into
   * the posterior (e.g. SC bioavailability and absorption rate): its SD, on the log scale when
   * `sdScale` is 'log' (default 'linear'), and/or the range the sources span.
   */
  sd?: number;
  sdScale?: 'log' | 'linear';
  range?: [number, number];
  /** Further sources behind the value or its range (e.g. DELIVER, the label, the 2024 cohort). */
  sources?: string[];
}

export interface ModelInfo {
  id: string;
  name: string;
  version: string;
  drug: Drug;
  sources: string[];
  parameters: ModelParameter[];
  notes: string[];
}

/** Central 80 % interval (10th–90th percentile) of a predicted quantity. */
export interface Interval80 {
  value: number;
  low: number;
  high: number;
}

/** One point of a predicted curve with its 80 % band (for charts). */
export interface CurvePoint {
  time: Days;
  value: number;
  low: number;
  high: number;
}
