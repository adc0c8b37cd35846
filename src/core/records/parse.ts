/**
 * Reading a TDM CSV (spec/tdm-csv.md) into patient records in canonical units.
 *
 * papaparse splits the text (RFC 4180 quoting, multi-line quoted fields), zod checks the
 * enumerated cells, and every refused row becomes an Issue naming file, line, column and value
 * and saying what would be accepted (messages.ts). Nothing is thrown for bad input.
 *
 * Line numbers are physical lines of the file (header = line 1), also after a quoted field that
 * spans several lines.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Days, DoseEvent, Drug, EventBase, Issue, Observation, ParseResult, PatientRecord, Severity, TextParams, WearingOffEvent, WeightEvent } from '../types';
import { formatDateTime, parseIsoTime } from '../time';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, located, say, type Dialect, type IssueCode, type Said } from './messages';
import { isUnitFor, toCanonicalBcell, toCanonicalLevel, type MeasuredKind } from './units';
import { BCELL_MAX, LEVEL_MAX, isAcceptedWeight, inWeightModelRange } from './plausible';

/** A number for a message: at most 4 significant digits, no exponent for everyday sizes. */
function numberText(x: number): string {
  return String(Number(x.toPrecision(4)));
}

export interface ParseOptions {
  /**
   * Limit of the B-cell assay in cells/µL, used for an ocrelizumab count reported as `0`: such a
   * count is censored below this limit, never taken as an exact zero. (`<x` is censored at x.)
   * @default 1
   */
  labLimit?: number;
  /**
   * Today's date (`YYYY-MM-DD`) where the record must hold only what has happened: a row dated
   * after it is refused (`time_future`). The app passes the local date (the core has no clock);
   * the CLI passes nothing and keeps its `--as-of` rule (later rows are kept and not used).
   */
  today?: string;
  /**
   * Values typed by hand in a form that takes either `.` or `,` as the decimal mark: then `1,000`
   * and `1.000` could be a thousand or one, and are refused (`value_grouping`).
   */
  typed?: boolean;
}

export const DEFAULT_LAB_LIMIT = 1;

const DrugSchema = z.enum(['natalizumab', 'ocrelizumab']);
const KindSchema = z.enum(['dose', 'level', 'bcell', 'weight', 'wearing_off']);
const RouteSchema = z.enum(['iv', 'sc']);
const SampleSchema = z.enum(['venous', 'capillary']);

const KNOWN_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
type KnownColumn = (typeof KNOWN_COLUMNS)[number];

/** A cell a spreadsheet would run as a formula, neutralised with a leading `'` by the writer. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Undo the writer's formula neutralisation (one leading `'`). */
export function unneutralise(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

const CANONICAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DOT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** `1.000` or `12.500.000` in a decimal-comma file: one, or thousands? */
const THOUSANDS_LIKE = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;

/** `1,000` in a comma file, or `1,000` / `1.000` typed where either mark is a decimal mark: one, or a thousand? */
const GROUPING_COMMA = /^[+-]?[1-9]\d{0,2},\d{3}$/;
const GROUPING_EITHER = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

type NumberRead = { ok: true; text: string; value: number } | { ok: false; ambiguous: boolean; grouping?: boolean };

/**
 * A number as written in the dialect: `.` decimals in a comma file; `,` decimals in a semicolon
 * file, where a `.` is also read as decimal mark unless the value looks like thousands grouping.
 * Returns the number's text with `.` as decimal mark (for exact unit conversion) and its value.
 */
export function readNumber(cell: string, dialect: Dialect, typed = false): NumberRead {
  let t = cell.trim();
  if (typed ? GROUPING_EITHER.test(t) : dialect === 'comma' && GROUPING_COMMA.test(t)) return { ok: false, ambiguous: true, grouping: true };
  if (dialect === 'semicolon') {
    if (t.includes(',')) {
      if (t.includes('.') || t.indexOf(',') !== t.lastIndexOf(',')) return { ok: false, ambiguous: false };
      t = t.replace(',', '.');
    } else if (THOUSANDS_LIKE.test(t)) {
      return { ok: false, ambiguous: true };
    }
  }
  if (!DOT_NUMBER.test(t)) return { ok: false, ambiguous: false };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, text: t, value } : { ok: false, ambiguous: false };
}

