/**
 * One data row of a TDM CSV (or a row another reader made, see readRecordRows) read into an event
 * of its patient: a table of column checks (COLUMN_CHECKS) applied in one loop, each reading its
 * cell and recording what it found, then the event added by its kind (ADD_EVENT). Every refused
 * cell is an Issue naming the line, column and value and saying what would be accepted
 * (messages.ts).
 */
import type Papa from 'papaparse';
import { z } from 'zod';
import type { Days, DoseEvent, Drug, EventBase, Issue, Observation, Severity, TextParams, WearingOffEvent, WeightEvent } from '../types';
import { formatDateTime, parseIsoTime } from '../time';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, say, type Dialect, type IssueCode, type Said } from './messages';
import { isUnitFor, toCanonicalBcell, toCanonicalLevel, type MeasuredKind } from './units';
import { BCELL_MAX, LEVEL_MAX, YEARS_ACCEPTED, isAcceptedWeight, inWeightModelRange } from './plausible';

/** A number for a message: at most 4 significant digits, no exponent for everyday sizes. */
function numberText(x: number): string {
  return String(Number(x.toPrecision(4)));
}
const DrugSchema = z.enum(['natalizumab', 'ocrelizumab']);
const KindSchema = z.enum(['dose', 'level', 'bcell', 'weight', 'wearing_off']);
const RouteSchema = z.enum(['iv', 'sc']);
const SampleSchema = z.enum(['venous', 'capillary']);

export const KNOWN_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type KnownColumn = (typeof KNOWN_COLUMNS)[number];

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

interface PendingIssue { code: IssueCode; severity: Severity; message: string; params: TextParams; column?: string; value?: string }

