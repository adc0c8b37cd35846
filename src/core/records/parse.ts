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
import type { Days, DoseEvent, Drug, EventBase, Issue, Observation, ParseResult, PatientRecord, Severity, WeightEvent } from '../types';
import { formatDateTime, parseIsoTime } from '../time';
import { MSG, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, located, type Dialect, type IssueCode } from './messages';
import { isUnitFor, toCanonicalBcell, toCanonicalLevel, type MeasuredKind } from './units';

export interface ParseOptions {
  /**
   * Limit of the B-cell assay in cells/µL, used for an ocrelizumab count reported as `0`: such a
   * count is censored below this limit, never taken as an exact zero. (`<x` is censored at x.)
   * @default 1
   */
  labLimit?: number;
}

export const DEFAULT_LAB_LIMIT = 1;

const DrugSchema = z.enum(['natalizumab', 'ocrelizumab']);
const KindSchema = z.enum(['dose', 'level', 'bcell', 'weight']);
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

type NumberRead = { ok: true; text: string; value: number } | { ok: false; ambiguous: boolean };

/**
 * A number as written in the dialect: `.` decimals in a comma file; `,` decimals in a semicolon
 * file, where a `.` is also read as decimal mark unless the value looks like thousands grouping.
 * Returns the number's text with `.` as decimal mark (for exact unit conversion) and its value.
 */
export function readNumber(cell: string, dialect: Dialect): NumberRead {
  let t = cell.trim();
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

interface PendingIssue { code: IssueCode; severity: Severity; message: string; column?: string; value?: string }

interface PatientState {
  id: string;
  order: number;
  drug?: Drug;
  drugLine?: number;
  doses: DoseEvent[];
  levels: Observation[];
  bcells: Observation[];
  weights: WeightEvent[];
  issues: Issue[];
  doseLines: Map<Days, number>;
}

/** What the row reader needs, built once per file (no closures per row: the hot path stays flat). */
interface FileContext {
  file: string;
  dialect: Dialect;
  separator: string;
  labLimit: number;
  headerLength: number;
  /** Index of each known column, -1 when absent. */
  col: Record<KnownColumn, number>;
  extraColumns: { name: string; index: number }[];
  patients: Map<string, PatientState>;
  rowIssues: Issue[];
}

function pend(list: PendingIssue[], code: IssueCode, severity: Severity, message: string, column?: string, value?: string): void {
  const p: PendingIssue = { code, severity, message };
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
    p = { id, order: ctx.patients.size, doses: [], levels: [], bcells: [], weights: [], issues: [], doseLines: new Map() };
    ctx.patients.set(id, p);
  }
  return p;
}

/** Turn a row's pending issues into Issues with file:line, patient and time. */
function settle(ctx: FileContext, pending: PendingIssue[], line: number, pid: string | undefined, time: Days | undefined): void {
  if (pending.length === 0) return;
  const state = pid === undefined ? undefined : patientFor(ctx, pid);
  for (const p of pending) {
    const issue: Issue = { code: p.code, severity: p.severity, message: located(ctx.file, line, p.message), file: ctx.file, line };
    if (p.column !== undefined) issue.column = p.column;
    if (p.value !== undefined) issue.value = p.value;
    if (pid !== undefined) issue.patientId = pid;
    if (time !== undefined) issue.time = time;
    ctx.rowIssues.push(issue);
    state?.issues.push(issue);
  }
}