function notTextReason(text: string): string | null {
  if (text.startsWith('PK\u0003\u0004')) return 'it is a zip archive, such as an Excel .xlsx workbook: save it as "CSV UTF-8"';
  if (text.startsWith('%PDF-')) return 'it is a PDF document';
  if (text.includes('\u0000')) return 'it contains NUL bytes: binary data or UTF-16 text; save it as "CSV UTF-8"';
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 2 && control > sample.length / 100) return `it contains ${control} control characters in its first ${sample.length} characters: binary data`;
  return null;
}

interface PendingIssue { code: IssueCode; severity: Severity; message: string; params: TextParams; column?: string; value?: string }

interface PatientState {
  id: string;
  order: number;
  drug?: Drug;
  drugLine?: number;
  doses: DoseEvent[];
  levels: Observation[];
  bcells: Observation[];
  weights: WeightEvent[];
  wearingOff: WearingOffEvent[];
  issues: Issue[];
  doseLines: Map<Days, number>;
}

/** What the row reader needs, built once per file (no closures per row: the hot path stays flat). */
interface FileContext {
  file: string;
  dialect: Dialect;
  separator: string;
  labLimit: number;
  today: string | undefined;
  typed: boolean;
  headerLength: number;
  /** Index of each known column, -1 when absent. */
  col: Record<KnownColumn, number>;
  extraColumns: { name: string; index: number }[];
  patients: Map<string, PatientState>;
  rowIssues: Issue[];
  /** `file:line: message` for a CSV; another reader (FHIR) names its own place (see readRecordRows). */
  locate: Locate;
}

/**
 * Where a row's problem is, put before its message: for a CSV `file:line: `; the FHIR reader names
 * the Bundle entry, resource and element path instead. `column` is the row's column the problem is
 * in, when it is about one cell.
 */
export type Locate = (line: number | undefined, column: string | undefined, message: string) => string;

function pend(list: PendingIssue[], severity: Severity, said: Said, column?: string, value?: string): void {
  const p: PendingIssue = { code: said.code, severity, message: said.message, params: said.params };
  if (column !== undefined) p.column = column;
  if (value !== undefined) p.value = value;
  list.push(p);
}

/** A cell by index, with the writer's formula neutralisation undone; '' when the column or cell is absent. */
function rawCell(fields: string[], index: number): string {
  if (index < 0) return '';
  const f = fields[index];
  return f === undefined ? '' : unneutralise(f);
}

function patientFor(ctx: FileContext, id: string): PatientState {
  let p = ctx.patients.get(id);
  if (!p) {
    p = { id, order: ctx.patients.size, doses: [], levels: [], bcells: [], weights: [], wearingOff: [], issues: [], doseLines: new Map() };
    ctx.patients.set(id, p);
  }
  return p;
}

/** Turn a row's pending issues into Issues with file:line, patient and time. */
function settle(ctx: FileContext, pending: PendingIssue[], line: number, pid: string | undefined, time: Days | undefined): void {
  if (pending.length === 0) return;
  const state = pid === undefined ? undefined : patientFor(ctx, pid);
  for (const p of pending) {
    const issue: Issue = { code: p.code, severity: p.severity, message: ctx.locate(line, p.column, p.message), params: p.params, file: ctx.file, line };
    if (p.column !== undefined) issue.column = p.column;
    if (p.value !== undefined) issue.value = p.value;
    if (pid !== undefined) issue.patientId = pid;
    if (time !== undefined) issue.time = time;
    ctx.rowIssues.push(issue);
    state?.issues.push(issue);
  }
}

function numberIssue(pending: PendingIssue[], r: { ambiguous: boolean; grouping?: boolean }, cell: string, kind: MeasuredKind, dialect: Dialect): void {
  if (r.grouping) pend(pending, 'error', say('value_grouping', cell, kind, dialect), 'value', cell);
  else if (r.ambiguous) pend(pending, 'error', say('value_ambiguous', cell, kind), 'value', cell);
  else pend(pending, 'error', say('value_not_number', cell, kind, dialect), 'value', cell);
}

function defaultDuration(drug: Drug, route: 'iv' | 'sc', amountMg: number): number {
  if (route === 'sc') return 0;
  if (drug === 'natalizumab') return 60;
  // Ocrevus label: 300 mg over 2.5 h (first course, 2 × 300 mg), 600 mg over 3.5 h.
  return amountMg <= 300 ? 150 : 210;
}

