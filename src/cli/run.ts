/**
 * The command line as a function (argv and a file reader in; lines and a status out), so tests
 * drive it without spawning processes.
 */
import { parseArgs } from 'node:util';
import { readTextInput } from './read-file';
import { cutAsOf } from '../core/records/index';
import { computeReport, predictPatient, lastEventTime, refusedRowsError, type EngineSettings } from '../core/engine';
import { proposeLine, predictLine } from '../core/report/cli-line';
import { groupDoses } from '../core/ocrelizumab/index';
import { endOfDay, parseAsOfDate, parseIsoTime, formatDate, runtimeTimeZone } from '../core/time';
import type { Days, Issue, PatientRecord } from '../core/types';
import { terminalSafe } from './terminal';
import type { NatalizumabOptions } from '../core/report/types';
import { clinicTrackRecord, trackRecordLine, calibrateClinic, calibratedOptions, shiftWarnings } from './track-record';
import { trackRecordByQuarter } from '../core/natalizumab/track-periods';
import type { PatientError, PatientReport } from '../core/report/types';
import { FHIR_OPTIONS, FHIR_USAGE, bundleText, fhirSettings, readRecordsText } from './fhir';
import { version as appVersion } from '../../package.json';
import { isOutcomesCommand, runOutcomes } from './outcomes';
import { cliText, issueLine, tdm } from './text';
import { optionProblem } from './args';

export interface CliResult {
  stdout: string[];
  stderr: string[];
  status: 0 | 1 | 2;
}

export const USAGE = cliText('usage.main', { fhir: FHIR_USAGE.join('\n') });

type AtSpec = { kind: 'time'; time: Days } | { kind: 'offset'; days: number };

function usageError(message: string): CliResult {
  return { stdout: [], stderr: [tdm(message), USAGE], status: 2 };
}

function numberOption(name: string, text: string | undefined, lo: number, hi: number): number | string | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x < lo || x > hi) return cliText('args.range', { name, text, lo, hi });
  return x;
}

function parseAt(text: string): AtSpec[] | string {
  const out: AtSpec[] = [];
  for (const part of text.split(',')) {
    const s = part.trim();
    const m = /^\+(\d+(?:\.\d+)?)([wd])$/.exec(s);
    if (m) {
      out.push({ kind: 'offset', days: Number(m[1]) * (m[2] === 'w' ? 7 : 1) });
      continue;
    }
    const t = parseIsoTime(s);
    if (t === null) return cliText('args.at-not-time', { text: s });
    out.push({ kind: 'time', time: t });
  }
  return out.length ? out : cliText('args.at-empty');
}

/** Where each line goes as soon as it is computed (the command line streams; tests collect). */
export interface CliSink {
  out(line: string): void;
  err(line: string): void;
}

export interface CliOptions {
  sink?: CliSink;
  /** A clock in ms (the command line passes performance.now): enables the per-patient time limit. */
  clock?: () => number;
  /** Wall-clock limit per patient, ms (default PATIENT_TIME_LIMIT_MS), on top of the core's work budget. */
  patientTimeLimitMs?: number;
  /** Now, ms since 1970 UTC, for `tdm fhir` (the Bundle's timestamp, the proposals' dates). @default Date.now */
  now?: () => number;
  /** The clinic's IANA time zone when --time-zone is not given. @default this machine's */
  timeZone?: string;
  /**
   * `propose` split over worker threads (src/cli/parallel.ts): this run computes only the patients
   * at positions index, index + count, … of the file's order, and only shard 0 repeats the file's
   * own messages.
   */
  shard?: { index: number; count: number };
}

/** Wall-clock limit per patient on the command line (the core's step budget usually stops far sooner). */
export const PATIENT_TIME_LIMIT_MS = 10_000;

