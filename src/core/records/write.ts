/**
 * Writing patient records as a TDM CSV (spec/tdm-csv.md): one row per event, values as the lab
 * gave them (`raw` and `unit`), so that reading the output gives back equal records.
 */
import Papa from 'papaparse';
import type { PatientEvent, PatientRecord } from '../types';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type Dialect } from './messages';
import { DOSE_UNIT, SCORE_UNIT, WEIGHT_UNIT } from './units';

export interface WriteOptions {
  /** `comma`: `,` between fields and `.` decimals; `semicolon`: `;` and decimal comma. @default 'comma' */
  dialect?: Dialect;
  /** Extra columns after the standard ones. @default the events' `extra` keys, in order of first appearance */
  extraColumns?: string[];
  /** Line end. @default '\r\n' (RFC 4180) */
  newline?: '\r\n' | '\n';
  /** Start with a UTF-8 byte-order mark (helps Excel read `µ` and accents). @default false */
  bom?: boolean;
}

/** The columns every export writes (`sample` only when a level is capillary, after `note`). */
export const STANDARD_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS.filter((c) => c !== 'sample')];
const KNOWN_COLUMNS: ReadonlySet<string> = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

/** Whether any level is capillary: then the file needs the `sample` column (spec/tdm-csv.md). */
export function needsSampleColumn(patients: PatientRecord[]): boolean {
  return patients.some((p) => p.levels.some((o) => o.sample === 'capillary'));
}

/** A cell a spreadsheet would run as a formula (or a cell that already starts with `'` before one). */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** Prefix `'` to a cell a spreadsheet would run as a formula; the reader removes it again. */
export function neutralise(cell: string): string {
  return FORMULA_LIKE.test(cell) ? `'${cell}` : cell;
}

/** At one time: weight, samples (drawn before the dose), a wearing-off report (the interval that ends there), dose. */
const KIND_RANK: Record<PatientEvent['kind'], number> = { weight: 0, level: 1, bcell: 2, wearing_off: 3, dose: 4 };

/** A patient's events in file order: by time; at one time weight, then samples (drawn before the dose), wearing-off, then dose. */
export function patientEvents(p: PatientRecord): PatientEvent[] {
  const events: PatientEvent[] = [...p.weights, ...p.levels, ...p.bcells, ...(p.wearingOff ?? []), ...p.doses];
  return events.sort((a, b) => a.time - b.time || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.line ?? 0) - (b.line ?? 0));
}

function collectExtraColumns(patients: PatientRecord[]): string[] {
  const names: string[] = [];
  for (const p of patients) {
    for (const e of patientEvents(p)) {
      for (const k of Object.keys(e.extra ?? {})) if (!names.includes(k) && !KNOWN_COLUMNS.has(k.toLowerCase())) names.push(k);
    }
  }
  return names;
}

export interface TableOptions {
  /** `comma`: `,` between fields; `semicolon`: `;`. @default 'comma' */
  dialect?: Dialect;
  /** Line end. @default '\r\n' (RFC 4180) */
  newline?: '\r\n' | '\n';
  /** Start with a UTF-8 byte-order mark (Excel then reads `µ` and accents). @default false */
  bom?: boolean;
}

/**
 * The one CSV writer of the project (papaparse): every CSV the app or the CLI writes goes through
 * it, so every cell gets the formula guard (`neutralise`), quoting follows RFC 4180, and the text
 * ends with a line end. Cells are written as given (numbers already in the dialect's decimal mark).
 */
export function writeCsvTable(fields: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const newline = options.newline ?? '\r\n';
  const csv = Papa.unparse(
    { fields: fields.map(neutralise), data: rows.map((r) => r.map(neutralise)) },
    { delimiter: options.dialect === 'semicolon' ? ';' : ',', newline, quotes: false, quoteChar: '"', escapeChar: '"', escapeFormulae: false },
  );
  return (options.bom ? '\uFEFF' : '') + csv + newline;
}

/** Write patients as a TDM CSV, in the order given. */
export function writeTdmCsv(patients: PatientRecord[], options: WriteOptions = {}): string {
  const dialect = options.dialect ?? 'comma';
  const extras = options.extraColumns ?? collectExtraColumns(patients);
  const decimal = dialect === 'semicolon' ? (s: string) => s.replace('.', ',') : (s: string) => s.replace(',', '.');
  const num = (n: number) => decimal(String(n));
  const withSample = needsSampleColumn(patients);

  const rows: string[][] = [];
  for (const p of patients) {
    for (const e of patientEvents(p)) {
      let value: string, unit: string, route = '', duration = '';
      switch (e.kind) {
        case 'dose':
          value = num(e.amountMg);
          unit = DOSE_UNIT;
          route = e.routeGiven === false ? '' : e.route;
          duration = e.durationGiven === false ? '' : num(e.durationMin);
          break;
        case 'weight':
          value = num(e.kg);
          unit = WEIGHT_UNIT;
          break;
        case 'wearing_off':
          value = String(e.score);
          unit = SCORE_UNIT;
          break;
        default:
          value = decimal(e.raw);
          unit = e.unit;
      }
      const row = [p.id, p.drug, e.kind, e.iso, value, unit, route, duration, e.note ?? ''];
      if (withSample) row.push(e.kind === 'level' ? (e.sample ?? 'venous') : '');
      for (const c of extras) row.push(e.extra?.[c] ?? '');
      rows.push(row);
    }
  }
  return writeCsvTable([...STANDARD_COLUMNS, ...(withSample ? ['sample'] : []), ...extras], rows, { dialect, newline: options.newline ?? '\r\n', bom: options.bom ?? false });
}