/** Read one data row: an event for its patient, or issues saying why not. */
function readRow(ctx: FileContext, fields: string[], line: number, parseErrors: Papa.ParseError[]): void {
  const { col, dialect } = ctx;
  const pending: PendingIssue[] = [];
  const pidCell = rawCell(fields, col.patient_id).trim();
  const pid = pidCell !== '' && !/[\r\n]/.test(pidCell) ? pidCell : undefined;

  if (parseErrors.length > 0) {
    const e = parseErrors[0];
    if (e.code === 'MissingQuotes') pend(pending, 'error', say('csv_quotes_unclosed'));
    else pend(pending, 'error', say('csv_quotes', e.message));
    settle(ctx, pending, line, pid, undefined);
    return;
  }
  if (fields.length > ctx.headerLength) { // a shifted row: refused even when the surplus field is empty
    pend(pending, 'error', say('row_fields', fields.length, ctx.headerLength, ctx.separator));
    settle(ctx, pending, line, pid, undefined);
    return;
  }

  // patient_id
  if (pidCell === '') pend(pending, 'error', say('patient_id_empty'), 'patient_id', '');
  else if (pid === undefined) pend(pending, 'error', say('patient_id_line_break'), 'patient_id', pidCell);

  // drug: the patient's drug is the one named by its first row with a known drug
  const drugCell = rawCell(fields, col.drug).trim();
  let drug: Drug | undefined;
  if (drugCell === '') pend(pending, 'error', say('drug_empty'), 'drug', '');
  else {
    const r = DrugSchema.safeParse(drugCell.toLowerCase());
    if (r.success) drug = r.data;
    else pend(pending, 'error', say('drug_unknown', drugCell), 'drug', drugCell);
  }
  if (drug !== undefined && pid !== undefined) {
    const state = patientFor(ctx, pid);
    if (state.drug === undefined) { state.drug = drug; state.drugLine = line; }
    else if (state.drug !== drug) pend(pending, 'error', say('drug_mismatch', drugCell, state.drug, state.drugLine!), 'drug', drugCell);
  }

  // kind
  const kindCell = rawCell(fields, col.kind).trim();
  let kind: MeasuredKind | undefined;
  if (kindCell === '') pend(pending, 'error', say('kind_empty'), 'kind', '');
  else {
    const r = KindSchema.safeParse(kindCell.toLowerCase());
    if (r.success) kind = r.data;
    else pend(pending, 'error', say('kind_unknown', kindCell), 'kind', kindCell);
  }

  // time, to the minute (as formatDateTime gives it) so that `time` and `iso` always agree
  const timeCell = rawCell(fields, col.time).trim();
  let time: Days | undefined;
  let iso = '';
  if (timeCell === '') pend(pending, 'error', say('time_empty'), 'time', '');
  else {
    const t = parseIsoTime(timeCell);
    if (t === null) pend(pending, 'error', say('time_invalid', timeCell), 'time', timeCell);
    else if (CANONICAL_MINUTE.test(timeCell)) { iso = timeCell; time = t; } // the usual case, no Date needed
    else if (CANONICAL_DATE.test(timeCell)) { iso = `${timeCell}T09:00`; time = t; }
    else { iso = formatDateTime(t); time = parseIsoTime(iso)!; }
    if (time !== undefined && ctx.today !== undefined && iso.slice(0, 10) > ctx.today) pend(pending, 'error', say('time_future', timeCell, ctx.today), 'time', timeCell);
  }

  // unit and value
  const unit = rawCell(fields, col.unit).trim();
  const valueCell = rawCell(fields, col.value).trim();
  let amount = NaN; // dose mg, weight kg or wearing-off score
  let canonical = NaN; // level µg/mL or bcell cells/µL
  let censored = false;
  if (kind !== undefined) {
    let unitOk = false;
    if (unit === '') pend(pending, 'error', say('unit_empty', kind), 'unit', '');
    else if (!isUnitFor(kind, unit)) pend(pending, 'error', say('unit_unknown', unit, kind), 'unit', unit);
    else unitOk = true;
    const observed = kind === 'level' || kind === 'bcell';
    if (valueCell === '') pend(pending, 'error', say('value_empty', kind, dialect), 'value', '');
    else if (valueCell.startsWith('<')) {
      if (!observed) pend(pending, 'error', say('value_censored_not_allowed', valueCell, kind), 'value', valueCell);
      else {
        const r = readNumber(valueCell.slice(1), dialect, ctx.typed);
        if (!r.ok) numberIssue(pending, r, valueCell, kind, dialect);
        else if (!(r.value > 0)) pend(pending, 'error', say('value_censored_limit', valueCell, kind), 'value', valueCell);
        else if (unitOk) {
          censored = true;
          canonical = kind === 'level' ? toCanonicalLevel(r.text, unit) : toCanonicalBcell(r.text, unit);
        }
      }
    } else if (kind === 'wearing_off') {
      // An intensity: a whole number 0–3 (0 none, 1 mild, 2 moderate, 3 severe).
      const r = readNumber(valueCell, dialect, ctx.typed);
      if (!r.ok) numberIssue(pending, r, valueCell, kind, dialect);
      else if (!Number.isInteger(r.value) || r.value < 0 || r.value > 3) pend(pending, 'error', say('value_score', valueCell), 'value', valueCell);
      else amount = r.value;
    } else {
      const r = readNumber(valueCell, dialect, ctx.typed);
      if (!r.ok) numberIssue(pending, r, valueCell, kind, dialect);
      else if (r.value < 0) pend(pending, 'error', say('value_negative', valueCell, kind), 'value', valueCell);
      else if (r.value === 0 && kind === 'level') pend(pending, 'error', say('value_zero_level', valueCell), 'value', valueCell);
      else if (r.value === 0 && kind === 'bcell') { censored = true; canonical = ctx.labLimit; }
      else if (r.value === 0) pend(pending, 'error', say('value_zero', valueCell, kind), 'value', valueCell);
      else if (!observed) amount = r.value;
      else if (unitOk) canonical = kind === 'level' ? toCanonicalLevel(r.text, unit) : toCanonicalBcell(r.text, unit);
    }
    // Sense: more than any dose can give, or than blood holds (plausible.ts), most likely a unit mix-up.
    if (kind === 'level' && canonical > LEVEL_MAX.value) {
      pend(pending, 'error', say('level_implausible', valueCell, unit, numberText(toCanonicalLevel(valueCell.replace(/^</, '').replace(',', '.'), 'ng/mL'))), 'value', valueCell);
    } else if (kind === 'bcell' && canonical > BCELL_MAX.value) {
      pend(pending, 'error', say('bcell_implausible', valueCell, unit, numberText(toCanonicalBcell(valueCell.replace(/^</, '').replace(',', '.'), '10^6/L') / 1000)), 'value', valueCell);
    } else if (kind === 'weight' && amount > 0 && !isAcceptedWeight(amount)) {
      pend(pending, 'error', say('weight_implausible', valueCell), 'value', valueCell);
    }
  }

  // route and duration: read for doses, ignored (with a warning) elsewhere
  const routeCell = rawCell(fields, col.route).trim();
  const durationCell = rawCell(fields, col.duration_min).trim();
  let route: 'iv' | 'sc' = 'iv';
  let duration: number | undefined;
  if (kind === 'dose') {
    if (routeCell !== '') {
      const r = RouteSchema.safeParse(routeCell.toLowerCase());
      if (r.success) route = r.data;
      else pend(pending, 'error', say('route_unknown', routeCell), 'route', routeCell);
    }
    if (durationCell !== '') {
      const r = readNumber(durationCell, dialect);
      if (!r.ok || r.value < 0 || r.value > 1440) pend(pending, 'error', say('duration_invalid', durationCell), 'duration_min', durationCell);
      else duration = r.value;
    }
  }

  // sample: read for levels (empty = venous), ignored (with a warning) elsewhere
  const sampleCell = rawCell(fields, col.sample).trim();
  let capillary = false;
  if (kind === 'level' && sampleCell !== '') {
    const r = SampleSchema.safeParse(sampleCell.toLowerCase());
    if (r.success) capillary = r.data === 'capillary';
    else pend(pending, 'error', say('sample_unknown', sampleCell), 'sample', sampleCell);
  }

  if (pending.length > 0) { // only errors so far: the row is not used
    settle(ctx, pending, line, pid, time);
    return;
  }
  // From here the row is usable (pid, drug, kind and time are known); only the duplicate check can still refuse it.
  const state = patientFor(ctx, pid!);
  const k = kind!;
  if (k !== 'dose' && routeCell !== '') pend(pending, 'warning', say('route_ignored', routeCell, k), 'route', routeCell);
  if (k !== 'dose' && durationCell !== '') pend(pending, 'warning', say('duration_ignored', durationCell, k), 'duration_min', durationCell);
  if (k !== 'level' && sampleCell !== '') pend(pending, 'warning', say('sample_ignored', sampleCell, k), 'sample', sampleCell);

  const noteCell = rawCell(fields, col.note);
  let extra: Record<string, string> | undefined;
  if (ctx.extraColumns.length > 0) {
    extra = {};
    for (const c of ctx.extraColumns) extra[c.name] = rawCell(fields, c.index);
  }
  /** Note and extra columns only when present, so records compare equal after a round trip. */
  const finishEvent = <T extends EventBase>(e: T): T => {
    if (noteCell !== '') e.note = noteCell;
    if (extra !== undefined) e.extra = extra;
    return e;
  };

  if (k === 'dose') {
    const first = state.doseLines.get(time!);
    if (first !== undefined) {
      settle(ctx, [{ ...say('dose_duplicate', iso, first), severity: 'error', column: 'time', value: timeCell }], line, pid, time);
      return;
    }
    state.doseLines.set(time!, line);
    if (drug === 'natalizumab' && (amount < 150 || amount > 450)) pend(pending, 'warning', say('dose_unusual_natalizumab', valueCell), 'value', valueCell);
    if (drug === 'ocrelizumab' && (amount < 300 || amount > 600)) pend(pending, 'warning', say('dose_unusual_ocrelizumab', valueCell), 'value', valueCell);
    state.doses.push(finishEvent<DoseEvent>({
      kind: 'dose', time: time!, iso, line, amountMg: amount, route,
      durationMin: duration ?? defaultDuration(drug!, route, amount),
      durationGiven: duration !== undefined, routeGiven: routeCell !== '',
    }));
  } else if (k === 'weight') {
    if (drug === 'natalizumab' && !inWeightModelRange(amount)) pend(pending, 'warning', say('weight_unusual', valueCell), 'value', valueCell);
    state.weights.push(finishEvent<WeightEvent>({ kind: 'weight', time: time!, iso, line, kg: amount }));
  } else if (k === 'wearing_off') {
    state.wearingOff.push(finishEvent<WearingOffEvent>({ kind: 'wearing_off', time: time!, iso, line, score: amount as WearingOffEvent['score'] }));
  } else {
    if ((k === 'level') !== (drug === 'natalizumab')) pend(pending, 'warning', say('kind_unused', k, drug!), 'kind', kindCell);
    const obs = finishEvent<Observation>({ kind: k, time: time!, iso, line, value: canonical, censored, unit, raw: valueCell });
    if (capillary) obs.sample = 'capillary';
    (k === 'level' ? state.levels : state.bcells).push(obs);
  }
  settle(ctx, pending, line, pid, time);
}

