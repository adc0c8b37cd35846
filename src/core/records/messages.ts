/**
 * The TDM CSV reader's messages: each issue code with its arguments, said from the one catalog
 * (src/i18n/catalog.ts, namespace `records`). Tests assert these texts word for word. The
 * `file:line: ` prefix is added by the reader (see `located`); file-level messages carry the file
 * name only.
 */
import type { TextParams } from '../types';
import type { MeasuredKind } from './units';
import { BCELL_MAX, LEVEL_MAX, WEIGHT_ACCEPTED, WEIGHT_MODEL_RANGE, YEARS_ACCEPTED } from './plausible';
import { englishText } from '../../i18n/catalog';

export type Dialect = 'comma' | 'semicolon';

export const REQUIRED_COLUMNS = ['patient_id', 'drug', 'kind', 'time', 'value', 'unit'] as const;
export const OPTIONAL_COLUMNS = ['route', 'duration_min', 'note', 'sample'] as const;

type Spec = Record<string, string | number | undefined>;

/** Why a file is not text (parse.ts): the catalog's context of `file_not_text`, with the control characters counted. */
export type NotText = { context: 'zip' | 'pdf' | 'nul' } | { context: 'control'; count: string; of: string };

function grouping(v: string, kind: MeasuredKind, dialect: Dialect): Spec {
  const mark = v.includes(',') ? ',' : '.';
  const m = /^(<?)(.*)$/.exec(v)!;
  const decimal = m[1] + (dialect === 'semicolon' ? String(Number(m[2].replace(mark, '.'))).replace('.', ',') : String(Number(m[2].replace(mark, '.'))));
  return { value: v, kind, dialect, mark, plain: v.replace(mark, ''), decimal };
}

/**
 * Every message the TDM CSV reader gives, by issue code: its arguments as the catalog's named
 * parameters (`context` picks one of a code's sentences). The sentences themselves, English and
 * Dutch, are the catalog's `records` namespace (src/i18n/records-en.ts, records-nl.ts).
 */