function numberIssue(pending: PendingIssue[], r: { ambiguous: boolean }, cell: string, kind: MeasuredKind, dialect: Dialect): void {
  if (r.ambiguous) pend(pending, 'value_ambiguous', 'error', MSG.value_ambiguous(cell, kind), 'value', cell);
  else pend(pending, 'value_not_number', 'error', MSG.value_not_number(cell, kind, dialect), 'value', cell);
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
    if (e.code === 'MissingQuotes') pend(pending, 'csv_quotes_unclosed', 'error', MSG.csv_quotes_unclosed());
    else pend(pending, 'csv_quotes', 'error', MSG.csv_quotes(e.message));
    settle(ctx, pending, line, pid, undefined);
    return;
  }
  if (fields.length > ctx.headerLength) { // a shifted row: refused even when the surplus field is empty
    pend(pending, 'row_fields', 'error', MSG.row_fields(fields.length, ctx.headerLength, ctx.separator));
    settle(ctx, pending, line, pid, undefined);
    return;
  }

  // patient_id
  if (pidCell === '') pend(pending, 'patient_id_empty', 'error', MSG.patient_id_empty(), 'patient_id', '');
  else if (pid === undefined) pend(pending, 'patient_id_line_break', 'error', MSG.patient_id_line_break(), 'patient_id', pidCell);

  // drug: the patient's drug is the one named by its first row with a known drug
  const drugCell = rawCell(fields, col.drug).trim();
  let drug: Drug | undefined;
  if (drugCell === '') pend(pending, 'drug_empty', 'error', MSG.drug_empty(), 'drug', '');
  else {
    const r = DrugSchema.safeParse(drugCell.toLowerCase());
    if (r.success) drug = r.data;
    else pend(pending, 'drug_unknown', 'error', MSG.drug_unknown(drugCell), 'drug', drugCell);
  }
  if (drug !== undefined && pid !== undefined) {
    const state = patientFor(ctx, pid);
    if (state.drug === undefined) { state.drug = drug; state.drugLine = line; }
    else if (state.drug !== drug) pend(pending, 'drug_mismatch', 'error', MSG.drug_mismatch(drugCell, state.drug, state.drugLine!), 'drug', drugCell);
  }

  // kind
  const kindCell = rawCell(fields, col.kind).trim();
  let kind: MeasuredKind | undefined;
  if (kindCell === '') pend(pending, 'kind_empty', 'error', MSG.kind_empty(), 'kind', '');
  else {
    const r = KindSchema.safeParse(kindCell.toLowerCase());
    if (r.success) kind = r.data;
    else pend(pending, 'kind_unknown', 'error', MSG.kind_unknown(kindCell), 'kind', kindCell);
  }

  // time, to the minute (as formatDateTime gives it) so that `time` and `iso` always agree
  const timeCell = rawCell(fields, col.time).trim();
  let time: Days | undefined;
  let iso = '';
  if (timeCell === '') pend(pending, 'time_empty', 'error', MSG.time_empty(), 'time', '');
  else {
    const t = parseIsoTime(timeCell);
    if (t === null) pend(pending, 'time_invalid', 'error', MSG.time_invalid(timeCell), 'time', timeCell);
    else if (CANONICAL_MINUTE.test(timeCell)) { iso = timeCell; time = t; } // the usual case, no Date needed
    else if (CANONICAL_DATE.test(timeCell)) { iso = `${timeCell}T09:00`; time = t; }
    else { iso = formatDateTime(t); time = parseIsoTime(iso)!; }
  }

  // unit and value
  const unit = rawCell(fields, col.unit).trim();
  const valueCell = rawCell(fields, col.value).trim();
  let amount = NaN; // dose mg or weight kg
  let canonical = NaN; // level µg/mL or bcell cells/µL
  let censored = false;
  if (kind !== undefined) {
    let unitOk = false;
    if (unit === '') pend(pending, 'unit_empty', 'error', MSG.unit_empty(kind), 'unit', '');
    else if (!isUnitFor(kind, unit)) pend(pending, 'unit_unknown', 'error', MSG.unit_unknown(unit, kind), 'unit', unit);
    else unitOk = true;
    const observed = kind === 'level' || kind === 'bcell';
    if (valueCell === '') pend(pending, 'value_empty', 'error', MSG.value_empty(kind, dialect), 'value', '');
    else if (valueCell.startsWith('<')) {
      if (!observed) pend(pending, 'value_censored_not_allowed', 'error', MSG.value_censored_not_allowed(valueCell, kind), 'value', valueCell);
      else {
        const r = readNumber(valueCell.slice(1), dialect);
        if (!r.ok) numberIssue(pending, r, valueCell, kind, dialect);
        else if (!(r.value > 0)) pend(pending, 'value_censored_limit', 'error', MSG.value_censored_limit(valueCell, kind), 'value', valueCell);
        else if (unitOk) {
          censored = true;
          canonical = kind === 'level' ? toCanonicalLevel(r.text, unit) : toCanonicalBcell(r.text, unit);
        }
      }
    } else {
      const r = readNumber(valueCell, dialect);
      if (!r.ok) numberIssue(pending, r, valueCell, kind, dialect);
      else if (r.value < 0) pend(pending, 'value_negative', 'error', MSG.value_negative(valueCell, kind), 'value', valueCell);
      else if (r.value === 0 && kind === 'level') pend(pending, 'value_zero_level', 'error', MSG.value_zero_level(valueCell), 'value', valueCell);
      else if (r.value === 0 && kind === 'bcell') { censored = true; canonical = ctx.labLimit; }
      else if (r.value === 0) pend(pending, 'value_zero', 'error', MSG.value_zero(valueCell, kind), 'value', valueCell);
      else if (!observed) amount = r.value;
      else if (unitOk) canonical = kind === 'level' ? toCanonicalLevel(r.text, unit) : toCanonicalBcell(r.text, unit);
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
      else pend(pending, 'route_unknown', 'error', MSG.route_unknown(routeCell), 'route', routeCell);
    }
    if (durationCell !== '') {
      const r = readNumber(durationCell, dialect);
      if (!r.ok || r.value < 0 || r.value > 1440) pend(pending, 'duration_invalid', 'error', MSG.duration_invalid(durationCell), 'duration_min', durationCell);
      else duration = r.value;
    }
  }

  // sample: read for levels (empty = venous), ignored (with a warning) elsewhere
  const sampleCell = rawCell(fields, col.sample).trim();
  let capillary = false;
  if (kind === 'level' && sampleCell !== '') {
    const r = SampleSchema.safeParse(sampleCell.toLowerCase());
    if (r.success) capillary = r.data === 'capillary';
    else pend(pending, 'sample_unknown', 'error', MSG.sample_unknown(sampleCell), 'sample', sampleCell);
  }

  if (pending.length > 0) { // only errors so far: the row is not used
    settle(ctx, pending, line, pid, time);
    return;
  }
  // From here the row is usable (pid, drug, kind and time are known); only the duplicate check can still refuse it.
  const state = patientFor(ctx, pid!);
  const k = kind!;
  if (k !== 'dose' && routeCell !== '') pend(pending, 'route_ignored', 'warning', MSG.route_ignored(routeCell, k), 'route', routeCell);
  if (k !== 'dose' && durationCell !== '') pend(pending, 'duration_ignored', 'warning', MSG.duration_ignored(durationCell, k), 'duration_min', durationCell);
  if (k !== 'level' && sampleCell !== '') pend(pending, 'sample_ignored', 'warning', MSG.sample_ignored(sampleCell, k), 'sample', sampleCell);

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
      settle(ctx, [{ code: 'dose_duplicate', severity: 'error', message: MSG.dose_duplicate(iso, first), column: 'time', value: timeCell }], line, pid, time);
      return;
    }
    state.doseLines.set(time!, line);
    if (drug === 'natalizumab' && (amount < 150 || amount > 450)) pend(pending, 'dose_unusual_natalizumab', 'warning', MSG.dose_unusual_natalizumab(valueCell), 'value', valueCell);
    if (drug === 'ocrelizumab' && (amount < 300 || amount > 600)) pend(pending, 'dose_unusual_ocrelizumab', 'warning', MSG.dose_unusual_ocrelizumab(valueCell), 'value', valueCell);
    state.doses.push(finishEvent<DoseEvent>({
      kind: 'dose', time: time!, iso, line, amountMg: amount, route,
      durationMin: duration ?? defaultDuration(drug!, route, amount),
      durationGiven: duration !== undefined, routeGiven: routeCell !== '',
    }));
  } else if (k === 'weight') {
    if (amount < 30 || amount > 250) pend(pending, 'weight_unusual', 'warning', MSG.weight_unusual(valueCell), 'value', valueCell);
    state.weights.push(finishEvent<WeightEvent>({ kind: 'weight', time: time!, iso, line, kg: amount }));
  } else {
    if ((k === 'level') !== (drug === 'natalizumab')) pend(pending, 'kind_unused', 'warning', MSG.kind_unused(k, drug!), 'kind', kindCell);
    const obs = finishEvent<Observation>({ kind: k, time: time!, iso, line, value: canonical, censored, unit, raw: valueCell });
    if (capillary) obs.sample = 'capillary';
    (k === 'level' ? state.levels : state.bcells).push(obs);
  }
  settle(ctx, pending, line, pid, time);
}