interface HeaderRead { ok: boolean; col: FileContext['col']; extraColumns: { name: string; index: number }[] }

function readHeader(fields: string[], headerLine: string, fileIssue: (severity: Severity, said: Said, line?: number, column?: string) => void): HeaderRead {
  const names = fields.map((f) => f.trim());
  const lower = names.map((h) => h.toLowerCase());
  const col = Object.fromEntries(KNOWN_COLUMNS.map((c) => [c, -1])) as FileContext['col'];
  const extraColumns: { name: string; index: number }[] = [];
  if (!REQUIRED_COLUMNS.some((c) => lower.includes(c))) {
    const shown = headerLine.length > 80 ? `${headerLine.slice(0, 77)}...` : headerLine;
    fileIssue('error', say('header_missing', shown), 1);
    return { ok: false, col, extraColumns };
  }
  let ok = true;
  const seen = new Set<string>();
  lower.forEach((name, i) => {
    if (name === '') return; // a trailing separator in the header: no column
    if (seen.has(name)) {
      fileIssue('error', say('column_duplicate', names[i]), 1, names[i]);
      ok = false;
      return;
    }
    seen.add(name);
    if ((KNOWN_COLUMNS as readonly string[]).includes(name)) col[name as KnownColumn] = i;
    else {
      extraColumns.push({ name: names[i], index: i });
      fileIssue('warning', say('column_unknown', names[i]), 1, names[i]);
    }
  });
  for (const c of REQUIRED_COLUMNS) {
    if (col[c] < 0) {
      fileIssue('error', say('column_missing', c), 1, c);
      ok = false;
    }
  }
  return { ok, col, extraColumns };
}