const SPEC = {
  // file level
  file_not_text: (why: NotText): Spec => ({ ...why }),
  file_empty: (): Spec => ({}),
  file_encoding: (): Spec => ({}),
  file_no_rows: (): Spec => ({}),
  header_missing: (firstLine: string): Spec => ({ found: firstLine }),
  column_missing: (name: string): Spec => ({ name }),
  column_duplicate: (name: string): Spec => ({ name }),
  column_unknown: (name: string): Spec => ({ name }),
  // CSV structure
  csv_quotes_unclosed: (): Spec => ({}),
  csv_quotes: (detail: string): Spec => ({ detail }),
  row_fields: (got: number, expected: number, separator: string): Spec => ({ got, expected, separator }),
  // cells
  patient_id_empty: (): Spec => ({}),
  patient_id_line_break: (): Spec => ({}),
  drug_unknown: (v: string): Spec => ({ value: v }),
  drug_empty: (): Spec => ({}),
  drug_mismatch: (v: string, drug: string, line: number): Spec => ({ value: v, drug, line }),
  kind_unknown: (v: string): Spec => ({ value: v }),
  kind_empty: (): Spec => ({}),
  kind_unused: (kind: 'level' | 'bcell', drug: string): Spec => ({ context: kind, drug }),
  time_invalid: (v: string): Spec => ({ value: v }),
  time_empty: (): Spec => ({}),
  value_empty: (kind: MeasuredKind, dialect: Dialect): Spec => ({ kind, dialect }),
  value_not_number: (v: string, kind: MeasuredKind, dialect: Dialect): Spec => ({ value: v, kind, dialect }),
  value_ambiguous: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind, comma: v.replace('.', ','), plain: v.replace(/\./g, '') }),
  value_negative: (v: string, kind: MeasuredKind): Spec => ({ context: kind === 'level' || kind === 'bcell' ? 'measured' : 'other', value: v, kind }),
  value_score: (v: string): Spec => ({ value: v }),
  value_zero: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind }),
  value_zero_level: (v: string): Spec => ({ value: v }),
  value_censored_not_allowed: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind }),
  value_censored_limit: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind }),
  unit_unknown: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind }),
  unit_empty: (kind: MeasuredKind): Spec => ({ kind }),
  route_unknown: (v: string): Spec => ({ value: v }),
  route_ignored: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind }),
  duration_invalid: (v: string): Spec => ({ value: v }),
  duration_ignored: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind }),
  sample_unknown: (v: string): Spec => ({ value: v }),
  sample_ignored: (v: string, kind: MeasuredKind): Spec => ({ value: v, kind }),
  dose_duplicate: (iso: string, firstLine: number): Spec => ({ time: iso, first: firstLine }),
  dose_unusual_natalizumab: (mg: string): Spec => ({ mg }),
  dose_unusual_ocrelizumab: (mg: string): Spec => ({ mg }),
  weight_unusual: (kg: string): Spec => ({ kg, min: WEIGHT_MODEL_RANGE.min, max: WEIGHT_MODEL_RANGE.max }),
  weight_implausible: (kg: string): Spec => ({ kg, min: WEIGHT_ACCEPTED.min, max: WEIGHT_ACCEPTED.max }),
  level_implausible: (v: string, unit: string, asUgPerMl: string): Spec => unit === 'ng/mL'
    ? { context: 'ng', value: v, max: LEVEL_MAX.value, maxNg: LEVEL_MAX.value * 1000 }
    : { context: 'other', value: v, unit, max: LEVEL_MAX.value, converted: asUgPerMl },
  bcell_implausible: (v: string, unit: string, asCellsPerUl: string): Spec => unit === '10^9/L'
    ? { context: 'giga', value: v, max: BCELL_MAX.value, maxGiga: BCELL_MAX.value / 1000, converted: asCellsPerUl }
    : { context: 'other', value: v, unit, max: BCELL_MAX.value },
  value_grouping: (v: string, kind: MeasuredKind, dialect: Dialect): Spec => grouping(v, kind, dialect),
  time_future: (v: string, today: string): Spec => ({ value: v, today }),
  time_years: (v: string): Spec => ({ value: v, min: YEARS_ACCEPTED.min, max: YEARS_ACCEPTED.max }),
  doses_close: (drug: string, iso: string, days: string, prevIso: string, prevLine: number | undefined): Spec =>
    ({ drug, time: iso, days, previous: prevIso, previousLine: prevLine }),
  sample_duplicate: (what: string, iso: string, otherLine: number | undefined): Spec =>
    ({ context: what === 'levels' ? 'levels' : 'bcells', time: iso, otherLine }),
  level_before_dose: (iso: string, doseIso: string, doseLine: number | undefined): Spec => ({ time: iso, dose: doseIso, doseLine }),
} as const;

export type IssueCode = keyof typeof SPEC;
/** The arguments of a message, by code. */
export type MsgArgs<C extends IssueCode> = Parameters<(typeof SPEC)[C]>;

/** The params a code's arguments give (the catalog's named parameters, `context` included). */
export function messageParams<C extends IssueCode>(code: C, ...args: MsgArgs<C>): TextParams {
  const spec = (SPEC[code] as (...a: unknown[]) => Spec)(...args);
  const params: TextParams = {};
  for (const [k, v] of Object.entries(spec)) if (v !== undefined) params[k] = v;
  return params;
}

/** Message texts by issue code, in English (the catalog's English side). */
export const MSG = Object.fromEntries(Object.keys(SPEC).map((code) => [code,
  (...args: unknown[]) => englishText('records', code, messageParams(code as IssueCode, ...(args as MsgArgs<IssueCode>)))])) as
  { [C in IssueCode]: (...args: MsgArgs<C>) => string };

/** A message as said: code, English text and its named params. */
export interface Said { code: IssueCode; message: string; params: TextParams }

/**
 * A message with its arguments kept as named `params` (with `context` where a code has several
 * sentences), so any view can say it in its language from the catalog; `message` is the English.
 */
export function say<C extends IssueCode>(code: C, ...args: MsgArgs<C>): Said {
  const params = messageParams(code, ...args);
  return { code, message: englishText('records', code, params), params };
}

/** `file:line: message`, or `file: message` without a line. */
export function located(file: string, line: number | undefined, message: string): string {
  return line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}