/** The options of propose, predict, track-record and fhir (outcomes has its own). */
const OPTIONS = {
  'as-of': { type: 'string' },
  target: { type: 'string' },
  threshold: { type: 'string' },
  at: { type: 'string' },
  probability: { type: 'string' },
  'max-interval': { type: 'string' },
  'lab-limit': { type: 'string' },
  'max-weeks': { type: 'string' },
  'redose-quantile': { type: 'string' },
  'count-quantile': { type: 'string' },
  calibrate: { type: 'boolean' },
  ...FHIR_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The command line. No control character from a file's fields reaches the terminal raw: every line
 * (standard output and standard error, streamed or returned) goes through terminalSafe.
 */
export function runCli(argv: string[], readInput: (file: string) => Buffer, cliOptions: CliOptions = {}): CliResult {
  const sink = cliOptions.sink;
  const safeSink = sink && { out: (line: string) => sink.out(terminalSafe(line)), err: (line: string) => sink.err(terminalSafe(line)) };
  const r = runCliUnescaped(argv, readInput, { ...cliOptions, sink: safeSink });
  return { ...r, stdout: r.stdout.map(terminalSafe), stderr: r.stderr.map(terminalSafe) };
}

function runCliUnescaped(argv: string[], readInput: (file: string) => Buffer, cliOptions: CliOptions = {}): CliResult {
  if (isOutcomesCommand(argv)) return runOutcomes(argv, readInput);
  const problem = optionProblem(argv, OPTIONS);
  if (problem !== null) return usageError(problem);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    return usageError((e as Error).message.split('\n')[0]); // a check optionProblem does not know (a newer Node's)
  }
  const { values, positionals } = parsed;
  if (values.help) return { stdout: [], stderr: [USAGE], status: 0 };
  const [command, file, ...rest] = positionals;
  if (command !== 'propose' && command !== 'predict' && command !== 'fhir' && command !== 'track-record') return usageError(command ? cliText('args.unknown-command', { command }) : cliText('args.no-command'));
  if (values.calibrate && command !== 'propose') return usageError(cliText('args.calibrate-propose'));
  const fhir = fhirSettings(values, cliOptions.timeZone ?? runtimeTimeZone());
  if (typeof fhir === 'string') return usageError(fhir);
  if (!file) return usageError(cliText('args.no-file'));
  if (rest.length) return usageError(cliText('args.unexpected', { arg: rest[0] }));

  // The command line prints no chart: skip the curves (the proposal's numbers are the same).
  const settings: EngineSettings = { natalizumab: { curves: false }, ocrelizumab: {} };
  const target = numberOption('target', values.target, 0.1, 100);
  const threshold = numberOption('threshold', values.threshold, 0.1, 1000);
  const probability = numberOption('probability', values.probability, 0.5, 0.99);
  const maxInterval = numberOption('max-interval', values['max-interval'], 4, 12);
  const labLimit = numberOption('lab-limit', values['lab-limit'], 0.01, 100);
  const maxWeeks = numberOption('max-weeks', values['max-weeks'], 22, 104);
  const redoseQ = numberOption('redose-quantile', values['redose-quantile'], 0.05, 0.95);
  const countQ = numberOption('count-quantile', values['count-quantile'], 0.01, 0.95);
  for (const v of [target, threshold, probability, maxInterval, labLimit, maxWeeks, redoseQ, countQ]) if (typeof v === 'string') return usageError(v);
  if (typeof maxWeeks === 'number') settings.ocrelizumab.maxWeeks = maxWeeks;
  if (typeof redoseQ === 'number') settings.ocrelizumab.redoseQuantile = redoseQ;
  if (typeof countQ === 'number') settings.ocrelizumab.countQuantile = countQ;
  if (typeof target === 'number') settings.natalizumab.target = target;
  if (typeof probability === 'number') settings.natalizumab.probability = probability;
  if (typeof maxInterval === 'number') {
    if (!Number.isInteger(maxInterval)) return usageError(cliText('args.whole-weeks', { name: 'max-interval', text: values['max-interval'], lo: 4, hi: 12 }));
    settings.natalizumab.maxIntervalWeeks = maxInterval;
  }
  if (typeof threshold === 'number') settings.ocrelizumab.threshold = threshold;
  if (typeof labLimit === 'number') settings.ocrelizumab.labLimit = labLimit;

  let asOf: Days | null = null;
  if (values['as-of'] !== undefined) {
    asOf = parseAsOfDate(values['as-of']);
    if (asOf === null) return usageError(cliText('args.not-date', { name: 'as-of', text: values['as-of'] }));
  }
  let at: AtSpec[] = [];
  if (command === 'predict') {
    if (values.at === undefined) return usageError(cliText('args.predict-needs-at'));
    const a = parseAt(values.at);
    if (typeof a === 'string') return usageError(a);
    at = a;
  } else if (values.at !== undefined) return usageError(cliText('args.at-predict'));

  const input = readTextInput(file, readInput, 'csv-or-fhir');
  if ('error' in input) return input.error;
  const { name, text } = input;
  const parsedFile = readRecordsText(text, name, typeof labLimit === 'number' ? labLimit : undefined, fhir);
  const stderr = parsedFile.issues.map((i) => issueLine(i.severity === 'error' ? 'error' : i.severity === 'info' ? 'info' : 'warning', i.message));
  if (parsedFile.fatal) return { stdout: [], stderr, status: 2 };

  // Every line is written as soon as it is computed (and kept for the result).
  const sink = cliOptions.sink;
  const stdout: string[] = [];
  const out = (line: string) => { stdout.push(line); sink?.out(line); };
  const err = (line: string) => { stderr.push(line); sink?.err(line); };
  // `fhir` writes one Bundle at the end: a patient's error line goes to standard error instead.
  const fhirReports = new Map<string, PatientReport | PatientError>();
  const answer = (line: { patient_id: string; error?: string }) => {
    if (command !== 'fhir') out(JSON.stringify(line));
    else if (line.error !== undefined) err(cliText('patient.error', { place: name, id: line.patient_id, message: line.error }));
  };
  /** Where a patient is in the file: `name:line` for a CSV, the name for FHIR (its messages name the entries). */
  const placeOf = (entry: { first: number }) => (parsedFile.fhir ? name : `${name}:${entry.first}`);
  const shard = cliOptions.shard;
  if (sink && !(shard && shard.index > 0)) for (const line of stderr) sink.err(line);
  const clock = cliOptions.clock;
  const limit = cliOptions.patientTimeLimitMs ?? PATIENT_TIME_LIMIT_MS;
  let status: 0 | 1 = parsedFile.issues.some((i) => i.severity === 'error') ? 1 : 0;
  // Every patient named in the file gets a line, in order of first appearance: also one whose
  // rows were all refused (its line carries the errors).
  type Entry = { first: number; patient: PatientRecord | null; id: string; drug: string | null; issues: Issue[] };
  const entries: Entry[] = parsedFile.patients.map((p) => ({ first: firstLine(p), patient: p, id: p.id, drug: p.drug, issues: p.issues }));
  const known = new Set(parsedFile.patients.map((p) => p.id));
  for (const i of parsedFile.issues) {
    if (i.patientId === undefined || known.has(i.patientId)) continue;
    const e = entries.find((x) => x.patient === null && x.id === i.patientId);
    if (e) e.issues.push(i);
    else entries.push({ first: i.line ?? Infinity, patient: null, id: i.patientId, drug: null, issues: [i] });
  }
  entries.sort((a, b) => a.first - b.first);
  if (command === 'track-record') {
    const tr = clinicTrackRecord(parsedFile.patients, settings.natalizumab, name, clock ? deadlineAfter(clock, limit * Math.max(1, parsedFile.patients.length)) : undefined);
    for (const e of tr.errors) err(e);
    const quarters = trackRecordByQuarter(tr.all);
    for (const w of shiftWarnings(quarters, name)) err(w);
    out(JSON.stringify(trackRecordLine(tr.all, settings.natalizumab.target ?? 10, calibrateClinic(tr.all), quarters)));
    return { stdout, stderr, status: tr.errors.length ? 1 : status };
  }
  // --calibrate: the spread the file's own track record shows (as of the planning day when given).
  let calibrated: ((id: string) => Partial<NatalizumabOptions>) | null = null;
  if (values.calibrate) {
    const tr = clinicTrackRecord(asOf === null ? parsedFile.patients : parsedFile.patients.map((p) => cutAsOf(p, asOf as Days)), settings.natalizumab, name);
    for (const e of tr.errors) err(e);
    calibrated = calibratedOptions(calibrateClinic(tr.all), tr);
  }
  for (const [position, entry] of entries.entries()) {
    if (shard && position % shard.count !== shard.index) continue;
    const p = entry.patient;
    if (clock) {
      const deadline = clock() + limit;
      settings.stop = () => clock() > deadline;
    }
    if (p === null) {
      const errs = entry.issues.filter((i) => i.severity === 'error');
      answer({ patient_id: entry.id, drug: entry.drug, error: cliText('patient.no-row', { errors: errs.map((i) => i.message).join('; ') }) } as { patient_id: string; error: string });
      status = 1;
      continue;
    }
    const refused = refusedRowsError(p);
    if (refused) {
      // Planning on a record with unusable rows would silently ignore data: refuse this patient (as the app does).
      answer({ patient_id: p.id, drug: p.drug, error: refused.error } as { patient_id: string; error: string });
      status = 1;
      continue;
    }
    const planAt = asOf ?? endOfDay(lastEventTime(p));
    const cut: PatientRecord = cutAsOf(p, planAt);
    if (command === 'propose' || command === 'fhir') {
      const report = computeReport(cut, planAt, calibrated && p.drug === 'natalizumab' ? { ...settings, natalizumab: { ...settings.natalizumab, ...calibrated(p.id) } } : settings);
      if ('error' in report) {
        status = 1;
        err(cliText('patient.error', { place: placeOf(entry), id: p.id, message: report.error }));
      }
      if (command === 'fhir') fhirReports.set(p.id, report);
      else out(JSON.stringify(proposeLine(report)));
    } else {
      // For ocrelizumab the last dose is the start of the last dose group (the 2 × 300 mg start
      // counts from its first infusion), as in propose's last_dose.
      const lastDose = !cut.doses.length ? null
        : p.drug === 'ocrelizumab' ? groupDoses(cut.doses)[groupDoses(cut.doses).length - 1].start
        : cut.doses[cut.doses.length - 1].time;
      if (lastDose === null) {
        const error = cliText('patient.no-dose', { drug: p.drug, date: formatDate(planAt) });
        out(JSON.stringify({ patient_id: p.id, drug: p.drug, error }));
        err(cliText('patient.error', { place: placeOf(entry), id: p.id, message: error }));
        status = 1;
        continue;
      }
      const times = at.map((s) => (s.kind === 'time' ? s.time : lastDose + s.days));
      const predictions = predictPatient(cut, planAt, times, settings);
      if ('error' in predictions) {
        out(JSON.stringify({ patient_id: p.id, drug: p.drug, error: predictions.error }));
        err(cliText('patient.error', { place: placeOf(entry), id: p.id, message: predictions.error }));
        status = 1;
        continue;
      }
      for (const pr of predictions) out(JSON.stringify(predictLine(p.id, pr)));
    }
  }
  if (command === 'fhir') out(bundleText(parsedFile.patients, fhirReports, fhir, (cliOptions.now ?? Date.now)(), appVersion));
  return { stdout, stderr, status };
}

/** A stop condition `ms` from now on the clock. */
function deadlineAfter(clock: () => number, ms: number): () => boolean {
  const end = clock() + ms;
  return () => clock() > end;
}

/** The file line where a patient first appears. */
function firstLine(p: PatientRecord): number {
  let first = Infinity;
  for (const list of [p.doses, p.levels, p.bcells, p.weights, p.wearingOff ?? [], p.issues]) for (const e of list) if (e.line !== undefined && e.line < first) first = e.line;
  return first === Infinity ? p.order : first;
}