/**
 * Read a TDM CSV. `file` names the file in messages (`patients.csv:14: ...`).
 * Never throws for bad input: problems are Issues, and `fatal` says the file as a whole could
 * not be used.
 */
export function parseTdmCsv(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const labLimit = options.labLimit ?? DEFAULT_LAB_LIMIT;
  if (!(labLimit > 0) || !Number.isFinite(labLimit)) throw new Error(`labLimit must be a positive number, got ${labLimit}`);
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);

  const issues: Issue[] = [];
  const fileIssue = (severity: Severity, said: Said, line?: number, column?: string): void => {
    const issue: Issue = { code: said.code, severity, message: located(file, line, said.message), params: said.params, file };
    if (line !== undefined) issue.line = line;
    if (column !== undefined) issue.column = column;
    issues.push(issue);
  };
  const fatal = (dialect: Dialect): ParseResult => ({ patients: [], issues, extraColumns: [], dialect, fatal: true });

  const why = notTextReason(text);
  if (why !== null) {
    fileIssue('error', say('file_not_text', why));
    return fatal('comma');
  }
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // One line end for papaparse and for line counting (a CRLF inside a quoted note becomes LF).
  if (body.includes('\r\n')) body = body.replace(/\r\n/g, '\n');
  if (body.trim() === '') {
    fileIssue('error', say('file_empty'));
    return fatal('comma');
  }
  if (body.includes('\uFFFD')) fileIssue('warning', say('file_encoding'));

  const firstNewline = body.indexOf('\n');
  const headerLine = firstNewline < 0 ? body : body.slice(0, firstNewline);
  const semicolons = headerLine.split(';').length - 1;
  const commas = headerLine.split(',').length - 1;
  const dialect: Dialect = semicolons > commas ? 'semicolon' : 'comma';
  const separator = dialect === 'semicolon' ? ';' : ',';

  let ctx: FileContext | null = null;
  let headerFatal = false;
  let dataRows = 0;
  let lineNo = 1;
  let scanned = 0;
  let rowStart = 0;

  Papa.parse<string[]>(body, {
    delimiter: separator,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      // Physical line of this row's first character: count line ends up to its start.
      for (; scanned < rowStart; scanned++) if (body.charCodeAt(scanned) === 10) lineNo++;
      rowStart = result.meta.cursor;
      const fields = result.data;
      if (ctx === null) {
        const h = readHeader(fields, headerLine, fileIssue);
        if (!h.ok) { headerFatal = true; parser.abort(); return; }
        ctx = { file, dialect, separator, labLimit, today: options.today, typed: options.typed === true, headerLength: fields.length, col: h.col, extraColumns: h.extraColumns, patients: new Map(), rowIssues: [], locate: (line, _column, message) => located(file, line, message) };
        return;
      }
      if (fields.every((f) => f.trim() === '')) return; // a blank line, or only separators
      dataRows++;
      readRow(ctx, fields, lineNo, result.errors);
    },
  });

  const c = ctx as FileContext | null;
  if (headerFatal || c === null) return fatal(dialect);
  if (dataRows === 0) fileIssue('warning', say('file_no_rows'));
  const records = finishPatients(c);
  issues.push(...c.rowIssues);
  return { patients: records, issues, extraColumns: c.extraColumns.map((e) => e.name), dialect, fatal: false };
}

