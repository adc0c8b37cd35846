/**
 * A patient's events as editable rows of the TDM CSV (text fields, exactly as a file would hold
 * them). Data entry builds a small CSV from these rows and lets the records module read it, so a
 * typed row is checked by the same rules, with the same messages, as an imported one.
 */
import type { Drug, PatientRecord } from '../../core/types';
import { writeCsvTable } from '../../core/records/write';
import { unitLabel } from '../../i18n/display';
import type { Lang } from './dates';

export type RowKind = 'dose' | 'level' | 'bcell' | 'weight' | 'wearing_off';

export interface EventRow {
  kind: RowKind;
  /** ISO date or date-time as in the file. */
  time: string;
  /** The value as written (`24.1`, `<1`). */
  value: string;
  unit: string;
  route: string;
  duration_min: string;
  note: string;
  /** Levels: `capillary` for a finger-prick, `venous` or '' for a venous draw (the TDM CSV's `sample`). */
  sample?: string;
  extra?: Record<string, string>;
}

/** Units the spec accepts for each kind (spec/tdm-csv.md); the first is the usual one. */
export const UNITS: Record<RowKind, string[]> = {
  dose: ['mg'],
  level: ['ug/mL', 'µg/mL', 'mg/L', 'ng/mL'],
  bcell: ['cells/uL', 'cells/µL', '/uL', '10^6/L', '10^9/L'],
  weight: ['kg'],
  wearing_off: ['score'],
};

/**
 * The unit drop-down of a kind: one option per unit a reader tells apart, labelled as the language
 * writes it (µg/mL, cells/µL, cellen/µL), valued with the spec's unit code, so what is stored and
 * exported stays the code: `ug/mL` and `µg/mL` are one option `µg/mL` worth `ug/mL`, or worth the
 * row's own code when it has the other (an edited row keeps its unit as written).
 */
export function unitOptions(kind: RowKind, lang: Lang, current?: string): { value: string; label: string }[] {
  const byLabel = new Map<string, string>();
  for (const u of [...UNITS[kind], ...(current && !UNITS[kind].includes(current) ? [current] : [])]) {
    const label = unitLabel(u, lang);
    if (!byLabel.has(label) || u === current) byLabel.set(label, u);
  }
  return [...byLabel].map(([label, value]) => ({ value, label }));
}

/**
 * Kinds the table adds for a drug (levels for natalizumab, counts for ocrelizumab); wearing-off
 * reports have their own short form and are edited in the table like any row.
 */
export function kindsFor(drug: Drug): RowKind[] {
  return drug === 'natalizumab' ? ['dose', 'level', 'weight'] : ['dose', 'bcell', 'weight'];
}

const KIND_ORDER: Record<RowKind, number> = { weight: 0, level: 1, bcell: 1, wearing_off: 2, dose: 3 };

const fmt = (x: number) => String(Number(x.toPrecision(12)));
/** A value read from a comma-decimal file (`24,1`, `<0,5`) written with a decimal point. */
const pointDecimal = (raw: string) => raw.trim().replace(/^(<?\s*\d*),(\d+)$/, '$1.$2');

/** The patient's events as rows, by time (a sample timed at a dose comes before that dose). */
export function recordToRows(p: PatientRecord): EventRow[] {
  const rows: (EventRow & { t: number })[] = [];
  for (const d of p.doses) rows.push({
    t: d.time, kind: 'dose', time: d.iso, value: fmt(d.amountMg), unit: 'mg',
    route: d.routeGiven === false ? '' : d.route, duration_min: d.durationGiven === false ? '' : fmt(d.durationMin),
    note: d.note ?? '', extra: d.extra,
  });
  for (const o of [...p.levels, ...p.bcells]) rows.push({
    t: o.time, kind: o.kind, time: o.iso, value: o.raw !== undefined ? pointDecimal(o.raw) : fmt(o.value), unit: o.unit, route: '', duration_min: '', note: o.note ?? '', extra: o.extra,
    ...(o.kind === 'level' ? { sample: o.sample === 'capillary' ? 'capillary' : 'venous' } : {}),
  });
  for (const w of p.weights) rows.push({ t: w.time, kind: 'weight', time: w.iso, value: fmt(w.kg), unit: 'kg', route: '', duration_min: '', note: w.note ?? '', extra: w.extra });
  for (const w of p.wearingOff ?? []) rows.push({ t: w.time, kind: 'wearing_off', time: w.iso, value: String(w.score), unit: 'score', route: '', duration_min: '', note: w.note ?? '', extra: w.extra });
  rows.sort((a, b) => a.t - b.t || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return rows.map(({ t: _t, ...r }) => r);
}


export const BASE_COLUMNS = ['patient_id', 'drug', 'kind', 'time', 'value', 'unit', 'route', 'duration_min', 'note', 'sample'] as const;

/**
 * A TDM CSV of one patient's rows. Line n + 2 of the text is rows[n] (line 1 is the header), so
 * the parser's `file:line` messages map back to rows.
 */
export function rowsToCsv(id: string, drug: Drug, rows: EventRow[]): string {
  const extraCols = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const data = rows.map((r) => [id, drug, r.kind, r.time, r.value, r.unit, r.route, r.duration_min, r.note, r.sample ?? '', ...extraCols.map((c) => r.extra?.[c] ?? '')]);
  // The project's one CSV writer, with its formula guard: a typed note `'=x` is read back as `'=x`.
  return writeCsvTable([...BASE_COLUMNS, ...extraCols], data, { newline: '\n' });
}

/** The row index of a 1-based line of rowsToCsv's text, or null for the header. */
export function rowOfLine(line: number | undefined): number | null {
  return line === undefined || line < 2 ? null : line - 2;
}

/** An empty row of a kind with the usual unit. */
export function emptyRow(kind: RowKind): EventRow {
  return { kind, time: '', value: kind === 'dose' ? '300' : '', unit: UNITS[kind][0], route: kind === 'dose' ? 'iv' : '', duration_min: '', note: '', ...(kind === 'level' ? { sample: 'venous' } : {}) };
}

/** Strip the `file:line: ` prefix of a parser message for showing it next to the row. */
export function shortMessage(message: string): string {
  return message.replace(/^[^:\n]*:\d+:\s*/, '');
}