export interface PatientState {
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
export interface FileContext {
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

export function patientFor(ctx: FileContext, id: string): PatientState {
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

/** One data row as it is read: its cells, what the checks so far made of them, and its problems so far. */
interface RowRead {
  ctx: FileContext;
  fields: string[];
  pending: PendingIssue[];
  pidCell: string;
  /** The patient id, when the cell holds one (not empty, no line break). */
  pid: string | undefined;
  drugCell: string;
  drug: Drug | undefined;
  kindCell: string;
  kind: MeasuredKind | undefined;
  timeCell: string;
  /** The time, to the minute (as formatDateTime gives it) so that `time` and `iso` always agree. */
  time: Days | undefined;
  iso: string;
  unit: string;
  unitOk: boolean;
  valueCell: string;
  /** Dose mg, weight kg or wearing-off score. */
  amount: number;
  /** Level µg/mL or B-cell count cells/µL. */
  canonical: number;
  censored: boolean;
  routeCell: string;
  route: 'iv' | 'sc';
  durationCell: string;
  duration: number | undefined;
  sampleCell: string;
  capillary: boolean;
}

function rowOf(ctx: FileContext, fields: string[]): RowRead {
  const { col } = ctx;
  const pidCell = rawCell(fields, col.patient_id).trim();
  return {
    ctx, fields, pending: [],
    pidCell, pid: pidCell !== '' && !/[\r\n]/.test(pidCell) ? pidCell : undefined,
    drugCell: rawCell(fields, col.drug).trim(), drug: undefined,
    kindCell: rawCell(fields, col.kind).trim(), kind: undefined,
    timeCell: rawCell(fields, col.time).trim(), time: undefined, iso: '',
    unit: rawCell(fields, col.unit).trim(), unitOk: false,
    valueCell: rawCell(fields, col.value).trim(), amount: NaN, canonical: NaN, censored: false,
    routeCell: rawCell(fields, col.route).trim(), route: 'iv',
    durationCell: rawCell(fields, col.duration_min).trim(), duration: undefined,
    sampleCell: rawCell(fields, col.sample).trim(), capillary: false,
  };
}

function checkPatientId(r: RowRead): void {
  if (r.pidCell === '') pend(r.pending, 'error', say('patient_id_empty'), 'patient_id', '');
  else if (r.pid === undefined) pend(r.pending, 'error', say('patient_id_line_break'), 'patient_id', r.pidCell);
}

/** The patient's drug is the one named by its first row with a known drug. */
function checkDrug(r: RowRead, line: number): void {
  const { drugCell } = r;
  if (drugCell === '') pend(r.pending, 'error', say('drug_empty'), 'drug', '');
  else {
    const p = DrugSchema.safeParse(drugCell.toLowerCase());
    if (p.success) r.drug = p.data;
    else pend(r.pending, 'error', say('drug_unknown', drugCell), 'drug', drugCell);
  }
  if (r.drug !== undefined && r.pid !== undefined) {
    const state = patientFor(r.ctx, r.pid);
    if (state.drug === undefined) { state.drug = r.drug; state.drugLine = line; }
    else if (state.drug !== r.drug) pend(r.pending, 'error', say('drug_mismatch', drugCell, state.drug, state.drugLine!), 'drug', drugCell);
  }
}

function checkKind(r: RowRead): void {
  const { kindCell } = r;
  if (kindCell === '') pend(r.pending, 'error', say('kind_empty'), 'kind', '');
  else {
    const p = KindSchema.safeParse(kindCell.toLowerCase());
    if (p.success) r.kind = p.data;
    else pend(r.pending, 'error', say('kind_unknown', kindCell), 'kind', kindCell);
  }
}

function checkTime(r: RowRead): void {
  const { timeCell, ctx } = r;
  if (timeCell === '') { pend(r.pending, 'error', say('time_empty'), 'time', ''); return; }
  const t = parseIsoTime(timeCell);
  if (t === null) pend(r.pending, 'error', say('time_invalid', timeCell), 'time', timeCell);
  else if (CANONICAL_MINUTE.test(timeCell)) { r.iso = timeCell; r.time = t; } // the usual case, no Date needed
  else if (CANONICAL_DATE.test(timeCell)) { r.iso = `${timeCell}T09:00`; r.time = t; }
  else { r.iso = formatDateTime(t); r.time = parseIsoTime(r.iso)!; }
  if (r.time === undefined) return;
  const year = Number(r.iso.slice(0, 4));
  if (ctx.today !== undefined && r.iso.slice(0, 10) > ctx.today) pend(r.pending, 'error', say('time_future', timeCell, ctx.today), 'time', timeCell);
  else if (!(year >= YEARS_ACCEPTED.min && year <= YEARS_ACCEPTED.max)) pend(r.pending, 'error', say('time_years', timeCell), 'time', timeCell);
}

function checkUnit(r: RowRead): void {
  const { kind, unit } = r;
  if (kind === undefined) return;
  if (unit === '') pend(r.pending, 'error', say('unit_empty', kind), 'unit', '');
  else if (!isUnitFor(kind, unit)) pend(r.pending, 'error', say('unit_unknown', unit, kind), 'unit', unit);
  else r.unitOk = true;
}

/** A measured value in the canonical unit, from its number as written (`.` decimal mark). */
function canonicalOf(kind: 'level' | 'bcell', text: string, unit: string): number {
  return kind === 'level' ? toCanonicalLevel(text, unit) : toCanonicalBcell(text, unit);
}

function checkValue(r: RowRead): void {
  const { kind, valueCell } = r;
  if (kind === undefined) return;
  if (valueCell === '') pend(r.pending, 'error', say('value_empty', kind, r.ctx.dialect), 'value', '');
  else if (valueCell.startsWith('<')) censoredValue(r, kind);
  else if (kind === 'wearing_off') scoreValue(r);
  else plainValue(r, kind);
}

/** `<x`: a result below the lab's limit x, for a level or a count only. */
function censoredValue(r: RowRead, kind: MeasuredKind): void {
  const { valueCell, ctx } = r;
  if (kind !== 'level' && kind !== 'bcell') { pend(r.pending, 'error', say('value_censored_not_allowed', valueCell, kind), 'value', valueCell); return; }
  const n = readNumber(valueCell.slice(1), ctx.dialect, ctx.typed);
  if (!n.ok) numberIssue(r.pending, n, valueCell, kind, ctx.dialect);
  else if (!(n.value > 0)) pend(r.pending, 'error', say('value_censored_limit', valueCell, kind), 'value', valueCell);
  else if (r.unitOk) {
    r.censored = true;
    r.canonical = canonicalOf(kind, n.text, r.unit);
  }
}

/** A wearing-off intensity: a whole number 0–3 (0 none, 1 mild, 2 moderate, 3 severe). */
function scoreValue(r: RowRead): void {
  const { valueCell, ctx } = r;
  const n = readNumber(valueCell, ctx.dialect, ctx.typed);
  if (!n.ok) numberIssue(r.pending, n, valueCell, 'wearing_off', ctx.dialect);
  else if (!Number.isInteger(n.value) || n.value < 0 || n.value > 3) pend(r.pending, 'error', say('value_score', valueCell), 'value', valueCell);
  else r.amount = n.value;
}

function plainValue(r: RowRead, kind: MeasuredKind): void {
  const { valueCell, ctx } = r;
  const n = readNumber(valueCell, ctx.dialect, ctx.typed);
  if (!n.ok) numberIssue(r.pending, n, valueCell, kind, ctx.dialect);
  else if (n.value < 0) pend(r.pending, 'error', say('value_negative', valueCell, kind), 'value', valueCell);
  else if (n.value === 0 && kind === 'level') pend(r.pending, 'error', say('value_zero_level', valueCell), 'value', valueCell);
  else if (n.value === 0 && kind === 'bcell') { r.censored = true; r.canonical = ctx.labLimit; }
  else if (n.value === 0) pend(r.pending, 'error', say('value_zero', valueCell, kind), 'value', valueCell);
  else if (kind !== 'level' && kind !== 'bcell') r.amount = n.value;
  else if (r.unitOk) r.canonical = canonicalOf(kind, n.text, r.unit);
}

/** Sense: more than any dose can give, or than blood holds (plausible.ts), most likely a unit mix-up. */
function checkSense(r: RowRead): void {
  const { kind, valueCell, unit } = r;
  if (kind === 'level' && r.canonical > LEVEL_MAX.value) {
    pend(r.pending, 'error', say('level_implausible', valueCell, unit, numberText(toCanonicalLevel(valueCell.replace(/^</, '').replace(',', '.'), 'ng/mL'))), 'value', valueCell);
  } else if (kind === 'bcell' && r.canonical > BCELL_MAX.value) {
    pend(r.pending, 'error', say('bcell_implausible', valueCell, unit, numberText(toCanonicalBcell(valueCell.replace(/^</, '').replace(',', '.'), '10^6/L') / 1000)), 'value', valueCell);
  } else if (kind === 'weight' && r.amount > 0 && !isAcceptedWeight(r.amount)) {
    pend(r.pending, 'error', say('weight_implausible', valueCell), 'value', valueCell);
  }
}

/** Route: read for doses, ignored (with a warning) elsewhere. */
function checkRoute(r: RowRead): void {
  if (r.kind !== 'dose' || r.routeCell === '') return;
  const p = RouteSchema.safeParse(r.routeCell.toLowerCase());
  if (p.success) r.route = p.data;
  else pend(r.pending, 'error', say('route_unknown', r.routeCell), 'route', r.routeCell);
}

/** Infusion duration: read for doses, ignored (with a warning) elsewhere. */
function checkDuration(r: RowRead): void {
  if (r.kind !== 'dose' || r.durationCell === '') return;
  const n = readNumber(r.durationCell, r.ctx.dialect);
  if (!n.ok || n.value < 0 || n.value > 1440) pend(r.pending, 'error', say('duration_invalid', r.durationCell), 'duration_min', r.durationCell);
  else r.duration = n.value;
}

/** Sample: read for levels (empty = venous), ignored (with a warning) elsewhere. */
function checkSample(r: RowRead): void {
  if (r.kind !== 'level' || r.sampleCell === '') return;
  const p = SampleSchema.safeParse(r.sampleCell.toLowerCase());
  if (p.success) r.capillary = p.data === 'capillary';
  else pend(r.pending, 'error', say('sample_unknown', r.sampleCell), 'sample', r.sampleCell);
}

/**
 * The checks of a row, column by column, applied in this order (the order of the row's messages).
 * Each reads its cell, records what it found on the row, and adds an error when the cell is refused.
 */
const COLUMN_CHECKS: readonly ((r: RowRead, line: number) => void)[] = [
  checkPatientId, checkDrug, checkKind, checkTime, checkUnit, checkValue, checkSense, checkRoute, checkDuration, checkSample,
];

/** Columns read for one kind only: given in a row of another kind, they are ignored with a warning. */
const KIND_ONLY_COLUMNS: readonly { column: 'route' | 'duration_min' | 'sample'; kind: MeasuredKind; cell: (r: RowRead) => string; said: (cell: string, k: MeasuredKind) => Said }[] = [
  { column: 'route', kind: 'dose', cell: (r) => r.routeCell, said: (cell, k) => say('route_ignored', cell, k) },
  { column: 'duration_min', kind: 'dose', cell: (r) => r.durationCell, said: (cell, k) => say('duration_ignored', cell, k) },
  { column: 'sample', kind: 'level', cell: (r) => r.sampleCell, said: (cell, k) => say('sample_ignored', cell, k) },
];

/** Note and extra columns only when present, so records compare equal after a round trip. */
function finishEvent<T extends EventBase>(r: RowRead, e: T): T {
  const { ctx, fields } = r;
  const noteCell = rawCell(fields, ctx.col.note);
  if (noteCell !== '') e.note = noteCell;
  if (ctx.extraColumns.length > 0) {
    const extra: Record<string, string> = {};
    for (const c of ctx.extraColumns) extra[c.name] = rawCell(fields, c.index);
    e.extra = extra;
  }
  return e;
}

/** A usable dose row to its patient, unless one is on record at that time (then only that is said). */
function addDose(r: RowRead, state: PatientState, line: number): void {
  const time = r.time!, drug = r.drug!;
  const first = state.doseLines.get(time);
  if (first !== undefined) {
    r.pending = [{ ...say('dose_duplicate', r.iso, first), severity: 'error', column: 'time', value: r.timeCell }];
    return;
  }
  state.doseLines.set(time, line);
  if (drug === 'natalizumab' && (r.amount < 150 || r.amount > 450)) pend(r.pending, 'warning', say('dose_unusual_natalizumab', r.valueCell), 'value', r.valueCell);
  if (drug === 'ocrelizumab' && (r.amount < 300 || r.amount > 600)) pend(r.pending, 'warning', say('dose_unusual_ocrelizumab', r.valueCell), 'value', r.valueCell);
  state.doses.push(finishEvent<DoseEvent>(r, {
    kind: 'dose', time, iso: r.iso, line, amountMg: r.amount, route: r.route,
    durationMin: r.duration ?? defaultDuration(drug, r.route, r.amount),
    durationGiven: r.duration !== undefined, routeGiven: r.routeCell !== '',
  }));
}

function addWeight(r: RowRead, state: PatientState, line: number): void {
  if (r.drug === 'natalizumab' && !inWeightModelRange(r.amount)) pend(r.pending, 'warning', say('weight_unusual', r.valueCell), 'value', r.valueCell);
  state.weights.push(finishEvent<WeightEvent>(r, { kind: 'weight', time: r.time!, iso: r.iso, line, kg: r.amount }));
}

function addWearingOff(r: RowRead, state: PatientState, line: number): void {
  state.wearingOff.push(finishEvent<WearingOffEvent>(r, { kind: 'wearing_off', time: r.time!, iso: r.iso, line, score: r.amount as WearingOffEvent['score'] }));
}

function addObservation(r: RowRead, state: PatientState, line: number): void {
  const k = r.kind as 'level' | 'bcell';
  if ((k === 'level') !== (r.drug === 'natalizumab')) pend(r.pending, 'warning', say('kind_unused', k, r.drug!), 'kind', r.kindCell);
  const obs = finishEvent<Observation>(r, { kind: k, time: r.time!, iso: r.iso, line, value: r.canonical, censored: r.censored, unit: r.unit, raw: r.valueCell });
  if (r.capillary) obs.sample = 'capillary';
  (k === 'level' ? state.levels : state.bcells).push(obs);
}

/** How a usable row of each kind enters its patient's record. */
const ADD_EVENT: Readonly<Record<MeasuredKind, (r: RowRead, state: PatientState, line: number) => void>> = {
  dose: addDose, weight: addWeight, wearing_off: addWearingOff, level: addObservation, bcell: addObservation,
};

/** A row papaparse could not split, or with more fields than the header: refused as a whole. */
function rowShapeProblem(ctx: FileContext, fields: string[], parseErrors: Papa.ParseError[]): Said | null {
  if (parseErrors.length > 0) {
    const e = parseErrors[0];
    return e.code === 'MissingQuotes' ? say('csv_quotes_unclosed') : say('csv_quotes', e.message);
  }
  // A shifted row: refused even when the surplus field is empty.
  if (fields.length > ctx.headerLength) return say('row_fields', fields.length, ctx.headerLength, ctx.separator);
  return null;
}

/** Read one data row: an event for its patient, or issues saying why not. */
export function readRow(ctx: FileContext, fields: string[], line: number, parseErrors: Papa.ParseError[]): void {
  const r = rowOf(ctx, fields);
  const shape = rowShapeProblem(ctx, fields, parseErrors);
  if (shape !== null) {
    pend(r.pending, 'error', shape);
    settle(ctx, r.pending, line, r.pid, undefined);
    return;
  }
  for (const check of COLUMN_CHECKS) check(r, line);
  if (r.pending.length > 0) { // only errors so far: the row is not used
    settle(ctx, r.pending, line, r.pid, r.time);
    return;
  }
  // From here the row is usable (pid, drug, kind and time are known); only the duplicate check can still refuse it.
  const state = patientFor(ctx, r.pid!);
  const k = r.kind!;
  for (const c of KIND_ONLY_COLUMNS) {
    const cell = c.cell(r);
    if (k !== c.kind && cell !== '') pend(r.pending, 'warning', c.said(cell, k), c.column, cell);
  }
  ADD_EVENT[k](r, state, line);
  settle(ctx, r.pending, line, r.pid, r.time);
}