/** Checks that need the whole patient, then the records (issues of every row end up in `c.rowIssues`, sorted). */
function finishPatients(c: FileContext): PatientRecord[] {
  const file = c.file;
  // Checks that need the whole patient: a natalizumab level needs a dose before it.
  const records: PatientRecord[] = [];
  const byTime = (a: { time: Days }, b: { time: Days }) => a.time - b.time;
  for (const s of c.patients.values()) {
    s.doses.sort(byTime);
    s.levels.sort(byTime);
    s.bcells.sort(byTime);
    s.weights.sort(byTime);
    s.wearingOff.sort(byTime);
    // A level timed exactly at the first dose was drawn just before it, before any drug: only a
    // censored (`<x`) baseline is possible there.
    if (s.drug === 'natalizumab' && s.doses.length > 0 && s.levels.length > 0 && s.levels[0].time <= s.doses[0].time) {
      const first = s.doses[0];
      const kept: Observation[] = [];
      for (const o of s.levels) {
        if (o.time > first.time || (o.time === first.time && o.censored)) { kept.push(o); continue; }
        const said = say('level_before_dose', o.iso, first.iso, first.line);
        const issue: Issue = {
          ...said, severity: 'error', message: c.locate(o.line, 'time', said.message),
          file, line: o.line, column: 'time', value: o.iso, patientId: s.id, time: o.time,
        };
        c.rowIssues.push(issue);
        s.issues.push(issue);
      }
      s.levels = kept;
      s.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    }
    // Warnings that need the whole patient: doses closer than the drug allows, and two samples at
    // one time with different values. The rows are still used.
    const warn = (said: Said, o: { line?: number; iso: string; time: Days }) => {
      const issue: Issue = { ...said, severity: 'warning', message: c.locate(o.line, 'time', said.message), file, line: o.line, column: 'time', value: o.iso, patientId: s.id, time: o.time };
      c.rowIssues.push(issue);
      s.issues.push(issue);
    };
    for (let i = 1; i < s.doses.length; i++) {
      const a = s.doses[i - 1], b = s.doses[i];
      const days = b.time - a.time;
      // Natalizumab: at least 3 weeks. Ocrelizumab: 5 months, except the 2 × 300 mg start (≤ 4 weeks apart).
      const close = s.drug === 'natalizumab' ? days < 21
        : days < 140 && !(a.amountMg === 300 && b.amountMg === 300 && days <= 28);
      if (close) warn(say('doses_close', s.drug!, b.iso, days.toFixed(days < 1 ? 2 : 0), a.iso, a.line), b);
    }
    for (const [list, what] of [[s.levels, 'levels'], [s.bcells, 'B-cell counts']] as const) {
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1], b = list[i];
        if (a.time === b.time && (a.value !== b.value || a.censored !== b.censored)) warn(say('sample_duplicate', what, b.iso, a.line), b);
      }
    }
    s.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (s.doses.length + s.levels.length + s.bcells.length + s.weights.length + s.wearingOff.length === 0) continue;
    const record: PatientRecord = { id: s.id, drug: s.drug!, doses: s.doses, levels: s.levels, bcells: s.bcells, weights: s.weights, issues: s.issues, order: s.order };
    if (s.wearingOff.length > 0) record.wearingOff = s.wearingOff; // absent when none (records compare equal as before)
    records.push(record);
  }
  c.rowIssues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return records;
}