interface HeaderRead { ok: boolean; col: FileContext['col']; extraColumns: { name: string; index: number }[] }

function readHeader(fields: string[], headerLine: string, fileIssue: (code: IssueCode, severity: Severity, message: string, line?: number, column?: string) => void): HeaderRead {
  const names = fields.map((f) => f.trim());
  const lower = names.map((h) => h.toLowerCase());
  const col = Object.fromEntries(KNOWN_COLUMNS.map((c) => [c, -1])) as FileContext['col'];
  const extraColumns: { name: string; index: number }[] = [];
  if (!REQUIRED_COLUMNS.some((c) => lower.includes(c))) {
    const shown = headerLine.length > 80 ? `${headerLine.slice(0, 77)}...` : headerLine;
    fileIssue('header_missing', 'error', MSG.header_missing(shown), 1);
    return { ok: false, col, extraColumns };
  }
  let ok = true;
  const seen = new Set<string>();
  lower.forEach((name, i) => {
    if (name === '') return; // a trailing separator in the header: no column
    if (seen.has(name)) {
      fileIssue('column_duplicate', 'error', MSG.column_duplicate(names[i]), 1, names[i]);
      ok = false;
      return;
    }
    seen.add(name);
    if ((KNOWN_COLUMNS as readonly string[]).includes(name)) col[name as KnownColumn] = i;
    else {
      extraColumns.push({ name: names[i], index: i });
      fileIssue('column_unknown', 'warning', MSG.column_unknown(names[i]), 1, names[i]);
    }
  });
  for (const c of REQUIRED_COLUMNS) {
    if (col[c] < 0) {
      fileIssue('column_missing', 'error', MSG.column_missing(c), 1, c);
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

  const issues: Issue[] = [];
  const fileIssue = (code: IssueCode, severity: Severity, message: string, line?: number, column?: string): void => {
    const issue: Issue = { code, severity, message: located(file, line, message), file };
    if (line !== undefined) issue.line = line;
    if (column !== undefined) issue.column = column;
    issues.push(issue);
  };
  const fatal = (dialect: Dialect): ParseResult => ({ patients: [], issues, extraColumns: [], dialect, fatal: true });

  const why = notTextReason(text);
  if (why !== null) {
    fileIssue('file_not_text', 'error', MSG.file_not_text(why));
    return fatal('comma');
  }
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // One line end for papaparse and for line counting (a CRLF inside a quoted note becomes LF).
  if (body.includes('\r\n')) body = body.replace(/\r\n/g, '\n');
  if (body.trim() === '') {
    fileIssue('file_empty', 'error', MSG.file_empty());
    return fatal('comma');
  }
  if (body.includes('\uFFFD')) fileIssue('file_encoding', 'warning', MSG.file_encoding());

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
        ctx = { file, dialect, separator, labLimit, headerLength: fields.length, col: h.col, extraColumns: h.extraColumns, patients: new Map(), rowIssues: [] };
        return;
      }
      if (fields.every((f) => f.trim() === '')) return; // a blank line, or only separators
      dataRows++;
      readRow(ctx, fields, lineNo, result.errors);
    },
  });

  const c = ctx as FileContext | null;
  if (headerFatal || c === null) return fatal(dialect);
  if (dataRows === 0) fileIssue('file_no_rows', 'warning', MSG.file_no_rows());

  // Checks that need the whole patient: a natalizumab level needs a dose before it.
  const records: PatientRecord[] = [];
  const byTime = (a: { time: Days }, b: { time: Days }) => a.time - b.time;
  for (const s of c.patients.values()) {
    s.doses.sort(byTime);
    s.levels.sort(byTime);
    s.bcells.sort(byTime);
    s.weights.sort(byTime);
    // A level timed exactly at the first dose was drawn just before it, before any drug: only a
    // censored (`<x`) baseline is possible there.
    if (s.drug === 'natalizumab' && s.doses.length > 0 && s.levels.length > 0 && s.levels[0].time <= s.doses[0].time) {
      const first = s.doses[0];
      const kept: Observation[] = [];
      for (const o of s.levels) {
        if (o.time > first.time || (o.time === first.time && o.censored)) { kept.push(o); continue; }
        const issue: Issue = {
          code: 'level_before_dose', severity: 'error', message: located(file, o.line, MSG.level_before_dose(o.iso, first.iso, first.line)),
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
    const warn = (code: 'doses_close' | 'sample_duplicate', message: string, o: { line?: number; iso: string; time: Days }) => {
      const issue: Issue = { code, severity: 'warning', message: located(file, o.line, message), file, line: o.line, column: 'time', value: o.iso, patientId: s.id, time: o.time };
      c.rowIssues.push(issue);
      s.issues.push(issue);
    };
    for (let i = 1; i < s.doses.length; i++) {
      const a = s.doses[i - 1], b = s.doses[i];
      const days = b.time - a.time;
      // Natalizumab: at least 3 weeks. Ocrelizumab: 5 months, except the 2 × 300 mg start (≤ 4 weeks apart).
      const close = s.drug === 'natalizumab' ? days < 21
        : days < 140 && !(a.amountMg === 300 && b.amountMg === 300 && days <= 28);
      if (close) warn('doses_close', MSG.doses_close(s.drug!, b.iso, days.toFixed(days < 1 ? 2 : 0), a.iso, a.line), b);
    }
    for (const [list, what] of [[s.levels, 'levels'], [s.bcells, 'B-cell counts']] as const) {
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1], b = list[i];
        if (a.time === b.time && (a.value !== b.value || a.censored !== b.censored)) warn('sample_duplicate', MSG.sample_duplicate(what, b.iso, a.line), b);
      }
    }
    s.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (s.doses.length + s.levels.length + s.bcells.length + s.weights.length === 0) continue;
    records.push({ id: s.id, drug: s.drug!, doses: s.doses, levels: s.levels, bcells: s.bcells, weights: s.weights, issues: s.issues, order: s.order });
  }
  c.rowIssues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  issues.push(...c.rowIssues);
  return { patients: records, issues, extraColumns: c.extraColumns.map((e) => e.name), dialect, fatal: false };
}
