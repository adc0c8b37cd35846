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
import type { Days, Issue, Observation, ParseResult, PatientRecord, Severity } from '../types';
import { REQUIRED_COLUMNS, located, say, type Dialect, type NotText, type Said } from './messages';
import { KNOWN_COLUMNS, readRow, type FileContext, type KnownColumn, type Locate } from './row';

export { readNumber, unneutralise, type Locate } from './row';

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

/** Why a file is not text, as the catalog's context of `file_not_text` (with its counts), or null. */
function notTextReason(text: string): NotText | null {
  if (text.startsWith('PK\u0003\u0004')) return { context: 'zip' };
  if (text.startsWith('%PDF-')) return { context: 'pdf' };
  if (text.includes('\u0000')) return { context: 'nul' };
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 2 && control > sample.length / 100) return { context: 'control', count: String(control), of: String(sample.length) };
  return null;
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