/** The columns of a row given to readRecordRows, in this order. */
export const ROW_COLUMNS: readonly KnownColumn[] = KNOWN_COLUMNS;

/**
 * Rows that did not come from a CSV (the FHIR reader's), each as cells in ROW_COLUMNS order with a
 * number (`line`) that orders them and names them to `locate`, read through exactly the same row and
 * patient checks as a CSV file and with the same messages: the one records check of the app.
 * Cells are text as a comma-separated file would hold it (numbers with `.`), formula-neutralised
 * like the writer's (see `neutralise`).
 */
export function readRecordRows(
  file: string,
  rows: readonly { fields: string[]; line: number }[],
  options: ParseOptions,
  locate: Locate,
): { patients: PatientRecord[]; issues: Issue[] } {
  const labLimit = options.labLimit ?? DEFAULT_LAB_LIMIT;
  const col = Object.fromEntries(KNOWN_COLUMNS.map((c, i) => [c, i])) as FileContext['col'];
  const ctx: FileContext = {
    file, dialect: 'comma', separator: ',', labLimit, today: options.today, typed: false,
    headerLength: KNOWN_COLUMNS.length, col, extraColumns: [], patients: new Map(), rowIssues: [], locate,
  };
  for (const r of rows) readRow(ctx, r.fields, r.line, []);
  const patients = finishPatients(ctx);
  return { patients, issues: ctx.rowIssues };
}
